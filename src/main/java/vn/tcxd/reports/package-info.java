/**
 * Statistics and report forms: figures of any unit's subtree as at any date and movements over any
 * period, computed from the member roll and the tree (never typed in). Keeps live counters for the
 * upper levels in the transaction of each change, freezes period ends as snapshots, and computes
 * any other date from history. Produces the HD 11-HD/BTCTW forms, narratives and dashboards.
 * Reads other modules only through their facades and public views; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "orgstructure", "members", "evaluations", "cadres"})
package vn.tcxd.reports;
