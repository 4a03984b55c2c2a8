package vn.tcxd.evaluations;

import java.util.List;

/**
 * A rule the ratings would break if decided as they stand, found before the decision, naming the
 * ratings concerned. {@code messageKey} and {@code args} give the Vietnamese text; {@code basis} the
 * regulation.
 */
public record RatingViolation(Kind kind, List<Long> ratingIds, String messageKey, List<Object> args, String basis) {

    public enum Kind {
        /** A level that is not one of the scheme's levels for the subject. */
        LEVEL_OUTSIDE_SCHEME,
        /** Scored schemes: a level better than the score allows, or no score. */
        SCORE_BAND,
        /** Sick leave caps the level. */
        CAPPED,
        /** Discipline, targets below the threshold, degradation or a failed public-servant rating. */
        FORCED_FAIL,
        /** An organisation rated above what its members' or subordinates' ratings allow. */
        BLOCKED,
        /** Too many members "failed": the cell fails. */
        ORG_FORCED_FAIL,
        /** HTXSNV above the quota of HTTNV in a group. */
        QUOTA,
        /** An organisation decided before its members or subordinate organisations. */
        MEMBERS_UNDECIDED,
        /** No level to decide. */
        NO_LEVEL
    }
}
