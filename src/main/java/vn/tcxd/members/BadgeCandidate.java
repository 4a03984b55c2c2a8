package vn.tcxd.members;

import java.time.LocalDate;

/**
 * A member of a subtree eligible for a Party Badge on an occasion.
 */
public record BadgeCandidate(long memberId, String fullName, long unitId, LocalDate admissionDecisionDate,
                             BadgeEligibility eligibility) {
}
