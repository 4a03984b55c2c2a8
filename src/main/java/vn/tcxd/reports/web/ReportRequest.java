package vn.tcxd.reports.web;

import vn.tcxd.reports.forms.ReportForm;
import vn.tcxd.reports.forms.ReportPeriod;
import vn.tcxd.shared.NotFound;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The dates of a report request: forms "as at" a date read {@code asOf}, forms over a period read
 * {@code from} and {@code to}; either falls back to the other, then to today, and the period starts on
 * 1/1 of its end's year unless given. Figures exist only up to today, so a later end is cut there.
 */
record ReportRequest(ReportPeriod period, boolean clamped) {

    static ReportRequest of(ReportForm form, LocalDate asOf, LocalDate from, LocalDate to, LocalDate today) {
        LocalDate first = form.overPeriod() ? to : asOf;
        LocalDate second = form.overPeriod() ? asOf : to;
        LocalDate end = first != null ? first : second != null ? second : today;
        LocalDate start = from != null && !from.isAfter(end) ? from : end.withDayOfYear(1);
        ReportPeriod period = new ReportPeriod(start, end);
        ReportPeriod cut = period.upTo(today);
        return new ReportRequest(cut, !cut.equals(period));
    }

    /** A form by its URL name; unknown names answer 404. */
    static ReportForm form(String slug) {
        return ReportForm.ofSlug(slug).orElseThrow(() -> new NotFound("report form " + slug));
    }

    /** The forms of an export: one form, or {@code all}. */
    static List<ReportForm> forms(String slug) {
        return "all".equalsIgnoreCase(slug) || "tat-ca".equalsIgnoreCase(slug)
                ? Arrays.asList(ReportForm.values()) : List.of(form(slug));
    }

    /** For the file name: "bao-cao-LS-3-2021-12-31.xlsx". */
    static String fileName(String unitCode, String slug, ReportPeriod period, String extension) {
        String code = unitCode == null ? "" : unitCode.replaceAll("[^A-Za-z0-9.-]", "");
        return "bao-cao-" + code + "-" + slug + "-" + period.to() + "." + extension;
    }
}
