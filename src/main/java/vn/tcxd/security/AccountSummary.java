package vn.tcxd.security;

import java.time.LocalDateTime;
import java.util.List;

/**
 * An account as administrators see it.
 *
 * @param lockedUntil while logins are refused after too many failures in a row (local time in Vietnam), else null
 */
public record AccountSummary(long id, String username, String displayName, boolean enabled, boolean systemAdmin,
                             List<ScopeGrant> grants, LocalDateTime lockedUntil) {

    public AccountSummary(long id, String username, String displayName, boolean enabled, boolean systemAdmin,
                          List<ScopeGrant> grants) {
        this(id, username, displayName, enabled, systemAdmin, grants, null);
    }

    public AccountSummary withLockedUntil(LocalDateTime until) {
        return new AccountSummary(id, username, displayName, enabled, systemAdmin, grants, until);
    }
}
