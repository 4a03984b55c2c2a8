package vn.tcxd.orgstructure.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tcxd.orgstructure.AdministrativeArea;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.Reorganisation;
import vn.tcxd.orgstructure.Reorganisation.NewUnit;
import vn.tcxd.orgstructure.UnitDetails;
import vn.tcxd.orgstructure.UnitSummary;
import vn.tcxd.orgstructure.UnitType;
import vn.tcxd.shared.DecisionRef;
import vn.tcxd.shared.NotFound;
import vn.tcxd.shared.RuleViolation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One form per reorganisation act (establish, rename, move, change type, merge, split, dissolve,
 * consolidate). Each needs a decision reference and an effective date; a broken rule re-renders
 * the form with a Vietnamese message and nothing is written (post/redirect/get on success).
 */
@Controller
class UnitOperationPageController {

    private final OrgStructure org;
    private final ScopedUnits units;

    UnitOperationPageController(OrgStructure org, ScopedUnits units) {
        this.org = org;
        this.units = units;
    }

    @GetMapping("/units/{id}/{operation:new|rename|move|change-type|merge|split|dissolve}")
    String form(@PathVariable long id, @PathVariable String operation, Model model) {
        units.requireWrite(id);
        UnitOperation op = UnitOperation.ofSegment(operation).orElseThrow(() -> new NotFound(operation));
        UnitDetails unit = current(id);
        ReorganiseUnitForm form = ReorganiseUnitForm.empty(units.today());
        if (op == UnitOperation.RENAME) {
            form = form.withNames(unit.name(), unit.shortName(), unit.type());
        }
        return render(op, unit, form, null, model);
    }

    @PostMapping("/units/{id}/{operation:new|rename|move|change-type|merge|split|dissolve}")
    String submit(@PathVariable long id, @PathVariable String operation, @ModelAttribute ReorganiseUnitForm form,
                  @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        units.requireWrite(id);
        UnitOperation op = UnitOperation.ofSegment(operation).orElseThrow(() -> new NotFound(operation));
        UnitDetails unit = current(id);
        try {
            long resultId = org.apply(toAct(op, unit, form, params));
            redirect.addFlashAttribute("done", "operation.done." + op.name());
            return "redirect:/units/" + resultId + "?asOf=" + form.effectiveOn();
        } catch (RuleViolation e) {
            return render(op, unit, form, e, model);
        }
    }

    @GetMapping("/units/consolidate")
    String consolidateForm(@RequestParam(required = false) String codes, Model model) {
        requireSomeWriteScope();
        return render(UnitOperation.CONSOLIDATE, null, ReorganiseUnitForm.empty(units.today()).withUnitCodes(codes),
                null, model);
    }

    @PostMapping("/units/consolidate")
    String consolidate(@ModelAttribute ReorganiseUnitForm form, Model model, RedirectAttributes redirect) {
        requireSomeWriteScope();
        try {
            long resultId = org.apply(toAct(UnitOperation.CONSOLIDATE, null, form, Map.of()));
            redirect.addFlashAttribute("done", "operation.done.CONSOLIDATE");
            return "redirect:/units/" + resultId + "?asOf=" + form.effectiveOn();
        } catch (RuleViolation e) {
            return render(UnitOperation.CONSOLIDATE, null, form, e, model);
        }
    }

    private void requireSomeWriteScope() {
        if (!units.scope().canWriteSomewhere()) {
            throw new vn.tcxd.shared.Forbidden();
        }
    }

    private UnitDetails current(long id) {
        return org.unit(id, units.today()).or(() -> org.lastKnown(id)).orElseThrow(() -> new NotFound("unit " + id));
    }

    private String render(UnitOperation op, UnitDetails unit, ReorganiseUnitForm form, RuleViolation error, Model model) {
        model.addAttribute("op", op);
        model.addAttribute("unit", unit);
        model.addAttribute("form", form);
        model.addAttribute("types", UnitType.values());
        model.addAttribute("children", unit == null ? List.<UnitSummary>of() : org.children(unit.id(), units.today()));
        if (error != null) {
            model.addAttribute("errorKey", error.messageKey());
            model.addAttribute("errorArgs", error.args());
            model.addAttribute("errorField", error.field());
        }
        return "units/operation";
    }

    private Reorganisation toAct(UnitOperation op, UnitDetails unit, ReorganiseUnitForm form, Map<String, String> params) {
        LocalDate on = form.effectiveOn();
        DecisionRef decision = new DecisionRef(form.decisionNumber(), form.decisionDate(), form.decisionBody());
        return switch (op) {
            case ESTABLISH -> new Reorganisation.Establish(newUnit(form.code(), form.name(), form.shortName(), form.type(),
                    unit.id(), form), on, decision);
            case RENAME -> new Reorganisation.Rename(unit.id(), form.name(), form.shortName(), on, decision);
            case MOVE -> new Reorganisation.Move(unit.id(), units.writableByCode(form.targetCode(), "targetCode"), on, decision);
            case CHANGE_TYPE -> new Reorganisation.ChangeType(unit.id(), form.type(), on, decision);
            case MERGE -> new Reorganisation.Merge(unit.id(), units.writableByCode(form.targetCode(), "targetCode"), on, decision);
            case DISSOLVE -> new Reorganisation.Dissolve(unit.id(), on, decision);
            case CONSOLIDATE -> {
                List<Long> ids = units.writableByCodes(form.unitCodes(), "unitCodes");
                long parent = units.writableByCode(form.targetCode(), "targetCode");
                yield new Reorganisation.Consolidate(ids, newUnit(form.code(), form.name(), form.shortName(), form.type(),
                        parent, form), on, decision);
            }
            case SPLIT -> split(unit, form, params, on, decision);
        };
    }

    private Reorganisation split(UnitDetails unit, ReorganiseUnitForm form, Map<String, String> params, LocalDate on,
                                 DecisionRef decision) {
        Long parentId = unit.parent() == null ? null : unit.parent().id();
        if (parentId != null) {
            units.requireWrite(parentId);
        }
        List<NewUnit> into = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            if (form.newCode(i) != null && !form.newCode(i).isBlank()) {
                into.add(new NewUnit(form.newCode(i), form.newName(i), null, form.newType(i), parentId, null));
            }
        }
        Map<Long, Integer> targets = new HashMap<>();
        params.forEach((key, value) -> {
            if (key.startsWith("child_") && value != null && !value.isBlank()) {
                try {
                    targets.put(Long.parseLong(key.substring(6)), Integer.parseInt(value));
                } catch (NumberFormatException e) {
                    throw RuleViolation.onField("childTargets", "error.split.badTarget");
                }
            }
        });
        return new Reorganisation.Split(unit.id(), into, targets, on, decision);
    }

    private static NewUnit newUnit(String code, String name, String shortName, UnitType type, Long parentId,
                                   ReorganiseUnitForm form) {
        return new NewUnit(code, name, shortName, type, parentId,
                new AdministrativeArea(form.areaProvince(), form.areaCommune(), form.areaVillage()));
    }
}
