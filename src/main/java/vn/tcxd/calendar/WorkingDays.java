package vn.tcxd.calendar;

import java.time.LocalDate;

/**
 * Working days (ngày làm việc) of the Vietnamese public service: Monday to Friday, minus the public
 * holidays, compensatory and swapped days off of the holiday calendar, plus make-up Saturdays.
 *
 * <p>Counting convention: a deadline of <em>n</em> working days "from" a date starts counting the day
 * after it. Day 1 is the first working day strictly after the start date, so
 * {@code plusWorkingDays(start, n)} is the last day on which the act is still on time. The start date
 * itself never counts, whether or not it is a working day.
 *
 * <p>Dates outside the years the calendar covers are refused with a {@link vn.tcxd.shared.RuleViolation}
 * rather than answered without knowing the holidays.
 */
public interface WorkingDays {

    boolean isWorkingDay(LocalDate date);

    /** The date {@code n} working days after {@code start} (n ≥ 0; n = 0 gives {@code start}). */
    LocalDate plusWorkingDays(LocalDate start, int n);

    /**
     * The {@code n}-th working day strictly before {@code end} (n ≥ 0; n = 0 gives {@code end}): the day a
     * notice due "n working days before" a date is last on time. The working days in
     * [{@code result}, {@code end}) number exactly n, and the result is itself a working day.
     */
    LocalDate minusWorkingDays(LocalDate end, int n);

    /**
     * The number of working days in the half-open interval ({@code a}, {@code b}]: the days after
     * {@code a} up to and including {@code b}; negative when {@code b} is before {@code a}. Inverse of
     * {@link #plusWorkingDays}: {@code workingDaysBetween(a, plusWorkingDays(a, n)) == n}.
     */
    int workingDaysBetween(LocalDate a, LocalDate b);
}
