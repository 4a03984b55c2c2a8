package vn.tcxd.reports;

import java.time.LocalDate;
import java.util.List;

/**
 * A unit's dashboard (bảng số liệu) on {@code asOf}: its key figures, the same figures on the same date
 * a year earlier ({@code null} when the unit did not exist then), members by age band and gender, and
 * admissions per calendar year.
 */
public record UnitDashboard(long unitId, LocalDate asOf, FigureSource source, KeyFigures figures,
                            LocalDate yearEarlier, KeyFigures figuresYearEarlier, List<AgeGenderBand> ageGender,
                            List<YearAdmissions> admissions) {

    /** Members of one age band (form 3-TCTW bands, age by year of birth) by gender. */
    public record AgeGenderBand(String label, long male, long female) {

        public long total() {
            return male + female;
        }
    }

    /**
     * Members admitted (kết nạp) in {@code year}, over [{@code from}, {@code to}] ({@code to} is the
     * dashboard date in its own year); {@code admitted} is {@code null} when the unit did not exist on {@code to}.
     */
    public record YearAdmissions(int year, LocalDate from, LocalDate to, Long admitted) {
    }

    /** Movements of one calendar year (to the dashboard date in its own year); {@code null} when the unit did not exist on {@code to}. */
    public record YearMovements(int year, LocalDate from, LocalDate to, Movements movements) {
    }
}
