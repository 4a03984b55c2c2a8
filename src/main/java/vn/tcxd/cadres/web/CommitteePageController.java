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
import vn.tcxd.cadres.Committee;
import vn.tcxd.cadres.CommitteeRole;
import vn.tcxd.cadres.SeatEntry;
import vn.tcxd.cadres.SeatExit;
import vn.tcxd.cadres.Term;
import vn.tcxd.members.Members;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.shared.NotFound;
import vn.tcxd.shared.RuleViolation;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * A unit's terms (nhiệm kỳ) with the form to open one (congress or appointed committee), and a
 * term's committee as at any date with its seats, additions and departures (post/redirect/get).
 */
@Controller
class CommitteePageController {

    private final Cadres cadres;
    private final Members members;
    private final OrgStructure org;
    private final ScopedCadres scoped;

    CommitteePageController(Cadres cadres, Members members, OrgStructure org, ScopedCadres scoped) {
        this.cadres = cadres;
        this.members = members;
        this.org = org;
        this.scoped = scoped;
    }

    @GetMapping("/units/{unitId}/committees")
    String terms(@PathVariable long unitId, Model model) {
        scoped.requireReadUnit(unitId);
        return renderTerms(unitId, CadreForm.empty(scoped.today()), null, model);
    }

    @PostMapping("/units/{unitId}/committees")
    String open(@PathVariable long unitId, @ModelAttribute("form") CadreForm form, BindingResult binding, Model model,
                RedirectAttributes redirect) {
        scoped.requireWriteUnit(unitId);
        if (binding.hasErrors()) {
            return renderTerms(unitId, form, Pages.badInput(binding), model);
        }
        try {
            boolean congress = Boolean.TRUE.equals(form.congress());
            long id = cadres.apply(new CadreAct.OpenTerm(unitId, form.label(), form.startsOn(), form.endsOn(), congress,
                    form.congressName(), congress ? form.congressDate() : null, form.delegates(), form.decision()));
            redirect.addFlashAttribute("done", "cadres.done.termOpened");
            return "redirect:/committees/" + id;
        } catch (RuleViolation e) {
            return renderTerms(unitId, form, e, model);
        }
    }

    private String renderTerms(long unitId, CadreForm form, RuleViolation problem, Model model) {
        model.addAttribute("unit", Pages.unit(org, unitId, scoped.today()));
        model.addAttribute("terms", cadres.terms(unitId));
        model.addAttribute("canWrite", scoped.canWriteUnit(unitId));
        model.addAttribute("form", form);
        Pages.problem(model, problem);
        return "cadres/committees";
    }

    // ---- a term's committee ----------------------------------------------------------------------------

    @GetMapping("/committees/{termId}")
    String committee(@PathVariable long termId,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                     @ModelAttribute("form") CadreForm form, Model model) {
        Term term = readable(termId);
        LocalDate shown = asOf != null ? asOf : defaultDate(term);
        CadreForm shownForm = CadreForm.shown(form, scoped.today());
        return renderCommittee(term, shown, shownForm, null, model);
    }

    @PostMapping("/committees/{termId}/seats")
    String join(@PathVariable long termId, @ModelAttribute("form") CadreForm form, BindingResult binding, Model model,
                RedirectAttributes redirect) {
        Term term = writable(termId);
        if (binding.hasErrors()) {
            return renderCommittee(term, defaultDate(term), form, Pages.badInput(binding), model);
        }
        try {
            if (form.memberId() == null) {
                throw RuleViolation.onField("memberId", "error.cadre.memberRequired");
            }
            scoped.requireReadableMember(form.memberId());
            cadres.apply(new CadreAct.JoinCommittee(termId, form.memberId(), form.role(), form.entry(), form.on(),
                    form.decision()));
            redirect.addFlashAttribute("done", "cadres.done.seatTaken");
            redirect.addAttribute("asOf", form.on());
            return "redirect:/committees/" + termId;
        } catch (RuleViolation e) {
            return renderCommittee(term, defaultDate(term), form, e, model);
        }
    }

    /** A seat with the forms to record leaving or a change of role. */
    @GetMapping("/seats/{seatId}")
    String seatPage(@PathVariable long seatId, Model model) {
        Committee.Seat seat = seat(seatId);
        return renderSeat(seat, readable(seat.termId()), CadreForm.empty(scoped.today()), null, model);
    }

    @PostMapping("/seats/{seatId}/leave")
    String leave(@PathVariable long seatId, @ModelAttribute("form") CadreForm form, BindingResult binding, Model model,
                 RedirectAttributes redirect) {
        Committee.Seat seat = seat(seatId);
        Term term = writable(seat.termId());
        if (binding.hasErrors()) {
            return renderSeat(seat, term, form, Pages.badInput(binding), model);
        }
        try {
            cadres.apply(new CadreAct.LeaveCommittee(seatId, form.exit(), form.on(), form.decision()));
            redirect.addFlashAttribute("done", "cadres.done.seatLeft");
            redirect.addAttribute("asOf", form.on());
            return "redirect:/committees/" + term.id();
        } catch (RuleViolation e) {
            return renderSeat(seat, term, form, e, model);
        }
    }

    @PostMapping("/seats/{seatId}/role")
    String role(@PathVariable long seatId, @ModelAttribute("form") CadreForm form, BindingResult binding, Model model,
                RedirectAttributes redirect) {
        Committee.Seat seat = seat(seatId);
        Term term = writable(seat.termId());
        if (binding.hasErrors()) {
            return renderSeat(seat, term, form, Pages.badInput(binding), model);
        }
        try {
            cadres.apply(new CadreAct.ChangeRole(seatId, form.role(), form.entry(), form.on(), form.decision()));
            redirect.addFlashAttribute("done", "cadres.done.roleChanged");
            redirect.addAttribute("asOf", form.on());
            return "redirect:/committees/" + term.id();
        } catch (RuleViolation e) {
            return renderSeat(seat, term, form, e, model);
        }
    }

    private String renderCommittee(Term term, LocalDate asOf, CadreForm form, RuleViolation problem, Model model) {
        Committee committee = cadres.committee(term.id(), asOf);
        model.addAttribute("unit", Pages.unit(org, term.unitId(), asOf));
        model.addAttribute("term", term);
        model.addAttribute("committee", committee);
        model.addAttribute("asOf", asOf);
        model.addAttribute("canWrite", scoped.canWriteUnit(term.unitId()));
        model.addAttribute("roles", Arrays.asList(CommitteeRole.values()).reversed());
        model.addAttribute("entries", SeatEntry.values());
        model.addAttribute("exits", Arrays.stream(SeatExit.values()).filter(e -> e != SeatExit.ROLE_CHANGED).toList());
        model.addAttribute("form", form);
        model.addAttribute("files", scoped.openableFiles(committee.seats().stream().map(Committee.Seat::memberId).toList()));
        Pages.picker(model, members, org, scoped, form);
        Pages.problem(model, problem);
        return "cadres/committee";
    }

    private String renderSeat(Committee.Seat seat, Term term, CadreForm form, RuleViolation problem, Model model) {
        model.addAttribute("unit", Pages.unit(org, term.unitId(), term.startsOn()));
        model.addAttribute("term", term);
        model.addAttribute("seat", seat);
        model.addAttribute("canWrite", seat.leftOn() == null && scoped.canWriteUnit(term.unitId()));
        model.addAttribute("canOpenFile", scoped.canOpenFile(seat.memberId()));
        model.addAttribute("roles", Arrays.asList(CommitteeRole.values()).reversed());
        model.addAttribute("entries", SeatEntry.values());
        model.addAttribute("exits", Arrays.stream(SeatExit.values()).filter(e -> e != SeatExit.ROLE_CHANGED).toList());
        model.addAttribute("form", form);
        Pages.problem(model, problem);
        return "cadres/seat";
    }

    private LocalDate defaultDate(Term term) {
        LocalDate today = scoped.today();
        return term.covers(today) ? today : term.endsOn().isAfter(today) ? term.startsOn() : term.endsOn().minusDays(1);
    }

    private Term readable(long termId) {
        Term term = cadres.term(termId).orElseThrow(() -> new NotFound("term " + termId));
        scoped.requireReadUnit(term.unitId());
        return term;
    }

    private Term writable(long termId) {
        Term term = readable(termId);
        scoped.requireWriteUnit(term.unitId());
        return term;
    }

    private Committee.Seat seat(long seatId) {
        return cadres.seat(seatId).orElseThrow(() -> new NotFound("seat " + seatId));
    }
}
