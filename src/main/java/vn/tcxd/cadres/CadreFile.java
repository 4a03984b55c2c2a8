package vn.tcxd.cadres;

import vn.tcxd.evaluations.RatingLevel;
import vn.tcxd.members.DisciplineForm;
import vn.tcxd.members.Gender;
import vn.tcxd.shared.DecisionRef;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A cadre's file (hồ sơ cán bộ): the member's record-sheet facts read from members, never copied; the
 * positions held over time, committee seats, planning, training, rotations; ratings as a leader from
 * the annual review and disciplines from members.
 *
 * @param managers the units whose commissions keep the file: those managing the cadre's current
 *                 posts, or the last ones when none is current
 */
public record CadreFile(long memberId, String fullName, Gender gender, LocalDate birthDate, String ethnicity,
                        String education, String professional, String theory, String stateManagement,
                        Long unitId, String unitName, LocalDate retirementDate, List<Incumbency> positions,
                        List<SeatHeld> seats, List<PlanEntry> plans, List<Training> training,
                        List<Rotation> rotations, List<LeaderRating> ratings, List<Discipline> disciplines,
                        List<ConfidenceVote> confidenceVotes, Set<Long> managers) {

    /** A seat with the term it belongs to. */
    public record SeatHeld(Term term, Committee.Seat seat) {
    }

    /** A decided rating of the annual review, as a leader (LEADER) or as a member. */
    public record LeaderRating(int year, String periodKind, boolean asLeader, String unitName, RatingLevel level,
                               LocalDate decidedOn) {
    }

    public record Discipline(LocalDate on, DisciplineForm form, DecisionRef decision) {
    }

    /**
     * A concluded confidence vote on the cadre: {@code low} of {@code base}; removal: over half low (out of
     * planning for higher titles); dismissal: the QĐ 41 procedure is to be considered.
     */
    public record ConfidenceVote(String session, LocalDate votedOn, int low, int base, boolean removal, boolean dismissal,
                                 String legalBasis) {
    }
}
