package vn.tcxd.evaluations.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tcxd.evaluations.Consultations;
import vn.tcxd.evaluations.FeedbackSubmission;
import vn.tcxd.evaluations.PublicConsultation;
import vn.tcxd.evaluations.web.ConsultationForms.LeaveFeedbackForm;
import vn.tcxd.shared.NotFound;
import vn.tcxd.shared.RuleViolation;

import java.util.List;

/**
 * The public consultation page, without login: reachable only by the window's random token and only
 * while the window is open; unknown, not yet open and closed windows all answer the same plain 404.
 * Feedback is posted with the session's CSRF token, a honeypot and a signed render stamp, and follows
 * post/redirect/get.
 */
@Controller
@RequestMapping("/public/consultations/{token}")
class PublicConsultationController {

    private static final List<String> FIELDS = List.of("subject", "text", "authorName");
    private static final List<String> RATE_LIMITED = List.of("error.consultation.tooManyFromClient",
            "error.consultation.tooManyForWindow");

    private final Consultations consultations;

    PublicConsultationController(Consultations consultations) {
        this.consultations = consultations;
    }

    @GetMapping
    String show(@PathVariable String token, Model model, HttpServletResponse response, CsrfToken csrf) {
        // a first-time visitor has no session yet: the token (kept in the session) must be made now, before
        // rendering starts — a long page commits its response before the form asks for it, and a session can
        // no longer be created then (the page stopped before its form)
        csrf.getToken();
        PublicConsultation view = consultations.publicView(token).orElseThrow(() -> new NotFound("consultation"));
        LeaveFeedbackForm form = new LeaveFeedbackForm();
        form.setSubject(PublicConsultation.ORGANISATION_KEY);
        model.addAttribute("feedbackForm", form);
        return page(token, view, model, response);
    }

    @PostMapping
    String leave(@PathVariable String token, @ModelAttribute("feedbackForm") LeaveFeedbackForm form,
                 BindingResult binding, Model model, HttpServletRequest request, HttpServletResponse response,
                 RedirectAttributes redirect, CsrfToken csrf) {
        csrf.getToken();
        try {
            consultations.submit(token, new FeedbackSubmission(form.getSubject(), form.getText(),
                    form.getAuthorName(), form.getWebsite(), form.getStamp(), request.getRemoteAddr()));
            redirect.addFlashAttribute("thanks", true);
            return "redirect:/public/consultations/" + token;
        } catch (RuleViolation e) {
            if (e.field() != null && FIELDS.contains(e.field())) {
                binding.rejectValue(e.field(), e.messageKey(), e.args(), e.messageKey());
            } else {
                binding.reject(e.messageKey(), e.args(), e.messageKey());
            }
            response.setStatus(RATE_LIMITED.contains(e.messageKey()) ? 429 : 422);
            PublicConsultation view = consultations.publicView(token).orElseThrow(() -> new NotFound("consultation"));
            return page(token, view, model, response);
        }
    }

    /** Unknown, not yet open and closed windows alike: a plain page that says nothing more. */
    @ExceptionHandler(NotFound.class)
    String notFound(HttpServletResponse response) {
        response.setStatus(404);
        privateHeaders(response);
        return "public/not-found";
    }

    private String page(String token, PublicConsultation view, Model model, HttpServletResponse response) {
        privateHeaders(response);
        model.addAttribute("token", token);
        model.addAttribute("view", view);
        model.addAttribute("organisationKey", PublicConsultation.ORGANISATION_KEY);
        // a fresh stamp on every rendering: the form is judged from the moment it was shown
        ((LeaveFeedbackForm) model.getAttribute("feedbackForm")).setStamp(view.formStamp());
        return "public/consultation";
    }

    /** The token is the only key: keep it out of search engines, referrers and shared caches. */
    private static void privateHeaders(HttpServletResponse response) {
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
    }
}
