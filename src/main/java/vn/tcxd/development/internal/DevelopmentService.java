package vn.tcxd.development.internal;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tcxd.calendar.WorkingDays;
import vn.tcxd.development.Candidate;
import vn.tcxd.development.CandidateRecord;
import vn.tcxd.development.CandidateState;
import vn.tcxd.development.Development;
import vn.tcxd.development.DevelopmentAct;
import vn.tcxd.development.DevelopmentRuleSet;
import vn.tcxd.development.FileDocument;
import vn.tcxd.development.SponsorKind;
import vn.tcxd.development.internal.DevelopmentRepository.CandidateRow;
import vn.tcxd.members.CodeItem;
import vn.tcxd.members.CodeList;
import vn.tcxd.members.MemberAct;
import vn.tcxd.members.MemberRecord;
import vn.tcxd.members.MemberState;
import vn.tcxd.members.MemberStatus;
import vn.tcxd.members.Members;
import vn.tcxd.orgstructure.OrgScope;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.UnitDetails;
import vn.tcxd.shared.DecisionRef;
import vn.tcxd.shared.Label;
import vn.tcxd.shared.NotFound;
import vn.tcxd.shared.RuleViolation;
import vn.tcxd.shared.VietnameseFormat;
import vn.tcxd.shared.VietnameseText;
import vn.tcxd.shared.audit.AuditedChange;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The admission pipeline. Every act checks everything before it writes, locks the candidate row, moves
 * the state one step and appends the dated step with its document and rule set, then audits; the
 * decision hands the record to members, which creates the member in the same transaction.
 */
@Service
@Transactional(readOnly = true)
class DevelopmentService implements Development {

    private final DevelopmentRepository repo;
    private final Members members;
    private final OrgStructure org;
    private final OrgScope orgScope;
    private final WorkingDays workingDays;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DevelopmentService(DevelopmentRepository repo, Members members, OrgStructure org, OrgScope orgScope,
                       WorkingDays workingDays, ApplicationEventPublisher events, Clock clock) {
        this.repo = repo;
        this.members = members;
        this.org = org;
        this.orgScope = orgScope;
        this.workingDays = workingDays;
        this.events = events;
        this.clock = clock;
    }

    // ---- reads -------------------------------------------------------------------------------------------

    @Override
    public List<DevelopmentRuleSet> ruleSets() {
        return repo.ruleSets();
    }

    @Override
    public DevelopmentRuleSet ruleSetOn(LocalDate date) {
        return repo.ruleSets().stream().filter(r -> r.ruleSet().validity().contains(date)).findFirst()
                .orElseThrow(() -> RuleViolation.onField("on", "error.development.noRuleSet", VietnameseFormat.date(date)));
    }

    @Override
    public Optional<Candidate> candidate(long candidateId) {
        return repo.candidate(candidateId, false).map(c -> new Candidate(c.id(), c.unitId(), c.person(), c.state(),
                c.proposedOn(), c.memberId(), repo.certificate(c.id()).orElse(null), repo.sponsors(c.id()),
                repo.file(c.id()), repo.steps(c.id())));
    }

    @Override
    public List<Candidate.Summary> candidates(long unitId) {
        return repo.candidatesOf(orgScope.subtree(unitId, LocalDate.now(clock)));
    }

    @Override
    public LocalDate decisionDeadline(LocalDate cellOn) {
        return DevelopmentRules.decisionDeadline(ruleSetOn(cellOn), workingDays, cellOn);
    }

    @Override
    public OptionalInt target(long unitId, int year) {
        return repo.target(unitId, year).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    // ---- acts --------------------------------------------------------------------------------------------

    @Override
    @Transactional
    public long apply(DevelopmentAct act) {
        if (act == null) throw new RuleViolation("error.development.actRequired");
        if (act.decision() == null) throw RuleViolation.onField("decision", "error.decision.required");
        return switch (act) {
            case DevelopmentAct.Propose a -> propose(a);
            case DevelopmentAct.OpenClass a -> openClass(a);
            case DevelopmentAct.Certify a -> certify(a);
            case DevelopmentAct.Sponsor a -> sponsor(a);
            case DevelopmentAct.RecordFile a -> recordFile(a);
            case DevelopmentAct.CellVote a -> cellVote(a);
            case DevelopmentAct.CommitteeVote a -> committeeVote(a);
            case DevelopmentAct.Decide a -> decide(a);
            case DevelopmentAct.Refuse a -> refuse(a);
            case DevelopmentAct.SetTarget a -> setTarget(a);
        };
    }

    private long propose(DevelopmentAct.Propose a) {
        LocalDate on = requireDate(a.on(), "on");
        String actor = actor(a.actor());
        UnitDetails cell = org.unit(a.cellId(), on)
                .orElseThrow(() -> RuleViolation.onField("cellId", "error.development.unitNotOn", VietnameseFormat.date(on)));
        if (!cell.type().isCell()) throw RuleViolation.onField("cellId", "error.development.notACell", cell.name());
        CandidateRecord p = validate(a.person(), on);
        DevelopmentRuleSet rules = ruleSetOn(on);
        // [R] a person who would not be of age on the day proposed is refused at once; the binding check is
        // on the day the cell considers (see cellVote)
        DevelopmentRules.requireAge(rules, p.birthDate(), on);
        // on the day proposed and today: a member's states run on after they leave, so an expelled or removed
        // member is found too; members checks the CCCD again when admitting
        if (!members.search(p.citizenId(), null, on, 1).isEmpty()
                || !members.search(p.citizenId(), null, LocalDate.now(clock), 1).isEmpty()) {
            throw RuleViolation.onField("citizenId", "error.development.citizenIdMember", p.citizenId());
        }
        if (repo.liveCandidacy(p.citizenId())) {
            throw RuleViolation.onField("citizenId", "error.development.citizenIdCandidate", p.citizenId());
        }
        long id = repo.insertCandidate(cell.id(), p, on);
        repo.insertStep(id, CandidateState.PROPOSED, on, actor, rules.code(), a.decision(), null, null, null);
        audit("CANDIDATE_PROPOSED", id, cell.id(), null, Map.of("state", CandidateState.PROPOSED.name(),
                "fullName", p.fullName(), "proposedOn", on.toString()), a.decision());
        return id;
    }

    private long openClass(DevelopmentAct.OpenClass a) {
        String name = VietnameseText.requireText(a.name(), "name", 300);
        LocalDate starts = requireDate(a.startsOn(), "startsOn");
        LocalDate ends = requireDate(a.endsOn(), "endsOn");
        if (ends.isBefore(starts)) throw RuleViolation.onField("endsOn", "error.development.classDates");
        org.unit(a.unitId(), starts)
                .orElseThrow(() -> RuleViolation.onField("unitId", "error.development.unitNotOn", VietnameseFormat.date(starts)));
        long id = repo.insertClass(a.unitId(), name, starts, ends);
        events.publishEvent(new AuditedChange("development.CLASS_OPENED", "awareness_class", Long.toString(id),
                a.unitId(), null, Map.of("name", name, "startsOn", starts.toString(), "endsOn", ends.toString()),
                a.decision()));
        return id;
    }

    private long certify(DevelopmentAct.Certify a) {
        CandidateRow c = requireState(a.candidateId(), CandidateState.PROPOSED, CandidateState.CLASS_PASSED);
        LocalDate on = requireDate(a.certificateOn(), "certificateOn");
        String number = VietnameseText.requireText(a.certificateNumber(), "certificateNumber", 50);
        var cls = repo.awarenessClass(a.classId())
                .orElseThrow(() -> RuleViolation.onField("classId", "error.development.classUnknown"));
        if (on.isBefore(cls.endsOn())) {
            throw RuleViolation.onField("certificateOn", "error.development.certificateBeforeClassEnd",
                    VietnameseFormat.date(on), VietnameseFormat.date(cls.endsOn()));
        }
        LocalDate today = LocalDate.now(clock);
        if (on.isAfter(today)) throw RuleViolation.onField("certificateOn", "error.development.dateFuture");
        DevelopmentRuleSet rules = ruleSetOn(a.decision().date());
        DevelopmentRules.requireCertificateValid(rules, on, a.decision().date());
        repo.insertAttendee(cls.id(), c.id(), number, on);
        step(c, CandidateState.CLASS_PASSED, on, a.actor(), rules, a.decision(), null, null, cls.name() + " / " + number);
        return c.id();
    }

    private long sponsor(DevelopmentAct.Sponsor a) {
        CandidateRow c = requireState(a.candidateId(), CandidateState.CLASS_PASSED);
        LocalDate on = requireDate(a.on(), "on");
        if (a.resolution() == SponsorKind.MEMBER) throw RuleViolation.onField("resolution", "error.development.resolutionKind");
        Set<Long> ids = new LinkedHashSet<>(a.memberIds() == null ? List.of() : a.memberIds());
        DevelopmentRuleSet rules = ruleSetOn(on);
        for (long memberId : ids) {
            MemberState s = members.stateOn(memberId, on).orElse(null);
            if (s == null || !s.status().onRoll()) {
                throw RuleViolation.onField("memberIds", "error.development.sponsorNotMember", memberId);
            }
            if (s.status() != MemberStatus.FULL) {
                String name = members.member(memberId, on).map(m -> m.record().fullName()).orElse("#" + memberId);
                throw RuleViolation.onField("memberIds", "error.development.sponsorProbationary", name, rules.sponsorBasis());
            }
        }
        DevelopmentRules.requireSponsors(rules, ids.size(), a.resolution() != null);
        for (long memberId : ids) repo.insertSponsor(c.id(), SponsorKind.MEMBER, memberId, a.decision().number(), on);
        if (a.resolution() != null) repo.insertSponsor(c.id(), a.resolution(), null, a.decision().number(), on);
        step(c, CandidateState.SPONSORED, on, a.actor(), rules, a.decision(), null, null, null);
        return c.id();
    }

    private long recordFile(DevelopmentAct.RecordFile a) {
        CandidateRow c = requireState(a.candidateId(), CandidateState.SPONSORED, CandidateState.FILE_COMPLETE);
        LocalDate on = requireDate(a.on(), "on");
        Set<FileDocument> present = a.present() == null ? Set.of() : a.present();
        boolean union = repo.sponsors(c.id()).stream().anyMatch(s -> s.kind() != SponsorKind.MEMBER);
        Set<FileDocument> missing = DevelopmentRules.missing(present, union);
        if (!missing.isEmpty()) {
            // a partial checklist is a step not yet reached: nothing is written, the message names what is missing
            throw RuleViolation.onField("present", "error.development.fileIncomplete", missing.size(),
                    Label.of(missing.iterator().next()));
        }
        Map<FileDocument, Boolean> file = new EnumMap<>(FileDocument.class);
        for (FileDocument d : FileDocument.values()) file.put(d, present.contains(d));
        repo.replaceFile(c.id(), file, on);
        step(c, CandidateState.FILE_COMPLETE, on, a.actor(), ruleSetOn(on), a.decision(), null, null, null);
        return c.id();
    }

    private long cellVote(DevelopmentAct.CellVote a) {
        CandidateRow c = requireState(a.candidateId(), CandidateState.FILE_COMPLETE);
        LocalDate on = requireDate(a.on(), "on");
        DevelopmentRuleSet rules = ruleSetOn(on);
        DevelopmentRules.requireAge(rules, c.person().birthDate(), on);
        Candidate.Certificate cert = repo.certificate(c.id())
                .orElseThrow(() -> new RuleViolation("error.development.outOfOrder", new Label("candidateState.CLASS_PASSED")));
        DevelopmentRules.requireCertificateValid(rules, cert.issuedOn(), on);
        DevelopmentRules.requireFileFresh(rules, lastStepOn(c.id(), CandidateState.FILE_COMPLETE), on);
        DevelopmentRules.requireVote(rules.cellVote(), a.inFavour(), a.fullMembers(), "voteBody.CELL", rules.voteBasis());
        step(c, CandidateState.CELL_APPROVED, on, a.actor(), rules, a.decision(), a.inFavour(), a.fullMembers(), null);
        return c.id();
    }

    private long committeeVote(DevelopmentAct.CommitteeVote a) {
        CandidateRow c = requireState(a.candidateId(), CandidateState.CELL_APPROVED);
        LocalDate on = requireDate(a.on(), "on");
        LocalDate cellOn = lastStepOn(c.id(), CandidateState.CELL_APPROVED);
        if (on.isBefore(cellOn)) {
            throw RuleViolation.onField("on", "error.development.committeeBeforeCell", VietnameseFormat.date(on),
                    VietnameseFormat.date(cellOn));
        }
        DevelopmentRuleSet rules = ruleSetOn(cellOn);
        DevelopmentRules.requireVote(rules.committeeVote(), a.inFavour(), a.committeeMembers(), "voteBody.COMMITTEE",
                rules.voteBasis());
        step(c, CandidateState.COMMITTEE_APPROVED, on, a.actor(), rules, a.decision(), a.inFavour(),
                a.committeeMembers(), null);
        return c.id();
    }

    private long decide(DevelopmentAct.Decide a) {
        CandidateRow c = require(a.candidateId());
        LocalDate on = a.decision().date();
        if (c.state().terminal()) {
            throw RuleViolation.onField("candidateId", "error.development.closed", new Label("candidateState." + c.state().name()));
        }
        if (c.state().ordinal() < CandidateState.CELL_APPROVED.ordinal()) {
            throw RuleViolation.onField("candidateId", "error.development.decisionWithoutCell");
        }
        requireState(c, CandidateState.COMMITTEE_APPROVED);
        LocalDate cellOn = lastStepOn(c.id(), CandidateState.CELL_APPROVED);
        DevelopmentRuleSet rules = ruleSetOn(cellOn);
        DevelopmentRules.requireDecisionInTime(rules, cellOn, DevelopmentRules.decisionDeadline(rules, workingDays, cellOn), on);
        LocalDate committeeOn = lastStepOn(c.id(), CandidateState.COMMITTEE_APPROVED);
        if (on.isBefore(committeeOn)) {
            throw RuleViolation.onField("decision.date", "error.development.decisionBeforeCommittee",
                    VietnameseFormat.date(on), VietnameseFormat.date(committeeOn));
        }
        CandidateRecord p = c.person();
        // the record carried over: members checks it again (CCCD unique, codes) and judges the age under its
        // own rule set on the decision's date
        long memberId = members.apply(new MemberAct.Admit(new MemberRecord(p.fullName(), null, p.gender(), p.birthDate(),
                null, null, p.ethnicity(), p.religion(), p.citizenId(), null, null, p.residence(), null, p.occupation(),
                p.education(), null, null, null, null), c.unitId(), on, a.decision()));
        repo.setState(c.id(), CandidateState.ADMITTED, memberId);
        repo.insertStep(c.id(), CandidateState.ADMITTED, on, actor(a.actor()), rules.code(), a.decision(), null, null, null);
        audit("CANDIDATE_ADMITTED", c.id(), c.unitId(), Map.of("state", c.state().name()),
                Map.of("state", CandidateState.ADMITTED.name(), "memberId", memberId), a.decision());
        return c.id();
    }

    private long refuse(DevelopmentAct.Refuse a) {
        CandidateRow c = require(a.candidateId());
        if (c.state().terminal()) throw RuleViolation.onField("candidateId", "error.development.closed",
                new Label("candidateState." + c.state().name()));
        LocalDate on = requireDate(a.on(), "on");
        String reason = VietnameseText.requireText(a.reason(), "reason", 1000);
        step(c, CandidateState.REFUSED, on, a.actor(), ruleSetOn(on), a.decision(), null, null, reason);
        return c.id();
    }

    private long setTarget(DevelopmentAct.SetTarget a) {
        if (a.admissions() < 0) throw RuleViolation.onField("admissions", "error.development.targetNegative");
        if (a.year() < 1930 || a.year() > 2200) throw RuleViolation.onField("year", "error.development.targetYear");
        org.unit(a.unitId(), LocalDate.of(a.year(), 1, 1)).or(() -> org.unit(a.unitId(), LocalDate.of(a.year(), 12, 31)))
                .orElseThrow(() -> RuleViolation.onField("unitId", "error.development.unitNotInYear", a.year()));
        Integer before = repo.target(a.unitId(), a.year()).orElse(null);
        repo.upsertTarget(a.unitId(), a.year(), a.admissions(), a.decision());
        events.publishEvent(new AuditedChange("development.TARGET_SET", "admission_target", a.unitId() + "/" + a.year(),
                a.unitId(), before == null ? null : Map.of("admissions", before), Map.of("admissions", a.admissions()),
                a.decision()));
        return a.unitId();
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private CandidateRecord validate(CandidateRecord p, LocalDate on) {
        if (p == null) throw new RuleViolation("error.development.recordRequired");
        String fullName = VietnameseText.requireText(p.fullName(), "fullName", 100);
        if (p.birthDate() == null) throw RuleViolation.onField("birthDate", "error.development.birthDateRequired");
        if (p.gender() == null) throw RuleViolation.onField("gender", "error.development.genderRequired");
        String citizenId = p.citizenId() == null ? "" : p.citizenId().strip();
        if (!citizenId.matches("[0-9]{12}")) throw RuleViolation.onField("citizenId", "error.development.citizenIdFormat");
        return new CandidateRecord(fullName, p.birthDate(), p.gender(), code(CodeList.ETHNICITY, p.ethnicity(), true),
                code(CodeList.RELIGION, p.religion(), true), citizenId, code(CodeList.EDUCATION, p.education(), false),
                code(CodeList.OCCUPATION, p.occupation(), false),
                VietnameseText.optionalText(p.workplace(), "workplace", 300),
                VietnameseText.optionalText(p.residence(), "residence", 300));
    }

    private String code(CodeList list, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) throw RuleViolation.onField("code." + list.name(), "error.development.codeRequired",
                    new VietnameseText.FieldName("code." + list.name()));
            return null;
        }
        String code = value.strip().toUpperCase(java.util.Locale.ROOT);
        if (members.codes(list).stream().map(CodeItem::code).noneMatch(code::equals)) {
            throw RuleViolation.onField("code." + list.name(), "error.development.codeUnknown", code);
        }
        return code;
    }

    private static LocalDate requireDate(LocalDate date, String field) {
        if (date == null) throw RuleViolation.onField(field, "error.development.dateRequired");
        return date;
    }

    private static String actor(String actor) {
        return VietnameseText.requireText(actor, "actor", 300);
    }

    private CandidateRow require(long candidateId) {
        return repo.candidate(candidateId, true).orElseThrow(() -> new NotFound("candidate " + candidateId));
    }

    private CandidateRow requireState(long candidateId, CandidateState... allowed) {
        return requireState(require(candidateId), allowed);
    }

    private static CandidateRow requireState(CandidateRow c, CandidateState... allowed) {
        for (CandidateState s : allowed) if (c.state() == s) return c;
        if (c.state().terminal()) {
            throw RuleViolation.onField("candidateId", "error.development.closed", new Label("candidateState." + c.state().name()));
        }
        throw RuleViolation.onField("candidateId", "error.development.outOfOrder",
                new Label("candidateState." + c.state().name()), new Label("candidateState." + allowed[0].name()));
    }

    private LocalDate lastStepOn(long candidateId, CandidateState state) {
        return repo.steps(candidateId).stream().filter(s -> s.state() == state).reduce((x, y) -> y)
                .map(Candidate.Step::on).orElseThrow();
    }

    /** Moves the candidate to {@code state} (or keeps it, when recorded again) and appends the step. */
    private void step(CandidateRow c, CandidateState state, LocalDate on, String actor, DevelopmentRuleSet rules,
                      DecisionRef decision, Integer votesFor, Integer votesBase, String note) {
        String who = actor(actor);
        repo.setState(c.id(), state, null);
        repo.insertStep(c.id(), state, on, who, rules.code(), decision, votesFor, votesBase, note);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("state", state.name());
        after.put("on", on.toString());
        after.put("ruleSet", rules.code());
        if (votesFor != null) {
            after.put("votesFor", votesFor);
            after.put("votesBase", votesBase);
        }
        audit("CANDIDATE_" + state.name(), c.id(), c.unitId(), Map.of("state", c.state().name()), after, decision);
    }

    private void audit(String action, long candidateId, long unitId, Map<String, Object> before,
                       Map<String, Object> after, DecisionRef decision) {
        events.publishEvent(new AuditedChange("development." + action, "candidate", Long.toString(candidateId), unitId,
                before, after, decision));
    }
}
