package vn.tcxd.orgstructure;

import java.time.LocalDate;
import java.util.List;

/**
 * Published after every reorganisation, in its transaction, so that modules holding per-unit
 * figures can react (members moving with their cells need nothing: they reference units by id).
 */
public record UnitsReorganised(long operationId, String operation, LocalDate effectiveOn, List<Long> unitIds) {
}
