package vn.tcxd.security.web;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The login form; Spring Security handles its POST.
 */
@Controller
class LoginPageController {

    @GetMapping("/login")
    String login(Authentication authentication, @RequestParam(required = false) String minutes,
                 @RequestParam(required = false) String failures, Model model) {
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "redirect:/units";
        }
        // the figures of a lock or throttle message come from the login's redirect; a hand-edited URL can only
        // mislead its own author, so they are just bounded
        model.addAttribute("minutes", bounded(minutes, 1, 24 * 60));
        model.addAttribute("failures", bounded(failures, 1, 10_000));
        return "security/login";
    }

    private static int bounded(String value, int min, int max) {
        try {
            return Math.clamp(Long.parseLong(value == null ? "" : value.strip()), min, max);
        } catch (NumberFormatException e) {
            return min;
        }
    }
}
