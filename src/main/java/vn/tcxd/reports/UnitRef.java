package vn.tcxd.reports;

/** A unit named as it is now (or, if it ended, as it last was). */
public record UnitRef(long id, String code, String name) {
}
