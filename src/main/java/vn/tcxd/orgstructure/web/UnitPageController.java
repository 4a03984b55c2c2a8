package vn.tcxd.orgstructure.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.UnitDetails;
import vn.tcxd.orgstructure.UnitSummary;
import vn.tcxd.shared.NotFound;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The tree browser, type-ahead search and the unit page, all "as at" a chosen date
 * (xem cơ cấu tại ngày …). Fragments answer htmx requests on the same URLs.
 */
@Controller
class UnitPageController {

    private final OrgStructure org;
    private final ScopedUnits units;

    UnitPageController(OrgStructure org, ScopedUnits units) {
        this.org = org;
        this.units = units;
    }

    @GetMapping("/units")
    String tree(@RequestParam(required = false) LocalDate asOf, Model model) {
        LocalDate date = units.asOf(asOf);
        List<UnitSummary> roots = units.readableRoots().stream()
                .map(id -> org.unit(id, date).map(u -> summary(u, org.children(id, date).size())))
                .flatMap(Optional::stream)
                .toList();
        model.addAttribute("asOf", date);
        model.addAttribute("today", units.today());
        model.addAttribute("roots", roots);
        return "units/tree";
    }

    @GetMapping("/units/search")
    String search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) LocalDate asOf,
                  @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        LocalDate date = units.asOf(asOf);
        model.addAttribute("asOf", date);
        model.addAttribute("q", q);
        model.addAttribute("results", q.isBlank() ? List.of() : org.search(q, units.searchRoots(), date, 20));
        return htmx != null ? "units/fragments :: results" : "units/search";
    }

    @GetMapping("/units/suggestions")
    String suggestions(@RequestParam(required = false) String targetCode, Model model) {
        String q = targetCode == null ? "" : targetCode;
        model.addAttribute("results", q.isBlank() ? List.of() : org.search(q, units.searchRoots(), units.today(), 15));
        return "units/fragments :: suggestions";
    }

    @GetMapping("/units/{id}/children")
    String children(@PathVariable long id, @RequestParam(required = false) LocalDate asOf,
                    @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        units.requireRead(id);
        LocalDate date = units.asOf(asOf);
        if (htmx == null) {
            return "redirect:/units/" + id + "?asOf=" + date;
        }
        model.addAttribute("asOf", date);
        model.addAttribute("children", org.children(id, date));
        return "units/fragments :: children";
    }

    @GetMapping("/units/{id}")
    String unit(@PathVariable long id, @RequestParam(required = false) LocalDate asOf, Model model) {
        units.requireRead(id);
        LocalDate date = units.asOf(asOf);
        Optional<UnitDetails> atDate = org.unit(id, date);
        UnitDetails unit = atDate.or(() -> org.lastKnown(id)).orElseThrow(() -> new NotFound("unit " + id));
        model.addAttribute("asOf", date);
        model.addAttribute("today", units.today());
        model.addAttribute("unit", unit);
        model.addAttribute("existsOnDate", atDate.isPresent());
        model.addAttribute("children", atDate.isPresent() ? org.children(id, date) : List.of());
        model.addAttribute("counts", atDate.isPresent() ? org.counts(id, date) : null);
        model.addAttribute("history", org.history(id));
        model.addAttribute("canWrite", units.canWrite(id) && unit.dissolvedOn() == null);
        return "units/unit";
    }

    private static UnitSummary summary(UnitDetails u, int childCount) {
        return new UnitSummary(u.id(), u.code(), u.name(), u.shortName(), u.type(),
                u.parent() == null ? null : u.parent().id(), u.ancestors().size(), childCount);
    }
}
