package vn.tcxd.votes;

import vn.tcxd.shared.DecisionRef;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The acts of the session's organisers and counting board. Each runs in one transaction with its
 * audit; a broken rule throws {@link vn.tcxd.shared.RuleViolation} with a Vietnamese message and nothing
 * is written. Casting a ballot is not an act of anyone known: see {@link Votes#cast}.
 */
public sealed interface VoteAct {

    /**
     * Convenes a session of the unit's committee (or its standing board) as seated on {@code heldOn}, on
     * the holders of the given incumbencies (each held on that day, at the unit or below it).
     * {@code denominator} null: the rule set's.
     */
    record Convene(long unitId, SessionBody body, String name, LocalDate heldOn, Instant opensAt, Instant closesAt,
                   List<Long> incumbencyIds, VoteRuleSet.Denominator denominator, DecisionRef decision)
            implements VoteAct {
    }

    /**
     * Attendance at the session: who is present, which of them vote on paper (the others electronically),
     * and the counting board among those present. Issues the credentials at once; without quorum the
     * session can still count but produces no result.
     */
    record TakeAttendance(long sessionId, Set<Long> present, Set<Long> paper, Long countingHead,
                          Set<Long> countingMembers) implements VoteAct {
    }

    /** The counting board's paper figures, entered (or corrected) before the session is concluded. */
    record RecordPaperCount(long sessionId, VoteSession.PaperCount count) implements VoteAct {
    }

    /** Concludes after the window has closed: freezes the results and publishes them to cadres. */
    record Conclude(long sessionId, LocalDate on, DecisionRef decision) implements VoteAct {
    }
}
