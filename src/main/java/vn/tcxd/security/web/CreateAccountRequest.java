package vn.tcxd.security.web;

import vn.tcxd.security.ScopeGrant;

import java.util.List;

/**
 * API request to create an account.
 */
public record CreateAccountRequest(String username, String displayName, String password, Boolean systemAdmin,
                                   List<ScopeGrant> grants) {
}
