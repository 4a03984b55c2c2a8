package vn.tcxd.orgstructure;

import vn.tcxd.shared.DecisionRef;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One change in a unit's history with the decision that made it.
 *
 * @param kind   what happened to this unit: ESTABLISHED, RENAMED, MOVED, TYPE_CHANGED, DISSOLVED,
 *               MERGED_INTO, ABSORBED, CONSOLIDATED_INTO, SPLIT_INTO
 * @param operation the reorganisation act: ESTABLISH, RENAME, MOVE, CHANGE_TYPE, CONSOLIDATE, MERGE, SPLIT, DISSOLVE
 */
public record UnitHistoryEntry(long operationId, String operation, String kind, LocalDate effectiveOn,
                               DecisionRef decision, Map<String, Object> before, Map<String, Object> after,
                               List<LineageLink> lineage) {
}
