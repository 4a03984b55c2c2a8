package vn.tcxd.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Numbers and dates the Vietnamese way: {@code 45.239}, {@code 19,22%}, {@code 14/6/2021}.
 */
public final class VietnameseFormat {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d/M/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm d/M/yyyy");

    /** Legal dates and times are Vietnam's. */
    public static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Ho_Chi_Minh");

    private VietnameseFormat() {
    }

    public static String number(long value) {
        String digits = Long.toString(Math.abs(value));
        StringBuilder out = new StringBuilder();
        int lead = digits.length() % 3;
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (i - lead) % 3 == 0) {
                out.append('.');
            }
            out.append(digits.charAt(i));
        }
        return (value < 0 ? "-" : "") + out;
    }

    /** {@code part/whole} as a percentage with two decimals and a decimal comma, e.g. 19,22%. */
    public static String percent(long part, long whole) {
        if (whole == 0) {
            return "–";
        }
        BigDecimal p = BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
        return p.toPlainString().replace('.', ',') + "%";
    }

    public static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** {@code 08:30 14/6/2021}, in Vietnam's time. */
    public static String dateTime(java.time.Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(ZONE));
    }

    /** {@code 19,22%} of a percentage already computed. */
    public static String percent(BigDecimal value) {
        return value == null ? "–" : value.toPlainString().replace('.', ',') + "%";
    }
}
