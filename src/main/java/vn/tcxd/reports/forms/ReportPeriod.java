package vn.tcxd.reports.forms;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The dates of a report: forms over a period use [{@code from}, {@code to}] (both inclusive); forms
 * "as at" a date use {@code to} ("có đến ngày …").
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

    public ReportPeriod {
        if (from.isAfter(to)) throw new IllegalArgumentException("period " + from + " after " + to);
    }

    /** Figures as at {@code date}; the period is its calendar year up to that day. */
    public static ReportPeriod asOf(LocalDate date) {
        return new ReportPeriod(date.withDayOfYear(1), date);
    }

    /** A calendar month (monthly quick report). */
    public static ReportPeriod month(YearMonth month) {
        return new ReportPeriod(month.atDay(1), month.atEndOfMonth());
    }

    /** Six months to 30/6 (sơ kết 6 tháng). */
    public static ReportPeriod firstHalf(int year) {
        return new ReportPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 6, 30));
    }

    /** The year to 31/12 (tổng kết năm). */
    public static ReportPeriod year(int year) {
        return new ReportPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /** The same period ending no later than {@code today} (figures exist only up to today). */
    public ReportPeriod upTo(LocalDate today) {
        if (!to.isAfter(today)) return this;
        return new ReportPeriod(from.isAfter(today) ? today : from, today);
    }

    public LocalDate asOf() {
        return to;
    }
}
