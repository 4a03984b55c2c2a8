package vn.tcxd.reports;

/** Where a figure came from: all three give the same numbers, at different speeds. */
public enum FigureSource {
    /** Counters kept in the transaction of every change (today, upper levels). */
    LIVE,
    /** A period end frozen as a snapshot. */
    SNAPSHOT,
    /** Computed from the member roll and the tree as they were on that date. */
    HISTORY
}
