package vn.tcxd.orgstructure;

import java.time.LocalDate;

/**
 * "Unit A became (part of) unit B" by a consolidation, merger or split.
 */
public record LineageLink(long operationId, String operation, LocalDate effectiveOn,
                          long fromUnitId, String fromCode, String fromName,
                          long toUnitId, String toCode, String toName) {
}
