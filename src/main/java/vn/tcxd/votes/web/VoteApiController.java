package vn.tcxd.votes.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.tcxd.shared.DecisionRequest;
import vn.tcxd.shared.NotFound;
import vn.tcxd.shared.RuleViolation;
import vn.tcxd.votes.BulletinBoard;
import vn.tcxd.votes.ConfidenceLevel;
import vn.tcxd.votes.SessionBody;
import vn.tcxd.votes.VoteAct;
import vn.tcxd.votes.VoteResults;
import vn.tcxd.votes.VoteRuleSet;
import vn.tcxd.votes.VoteSession;
import vn.tcxd.votes.Votes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON API of confidence votes. Organising, attendance, paper counts and conclusion need write scope on
 * the session's unit; sessions, results and boards need read scope. Casting a ballot and checking a
 * receipt are anonymous on purpose ({@code /api/v1/ballots}): they take a credential or a receipt, never
 * an account.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Lấy phiếu tín nhiệm", description = "Confidence vote sessions, attendance, secret ballots, bulletin boards, paper counts, results")
class VoteApiController {

    private final Votes votes;
    private final ScopedVotes scoped;

    VoteApiController(Votes votes, ScopedVotes scoped) {
        this.votes = votes;
        this.scoped = scoped;
    }

    record ConveneRequest(String name, SessionBody body, LocalDate heldOn, Instant opensAt, Instant closesAt,
                          List<Long> incumbencyIds, VoteRuleSet.Denominator denominator, DecisionRequest decision) {
    }

    record AttendanceRequest(Set<Long> present, Set<Long> paper, Long countingHead, Set<Long> countingMembers) {
    }

    record PaperCountRequest(Integer collected, Integer invalidNotIssued, Integer invalidStruck, Integer invalidAdded,
                             Integer invalidBoxes, List<VoteSession.PaperTally> tallies) {
    }

    record ConcludeRequest(LocalDate on, DecisionRequest decision) {
    }

    record BallotRequest(String credential, Map<Long, ConfidenceLevel> choices) {
    }

    record Created(long id) {
    }

    record ReceiptResponse(String receipt) {
    }

    @GetMapping("/vote-rule-sets")
    @Operation(summary = "Rule sets of confidence votes with their legal basis and validity (QĐ 262/2014, QĐ 96/2023)")
    List<VoteRuleSet> ruleSets() {
        return votes.ruleSets();
    }

    @GetMapping("/vote-sessions")
    @Operation(summary = "Every vote session the caller may read (newest first), e.g. for the verification command")
    List<VoteSession.Summary> readable() {
        return scoped.readableSessions();
    }

    @GetMapping("/units/{unitId}/vote-sessions")
    @Operation(summary = "The vote sessions of a unit's bodies, newest first")
    List<VoteSession.Summary> sessions(@PathVariable long unitId) {
        scoped.requireReadUnit(unitId);
        return votes.sessions(unitId);
    }

    @PostMapping("/units/{unitId}/vote-sessions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Convene a session: the unit's committee or standing board on the holders of the given incumbencies")
    Created convene(@PathVariable long unitId, @RequestBody ConveneRequest r) {
        scoped.requireWriteUnit(unitId);
        return new Created(votes.convene(new VoteAct.Convene(unitId, r.body(), r.name(), r.heldOn(), r.opensAt(),
                r.closesAt(), r.incumbencyIds(), r.denominator(), DecisionRequest.required(r.decision()))));
    }

    @GetMapping("/vote-sessions/{sessionId}")
    @Operation(summary = "A session with its voters, attendance, counting board and the people voted on")
    VoteSession session(@PathVariable long sessionId) {
        return scoped.readable(sessionId);
    }

    @PostMapping("/vote-sessions/{sessionId}/attendance")
    @Operation(summary = "Take attendance; returns the one-time credentials to hand out (shown once, never stored)")
    Votes.IssuedCredentials attendance(@PathVariable long sessionId, @RequestBody AttendanceRequest r) {
        scoped.writable(sessionId);
        return votes.takeAttendance(new VoteAct.TakeAttendance(sessionId, r.present(), r.paper(), r.countingHead(),
                r.countingMembers()));
    }

    @PutMapping("/vote-sessions/{sessionId}/paper-count")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The counting board's paper figures: collected, invalid by reason, levels per person")
    void paper(@PathVariable long sessionId, @RequestBody PaperCountRequest r) {
        scoped.writable(sessionId);
        votes.recordPaperCount(new VoteAct.RecordPaperCount(sessionId, new VoteSession.PaperCount(
                required(r.collected(), "collected"), orZero(r.invalidNotIssued()), orZero(r.invalidStruck()),
                orZero(r.invalidAdded()), orZero(r.invalidBoxes()), r.tallies() == null ? List.of() : r.tallies())));
    }

    @PostMapping("/vote-sessions/{sessionId}/conclusion")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Conclude after the window closed: freeze the results and publish the outcomes to cadre work")
    void conclude(@PathVariable long sessionId, @RequestBody ConcludeRequest r) {
        scoped.writable(sessionId);
        votes.conclude(new VoteAct.Conclude(sessionId, r.on(), DecisionRequest.required(r.decision())));
    }

    @GetMapping("/vote-sessions/{sessionId}/results")
    @Operation(summary = "Counts, shares of the stated base and outcomes per person; refused without quorum or while the window is open")
    VoteResults results(@PathVariable long sessionId) {
        scoped.readable(sessionId);
        return votes.results(sessionId);
    }

    @GetMapping("/vote-sessions/{sessionId}/board")
    @Operation(summary = "The bulletin board (format tcxd-board-v1): credential tags, ballots by hash with their content once the window closed, paper counts, published tally")
    BulletinBoard board(@PathVariable long sessionId) {
        scoped.readable(sessionId);
        return votes.board(sessionId);
    }

    @GetMapping(value = "/vote-sessions/{sessionId}/minutes.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The counting minutes (biên bản kiểm phiếu) as a party-document PDF")
    ResponseEntity<byte[]> minutes(@PathVariable long sessionId) {
        scoped.readable(sessionId);
        return VotePageController.pdf(sessionId, votes.minutes(sessionId));
    }

    @PostMapping("/ballots")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Cast a secret ballot with a one-time credential (anonymous); returns the receipt, the ballot's hash")
    ReceiptResponse cast(@RequestBody BallotRequest r) {
        Map<Long, ConfidenceLevel> choices = r.choices() == null ? Map.of() : new HashMap<>(r.choices());
        choices.values().removeIf(java.util.Objects::isNull);
        return new ReceiptResponse(votes.cast(r.credential(), choices));
    }

    record ReceiptRequest(String receipt) {
    }

    /** A POST, so that no receipt is ever in a URL (and so in no access or proxy log). */
    @PostMapping("/ballots/receipt-check")
    @Operation(summary = "Whether a receipt is on a session's bulletin board (anonymous)")
    Votes.ReceiptCheck receipt(@RequestBody ReceiptRequest r) {
        return votes.receipt(r.receipt()).orElseThrow(() -> new NotFound("receipt"));
    }

    private static int required(Integer value, String field) {
        if (value == null) throw RuleViolation.onField(field, "error.vote.paperRequired");
        return value;
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
