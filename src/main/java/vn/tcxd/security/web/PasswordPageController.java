package vn.tcxd.security.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tcxd.security.Accounts;
import vn.tcxd.shared.RuleViolation;
import vn.tcxd.shared.scope.CurrentAccess;

import java.util.Objects;

/**
 * Đổi mật khẩu: every logged-in user changes their own password here, under the password policy.
 */
@Controller
class PasswordPageController {

    private final Accounts accounts;
    private final CurrentAccess currentAccess;

    PasswordPageController(Accounts accounts, CurrentAccess currentAccess) {
        this.accounts = accounts;
        this.currentAccess = currentAccess;
    }

    @GetMapping("/account/password")
    String form(Model model) {
        model.addAttribute("form", new ChangePasswordForm());
        return page(model);
    }

    @PostMapping("/account/password")
    String change(@ModelAttribute("form") ChangePasswordForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        if (!Objects.equals(form.getNewPassword(), form.getConfirmation())) {
            binding.rejectValue("confirmation", "error.account.passwordMismatch", "error.account.passwordMismatch");
            return page(model);
        }
        try {
            accounts.changePassword(currentAccess.scope(), form.getCurrentPassword(), form.getNewPassword());
        } catch (RuleViolation e) {
            String field = "currentPassword".equals(e.field()) ? "currentPassword" : "newPassword";
            binding.rejectValue(field, e.messageKey(), e.args(), e.messageKey());
            return page(model);
        }
        redirect.addFlashAttribute("changed", true);
        return "redirect:/account/password";
    }

    private String page(Model model) {
        model.addAttribute("minPasswordLength", accounts.minPasswordLength());
        return "security/password";
    }
}
