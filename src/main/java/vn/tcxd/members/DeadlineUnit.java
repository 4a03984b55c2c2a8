package vn.tcxd.members;

/**
 * How a deadline's amount is counted from its start date.
 */
public enum DeadlineUnit {
    /** Working days after the start (day 1 is the first working day after it), see {@link vn.tcxd.calendar.WorkingDays}. */
    WORKING_DAYS,
    /** Calendar days after the start: start + n. */
    DAYS,
    /** Calendar months: the same day of the month, or the month's last day when it has no such day (29/2 → 28/2). */
    MONTHS
}
