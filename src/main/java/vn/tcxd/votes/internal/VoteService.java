package vn.tcxd.votes.internal;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tcxd.cadres.Cadres;
import vn.tcxd.cadres.Committee;
import vn.tcxd.cadres.CommitteeRole;
import vn.tcxd.cadres.ConfidenceResultsPublished;
import vn.tcxd.cadres.Incumbency;
import vn.tcxd.cadres.Term;
import vn.tcxd.orgstructure.OrgScope;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.UnitDetails;
import vn.tcxd.shared.NotFound;
import vn.tcxd.shared.RuleViolation;
import vn.tcxd.shared.VietnameseText;
import vn.tcxd.shared.audit.AuditedChange;
import vn.tcxd.votes.BallotCodec;
import vn.tcxd.votes.BallotTally;
import vn.tcxd.votes.BulletinBoard;
import vn.tcxd.votes.ConfidenceLevel;
import vn.tcxd.votes.SessionBody;
import vn.tcxd.votes.SessionState;
import vn.tcxd.votes.VoteAct;
import vn.tcxd.votes.VoteOutcome;
import vn.tcxd.votes.VoteResults;
import vn.tcxd.votes.VoteRuleSet;
import vn.tcxd.votes.VoteSession;
import vn.tcxd.votes.Votes;
import vn.tcxd.votes.internal.VoteRepository.ResultRow;
import vn.tcxd.votes.internal.VoteRepository.SessionRow;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Confidence votes. Secrecy is kept by what is never written: casting publishes no audit, logs nothing
 * and stores no time, voter or account; credentials are generated here, returned once and kept only as
 * tags, all of a session's in one statement.
 */
@Service
@Transactional(readOnly = true)
class VoteService implements Votes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final VoteRepository repo;
    private final Cadres cadres;
    private final OrgStructure org;
    private final OrgScope orgScope;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MinutesPdf minutesPdf;

    VoteService(VoteRepository repo, Cadres cadres, OrgStructure org, OrgScope orgScope, ApplicationEventPublisher events,
                Clock clock, MinutesPdf minutesPdf) {
        this.repo = repo;
        this.cadres = cadres;
        this.org = org;
        this.orgScope = orgScope;
        this.events = events;
        this.clock = clock;
        this.minutesPdf = minutesPdf;
    }

    // ---- rule sets -------------------------------------------------------------------------------------

    @Override
    public List<VoteRuleSet> ruleSets() {
        return repo.ruleSets();
    }

    @Override
    public VoteRuleSet ruleSetOn(LocalDate date) {
        return repo.ruleSets().stream().filter(r -> r.ruleSet().validity().contains(date)).findFirst()
                .orElseThrow(() -> RuleViolation.onField("heldOn", "error.vote.noRuleSet", vn.tcxd.shared.VietnameseFormat.date(date)));
    }

    private VoteRuleSet ruleSet(String code) {
        return repo.ruleSets().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
    }

    // ---- sessions ----------------------------------------------------------------------------------------

    @Override
    public List<VoteSession.Summary> sessions(long unitId) {
        return repo.sessionsOf(unitId);
    }

    @Override
    public List<VoteSession.Summary> allSessions() {
        return repo.sessionsOf(null);
    }

    @Override
    public Optional<VoteSession> session(long sessionId) {
        return repo.session(sessionId, false).map(this::session);
    }

    private VoteSession session(SessionRow s) {
        return new VoteSession(s.id(), s.unitId(), unitName(s.unitId(), s.heldOn()), s.termId(), s.body(), s.name(),
                s.heldOn(), s.opensAt(), s.closesAt(), s.ruleSetCode(), s.denominator(), s.state(), s.decision(),
                s.convened(), s.present(), s.electronic(), s.paper(), repo.ballotCount(s.id()), s.paperCount(),
                s.concludedOn(), s.resultDecision(), repo.voters(s.id()), repo.candidates(s.id()));
    }

    private String unitName(long unitId, LocalDate on) {
        return org.unit(unitId, on).or(() -> org.lastKnown(unitId)).map(UnitDetails::name).orElse("#" + unitId);
    }

    private SessionRow require(long sessionId, boolean forUpdate) {
        return repo.session(sessionId, forUpdate).orElseThrow(() -> new NotFound("vote session " + sessionId));
    }

    @Override
    @Transactional
    public long convene(VoteAct.Convene a) {
        String name = VietnameseText.requireText(a.name(), "name", 300);
        if (a.heldOn() == null) throw RuleViolation.onField("heldOn", "error.vote.heldOnRequired");
        if (a.decision() == null) throw RuleViolation.onField("decision", "error.decision.required");
        if (a.body() == null) throw RuleViolation.onField("body", "error.vote.bodyRequired");
        if (a.opensAt() == null || a.closesAt() == null || !a.closesAt().isAfter(a.opensAt())) {
            throw RuleViolation.onField("closesAt", "error.vote.window");
        }
        VoteRuleSet rules = ruleSetOn(a.heldOn());
        UnitDetails unit = org.unit(a.unitId(), a.heldOn())
                .orElseThrow(() -> RuleViolation.onField("heldOn", "error.vote.unitNotOn", vn.tcxd.shared.VietnameseFormat.date(a.heldOn())));
        Term term = cadres.terms(a.unitId()).stream().filter(t -> t.covers(a.heldOn())).findFirst()
                .orElseThrow(() -> RuleViolation.onField("heldOn", "error.vote.noTerm", unit.name(),
                        vn.tcxd.shared.VietnameseFormat.date(a.heldOn())));
        Committee committee = cadres.committee(term.id(), a.heldOn());
        List<Committee.Seat> seats = committee.members().stream()
                .filter(s -> a.body() == SessionBody.COMMITTEE || s.role() != CommitteeRole.MEMBER).toList();
        if (seats.isEmpty()) throw RuleViolation.onField("body", "error.vote.noVoters");
        if (a.incumbencyIds() == null || a.incumbencyIds().isEmpty()) {
            throw RuleViolation.onField("incumbencyIds", "error.vote.noCandidates");
        }
        List<Incumbency> held = new ArrayList<>();
        Set<Long> people = new HashSet<>();
        for (long id : new java.util.LinkedHashSet<>(a.incumbencyIds())) {
            Incumbency inc = cadres.incumbency(id).filter(i -> i.heldOn(a.heldOn())
                            && orgScope.isWithin(i.unitId(), a.unitId(), a.heldOn()))
                    .orElseThrow(() -> RuleViolation.onField("incumbencyIds", "error.vote.notHolder",
                            vn.tcxd.shared.VietnameseFormat.date(a.heldOn())));
            if (!people.add(inc.memberId())) {
                throw RuleViolation.onField("incumbencyIds", "error.vote.personTwice", inc.fullName());
            }
            VoteRules.requirePlaceLeft(rules, inc.fullName(), repo.placesOf(inc.memberId(), a.heldOn().getYear(), -1));
            held.add(inc);
        }
        VoteRuleSet.Denominator denominator = a.denominator() == null ? rules.denominator() : a.denominator();
        long id = repo.insertSession(a.unitId(), term.id(), a.body(), name, a.heldOn(), a.opensAt(), a.closesAt(),
                rules.code(), denominator, a.decision());
        for (Committee.Seat s : seats) {
            repo.insertVoter(id, s.memberId(), s.fullName(), s.role().name());
        }
        repo.setConvened(id, seats.size());
        int ordinal = 0;
        for (Incumbency inc : held) {
            repo.insertCandidate(id, inc.memberId(), inc.id(), inc.fullName(), inc.title().name(), inc.unitName(), ++ordinal);
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("name", name);
        after.put("heldOn", a.heldOn().toString());
        after.put("body", a.body().name());
        after.put("convened", seats.size());
        after.put("people", held.stream().map(Incumbency::memberId).toList());
        after.put("ruleSet", rules.code());
        after.put("denominator", denominator.name());
        audit("SESSION_CONVENED", id, a.unitId(), null, after, a.decision());
        return id;
    }

    @Override
    @Transactional
    public IssuedCredentials takeAttendance(VoteAct.TakeAttendance a) {
        SessionRow s = require(a.sessionId(), true);
        if (s.state() != SessionState.SETUP) throw new RuleViolation("error.vote.attendanceTaken");
        Set<Long> convened = repo.voters(s.id()).stream().map(VoteSession.Voter::memberId).collect(Collectors.toSet());
        Set<Long> present = a.present() == null ? Set.of() : a.present();
        Set<Long> paper = a.paper() == null ? Set.of() : a.paper();
        Set<Long> counting = new HashSet<>(a.countingMembers() == null ? Set.of() : a.countingMembers());
        if (a.countingHead() != null) counting.add(a.countingHead());
        if (!convened.containsAll(present)) throw RuleViolation.onField("present", "error.vote.notConvened");
        if (!present.containsAll(paper)) throw RuleViolation.onField("paper", "error.vote.paperNotPresent");
        if (!present.containsAll(counting)) throw RuleViolation.onField("counting", "error.vote.countingNotPresent");
        VoteRuleSet rules = ruleSet(s.ruleSetCode());
        boolean quorum = VoteRules.quorumMet(rules, present.size(), convened.size());
        // without quorum the attendance stands as a fact, but nothing is issued and no result will come
        for (long m : convened) {
            boolean here = present.contains(m);
            VoteSession.BallotMode mode = !here ? null : paper.contains(m) ? VoteSession.BallotMode.PAPER : VoteSession.BallotMode.ELECTRONIC;
            VoteSession.CountingRole role = a.countingHead() != null && a.countingHead() == m ? VoteSession.CountingRole.HEAD
                    : counting.contains(m) ? VoteSession.CountingRole.MEMBER : null;
            repo.attend(s.id(), m, here, mode, quorum && mode == VoteSession.BallotMode.ELECTRONIC, role);
        }
        int electronic = quorum ? present.size() - paper.size() : 0;
        int paperBallots = quorum ? paper.size() : 0;
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < electronic; i++) codes.add(newCode());
        // sorted by tag: an order that says nothing about whom a slip went to
        repo.insertCredentials(s.id(), codes.stream().map(BallotCodec::credentialTag).sorted().toList());
        repo.startVoting(s.id(), present.size(), electronic, paperBallots);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("convened", convened.size());
        after.put("present", present.size());
        after.put("quorum", quorum);
        after.put("credentials", electronic);
        after.put("paperBallots", paperBallots);
        audit("ATTENDANCE_TAKEN", s.id(), s.unitId(), null, after, null);
        java.util.Collections.shuffle(codes, RANDOM);
        return new IssuedCredentials(s.id(), codes.stream().map(BallotCodec::display).toList(), paperBallots);
    }

    private static String newCode() {
        StringBuilder b = new StringBuilder(BallotCodec.CODE_LENGTH);
        for (int i = 0; i < BallotCodec.CODE_LENGTH; i++) b.append(BallotCodec.ALPHABET.charAt(RANDOM.nextInt(32)));
        return b.toString();
    }

    @Override
    @Transactional
    public void recordPaperCount(VoteAct.RecordPaperCount a) {
        SessionRow s = require(a.sessionId(), true);
        if (s.state() != SessionState.VOTING) throw new RuleViolation("error.vote.notVoting");
        if (a.count() == null) throw RuleViolation.onField("collected", "error.vote.paperRequired");
        Set<Long> people = repo.candidates(s.id()).stream().map(VoteSession.Candidate::memberId).collect(Collectors.toSet());
        VoteRules.requirePaperFits(a.count(), s.paper() == null ? 0 : s.paper(), people);
        repo.savePaper(s.id(), a.count());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("collected", a.count().collected());
        after.put("invalid", a.count().invalid());
        after.put("tallies", a.count().tallies().stream().map(t -> t.memberId() + ":" + t.high() + "/" + t.confidence() + "/" + t.low()).toList());
        audit("PAPER_COUNTED", s.id(), s.unitId(), null, after, null);
    }

    // ---- ballots -------------------------------------------------------------------------------------------

    /** The session a credential opens, checked for everything but the choices. */
    private SessionRow sessionForBallot(String credential, String tag) {
        if (!BallotCodec.wellFormedCode(credential)) throw RuleViolation.onField("credential", "error.vote.credentialInvalid");
        long sessionId = repo.sessionOfCredential(tag)
                .orElseThrow(() -> RuleViolation.onField("credential", "error.vote.credentialInvalid"));
        SessionRow s = require(sessionId, false);
        Instant now = clock.instant();
        if (s.state() != SessionState.VOTING || now.isBefore(s.opensAt()) || !now.isBefore(s.closesAt())) {
            throw RuleViolation.onField("credential", "error.vote.outsideWindow",
                    vn.tcxd.shared.VietnameseFormat.dateTime(s.opensAt()), vn.tcxd.shared.VietnameseFormat.dateTime(s.closesAt()));
        }
        if (repo.credentialUsed(tag)) throw RuleViolation.onField("credential", "error.vote.credentialUsed");
        return s;
    }

    @Override
    public OpenBallot openBallot(String credential) {
        SessionRow s = sessionForBallot(credential, BallotCodec.credentialTag(credential));
        return new OpenBallot(s.id(), s.name(), unitName(s.unitId(), s.heldOn()), s.closesAt(), repo.candidates(s.id()));
    }

    @Override
    @Transactional
    public String cast(String credential, Map<Long, ConfidenceLevel> choices) {
        String tag = BallotCodec.credentialTag(credential);
        SessionRow s = sessionForBallot(credential, tag);
        List<Long> people = repo.candidates(s.id()).stream().map(VoteSession.Candidate::memberId).toList();
        Map<Long, ConfidenceLevel> given = choices == null ? Map.of() : choices;
        if (!people.containsAll(given.keySet())) throw RuleViolation.onField("choices", "error.vote.notVotedOn");
        String content = BallotCodec.content(people, given);
        byte[] n = new byte[16];
        RANDOM.nextBytes(n);
        String nonce = HexFormat.of().formatHex(n);
        String hash = BallotCodec.hash(s.id(), tag, nonce, content);
        if (!repo.insertBallot(s.id(), hash, tag, nonce, content)) {
            throw RuleViolation.onField("credential", "error.vote.credentialUsed");
        }
        // deliberately no audit entry and no log line: see docs/votes.md
        return hash;
    }

    @Override
    public Optional<ReceiptCheck> receipt(String receipt) {
        String r = receipt == null ? "" : receipt.strip().toLowerCase(java.util.Locale.ROOT);
        if (!r.matches("[0-9a-f]{64}")) return Optional.empty();
        return repo.sessionOfBallot(r).flatMap(id -> repo.session(id, false)).map(s -> {
            boolean concluded = s.state() == SessionState.CONCLUDED;
            Integer ballots = concluded ? repo.ballotCount(s.id()) + (s.paperCount() == null ? 0 : s.paperCount().valid()) : null;
            return new ReceiptCheck(s.id(), s.name(), s.state(), concluded ? s.convened() : null,
                    concluded ? s.present() : null, ballots);
        });
    }

    // ---- results -------------------------------------------------------------------------------------------

    @Override
    public VoteResults results(long sessionId) {
        SessionRow s = require(sessionId, false);
        return results(s, repo.candidates(s.id()));
    }

    private VoteResults results(SessionRow s, List<VoteSession.Candidate> candidates) {
        VoteRuleSet rules = ruleSet(s.ruleSetCode());
        if (s.state() == SessionState.SETUP) throw new RuleViolation("error.vote.noAttendance");
        int present = s.present();
        if (!VoteRules.quorumMet(rules, present, s.convened())) {
            throw new RuleViolation("error.vote.noQuorum", present, s.convened(), rules.quorum().num() + "/" + rules.quorum().den());
        }
        int electronicBallots = repo.ballotCount(s.id());
        VoteSession.PaperCount paper = s.paperCount();
        int paperValid = paper == null ? 0 : paper.valid();
        int paperInvalid = paper == null ? 0 : paper.invalid();
        int valid = electronicBallots + paperValid;
        int base = VoteRules.base(s.denominator(), s.convened(), present, valid);
        Map<Long, VoteSession.Candidate> byId = new LinkedHashMap<>();
        candidates.forEach(c -> byId.put(c.memberId(), c));
        List<VoteResults.PersonResult> people = new ArrayList<>();
        if (s.state() == SessionState.CONCLUDED) {
            Map<Long, ResultRow> frozen = repo.results(s.id()).stream().collect(Collectors.toMap(ResultRow::memberId, r -> r));
            for (VoteSession.Candidate c : candidates) {
                ResultRow r = frozen.get(c.memberId());
                people.add(person(c, r.high(), r.confidence(), r.low(), r.blank(), r.base(), r.outcome()));
            }
            return new VoteResults(s.id(), rules, s.denominator(), true, s.convened(), present, electronicBallots,
                    paperValid, paperInvalid, valid, base, people);
        }
        if (clock.instant().isBefore(s.closesAt())) {
            throw new RuleViolation("error.vote.windowOpen", vn.tcxd.shared.VietnameseFormat.dateTime(s.closesAt()));
        }
        if (s.paper() != null && s.paper() > 0 && paper == null) throw new RuleViolation("error.vote.paperMissing", s.paper());
        Map<Long, int[]> counts = tally(s.id(), byId.keySet(), paper);
        for (VoteSession.Candidate c : candidates) {
            int[] n = counts.get(c.memberId());
            people.add(person(c, n[0], n[1], n[2], n[3], base, VoteRules.outcome(rules, n[2], base)));
        }
        return new VoteResults(s.id(), rules, s.denominator(), false, s.convened(), present, electronicBallots,
                paperValid, paperInvalid, valid, base, people);
    }

    /** Per person: high, confidence, low, blank, over the electronic ballots and the valid paper ones. */
    private Map<Long, int[]> tally(long sessionId, Set<Long> people, VoteSession.PaperCount paper) {
        BallotTally electronic = new BallotTally(people);
        repo.ballotContents(sessionId).forEach(electronic::add);
        Map<Long, int[]> counts = electronic.counts();
        if (paper != null) {
            Map<Long, VoteSession.PaperTally> byPerson = paper.tallies().stream()
                    .collect(Collectors.toMap(VoteSession.PaperTally::memberId, t -> t));
            for (long p : people) {
                VoteSession.PaperTally t = byPerson.get(p);
                int[] c = counts.get(p);
                int h = t == null ? 0 : t.high(), m = t == null ? 0 : t.confidence(), l = t == null ? 0 : t.low();
                c[0] += h;
                c[1] += m;
                c[2] += l;
                c[3] += paper.valid() - h - m - l;
            }
        }
        return counts;
    }

    private static VoteResults.PersonResult person(VoteSession.Candidate c, int high, int confidence, int low, int blank,
                                                   int base, VoteOutcome outcome) {
        return new VoteResults.PersonResult(c.memberId(), c.fullName(), c.titleName(), high, confidence, low, blank, base,
                VoteRules.share(high, base), VoteRules.share(confidence, base), VoteRules.share(low, base), outcome);
    }

    @Override
    @Transactional
    public void conclude(VoteAct.Conclude a) {
        SessionRow s = require(a.sessionId(), true);
        if (s.state() == SessionState.CONCLUDED) throw new RuleViolation("error.vote.concluded");
        if (a.decision() == null) throw RuleViolation.onField("decision", "error.decision.required");
        LocalDate on = a.on() == null ? LocalDate.now(clock.withZone(vn.tcxd.shared.VietnameseFormat.ZONE)) : a.on();
        if (on.isBefore(s.heldOn())) throw RuleViolation.onField("on", "error.vote.concludedBeforeHeld");
        VoteResults r = results(s, repo.candidates(s.id()));
        List<ResultRow> rows = r.people().stream().map(p -> new ResultRow(p.memberId(), p.high(), p.confidence(), p.low(),
                p.blank(), p.base(), p.outcome())).toList();
        repo.saveResults(s.id(), rows, on, a.decision());
        VoteRuleSet rules = r.ruleSet();
        events.publishEvent(new ConfidenceResultsPublished(s.id(), s.name(), s.unitId(), s.heldOn(), rules.code(),
                r.people().stream().map(p -> new ConfidenceResultsPublished.Outcome(p.memberId(), p.low(), p.base(),
                        p.outcome() != VoteOutcome.NONE, p.outcome() == VoteOutcome.DISMISSAL,
                        p.outcome() == VoteOutcome.DISMISSAL ? rules.dismissalBasis() : rules.removalBasis())).toList()));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("ballots", r.ballots());
        after.put("base", r.base());
        after.put("outcomes", r.people().stream().filter(p -> p.outcome() != VoteOutcome.NONE)
                .map(p -> p.memberId() + ":" + p.outcome()).toList());
        audit("SESSION_CONCLUDED", s.id(), s.unitId(), null, after, a.decision());
    }

    @Override
    public BulletinBoard board(long sessionId) {
        SessionRow s = require(sessionId, false);
        boolean sealed = s.state() == SessionState.VOTING && clock.instant().isBefore(s.closesAt());
        // while ballots may still be cast, the board shows only hashes: a partial tally would sway the rest
        List<BulletinBoard.Ballot> ballots = repo.ballots(s.id()).stream()
                .map(b -> sealed ? new BulletinBoard.Ballot(b.hash(), b.credentialTag(), null, null) : b).toList();
        List<BulletinBoard.Tally> published = s.state() != SessionState.CONCLUDED ? List.of()
                : repo.results(s.id()).stream().sorted(java.util.Comparator.comparingLong(ResultRow::memberId))
                .map(r -> new BulletinBoard.Tally(r.memberId(), r.high(), r.confidence(), r.low(), r.blank())).toList();
        return new BulletinBoard(BulletinBoard.FORMAT, s.id(), s.name(), s.state(),
                repo.candidates(s.id()).stream().map(VoteSession.Candidate::memberId).sorted().toList(),
                repo.credentialTags(s.id()), ballots, sealed ? null : s.paperCount(), published);
    }

    @Override
    public byte[] minutes(long sessionId) {
        SessionRow s = require(sessionId, false);
        VoteSession session = session(s);
        VoteResults r = results(s, session.candidates());
        UnitDetails unit = org.unit(s.unitId(), s.heldOn()).or(() -> org.lastKnown(s.unitId())).orElseThrow();
        return minutesPdf.write(session, r, unit);
    }

    private void audit(String action, long sessionId, long unitId, Map<String, Object> before, Map<String, Object> after,
                       vn.tcxd.shared.DecisionRef decision) {
        events.publishEvent(new AuditedChange("votes." + action, "vote_session", Long.toString(sessionId), unitId, before,
                after, decision));
    }
}
