package vn.tcxd.security;

import vn.tcxd.shared.scope.AccessScope;

import java.util.List;
import java.util.Optional;

/**
 * Facade of the accounts: creation (password hashed), lookup and the grants of each account.
 * The methods taking an {@link AccessScope} act on behalf of a user and keep to that user's
 * administration scope; the others are for trusted code (bootstrap, demo data).
 */
public interface Accounts {

    /** Creates an account; rejects duplicate usernames, weak passwords and unknown units. */
    AccountSummary create(String username, String displayName, String rawPassword, boolean systemAdmin,
                          List<ScopeGrant> grants);

    /**
     * Creates an account on behalf of {@code actor}: only administrators may, a unit administrator
     * only with grants inside its own admin subtrees ({@link vn.tcxd.shared.NotFound} otherwise, so
     * nothing leaks about other units) and never a system administrator.
     */
    AccountSummary create(AccessScope actor, String username, String displayName, String rawPassword,
                          boolean systemAdmin, List<ScopeGrant> grants);

    Optional<AccountSummary> find(String username);

    /** The shortest password the policy accepts ({@code tcxd.security.password.min-length}). */
    int minPasswordLength();

    boolean anyExists();

    /** Accounts the actor administers: all for a system administrator, else those granted only inside its admin subtrees. */
    List<AccountSummary> visibleTo(AccessScope actor);

    /** Enables or disables an account the actor administers; nobody disables their own account. */
    AccountSummary setEnabled(AccessScope actor, long accountId, boolean enabled);

    /**
     * Changes the actor's own password: the current one must be right (a wrong one counts toward the login lock
     * of the username, like a failed login), the new one must pass the password policy and differ from it.
     * Audited, without either password.
     */
    void changePassword(AccessScope actor, String currentPassword, String newPassword);

    /**
     * Ends a login lock (too many failed logins in a row) of an account the actor administers before its time;
     * audited. An account that is not locked is returned unchanged.
     */
    AccountSummary unlock(AccessScope actor, long accountId);
}
