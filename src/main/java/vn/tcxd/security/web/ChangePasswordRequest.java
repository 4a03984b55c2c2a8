package vn.tcxd.security.web;

/**
 * API request to change the caller's own password.
 */
public record ChangePasswordRequest(String currentPassword, String newPassword) {
}
