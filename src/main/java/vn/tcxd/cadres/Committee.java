package vn.tcxd.cadres;

import vn.tcxd.shared.DecisionRef;

import java.time.LocalDate;
import java.util.List;

/**
 * A term's committee (cấp ủy): who sat on it on {@code asOf} (highest role first, then by name), and
 * every seat of the term in the order it was taken.
 */
public record Committee(Term term, LocalDate asOf, List<Seat> members, List<Seat> seats) {

    public Committee {
        members = List.copyOf(members);
        seats = List.copyOf(seats);
    }

    public long count(CommitteeRole role) {
        return members.stream().filter(s -> s.role() == role).count();
    }

    /** A seat in one role, [joinedOn, leftOn). */
    public record Seat(long id, long termId, long memberId, String fullName, CommitteeRole role, SeatEntry entry,
                       LocalDate joinedOn, DecisionRef joinDecision, Long followsId, LocalDate leftOn, SeatExit exit,
                       DecisionRef leaveDecision) {

        public boolean heldOn(LocalDate date) {
            return !date.isBefore(joinedOn) && (leftOn == null || date.isBefore(leftOn));
        }
    }
}
