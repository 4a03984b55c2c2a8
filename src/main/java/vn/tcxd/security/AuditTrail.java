package vn.tcxd.security;

import vn.tcxd.shared.scope.AccessScope;

/**
 * Facade of the audit log (nhật ký): every write recorded with actor, before and after state and
 * its decision, browsed newest first within the reader's administration scope. Tamper-evident: each entry holds
 * a hash over the previous entry's hash and its own content (computed by PostgreSQL as it is appended).
 */
public interface AuditTrail {

    int PAGE_SIZE = 50;

    /**
     * One page (0-based) of entries matching the filter: everything for a system administrator,
     * otherwise only entries of units inside the reader's admin subtrees.
     */
    AuditPage search(AccessScope reader, AuditFilter filter, int page);

    /**
     * Recomputes the hash chain of the whole log and names the first entry where it breaks; for system
     * administrators only (the chain runs through every unit's entries).
     */
    AuditChainReport checkChain(AccessScope reader);
}
