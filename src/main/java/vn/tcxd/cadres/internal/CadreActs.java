package vn.tcxd.cadres.internal;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import vn.tcxd.cadres.CadreAct;
import vn.tcxd.cadres.CadreRuleSet;
import vn.tcxd.cadres.CommitteeRole;
import vn.tcxd.cadres.IncumbencyEnd;
import vn.tcxd.cadres.IncumbencyKind;
import vn.tcxd.cadres.PlanPeriod;
import vn.tcxd.cadres.RemovalReason;
import vn.tcxd.cadres.RotationKind;
import vn.tcxd.cadres.SeatExit;
import vn.tcxd.cadres.Title;
import vn.tcxd.cadres.TrainingKind;
import vn.tcxd.cadres.internal.CadreRepository.IncRow;
import vn.tcxd.cadres.internal.CadreRepository.Person;
import vn.tcxd.cadres.internal.CadreRepository.PlanRow;
import vn.tcxd.cadres.internal.CadreRepository.RotationRow;
import vn.tcxd.cadres.internal.CadreRepository.SeatRow;
import vn.tcxd.cadres.internal.CadreRepository.TermRow;
import vn.tcxd.members.CodeItem;
import vn.tcxd.members.CodeList;
import vn.tcxd.members.MemberState;
import vn.tcxd.members.Members;
import vn.tcxd.shared.DecisionRef;
import vn.tcxd.shared.Label;
import vn.tcxd.shared.NotFound;
import vn.tcxd.shared.RuleViolation;
import vn.tcxd.shared.VietnameseText;
import vn.tcxd.shared.audit.AuditedChange;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static vn.tcxd.shared.VietnameseFormat.date;

/**
 * The acts of cadre work, each checked against its rules before anything is written and audited in
 * the same transaction (the caller's: {@link CadreService#apply}). Locks: a unit's terms, a post and a
 * term's seats are serialised with advisory locks, a planning period by its row, so two users cannot
 * both take the last place under a cap.
 */
@Component
class CadreActs {

    private static final int LOCK_TERMS = 7101;
    private static final int LOCK_POST = 7102;
    private static final int LOCK_SEATS = 7103;
    private static final int LOCK_ROTATION = 7104;

    private final CadreRepository repo;
    private final ReferenceData ref;
    private final Tree tree;
    private final Members members;
    private final ApplicationEventPublisher events;

    CadreActs(CadreRepository repo, ReferenceData ref, Tree tree, Members members, ApplicationEventPublisher events) {
        this.repo = repo;
        this.ref = ref;
        this.tree = tree;
        this.members = members;
        this.events = events;
    }

    long apply(CadreAct act) {
        return switch (act) {
            case CadreAct.OpenTerm a -> openTerm(a);
            case CadreAct.JoinCommittee a -> join(a);
            case CadreAct.ChangeRole a -> changeRole(a);
            case CadreAct.LeaveCommittee a -> leave(a);
            case CadreAct.Appoint a -> appoint(a);
            case CadreAct.Reappoint a -> reappoint(a);
            case CadreAct.EndIncumbency a -> end(a);
            case CadreAct.AddToPlan a -> addToPlan(a);
            case CadreAct.RemoveFromPlan a -> removeFromPlan(a);
            case CadreAct.RecordTraining a -> training(a);
            case CadreAct.StartRotation a -> startRotation(a);
            case CadreAct.EndRotation a -> endRotation(a);
        };
    }

    // ---- terms and committees -----------------------------------------------------------------------

    private long openTerm(CadreAct.OpenTerm a) {
        DecisionRef decision = decision(a.decision());
        String label = VietnameseText.requireText(a.label(), "label", 50);
        requireDate(a.startsOn(), "startsOn");
        requireDate(a.endsOn(), "endsOn");
        if (!a.endsOn().isAfter(a.startsOn())) {
            throw RuleViolation.onField("endsOn", "error.cadre.termDates", date(a.startsOn()), date(a.endsOn()));
        }
        Tree.Node unit = tree.nodeOn(a.unitId(), a.startsOn()).orElseThrow(() ->
                RuleViolation.onField("startsOn", "error.cadre.unitNotOnDate", unitName(a.unitId()), date(a.startsOn())));
        String congressName = VietnameseText.optionalText(a.congressName(), "congressName", 300);
        if (a.congress()) {
            if (a.congressDate() == null) {
                throw RuleViolation.onField("congressDate", "error.cadre.congressDateRequired");
            }
            if (a.congressDate().isAfter(a.startsOn())) {
                throw RuleViolation.onField("congressDate", "error.cadre.congressAfterStart", date(a.congressDate()),
                        date(a.startsOn()));
            }
        }
        if (a.delegates() != null && a.delegates() <= 0) {
            throw RuleViolation.onField("delegates", "error.cadre.delegates");
        }
        repo.lock(LOCK_TERMS, a.unitId());
        // a term may not share a day with another term of the same organisation
        List<TermRow> overlapping = repo.overlapping(a.unitId(), a.startsOn(), a.endsOn());
        if (!overlapping.isEmpty()) {
            TermRow other = overlapping.getFirst();
            throw RuleViolation.onField("startsOn", "error.cadre.termOverlaps", other.label(), date(other.startsOn()),
                    date(other.endsOn()), unit.name());
        }
        long id = repo.insertTerm(a.unitId(), label, a.startsOn(), a.endsOn(), a.congress(), congressName,
                a.congress() ? a.congressDate() : null, a.delegates(), decision);
        audit("TERM_OPENED", "term", id, a.unitId(), null, state("label", label, "startsOn", a.startsOn(), "endsOn",
                a.endsOn(), "formedBy", a.congress() ? "CONGRESS" : "APPOINTMENT", "delegates", a.delegates()), decision);
        return id;
    }

    private long join(CadreAct.JoinCommittee a) {
        DecisionRef decision = decision(a.decision());
        TermRow term = repo.term(a.termId()).orElseThrow(() -> new NotFound("term " + a.termId()));
        if (a.role() == null) {
            throw RuleViolation.onField("role", "error.cadre.roleRequired");
        }
        if (a.entry() == null) {
            throw RuleViolation.onField("entry", "error.cadre.entryRequired");
        }
        requireDate(a.on(), "on");
        requireWithinTerm(term, a.on());
        Person person = onRoll(a.memberId(), a.on());
        repo.lock(LOCK_SEATS, term.id());
        List<SeatRow> seats = repo.seats(term.id());
        for (SeatRow s : seats) {
            if (s.memberId() == a.memberId() && (s.leftOn() == null || s.leftOn().isAfter(a.on()))) {
                throw RuleViolation.onField("memberId", "error.cadre.alreadySeated", person.fullName(), term.label(),
                        date(s.joinedOn()));
            }
        }
        requireSecretaryFree(a.role(), seats, a.on(), null);
        long id = repo.insertSeat(term.id(), a.memberId(), a.role(), a.entry(), a.on(), decision, null);
        audit("SEAT_TAKEN", "committee_seat", id, term.unitId(), null, state("term", term.label(), "memberId", a.memberId(),
                "role", a.role(), "entry", a.entry(), "on", a.on()), decision);
        return id;
    }

    private long changeRole(CadreAct.ChangeRole a) {
        DecisionRef decision = decision(a.decision());
        SeatRow seat = repo.seat(a.seatId()).orElseThrow(() -> new NotFound("seat " + a.seatId()));
        TermRow term = repo.term(seat.termId()).orElseThrow();
        if (a.role() == null) {
            throw RuleViolation.onField("role", "error.cadre.roleRequired");
        }
        requireDate(a.on(), "on");
        if (seat.leftOn() != null) {
            throw new RuleViolation("error.cadre.seatClosed", date(seat.leftOn()));
        }
        if (!a.on().isAfter(seat.joinedOn())) {
            throw RuleViolation.onField("on", "error.cadre.leaveBeforeJoin", date(a.on()), date(seat.joinedOn()));
        }
        requireWithinTerm(term, a.on());
        if (a.role() == seat.role()) {
            throw RuleViolation.onField("role", "error.cadre.sameRole", new Label("committeeRole." + a.role().name()));
        }
        repo.lock(LOCK_SEATS, term.id());
        requireSecretaryFree(a.role(), repo.seats(term.id()), a.on(), seat.id());
        repo.closeSeat(seat.id(), a.on(), SeatExit.ROLE_CHANGED, decision);
        long id = repo.insertSeat(term.id(), seat.memberId(), a.role(), a.entry() == null ? vn.tcxd.cadres.SeatEntry.ELECTED
                : a.entry(), a.on(), decision, seat.id());
        audit("ROLE_CHANGED", "committee_seat", id, term.unitId(), state("seat", seat.id(), "role", seat.role()),
                state("seat", id, "role", a.role(), "on", a.on()), decision);
        return id;
    }

    private long leave(CadreAct.LeaveCommittee a) {
        DecisionRef decision = decision(a.decision());
        SeatRow seat = repo.seat(a.seatId()).orElseThrow(() -> new NotFound("seat " + a.seatId()));
        TermRow term = repo.term(seat.termId()).orElseThrow();
        if (a.exit() == null || a.exit() == SeatExit.ROLE_CHANGED) {
            throw RuleViolation.onField("exit", "error.cadre.exitRequired");
        }
        requireDate(a.on(), "on");
        if (seat.leftOn() != null) {
            throw new RuleViolation("error.cadre.seatClosed", date(seat.leftOn()));
        }
        if (!a.on().isAfter(seat.joinedOn())) {
            // a committee member cannot leave on or before the day they joined
            throw RuleViolation.onField("on", "error.cadre.leaveBeforeJoin", date(a.on()), date(seat.joinedOn()));
        }
        if (a.on().isAfter(term.endsOn())) {
            throw RuleViolation.onField("on", "error.cadre.leaveAfterTerm", date(a.on()), term.label(), date(term.endsOn()));
        }
        repo.closeSeat(seat.id(), a.on(), a.exit(), decision);
        audit("SEAT_LEFT", "committee_seat", seat.id(), term.unitId(), state("role", seat.role()),
                state("leftOn", a.on(), "exit", a.exit()), decision);
        return seat.id();
    }

    private static void requireWithinTerm(TermRow term, LocalDate on) {
        if (on.isBefore(term.startsOn()) || !on.isBefore(term.endsOn())) {
            throw RuleViolation.onField("on", "error.cadre.seatOutsideTerm", date(on), term.label(), date(term.startsOn()),
                    date(term.endsOn()));
        }
    }

    /** One secretary at a time (Điều lệ Đảng Art. 10 and QĐ 294 item 24: the committee elects one secretary). */
    private void requireSecretaryFree(CommitteeRole role, List<SeatRow> seats, LocalDate on, Long except) {
        if (role != CommitteeRole.SECRETARY) {
            return;
        }
        for (SeatRow s : seats) {
            if (s.role() == CommitteeRole.SECRETARY && (except == null || s.id() != except)
                    && (s.leftOn() == null || s.leftOn().isAfter(on))) {
                throw RuleViolation.onField("role", "error.cadre.secretaryTaken", personName(s.memberId()), date(s.joinedOn()));
            }
        }
    }

    // ---- incumbencies -----------------------------------------------------------------------------------

    private long appoint(CadreAct.Appoint a) {
        // QĐ 80-QĐ/TW, QĐ 377-QĐ/TW: every appointment is made by a decision of the competent level
        DecisionRef decision = decision(a.decision());
        Title title = ref.title(a.titleCode()).orElseThrow(() -> RuleViolation.onField("titleCode", "error.cadre.titleRequired"));
        if (a.kind() == null) {
            throw RuleViolation.onField("kind", "error.cadre.kindRequired");
        }
        requireDate(a.startsOn(), "startsOn");
        Tree.Node unit = tree.nodeOn(a.unitId(), a.startsOn()).orElseThrow(() ->
                RuleViolation.onField("startsOn", "error.cadre.unitNotOnDate", unitName(a.unitId()), date(a.startsOn())));
        if (unit.type() != title.unitType()) {
            throw RuleViolation.onField("titleCode", "error.cadre.titleNotForUnit", title.name(), unit.name(),
                    new Label("unitType." + unit.type().name()));
        }
        Person person = onRoll(a.memberId(), a.startsOn());
        CadreRuleSet rules = ref.ruleSetOn(a.startsOn());
        LocalDate retirement = CadreRules.retirementDate(person.gender(), person.birthDate(), ref.retirement());
        if (a.kind() == IncumbencyKind.APPOINTED) {
            LocalDate dossier = a.dossierReceivedOn() != null ? a.dossierReceivedOn() : decision.date();
            if (!CadreRules.appointmentAgeLeft(rules, retirement, dossier)) {
                throw RuleViolation.onField("memberId", "error.cadre.appointmentAge", person.fullName(), date(retirement),
                        date(dossier), CadreRules.monthsBetween(dossier, retirement), rules.appointmentRemainingMonths(),
                        rules.legalBasis());
            }
        }
        LocalDate termEnds = a.termEndsOn() != null ? a.termEndsOn() : defaultTermEnd(a, rules);
        if (!termEnds.isAfter(a.startsOn())) {
            throw RuleViolation.onField("termEndsOn", "error.cadre.termEndBeforeStart", date(termEnds), date(a.startsOn()));
        }
        repo.lock(LOCK_POST, ((long) a.unitId() << 8) ^ title.code().hashCode());
        for (IncRow other : repo.postFrom(a.unitId(), title.code(), a.startsOn())) {
            if (other.memberId() == a.memberId()) {
                throw RuleViolation.onField("memberId", "error.cadre.alreadyHolds", person.fullName(), title.name(),
                        unit.name(), date(other.startsOn()));
            }
            if (title.singleHolder()) {
                // a single-holder title has one holder on any day
                throw RuleViolation.onField("memberId", "error.cadre.singleHolder", title.name(), unit.name(),
                        personName(other.memberId()), date(other.startsOn()));
            }
        }
        long id = repo.insertIncumbency(a.unitId(), title.code(), a.memberId(), a.kind(), a.startsOn(), termEnds,
                a.dossierReceivedOn(), rules.code(), decision, null);
        // the cadre leaves the planning of the title once appointed to it
        for (PlanRow e : repo.plansOfMember(a.memberId())) {
            if (e.active() && e.unitId() == a.unitId() && e.titleCode().equals(title.code()) && !a.startsOn().isBefore(e.addedOn())) {
                repo.removePlan(e.id(), a.startsOn(), RemovalReason.APPOINTED, null, decision);
            }
        }
        audit(a.kind().name(), "incumbency", id, a.unitId(), null, state("title", title.code(), "memberId", a.memberId(),
                "startsOn", a.startsOn(), "termEndsOn", termEnds, "ruleSet", rules.code()), decision);
        return id;
    }

    private LocalDate defaultTermEnd(CadreAct.Appoint a, CadreRuleSet rules) {
        if (!a.kind().appointment()) {
            // elected and designated titles run with the committee's term, when the unit has one
            var term = repo.termCovering(a.unitId(), a.startsOn());
            if (term.isPresent()) {
                return term.get().endsOn();
            }
        }
        return a.startsOn().plusYears(rules.appointmentTermYears());
    }

    private long reappoint(CadreAct.Reappoint a) {
        DecisionRef decision = decision(a.decision());
        IncRow current = repo.incumbency(a.incumbencyId()).orElseThrow(() -> new NotFound("incumbency " + a.incumbencyId()));
        requireDate(a.startsOn(), "startsOn");
        if (current.endedOn() != null) {
            throw new RuleViolation("error.cadre.incumbencyClosed", date(current.endedOn()));
        }
        if (!a.startsOn().isAfter(current.startsOn())) {
            throw RuleViolation.onField("startsOn", "error.cadre.reappointBeforeStart", date(a.startsOn()),
                    date(current.startsOn()));
        }
        Person person = onRoll(current.memberId(), a.startsOn());
        CadreRuleSet rules = ref.ruleSetOn(a.startsOn());
        LocalDate retirement = CadreRules.retirementDate(person.gender(), person.birthDate(), ref.retirement());
        LocalDate termEnds = CadreRules.reappointmentEnd(rules, a.startsOn(), retirement);
        repo.endIncumbency(current.id(), a.startsOn(), IncumbencyEnd.REAPPOINTED, null, decision);
        long id = repo.insertIncumbency(current.unitId(), current.titleCode(), current.memberId(), IncumbencyKind.REAPPOINTED,
                a.startsOn(), termEnds, null, rules.code(), decision, current.id());
        audit("REAPPOINTED", "incumbency", id, current.unitId(), state("incumbency", current.id(), "termEndsOn",
                current.termEndsOn()), state("startsOn", a.startsOn(), "termEndsOn", termEnds, "ruleSet", rules.code()), decision);
        return id;
    }

    private long end(CadreAct.EndIncumbency a) {
        DecisionRef decision = decision(a.decision());
        IncRow current = repo.incumbency(a.incumbencyId()).orElseThrow(() -> new NotFound("incumbency " + a.incumbencyId()));
        if (a.end() == null) {
            throw RuleViolation.onField("end", "error.cadre.endRequired");
        }
        if (a.end() == IncumbencyEnd.REAPPOINTED) {
            throw RuleViolation.onField("end", "error.cadre.useReappoint");
        }
        requireDate(a.on(), "on");
        if (current.endedOn() != null) {
            throw new RuleViolation("error.cadre.incumbencyClosed", date(current.endedOn()));
        }
        if (!a.on().isAfter(current.startsOn())) {
            throw RuleViolation.onField("on", "error.cadre.endBeforeStart", date(a.on()), date(current.startsOn()));
        }
        String reason = VietnameseText.optionalText(a.reason(), "reason", 500);
        repo.endIncumbency(current.id(), a.on(), a.end(), reason, decision);
        audit("INCUMBENCY_ENDED", "incumbency", current.id(), current.unitId(), state("title", current.titleCode()),
                state("endedOn", a.on(), "end", a.end(), "reason", reason), decision);
        return current.id();
    }

    // ---- planning -----------------------------------------------------------------------------------------

    private long addToPlan(CadreAct.AddToPlan a) {
        DecisionRef decision = decision(a.decision());
        PlanPeriod period = ref.period(a.periodCode()).orElseThrow(() -> RuleViolation.onField("periodCode", "error.cadre.periodRequired"));
        Title title = ref.title(a.titleCode()).orElseThrow(() -> RuleViolation.onField("titleCode", "error.cadre.titleRequired"));
        requireDate(a.on(), "on");
        Tree.Node unit = tree.nodeOn(a.unitId(), a.on()).orElseThrow(() ->
                RuleViolation.onField("on", "error.cadre.unitNotOnDate", unitName(a.unitId()), date(a.on())));
        if (unit.type() != title.unitType()) {
            throw RuleViolation.onField("titleCode", "error.cadre.titleNotForUnit", title.name(), unit.name(),
                    new Label("unitType." + unit.type().name()));
        }
        Person person = onRoll(a.memberId(), a.on());
        CadreRuleSet rules = ref.ruleSetOn(a.on());
        String basis = rules.legalBasis();
        repo.lockPeriod(period.code());

        List<PlanRow> forPost = repo.activeForPost(period.code(), a.unitId(), title.code());
        if (forPost.stream().anyMatch(e -> e.memberId() == a.memberId())) {
            throw RuleViolation.onField("memberId", "error.cadre.planAlready", person.fullName(), title.name(), unit.name(),
                    period.label());
        }
        // QĐ 377-QĐ/TW: plan only for higher titles, never for the one held
        for (IncRow held : repo.incumbenciesOfMembers(List.of(a.memberId()), a.on())) {
            Title heldTitle = ref.title(held.titleCode()).orElseThrow();
            if (held.unitId() == a.unitId() && heldTitle.code().equals(title.code())) {
                throw RuleViolation.onField("memberId", "error.cadre.planHeldTitle", person.fullName(), title.name(),
                        unit.name(), basis);
            }
            if (!CadreRules.higherThan(title, heldTitle)) {
                throw RuleViolation.onField("titleCode", "error.cadre.planNotHigher", person.fullName(), title.name(),
                        heldTitle.name(), basis);
            }
        }
        // QĐ 50-QĐ/TW; QĐ 377-QĐ/TW: each title has at most three planned cadres …
        if (forPost.size() >= rules.maxPlannedPerTitle()) {
            throw RuleViolation.onField("memberId", "error.cadre.planTitleFull", title.name(), unit.name(), period.label(),
                    rules.maxPlannedPerTitle(), names(forPost.stream().map(PlanRow::memberId).toList()), basis);
        }
        // … and each cadre is planned for at most three titles at the same level
        List<PlanRow> sameLevel = repo.activeForMember(period.code(), a.memberId()).stream()
                .filter(e -> ref.title(e.titleCode()).orElseThrow().unitType() == title.unitType()).toList();
        if (sameLevel.size() >= rules.maxTitlesPerCadre()) {
            throw RuleViolation.onField("memberId", "error.cadre.planCadreFull", person.fullName(), period.label(),
                    rules.maxTitlesPerCadre(), sameLevel.stream().map(e -> ref.title(e.titleCode()).orElseThrow().name())
                            .collect(Collectors.joining("; ")), basis);
        }
        // HD 16-HD/BTCTW: enough working age left for at least one full term of the planned period
        LocalDate retirement = CadreRules.retirementDate(person.gender(), person.birthDate(), ref.retirement());
        LocalDate reference = CadreRules.planningReference(period, a.on());
        if (!CadreRules.fullTermLeft(rules, retirement, reference)) {
            throw RuleViolation.onField("memberId", "error.cadre.planAge", person.fullName(), date(retirement),
                    date(reference), CadreRules.monthsBetween(reference, retirement), rules.planningFullTermMonths(),
                    period.label(), basis);
        }
        long id = repo.insertPlan(period.code(), a.unitId(), title.code(), a.memberId(), a.on(), rules.code(), decision);
        audit("PLANNED", "plan_entry", id, a.unitId(), null, state("period", period.code(), "title", title.code(),
                "memberId", a.memberId(), "on", a.on(), "ruleSet", rules.code()), decision);
        return id;
    }

    private long removeFromPlan(CadreAct.RemoveFromPlan a) {
        DecisionRef decision = decision(a.decision());
        PlanRow entry = repo.planEntry(a.entryId()).orElseThrow(() -> new NotFound("plan entry " + a.entryId()));
        if (a.reason() == null) {
            throw RuleViolation.onField("reason", "error.cadre.reasonRequired");
        }
        requireDate(a.on(), "on");
        if (!entry.active()) {
            throw new RuleViolation("error.cadre.planEntryRemoved", date(entry.removedOn()));
        }
        if (a.on().isBefore(entry.addedOn())) {
            throw RuleViolation.onField("on", "error.cadre.removalBeforeAdded", date(a.on()), date(entry.addedOn()));
        }
        String note = VietnameseText.optionalText(a.note(), "note", 500);
        repo.lockPeriod(entry.periodCode());
        repo.removePlan(entry.id(), a.on(), a.reason(), note, decision);
        audit("PLAN_REMOVED", "plan_entry", entry.id(), entry.unitId(), state("title", entry.titleCode(), "memberId",
                entry.memberId()), state("removedOn", a.on(), "reason", a.reason(), "note", note), decision);
        return entry.id();
    }

    // ---- training and rotation ------------------------------------------------------------------------------

    private long training(CadreAct.RecordTraining a) {
        Person person = repo.person(a.memberId()).orElseThrow(() -> new NotFound("member " + a.memberId()));
        if (a.kind() == null) {
            throw RuleViolation.onField("kind", "error.cadre.kindRequired");
        }
        String name = VietnameseText.requireText(a.name(), "trainingName", 300);
        String institution = VietnameseText.requireText(a.institution(), "institution", 300);
        String certificate = VietnameseText.optionalText(a.certificate(), "certificate", 100);
        requireDate(a.startsOn(), "startsOn");
        if (a.endsOn() != null && a.endsOn().isBefore(a.startsOn())) {
            throw RuleViolation.onField("endsOn", "error.cadre.trainingDates", date(a.startsOn()), date(a.endsOn()));
        }
        String level = VietnameseText.optionalText(a.level(), "level", 50);
        CodeList list = a.kind() == TrainingKind.POLITICAL_THEORY ? CodeList.THEORY
                : a.kind() == TrainingKind.STATE_MANAGEMENT ? CodeList.STATE_MANAGEMENT : null;
        if (list != null && level != null && members.codes(list).stream().map(CodeItem::code).noneMatch(level::equals)) {
            throw RuleViolation.onField("level", "error.cadre.trainingLevel", level);
        }
        long id = repo.insertTraining(a.memberId(), a.kind(), level, name, institution, a.startsOn(), a.endsOn(), certificate);
        Long unitId = members.stateOn(a.memberId(), a.startsOn()).map(MemberState::unitId).orElse(null);
        audit("TRAINING_RECORDED", "training", id, unitId, null, state("memberId", person.memberId(), "kind", a.kind(),
                "level", level, "name", name, "institution", institution, "startsOn", a.startsOn(), "endsOn", a.endsOn()), null);
        return id;
    }

    private long startRotation(CadreAct.StartRotation a) {
        DecisionRef decision = decision(a.decision());
        if (a.kind() == null) {
            throw RuleViolation.onField("kind", "error.cadre.kindRequired");
        }
        requireDate(a.startsOn(), "startsOn");
        String position = VietnameseText.requireText(a.position(), "position", 300);
        Tree.Node from = tree.nodeOn(a.fromUnitId(), a.startsOn()).orElseThrow(() ->
                RuleViolation.onField("fromUnitId", "error.cadre.unitNotOnDate", unitName(a.fromUnitId()), date(a.startsOn())));
        Tree.Node to = tree.nodeOn(a.toUnitId(), a.startsOn()).orElseThrow(() ->
                RuleViolation.onField("toUnitId", "error.cadre.unitNotOnDate", unitName(a.toUnitId()), date(a.startsOn())));
        if (from.id() == to.id()) {
            throw RuleViolation.onField("toUnitId", "error.cadre.rotationSameUnit", to.name());
        }
        Person person = onRoll(a.memberId(), a.startsOn());
        CadreRuleSet rules = ref.ruleSetOn(a.startsOn());
        if (a.plannedEnd() != null && !a.plannedEnd().isAfter(a.startsOn())) {
            throw RuleViolation.onField("plannedEnd", "error.cadre.rotationEndBeforeStart", date(a.plannedEnd()),
                    date(a.startsOn()));
        }
        Long returnUnit = a.returnUnitId();
        if (a.kind() == RotationKind.ROTATION) {
            // QĐ 65-QĐ/TW (2022) [R]: a rotation lasts at least 3 years and plans the return
            if (a.plannedEnd() == null) {
                throw RuleViolation.onField("plannedEnd", "error.cadre.rotationEndRequired", rules.rotationMinMonths());
            }
            long months = CadreRules.monthsBetween(a.startsOn(), a.plannedEnd());
            if (months < rules.rotationMinMonths()) {
                throw RuleViolation.onField("plannedEnd", "error.cadre.rotationTooShort", months, rules.rotationMinMonths(),
                        rules.legalBasis());
            }
            if (returnUnit == null) {
                returnUnit = from.id();
            }
        }
        repo.lock(LOCK_ROTATION, a.memberId());
        for (RotationRow r : repo.rotationsOfMember(a.memberId())) {
            if (r.endedOn() == null || r.endedOn().isAfter(a.startsOn())) {
                throw RuleViolation.onField("memberId", "error.cadre.rotationRunning", person.fullName(), r.position(),
                        date(r.startsOn()));
            }
        }
        long id = repo.insertRotation(a.memberId(), a.kind(), from.id(), to.id(), position, a.startsOn(), a.plannedEnd(),
                returnUnit, rules.code(), decision);
        audit("ROTATION_STARTED", "rotation", id, to.id(), null, state("memberId", a.memberId(), "kind", a.kind(), "from",
                from.id(), "to", to.id(), "position", position, "startsOn", a.startsOn(), "plannedEnd", a.plannedEnd()), decision);
        return id;
    }

    private long endRotation(CadreAct.EndRotation a) {
        DecisionRef decision = decision(a.decision());
        RotationRow r = repo.rotation(a.rotationId()).orElseThrow(() -> new NotFound("rotation " + a.rotationId()));
        requireDate(a.on(), "on");
        if (r.endedOn() != null) {
            throw new RuleViolation("error.cadre.rotationEnded", date(r.endedOn()));
        }
        if (!a.on().isAfter(r.startsOn())) {
            throw RuleViolation.onField("on", "error.cadre.endBeforeStart", date(a.on()), date(r.startsOn()));
        }
        repo.endRotation(r.id(), a.on(), decision);
        audit("ROTATION_ENDED", "rotation", r.id(), r.toUnitId(), state("plannedEnd", r.plannedEnd()), state("endedOn", a.on()),
                decision);
        return r.id();
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private static DecisionRef decision(DecisionRef decision) {
        if (decision == null) {
            throw RuleViolation.onField("decision", "error.cadre.decisionRequired");
        }
        return decision;
    }

    private static void requireDate(LocalDate date, String field) {
        if (date == null) {
            throw RuleViolation.onField(field, "error.cadre.dateRequired");
        }
    }

    /** The person, who must be on the roll (a probationary or full member) on the date. */
    private Person onRoll(long memberId, LocalDate on) {
        Person person = repo.person(memberId).orElseThrow(() -> RuleViolation.onField("memberId", "error.cadre.memberUnknown"));
        boolean onRoll = members.stateOn(memberId, on).map(s -> s.status().onRoll()).orElse(false);
        if (!onRoll) {
            throw RuleViolation.onField("memberId", "error.cadre.notOnRoll", person.fullName(), date(on));
        }
        return person;
    }

    private String personName(long memberId) {
        return repo.person(memberId).map(Person::fullName).orElse("#" + memberId);
    }

    private String names(List<Long> memberIds) {
        Map<Long, Person> people = repo.people(memberIds);
        return memberIds.stream().map(id -> people.containsKey(id) ? people.get(id).fullName() : "#" + id)
                .collect(Collectors.joining(", "));
    }

    private String unitName(long unitId) {
        return tree.node(unitId, LocalDate.of(2100, 1, 1)).map(Tree.Node::name).orElse("#" + unitId);
    }

    private void audit(String action, String entity, long id, Long unitId, Map<String, Object> before,
                       Map<String, Object> after, DecisionRef decision) {
        events.publishEvent(new AuditedChange("cadres." + action, entity, Long.toString(id), unitId, before, after, decision));
    }

    private static Map<String, Object> state(Object... pairs) {
        Map<String, Object> state = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object value = pairs[i + 1];
            state.put((String) pairs[i], value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString());
        }
        return state;
    }
}
