package vn.tcxd.development;

import vn.tcxd.shared.DecisionRef;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The acts of the admission pipeline. Each runs in one transaction with its audit and carries the
 * document it rests on; a broken rule throws {@link vn.tcxd.shared.RuleViolation} with a Vietnamese
 * message and nothing is written. A step taken out of order is refused.
 */
public sealed interface DevelopmentAct {

    DecisionRef decision();

    /** The cell proposes a person (the grassroots committee's monthly review puts them on its list). */
    record Propose(long cellId, CandidateRecord person, LocalDate on, String actor, DecisionRef decision)
            implements DevelopmentAct {
    }

    /** An awareness class held by a unit (lớp bồi dưỡng nhận thức về Đảng). */
    record OpenClass(long unitId, String name, LocalDate startsOn, LocalDate endsOn, DecisionRef decision)
            implements DevelopmentAct {
    }

    /** The candidate attended the class and received its certificate. */
    record Certify(long candidateId, long classId, String certificateNumber, LocalDate certificateOn, String actor,
                   DecisionRef decision) implements DevelopmentAct {
    }

    /**
     * The sponsors, by the cell's resolution: full members on {@code on}, and a union's resolution when
     * {@code resolution} is {@link SponsorKind#YOUTH_UNION} or {@link SponsorKind#TRADE_UNION} (null: none).
     */
    record Sponsor(long candidateId, List<Long> memberIds, SponsorKind resolution, LocalDate on, String actor,
                   DecisionRef decision) implements DevelopmentAct {
    }

    /**
     * The file checklist: the documents present (the others missing). The file is complete when every
     * document required is present; a complete file may be recorded again, which dates it anew.
     */
    record RecordFile(long candidateId, Set<FileDocument> present, LocalDate on, String actor, DecisionRef decision)
            implements DevelopmentAct {
    }

    /** The cell's vote: {@code inFavour} of its {@code fullMembers} full members. */
    record CellVote(long candidateId, LocalDate on, int inFavour, int fullMembers, String actor, DecisionRef decision)
            implements DevelopmentAct {
    }

    /** The grassroots committee's vote: {@code inFavour} of its {@code committeeMembers} members. */
    record CommitteeVote(long candidateId, LocalDate on, int inFavour, int committeeMembers, String actor,
                         DecisionRef decision) implements DevelopmentAct {
    }

    /** The competent committee's admission decision, dated by the decision; the member is admitted that day. */
    record Decide(long candidateId, String actor, DecisionRef decision) implements DevelopmentAct {
    }

    /** The candidacy ends without admission; the candidate stays in history. */
    record Refuse(long candidateId, LocalDate on, String reason, String actor, DecisionRef decision)
            implements DevelopmentAct {
    }

    /** Chỉ tiêu kết nạp: the admissions a unit is to make in a year (replaces an earlier figure). */
    record SetTarget(long unitId, int year, int admissions, DecisionRef decision) implements DevelopmentAct {
    }
}
