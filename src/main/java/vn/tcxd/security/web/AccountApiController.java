package vn.tcxd.security.web;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.tcxd.security.AccountSummary;
import vn.tcxd.security.Accounts;
import vn.tcxd.shared.scope.CurrentAccess;

import java.net.URI;
import java.util.List;

/**
 * Accounts within the caller's administration scope.
 */
@RestController
@RequestMapping("/api/v1/accounts")
@PreAuthorize("hasAuthority('ACCOUNTS')")
class AccountApiController {

    private final Accounts accounts;
    private final CurrentAccess currentAccess;

    AccountApiController(Accounts accounts, CurrentAccess currentAccess) {
        this.accounts = accounts;
        this.currentAccess = currentAccess;
    }

    @GetMapping
    List<AccountSummary> list() {
        return accounts.visibleTo(currentAccess.scope());
    }

    /** Ends a login lock (too many failed logins in a row) before its time; audited. */
    @PostMapping("/{id}/unlock")
    AccountSummary unlock(@PathVariable long id) {
        return accounts.unlock(currentAccess.scope(), id);
    }

    @PostMapping
    ResponseEntity<AccountSummary> create(@RequestBody CreateAccountRequest request) {
        AccountSummary created = accounts.create(currentAccess.scope(), request.username(), request.displayName(),
                request.password(), Boolean.TRUE.equals(request.systemAdmin()),
                request.grants() == null ? List.of() : request.grants());
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + created.id())).body(created);
    }
}
