package vn.tcxd.evaluations;

import java.util.List;

/**
 * Ratings of a campaign were decided or reopened, in the transaction that did it (for the statistics
 * engine's rating tallies).
 */
public record RatingsChanged(long campaignId, Period period, List<Long> ratingIds) {
}
