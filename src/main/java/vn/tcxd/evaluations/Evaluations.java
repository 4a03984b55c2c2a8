package vn.tcxd.evaluations;

import java.util.List;
import java.util.Optional;

/**
 * Facade of the annual review. Reads do not check the caller's scope; the web layer does, with
 * {@link vn.tcxd.orgstructure.OrgScope} on the rating's unit and decider.
 */
public interface Evaluations {

    /** Every rating scheme, oldest first. */
    List<RatingScheme> schemes();

    /** The scheme valid at the end of the period; a Vietnamese error when none is or it has no such period. */
    RatingScheme schemeFor(Period period);

    RatingScheme scheme(String code);

    Optional<CampaignSummary> campaign(long campaignId);

    /** Campaigns covering the unit (opened for it or an ancestor) or opened inside its subtree, latest first. */
    List<CampaignSummary> campaigns(long unitId);

    /** The campaign that covers the unit for the period, if any. */
    Optional<CampaignSummary> campaignCovering(long unitId, Period period);

    Optional<RatingRow> rating(long ratingId);

    /** The subjects in the unit's subtree (as at the campaign's roll date), members first, then in name order. */
    List<RatingRow> ratings(long campaignId, long unitId, SubjectKind kind);

    /** The subjects {@code deciderId} decides: what the committee's decision screen lists. */
    List<RatingRow> toDecide(long campaignId, long deciderId);

    /** Whether the unit decides any rating of the campaign (a cheap test for its decision screen). */
    boolean decides(long campaignId, long deciderId);

    List<RatingStep> steps(long ratingId);

    /** Subjects by kind and status in the unit's subtree. */
    RatingProgress progress(long campaignId, long unitId);

    /**
     * The rules the committee's ratings would break if decided at their current levels (proposed, or
     * decided earlier), with the members or units named: what the committee sees before deciding.
     */
    List<RatingViolation> check(long campaignId, long deciderId);

    /** Applies the act in one transaction; returns the campaign id (open) or the affected rating's id. */
    long apply(EvaluationAct act);
}
