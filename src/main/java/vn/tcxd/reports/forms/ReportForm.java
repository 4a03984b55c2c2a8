package vn.tcxd.reports.forms;

import java.util.Arrays;
import java.util.Optional;

/**
 * The standard report forms of HD 11-HD/BTCTW (biểu mẫu thống kê) the system fills, and the unit
 * structure sheet (cơ cấu tổ chức). Forms 1 and 2 cover a period; the others are "as at" a date.
 */
public enum ReportForm {
    /** Cơ cấu tổ chức: organisations of the subtree by type. */
    STRUCTURE("co-cau", false),
    /** Biểu 1-TCTW: membership movements over a period. */
    MOVEMENTS("1", true),
    /** Biểu 2-TCTW: members admitted over a period. */
    ADMITTED("2", true),
    /** Biểu 3-TCTW: quality of members (age, education, theory …). */
    QUALITY("3", false),
    /** Biểu 4-TCTW: members by ethnicity and religion. */
    ETHNICITY_RELIGION("4", false);

    private final String slug;
    private final boolean overPeriod;

    ReportForm(String slug, boolean overPeriod) {
        this.slug = slug;
        this.overPeriod = overPeriod;
    }

    /** The form's name in URLs: {@code co-cau}, {@code 1} … {@code 4}. */
    public String slug() {
        return slug;
    }

    public boolean overPeriod() {
        return overPeriod;
    }

    public static Optional<ReportForm> ofSlug(String slug) {
        return Arrays.stream(values()).filter(f -> f.slug.equalsIgnoreCase(slug) || f.name().equalsIgnoreCase(slug))
                .findFirst();
    }
}
