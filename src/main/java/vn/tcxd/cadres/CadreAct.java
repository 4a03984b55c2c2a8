package vn.tcxd.cadres;

import vn.tcxd.shared.DecisionRef;

import java.time.LocalDate;

/**
 * The commands of cadre work. Each is applied in one transaction with its audit; a broken rule throws
 * {@link vn.tcxd.shared.RuleViolation} with a Vietnamese message naming the rule, and nothing is written.
 * Every act but a training record carries its decision.
 */
public sealed interface CadreAct {

    /**
     * Opens a term of the unit's committee: a congress ({@code congressDate} required) or an appointed
     * committee. Refused when it overlaps another term of the unit.
     */
    record OpenTerm(long unitId, String label, LocalDate startsOn, LocalDate endsOn, boolean congress,
                    String congressName, LocalDate congressDate, Integer delegates, DecisionRef decision)
            implements CadreAct {
    }

    /** A member takes a seat on the term's committee in a role: elected, appointed or added mid-term. */
    record JoinCommittee(long termId, long memberId, CommitteeRole role, SeatEntry entry, LocalDate on,
                         DecisionRef decision) implements CadreAct {
    }

    /** The seat continues in another role from {@code on} (e.g. elected deputy secretary). */
    record ChangeRole(long seatId, CommitteeRole role, SeatEntry entry, LocalDate on, DecisionRef decision)
            implements CadreAct {
    }

    /** The member leaves the committee on {@code on}; refused on or before the day they joined. */
    record LeaveCommittee(long seatId, SeatExit exit, LocalDate on, DecisionRef decision) implements CadreAct {
    }

    /**
     * A member begins to hold a title at a unit. {@code termEndsOn} defaults to the appointment term of
     * the rule set; {@code dossierReceivedOn} is the day the commission received the dossier (the age rule
     * of a first appointment counts from it; defaults to the decision's date).
     */
    record Appoint(long unitId, String titleCode, long memberId, IncumbencyKind kind, LocalDate startsOn,
                   LocalDate termEndsOn, LocalDate dossierReceivedOn, DecisionRef decision) implements CadreAct {
    }

    /** Bổ nhiệm lại: the incumbency continues in a new term from {@code startsOn}. */
    record Reappoint(long incumbencyId, LocalDate startsOn, DecisionRef decision) implements CadreAct {
    }

    /** The incumbency ends on {@code on}: term ended, dismissal, resignation, removal, move, retirement, death. */
    record EndIncumbency(long incumbencyId, IncumbencyEnd end, LocalDate on, String reason, DecisionRef decision)
            implements CadreAct {
    }

    /** Adds a cadre to the planning of a title at a unit for a period (the 3 × 3 caps, higher title, full term of age). */
    record AddToPlan(String periodCode, long unitId, String titleCode, long memberId, LocalDate on,
                     DecisionRef decision) implements CadreAct {
    }

    /** Removes a planned cadre, with the reason and decision. */
    record RemoveFromPlan(long entryId, RemovalReason reason, String note, LocalDate on, DecisionRef decision)
            implements CadreAct {
    }

    record RecordTraining(long memberId, TrainingKind kind, String level, String name, String institution,
                          LocalDate startsOn, LocalDate endsOn, String certificate) implements CadreAct {
    }

    /** Rotation, transfer or secondment; a rotation needs a planned end at least the rule set's months away. */
    record StartRotation(long memberId, RotationKind kind, long fromUnitId, long toUnitId, String position,
                         LocalDate startsOn, LocalDate plannedEnd, Long returnUnitId, DecisionRef decision)
            implements CadreAct {
    }

    record EndRotation(long rotationId, LocalDate on, DecisionRef decision) implements CadreAct {
    }
}
