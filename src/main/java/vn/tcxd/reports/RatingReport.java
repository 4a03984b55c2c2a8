package vn.tcxd.reports;

import java.util.List;

/**
 * Everything the rating results page shows for a unit and period: the distribution, the previous
 * year's (null when the period has no previous year or nothing was rated then), the paragraph in
 * the sector's style, the comparison with the previous year, the consequence lists and the
 * not-rated subjects by name (at most {@link #LISTED}; {@code notRatedCount} says how many in all).
 */
public record RatingReport(RatingDistribution current, RatingDistribution previous, String paragraph,
                           String comparison, List<RatingCandidate> removal, List<RatingCandidate> commendation,
                           List<NotRatedSubject> notRated, long notRatedCount) {

    public static final int LISTED = 500;

    public RatingReport {
        removal = List.copyOf(removal);
        commendation = List.copyOf(commendation);
        notRated = List.copyOf(notRated);
    }
}
