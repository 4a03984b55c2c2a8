package vn.tcxd.shared.audit;

import vn.tcxd.shared.DecisionRef;

import java.util.Map;

/**
 * A write to be recorded in the audit log: published synchronously by the module that writes, and
 * stored by the security module in the same transaction, so the write and its audit stand or fall
 * together.
 *
 * @param unitId the unit the change belongs to, for scoped browsing of the log
 */
public record AuditedChange(String action, String entityType, String entityId, Long unitId,
                            Map<String, Object> before, Map<String, Object> after, DecisionRef decision) {
}
