package vn.tcxd.reports;

import vn.tcxd.evaluations.Period;

import java.util.List;

/**
 * The ratings of a unit's subtree (as at each campaign's roll date) for a period, per class of
 * subject, under the scheme of the period. {@code source} is {@link FigureSource#LIVE} when read
 * from the tallies kept on every decision, {@link FigureSource#HISTORY} when counted from the ratings.
 */
public record RatingDistribution(long unitId, Period period, String schemeCode, List<RatingFigures> classes,
                                 FigureSource source) {

    public RatingDistribution {
        classes = List.copyOf(classes);
    }

    public RatingFigures of(RatingClass subjectClass) {
        return classes.stream().filter(c -> c.subjectClass() == subjectClass).findFirst().orElseThrow();
    }

    /** Whether anything was rated or listed at all. */
    public boolean isEmpty() {
        return classes.stream().allMatch(RatingFigures::isEmpty);
    }
}
