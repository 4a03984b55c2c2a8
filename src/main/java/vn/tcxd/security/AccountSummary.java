package vn.tcxd.security;

import java.util.List;

public record AccountSummary(long id, String username, String displayName, boolean enabled, boolean systemAdmin,
                             List<ScopeGrant> grants) {
}
