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
}
