package vn.tcxd.security;

import vn.tcxd.shared.DecisionRef;

import java.time.LocalDateTime;
import java.util.Map;

/**
 * One audit entry as read back.
 *
 * @param occurredAt local time in Vietnam
 * @param unitName   the unit's last known name, when the entry belongs to a unit
 */
public record AuditEntryRow(long id, LocalDateTime occurredAt, String actor, String action, String entityType,
                            String entityId, Long unitId, String unitName, Map<String, Object> before,
                            Map<String, Object> after, DecisionRef decision) {
}
