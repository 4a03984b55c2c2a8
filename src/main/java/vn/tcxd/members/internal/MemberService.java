package vn.tcxd.members.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tcxd.members.AdmissionRuleSet;
import vn.tcxd.members.AdmissionRules;
import vn.tcxd.members.BadgeAward;
import vn.tcxd.members.BadgeCandidate;
import vn.tcxd.members.Probationer;
import vn.tcxd.members.BadgeEligibility;
import vn.tcxd.members.BadgeRules;
import vn.tcxd.members.CodeItem;
import vn.tcxd.members.PartyAge;
import vn.tcxd.members.CodeList;
import vn.tcxd.members.DeadlineKind;
import vn.tcxd.members.DeadlineRules;
import vn.tcxd.members.DisciplineForm;
import vn.tcxd.members.MemberAct;
import vn.tcxd.members.MemberChanged;
import vn.tcxd.members.MemberDetails;
import vn.tcxd.members.MemberEventEntry;
import vn.tcxd.members.MemberEventKind;
import vn.tcxd.members.MemberFilter;
import vn.tcxd.members.MemberPage;
import vn.tcxd.members.MemberRecord;
import vn.tcxd.members.MemberState;
import vn.tcxd.members.MemberStatus;
import vn.tcxd.members.MemberSummary;
import vn.tcxd.members.Members;
import vn.tcxd.members.TransferKind;
import vn.tcxd.members.TransferSummary;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.UnitDetails;
import vn.tcxd.shared.DecisionRef;
import vn.tcxd.shared.Label;
import vn.tcxd.shared.NotFound;
import vn.tcxd.shared.Paging;
import vn.tcxd.shared.RuleViolation;
import vn.tcxd.shared.VietnameseFormat;
import vn.tcxd.shared.VietnameseText;
import vn.tcxd.shared.audit.AuditedChange;
import vn.tcxd.shared.scope.CurrentAccess;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The member registry. Every act is checked completely, then written in one transaction: its
 * event (with decision), the member's state from the effective date, and the audit entry.
 */
@Service
@Transactional(readOnly = true)
class MemberService implements Members {

    private final MemberRepository repository;
    private final RecordValidator validator;
    private final OrgStructure org;
    private final DeadlineRules deadlines;
    private final BadgeRules badges;
    private final AdmissionRules admissions;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<CurrentAccess> access;
    private final Clock clock;

    MemberService(MemberRepository repository, RecordValidator validator, OrgStructure org, DeadlineRules deadlines, BadgeRules badges,
                  AdmissionRules admissions, ApplicationEventPublisher events, ObjectProvider<CurrentAccess> access, Clock clock) {
        this.repository = repository;
        this.validator = validator;
        this.org = org;
        this.deadlines = deadlines;
        this.badges = badges;
        this.admissions = admissions;
        this.events = events;
        this.access = access;
        this.clock = clock;
    }

    // ---- reads ------------------------------------------------------------------------------

    @Override
    public Optional<MemberDetails> member(long memberId, LocalDate asOf) {
        return repository.member(memberId).map(m -> {
            MemberState state = repository.stateOn(memberId, asOf).map(StateRow::toState).orElse(null);
            String unitName = state == null ? null : org.unit(state.unitId(), asOf).or(() -> org.lastKnown(state.unitId()))
                    .map(UnitDetails::name).orElse(null);
            return new MemberDetails(m.getId(), Records.toRecord(m), m.getAdmissionDecisionDate(), m.getCeremonyDate(),
                    m.getFullMemberDate(), asOf, state, unitName);
        });
    }

    @Override
    public Optional<MemberState> stateOn(long memberId, LocalDate asOf) {
        return repository.stateOn(memberId, asOf).map(StateRow::toState);
    }

    @Override
    public List<MemberEventEntry> events(long memberId) {
        return repository.events(memberId);
    }

    @Override
    public MemberPage list(long unitId, LocalDate asOf, MemberFilter filter, int page, int size) {
        String path = repository.pathOf(unitId, asOf).orElseThrow(() -> new NotFound("unit " + unitId));
        return repository.list(path, asOf, filter == null ? MemberFilter.NONE : filter, Paging.clamp(page),
                Math.clamp(size, 1, 500));
    }

    @Override
    public List<MemberSummary> search(String query, List<Long> withinRoots, LocalDate asOf, int limit) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            return List.of();
        }
        List<String> paths = null;
        if (withinRoots != null) {
            paths = withinRoots.stream().map(id -> repository.pathOf(id, asOf)).flatMap(Optional::stream).toList();
            if (paths.isEmpty()) {
                return List.of();
            }
        }
        boolean digits = q.matches("[0-9]{6,12}");
        return repository.search(VietnameseText.fold(q), digits ? q : null, paths, asOf, limit);
    }

    @Override
    public List<TransferSummary> transfers(long memberId) {
        return repository.transfersOf(memberId);
    }

    @Override
    public Optional<TransferSummary> transfer(long transferId) {
        return repository.transfer(transferId);
    }

    @Override
    public List<TransferSummary> incomingTransfers(long unitId) {
        LocalDate today = LocalDate.now(clock);
        return repository.pathOf(unitId, today).map(p -> repository.incoming(p, today)).orElse(List.of());
    }

    @Override
    public List<TransferSummary> hostedTransfers(long unitId) {
        LocalDate today = today();
        return repository.pathOf(unitId, today).map(p -> repository.hosted(p, today)).orElse(List.of());
    }

    @Override
    public List<CodeItem> codes(CodeList list) {
        return repository.codes(list);
    }

    @Override
    public Optional<PartyAge> partyAge(long memberId, LocalDate asOf) {
        LocalDate until = repository.latestState(memberId).filter(s -> s.status() == MemberStatus.DIED)
                .map(StateRow::validFrom).filter(died -> died.isBefore(asOf)).orElse(asOf);
        return repository.member(memberId)
                .filter(m -> !asOf.isBefore(m.getAdmissionDecisionDate()))
                .map(m -> PartyAge.of(m.getAdmissionDecisionDate(), interruptions(memberId), until));
    }

    @Override
    public List<PartyAge.DateRange> interruptions(long memberId) {
        return interruptions(repository.allStates(memberId));
    }

    /** Consecutive states off the roll (removed, left, expelled) until the member is back on it. */
    static List<PartyAge.DateRange> interruptions(List<StateRow> states) {
        List<PartyAge.DateRange> gaps = new java.util.ArrayList<>();
        LocalDate gapStart = null;
        for (StateRow row : states) {
            boolean out = !row.status().onRoll() && row.status() != MemberStatus.DIED;
            if (out && gapStart == null) {
                gapStart = row.validFrom();
            } else if (!out && gapStart != null) {
                gaps.add(new PartyAge.DateRange(gapStart, row.validFrom()));
                gapStart = null;
            }
        }
        if (gapStart != null) {
            gaps.add(new PartyAge.DateRange(gapStart, null));
        }
        return gaps;
    }

    @Override
    public List<Probationer> probationers(long unitId, LocalDate asOf) {
        String path = repository.pathOf(unitId, asOf).orElseThrow(() -> new NotFound("unit " + unitId));
        return repository.roll(path, asOf, MemberStatus.PROBATIONARY, null).stream()
                .map(r -> new Probationer(r.memberId(), r.fullName(), r.unitId(), r.admissionDecisionDate(), r.ceremonyDate()))
                .toList();
    }

    @Override
    public List<TransferSummary> outgoingTransfers(long unitId) {
        LocalDate today = today();
        return repository.pathOf(unitId, today).map(p -> repository.outgoing(p, today)).orElse(List.of());
    }

    /**
     * Set-based: the full members who have reached at least the first milestone by the occasion are
     * read once with their states and awards, and judged in memory by the badge rule set.
     */
    @Override
    public List<BadgeCandidate> badgeCandidates(long unitId, LocalDate occasion) {
        LocalDate rollDate = occasion.isAfter(today()) ? today() : occasion;
        String path = repository.pathOf(unitId, rollDate).orElseThrow(() -> new NotFound("unit " + unitId));
        int firstMilestone = badges.ruleSetOn(occasion).milestones().firstKey();
        List<MemberRepository.RollRow> roll = repository.roll(path, rollDate, MemberStatus.FULL,
                occasion.minusYears(firstMilestone));
        List<Long> ids = roll.stream().map(MemberRepository.RollRow::memberId).toList();
        Map<Long, List<StateRow>> states = repository.statesOf(ids);
        Map<Long, java.util.Set<Integer>> awarded = repository.awardedYears(ids);
        List<BadgeCandidate> candidates = new java.util.ArrayList<>();
        for (MemberRepository.RollRow row : roll) {
            BadgeEligibility e = badges.eligibleAt(occasion, row.admissionDecisionDate(),
                    interruptions(states.getOrDefault(row.memberId(), List.of())),
                    awarded.getOrDefault(row.memberId(), java.util.Set.of()), false, null);
            if (e.eligible()) {
                candidates.add(new BadgeCandidate(row.memberId(), row.fullName(), row.unitId(), row.admissionDecisionDate(), e));
            }
        }
        candidates.sort(java.util.Comparator.comparing((BadgeCandidate c) -> c.eligibility().milestoneYears()).reversed());
        return candidates;
    }

    @Override
    public BadgeEligibility badgeEligibility(long memberId, LocalDate occasion, boolean seriouslyIll) {
        var member = existing(memberId);
        java.util.Set<Integer> awarded = new java.util.HashSet<>();
        repository.badgeAwards(memberId).forEach(a -> awarded.add(a.years()));
        LocalDate death = repository.latestState(memberId).filter(s -> s.status() == MemberStatus.DIED)
                .map(StateRow::validFrom).orElse(null);
        return badges.eligibleAt(occasion, member.getAdmissionDecisionDate(), interruptions(memberId), awarded,
                seriouslyIll, death);
    }

    @Override
    public List<BadgeAward> badgeAwards(long memberId) {
        return repository.badgeAwards(memberId);
    }

    // ---- acts -------------------------------------------------------------------------------

    @Override
    @Transactional
    public long apply(MemberAct act) {
        if (act.decision() == null) {
            throw RuleViolation.onField("decision", "error.decision.required");
        }
        return switch (act) {
            case MemberAct.Admit a -> admit(a);
            case MemberAct.HoldCeremony c -> holdCeremony(c);
            case MemberAct.Recognise r -> recognise(r);
            case MemberAct.RefuseRecognition r -> end(r.memberId(), r.on(), MemberStatus.REMOVED,
                    MemberEventKind.NOT_RECOGNISED, Map.of("ground", "NOT_RECOGNISED"), r.decision(), true);
            case MemberAct.IssueTransfer t -> issueTransfer(t);
            case MemberAct.ReceiveTransfer t -> receiveTransfer(t);
            case MemberAct.EndTemporaryTransfer t -> endTemporaryTransfer(t);
            case MemberAct.Exempt e -> exempt(e);
            case MemberAct.EndExemption e -> endExemption(e);
            case MemberAct.Discipline d -> discipline(d);
            case MemberAct.RemoveFromList r -> {
                if (r.ground() == null) {
                    throw RuleViolation.onField("ground", "error.member.groundRequired");
                }
                yield end(r.memberId(), r.on(), MemberStatus.REMOVED, MemberEventKind.REMOVED_FROM_LIST,
                        Map.of("ground", r.ground().name()), r.decision(), false);
            }
            case MemberAct.Leave l -> end(l.memberId(), l.on(), MemberStatus.LEFT, MemberEventKind.LEFT_PARTY, Map.of(),
                    l.decision(), false);
            case MemberAct.Die d -> end(d.memberId(), d.on(), MemberStatus.DIED, MemberEventKind.DIED, Map.of(),
                    d.decision(), false);
            case MemberAct.Readmit r -> readmit(r);
            case MemberAct.UpdateRecord u -> updateRecord(u);
            case MemberAct.AwardBadge b -> awardBadge(b);
        };
    }

    private long admit(MemberAct.Admit act) {
        LocalDate on = requireDate(act.admittedOn(), "admittedOn");
        MemberRecord record = validator.validate(act.record(), today(), null);
        if (!record.birthDate().isBefore(on)) {
            throw RuleViolation.onField("admittedOn", "error.member.admittedBeforeBirth");
        }
        // QĐ 24-QĐ/TW item 1.1: đủ 18 đến đủ 60 tuổi, by the rule set of the decision's date
        admissions.ruleSetOn(on).requireAge(record.birthDate(), on, "admittedOn");
        requireCell(act.cellId(), on, "cellId");
        var row = Records.newMember(record, on);
        long memberId = repository.insertMember(row);
        long eventId = event(memberId, MemberEventKind.ADMITTED, on, act.decision(),
                Map.of("unitId", act.cellId()));
        repository.insertState(memberId, on, null, act.cellId(), MemberStatus.PROBATIONARY, false, false, null, eventId);
        audit(memberId, MemberEventKind.ADMITTED, act.cellId(), null, Records.auditView(record), act.decision(), on);
        published(memberId, MemberEventKind.ADMITTED, on, List.of(act.cellId()));
        return memberId;
    }

    private long holdCeremony(MemberAct.HoldCeremony act) {
        LocalDate on = requireDate(act.heldOn(), "heldOn");
        var member = existing(act.memberId());
        StateRow state = onRollOn(act.memberId(), on);
        if (state.status() != MemberStatus.PROBATIONARY) {
            throw new RuleViolation("error.member.notProbationary");
        }
        if (member.getCeremonyDate() != null) {
            throw new RuleViolation("error.member.ceremonyAlreadyHeld", VietnameseFormat.date(member.getCeremonyDate()));
        }
        if (on.isBefore(member.getAdmissionDecisionDate())) {
            throw RuleViolation.onField("heldOn", "error.member.ceremonyBeforeAdmission");
        }
        member.setCeremonyDate(on);
        repository.updateMember(member);
        event(act.memberId(), MemberEventKind.CEREMONY_HELD, on, act.decision(), Map.of());
        audit(act.memberId(), MemberEventKind.CEREMONY_HELD, state.unitId(), null, Map.of("ceremonyDate", on.toString()),
                act.decision(), on);
        published(act.memberId(), MemberEventKind.CEREMONY_HELD, on, List.of(state.unitId()));
        return act.memberId();
    }

    /** QĐ 24-QĐ/TW item 4.2.2: recognition dates from the end of probation, however late the decision. */
    private long recognise(MemberAct.Recognise act) {
        var member = existing(act.memberId());
        if (member.getCeremonyDate() == null) {
            throw new RuleViolation("error.member.noCeremony");
        }
        LocalDate effective = deadlines.due(DeadlineKind.PROBATION_END, member.getCeremonyDate()).due();
        if (act.decision().date().isBefore(effective)) {
            throw RuleViolation.onField("decision.date", "error.member.recognitionBeforeProbationEnds",
                    VietnameseFormat.date(effective));
        }
        StateRow state = onRollOn(act.memberId(), effective);
        if (state.status() != MemberStatus.PROBATIONARY) {
            throw new RuleViolation("error.member.notProbationary");
        }
        long eventId = event(act.memberId(), MemberEventKind.RECOGNISED, effective, act.decision(), Map.of());
        change(act.memberId(), effective, eventId, s -> s.with(s.unitId(), MemberStatus.FULL, s.exempt(), s.inTransit(),
                s.awayUnitId()), true);
        member.setFullMemberDate(effective);
        repository.updateMember(member);
        audit(act.memberId(), MemberEventKind.RECOGNISED, state.unitId(), Map.of("status", "PROBATIONARY"),
                Map.of("status", "FULL"), act.decision(), effective);
        published(act.memberId(), MemberEventKind.RECOGNISED, effective, List.of(state.unitId()));
        return act.memberId();
    }

    private long issueTransfer(MemberAct.IssueTransfer act) {
        LocalDate on = requireDate(act.issuedOn(), "issuedOn");
        if (act.kind() == null) {
            throw RuleViolation.onField("kind", "error.member.transferKindRequired");
        }
        String letter = VietnameseText.requireText(act.letterNumber(), "letterNumber", 50);
        StateRow state = onRollOn(act.memberId(), on);
        if (state.inTransit() || state.awayUnitId() != null) {
            throw new RuleViolation("error.member.transferOpen");
        }
        if (act.toUnitId() == state.unitId()) {
            throw RuleViolation.onField("toUnitId", "error.member.transferSameUnit");
        }
        requireCell(act.toUnitId(), on, "toUnitId");
        long transferId = repository.insertTransfer(act.memberId(), act.kind(), state.unitId(), act.toUnitId(), letter, on);
        boolean permanent = act.kind() == TransferKind.PERMANENT;
        MemberEventKind kind = permanent ? MemberEventKind.TRANSFER_ISSUED : MemberEventKind.TEMPORARY_TRANSFER_ISSUED;
        long eventId = event(act.memberId(), kind, on, act.decision(), Map.of("transferId", transferId,
                "fromUnitId", state.unitId(), "toUnitId", act.toUnitId(), "letterNumber", letter));
        change(act.memberId(), on, eventId, s -> permanent
                ? s.with(s.unitId(), s.status(), s.exempt(), true, null)
                : s.with(s.unitId(), s.status(), s.exempt(), false, act.toUnitId()), false);
        audit(act.memberId(), kind, state.unitId(), null, Map.of("toUnitId", act.toUnitId(), "letterNumber", letter),
                act.decision(), on);
        published(act.memberId(), kind, on, List.of(state.unitId(), act.toUnitId()));
        return act.memberId();
    }

    private long receiveTransfer(MemberAct.ReceiveTransfer act) {
        LocalDate on = requireDate(act.receivedOn(), "receivedOn");
        TransferSummary transfer = repository.transfer(act.transferId()).orElseThrow(() -> new NotFound("transfer"));
        if (!"IN_TRANSIT".equals(transfer.status())) {
            throw new RuleViolation("error.member.transferNotOpen");
        }
        if (on.isBefore(transfer.issuedOn())) {
            throw RuleViolation.onField("receivedOn", "error.member.receivedBeforeIssued",
                    VietnameseFormat.date(transfer.issuedOn()));
        }
        requireCell(transfer.toUnitId(), on, "receivedOn");
        onRollOn(transfer.memberId(), on);
        boolean permanent = transfer.kind() == TransferKind.PERMANENT;
        long eventId = event(transfer.memberId(), MemberEventKind.TRANSFER_RECEIVED, on, act.decision(),
                Map.of("transferId", transfer.id(), "fromUnitId", transfer.fromUnitId(), "toUnitId", transfer.toUnitId(),
                        "letterNumber", transfer.letterNumber()));
        if (permanent) {
            change(transfer.memberId(), on, eventId, s -> s.with(transfer.toUnitId(), s.status(), s.exempt(), false, null),
                    false);
        }
        repository.markTransfer(transfer.id(), "RECEIVED", on, null);
        audit(transfer.memberId(), MemberEventKind.TRANSFER_RECEIVED, transfer.toUnitId(),
                Map.of("unitId", transfer.fromUnitId()), Map.of("unitId", transfer.toUnitId()), act.decision(), on);
        published(transfer.memberId(), MemberEventKind.TRANSFER_RECEIVED, on,
                List.of(transfer.fromUnitId(), transfer.toUnitId()));
        return transfer.memberId();
    }

    private long endTemporaryTransfer(MemberAct.EndTemporaryTransfer act) {
        LocalDate on = requireDate(act.on(), "on");
        TransferSummary transfer = repository.transfer(act.transferId()).orElseThrow(() -> new NotFound("transfer"));
        if (transfer.kind() != TransferKind.TEMPORARY || "ENDED".equals(transfer.status())
                || "CANCELLED".equals(transfer.status())) {
            throw new RuleViolation("error.member.transferNotOpen");
        }
        if (!on.isAfter(transfer.issuedOn())) {
            throw RuleViolation.onField("on", "error.member.receivedBeforeIssued", VietnameseFormat.date(transfer.issuedOn()));
        }
        StateRow state = onRollOn(transfer.memberId(), on);
        long eventId = event(transfer.memberId(), MemberEventKind.TEMPORARY_TRANSFER_ENDED, on, act.decision(),
                Map.of("transferId", transfer.id(), "toUnitId", transfer.toUnitId()));
        change(transfer.memberId(), on, eventId, s -> s.with(s.unitId(), s.status(), s.exempt(), false, null), false);
        repository.markTransfer(transfer.id(), "ENDED", null, on);
        audit(transfer.memberId(), MemberEventKind.TEMPORARY_TRANSFER_ENDED, state.unitId(),
                Map.of("awayUnitId", transfer.toUnitId()), Map.of(), act.decision(), on);
        published(transfer.memberId(), MemberEventKind.TEMPORARY_TRANSFER_ENDED, on, List.of(state.unitId()));
        return transfer.memberId();
    }

    private long exempt(MemberAct.Exempt act) {
        LocalDate on = requireDate(act.on(), "on");
        String reason = VietnameseText.requireText(act.reason(), "reason", 300);
        StateRow state = onRollOn(act.memberId(), on);
        if (state.exempt()) {
            throw new RuleViolation("error.member.alreadyExempt");
        }
        long eventId = event(act.memberId(), MemberEventKind.EXEMPTED, on, act.decision(), Map.of("reason", reason));
        change(act.memberId(), on, eventId, s -> s.with(s.unitId(), s.status(), true, s.inTransit(), s.awayUnitId()), false);
        audit(act.memberId(), MemberEventKind.EXEMPTED, state.unitId(), Map.of("exempt", false),
                Map.of("exempt", true, "reason", reason), act.decision(), on);
        published(act.memberId(), MemberEventKind.EXEMPTED, on, List.of(state.unitId()));
        return act.memberId();
    }

    private long endExemption(MemberAct.EndExemption act) {
        LocalDate on = requireDate(act.on(), "on");
        StateRow state = onRollOn(act.memberId(), on);
        if (!state.exempt()) {
            throw new RuleViolation("error.member.notExempt");
        }
        long eventId = event(act.memberId(), MemberEventKind.EXEMPTION_ENDED, on, act.decision(), Map.of());
        change(act.memberId(), on, eventId, s -> s.with(s.unitId(), s.status(), false, s.inTransit(), s.awayUnitId()), false);
        audit(act.memberId(), MemberEventKind.EXEMPTION_ENDED, state.unitId(), Map.of("exempt", true),
                Map.of("exempt", false), act.decision(), on);
        published(act.memberId(), MemberEventKind.EXEMPTION_ENDED, on, List.of(state.unitId()));
        return act.memberId();
    }

    /** Điều lệ Art. 35: probationary members may only be reprimanded or warned. */
    private long discipline(MemberAct.Discipline act) {
        LocalDate on = requireDate(act.on(), "on");
        if (act.form() == null) {
            throw RuleViolation.onField("form", "error.member.disciplineFormRequired");
        }
        StateRow state = onRollOn(act.memberId(), on);
        if (state.status() == MemberStatus.PROBATIONARY
                && (act.form() == DisciplineForm.REMOVAL_FROM_POST || act.form() == DisciplineForm.EXPULSION)) {
            throw RuleViolation.onField("form", "error.member.disciplineNotForProbationary", Label.of(act.form()));
        }
        if (act.form() == DisciplineForm.EXPULSION) {
            return end(act.memberId(), on, MemberStatus.EXPELLED, MemberEventKind.DISCIPLINED,
                    Map.of("form", act.form().name()), act.decision(), false);
        }
        event(act.memberId(), MemberEventKind.DISCIPLINED, on, act.decision(), Map.of("form", act.form().name()));
        audit(act.memberId(), MemberEventKind.DISCIPLINED, state.unitId(), null, Map.of("form", act.form().name()),
                act.decision(), on);
        published(act.memberId(), MemberEventKind.DISCIPLINED, on, List.of(state.unitId()));
        return act.memberId();
    }

    /** Ends membership (removal, exit, expulsion, death) from {@code on}. */
    private long end(long memberId, LocalDate on, MemberStatus status, MemberEventKind kind, Map<String, Object> details,
                     DecisionRef decision, boolean probationaryOnly) {
        requireDate(on, "on");
        StateRow state = onRollOn(memberId, on);
        if (probationaryOnly && state.status() != MemberStatus.PROBATIONARY) {
            throw new RuleViolation("error.member.notProbationary");
        }
        if (state.inTransit() && status != MemberStatus.DIED) {
            throw new RuleViolation("error.member.transferOpen");
        }
        long eventId = event(memberId, kind, on, decision, details);
        change(memberId, on, eventId, s -> s.with(s.unitId(), status, false, false, null), false);
        audit(memberId, kind, state.unitId(), Map.of("status", state.status().name()),
                withStatus(details, status), decision, on);
        published(memberId, kind, on, List.of(state.unitId()));
        return memberId;
    }

    private long readmit(MemberAct.Readmit act) {
        LocalDate on = requireDate(act.on(), "on");
        StateRow last = repository.latestState(act.memberId()).orElseThrow(() -> new NotFound("member"));
        if (last.status() == MemberStatus.DIED) {
            throw new RuleViolation("error.member.dead");
        }
        if (last.status().onRoll()) {
            throw new RuleViolation("error.member.stillMember");
        }
        if (!on.isAfter(last.validFrom())) {
            throw RuleViolation.onField("on", "error.member.changedAfter", VietnameseFormat.date(last.validFrom()));
        }
        var member = existing(act.memberId());
        requireReadmission(member.getBirthDate(), on, last, repository.events(act.memberId()));
        requireCell(act.cellId(), on, "cellId");
        long eventId = event(act.memberId(), MemberEventKind.READMITTED, on, act.decision(), Map.of("unitId", act.cellId(),
                "previousCeremonyDate", String.valueOf(member.getCeremonyDate())));
        repository.closeState(last.id(), on);
        repository.insertState(act.memberId(), on, null, act.cellId(), MemberStatus.PROBATIONARY, false, false, null, eventId);
        // a re-admitted member serves probation again: a new ceremony and recognition follow
        member.setCeremonyDate(null);
        member.setFullMemberDate(null);
        repository.updateMember(member);
        audit(act.memberId(), MemberEventKind.READMITTED, act.cellId(), Map.of("status", last.status().name()),
                Map.of("status", "PROBATIONARY"), act.decision(), on);
        published(act.memberId(), MemberEventKind.READMITTED, on, List.of(act.cellId()));
        return act.memberId();
    }

    /**
     * QĐ 24-QĐ/TW item 3.5: at least 36 months out, only once, never after the exits of 3.5.2, and
     * the age of a first admission; by the rule set of the re-admission's date.
     */
    private void requireReadmission(LocalDate birthDate, LocalDate on, StateRow last, List<MemberEventEntry> history) {
        String ground = null;
        List<LocalDate> readmissions = new java.util.ArrayList<>();
        for (MemberEventEntry e : history) {
            if (e.kind() == MemberEventKind.READMITTED) {
                readmissions.add(e.effectiveOn());
            } else if (e.details() != null && e.details().get("ground") != null) {
                ground = String.valueOf(e.details().get("ground"));
            }
        }
        admissions.ruleSetOn(on).requireReadmission(birthDate, on, AdmissionRuleSet.exitOf(last.status(), ground),
                last.validFrom(), readmissions.size(), readmissions.isEmpty() ? null : readmissions.getLast(), "on");
    }

    private long updateRecord(MemberAct.UpdateRecord act) {
        var member = existing(act.memberId());
        StateRow last = repository.latestState(act.memberId()).orElseThrow();
        if (last.status() == MemberStatus.DIED) {
            throw new RuleViolation("error.member.dead");
        }
        MemberRecord before = Records.toRecord(member);
        MemberRecord after = validator.validate(act.record(), today(), act.memberId());
        if (!after.birthDate().isBefore(member.getAdmissionDecisionDate())) {
            throw RuleViolation.onField("birthDate", "error.member.admittedBeforeBirth");
        }
        Records.copyInto(after, member);
        repository.updateMember(member);
        LocalDate on = today();
        event(act.memberId(), MemberEventKind.RECORD_UPDATED, on, act.decision(), Records.changes(before, after));
        Records.AuditDiff diff = Records.auditDiff(before, after);
        audit(act.memberId(), MemberEventKind.RECORD_UPDATED, last.unitId(), diff.before(), diff.after(),
                act.decision(), on);
        published(act.memberId(), MemberEventKind.RECORD_UPDATED, on, List.of(last.unitId()));
        return act.memberId();
    }

    /** HD 01-HD/TW (2021) item 18: only full members (or those who died as full members) receive the badge. */
    private long awardBadge(MemberAct.AwardBadge act) {
        if (act.occasion() == null) {
            throw RuleViolation.onField("occasion", "error.date.required");
        }
        LocalDate occasion = act.occasion();
        existing(act.memberId());
        StateRow state = repository.stateOn(act.memberId(), occasion)
                .orElseThrow(() -> new RuleViolation("error.member.notMemberOn", VietnameseFormat.date(occasion)));
        boolean died = state.status() == MemberStatus.DIED;
        StateRow standing = died ? repository.stateOn(act.memberId(), state.validFrom().minusDays(1)).orElse(state) : state;
        if (standing.status() != MemberStatus.FULL) {
            throw new RuleViolation("error.member.badgeOnlyFullMembers");
        }
        BadgeEligibility eligibility = badgeEligibility(act.memberId(), occasion, act.seriouslyIll());
        if (!eligibility.eligible()) {
            throw new RuleViolation("error.member.badgeNotEligible", VietnameseFormat.date(occasion));
        }
        long eventId = event(act.memberId(), MemberEventKind.BADGE_AWARDED, occasion, act.decision(),
                Map.of("years", eligibility.milestoneYears(), "early", eligibility.early(),
                        "posthumous", eligibility.posthumous(), "ruleSet", eligibility.ruleSetCode()));
        repository.insertBadgeAward(act.memberId(), eligibility, eventId);
        audit(act.memberId(), MemberEventKind.BADGE_AWARDED, standing.unitId(), null,
                Map.of("years", eligibility.milestoneYears(), "early", eligibility.early()), act.decision(), occasion);
        published(act.memberId(), MemberEventKind.BADGE_AWARDED, occasion, List.of(standing.unitId()));
        return act.memberId();
    }

    // ---- building blocks --------------------------------------------------------------------

    /**
     * Applies {@code mutation} to the member's state from {@code on}: the version valid then is split
     * (or rewritten when it starts that day). Later versions are rewritten too when {@code throughLater},
     * otherwise their existence means the act comes too late and it is refused.
     */
    private void change(long memberId, LocalDate on, long eventId, UnaryOperator<StateRow> mutation, boolean throughLater) {
        List<StateRow> rows = repository.statesFrom(memberId, on);
        if (rows.isEmpty() || rows.getFirst().validFrom().isAfter(on)) {
            throw new RuleViolation("error.member.notMemberOn", VietnameseFormat.date(on));
        }
        if (!throughLater && rows.size() > 1) {
            throw RuleViolation.onField("on", "error.member.changedAfter", VietnameseFormat.date(rows.get(1).validFrom()));
        }
        StateRow first = rows.getFirst();
        StateRow changed = mutation.apply(first);
        if (first.validFrom().equals(on)) {
            repository.rewriteState(changed, eventId);
        } else {
            repository.closeState(first.id(), on);
            repository.insertState(memberId, on, first.validTo(), changed.unitId(), changed.status(), changed.exempt(),
                    changed.inTransit(), changed.awayUnitId(), eventId);
        }
        for (StateRow later : rows.subList(1, rows.size())) {
            repository.rewriteState(mutation.apply(later), eventId);
        }
    }

    /** The member's state on {@code on}, which must show them on the roll and be their latest change. */
    private StateRow onRollOn(long memberId, LocalDate on) {
        existing(memberId);
        StateRow last = repository.latestState(memberId).orElseThrow(() -> new NotFound("member"));
        if (last.status() == MemberStatus.DIED) {
            throw new RuleViolation("error.member.dead");
        }
        StateRow state = repository.stateOn(memberId, on)
                .orElseThrow(() -> new RuleViolation("error.member.notMemberOn", VietnameseFormat.date(on)));
        if (!state.status().onRoll()) {
            throw new RuleViolation("error.member.notMemberOn", VietnameseFormat.date(on));
        }
        return state;
    }

    private vn.tcxd.jooq.members.tables.records.MemberRecord existing(long memberId) {
        return repository.member(memberId).orElseThrow(() -> new NotFound("member " + memberId));
    }

    private void requireCell(long unitId, LocalDate on, String field) {
        UnitDetails unit = org.unit(unitId, on).orElseThrow(() ->
                RuleViolation.onField(field, "error.member.unitNotOnDate", VietnameseFormat.date(on)));
        if (!unit.type().isCell()) {
            throw RuleViolation.onField(field, "error.member.unitNotCell", unit.name());
        }
    }

    private LocalDate requireDate(LocalDate date, String field) {
        if (date == null) {
            throw RuleViolation.onField(field, "error.date.required");
        }
        if (date.isAfter(today())) {
            throw RuleViolation.onField(field, "error.member.futureDate", VietnameseFormat.date(date));
        }
        return date;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private long event(long memberId, MemberEventKind kind, LocalDate on, DecisionRef decision, Map<String, Object> details) {
        return repository.insertEvent(memberId, kind, on, decision, details, actor());
    }

    private void audit(long memberId, MemberEventKind kind, long unitId, Map<String, Object> before,
                       Map<String, Object> after, DecisionRef decision, LocalDate on) {
        Map<String, Object> shown = after == null ? new LinkedHashMap<>() : new LinkedHashMap<>(after);
        shown.put("effectiveOn", on.toString());
        events.publishEvent(new AuditedChange("members." + kind.name(), "member", Long.toString(memberId), unitId,
                before, shown, decision));
    }

    private void published(long memberId, MemberEventKind kind, LocalDate on, List<Long> unitIds) {
        events.publishEvent(new MemberChanged(memberId, kind, on, List.copyOf(unitIds)));
    }

    private static Map<String, Object> withStatus(Map<String, Object> details, MemberStatus status) {
        Map<String, Object> after = new LinkedHashMap<>(details);
        after.put("status", status.name());
        return after;
    }

    private String actor() {
        CurrentAccess current = access.getIfAvailable();
        return current == null ? "system" : current.scope().username();
    }
}
