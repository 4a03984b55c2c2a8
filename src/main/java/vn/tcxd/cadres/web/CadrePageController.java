package vn.tcxd.cadres.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tcxd.cadres.CadreAct;
import vn.tcxd.cadres.CadreFile;
import vn.tcxd.cadres.CadreSummary;
import vn.tcxd.cadres.Cadres;
import vn.tcxd.cadres.Committee;
import vn.tcxd.cadres.Posts;
import vn.tcxd.cadres.Term;
import vn.tcxd.cadres.TrainingKind;
import vn.tcxd.members.CodeItem;
import vn.tcxd.members.CodeList;
import vn.tcxd.members.Members;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.UnitDetails;
import vn.tcxd.shared.NotFound;
import vn.tcxd.shared.RuleViolation;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The cadre work of a unit at a glance (its committee, posts and vacancies, links to planning, due
 * work, rotations and statistics), the cadre search, the member picker of every form, and a cadre's
 * file with its training.
 */
@Controller
class CadrePageController {

    private final Cadres cadres;
    private final Members members;
    private final OrgStructure org;
    private final ScopedCadres scoped;

    CadrePageController(Cadres cadres, Members members, OrgStructure org, ScopedCadres scoped) {
        this.cadres = cadres;
        this.members = members;
        this.org = org;
        this.scoped = scoped;
    }

    @GetMapping("/cadres")
    String mine() {
        List<Long> roots = scoped.readableRoots();
        if (roots.isEmpty()) {
            throw new NotFound("no unit in scope");
        }
        return "redirect:/units/" + roots.getFirst() + "/cadres";
    }

    @GetMapping("/units/{unitId}/cadres")
    String hub(@PathVariable long unitId, Model model) {
        scoped.requireReadUnit(unitId);
        UnitDetails unit = Pages.unit(org, unitId, scoped.today());
        model.addAttribute("unit", unit);
        List<Term> terms = cadres.terms(unitId);
        Term current = terms.stream().filter(t -> t.covers(scoped.today())).findFirst().orElse(null);
        model.addAttribute("term", current);
        model.addAttribute("termCount", terms.size());
        if (current != null) {
            Committee committee = cadres.committee(current.id(), scoped.today());
            model.addAttribute("committee", committee);
        }
        Posts posts = cadres.posts(unitId, scoped.today());
        model.addAttribute("posts", posts);
        model.addAttribute("periods", cadres.periods().stream()
                .filter(p -> p.central() == (unit.type() == vn.tcxd.orgstructure.UnitType.CENTRAL)).toList());
        model.addAttribute("today", scoped.today());
        return "cadres/hub";
    }

    // ---- search --------------------------------------------------------------------------------------

    @GetMapping("/cadres/search")
    String search(@RequestParam(required = false) String q,
                  @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("q", q);
        List<CadreSummary> hits = scoped.searchFiles(q, 30);
        model.addAttribute("hits", hits);
        return htmx != null ? "cadres/search :: hits" : "cadres/search";
    }

    /** The member picker's choices for the forms (htmx fragment; the forms also fill it without JavaScript). */
    @GetMapping("/cadres/pick")
    String pick(@RequestParam(required = false) String q, @RequestParam(required = false) Long memberId, Model model) {
        CadreForm form = CadreForm.empty(scoped.today()).withPick(q, memberId);
        Pages.picker(model, members, org, scoped, form);
        model.addAttribute("form", form);
        return "cadres/fragments :: picker";
    }

    // ---- the cadre's file -----------------------------------------------------------------------------

    @GetMapping("/cadres/{memberId:\\d+}")
    String file(@PathVariable long memberId, Model model) {
        boolean writable = scoped.requireFile(memberId).writable();
        return renderFile(memberId, CadreForm.empty(scoped.today()), null, writable, model);
    }

    @PostMapping("/cadres/{memberId:\\d+}/training")
    String training(@PathVariable long memberId, @ModelAttribute("form") CadreForm form, BindingResult binding, Model model,
                    RedirectAttributes redirect) {
        scoped.requireWriteFile(memberId);
        if (binding.hasErrors()) {
            return renderFile(memberId, form, Pages.badInput(binding), true, model);
        }
        try {
            cadres.apply(new CadreAct.RecordTraining(memberId, form.trainingKind(), form.level(), form.trainingName(),
                    form.institution(), form.startsOn(), form.endsOn(), form.certificate()));
            redirect.addFlashAttribute("done", "cadres.done.training");
            return "redirect:/cadres/" + memberId + "#training";
        } catch (RuleViolation e) {
            return renderFile(memberId, form, e, true, model);
        }
    }

    private String renderFile(long memberId, CadreForm form, RuleViolation problem, boolean writable, Model model) {
        CadreFile file = cadres.file(memberId, scoped.today()).orElseThrow(() -> new NotFound("cadre " + memberId));
        model.addAttribute("file", file);
        model.addAttribute("today", scoped.today());
        model.addAttribute("canWrite", writable);
        model.addAttribute("form", form);
        model.addAttribute("trainingKinds", TrainingKind.values());
        Map<CodeList, Map<String, String>> codes = new EnumMap<>(CodeList.class);
        for (CodeList list : List.of(CodeList.ETHNICITY, CodeList.EDUCATION, CodeList.PROFESSIONAL, CodeList.THEORY,
                CodeList.STATE_MANAGEMENT)) {
            codes.put(list, members.codes(list).stream().collect(Collectors.toMap(CodeItem::code, CodeItem::label,
                    (a, b) -> a, LinkedHashMap::new)));
        }
        model.addAttribute("codes", codes);
        Pages.problem(model, problem);
        return "cadres/file";
    }
}
