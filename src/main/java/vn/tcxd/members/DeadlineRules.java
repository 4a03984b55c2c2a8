package vn.tcxd.members;

import java.time.LocalDate;
import java.util.List;

/**
 * The deadlines of the member lifecycle, each from the rule set (implementation regulation of the
 * Charter: QĐ 45, 29, 24, 232, 294) valid on the deadline's start date.
 */
public interface DeadlineRules {

    /**
     * The deadline of {@code kind} counted from {@code start}. A {@link vn.tcxd.shared.RuleViolation}
     * when no rule set covers the start date or the working days leave the holiday calendar.
     */
    Deadline due(DeadlineKind kind, LocalDate start);

    /** Not done and {@code today} is after the due date. */
    default boolean overdue(DeadlineKind kind, LocalDate start, LocalDate today) {
        return due(kind, start).overdueOn(today);
    }

    /**
     * Overdue as seen on {@code today}: done after the due date ({@code doneOn} given), or still not
     * done and today is after it ({@code doneOn} null).
     */
    default boolean overdue(DeadlineKind kind, LocalDate start, LocalDate doneOn, LocalDate today) {
        Deadline deadline = due(kind, start);
        return doneOn != null ? deadline.lateWhenDoneOn(doneOn) : deadline.overdueOn(today);
    }

    /** Every rule set with its rules, oldest first, for the rules page and documentation. */
    List<DeadlineRuleSet> ruleSets();
}
