package vn.tcxd.security.web;

import vn.tcxd.security.Role;

/**
 * The new-account form: one grant, given by unit code and role. Mutable so that the form binds and
 * re-renders with its field errors.
 */
public class CreateAccountForm {

    private String username = "";
    private String displayName = "";
    private String password = "";
    private String unitCode = "";
    private Role role = Role.STAFF;
    private boolean systemAdmin;

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getUnitCode() {
        return unitCode;
    }

    public void setUnitCode(String unitCode) {
        this.unitCode = unitCode;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public boolean isSystemAdmin() {
        return systemAdmin;
    }

    public void setSystemAdmin(boolean systemAdmin) {
        this.systemAdmin = systemAdmin;
    }
}
