package vn.tcxd.members;

import java.time.LocalDate;

/**
 * Where a member stands on a date: the roll that counts them, status, exemption, and transfers.
 *
 * @param inTransit    a permanent transfer letter is out and the receiving unit has not confirmed;
 *                     the member is still counted by {@code unitId}, exactly once
 * @param awayUnitId   host cell of a temporary transfer (not counted there)
 */
public record MemberState(LocalDate validFrom, LocalDate validTo, long unitId, MemberStatus status, boolean exempt,
                          boolean inTransit, Long awayUnitId) {
}
