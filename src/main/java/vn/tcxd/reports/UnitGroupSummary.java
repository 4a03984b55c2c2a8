package vn.tcxd.reports;

/**
 * A group as one reader sees it in a list.
 *
 * @param unitCount how many of its units the reader may read
 * @param mine      whether the reader saved it (and so may change it)
 */
public record UnitGroupSummary(long id, String name, String owner, boolean mine, UnitRef sharedWithin,
                               int unitCount) {
}
