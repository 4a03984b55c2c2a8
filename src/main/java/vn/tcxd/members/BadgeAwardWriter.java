package vn.tcxd.members;

import vn.tcxd.shared.DecisionRef;

import java.time.LocalDate;
import java.util.List;

/**
 * Party Badge awards of one occasion for many members at once (a provincial standing board's
 * decision for a round, or a province's past awards), judged by the same rules as
 * {@link MemberAct.AwardBadge}: full members only, the milestone reached by the occasion (no early
 * award), under the badge rule set of the occasion. Set-based, one audit entry for the round.
 */
public interface BadgeAwardWriter {

    /**
     * Awards every member the badge they are due on {@code occasion}; nothing is written when one of
     * them is not due (a {@link vn.tcxd.shared.RuleViolation} naming the member). Returns how many.
     */
    int awardOnOccasion(List<Long> memberIds, LocalDate occasion, DecisionRef decision, long auditUnitId);
}
