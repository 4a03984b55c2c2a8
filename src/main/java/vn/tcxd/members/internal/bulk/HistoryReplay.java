package vn.tcxd.members.internal.bulk;

import vn.tcxd.members.AdmissionRuleSet;
import vn.tcxd.members.AdmissionRules;
import vn.tcxd.members.DeadlineKind;
import vn.tcxd.members.DeadlineRules;
import vn.tcxd.members.DisciplineForm;
import vn.tcxd.members.MemberEventKind;
import vn.tcxd.members.MemberHistory;
import vn.tcxd.members.MemberRecord;
import vn.tcxd.members.MemberStatus;
import vn.tcxd.members.TransferKind;
import vn.tcxd.members.internal.RecordValidator;
import vn.tcxd.shared.DecisionRef;
import vn.tcxd.shared.Label;
import vn.tcxd.shared.RuleViolation;
import vn.tcxd.shared.VietnameseFormat;
import vn.tcxd.shared.VietnameseText;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Plays one member's history in memory with the registry's rules (MemberService, act by act) and
 * yields the rows it would have written: the member, its events, its state versions (split, closed
 * and rewritten the same way) and its transfers. Indices are local to the member until written.
 */
final class HistoryReplay {

    /** The values of a state version that acts change. */
    record Values(long unitId, MemberStatus status, boolean exempt, boolean inTransit, Long awayUnitId) {
    }

    static final class StateOut {
        LocalDate from;
        LocalDate to;
        Values values;
        int event;

        StateOut(LocalDate from, LocalDate to, Values values, int event) {
            this.from = from;
            this.to = to;
            this.values = values;
            this.event = event;
        }
    }

    /** An event; {@code transfer} ≥ 0 adds {@code transferId} of that local transfer to the details. */
    record EventOut(MemberEventKind kind, LocalDate on, DecisionRef decision, Map<String, Object> details, int transfer) {
    }

    static final class TransferOut {
        final TransferKind kind;
        final long fromUnitId;
        final long toUnitId;
        final String letterNumber;
        final LocalDate issuedOn;
        LocalDate receivedOn;
        LocalDate endedOn;
        String status = "IN_TRANSIT";

        TransferOut(TransferKind kind, long fromUnitId, long toUnitId, String letterNumber, LocalDate issuedOn) {
            this.kind = kind;
            this.fromUnitId = fromUnitId;
            this.toUnitId = toUnitId;
            this.letterNumber = letterNumber;
            this.issuedOn = issuedOn;
        }
    }

    /** The step of a history the registry would refuse (0: the admission, which checks the record sheet). */
    static final class StepFailed extends RuntimeException {
        final int step;
        final RuleViolation violation;

        StepFailed(int step, RuleViolation violation) {
            super(violation.getMessage(), null, false, false);
            this.step = step;
            this.violation = violation;
        }
    }

    MemberRecord record;
    LocalDate admissionDecisionDate;
    LocalDate ceremonyDate;
    LocalDate fullMemberDate;
    final List<EventOut> events = new ArrayList<>();
    final List<StateOut> states = new ArrayList<>();
    final List<TransferOut> transfers = new ArrayList<>();

    private final LocalDate today;
    private final CellCalendar cells;
    private final DeadlineRules deadlines;
    private final AdmissionRules admissions;

    private HistoryReplay(LocalDate today, CellCalendar cells, DeadlineRules deadlines, AdmissionRules admissions) {
        this.today = today;
        this.cells = cells;
        this.deadlines = deadlines;
        this.admissions = admissions;
    }

    /** Plays the history; a {@link RuleViolation} for the first act the registry would refuse. */
    static HistoryReplay play(MemberHistory history, LocalDate today, CellCalendar cells, DeadlineRules deadlines,
                              AdmissionRules admissions, RecordValidator.Lookups lookups) {
        HistoryReplay replay = new HistoryReplay(today, cells, deadlines, admissions);
        List<MemberHistory.Step> steps = history.steps();
        if (steps.isEmpty() || !(steps.getFirst() instanceof MemberHistory.Admit)) {
            throw new RuleViolation("error.memberImport.admitFirst");
        }
        for (int i = 0; i < steps.size(); i++) {
            MemberHistory.Step step = steps.get(i);
            try {
                if (step == null || step.decision() == null) {
                    throw RuleViolation.onField("decision", "error.decision.required");
                }
                if (i == 0) {
                    replay.admit(history.record(), (MemberHistory.Admit) step, lookups);
                } else {
                    replay.apply(step);
                }
            } catch (RuleViolation e) {
                throw new StepFailed(i, e);
            }
        }
        return replay;
    }

    private void apply(MemberHistory.Step step) {
        switch (step) {
            case MemberHistory.Admit a -> throw new RuleViolation("error.member.stillMember");
            case MemberHistory.HoldCeremony c -> holdCeremony(c);
            case MemberHistory.Recognise r -> recognise(r);
            case MemberHistory.RefuseRecognition r -> end(r.on(), MemberStatus.REMOVED, MemberEventKind.NOT_RECOGNISED,
                    Map.of("ground", "NOT_RECOGNISED"), r.decision(), true);
            case MemberHistory.IssueTransfer t -> issueTransfer(t);
            case MemberHistory.ReceiveTransfer t -> receiveTransfer(t);
            case MemberHistory.EndTemporaryTransfer t -> endTemporaryTransfer(t);
            case MemberHistory.Exempt e -> exempt(e);
            case MemberHistory.EndExemption e -> endExemption(e);
            case MemberHistory.Discipline d -> discipline(d);
            case MemberHistory.RemoveFromList r -> {
                if (r.ground() == null) {
                    throw RuleViolation.onField("ground", "error.member.groundRequired");
                }
                end(r.on(), MemberStatus.REMOVED, MemberEventKind.REMOVED_FROM_LIST, Map.of("ground", r.ground().name()),
                        r.decision(), false);
            }
            case MemberHistory.Leave l -> end(l.on(), MemberStatus.LEFT, MemberEventKind.LEFT_PARTY, Map.of(), l.decision(),
                    false);
            case MemberHistory.Die d -> end(d.on(), MemberStatus.DIED, MemberEventKind.DIED, Map.of(), d.decision(), false);
            case MemberHistory.Readmit r -> readmit(r);
        }
    }

    private void admit(MemberRecord input, MemberHistory.Admit act, RecordValidator.Lookups lookups) {
        LocalDate on = requireDate(act.on(), "admittedOn");
        MemberRecord valid = RecordValidator.validate(input, today, null, lookups);
        if (!valid.birthDate().isBefore(on)) {
            throw RuleViolation.onField("admittedOn", "error.member.admittedBeforeBirth");
        }
        // QĐ 24-QĐ/TW item 1.1, as MemberService
        admissions.ruleSetOn(on).requireAge(valid.birthDate(), on, "admittedOn");
        cells.requireCell(act.cellId(), on, "cellId");
        record = valid;
        admissionDecisionDate = on;
        int event = event(MemberEventKind.ADMITTED, on, act.decision(), Map.of("unitId", act.cellId()), -1);
        states.add(new StateOut(on, null, new Values(act.cellId(), MemberStatus.PROBATIONARY, false, false, null), event));
    }

    private void holdCeremony(MemberHistory.HoldCeremony act) {
        LocalDate on = requireDate(act.on(), "heldOn");
        StateOut state = onRollOn(on);
        if (state.values.status() != MemberStatus.PROBATIONARY) {
            throw new RuleViolation("error.member.notProbationary");
        }
        if (ceremonyDate != null) {
            throw new RuleViolation("error.member.ceremonyAlreadyHeld", VietnameseFormat.date(ceremonyDate));
        }
        if (on.isBefore(admissionDecisionDate)) {
            throw RuleViolation.onField("heldOn", "error.member.ceremonyBeforeAdmission");
        }
        ceremonyDate = on;
        event(MemberEventKind.CEREMONY_HELD, on, act.decision(), Map.of(), -1);
    }

    /** QĐ 24-QĐ/TW item 4.2.2: recognition dates from the end of probation, however late the decision. */
    private void recognise(MemberHistory.Recognise act) {
        if (ceremonyDate == null) {
            throw new RuleViolation("error.member.noCeremony");
        }
        LocalDate effective = deadlines.due(DeadlineKind.PROBATION_END, ceremonyDate).due();
        if (act.decision().date().isBefore(effective)) {
            throw RuleViolation.onField("decision.date", "error.member.recognitionBeforeProbationEnds",
                    VietnameseFormat.date(effective));
        }
        StateOut state = onRollOn(effective);
        if (state.values.status() != MemberStatus.PROBATIONARY) {
            throw new RuleViolation("error.member.notProbationary");
        }
        int event = event(MemberEventKind.RECOGNISED, effective, act.decision(), Map.of(), -1);
        change(effective, event, s -> new Values(s.unitId(), MemberStatus.FULL, s.exempt(), s.inTransit(), s.awayUnitId()),
                true);
        fullMemberDate = effective;
    }

    private void issueTransfer(MemberHistory.IssueTransfer act) {
        LocalDate on = requireDate(act.on(), "issuedOn");
        if (act.kind() == null) {
            throw RuleViolation.onField("kind", "error.member.transferKindRequired");
        }
        String letter = VietnameseText.requireText(act.letterNumber(), "letterNumber", 50);
        Values state = onRollOn(on).values;
        if (state.inTransit() || state.awayUnitId() != null) {
            throw new RuleViolation("error.member.transferOpen");
        }
        if (act.toUnitId() == state.unitId()) {
            throw RuleViolation.onField("toUnitId", "error.member.transferSameUnit");
        }
        cells.requireCell(act.toUnitId(), on, "toUnitId");
        transfers.add(new TransferOut(act.kind(), state.unitId(), act.toUnitId(), letter, on));
        int transfer = transfers.size() - 1;
        boolean permanent = act.kind() == TransferKind.PERMANENT;
        MemberEventKind kind = permanent ? MemberEventKind.TRANSFER_ISSUED : MemberEventKind.TEMPORARY_TRANSFER_ISSUED;
        int event = event(kind, on, act.decision(), details("fromUnitId", state.unitId(), "toUnitId", act.toUnitId(),
                "letterNumber", letter), transfer);
        change(on, event, s -> permanent
                ? new Values(s.unitId(), s.status(), s.exempt(), true, null)
                : new Values(s.unitId(), s.status(), s.exempt(), false, act.toUnitId()), false);
    }

    private TransferOut latestTransfer() {
        if (transfers.isEmpty()) {
            throw new RuleViolation("error.member.transferNotOpen");
        }
        return transfers.getLast();
    }

    private void receiveTransfer(MemberHistory.ReceiveTransfer act) {
        LocalDate on = requireDate(act.on(), "receivedOn");
        TransferOut transfer = latestTransfer();
        if (!"IN_TRANSIT".equals(transfer.status)) {
            throw new RuleViolation("error.member.transferNotOpen");
        }
        if (on.isBefore(transfer.issuedOn)) {
            throw RuleViolation.onField("receivedOn", "error.member.receivedBeforeIssued",
                    VietnameseFormat.date(transfer.issuedOn));
        }
        cells.requireCell(transfer.toUnitId, on, "receivedOn");
        onRollOn(on);
        int event = event(MemberEventKind.TRANSFER_RECEIVED, on, act.decision(), details("fromUnitId",
                transfer.fromUnitId, "toUnitId", transfer.toUnitId, "letterNumber", transfer.letterNumber),
                transfers.size() - 1);
        if (transfer.kind == TransferKind.PERMANENT) {
            change(on, event, s -> new Values(transfer.toUnitId, s.status(), s.exempt(), false, null), false);
        }
        transfer.status = "RECEIVED";
        transfer.receivedOn = on;
    }

    private void endTemporaryTransfer(MemberHistory.EndTemporaryTransfer act) {
        LocalDate on = requireDate(act.on(), "on");
        TransferOut transfer = latestTransfer();
        if (transfer.kind != TransferKind.TEMPORARY || "ENDED".equals(transfer.status)
                || "CANCELLED".equals(transfer.status)) {
            throw new RuleViolation("error.member.transferNotOpen");
        }
        if (!on.isAfter(transfer.issuedOn)) {
            throw RuleViolation.onField("on", "error.member.receivedBeforeIssued", VietnameseFormat.date(transfer.issuedOn));
        }
        onRollOn(on);
        int event = event(MemberEventKind.TEMPORARY_TRANSFER_ENDED, on, act.decision(),
                details("toUnitId", transfer.toUnitId), transfers.size() - 1);
        change(on, event, s -> new Values(s.unitId(), s.status(), s.exempt(), false, null), false);
        transfer.status = "ENDED";
        transfer.endedOn = on;
    }

    private void exempt(MemberHistory.Exempt act) {
        LocalDate on = requireDate(act.on(), "on");
        String reason = VietnameseText.requireText(act.reason(), "reason", 300);
        if (onRollOn(on).values.exempt()) {
            throw new RuleViolation("error.member.alreadyExempt");
        }
        int event = event(MemberEventKind.EXEMPTED, on, act.decision(), Map.of("reason", reason), -1);
        change(on, event, s -> new Values(s.unitId(), s.status(), true, s.inTransit(), s.awayUnitId()), false);
    }

    private void endExemption(MemberHistory.EndExemption act) {
        LocalDate on = requireDate(act.on(), "on");
        if (!onRollOn(on).values.exempt()) {
            throw new RuleViolation("error.member.notExempt");
        }
        int event = event(MemberEventKind.EXEMPTION_ENDED, on, act.decision(), Map.of(), -1);
        change(on, event, s -> new Values(s.unitId(), s.status(), false, s.inTransit(), s.awayUnitId()), false);
    }

    /** Điều lệ Art. 35: probationary members may only be reprimanded or warned. */
    private void discipline(MemberHistory.Discipline act) {
        LocalDate on = requireDate(act.on(), "on");
        if (act.form() == null) {
            throw RuleViolation.onField("form", "error.member.disciplineFormRequired");
        }
        StateOut state = onRollOn(on);
        if (state.values.status() == MemberStatus.PROBATIONARY
                && (act.form() == DisciplineForm.REMOVAL_FROM_POST || act.form() == DisciplineForm.EXPULSION)) {
            throw RuleViolation.onField("form", "error.member.disciplineNotForProbationary", Label.of(act.form()));
        }
        if (act.form() == DisciplineForm.EXPULSION) {
            end(on, MemberStatus.EXPELLED, MemberEventKind.DISCIPLINED, Map.of("form", act.form().name()), act.decision(),
                    false);
            return;
        }
        event(MemberEventKind.DISCIPLINED, on, act.decision(), Map.of("form", act.form().name()), -1);
    }

    private void end(LocalDate date, MemberStatus status, MemberEventKind kind, Map<String, Object> details,
                     DecisionRef decision, boolean probationaryOnly) {
        LocalDate on = requireDate(date, "on");
        StateOut state = onRollOn(on);
        if (probationaryOnly && state.values.status() != MemberStatus.PROBATIONARY) {
            throw new RuleViolation("error.member.notProbationary");
        }
        if (state.values.inTransit() && status != MemberStatus.DIED) {
            throw new RuleViolation("error.member.transferOpen");
        }
        int event = event(kind, on, decision, details, -1);
        change(on, event, s -> new Values(s.unitId(), status, false, false, null), false);
    }

    private void readmit(MemberHistory.Readmit act) {
        LocalDate on = requireDate(act.on(), "on");
        StateOut last = states.getLast();
        if (last.values.status() == MemberStatus.DIED) {
            throw new RuleViolation("error.member.dead");
        }
        if (last.values.status().onRoll()) {
            throw new RuleViolation("error.member.stillMember");
        }
        if (!on.isAfter(last.from)) {
            throw RuleViolation.onField("on", "error.member.changedAfter", VietnameseFormat.date(last.from));
        }
        requireReadmission(on, last);
        cells.requireCell(act.cellId(), on, "cellId");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("unitId", act.cellId());
        details.put("previousCeremonyDate", String.valueOf(ceremonyDate));
        int event = event(MemberEventKind.READMITTED, on, act.decision(), details, -1);
        last.to = on;
        states.add(new StateOut(on, null, new Values(act.cellId(), MemberStatus.PROBATIONARY, false, false, null), event));
        // a re-admitted member serves probation again: a new ceremony and recognition follow
        ceremonyDate = null;
        fullMemberDate = null;
    }

    /** QĐ 24-QĐ/TW item 3.5, as MemberService: the same rule set check on the history so far. */
    private void requireReadmission(LocalDate on, StateOut last) {
        String ground = null;
        List<LocalDate> readmissions = new ArrayList<>();
        for (EventOut e : events) {
            if (e.kind() == MemberEventKind.READMITTED) {
                readmissions.add(e.on());
            } else if (e.details() != null && e.details().get("ground") != null) {
                ground = String.valueOf(e.details().get("ground"));
            }
        }
        admissions.ruleSetOn(on).requireReadmission(record.birthDate(), on,
                AdmissionRuleSet.exitOf(last.values.status(), ground), last.from, readmissions.size(),
                readmissions.isEmpty() ? null : readmissions.getLast(), "on");
    }

    // ---- the registry's building blocks, in memory ----------------------------------------------

    private void change(LocalDate on, int event, UnaryOperator<Values> mutation, boolean throughLater) {
        int first = -1;
        for (int i = 0; i < states.size(); i++) {
            StateOut s = states.get(i);
            if (s.to == null || s.to.isAfter(on)) {
                first = i;
                break;
            }
        }
        if (first < 0 || states.get(first).from.isAfter(on)) {
            throw new RuleViolation("error.member.notMemberOn", VietnameseFormat.date(on));
        }
        if (!throughLater && first < states.size() - 1) {
            throw RuleViolation.onField("on", "error.member.changedAfter", VietnameseFormat.date(states.get(first + 1).from));
        }
        StateOut row = states.get(first);
        Values changed = mutation.apply(row.values);
        if (row.from.equals(on)) {
            row.values = changed;
            row.event = event;
        } else {
            StateOut split = new StateOut(on, row.to, changed, event);
            row.to = on;
            states.add(first + 1, split);
            first++;
        }
        for (int i = first + 1; i < states.size(); i++) {
            StateOut later = states.get(i);
            later.values = mutation.apply(later.values);
            later.event = event;
        }
    }

    private StateOut onRollOn(LocalDate on) {
        if (states.getLast().values.status() == MemberStatus.DIED) {
            throw new RuleViolation("error.member.dead");
        }
        StateOut state = stateOn(on);
        if (state == null || !state.values.status().onRoll()) {
            throw new RuleViolation("error.member.notMemberOn", VietnameseFormat.date(on));
        }
        return state;
    }

    private StateOut stateOn(LocalDate date) {
        for (StateOut s : states) {
            if (!s.from.isAfter(date) && (s.to == null || s.to.isAfter(date))) {
                return s;
            }
        }
        return null;
    }

    private LocalDate requireDate(LocalDate date, String field) {
        if (date == null) {
            throw RuleViolation.onField(field, "error.date.required");
        }
        if (date.isAfter(today)) {
            throw RuleViolation.onField(field, "error.member.futureDate", VietnameseFormat.date(date));
        }
        return date;
    }

    private int event(MemberEventKind kind, LocalDate on, DecisionRef decision, Map<String, Object> details, int transfer) {
        events.add(new EventOut(kind, on, decision, details, transfer));
        return events.size() - 1;
    }

    private static Map<String, Object> details(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
