package vn.tcxd.evaluations;

import vn.tcxd.shared.DecisionRef;

import java.util.List;

/**
 * Past rounds in bulk (the demo's eight years, a migration of earlier results): reads a campaign's
 * subjects in one lean query and decides many of its ratings at once — each becomes DECIDED with its
 * self-assessed, proposed and decided levels and a DECISION step — in a few set-based statements,
 * with one audit entry for the batch and one {@link RatingsChanged}. Checks what each rating alone
 * must satisfy (it is the campaign's, open, and the levels are the scheme's for its subject); the
 * rules across ratings (quota, blocking) are the caller's, and {@link Evaluations#check} shows them.
 */
public interface RatingHistoryWriter {

    /**
     * One subject of a campaign as the bulk path needs it: where it sits in the tree as at the roll
     * date (its unit's parent and depth), who decides, its quota group and whether a discipline falls
     * in the period.
     */
    record Subject(long ratingId, SubjectKind kind, Long memberId, long unitId, String unitType, Long parentUnitId,
                   int depth, Long grassrootsId, long deciderId, String deciderName, String quotaGroup,
                   RatingStatus status, boolean disciplined) {
    }

    /** A rating decided at {@code decided} after the subject proposed {@code self} and the cell {@code proposed}. */
    record Decided(long ratingId, RatingLevel self, RatingLevel proposed, RatingLevel decided, DecisionRef decision) {
    }

    List<Subject> subjects(long campaignId);

    /**
     * Decides every given rating of the campaign, or nothing: a {@link vn.tcxd.shared.RuleViolation}
     * names the first rating that is not the campaign's, not open, or has a level outside the scheme.
     * Returns how many were decided.
     */
    int decide(long campaignId, List<Decided> ratings, String actor);
}
