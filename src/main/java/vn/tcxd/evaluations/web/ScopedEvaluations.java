package vn.tcxd.evaluations.web;

import org.springframework.stereotype.Component;
import vn.tcxd.evaluations.CampaignSummary;
import vn.tcxd.evaluations.Evaluations;
import vn.tcxd.evaluations.RatingRow;
import vn.tcxd.orgstructure.OrgScope;
import vn.tcxd.shared.NotFound;
import vn.tcxd.shared.scope.AccessScope;
import vn.tcxd.shared.scope.CurrentAccess;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * The current user's view of the review: a campaign is seen through a unit it covers and the user
 * may read; a rating through its unit; proposals need write scope on the subject's unit, decisions
 * on the deciding committee. Anything outside answers 404 like something that does not exist.
 */
@Component
class ScopedEvaluations {

    private final Evaluations evaluations;
    private final OrgScope orgScope;
    private final CurrentAccess access;
    private final Clock clock;

    ScopedEvaluations(Evaluations evaluations, OrgScope orgScope, CurrentAccess access, Clock clock) {
        this.evaluations = evaluations;
        this.orgScope = orgScope;
        this.access = access;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    AccessScope scope() {
        return access.scope();
    }

    void requireReadUnit(long unitId) {
        orgScope.requireRead(scope(), unitId);
    }

    void requireWriteUnit(long unitId) {
        orgScope.requireWrite(scope(), unitId);
    }

    boolean canWriteUnit(long unitId) {
        return orgScope.canWrite(scope(), unitId);
    }

    List<Long> readableRoots() {
        return orgScope.readableRoots(scope());
    }

    /** The campaign, seen from a unit it covers that the user may read. */
    CampaignSummary campaignFor(long campaignId, long unitId) {
        requireReadUnit(unitId);
        CampaignSummary c = evaluations.campaign(campaignId).orElseThrow(() -> new NotFound("campaign"));
        if (!orgScope.isWithin(unitId, c.unitId(), c.rollDate())) {
            throw new NotFound("campaign");
        }
        return c;
    }

    /**
     * The unit to enter a campaign listed on {@code unitId}'s page through: that unit when the campaign covers
     * it, else the campaign's own root (a campaign opened inside the unit's subtree).
     */
    long entryUnit(CampaignSummary c, long unitId) {
        return orgScope.isWithin(unitId, c.unitId(), c.rollDate()) ? unitId : c.unitId();
    }

    RatingRow readableRating(long ratingId) {
        RatingRow r = evaluations.rating(ratingId).orElseThrow(() -> new NotFound("rating"));
        requireReadUnit(r.unitId());
        return r;
    }

    /** The ratings of a sheet, each writable by the user (the cell or above). */
    void requireWritableRatings(long campaignId, Collection<Long> ratingIds) {
        for (Long id : ratingIds) {
            RatingRow r = evaluations.rating(id).orElseThrow(() -> new NotFound("rating"));
            if (r.campaignId() != campaignId) {
                throw new NotFound("rating");
            }
            requireWriteUnit(r.unitId());
        }
    }

    /** The ratings a committee decides: each must be that committee's, and the user must write for it. */
    void requireDecidable(long campaignId, long deciderId, Collection<Long> ratingIds) {
        requireWriteUnit(deciderId);
        java.util.Set<Long> its = evaluations.toDecide(campaignId, deciderId).stream().map(RatingRow::id)
                .collect(java.util.stream.Collectors.toSet());
        if (!its.containsAll(ratingIds)) {
            throw new NotFound("rating");
        }
    }
}
