package vn.tcxd.security;

/**
 * A role over the subtree rooted at a unit.
 */
public record ScopeGrant(long unitId, Role role) {
}
