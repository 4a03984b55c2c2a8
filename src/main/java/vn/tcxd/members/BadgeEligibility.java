package vn.tcxd.members;

import java.time.LocalDate;

/**
 * Whether a member may receive (or be awarded posthumously) a Party Badge (Huy hiệu Đảng) on one
 * award occasion, and under which rule set.
 *
 * @param milestoneYears the badge (30, 40, 45 … 90 years), null when none is due
 * @param milestoneDate  the day party age reaches the milestone, null when none is due
 * @param monthsEarly    whole months, rounded up, by which the milestone date lies after the
 *                       reference date (the occasion, or the death date for a posthumous award); 0 when not early
 * @param posthumous     the member died on or before the occasion (truy tặng)
 */
public record BadgeEligibility(LocalDate occasion, Integer milestoneYears, LocalDate milestoneDate, boolean early,
                               int monthsEarly, boolean posthumous, String ruleSetCode, String legalBasis) {

    public boolean eligible() {
        return milestoneYears != null;
    }

    static BadgeEligibility none(LocalDate occasion, boolean posthumous, String ruleSetCode, String legalBasis) {
        return new BadgeEligibility(occasion, null, null, false, 0, posthumous, ruleSetCode, legalBasis);
    }
}
