package vn.tcxd.cadres;

import vn.tcxd.shared.DecisionRef;

import java.time.LocalDate;

/** A rotation, transfer or secondment of a cadre from one unit to another, with its planned end and return. */
public record Rotation(long id, long memberId, String fullName, RotationKind kind, long fromUnitId, String fromUnitName,
                       long toUnitId, String toUnitName, String position, LocalDate startsOn, LocalDate plannedEnd,
                       Long returnUnitId, String returnUnitName, String ruleSetCode, DecisionRef decision,
                       LocalDate endedOn, DecisionRef endDecision) {

    public boolean runningOn(LocalDate date) {
        return !date.isBefore(startsOn) && (endedOn == null || date.isBefore(endedOn));
    }
}
