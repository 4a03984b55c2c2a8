package vn.tcxd.reports.web;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tcxd.orgstructure.OrgScope;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.reports.UnitComparison;
import vn.tcxd.reports.UnitGroupDetails;
import vn.tcxd.reports.UnitGroupDraft;
import vn.tcxd.reports.UnitGroups;
import vn.tcxd.reports.UnitRef;
import vn.tcxd.shared.RuleViolation;
import vn.tcxd.shared.scope.AccessScope;
import vn.tcxd.shared.scope.CurrentAccess;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pages of saved unit groups: the list, the form (new and edit), the comparison as at a date with its
 * .xlsx export, and deletion after a confirmation page. Post/redirect/get throughout.
 */
@Controller
@RequestMapping("/unit-groups")
class UnitGroupPageController {

    private static final Set<String> FIELDS = Set.of("name", "unitIds", "unitCodes", "sharedUnitId");

    private final UnitGroups groups;
    private final UnitGroupUnits units;
    private final UnitGroupSpreadsheet spreadsheet;
    private final OrgStructure org;
    private final OrgScope orgScope;
    private final CurrentAccess access;
    private final ScopedStatistics scoped;

    UnitGroupPageController(UnitGroups groups, UnitGroupUnits units, UnitGroupSpreadsheet spreadsheet,
                            OrgStructure org, OrgScope orgScope, CurrentAccess access, ScopedStatistics scoped) {
        this.groups = groups;
        this.units = units;
        this.spreadsheet = spreadsheet;
        this.org = org;
        this.orgScope = orgScope;
        this.access = access;
        this.scoped = scoped;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("groups", groups.visibleTo(access.scope()));
        return "reports/groups";
    }

    @GetMapping("/new")
    String newGroup(Model model) {
        model.addAttribute("form", new UnitGroupForm());
        return form(model, null);
    }

    @PostMapping
    String create(@ModelAttribute("form") UnitGroupForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        try {
            UnitGroupDetails saved = groups.create(access.scope(), draft(form));
            redirect.addFlashAttribute("done", "groups.created");
            return "redirect:/unit-groups/" + saved.id();
        } catch (RuleViolation e) {
            reject(binding, e);
            return form(model, null);
        }
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        UnitGroupDetails group = groups.get(access.scope(), id);
        if (!group.mine()) throw new vn.tcxd.shared.Forbidden();
        UnitGroupForm form = new UnitGroupForm();
        form.setName(group.name());
        form.setUnitIds(new ArrayList<>(group.units().stream().map(UnitRef::id).toList()));
        form.setSharedUnitId(group.sharedWithin() == null ? null : group.sharedWithin().id());
        model.addAttribute("form", form);
        return form(model, group);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") UnitGroupForm form, BindingResult binding,
                  Model model, RedirectAttributes redirect) {
        UnitGroupDetails group = groups.get(access.scope(), id);
        try {
            groups.update(access.scope(), id, draft(form));
            redirect.addFlashAttribute("done", "groups.updated");
            return "redirect:/unit-groups/" + id;
        } catch (RuleViolation e) {
            reject(binding, e);
            return form(model, group);
        }
    }

    @GetMapping("/{id}/delete")
    String confirmDelete(@PathVariable long id, Model model) {
        UnitGroupDetails group = groups.get(access.scope(), id);
        if (!group.mine()) throw new vn.tcxd.shared.Forbidden();
        model.addAttribute("group", group);
        return "reports/groups-delete";
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        groups.delete(access.scope(), id);
        redirect.addFlashAttribute("done", "groups.deleted");
        return "redirect:/unit-groups";
    }

    @GetMapping("/{id}")
    String comparison(@PathVariable long id, @RequestParam(required = false) LocalDate asOf, Model model) {
        LocalDate date = scoped.asOf(asOf);
        UnitGroupDetails group = groups.get(access.scope(), id);
        model.addAttribute("group", group);
        model.addAttribute("asOf", date);
        model.addAttribute("today", scoped.today());
        if (date.isAfter(scoped.today())) {
            model.addAttribute("problem", "error.statistics.futureDate");
        } else {
            model.addAttribute("comparison", groups.compare(access.scope(), id, date));
        }
        return "reports/groups-comparison";
    }

    @GetMapping("/{id}/comparison.xlsx")
    ResponseEntity<byte[]> export(@PathVariable long id, @RequestParam(required = false) LocalDate asOf) {
        UnitComparison comparison = groups.compare(access.scope(), id, scoped.asOf(asOf));
        return spreadsheet.workbook(comparison);
    }

    private UnitGroupDraft draft(UnitGroupForm form) {
        List<Long> ids = new ArrayList<>(form.getUnitIds());
        ids.addAll(units.ids(access.scope(), UnitGroupUnits.split(form.getUnitCodes()), "unitCodes"));
        return new UnitGroupDraft(form.getName(), ids, form.getSharedUnitId());
    }

    private static void reject(BindingResult binding, RuleViolation e) {
        if (e.field() != null && FIELDS.contains(e.field())) {
            binding.rejectValue(e.field(), e.messageKey(), e.args(), e.messageKey());
        } else {
            binding.reject(e.messageKey(), e.args(), e.messageKey());
        }
    }

    /** The form with the units to tick: the user's units, their direct subordinates, and the group's own units. */
    private String form(Model model, UnitGroupDetails group) {
        AccessScope scope = access.scope();
        LocalDate today = scoped.today();
        Map<Long, Candidate> candidates = new LinkedHashMap<>();
        for (long root : orgScope.readableRoots(scope)) {
            org.unit(root, today).ifPresent(u -> {
                candidates.put(u.id(), new Candidate(u.id(), u.code(), u.name(), false));
                org.children(u.id(), today).forEach(c -> candidates.putIfAbsent(c.id(),
                        new Candidate(c.id(), c.code(), c.name(), true)));
            });
        }
        if (group != null) {
            group.units().forEach(u -> candidates.putIfAbsent(u.id(), new Candidate(u.id(), u.code(), u.name(), false)));
        }
        UnitGroupForm form = (UnitGroupForm) model.getAttribute("form");
        if (form != null) {
            // units added by code before a failed save stay ticked
            for (Long id : form.getUnitIds()) {
                if (id != null && !candidates.containsKey(id) && orgScope.canRead(scope, id)) {
                    org.lastKnown(id).ifPresent(u -> candidates.put(u.id(), new Candidate(u.id(), u.code(), u.name(), false)));
                }
            }
        }
        model.addAttribute("candidates", List.copyOf(candidates.values()));
        model.addAttribute("roots", orgScope.readableRoots(scope).stream().map(candidates::get)
                .filter(c -> c != null).toList());
        model.addAttribute("group", group);
        return "reports/groups-form";
    }

    /** A unit to tick in the form; {@code child} when it is a direct subordinate of one of the user's units. */
    record Candidate(long id, String code, String name, boolean child) {
    }
}
