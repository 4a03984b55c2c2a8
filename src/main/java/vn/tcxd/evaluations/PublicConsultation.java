package vn.tcxd.evaluations;

import java.time.Instant;
import java.util.List;

/**
 * Everything the public consultation page may show, and nothing more: the organisation's name, the
 * period, its proposed rating, its members' names with their proposed levels, the closing time, and a
 * signed stamp for the feedback form. No ids: subjects are named by keys that mean something only
 * inside this window.
 *
 * @param organisationLevel the organisation's proposed level; null when not proposed yet or not rated
 */
public record PublicConsultation(String organisationName, Period period, RatingLevel organisationLevel,
                                 boolean organisationNotRated, List<PublicSubject> members, Instant closesAt,
                                 String formStamp) {

    /** The subject key of the organisation itself in the feedback form. */
    public static final String ORGANISATION_KEY = "org";

    /**
     * One member as published: the name and the proposed level (null: no proposal yet). A member not
     * rated by rule is shown as such, never with the reason.
     */
    public record PublicSubject(String key, String name, RatingLevel proposedLevel, boolean notRated) {
    }
}
