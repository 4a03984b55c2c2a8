package vn.tcxd.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The clock of legal dates, in Asia/Ho_Chi_Minh. {@code tcxd.today} pins "today" (tests, demos).
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Bean
    Clock clock(@Value("${tcxd.today:}") String today) {
        if (today.isBlank()) {
            return Clock.system(VIETNAM);
        }
        return Clock.fixed(LocalDate.parse(today).atTime(9, 0).atZone(VIETNAM).toInstant(), VIETNAM);
    }
}
