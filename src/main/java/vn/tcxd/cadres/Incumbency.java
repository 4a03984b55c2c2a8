package vn.tcxd.cadres;

import vn.tcxd.shared.DecisionRef;

import java.time.LocalDate;

/**
 * A member holding a title at a unit, [startsOn, endedOn), with the decision that began it and the
 * rule set it was decided under.
 *
 * @param termEndsOn the end of the appointment term (5 years [R]) or of the elected term
 * @param followsId  the incumbency this one continues (a reappointment)
 */
public record Incumbency(long id, long unitId, String unitName, Title title, long memberId, String fullName,
                         IncumbencyKind kind, LocalDate startsOn, LocalDate termEndsOn, LocalDate dossierReceivedOn,
                         String ruleSetCode, DecisionRef decision, Long followsId, LocalDate endedOn,
                         IncumbencyEnd end, DecisionRef endDecision, String endReason) {

    public boolean heldOn(LocalDate date) {
        return !date.isBefore(startsOn) && (endedOn == null || date.isBefore(endedOn));
    }

    public boolean open() {
        return endedOn == null;
    }
}
