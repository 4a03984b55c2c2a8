package vn.tcxd.votes.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.tcxd.shared.RuleViolation;
import vn.tcxd.votes.ConfidenceLevel;
import vn.tcxd.votes.VoteSession;
import vn.tcxd.votes.Votes;

import java.util.HashMap;
import java.util.Map;

/**
 * The voter's pages, phone first and anonymous: type the credential from the slip, mark one level or
 * nothing per person, cast, keep the receipt; check a receipt later. No login: the voter's account is
 * never involved, so nothing the server keeps can name them. Credentials and receipts travel only in
 * POST bodies, never in a URL; the pages render the answer directly instead of redirecting.
 */
@Controller
class BallotPageController {

    private final Votes votes;

    BallotPageController(Votes votes) {
        this.votes = votes;
    }

    @GetMapping("/public/ballot")
    String start(Model model) {
        model.addAttribute("levels", ConfidenceLevel.values());
        return "public/ballot";
    }

    /** Opens the ballot of a credential. */
    @PostMapping("/public/ballot")
    String open(@RequestParam(required = false) String credential, Model model) {
        model.addAttribute("levels", ConfidenceLevel.values());
        try {
            model.addAttribute("ballot", votes.openBallot(credential));
            model.addAttribute("credential", credential.strip());
        } catch (RuleViolation e) {
            VotePageController.problem(model, e);
        }
        return "public/ballot";
    }

    @PostMapping("/public/ballot/cast")
    String cast(@RequestParam MultiValueMap<String, String> fields, Model model) {
        model.addAttribute("levels", ConfidenceLevel.values());
        String credential = fields.getFirst("credential");
        try {
            Votes.OpenBallot ballot = votes.openBallot(credential);
            Map<Long, ConfidenceLevel> choices = new HashMap<>();
            for (VoteSession.Candidate c : ballot.candidates()) {
                String v = fields.getFirst("level-" + c.memberId());
                if (v != null && !v.isBlank()) {
                    try {
                        choices.put(c.memberId(), ConfidenceLevel.valueOf(v));
                    } catch (IllegalArgumentException e) {
                        throw new RuleViolation("error.vote.badLevel");
                    }
                }
            }
            // a field naming someone not on this ballot is refused, not ignored
            for (String name : fields.keySet()) {
                if (name.startsWith("level-") && ballot.candidates().stream()
                        .noneMatch(c -> name.equals("level-" + c.memberId()))) {
                    throw new RuleViolation("error.vote.notVotedOn");
                }
            }
            model.addAttribute("receipt", votes.cast(credential, choices));
            model.addAttribute("sessionName", ballot.sessionName());
        } catch (RuleViolation e) {
            VotePageController.problem(model, e);
        }
        return "public/ballot";
    }

    @PostMapping("/public/ballot/receipt")
    String receipt(@RequestParam(required = false) String receipt, Model model) {
        model.addAttribute("levels", ConfidenceLevel.values());
        model.addAttribute("checked", receipt == null ? "" : receipt.strip());
        votes.receipt(receipt).ifPresentOrElse(r -> model.addAttribute("found", r), () -> model.addAttribute("notFound", true));
        return "public/ballot";
    }
}
