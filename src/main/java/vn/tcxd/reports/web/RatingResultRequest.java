package vn.tcxd.reports.web;

import vn.tcxd.evaluations.Period;
import vn.tcxd.evaluations.PeriodKind;
import vn.tcxd.shared.RuleViolation;

import java.time.LocalDate;

/**
 * The period of a rating results request: {@code year=2021}, or {@code period=YEAR-2021},
 * {@code QUARTER-2026-1}, {@code TERM-2030-2025}; by default the last year ended before today.
 */
record RatingResultRequest(Period period) {

    static RatingResultRequest of(Integer year, String period, LocalDate today) {
        if (period != null && !period.isBlank()) return new RatingResultRequest(parse(period.trim()));
        return new RatingResultRequest(Period.year(year != null ? year : today.getYear() - 1));
    }

    static Period parse(String text) {
        String[] parts = text.toUpperCase(java.util.Locale.ROOT).split("-");
        try {
            PeriodKind kind = PeriodKind.valueOf(parts[0]);
            int year = Integer.parseInt(parts[1]);
            int no = parts.length > 2 ? Integer.parseInt(parts[2]) : 0;
            if (kind == PeriodKind.YEAR && parts.length != 2 || kind != PeriodKind.YEAR && parts.length != 3) {
                throw new IllegalArgumentException(text);
            }
            return new Period(kind, year, no);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw RuleViolation.onField("period", "error.ratings.period", text);
        }
    }

    /** {@code YEAR-2021} for links. */
    static String text(Period period) {
        return period.kind() == PeriodKind.YEAR ? "YEAR-" + period.year() : period.kind() + "-" + period.year() + "-" + period.no();
    }

    static String fileName(String unitCode, Period period, String extension) {
        return "xep-loai-" + unitCode + "-" + text(period).toLowerCase(java.util.Locale.ROOT) + "." + extension;
    }
}
