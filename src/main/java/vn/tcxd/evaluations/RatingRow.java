package vn.tcxd.evaluations;

import vn.tcxd.orgstructure.UnitType;
import vn.tcxd.shared.DecisionRef;

import java.math.BigDecimal;

/**
 * One subject of a campaign with every step of its rating so far.
 *
 * @param unitId       the member's cell, or the rated organisation / collective's unit
 * @param deciderId    the committee that decides
 * @param quotaGroup   the group within which the quota is checked (the TCCSĐ for members)
 * @param disciplined  the discipline decided in the period (a member), shown as its decision; null if none
 */
public record RatingRow(long id, long campaignId, SubjectKind kind, Long memberId, long unitId, String unitName,
                        UnitType unitType, Long parentUnitId, String subjectName, String position, Long grassrootsId,
                        long deciderId, String deciderName, String quotaGroup,
                        RatingStatus status, NotRatedReason notRatedReason, String disciplined,
                        Inputs inputs, RatingLevel selfLevel, BigDecimal selfScore, RatingLevel proposedLevel,
                        BigDecimal proposedScore, Integer votesFor, Integer votesTotal, RatingLevel decidedLevel,
                        BigDecimal decidedScore, DecisionRef decision, String quotaOverride, int version) {

    /** The level the rating stands at: decided, else proposed, else self-assessed. */
    public RatingLevel currentLevel() {
        return decidedLevel != null ? decidedLevel : proposedLevel != null ? proposedLevel : selfLevel;
    }

    public BigDecimal currentScore() {
        return decidedScore != null ? decidedScore : proposedScore != null ? proposedScore : selfScore;
    }

    /**
     * Facts of the period the rules read (DOMAIN §3.5): sick-leave days, share of targets met, a finding
     * of degradation, a failed public-servant rating.
     */
    public record Inputs(Integer sickLeaveDays, Integer targetsPct, boolean degradation, boolean publicServantFailed) {

        public static final Inputs NONE = new Inputs(null, null, false, false);
    }
}
