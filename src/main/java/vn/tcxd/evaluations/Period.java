package vn.tcxd.evaluations;

import vn.tcxd.shared.RuleViolation;

import java.time.LocalDate;

/**
 * A review period: a year, a quarter of a year ({@code no} 1–4) or a term ending in {@code year}
 * ({@code no} = the first year of the term, e.g. 2020 for 2020–2025).
 */
public record Period(PeriodKind kind, int year, int no) {

    public Period {
        if (kind == null) {
            throw new RuleViolation("error.rating.periodRequired");
        }
        if (year < 2000 || year > 2100) {
            throw new RuleViolation("error.rating.periodYear", year);
        }
        switch (kind) {
            case YEAR -> no = 0;
            case QUARTER -> {
                if (no < 1 || no > 4) {
                    throw new RuleViolation("error.rating.periodQuarter", no);
                }
            }
            case TERM -> {
                if (no < year - 6 || no >= year) {
                    throw new RuleViolation("error.rating.periodTerm", no, year);
                }
            }
        }
    }

    public static Period year(int year) {
        return new Period(PeriodKind.YEAR, year, 0);
    }

    public LocalDate start() {
        return switch (kind) {
            case YEAR -> LocalDate.of(year, 1, 1);
            case QUARTER -> LocalDate.of(year, 3 * no - 2, 1);
            case TERM -> LocalDate.of(no, 1, 1);
        };
    }

    /** The last day of the period (the rating is judged as at this date). */
    public LocalDate end() {
        return switch (kind) {
            case YEAR, TERM -> LocalDate.of(year, 12, 31);
            case QUARTER -> LocalDate.of(year, 3 * no, 1).plusMonths(1).minusDays(1);
        };
    }

}
