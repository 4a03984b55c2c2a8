package vn.tcxd.members;

import java.time.LocalDate;

/**
 * A probationary member on the roll, with the dates the admission deadlines count from.
 */
public record Probationer(long memberId, String fullName, long unitId, LocalDate admissionDecisionDate,
                          LocalDate ceremonyDate) {
}
