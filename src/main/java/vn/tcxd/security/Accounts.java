package vn.tcxd.security;

import java.util.List;
import java.util.Optional;

/**
 * Facade of the accounts: creation (password hashed), lookup and the grants of each account.
 */
public interface Accounts {

    /** Creates an account; rejects duplicate usernames, weak passwords and unknown units. */
    AccountSummary create(String username, String displayName, String rawPassword, boolean systemAdmin,
                          List<ScopeGrant> grants);

    Optional<AccountSummary> find(String username);

    boolean anyExists();
}
