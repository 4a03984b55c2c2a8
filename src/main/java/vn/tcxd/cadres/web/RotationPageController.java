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
import vn.tcxd.cadres.CadreDue;
import vn.tcxd.cadres.Cadres;
import vn.tcxd.cadres.Rotation;
import vn.tcxd.cadres.RotationKind;
import vn.tcxd.members.Members;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.shared.NotFound;
import vn.tcxd.shared.RuleViolation;

import java.time.LocalDate;
import java.util.List;

/**
 * The cadre due-work queue of a unit (reappointment notices 90 working days before a term ends,
 * retirements, rotations coming to an end) and the list of rotated, transferred and seconded cadres
 * with their end dates, with the form to rotate one. Both are the commission's files: names come
 * with dates of birth and retirement, so they need read scope on the unit.
 */
@Controller
class RotationPageController {

    static final int DEFAULT_HORIZON_DAYS = 90;

    private final Cadres cadres;
    private final Members members;
    private final OrgStructure org;
    private final ScopedCadres scoped;

    RotationPageController(Cadres cadres, Members members, OrgStructure org, ScopedCadres scoped) {
        this.cadres = cadres;
        this.members = members;
        this.org = org;
        this.scoped = scoped;
    }

    @GetMapping("/units/{unitId}/cadres/due")
    String due(@PathVariable long unitId, @RequestParam(required = false) Integer horizon,
               @RequestParam(required = false) String levels, Model model) {
        scoped.requireReadUnit(unitId);
        int days = horizon == null ? DEFAULT_HORIZON_DAYS : Math.clamp(horizon, 0, 730);
        // the unit's own work first; the lower levels' work one click away
        boolean all = "all".equals(levels);
        List<CadreDue> items = all ? cadres.due(unitId, scoped.today(), days) : cadres.dueManagedBy(unitId, scoped.today(), days);
        model.addAttribute("allLevels", all);
        model.addAttribute("unit", Pages.unit(org, unitId, scoped.today()));
        model.addAttribute("items", items);
        model.addAttribute("horizon", days);
        model.addAttribute("today", scoped.today());
        model.addAttribute("files", scoped.openableFiles(items.stream().map(CadreDue::memberId).toList()));
        return "cadres/due";
    }

    @GetMapping("/units/{unitId}/rotations")
    String rotations(@PathVariable long unitId,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                     @ModelAttribute("form") CadreForm form, Model model) {
        scoped.requireReadUnit(unitId);
        CadreForm shown = CadreForm.shown(form, scoped.today());
        return render(unitId, asOf != null ? asOf : scoped.today(), shown, null, model);
    }

    @PostMapping("/units/{unitId}/rotations")
    String start(@PathVariable long unitId, @ModelAttribute("form") CadreForm form, BindingResult binding, Model model,
                 RedirectAttributes redirect) {
        scoped.requireWriteUnit(unitId);
        if (binding.hasErrors()) {
            return render(unitId, scoped.today(), form, Pages.badInput(binding), model);
        }
        try {
            if (form.memberId() == null) {
                throw RuleViolation.onField("memberId", "error.cadre.memberRequired");
            }
            scoped.requireReadableMember(form.memberId());
            long from = members.stateOn(form.memberId(), form.startsOn() == null ? scoped.today() : form.startsOn())
                    .map(s -> s.unitId()).orElseThrow(() -> RuleViolation.onField("memberId", "error.cadre.memberUnknown"));
            long to = writableByCode(form.toUnitCode(), "toUnitCode");
            Long back = form.returnUnitCode() == null || form.returnUnitCode().isBlank() ? null
                    : writableByCode(form.returnUnitCode(), "returnUnitCode");
            cadres.apply(new CadreAct.StartRotation(form.memberId(), form.rotationKind(), from, to, form.position(),
                    form.startsOn(), form.plannedEnd(), back, form.decision()));
            redirect.addFlashAttribute("done", "cadres.done.rotated");
            return "redirect:/units/" + unitId + "/rotations";
        } catch (RuleViolation e) {
            return render(unitId, scoped.today(), form, e, model);
        }
    }

    @PostMapping("/rotations/{rotationId}/end")
    String end(@PathVariable long rotationId, @RequestParam long unit, @ModelAttribute("form") CadreForm form,
               BindingResult binding, Model model, RedirectAttributes redirect) {
        Rotation r = cadres.rotation(rotationId).orElseThrow(() -> new NotFound("rotation " + rotationId));
        scoped.requireWriteUnit(r.toUnitId());
        scoped.requireReadUnit(unit);
        if (binding.hasErrors()) {
            return render(unit, scoped.today(), form, Pages.badInput(binding), model);
        }
        try {
            cadres.apply(new CadreAct.EndRotation(rotationId, form.on(), form.decision()));
            redirect.addFlashAttribute("done", "cadres.done.rotationEnded");
            return "redirect:/units/" + unit + "/rotations";
        } catch (RuleViolation e) {
            return render(unit, scoped.today(), form, e, model);
        }
    }

    private long writableByCode(String code, String field) {
        if (code == null || code.isBlank()) {
            throw RuleViolation.onField(field, "error.cadre.unitCodeRequired");
        }
        long id = org.idOfCode(code.strip()).orElseThrow(() -> RuleViolation.onField(field, "error.cadre.unitCodeUnknown", code));
        if (!scoped.canWriteUnit(id)) {
            throw RuleViolation.onField(field, "error.cadre.unitCodeUnknown", code);
        }
        return id;
    }

    private String render(long unitId, LocalDate asOf, CadreForm form, RuleViolation problem, Model model) {
        List<Rotation> rotations = cadres.rotations(unitId, asOf);
        model.addAttribute("unit", Pages.unit(org, unitId, asOf));
        model.addAttribute("rotations", rotations);
        model.addAttribute("asOf", asOf);
        model.addAttribute("canWrite", scoped.canWriteUnit(unitId));
        model.addAttribute("kinds", RotationKind.values());
        model.addAttribute("files", scoped.openableFiles(rotations.stream().map(Rotation::memberId).toList()));
        model.addAttribute("form", form);
        Pages.picker(model, members, org, scoped, form);
        Pages.problem(model, problem);
        return "cadres/rotations";
    }
}
