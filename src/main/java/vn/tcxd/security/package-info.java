/**
 * Accounts, roles and data scopes: who may read or change which subtree of the organisation tree;
 * form login for pages and HTTP Basic for the API; the bootstrap administrator; and the audit log
 * of every write, stored in the writer's transaction from {@link vn.tcxd.shared.audit.AuditedChange}.
 * Must not decide business rules of other modules.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "orgstructure"})
package vn.tcxd.security;
