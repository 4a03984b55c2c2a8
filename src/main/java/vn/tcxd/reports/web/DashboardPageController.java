package vn.tcxd.reports.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import vn.tcxd.orgstructure.OrgScope;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.UnitDetails;
import vn.tcxd.reports.Dashboards;
import vn.tcxd.reports.UnitDashboard;
import vn.tcxd.shared.NotFound;
import vn.tcxd.shared.scope.CurrentAccess;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The dashboard of a unit (bảng số liệu) as at a date: key figures beside those of a year earlier,
 * members by age and gender, admissions per year and, loaded after the page (htmx, or a link without
 * JavaScript), movements per year.
 */
@Controller
class DashboardPageController {

    private final Dashboards dashboards;
    private final OrgStructure org;
    private final OrgScope orgScope;
    private final CurrentAccess access;
    private final ScopedStatistics scoped;
    private final DashboardCharts charts;

    DashboardPageController(Dashboards dashboards, OrgStructure org, OrgScope orgScope, CurrentAccess access,
                            ScopedStatistics scoped, DashboardCharts charts) {
        this.dashboards = dashboards;
        this.org = org;
        this.orgScope = orgScope;
        this.access = access;
        this.scoped = scoped;
        this.charts = charts;
    }

    /** The dashboard of the user's (first) own unit. */
    @GetMapping("/dashboard")
    String mine() {
        List<Long> roots = orgScope.readableRoots(access.scope());
        if (roots.isEmpty()) throw new NotFound("no unit in scope");
        return "redirect:/units/" + roots.getFirst() + "/dashboard";
    }

    @GetMapping("/units/{id}/dashboard")
    String dashboard(@PathVariable long id, @RequestParam(required = false) LocalDate asOf, Model model) {
        Optional<UnitDetails> unit = common(id, asOf, model);
        if (unit.isPresent() && !model.containsAttribute("problem")) {
            LocalDate date = (LocalDate) model.getAttribute("asOf");
            UnitDashboard d = dashboards.of(id, date);
            model.addAttribute("dashboard", d);
            model.addAttribute("figures", DashboardFigures.of(d.figures(), d.figuresYearEarlier()));
            model.addAttribute("pyramid", charts.pyramid(d.ageGender(), d.figures().members()));
            model.addAttribute("admissionsChart", charts.admissions(d.admissions()));
        }
        return "reports/dashboard";
    }

    @GetMapping("/units/{id}/dashboard/trend")
    String trend(@PathVariable long id, @RequestParam(required = false) LocalDate asOf,
                 @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        Optional<UnitDetails> unit = common(id, asOf, model);
        if (unit.isPresent() && !model.containsAttribute("problem")) {
            LocalDate date = (LocalDate) model.getAttribute("asOf");
            var years = dashboards.trend(id, date, Dashboards.TREND_YEARS);
            model.addAttribute("trend", years);
            model.addAttribute("trendChart", charts.trend(years));
        }
        return htmx != null ? "reports/dashboard-fragments :: trend" : "reports/dashboard-trend";
    }

    /** Scope, date and unit; a date the figures cannot be given for becomes a message on the page. */
    private Optional<UnitDetails> common(long id, LocalDate asOf, Model model) {
        scoped.requireRead(id);
        LocalDate today = scoped.today();
        LocalDate date = scoped.asOf(asOf);
        Optional<UnitDetails> atDate = org.unit(id, date);
        UnitDetails unit = atDate.or(() -> org.lastKnown(id)).orElseThrow(() -> new NotFound("unit " + id));
        model.addAttribute("unit", unit);
        model.addAttribute("asOf", date);
        model.addAttribute("today", today);
        if (date.isAfter(today)) {
            model.addAttribute("problem", "error.statistics.futureDate");
        } else if (atDate.isEmpty()) {
            model.addAttribute("problem", "error.statistics.unitNotOnDate");
        }
        return Optional.of(unit);
    }
}
