package vn.tcxd.cadres.web;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tcxd.cadres.CadreAct;
import vn.tcxd.cadres.Cadres;
import vn.tcxd.cadres.PlanCheck;
import vn.tcxd.cadres.PlanEntry;
import vn.tcxd.cadres.PlanPeriod;
import vn.tcxd.cadres.RemovalReason;
import vn.tcxd.members.Members;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.UnitDetails;
import vn.tcxd.orgstructure.UnitType;
import vn.tcxd.shared.NotFound;
import vn.tcxd.shared.RuleViolation;

import java.time.LocalDate;
import java.util.List;

/**
 * Planning (quy hoạch) of the titles a unit's commission manages for a period: each post with its
 * planned cadres (at most 3) and holders, the shares of young cadres, women and ethnic minorities
 * against their targets, the annual review of who the rules remove, and the forms to add a cadre and
 * to remove one with the decision. It is the commission's file: read scope on the unit is needed.
 */
@Controller
class PlanningPageController {

    private final Cadres cadres;
    private final Members members;
    private final OrgStructure org;
    private final ScopedCadres scoped;

    PlanningPageController(Cadres cadres, Members members, OrgStructure org, ScopedCadres scoped) {
        this.cadres = cadres;
        this.members = members;
        this.org = org;
        this.scoped = scoped;
    }

    @GetMapping("/units/{unitId}/planning")
    String planning(@PathVariable long unitId, @RequestParam(required = false) String period,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                    @RequestParam(required = false) Long postUnit, @ModelAttribute("form") CadreForm form, Model model) {
        scoped.requireReadUnit(unitId);
        UnitDetails unit = Pages.unit(org, unitId, scoped.today());
        PlanPeriod chosen = period(unit, period);
        CadreForm shown = CadreForm.shown(form, scoped.today());
        return render(unit, chosen, asOf != null ? asOf : scoped.today(), postUnit, shown, null, model);
    }

    @PostMapping("/units/{unitId}/planning")
    String add(@PathVariable long unitId, @ModelAttribute("form") CadreForm form, BindingResult binding, Model model,
               RedirectAttributes redirect) {
        scoped.requireWriteUnit(unitId);
        UnitDetails unit = Pages.unit(org, unitId, scoped.today());
        PlanPeriod chosen = period(unit, form.periodCode());
        if (binding.hasErrors()) {
            return render(unit, chosen, scoped.today(), null, form, Pages.badInput(binding), model);
        }
        try {
            if (form.titleCode() == null || form.titleCode().isBlank()) {
                throw RuleViolation.onField("titleCode", "error.cadre.titleRequired");
            }
            long postUnit = form.toUnitCode() == null || form.toUnitCode().isBlank() ? unitId
                    : Pages.unitByCode(org, form.toUnitCode(), "toUnitCode");
            if (form.memberId() == null) {
                throw RuleViolation.onField("memberId", "error.cadre.memberRequired");
            }
            if (!scoped.canReadUnit(postUnit)) {
                throw RuleViolation.onField("toUnitCode", "error.cadre.unitCodeUnknown", form.toUnitCode());
            }
            scoped.requireReadableMember(form.memberId());
            // the post must be one this commission manages
            if (cadres.title(form.titleCode()).isEmpty()
                    || cadres.managerOf(postUnit, form.titleCode(), form.on() == null ? scoped.today() : form.on()) != unitId) {
                throw RuleViolation.onField("titleCode", "error.cadre.notManagedHere", unit.name());
            }
            cadres.apply(new CadreAct.AddToPlan(chosen.code(), postUnit, form.titleCode(), form.memberId(), form.on(),
                    form.decision()));
            redirect.addFlashAttribute("done", "cadres.done.planned");
            redirect.addAttribute("period", chosen.code());
            return "redirect:/units/" + unitId + "/planning";
        } catch (RuleViolation e) {
            return render(unit, chosen, scoped.today(), null, form, e, model);
        }
    }

    /** A planned cadre with the form to remove them (the reason the annual review found, preselected). */
    @GetMapping("/plan-entries/{entryId}")
    String entry(@PathVariable long entryId, @RequestParam(required = false) RemovalReason reason, Model model) {
        PlanEntry entry = readableEntry(entryId);
        CadreForm form = CadreForm.empty(scoped.today());
        return renderEntry(entry, reason, form, null, model);
    }

    @PostMapping("/plan-entries/{entryId}/remove")
    String remove(@PathVariable long entryId, @ModelAttribute("form") CadreForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        PlanEntry entry = readableEntry(entryId);
        long manager = cadres.managerOf(entry.unitId(), entry.title().code(), scoped.today());
        scoped.requireWriteUnit(manager);
        if (binding.hasErrors()) {
            return renderEntry(entry, form.removalReason(), form, Pages.badInput(binding), model);
        }
        try {
            cadres.apply(new CadreAct.RemoveFromPlan(entryId, form.removalReason(), form.note(), form.on(), form.decision()));
            redirect.addFlashAttribute("done", "cadres.done.planRemoved");
            redirect.addAttribute("period", entry.period().code());
            return "redirect:/units/" + manager + "/planning";
        } catch (RuleViolation e) {
            return renderEntry(entry, form.removalReason(), form, e, model);
        }
    }

    /** A planned cadre is the managing commission's business: read scope on it. */
    private PlanEntry readableEntry(long entryId) {
        PlanEntry entry = cadres.planEntry(entryId).orElseThrow(() -> new NotFound("plan entry " + entryId));
        scoped.requireReadUnit(cadres.managerOf(entry.unitId(), entry.title().code(), scoped.today()));
        return entry;
    }

    private String renderEntry(PlanEntry entry, RemovalReason reason, CadreForm form, RuleViolation problem, Model model) {
        long manager = cadres.managerOf(entry.unitId(), entry.title().code(), scoped.today());
        model.addAttribute("entry", entry);
        model.addAttribute("manager", Pages.unit(org, manager, scoped.today()));
        model.addAttribute("canWrite", entry.active() && scoped.canWriteUnit(manager));
        model.addAttribute("canOpenFile", scoped.canOpenFile(entry.memberId()));
        model.addAttribute("reasons", RemovalReason.values());
        model.addAttribute("reason", reason);
        model.addAttribute("form", form);
        Pages.problem(model, problem);
        return "cadres/plan-entry";
    }

    /** A unit below with planned posts managed here: how many posts and planned cadres. */
    record UnitPlan(long unitId, String unitName, int posts, int planned) {

        UnitPlan plus(UnitPlan other) {
            return new UnitPlan(unitId, unitName, posts + other.posts, planned + other.planned);
        }
    }

    private PlanPeriod period(UnitDetails unit, String code) {
        boolean central = unit.type() == UnitType.CENTRAL;
        List<PlanPeriod> periods = cadres.periods().stream().filter(p -> p.central() == central).toList();
        if (code != null) {
            return periods.stream().filter(p -> p.code().equals(code)).findFirst().orElseThrow(() -> new NotFound("period " + code));
        }
        LocalDate today = scoped.today();
        // the period whose planned term comes next, else the running one
        return periods.stream().filter(p -> p.startsOn().isAfter(today)).findFirst()
                .orElse(periods.getLast());
    }

    private String render(UnitDetails unit, PlanPeriod period, LocalDate asOf, Long postUnit, CadreForm form,
                          RuleViolation problem, Model model) {
        PlanCheck check = cadres.planCheck(unit.id(), period.code(), asOf);
        model.addAttribute("unit", unit);
        model.addAttribute("check", check);
        model.addAttribute("period", period);
        model.addAttribute("asOf", asOf);
        boolean central = unit.type() == UnitType.CENTRAL;
        model.addAttribute("periods", cadres.periods().stream().filter(p -> p.central() == central).toList());
        model.addAttribute("canWrite", scoped.canWriteUnit(unit.id()));
        model.addAttribute("reasons", RemovalReason.values());
        // the titles this commission may plan: its own and those of the units below it that it manages
        model.addAttribute("titleChoices", java.util.Arrays.stream(UnitType.values())
                .filter(t -> !cadres.titles(t).isEmpty())
                .map(t -> java.util.Map.entry(t, cadres.titles(t).stream()
                        .filter(title -> title.managingLevel().managedBy(unit.type())).toList()))
                .filter(e -> !e.getValue().isEmpty()).toList());
        // the posts of one unit at a time (the unit's own by default); the others summed up per unit
        long shownUnit = postUnit != null ? postUnit : unit.id();
        model.addAttribute("postUnit", postUnit);
        List<PlanCheck.PostPlan> shownPosts = check.posts().stream().filter(p -> p.unitId() == shownUnit).toList();
        java.util.Map<Long, UnitPlan> others = new java.util.LinkedHashMap<>();
        for (PlanCheck.PostPlan p : check.posts()) {
            if (p.unitId() != shownUnit) {
                others.merge(p.unitId(), new UnitPlan(p.unitId(), p.unitName(), 1, p.entries().size()), UnitPlan::plus);
            }
        }
        model.addAttribute("shownPosts", shownPosts);
        model.addAttribute("shownUnitName", shownUnit == unit.id() ? unit.name()
                : check.posts().stream().filter(p -> p.unitId() == shownUnit).map(PlanCheck.PostPlan::unitName).findFirst().orElse(""));
        model.addAttribute("otherUnits", others.values());
        model.addAttribute("files", scoped.openableFiles(shownPosts.stream().flatMap(p -> p.entries().stream()).map(PlanEntry::memberId)
                .toList()));
        model.addAttribute("form", form);
        Pages.picker(model, members, org, scoped, form);
        Pages.problem(model, problem);
        return "cadres/planning";
    }
}
