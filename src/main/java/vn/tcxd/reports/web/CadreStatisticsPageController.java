package vn.tcxd.reports.web;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.tcxd.cadres.Cadres;
import vn.tcxd.cadres.PlanPeriod;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.UnitDetails;
import vn.tcxd.orgstructure.UnitType;
import vn.tcxd.reports.CadreReports;
import vn.tcxd.reports.web.ReportExportJobs.Format;
import vn.tcxd.shared.NotFound;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Cadre statistics of a unit ({@code /units/{id}/cadre-statistics?asOf=&period=}): the committee's
 * structure as at the date, the planned cadres' structure for the period and the composition of the
 * committee the latest congress elected, with the .xlsx and PDF of the same tables.
 */
@Controller
class CadreStatisticsPageController {

    private final CadreReports reports;
    private final Cadres cadres;
    private final OrgStructure org;
    private final ScopedStatistics scoped;

    CadreStatisticsPageController(CadreReports reports, Cadres cadres, OrgStructure org, ScopedStatistics scoped) {
        this.reports = reports;
        this.cadres = cadres;
        this.org = org;
        this.scoped = scoped;
    }

    @GetMapping("/units/{id}/cadre-statistics")
    String page(@PathVariable long id,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                @RequestParam(required = false) String period, Locale locale, Model model) {
        scoped.requireRead(id);
        LocalDate date = scoped.asOf(asOf);
        UnitDetails unit = org.unit(id, date).or(() -> org.lastKnown(id)).orElseThrow(() -> new NotFound("unit " + id));
        List<PlanPeriod> periods = periods(unit);
        PlanPeriod chosen = period(periods, period, date);
        model.addAttribute("unit", unit);
        model.addAttribute("asOf", date);
        model.addAttribute("today", scoped.today());
        model.addAttribute("periods", periods);
        model.addAttribute("period", chosen);
        model.addAttribute("tables", reports.tables(id, date, chosen.code(), locale));
        return "reports/cadre-statistics";
    }

    @GetMapping("/units/{id}/cadre-statistics.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable long id,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                @RequestParam(required = false) String period, Locale locale) {
        return export(id, asOf, period, locale, Format.XLSX);
    }

    @GetMapping("/units/{id}/cadre-statistics.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                               @RequestParam(required = false) String period, Locale locale) {
        return export(id, asOf, period, locale, Format.PDF);
    }

    ResponseEntity<byte[]> export(long id, LocalDate asOf, String period, Locale locale, Format format) {
        scoped.requireRead(id);
        LocalDate date = scoped.asOf(asOf);
        UnitDetails unit = org.unit(id, date).or(() -> org.lastKnown(id)).orElseThrow(() -> new NotFound("unit " + id));
        PlanPeriod chosen = period(periods(unit), period, date);
        byte[] file = format == Format.XLSX ? reports.xlsx(id, date, chosen.code(), locale) : reports.pdf(id, date, chosen.code(), locale);
        String name = "thong-ke-can-bo-" + unit.code() + "-" + date + "." + ReportPageController.extension(format);
        return ReportPageController.file(file, name, format);
    }

    private List<PlanPeriod> periods(UnitDetails unit) {
        boolean central = unit.type() == UnitType.CENTRAL;
        return cadres.periods().stream().filter(p -> p.central() == central).toList();
    }

    /** The requested period, else the one whose planned term comes next after the date. */
    static PlanPeriod period(List<PlanPeriod> periods, String code, LocalDate date) {
        if (code != null && !code.isBlank()) {
            return periods.stream().filter(p -> p.code().equals(code)).findFirst().orElseThrow(() -> new NotFound("period " + code));
        }
        return periods.stream().filter(p -> p.startsOn().isAfter(date)).findFirst().orElse(periods.getLast());
    }
}
