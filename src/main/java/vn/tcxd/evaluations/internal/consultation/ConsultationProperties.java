package vn.tcxd.evaluations.internal.consultation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Limits of the public consultation (tcxd.consultation.*). The window length is local practice: HD
 * 27-HD/BTCTW (2014) asks for the results to be made public without fixing a length [R]; 30 days is
 * the default ceiling.
 *
 * @param maxDays                longest window, in days (the shortest is one day)
 * @param maxFeedbackPerHour     feedback one client (keyed hash of its address) may leave per window per hour
 * @param maxWindowFeedbackPerHour feedback one window accepts per hour from everyone together
 * @param minFillSeconds         a form sent sooner than this after it was rendered is a robot's
 * @param stampMaxAge            a form rendered longer ago than this must be reloaded
 * @param maxLinks               feedback with more links than this is refused as link spam
 * @param secret                 the server secret for stamps and client keys; blank: one made and kept in the database
 */
@ConfigurationProperties("tcxd.consultation")
public record ConsultationProperties(@DefaultValue("30") int maxDays,
                                     @DefaultValue("5") int maxFeedbackPerHour,
                                     @DefaultValue("200") int maxWindowFeedbackPerHour,
                                     @DefaultValue("3") int minFillSeconds,
                                     @DefaultValue("2h") Duration stampMaxAge,
                                     @DefaultValue("2") int maxLinks,
                                     @DefaultValue("") String secret) {

    public ConsultationProperties {
        if (maxDays < 1 || maxFeedbackPerHour < 1 || maxWindowFeedbackPerHour < 1 || minFillSeconds < 0
                || maxLinks < 0 || stampMaxAge == null || stampMaxAge.isNegative()) {
            throw new IllegalArgumentException("tcxd.consultation: limits must be positive");
        }
    }

    public static ConsultationProperties defaults() {
        return new ConsultationProperties(30, 5, 200, 3, Duration.ofHours(2), 2, "");
    }
}
