package vn.tcxd.security;

/**
 * Roles within a unit's subtree.
 */
public enum Role {
    /** Quản trị: accounts and audit log within the subtree, and everything STAFF may do. */
    ADMIN,
    /** Cán bộ Ban Tổ chức: read and write within the subtree. */
    STAFF,
    /** Xem: read within the subtree. */
    VIEWER
}
