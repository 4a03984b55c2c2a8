package vn.tcxd.orgstructure;

/**
 * A unit as at some date, for lists and trees.
 *
 * @param childCount number of direct subordinate units as at the same date
 */
public record UnitSummary(long id, String code, String name, String shortName, UnitType type, Long parentId,
                          int depth, int childCount) {
}
