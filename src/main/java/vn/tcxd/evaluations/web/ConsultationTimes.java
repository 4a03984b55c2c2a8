package vn.tcxd.evaluations.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.tcxd.evaluations.Period;
import vn.tcxd.shared.VietnameseFormat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Times and periods of the consultation pages in Vietnamese form, for templates:
 * {@code ${@consultationTimes.at(instant)}} gives "17:00 ngày 20/12/2012".
 */
@Component("consultationTimes")
public class ConsultationTimes {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Clock clock;
    private final MessageSource messages;

    ConsultationTimes(Clock clock, MessageSource messages) {
        this.clock = clock;
        this.messages = messages;
    }

    public String at(Instant instant) {
        if (instant == null) {
            return "";
        }
        ZonedDateTime local = instant.atZone(clock.getZone());
        return messages.getMessage("consultation.moment",
                new Object[] {TIME.format(local), VietnameseFormat.date(local.toLocalDate())},
                LocaleContextHolder.getLocale());
    }

    public String period(Period period) {
        if (period == null) {
            return "";
        }
        // strings, not numbers: MessageFormat would print the year 2012 as "2.012"
        return messages.getMessage("consultation.period." + period.kind(),
                new Object[] {Integer.toString(period.year()), Integer.toString(period.no())},
                LocaleContextHolder.getLocale());
    }

    Instant instant(LocalDateTime local) {
        return local == null ? null : local.atZone(clock.getZone()).toInstant();
    }

    LocalDateTime local(Instant instant) {
        return instant.atZone(clock.getZone()).toLocalDateTime();
    }

    Instant now() {
        return clock.instant();
    }

    Clock clock() {
        return clock;
    }
}
