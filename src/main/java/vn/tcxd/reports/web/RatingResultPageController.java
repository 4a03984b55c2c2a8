package vn.tcxd.reports.web;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import vn.tcxd.evaluations.Evaluations;
import vn.tcxd.evaluations.Period;
import vn.tcxd.evaluations.RatingScheme;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.UnitDetails;
import vn.tcxd.reports.RatingReport;
import vn.tcxd.reports.RatingResults;
import vn.tcxd.reports.web.ReportExportJobs.Format;
import vn.tcxd.shared.NotFound;
import vn.tcxd.shared.RuleViolation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rating results of a unit (/units/{id}/ratings?year=2021 or ?period=YEAR-2021; the same URL
 * answers htmx with the results fragment) and their downloads. Units outside the user's scope
 * answer 404.
 */
@Controller
class RatingResultPageController {

    private final RatingResults results;
    private final Evaluations evaluations;
    private final OrgStructure org;
    private final ScopedStatistics scoped;

    RatingResultPageController(RatingResults results, Evaluations evaluations, OrgStructure org, ScopedStatistics scoped) {
        this.results = results;
        this.evaluations = evaluations;
        this.org = org;
        this.scoped = scoped;
    }

    @GetMapping("/units/{id}/ratings")
    String page(@PathVariable long id, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) String period,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Locale locale, Model model) {
        scoped.requireRead(id);
        Period chosen = RatingResultRequest.of(year, period, scoped.today()).period();
        UnitDetails unit = unit(id, chosen.end());
        RatingReport report = results.report(id, chosen, locale);
        model.addAttribute("unit", unit);
        model.addAttribute("period", chosen);
        model.addAttribute("periodText", RatingResultRequest.text(chosen));
        model.addAttribute("report", report);
        model.addAttribute("scheme", scheme(chosen));
        model.addAttribute("years", years(scoped.today()));
        return htmx != null ? "reports/ratings :: results" : "reports/ratings";
    }

    private RatingScheme scheme(Period period) {
        try {
            return evaluations.schemeFor(period);
        } catch (RuleViolation none) {
            return null;
        }
    }

    /** The years to choose from: the first scheme's (2008) to the current one, latest first. */
    static List<Integer> years(LocalDate today) {
        List<Integer> years = new ArrayList<>();
        for (int y = today.getYear(); y >= 2008; y--) years.add(y);
        return years;
    }

    @GetMapping("/units/{id}/ratings.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable long id, @RequestParam(required = false) Integer year,
                                @RequestParam(required = false) String period, Locale locale) {
        return download(id, year, period, locale, Format.XLSX);
    }

    @GetMapping("/units/{id}/ratings.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, @RequestParam(required = false) Integer year,
                               @RequestParam(required = false) String period, Locale locale) {
        return download(id, year, period, locale, Format.PDF);
    }

    private ResponseEntity<byte[]> download(long id, Integer year, String period, Locale locale, Format format) {
        scoped.requireRead(id);
        Period chosen = RatingResultRequest.of(year, period, scoped.today()).period();
        String name = RatingResultRequest.fileName(unit(id, chosen.end()).code(), chosen, ReportPageController.extension(format));
        byte[] file = format == Format.XLSX ? results.xlsx(id, chosen, locale) : results.pdf(id, chosen, locale);
        return ReportPageController.file(file, name, format);
    }

    private UnitDetails unit(long id, LocalDate end) {
        LocalDate asOf = end.isAfter(scoped.today()) ? scoped.today() : end;
        return org.unit(id, asOf).or(() -> org.lastKnown(id)).orElseThrow(() -> new NotFound("unit " + id));
    }
}
