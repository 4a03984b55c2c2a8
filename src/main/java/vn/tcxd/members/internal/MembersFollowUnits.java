package vn.tcxd.members.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.tcxd.members.MemberChanged;
import vn.tcxd.members.MemberEventKind;
import vn.tcxd.members.TransferSummary;
import vn.tcxd.orgstructure.LineageLink;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.UnitDetails;
import vn.tcxd.orgstructure.UnitHistoryEntry;
import vn.tcxd.orgstructure.UnitsReorganised;
import vn.tcxd.shared.DecisionRef;
import vn.tcxd.shared.RuleViolation;
import vn.tcxd.shared.VietnameseFormat;
import vn.tcxd.shared.audit.AuditedChange;
import vn.tcxd.shared.scope.CurrentAccess;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Members follow their cell through a reorganisation (orgstructure publishes
 * {@link UnitsReorganised} in its transaction and never knows about members): when a cell is merged
 * (sáp nhập), consolidated (hợp nhất) or split (chia tách), everyone on its roll or hosted by it on
 * the effective date moves into the successor from that date, each with a {@code MOVED_WITH_UNIT}
 * event carrying the reorganisation's decision, audited and published like every other act. A
 * split cell's members go to the first new unit (the decision then reassigns them by transfer).
 * Dissolving (giải thể) a unit that still has members is refused, which rolls the act back.
 */
@Component
class MembersFollowUnits {

    private final MemberRepository repository;
    private final OrgStructure org;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<CurrentAccess> access;

    MembersFollowUnits(MemberRepository repository, OrgStructure org, ApplicationEventPublisher events,
                       ObjectProvider<CurrentAccess> access) {
        this.repository = repository;
        this.org = org;
        this.events = events;
        this.access = access;
    }

    @EventListener
    @Transactional
    void on(UnitsReorganised reorganised) {
        LocalDate on = reorganised.effectiveOn();
        switch (reorganised.operation()) {
            case "DISSOLVE" -> reorganised.unitIds().forEach(id -> requireEmpty(id, on));
            case "MERGE", "CONSOLIDATE", "SPLIT" -> {
                for (long unitId : reorganised.unitIds()) {
                    follow(unitId, reorganised.operationId(), on);
                }
            }
            default -> {
                // rename, move, change of type, establishment: the cell keeps its id, members stay
            }
        }
    }

    private void requireEmpty(long unitId, LocalDate on) {
        int members = repository.membersOfUnitFrom(unitId, on).size() + repository.openTransfersTo(unitId).size();
        if (members > 0) {
            throw RuleViolation.onField("effectiveOn", "error.member.dissolveWithMembers", name(unitId, on), members,
                    VietnameseFormat.date(on));
        }
    }

    /** Moves the members of {@code unitId} if this operation ended it. */
    private void follow(long unitId, long operationId, LocalDate on) {
        List<Long> memberIds = repository.membersOfUnitFrom(unitId, on);
        List<TransferSummary> open = repository.openTransfersTo(unitId);
        if (memberIds.isEmpty() && open.isEmpty()) {
            return;
        }
        Optional<UnitHistoryEntry> ending = org.history(unitId).stream()
                .filter(e -> e.operationId() == operationId && e.kind().endsWith("_INTO")).findFirst();
        if (ending.isEmpty()) {
            return; // the unit absorbing the others, or a new one: it goes on
        }
        long successor = ending.get().lineage().stream()
                .filter(l -> l.fromUnitId() == unitId && l.operationId() == operationId)
                .map(LineageLink::toUnitId).min(Comparator.naturalOrder())
                .orElseThrow(() -> new IllegalStateException("no successor of unit " + unitId));
        UnitDetails target = org.unit(successor, on).orElseThrow();
        if (!target.type().isCell()) {
            throw RuleViolation.onField("effectiveOn", "error.member.successorNotCell", name(unitId, on), target.name(),
                    memberIds.size() + open.size());
        }
        DecisionRef decision = ending.get().decision();
        for (long memberId : memberIds) {
            move(memberId, unitId, successor, on, decision, operationId, ending.get().operation());
        }
        for (TransferSummary t : open) {
            if (t.fromUnitId() == successor) {
                throw RuleViolation.onField("effectiveOn", "error.member.transferIntoSuccessor", t.memberName(),
                        target.name());
            }
            repository.redirectTransfer(t.id(), successor);
            events.publishEvent(new AuditedChange("members.TRANSFER_REDIRECTED", "transfer", Long.toString(t.id()),
                    successor, Map.of("toUnitId", unitId), Map.of("toUnitId", successor, "effectiveOn", on.toString()),
                    decision));
        }
    }

    private void move(long memberId, long from, long to, LocalDate on, DecisionRef decision, long operationId,
                      String operation) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fromUnitId", from);
        details.put("toUnitId", to);
        details.put("operationId", operationId);
        details.put("operation", operation);
        long eventId = repository.insertEvent(memberId, MemberEventKind.MOVED_WITH_UNIT, on, decision, details, actor());
        for (StateRow row : repository.statesFrom(memberId, on)) {
            StateRow moved = row.with(row.unitId() == from ? to : row.unitId(), row.status(), row.exempt(), row.inTransit(),
                    row.awayUnitId() != null && row.awayUnitId() == from ? Long.valueOf(to) : row.awayUnitId());
            if (moved.equals(row)) {
                continue;
            }
            if (row.validFrom().isBefore(on)) {
                repository.closeState(row.id(), on);
                repository.insertState(memberId, on, row.validTo(), moved.unitId(), moved.status(), moved.exempt(),
                        moved.inTransit(), moved.awayUnitId(), eventId);
            } else {
                repository.rewriteState(moved, eventId);
            }
        }
        Map<String, Object> after = new LinkedHashMap<>(details);
        after.put("effectiveOn", on.toString());
        events.publishEvent(new AuditedChange("members." + MemberEventKind.MOVED_WITH_UNIT.name(), "member",
                Long.toString(memberId), to, Map.of("unitId", from), after, decision));
        events.publishEvent(new MemberChanged(memberId, MemberEventKind.MOVED_WITH_UNIT, on, List.of(from, to)));
    }

    private String name(long unitId, LocalDate on) {
        return org.unit(unitId, on.minusDays(1)).or(() -> org.lastKnown(unitId)).map(UnitDetails::name)
                .orElse("#" + unitId);
    }

    private String actor() {
        CurrentAccess current = access.getIfAvailable();
        return current == null ? "system" : current.scope().username();
    }
}
