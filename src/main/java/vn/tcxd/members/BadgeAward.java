package vn.tcxd.members;

import vn.tcxd.shared.DecisionRef;

import java.time.LocalDate;

/**
 * A Party Badge awarded (tặng Huy hiệu Đảng N năm), with the rule set it was judged under.
 */
public record BadgeAward(long memberId, int years, LocalDate occasion, boolean early, int monthsEarly,
                         boolean posthumous, String ruleSetCode, DecisionRef decision) {
}
