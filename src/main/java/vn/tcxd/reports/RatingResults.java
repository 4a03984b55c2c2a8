package vn.tcxd.reports;

import vn.tcxd.evaluations.Period;

import java.util.List;
import java.util.Locale;

/**
 * Facade of the rating results in the statistics engine (issue 5, Results): the distribution of the
 * decided ratings of any unit's subtree for a period — from tallies kept on every decision for the
 * upper units, counted from the ratings below them — the paragraph in the sector's style with the
 * base of every share, the comparison with the previous year, the consequence lists, and the
 * exports. Reads do not check the caller's scope; web layers do that with OrgScope.
 */
public interface RatingResults {

    RatingDistribution distribution(long unitId, Period period);

    /** The page's content: distributions of the period and the year before, the texts, the lists. */
    RatingReport report(long unitId, Period period, Locale locale);

    /** Members of the subtree rated at the failed level in {@code year} and the year before (consider removal). */
    List<RatingCandidate> removalCandidates(long unitId, int year);

    /** Members of the subtree rated at the top level in each of the five years to {@code year} (commendation). */
    List<RatingCandidate> commendationCandidates(long unitId, int year);

    /** One sheet per table (summary first, the paragraph under it), counts as numbers. */
    byte[] xlsx(long unitId, Period period, Locale locale);

    /** The same tables in the party-document layout. */
    byte[] pdf(long unitId, Period period, Locale locale);

    /** After a bulk load of ratings: recounts every tally from the ratings; returns the ratings counted. */
    int rebuildTallies();
}
