package vn.tcxd.votes.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tcxd.cadres.Cadres;
import vn.tcxd.cadres.Incumbency;
import vn.tcxd.cadres.Posts;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.UnitDetails;
import vn.tcxd.shared.NotFound;
import vn.tcxd.shared.RuleViolation;
import vn.tcxd.shared.VietnameseFormat;
import vn.tcxd.votes.BoardVerifier;
import vn.tcxd.votes.BulletinBoard;
import vn.tcxd.votes.SessionBody;
import vn.tcxd.votes.SessionState;
import vn.tcxd.votes.VoteAct;
import vn.tcxd.votes.VoteResults;
import vn.tcxd.votes.VoteRuleSet;
import vn.tcxd.votes.VoteSession;
import vn.tcxd.votes.Votes;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The pages of confidence votes for the commission and the counting board: a unit's sessions with the
 * form to convene one; a session with its attendance, the credential slips (shown once), the paper
 * count, the conclusion and the results; the bulletin board with its recomputed tally; the minutes.
 */
@Controller
class VotePageController {

    private final Votes votes;
    private final Cadres cadres;
    private final OrgStructure org;
    private final ScopedVotes scoped;

    VotePageController(Votes votes, Cadres cadres, OrgStructure org, ScopedVotes scoped) {
        this.votes = votes;
        this.cadres = cadres;
        this.org = org;
        this.scoped = scoped;
    }

    static ResponseEntity<byte[]> pdf(long sessionId, byte[] body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("bien-ban-kiem-phieu-" + sessionId + ".pdf").build().toString())
                .body(body);
    }

    private UnitDetails unit(long unitId, LocalDate on) {
        return org.unit(unitId, on).or(() -> org.lastKnown(unitId)).orElseThrow(() -> new NotFound("unit " + unitId));
    }

    // ---- a unit's sessions ---------------------------------------------------------------------------------

    @GetMapping("/units/{unitId}/votes")
    String sessions(@PathVariable long unitId, @ModelAttribute("form") VoteForm form, BindingResult binding, Model model) {
        scoped.requireReadUnit(unitId);
        VoteForm shown = binding.hasErrors() || form.heldOn() == null ? VoteForm.blank(scoped.today()) : form;
        return renderSessions(unitId, shown, null, model);
    }

    @PostMapping("/units/{unitId}/votes")
    String convene(@PathVariable long unitId, @ModelAttribute("form") VoteForm form, BindingResult binding, Model model) {
        scoped.requireWriteUnit(unitId);
        if (binding.hasErrors()) {
            return renderSessions(unitId, form, badInput(binding), model);
        }
        try {
            if (form.heldOn() == null) throw RuleViolation.onField("heldOn", "error.vote.heldOnRequired");
            long id = votes.convene(new VoteAct.Convene(unitId, form.body(), form.name(), form.heldOn(),
                    instant(form.opensAt()), instant(form.closesAt()), form.incumbencyIds(), form.denominator(), form.decision()));
            return "redirect:/votes/" + id;
        } catch (RuleViolation e) {
            return renderSessions(unitId, form, e, model);
        }
    }

    private static java.time.Instant instant(LocalDateTime t) {
        return t == null ? null : t.atZone(VietnameseFormat.ZONE).toInstant();
    }

    static RuleViolation badInput(BindingResult binding) {
        String field = binding.getFieldError() == null ? null : binding.getFieldError().getField();
        return RuleViolation.onField(field, "error.vote.badInput");
    }

    private String renderSessions(long unitId, VoteForm form, RuleViolation problem, Model model) {
        LocalDate on = form.heldOn() == null ? scoped.today() : form.heldOn();
        model.addAttribute("unit", unit(unitId, on));
        model.addAttribute("sessions", votes.sessions(unitId));
        boolean canWrite = scoped.canWriteUnit(unitId);
        model.addAttribute("canWrite", canWrite);
        model.addAttribute("form", form);
        model.addAttribute("bodies", SessionBody.values());
        model.addAttribute("denominators", VoteRuleSet.Denominator.values());
        if (canWrite) {
            List<Incumbency> holders = new ArrayList<>();
            Posts posts = cadres.posts(unitId, on);
            posts.posts().forEach(p -> holders.addAll(p.holders()));
            model.addAttribute("holders", holders);
            model.addAttribute("selected", form.incumbencyIds() == null || form.incumbencyIds().isEmpty()
                    ? holders.stream().map(Incumbency::id).toList() : form.incumbencyIds());
            try {
                model.addAttribute("ruleSet", votes.ruleSetOn(on));
            } catch (RuleViolation e) {
                model.addAttribute("ruleSet", null);
            }
        }
        problem(model, problem);
        return "votes/sessions";
    }

    static void problem(Model model, RuleViolation e) {
        if (e != null) {
            model.addAttribute("errorKey", e.messageKey());
            model.addAttribute("errorArgs", e.args());
            model.addAttribute("errorField", e.field());
        }
    }

    // ---- a session -----------------------------------------------------------------------------------------

    @GetMapping("/votes/{sessionId}")
    String session(@PathVariable long sessionId, Model model) {
        VoteSession s = scoped.readable(sessionId);
        return renderSession(s, null, model);
    }

    private String renderSession(VoteSession s, RuleViolation problem, Model model) {
        model.addAttribute("s", s);
        model.addAttribute("unit", unit(s.unitId(), s.heldOn()));
        model.addAttribute("canWrite", scoped.canWriteUnit(s.unitId()));
        model.addAttribute("ruleSet", votes.ruleSets().stream().filter(r -> r.code().equals(s.ruleSetCode())).findFirst().orElseThrow());
        model.addAttribute("windowOpen", s.openAt(scoped.clock().instant()));
        java.util.Map<Long, VoteSession.PaperTally> paperByPerson = new java.util.HashMap<>();
        if (s.paperCount() != null) s.paperCount().tallies().forEach(t -> paperByPerson.put(t.memberId(), t));
        model.addAttribute("paperByPerson", paperByPerson);
        model.addAttribute("windowClosed", !scoped.clock().instant().isBefore(s.closesAt()));
        if (s.state() != SessionState.SETUP) {
            try {
                model.addAttribute("results", votes.results(s.id()));
            } catch (RuleViolation e) {
                model.addAttribute("noResultKey", e.messageKey());
                model.addAttribute("noResultArgs", e.args());
            }
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", VoteForm.blank(scoped.today()));
        }
        problem(model, problem);
        return "votes/session";
    }

    @PostMapping("/votes/{sessionId}/attendance")
    String attendance(@PathVariable long sessionId, @RequestParam MultiValueMap<String, String> fields, Model model,
                      RedirectAttributes redirect) {
        VoteSession s = scoped.writable(sessionId);
        try {
            Set<Long> present = ids(fields.get("present"));
            Set<Long> paper = ids(fields.get("paper"));
            Set<Long> counting = ids(fields.get("counting"));
            Long head = fields.getFirst("countingHead") == null || fields.getFirst("countingHead").isBlank() ? null
                    : id(fields.getFirst("countingHead"));
            Votes.IssuedCredentials issued = votes.takeAttendance(new VoteAct.TakeAttendance(sessionId, present, paper, head, counting));
            // shown once, on the next page only: the codes live in the flash attributes, never in a URL or a table
            redirect.addFlashAttribute("codes", issued.codes());
            redirect.addFlashAttribute("done", "votes.done.attendance");
            return "redirect:/votes/" + sessionId + "#slips";
        } catch (RuleViolation e) {
            return renderSession(s, e, model);
        }
    }

    private static Set<Long> ids(List<String> values) {
        Set<Long> ids = new HashSet<>();
        if (values != null) values.forEach(v -> ids.add(id(v)));
        return ids;
    }

    private static long id(String v) {
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new RuleViolation("error.vote.badInput");
        }
    }

    @PostMapping("/votes/{sessionId}/paper")
    String paper(@PathVariable long sessionId, @RequestParam MultiValueMap<String, String> fields, Model model,
                 RedirectAttributes redirect) {
        VoteSession s = scoped.writable(sessionId);
        try {
            List<VoteSession.PaperTally> tallies = new ArrayList<>();
            for (VoteSession.Candidate c : s.candidates()) {
                tallies.add(new VoteSession.PaperTally(c.memberId(), count(fields, "high-" + c.memberId()),
                        count(fields, "confidence-" + c.memberId()), count(fields, "low-" + c.memberId())));
            }
            votes.recordPaperCount(new VoteAct.RecordPaperCount(sessionId, new VoteSession.PaperCount(
                    count(fields, "collected"), count(fields, "invalidNotIssued"), count(fields, "invalidStruck"),
                    count(fields, "invalidAdded"), count(fields, "invalidBoxes"), tallies)));
            redirect.addFlashAttribute("done", "votes.done.paper");
            return "redirect:/votes/" + sessionId + "#results";
        } catch (RuleViolation e) {
            return renderSession(s, e, model);
        }
    }

    private static int count(MultiValueMap<String, String> fields, String name) {
        String v = fields.getFirst(name);
        if (v == null || v.isBlank()) return 0;
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw RuleViolation.onField(name, "error.vote.badCount", v);
        }
    }

    @PostMapping("/votes/{sessionId}/conclude")
    String conclude(@PathVariable long sessionId, @ModelAttribute("form") VoteForm form, BindingResult binding, Model model,
                    RedirectAttributes redirect) {
        VoteSession s = scoped.writable(sessionId);
        if (binding.hasErrors()) return renderSession(s, badInput(binding), model);
        try {
            votes.conclude(new VoteAct.Conclude(sessionId, form.on(), form.decision()));
            redirect.addFlashAttribute("done", "votes.done.concluded");
            return "redirect:/votes/" + sessionId + "#results";
        } catch (RuleViolation e) {
            return renderSession(s, e, model);
        }
    }

    /** Those convened with their attendance: the page, or (for htmx) the list the session page opens on demand. */
    @GetMapping("/votes/{sessionId}/voters")
    String voters(@PathVariable long sessionId, @org.springframework.web.bind.annotation.RequestHeader(value = "HX-Request",
            required = false) String htmx, Model model) {
        model.addAttribute("s", scoped.readable(sessionId));
        return htmx != null ? "votes/voters :: list" : "votes/voters";
    }

    static final int BOARD_PAGE = 200;

    @GetMapping("/votes/{sessionId}/board")
    String board(@PathVariable long sessionId, @RequestParam(defaultValue = "0") int page, Model model) {
        VoteSession s = scoped.readable(sessionId);
        BulletinBoard board = votes.board(sessionId);
        model.addAttribute("s", s);
        model.addAttribute("unit", unit(s.unitId(), s.heldOn()));
        model.addAttribute("board", board);
        // a committee of 2,000 casts 2,000 ballots: the page lists them by the page, the JSON has them all
        int pages = Math.max(1, (board.ballots().size() + BOARD_PAGE - 1) / BOARD_PAGE);
        int shown = Math.clamp(page, 0, pages - 1);
        model.addAttribute("page", shown);
        model.addAttribute("pages", pages);
        model.addAttribute("shownBallots", board.ballots().subList(shown * BOARD_PAGE,
                Math.min(board.ballots().size(), (shown + 1) * BOARD_PAGE)));
        model.addAttribute("sealed", board.ballots().stream().anyMatch(b -> b.content() == null));
        model.addAttribute("report", BoardVerifier.verify(board));
        model.addAttribute("names", s.candidates().stream().collect(java.util.stream.Collectors.toMap(
                VoteSession.Candidate::memberId, VoteSession.Candidate::fullName)));
        return "votes/board";
    }

    @GetMapping("/votes/{sessionId}/minutes.pdf")
    ResponseEntity<byte[]> minutes(@PathVariable long sessionId) {
        scoped.readable(sessionId);
        return pdf(sessionId, votes.minutes(sessionId));
    }
}
