package vn.tcxd.development.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.tcxd.development.Candidate;
import vn.tcxd.development.CandidateRecord;
import vn.tcxd.development.Development;
import vn.tcxd.development.DevelopmentAct;
import vn.tcxd.development.DevelopmentRuleSet;
import vn.tcxd.development.FileDocument;
import vn.tcxd.development.SponsorKind;
import vn.tcxd.orgstructure.OrgScope;
import vn.tcxd.shared.DecisionRequest;
import vn.tcxd.shared.NotFound;
import vn.tcxd.shared.scope.CurrentAccess;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * JSON API of party development. Reading a unit's candidates or a candidate needs read scope on the
 * candidate's cell; every act needs write scope on it (a committee above the cell has it over its
 * subtree). A candidate outside the caller's scope answers 404 like a missing one.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Phát triển đảng viên", description = "Outstanding candidates, awareness classes, sponsors, file, votes, admission decisions, targets")
class CandidateApiController {

    private final Development development;
    private final OrgScope orgScope;
    private final CurrentAccess access;

    CandidateApiController(Development development, OrgScope orgScope, CurrentAccess access) {
        this.development = development;
        this.orgScope = orgScope;
        this.access = access;
    }

    record ProposeRequest(CandidateRecord person, LocalDate on, String actor, DecisionRequest decision) {
    }

    record ClassRequest(String name, LocalDate startsOn, LocalDate endsOn, DecisionRequest decision) {
    }

    record CertificateRequest(Long classId, String certificateNumber, LocalDate certificateOn, String actor,
                              DecisionRequest decision) {
    }

    record SponsorRequest(List<Long> memberIds, SponsorKind resolution, LocalDate on, String actor,
                          DecisionRequest decision) {
    }

    record FileRequest(Set<FileDocument> present, LocalDate on, String actor, DecisionRequest decision) {
    }

    record VoteRequest(LocalDate on, int inFavour, int of, String actor, DecisionRequest decision) {
    }

    record DecisionActRequest(String actor, DecisionRequest decision) {
    }

    record RefusalRequest(LocalDate on, String reason, String actor, DecisionRequest decision) {
    }

    record TargetRequest(int admissions, DecisionRequest decision) {
    }

    record Created(long id) {
    }

    record Target(long unitId, int year, Integer admissions) {
    }

    @GetMapping("/development-rule-sets")
    @Operation(summary = "The admission rule sets with their legal basis and validity")
    List<DevelopmentRuleSet> ruleSets() {
        return development.ruleSets();
    }

    @GetMapping("/units/{unitId}/candidates")
    @Operation(summary = "Candidates proposed by the unit or below it, newest first (refused and admitted included)")
    List<Candidate.Summary> candidates(@PathVariable long unitId) {
        orgScope.requireRead(access.scope(), unitId);
        return development.candidates(unitId);
    }

    @PostMapping("/units/{unitId}/candidates")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "The cell proposes an outstanding candidate")
    Created propose(@PathVariable long unitId, @RequestBody ProposeRequest r) {
        orgScope.requireWrite(access.scope(), unitId);
        return new Created(development.apply(new DevelopmentAct.Propose(unitId, r.person(), r.on(), r.actor(),
                DecisionRequest.required(r.decision()))));
    }

    @PostMapping("/units/{unitId}/awareness-classes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "An awareness class about the Party held by the unit")
    Created openClass(@PathVariable long unitId, @RequestBody ClassRequest r) {
        orgScope.requireWrite(access.scope(), unitId);
        return new Created(development.apply(new DevelopmentAct.OpenClass(unitId, r.name(), r.startsOn(), r.endsOn(),
                DecisionRequest.required(r.decision()))));
    }

    @GetMapping("/units/{unitId}/admission-targets/{year}")
    @Operation(summary = "The unit's admission target for a year (null when none is set)")
    Target target(@PathVariable long unitId, @PathVariable int year) {
        orgScope.requireRead(access.scope(), unitId);
        OptionalInt t = development.target(unitId, year);
        return new Target(unitId, year, t.isPresent() ? t.getAsInt() : null);
    }

    @PutMapping("/units/{unitId}/admission-targets/{year}")
    @Operation(summary = "Sets (or replaces) the unit's admission target for a year")
    Target setTarget(@PathVariable long unitId, @PathVariable int year, @RequestBody TargetRequest r) {
        orgScope.requireWrite(access.scope(), unitId);
        development.apply(new DevelopmentAct.SetTarget(unitId, year, r.admissions(), DecisionRequest.required(r.decision())));
        return target(unitId, year);
    }

    @GetMapping("/candidates/{candidateId}")
    @Operation(summary = "A candidate's file: the person, the steps with their documents, sponsors, certificate and checklist")
    Candidate candidate(@PathVariable long candidateId) {
        return readable(candidateId);
    }

    @PostMapping("/candidates/{candidateId}/certificate")
    @Operation(summary = "The awareness-class certificate")
    Candidate certify(@PathVariable long candidateId, @RequestBody CertificateRequest r) {
        writable(candidateId);
        development.apply(new DevelopmentAct.Certify(candidateId, r.classId() == null ? 0 : r.classId(),
                r.certificateNumber(), r.certificateOn(), r.actor(), DecisionRequest.required(r.decision())));
        return readable(candidateId);
    }

    @PostMapping("/candidates/{candidateId}/sponsors")
    @Operation(summary = "The sponsors: two full members, or a union's resolution and one full member")
    Candidate sponsor(@PathVariable long candidateId, @RequestBody SponsorRequest r) {
        writable(candidateId);
        development.apply(new DevelopmentAct.Sponsor(candidateId, r.memberIds(), r.resolution(), r.on(), r.actor(),
                DecisionRequest.required(r.decision())));
        return readable(candidateId);
    }

    @PostMapping("/candidates/{candidateId}/file")
    @Operation(summary = "The file checklist (HD 12-HD/BTCTW II.1.1(a)): the documents present")
    Candidate file(@PathVariable long candidateId, @RequestBody FileRequest r) {
        writable(candidateId);
        development.apply(new DevelopmentAct.RecordFile(candidateId, r.present(), r.on(), r.actor(),
                DecisionRequest.required(r.decision())));
        return readable(candidateId);
    }

    @PostMapping("/candidates/{candidateId}/cell-vote")
    @Operation(summary = "The cell's vote: at least 2/3 of its full members in favour")
    Candidate cellVote(@PathVariable long candidateId, @RequestBody VoteRequest r) {
        writable(candidateId);
        development.apply(new DevelopmentAct.CellVote(candidateId, r.on(), r.inFavour(), r.of(), r.actor(),
                DecisionRequest.required(r.decision())));
        return readable(candidateId);
    }

    @PostMapping("/candidates/{candidateId}/committee-vote")
    @Operation(summary = "The grassroots committee's vote: at least 2/3 of its members in favour")
    Candidate committeeVote(@PathVariable long candidateId, @RequestBody VoteRequest r) {
        writable(candidateId);
        development.apply(new DevelopmentAct.CommitteeVote(candidateId, r.on(), r.inFavour(), r.of(), r.actor(),
                DecisionRequest.required(r.decision())));
        return readable(candidateId);
    }

    @PostMapping("/candidates/{candidateId}/decision")
    @Operation(summary = "The admission decision, within 60 working days of the cell's resolution; the member is created")
    Candidate decide(@PathVariable long candidateId, @RequestBody DecisionActRequest r) {
        writable(candidateId);
        development.apply(new DevelopmentAct.Decide(candidateId, r.actor(), DecisionRequest.required(r.decision())));
        return readable(candidateId);
    }

    @PostMapping("/candidates/{candidateId}/refusal")
    @Operation(summary = "Ends the candidacy without admission; the candidate stays in history")
    Candidate refuse(@PathVariable long candidateId, @RequestBody RefusalRequest r) {
        writable(candidateId);
        development.apply(new DevelopmentAct.Refuse(candidateId, r.on(), r.reason(), r.actor(),
                DecisionRequest.required(r.decision())));
        return readable(candidateId);
    }

    private Candidate readable(long candidateId) {
        Candidate c = development.candidate(candidateId).orElseThrow(() -> new NotFound("candidate " + candidateId));
        orgScope.requireRead(access.scope(), c.unitId());
        return c;
    }

    private void writable(long candidateId) {
        Candidate c = development.candidate(candidateId).orElseThrow(() -> new NotFound("candidate " + candidateId));
        orgScope.requireWrite(access.scope(), c.unitId());
    }
}
