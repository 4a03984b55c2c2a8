package vn.tcxd.votes;

import vn.tcxd.shared.DecisionRef;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A vote session (đợt lấy phiếu tín nhiệm): the body of a unit that votes on a date, the window in which
 * ballots may be cast, the voters convened with their attendance, the counting board and the people
 * voted on. {@code present}, {@code electronic} and {@code paper} are null until attendance is taken.
 *
 * @param decision the decision (or notice) convening the session
 * @param paperCount the counting board's paper figures, null until entered
 */
public record VoteSession(long id, long unitId, String unitName, Long termId, SessionBody body, String name,
                          LocalDate heldOn, Instant opensAt, Instant closesAt, String ruleSetCode,
                          VoteRuleSet.Denominator denominator, SessionState state, DecisionRef decision,
                          int convened, Integer present, Integer electronic, Integer paper, int ballotsCast,
                          PaperCount paperCount, LocalDate concludedOn, DecisionRef resultDecision,
                          List<Voter> voters, List<Candidate> candidates) {

    public VoteSession {
        voters = List.copyOf(voters);
        candidates = List.copyOf(candidates);
    }

    public boolean openAt(Instant now) {
        return state == SessionState.VOTING && !now.isBefore(opensAt) && now.isBefore(closesAt);
    }

    /** A voter convened: present and how they vote once attendance is taken; counting: on the counting board. */
    public record Voter(long memberId, String fullName, String position, Boolean present, BallotMode mode,
                        boolean credentialReceived, CountingRole counting) {
    }

    /** A person voted on, with the title they hold on the session's date. */
    public record Candidate(long memberId, long incumbencyId, String fullName, String titleName, String unitName,
                            int ordinal) {
    }

    /**
     * The counting board's paper figures: ballots collected, invalid ones by reason (QĐ 262 Art. 7.2), and
     * the counts of each person's levels on the valid ones.
     */
    public record PaperCount(int collected, int invalidNotIssued, int invalidStruck, int invalidAdded,
                             int invalidBoxes, List<PaperTally> tallies) {

        public PaperCount {
            tallies = List.copyOf(tallies);
        }

        public int invalid() {
            return invalidNotIssued + invalidStruck + invalidAdded + invalidBoxes;
        }

        public int valid() {
            return collected - invalid();
        }
    }

    public record PaperTally(long memberId, int high, int confidence, int low) {
    }

    /** How a present voter votes (labels: {@code ballotMode.<NAME>}). */
    public enum BallotMode { ELECTRONIC, PAPER }

    /** Ban kiểm phiếu: trưởng ban or thành viên (labels: {@code countingRole.<NAME>}). */
    public enum CountingRole { HEAD, MEMBER }

    /** A line of a unit's list of sessions. */
    public record Summary(long id, long unitId, String name, SessionBody body, LocalDate heldOn, SessionState state, int convened,
                          Integer present, int candidates, String ruleSetCode) {
    }
}
