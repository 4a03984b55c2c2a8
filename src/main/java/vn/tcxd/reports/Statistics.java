package vn.tcxd.reports;

import java.time.LocalDate;

/**
 * Facade of the statistics engine. Figures are exact for any date under the tree as it was then:
 * today from live counters (upper levels) or the roll, frozen period ends from snapshots, any other
 * date from history. Reads do not check the caller's scope; web layers do that with OrgScope.
 */
public interface Statistics {

    /** The unit's subtree as at the end of {@code asOf}; the unit must exist on that date. */
    UnitStatistics of(long unitId, LocalDate asOf);

    /** Movements of the unit's subtree over [{@code from}, {@code to}]. */
    Movements movements(long unitId, LocalDate from, LocalDate to);

    /** Members admitted into the unit's subtree over [{@code from}, {@code to}], by every dimension (biểu 2-TCTW). */
    MemberTally admitted(long unitId, LocalDate from, LocalDate to);

    /**
     * Members of the unit's subtree as at the end of {@code asOf} whose {@code dimension} is {@code key}
     * (e.g. GENDER = FEMALE, STATUS = PROBATIONARY), by every dimension: the cross-tabulations of the
     * report forms. Always from history; {@link Dimension#FLAG} is not supported.
     */
    MemberTally of(long unitId, LocalDate asOf, Dimension dimension, String key);

    /** Members admitted over [{@code from}, {@code to}] whose {@code dimension} was {@code key} at admission. */
    MemberTally admitted(long unitId, LocalDate from, LocalDate to, Dimension dimension, String key);

    /**
     * After a bulk load that bypassed the acts (generators, restores): recomputes the live counters from
     * the roll and forgets every frozen period end (freeze them again with {@link #freezePeriodEnds});
     * returns how many units the counters cover.
     */
    int rebuildLive();

    /** Freezes every period end (month ends, incl. 30/6 and 31/12) from {@code from} to the last before today that is not frozen yet. */
    int freezePeriodEnds(LocalDate from);
}
