package vn.tcxd.members;

import java.time.LocalDate;

/**
 * A row of a member list as at a date.
 */
public record MemberSummary(long id, String fullName, Gender gender, LocalDate birthDate, String ethnicity,
                            String theory, MemberStatus status, boolean exempt, boolean inTransit, long unitId,
                            String cardNumber, LocalDate admissionDecisionDate) {
}
