package vn.tcxd.reports.web;

import vn.tcxd.reports.KeyFigures;
import vn.tcxd.reports.KeyFigures.Figure;
import vn.tcxd.shared.VietnameseFormat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Key figures laid out for a page: each figure on the date, its share of the members (for member
 * figures), the same a year earlier and the change, formatted the Vietnamese way.
 */
record DashboardFigures(List<Row> members, List<Row> organisations) {

    /**
     * @param change  signed difference with the year before ("+1.234", "−56", "0"), empty when there is no earlier figure
     * @param trend   "up", "down" or "flat", for the arrow and colour
     */
    record Row(Figure figure, String value, String share, String before, String beforeShare, String change,
               String trend) {

        public String key() {
            return "dashboard.figure." + figure.name();
        }
    }

    static DashboardFigures of(KeyFigures now, KeyFigures before) {
        List<Row> members = new ArrayList<>();
        List<Row> organisations = new ArrayList<>();
        for (Figure f : Figure.values()) {
            long v = f.of(now);
            Long b = before == null ? null : f.of(before);
            Row row = new Row(f, VietnameseFormat.number(v),
                    f.share() ? VietnameseFormat.percent(v, now.members()) : null,
                    b == null ? null : VietnameseFormat.number(b),
                    b == null || !f.share() ? null : VietnameseFormat.percent(b, before.members()),
                    b == null ? "" : signed(v - b),
                    b == null ? "" : v > b ? "up" : v < b ? "down" : "flat");
            (f.organisations() ? organisations : members).add(row);
        }
        return new DashboardFigures(members, organisations);
    }

    static String signed(long change) {
        return change > 0 ? "+" + VietnameseFormat.number(change)
                : change < 0 ? "−" + VietnameseFormat.number(-change) : "0";
    }

    /** A share in percent with two decimals (for the API), {@code null} when there are no members. */
    static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
