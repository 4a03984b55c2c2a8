package vn.tcxd.members;

import vn.tcxd.shared.DecisionRef;

import java.time.LocalDate;
import java.util.List;

/**
 * A member's record sheet with the acts of their life in the Party, oldest first, for writing many
 * members at once ({@link MemberHistoryWriter}). Each step means exactly what the matching
 * {@link MemberAct} means to {@link Members#apply}; the first step is always {@link Admit}.
 * Transfer steps after an issue refer to the member's latest transfer.
 */
public record MemberHistory(MemberRecord record, List<Step> steps) {

    public MemberHistory {
        steps = List.copyOf(steps);
    }

    public sealed interface Step {
        DecisionRef decision();
    }

    public record Admit(long cellId, LocalDate on, DecisionRef decision) implements Step {
    }

    public record HoldCeremony(LocalDate on, DecisionRef decision) implements Step {
    }

    /** Effective at the end of probation; the decision date must not be earlier. */
    public record Recognise(DecisionRef decision) implements Step {
    }

    public record RefuseRecognition(LocalDate on, DecisionRef decision) implements Step {
    }

    public record IssueTransfer(TransferKind kind, long toUnitId, String letterNumber, LocalDate on,
                                DecisionRef decision) implements Step {
    }

    public record ReceiveTransfer(LocalDate on, DecisionRef decision) implements Step {
    }

    public record EndTemporaryTransfer(LocalDate on, DecisionRef decision) implements Step {
    }

    public record Exempt(LocalDate on, String reason, DecisionRef decision) implements Step {
    }

    public record EndExemption(LocalDate on, DecisionRef decision) implements Step {
    }

    public record Discipline(DisciplineForm form, LocalDate on, DecisionRef decision) implements Step {
    }

    public record RemoveFromList(RemovalGround ground, LocalDate on, DecisionRef decision) implements Step {
    }

    public record Leave(LocalDate on, DecisionRef decision) implements Step {
    }

    public record Die(LocalDate on, DecisionRef decision) implements Step {
    }

    public record Readmit(long cellId, LocalDate on, DecisionRef decision) implements Step {
    }
}
