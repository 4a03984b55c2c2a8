package vn.tcxd.reports;

import java.time.LocalDate;
import java.util.List;

/**
 * The key figures of a group's units side by side on {@code asOf}, and on the same date a year earlier.
 * The totals are {@code null} when one unit lies within another on that date (they would count members
 * twice).
 *
 * @param hiddenUnits whether some units of the group lie outside the reader's scope (left out, never named)
 */
public record UnitComparison(long groupId, String name, LocalDate asOf, LocalDate yearEarlier, List<Row> rows,
                             KeyFigures total, KeyFigures totalYearEarlier, boolean hiddenUnits) {

    /** One unit: its figures on the date, {@code null} when it did not exist then. */
    public record Row(UnitRef unit, KeyFigures figures, KeyFigures yearEarlier) {
    }
}
