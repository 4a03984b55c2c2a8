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
import vn.tcxd.cadres.Incumbency;
import vn.tcxd.cadres.IncumbencyEnd;
import vn.tcxd.cadres.IncumbencyKind;
import vn.tcxd.cadres.Posts;
import vn.tcxd.members.Members;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.shared.NotFound;
import vn.tcxd.shared.RuleViolation;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * A unit's leadership titles with their holders as at any date and the vacancies; appointing to a
 * title (the commission that manages it, or a level above, may); an incumbency with its
 * reappointment and its end (dismissal, resignation, removal …).
 */
@Controller
class PostPageController {

    private final Cadres cadres;
    private final Members members;
    private final OrgStructure org;
    private final ScopedCadres scoped;

    PostPageController(Cadres cadres, Members members, OrgStructure org, ScopedCadres scoped) {
        this.cadres = cadres;
        this.members = members;
        this.org = org;
        this.scoped = scoped;
    }

    @GetMapping("/units/{unitId}/posts")
    String posts(@PathVariable long unitId,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                 @ModelAttribute("form") CadreForm form, Model model) {
        scoped.requireReadUnit(unitId);
        CadreForm shown = CadreForm.shown(form, scoped.today());
        return render(unitId, asOf != null ? asOf : scoped.today(), shown, null, model);
    }

    @PostMapping("/units/{unitId}/posts")
    String appoint(@PathVariable long unitId, @ModelAttribute("form") CadreForm form, BindingResult binding, Model model,
                   RedirectAttributes redirect) {
        scoped.requireReadUnit(unitId);
        if (binding.hasErrors()) {
            return render(unitId, scoped.today(), form, Pages.badInput(binding), model);
        }
        try {
            if (form.titleCode() == null || form.titleCode().isBlank()) {
                throw RuleViolation.onField("titleCode", "error.cadre.titleRequired");
            }
            LocalDate on = form.startsOn() != null ? form.startsOn() : scoped.today();
            // the commission that manages the title appoints to it (or a level above it)
            scoped.requireWriteUnit(cadres.managerOf(unitId, form.titleCode(), on));
            if (form.memberId() == null) {
                throw RuleViolation.onField("memberId", "error.cadre.memberRequired");
            }
            scoped.requireReadableMember(form.memberId());
            long id = cadres.apply(new CadreAct.Appoint(unitId, form.titleCode(), form.memberId(),
                    form.kind() == null ? IncumbencyKind.APPOINTED : form.kind(), form.startsOn(), form.termEndsOn(),
                    form.dossierReceivedOn(), form.decision()));
            redirect.addFlashAttribute("done", "cadres.done.appointed");
            return "redirect:/incumbencies/" + id;
        } catch (RuleViolation e) {
            return render(unitId, scoped.today(), form, e, model);
        }
    }

    private String render(long unitId, LocalDate asOf, CadreForm form, RuleViolation problem, Model model) {
        Posts posts = cadres.posts(unitId, asOf);
        model.addAttribute("unit", Pages.unit(org, unitId, asOf));
        model.addAttribute("posts", posts);
        model.addAttribute("asOf", asOf);
        model.addAttribute("writable", posts.posts().stream().filter(p -> scoped.canWriteUnit(p.managerId()))
                .map(p -> p.title().code()).toList());
        model.addAttribute("managers", posts.posts().stream().map(Posts.Post::managerId).distinct()
                .collect(java.util.stream.Collectors.toMap(id -> id, id -> Pages.unit(org, id, asOf).name())));
        model.addAttribute("files", scoped.openableFiles(posts.posts().stream().flatMap(p -> p.holders().stream()).map(Incumbency::memberId)
                .toList()));
        model.addAttribute("kinds", IncumbencyKind.values());
        model.addAttribute("form", form);
        Pages.picker(model, members, org, scoped, form);
        Pages.problem(model, problem);
        return "cadres/posts";
    }

    // ---- an incumbency -------------------------------------------------------------------------------

    @GetMapping("/incumbencies/{id}")
    String incumbency(@PathVariable long id, Model model) {
        Incumbency i = readable(id);
        return renderIncumbency(i, CadreForm.empty(scoped.today()), null, model);
    }

    @PostMapping("/incumbencies/{id}/reappoint")
    String reappoint(@PathVariable long id, @ModelAttribute("form") CadreForm form, BindingResult binding, Model model,
                     RedirectAttributes redirect) {
        Incumbency i = writable(id);
        if (binding.hasErrors()) {
            return renderIncumbency(i, form, Pages.badInput(binding), model);
        }
        try {
            long next = cadres.apply(new CadreAct.Reappoint(id, form.startsOn(), form.decision()));
            redirect.addFlashAttribute("done", "cadres.done.reappointed");
            return "redirect:/incumbencies/" + next;
        } catch (RuleViolation e) {
            return renderIncumbency(i, form, e, model);
        }
    }

    @PostMapping("/incumbencies/{id}/end")
    String end(@PathVariable long id, @ModelAttribute("form") CadreForm form, BindingResult binding, Model model,
               RedirectAttributes redirect) {
        Incumbency i = writable(id);
        if (binding.hasErrors()) {
            return renderIncumbency(i, form, Pages.badInput(binding), model);
        }
        try {
            cadres.apply(new CadreAct.EndIncumbency(id, form.end(), form.on(), form.reason(), form.decision()));
            redirect.addFlashAttribute("done", "cadres.done.ended");
            return "redirect:/incumbencies/" + id;
        } catch (RuleViolation e) {
            return renderIncumbency(i, form, e, model);
        }
    }

    private String renderIncumbency(Incumbency i, CadreForm form, RuleViolation problem, Model model) {
        model.addAttribute("unit", Pages.unit(org, i.unitId(), i.startsOn()));
        model.addAttribute("inc", i);
        long manager = cadres.managerOf(i.unitId(), i.title().code(), scoped.today().isBefore(i.startsOn()) ? i.startsOn() : scoped.today());
        model.addAttribute("manager", Pages.unit(org, manager, scoped.today()));
        model.addAttribute("canWrite", i.open() && scoped.canWriteUnit(manager));
        model.addAttribute("canOpenFile", scoped.canOpenFile(i.memberId()));
        model.addAttribute("ends", Arrays.stream(IncumbencyEnd.values()).filter(e -> e != IncumbencyEnd.REAPPOINTED).toList());
        model.addAttribute("ruleSet", cadres.ruleSets().stream().filter(r -> r.code().equals(i.ruleSetCode())).findFirst()
                .orElse(null));
        model.addAttribute("form", form);
        Pages.problem(model, problem);
        return "cadres/incumbency";
    }

    private Incumbency readable(long id) {
        Incumbency i = cadres.incumbency(id).orElseThrow(() -> new NotFound("incumbency " + id));
        scoped.requireReadUnit(i.unitId());
        return i;
    }

    private Incumbency writable(long id) {
        Incumbency i = readable(id);
        scoped.requireWriteUnit(cadres.managerOf(i.unitId(), i.title().code(), scoped.today()));
        return i;
    }
}
