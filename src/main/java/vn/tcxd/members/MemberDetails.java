package vn.tcxd.members;

import java.time.LocalDate;

/**
 * A member as at {@code asOf}; {@code state} is null when the member was not yet admitted then.
 */
public record MemberDetails(long id, MemberRecord record, LocalDate admissionDecisionDate, LocalDate ceremonyDate,
                            LocalDate fullMemberDate, LocalDate asOf, MemberState state, String unitName) {
}
