package vn.tcxd.members;

import java.util.List;

/**
 * Writes many members with their whole histories in one transaction and a few set-based
 * statements: exactly the rows {@link Members#apply} would write act by act, checked by the same
 * rules, with one audit entry for the batch (action {@code members.IMPORTED}) instead of one per act.
 */
public interface MemberHistoryWriter {

    /**
     * Checks every history completely and writes all of them, or nothing: a
     * {@link MemberHistoryRejected} lists the first problem of each bad history.
     *
     * @param actor       recorded as the author of every event
     * @param auditUnitId the unit the batch's audit entry belongs to (null: none)
     */
    MemberHistoryResult write(List<MemberHistory> histories, String actor, Long auditUnitId);

    /** The same checks as {@link #write}, writing nothing; empty when every history passes. */
    List<MemberHistoryProblem> check(List<MemberHistory> histories);

    /** Every period during which a unit in the subtree of {@code rootUnitId} was a cell (members may sit there). */
    List<MemberHistoryCell> cells(long rootUnitId);
}
