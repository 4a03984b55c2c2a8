package vn.tcxd.evaluations.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.tcxd.evaluations.ConsultationSummary;
import vn.tcxd.evaluations.Consultations;
import vn.tcxd.evaluations.Evaluations;
import vn.tcxd.evaluations.web.ConsultationForms.CloseConsultationForm;
import vn.tcxd.evaluations.web.ConsultationForms.OpenConsultationForm;
import vn.tcxd.orgstructure.OrgScope;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.UnitDetails;
import vn.tcxd.shared.NotFound;
import vn.tcxd.shared.RuleViolation;
import vn.tcxd.shared.scope.CurrentAccess;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The committee side of the public consultation: the windows of a grassroots organisation (or of the
 * one a cell belongs to), opening one and closing one early (write scope on the TCCSĐ), and the
 * feedback from the public addressed to the unit's subtree, newest first.
 */
@Controller
@RequestMapping("/units/{unitId}/consultations")
class ConsultationPageController {

    static final int FEEDBACK_SHOWN = 200;
    private static final List<String> OPEN_FIELDS = List.of("campaignId", "opensAt", "closesAt");

    private final Consultations consultations;
    private final Evaluations evaluations;
    private final OrgStructure org;
    private final OrgScope orgScope;
    private final CurrentAccess access;
    private final ConsultationTimes times;

    ConsultationPageController(Consultations consultations, Evaluations evaluations, OrgStructure org,
                               OrgScope orgScope, CurrentAccess access, ConsultationTimes times) {
        this.consultations = consultations;
        this.evaluations = evaluations;
        this.org = org;
        this.orgScope = orgScope;
        this.access = access;
        this.times = times;
    }

    @GetMapping
    String list(@PathVariable long unitId, Model model) {
        orgScope.requireRead(access.scope(), unitId);
        OpenConsultationForm form = new OpenConsultationForm();
        form.setOpensAt(times.local(times.now()).truncatedTo(ChronoUnit.MINUTES));
        form.setClosesAt(form.getOpensAt().plusDays(7));
        model.addAttribute("openForm", form);
        model.addAttribute("closeForm", new CloseConsultationForm());
        return page(unitId, model);
    }

    @PostMapping
    String open(@PathVariable long unitId, @ModelAttribute("openForm") OpenConsultationForm form, BindingResult binding,
                Model model, RedirectAttributes redirect, HttpServletResponse response) {
        orgScope.requireWrite(access.scope(), unitId);
        model.addAttribute("closeForm", new CloseConsultationForm());
        if (binding.hasErrors()) {
            response.setStatus(422);
            return page(unitId, model);
        }
        if (form.getCampaignId() == null) {
            binding.rejectValue("campaignId", "error.consultation.campaignRequired");
            response.setStatus(422);
            return page(unitId, model);
        }
        try {
            ConsultationSummary opened = consultations.open(form.getCampaignId(), unitId,
                    times.instant(form.getOpensAt()), times.instant(form.getClosesAt()));
            redirect.addFlashAttribute("opened", opened.id());
            return "redirect:/units/" + unitId + "/consultations";
        } catch (RuleViolation e) {
            reject(binding, e, OPEN_FIELDS);
            response.setStatus(422);
            return page(unitId, model);
        }
    }

    @PostMapping("/{consultationId}/close")
    String close(@PathVariable long unitId, @PathVariable long consultationId,
                 @ModelAttribute("closeForm") CloseConsultationForm form, BindingResult binding, Model model,
                 RedirectAttributes redirect, HttpServletResponse response) {
        orgScope.requireWrite(access.scope(), unitId);
        ConsultationSummary window = consultations.consultation(consultationId)
                .filter(c -> c.unitId() == unitId).orElseThrow(() -> new NotFound("consultation"));
        try {
            consultations.closeEarly(window.id(), form.getCloseReason());
            redirect.addFlashAttribute("closed", window.id());
            return "redirect:/units/" + unitId + "/consultations";
        } catch (RuleViolation e) {
            reject(binding, e, List.of("closeReason"));
            response.setStatus(422);
            OpenConsultationForm open = new OpenConsultationForm();
            open.setOpensAt(times.local(times.now()).truncatedTo(ChronoUnit.MINUTES));
            open.setClosesAt(open.getOpensAt().plusDays(7));
            model.addAttribute("openForm", open);
            model.addAttribute("closing", window.id());
            return page(unitId, model);
        }
    }

    private String page(long unitId, Model model) {
        LocalDate today = LocalDate.now(times.clock());
        UnitDetails unit = org.unit(unitId, today).or(() -> org.lastKnown(unitId))
                .orElseThrow(() -> new NotFound("unit " + unitId));
        boolean canWrite = orgScope.canWrite(access.scope(), unitId);
        boolean grassroots = unit.type().isGrassroots();
        model.addAttribute("unit", unit);
        model.addAttribute("grassroots", grassroots);
        model.addAttribute("canOpen", canWrite && grassroots && unit.dissolvedOn() == null);
        List<ConsultationSummary> windows = consultations.consultations(unitId);
        model.addAttribute("windows", windows);
        // the organisation's own writers close its windows early
        model.addAttribute("closable", windows.stream().map(ConsultationSummary::unitId).distinct()
                .filter(id -> orgScope.canWrite(access.scope(), id)).collect(Collectors.toSet()));
        model.addAttribute("campaigns", grassroots ? evaluations.campaigns(unitId) : List.of());
        model.addAttribute("feedback", consultations.feedback(unitId, FEEDBACK_SHOWN));
        model.addAttribute("maxDays", consultations.maxDays());
        model.addAttribute("publicBase", ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/public/consultations/").toUriString());
        return "evaluations/consultations";
    }

    private static void reject(BindingResult binding, RuleViolation e, List<String> fields) {
        if (e.field() != null && fields.contains(e.field())) {
            binding.rejectValue(e.field(), e.messageKey(), e.args(), e.messageKey());
        } else {
            binding.reject(e.messageKey(), e.args(), e.messageKey());
        }
    }
}
