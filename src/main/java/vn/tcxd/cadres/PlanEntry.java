package vn.tcxd.cadres;

import vn.tcxd.members.Gender;
import vn.tcxd.shared.DecisionRef;

import java.time.LocalDate;

/** A cadre planned for a title at a unit in a period, with the decisions that added and removed them. */
public record PlanEntry(long id, PlanPeriod period, long unitId, String unitName, Title title, long memberId,
                        String fullName, Gender gender, LocalDate birthDate, String ethnicity, LocalDate addedOn,
                        String ruleSetCode, DecisionRef decision, LocalDate removedOn, RemovalReason removalReason,
                        String removalNote, DecisionRef removalDecision) {

    public boolean active() {
        return removedOn == null;
    }
}
