package vn.tcxd.reports;

import java.time.LocalDate;
import java.util.List;

/**
 * Dashboards of a unit (bảng số liệu): key figures beside those of a year earlier, members by age band
 * and gender, admissions and movements per year. Everything is computed by {@link Statistics}, except
 * the age-by-gender table, which reads the same roll with the engine's own conditions. Reads do not
 * check the caller's scope; web layers do that with OrgScope.
 */
public interface Dashboards {

    /** Years of admissions on a dashboard (the dashboard date's year and the nine before it). */
    int ADMISSION_YEARS = 10;

    /** Years of movements in the trend. */
    int TREND_YEARS = 5;

    /** The dashboard of the unit's subtree on {@code asOf}; the unit must exist on that date. */
    UnitDashboard of(long unitId, LocalDate asOf);

    /** Key figures only (fast): on {@code asOf}; the unit must exist on that date. */
    KeyFigures keyFigures(long unitId, LocalDate asOf);

    /** Movements per calendar year for the {@code years} years up to {@code asOf}, oldest first. */
    List<UnitDashboard.YearMovements> trend(long unitId, LocalDate asOf, int years);
}
