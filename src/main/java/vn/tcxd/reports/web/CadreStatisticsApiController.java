package vn.tcxd.reports.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.tcxd.cadres.Cadres;
import vn.tcxd.cadres.PlanPeriod;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.UnitType;
import vn.tcxd.reports.CadreReports;
import vn.tcxd.reports.forms.FormTable;
import vn.tcxd.reports.web.ReportExportJobs.Format;
import vn.tcxd.shared.NotFound;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Cadre statistics as JSON (each cell a count, or a share with its base), .xlsx or PDF
 * ({@code format=xlsx|pdf}).
 */
@RestController
@Tag(name = "Thống kê cán bộ", description = "Committee and planning structure, congress composition")
class CadreStatisticsApiController {

    private final CadreReports reports;
    private final Cadres cadres;
    private final OrgStructure org;
    private final ScopedStatistics scoped;
    private final CadreStatisticsPageController files;

    CadreStatisticsApiController(CadreReports reports, Cadres cadres, OrgStructure org, ScopedStatistics scoped,
                                 CadreStatisticsPageController files) {
        this.reports = reports;
        this.cadres = cadres;
        this.org = org;
        this.scoped = scoped;
        this.files = files;
    }

    record CellResponse(Long value, Long base) {
    }

    record RowResponse(String number, String label, int level, List<CellResponse> cells) {
    }

    record TableResponse(String title, String dateLine, List<String> columns, List<RowResponse> rows, List<String> notes) {

        static TableResponse of(FormTable t) {
            return new TableResponse(t.title(), t.dateLine(), t.columns().stream().map(FormTable.Column::label).toList(),
                    t.rows().stream().map(r -> new RowResponse(r.number(), r.label(), r.level(),
                            r.cells().stream().map(c -> new CellResponse(c.value(), c.base())).toList())).toList(), t.notes());
        }
    }

    @GetMapping("/api/v1/units/{id}/cadre-statistics")
    @Operation(summary = "Cadre statistics of the unit as at a date for a planning period; format=xlsx|pdf returns the file")
    ResponseEntity<?> statistics(@PathVariable long id,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                 @RequestParam(required = false) String period, @RequestParam(required = false) String format,
                                 Locale locale) {
        if ("xlsx".equalsIgnoreCase(format)) return files.export(id, asOf, period, locale, Format.XLSX);
        if ("pdf".equalsIgnoreCase(format)) return files.export(id, asOf, period, locale, Format.PDF);
        scoped.requireRead(id);
        LocalDate date = scoped.asOf(asOf);
        var unit = org.unit(id, date).or(() -> org.lastKnown(id)).orElseThrow(() -> new NotFound("unit " + id));
        List<PlanPeriod> periods = cadres.periods().stream().filter(p -> p.central() == (unit.type() == UnitType.CENTRAL)).toList();
        PlanPeriod chosen = CadreStatisticsPageController.period(periods, period, date);
        return ResponseEntity.ok(reports.tables(id, date, chosen.code(), locale).stream().map(TableResponse::of).toList());
    }
}
