package vn.tcxd.platform;

import org.springframework.stereotype.Component;
import vn.tcxd.shared.VietnameseFormat;

import java.time.LocalDate;

/**
 * Vietnamese number and date formats for templates: {@code ${@fmt.number(n)}}, {@code ${@fmt.date(d)}}.
 */
@Component("fmt")
public class TemplateFormat {

    public String number(Number value) {
        return value == null ? "" : VietnameseFormat.number(value.longValue());
    }

    public String date(LocalDate date) {
        return VietnameseFormat.date(date);
    }

    public String percent(long part, long whole) {
        return VietnameseFormat.percent(part, whole);
    }

    public String percent(java.math.BigDecimal value) {
        return VietnameseFormat.percent(value);
    }

    public String dateTime(java.time.Instant instant) {
        return VietnameseFormat.dateTime(instant);
    }
}
