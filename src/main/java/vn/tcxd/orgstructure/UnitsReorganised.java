package vn.tcxd.orgstructure;

import java.time.LocalDate;
import java.util.List;

/**
 * Published after every reorganisation, in its transaction, so that other modules can react in it:
 * members follow a merged, consolidated or split cell to its successor; the statistics move the
 * counts of every unit whose chain of upper units changed.
 */
public record UnitsReorganised(long operationId, String operation, LocalDate effectiveOn, List<Long> unitIds) {
}
