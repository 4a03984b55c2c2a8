package vn.tcxd.members;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Party Badge eligibility (Huy hiệu Đảng) under the rule set valid on the award occasion; see
 * {@link BadgeRuleSet} for the exact boundaries.
 */
public interface BadgeRules {

    /**
     * The badge a member may receive on {@code occasion}. A {@link vn.tcxd.shared.RuleViolation} when
     * the date is not an award occasion of the rule set valid on it, or no rule set covers it.
     *
     * @param alreadyAwarded milestones (years) the member has received
     * @param deathDate      null for a living member; a death after the occasion counts as living
     */
    BadgeEligibility eligibleAt(LocalDate occasion, LocalDate admissionDecision, List<PartyAge.DateRange> interruptions,
                                Set<Integer> alreadyAwarded, boolean seriouslyIll, LocalDate deathDate);

    /** The award occasions of a year, in date order (3/2, 19/5, 2/9, 7/11 under HD 01/2021). */
    List<LocalDate> occasions(int year);

    /** The first occasion on or after {@code date} (the same day when {@code date} is an occasion). */
    LocalDate nextOccasion(LocalDate date);

    BadgeRuleSet ruleSetOn(LocalDate date);
}
