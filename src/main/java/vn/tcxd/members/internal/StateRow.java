package vn.tcxd.members.internal;

import vn.tcxd.members.MemberState;
import vn.tcxd.members.MemberStatus;

import java.time.LocalDate;

/** One stored validity interval of a member's state. */
record StateRow(long id, long memberId, LocalDate validFrom, LocalDate validTo, long unitId, MemberStatus status,
                boolean exempt, boolean inTransit, Long awayUnitId) {

    MemberState toState() {
        return new MemberState(validFrom, validTo, unitId, status, exempt, inTransit, awayUnitId);
    }

    StateRow with(long unitId, MemberStatus status, boolean exempt, boolean inTransit, Long awayUnitId) {
        return new StateRow(id, memberId, validFrom, validTo, unitId, status, exempt, inTransit, awayUnitId);
    }
}
