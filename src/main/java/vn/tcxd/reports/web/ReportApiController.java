package vn.tcxd.reports.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.reports.forms.FormTable;
import vn.tcxd.reports.forms.Narrative;
import vn.tcxd.reports.forms.ReportForm;
import vn.tcxd.reports.forms.ReportForms;
import vn.tcxd.reports.forms.ReportPeriod;
import vn.tcxd.reports.web.ReportExportJobs.Format;
import vn.tcxd.shared.NotFound;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * JSON, .xlsx and PDF of the report forms of any unit in scope: {@code /api/v1/units/{id}/reports/3},
 * {@code …/3.xlsx}, {@code …/all.pdf}; forms "as at" a date take {@code asOf}, forms over a period
 * {@code from} and {@code to} (default: from 1/1 of the year to today).
 */
@RestController
@RequestMapping("/api/v1/units/{id}/reports")
@Tag(name = "Báo cáo thống kê", description = "Report forms of HD 11-HD/BTCTW: JSON, xlsx, PDF and the narrative")
class ReportApiController {

    private final ReportForms reports;
    private final OrgStructure org;
    private final ScopedStatistics scoped;

    ReportApiController(ReportForms reports, OrgStructure org, ScopedStatistics scoped) {
        this.reports = reports;
        this.org = org;
        this.scoped = scoped;
    }

    record CellResponse(Long value, Long base, Double fraction) {
    }

    record RowResponse(String number, String label, int level, List<CellResponse> cells) {
    }

    record ColumnResponse(String label, boolean percent) {
    }

    record ReportResponse(long unitId, String unitName, String form, String code, String title, LocalDate from,
                          LocalDate to, String dateLine, List<ColumnResponse> columns, List<RowResponse> rows,
                          List<String> notes) {

        static ReportResponse of(FormTable t) {
            return new ReportResponse(t.unitId(), t.unitName(), t.form().slug(), t.code(), t.title(),
                    t.form().overPeriod() ? t.period().from() : null, t.period().to(), t.dateLine(),
                    t.columns().stream().map(c -> new ColumnResponse(c.label(), c.percent())).toList(),
                    t.rows().stream().map(r -> new RowResponse(r.number(), r.label(), r.level(),
                            r.cells().stream().map(c -> new CellResponse(c.value(), c.base(), c.fraction())).toList()))
                            .toList(),
                    t.notes());
        }
    }

    record NarrativeResponse(long unitId, LocalDate from, LocalDate to, String structure, String movements,
                             String composition, String text) {
    }

    @GetMapping("/narrative")
    @Operation(summary = "The generated report paragraph: structure as at `to`, movements over [from, to], composition")
    NarrativeResponse narrative(@PathVariable long id, @RequestParam(required = false) LocalDate from,
                                @RequestParam(required = false) LocalDate to, Locale locale) {
        scoped.requireRead(id);
        ReportPeriod period = ReportRequest.of(ReportForm.MOVEMENTS, null, from, to, scoped.today()).period();
        Narrative n = reports.narrative(id, period, locale);
        return new NarrativeResponse(id, period.from(), period.to(), n.structure(), n.movements(), n.composition(), n.text());
    }

    @GetMapping("/{form}")
    @Operation(summary = "One form as JSON: co-cau (structure), 1, 2, 3 or 4")
    ReportResponse form(@PathVariable String form, @PathVariable long id, @RequestParam(required = false) LocalDate asOf,
                        @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                        Locale locale) {
        scoped.requireRead(id);
        ReportForm chosen = ReportRequest.form(form);
        ReportPeriod period = ReportRequest.of(chosen, asOf, from, to, scoped.today()).period();
        return ReportResponse.of(reports.fill(chosen, id, period, locale));
    }

    @GetMapping("/{form}.xlsx")
    @Operation(summary = "One form, or `all`, as an .xlsx workbook (one sheet per form)")
    ResponseEntity<byte[]> xlsx(@PathVariable String form, @PathVariable long id, @RequestParam(required = false) LocalDate asOf,
                                @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                                Locale locale) {
        return export(form, id, asOf, from, to, locale, Format.XLSX);
    }

    @GetMapping("/{form}.pdf")
    @Operation(summary = "One form, or `all`, as a PDF in party-document layout")
    ResponseEntity<byte[]> pdf(@PathVariable String form, @PathVariable long id, @RequestParam(required = false) LocalDate asOf,
                               @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                               Locale locale) {
        return export(form, id, asOf, from, to, locale, Format.PDF);
    }

    private ResponseEntity<byte[]> export(String slug, long id, LocalDate asOf, LocalDate from, LocalDate to,
                                          Locale locale, Format format) {
        scoped.requireRead(id);
        List<ReportForm> forms = ReportRequest.forms(slug);
        ReportPeriod period = ReportRequest.of(forms.getFirst(), asOf, from, to, scoped.today()).period();
        String code = org.unit(id, period.asOf()).or(() -> org.lastKnown(id)).orElseThrow(() -> new NotFound("unit " + id)).code();
        byte[] file = format == Format.XLSX ? reports.xlsx(forms, id, period, locale, ReportForms.Progress.NONE)
                : reports.pdf(forms, id, period, locale, ReportForms.Progress.NONE);
        return ReportPageController.file(file, ReportRequest.fileName(code, slug, period, ReportPageController.extension(format)), format);
    }
}
