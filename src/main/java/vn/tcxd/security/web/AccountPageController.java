package vn.tcxd.security.web;

import org.springframework.security.access.prepost.PreAuthorize;
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
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.security.AccountSummary;
import vn.tcxd.security.Accounts;
import vn.tcxd.security.Role;
import vn.tcxd.security.ScopeGrant;
import vn.tcxd.shared.NotFound;
import vn.tcxd.shared.RuleViolation;
import vn.tcxd.shared.scope.AccessScope;
import vn.tcxd.shared.scope.CurrentAccess;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Accounts pages: the list within the administrator's scope, the new-account form and enable/disable.
 */
@Controller
@RequestMapping("/accounts")
@PreAuthorize("hasAuthority('ACCOUNTS')")
class AccountPageController {

    private final Accounts accounts;
    private final CurrentAccess currentAccess;
    private final OrgStructure orgStructure;

    AccountPageController(Accounts accounts, CurrentAccess currentAccess, OrgStructure orgStructure) {
        this.accounts = accounts;
        this.currentAccess = currentAccess;
        this.orgStructure = orgStructure;
    }

    @GetMapping
    String list(Model model) {
        AccessScope scope = currentAccess.scope();
        List<AccountSummary> visible = accounts.visibleTo(scope);
        // Every grant of a visible account lies inside the reader's scope, so naming the units leaks nothing.
        Map<Long, String> unitNames = new HashMap<>();
        visible.forEach(account -> account.grants().forEach(grant -> unitNames.computeIfAbsent(grant.unitId(),
                id -> orgStructure.lastKnown(id).map(u -> u.name() + " (" + u.code() + ")").orElse("#" + id))));
        model.addAttribute("accounts", visible);
        model.addAttribute("unitNames", unitNames);
        model.addAttribute("self", scope.username());
        return "security/accounts";
    }

    @GetMapping("/new")
    String newAccount(Model model) {
        model.addAttribute("form", new CreateAccountForm());
        return form(model);
    }

    @PostMapping
    String create(@ModelAttribute("form") CreateAccountForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return form(model);
        }
        AccessScope scope = currentAccess.scope();
        try {
            List<ScopeGrant> grants = grants(form);
            AccountSummary created = accounts.create(scope, form.getUsername(), form.getDisplayName(), form.getPassword(),
                    form.isSystemAdmin() && scope.everything(), grants);
            redirect.addFlashAttribute("created", created.username());
            return "redirect:/accounts";
        } catch (RuleViolation e) {
            String field = e.field() != null && List.of("username", "displayName", "password", "unitCode", "role")
                    .contains(e.field()) ? e.field() : null;
            if (field == null) {
                binding.reject(e.messageKey(), e.args(), e.messageKey());
            } else {
                binding.rejectValue(field, e.messageKey(), e.args(), e.messageKey());
            }
        } catch (NotFound e) {
            // Unknown and out-of-scope units answer alike: no unit names outside the administrator's subtree.
            binding.rejectValue("unitCode", "error.account.unitUnknown", "error.account.unitUnknown");
        }
        return form(model);
    }

    /** The one grant of the form, or none for a system administrator without a unit. */
    private List<ScopeGrant> grants(CreateAccountForm form) {
        String code = form.getUnitCode() == null ? "" : form.getUnitCode().strip().toUpperCase(Locale.ROOT);
        if (code.isEmpty()) {
            return List.of();
        }
        if (form.getRole() == null) {
            throw RuleViolation.onField("role", "error.account.roleRequired");
        }
        Optional<Long> unitId = orgStructure.idOfCode(code);
        if (unitId.isEmpty()) {
            throw new NotFound("unit " + code);
        }
        return List.of(new ScopeGrant(unitId.get(), form.getRole()));
    }

    @PostMapping("/{id}/enabled")
    String setEnabled(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        AccountSummary changed = accounts.setEnabled(currentAccess.scope(), id, enabled);
        redirect.addFlashAttribute("updated", changed.username());
        return "redirect:/accounts";
    }

    @PostMapping("/{id}/unlock")
    String unlock(@PathVariable long id, RedirectAttributes redirect) {
        AccountSummary account = accounts.unlock(currentAccess.scope(), id);
        redirect.addFlashAttribute("unlocked", account.username());
        return "redirect:/accounts";
    }

    private String form(Model model) {
        model.addAttribute("roles", Role.values());
        model.addAttribute("minPasswordLength", accounts.minPasswordLength());
        model.addAttribute("mayCreateSystemAdmin", currentAccess.scope().everything());
        return "security/account-form";
    }
}
