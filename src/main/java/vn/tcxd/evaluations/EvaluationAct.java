package vn.tcxd.evaluations;

import vn.tcxd.shared.DecisionRef;

import java.math.BigDecimal;
import java.util.List;

/**
 * The commands of the review workflow. Each is applied in one transaction with its steps and audit;
 * a broken rule throws {@link vn.tcxd.shared.RuleViolation} and nothing is written.
 */
public sealed interface EvaluationAct {

    /** Opens the review of {@code period} for the subtree of {@code unitId}, with its subjects as at today or the period end. */
    record OpenCampaign(long unitId, Period period) implements EvaluationAct {
    }

    /** Adds the members who came onto the roll and units set up since the campaign opened. */
    record RefreshSubjects(long campaignId) implements EvaluationAct {
    }

    /** Adds an individual leader (cá nhân cán bộ lãnh đạo, quản lý) with the post they are rated in. */
    record AddLeader(long campaignId, long memberId, long unitId, String position) implements EvaluationAct {
    }

    /** The facts of the period the rules read. */
    record RecordInputs(long ratingId, RatingRow.Inputs inputs) implements EvaluationAct {
    }

    /** The subject's own proposed level (and score under scored schemes). */
    record SelfAssess(long ratingId, RatingLevel level, BigDecimal score) implements EvaluationAct {
    }

    /**
     * The cell's sheet: for each subject the self-assessment it handed in and the cell's proposal with the
     * vote where one was taken; either may be absent. One transaction for the whole sheet.
     */
    record Propose(List<Proposal> proposals) implements EvaluationAct {
    }

    record Proposal(long ratingId, RatingLevel selfLevel, BigDecimal selfScore, RatingLevel level, BigDecimal score,
                    Integer votesFor, Integer votesTotal) {

        public static Proposal of(long ratingId, RatingLevel level, BigDecimal score, Integer votesFor, Integer votesTotal) {
            return new Proposal(ratingId, null, null, level, score, votesFor, votesTotal);
        }
    }

    /**
     * The committee decides the ratings, as proposed unless a level is given. An HTXSNV above the quota
     * needs {@code overrideReason} on its item.
     */
    record Decide(List<DecisionItem> items, DecisionRef decision) implements EvaluationAct {
    }

    record DecisionItem(long ratingId, RatingLevel level, BigDecimal score, String overrideReason) {

        public static DecisionItem asProposed(long ratingId) {
            return new DecisionItem(ratingId, null, null, null);
        }
    }

    /** Reopens a decided rating; the reason is recorded and the earlier decision kept in its steps. */
    record Reopen(long ratingId, String reason) implements EvaluationAct {
    }
}
