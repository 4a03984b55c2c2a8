package vn.tcxd.reports;

import vn.tcxd.orgstructure.StructureCounts;

import java.time.LocalDate;

/**
 * Figures of a unit's subtree (the unit included) as at the end of {@code asOf}, under the tree
 * as it was that day: its organisations by type and its members by every dimension.
 */
public record UnitStatistics(long unitId, LocalDate asOf, StructureCounts units, MemberTally members,
                             FigureSource source) {
}
