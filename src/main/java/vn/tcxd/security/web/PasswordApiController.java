package vn.tcxd.security.web;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.tcxd.security.Accounts;
import vn.tcxd.shared.scope.CurrentAccess;

/**
 * The caller's own password, for any account (the accounts API is for administrators).
 */
@RestController
class PasswordApiController {

    private final Accounts accounts;
    private final CurrentAccess currentAccess;

    PasswordApiController(Accounts accounts, CurrentAccess currentAccess) {
        this.accounts = accounts;
        this.currentAccess = currentAccess;
    }

    /** 204 when changed; 422 Problem Details naming the field otherwise. */
    @PostMapping("/api/v1/account/password")
    ResponseEntity<Void> change(@RequestBody ChangePasswordRequest request) {
        accounts.changePassword(currentAccess.scope(), request.currentPassword(), request.newPassword());
        return ResponseEntity.noContent().build();
    }
}
