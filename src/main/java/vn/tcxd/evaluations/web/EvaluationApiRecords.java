package vn.tcxd.evaluations.web;

import vn.tcxd.evaluations.CampaignSummary;
import vn.tcxd.evaluations.EvaluationAct;
import vn.tcxd.evaluations.PeriodKind;
import vn.tcxd.evaluations.RatingLevel;
import vn.tcxd.evaluations.RatingProgress;
import vn.tcxd.evaluations.RatingRow;
import vn.tcxd.evaluations.RatingStep;
import vn.tcxd.evaluations.RatingViolation;
import vn.tcxd.shared.DecisionRequest;

import java.math.BigDecimal;
import java.util.List;

/** Request and response records of the review API. */
final class EvaluationApiRecords {

    private EvaluationApiRecords() {
    }

    record OpenCampaignRequest(PeriodKind periodKind, Integer year, Integer periodNo) {
    }

    record CampaignResponse(CampaignSummary campaign, RatingProgress progress) {
    }

    record ProposalsRequest(List<EvaluationAct.Proposal> proposals) {
    }

    record DecisionItemRequest(long ratingId, RatingLevel level, BigDecimal score, String overrideReason) {
        EvaluationAct.DecisionItem toItem() {
            return new EvaluationAct.DecisionItem(ratingId, level, score, overrideReason);
        }
    }

    record DecideRequest(List<DecisionItemRequest> items, DecisionRequest decision) {
    }

    record ReopenRequest(String reason) {
    }

    record AddLeaderRequest(Long memberId, Long unitId, String position) {
    }

    record RatingResponse(RatingRow rating, List<RatingStep> steps) {
    }

    /** A violation with its Vietnamese (or English) text resolved. */
    record ViolationResponse(RatingViolation.Kind kind, List<Long> ratingIds, String message, String basis) {
    }
}
