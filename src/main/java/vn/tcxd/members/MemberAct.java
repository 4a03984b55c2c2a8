package vn.tcxd.members;

import vn.tcxd.shared.DecisionRef;

import java.time.LocalDate;

/**
 * The acts of a member's life in the Party, each with its effective date and decision. Nothing
 * before the effective date changes.
 */
public sealed interface MemberAct {

    DecisionRef decision();

    /** Kết nạp: the member enters the roll of {@code cellId} as probationary from the decision's date. */
    record Admit(MemberRecord record, long cellId, LocalDate admittedOn, DecisionRef decision) implements MemberAct {
    }

    /** Lễ kết nạp: probation runs 12 months from this day. */
    record HoldCeremony(long memberId, LocalDate heldOn, DecisionRef decision) implements MemberAct {
    }

    /** Công nhận đảng viên chính thức: effective at the end of probation, however late the decision. */
    record Recognise(long memberId, DecisionRef decision) implements MemberAct {
    }

    /** Không công nhận: the probationary member is removed from the list. */
    record RefuseRecognition(long memberId, LocalDate on, DecisionRef decision) implements MemberAct {
    }

    /** The sending unit issues the transfer letter (giấy giới thiệu sinh hoạt đảng). */
    record IssueTransfer(long memberId, TransferKind kind, long toUnitId, String letterNumber, LocalDate issuedOn,
                         DecisionRef decision) implements MemberAct {
    }

    /** The receiving unit confirms receipt; the member moves to its roll (permanent transfers). */
    record ReceiveTransfer(long transferId, LocalDate receivedOn, DecisionRef decision) implements MemberAct {
    }

    /** A temporary transfer ends; the member is back in the home cell's activity. */
    record EndTemporaryTransfer(long transferId, LocalDate on, DecisionRef decision) implements MemberAct {
    }

    /** Miễn công tác và sinh hoạt đảng. */
    record Exempt(long memberId, LocalDate on, String reason, DecisionRef decision) implements MemberAct {
    }

    record EndExemption(long memberId, LocalDate on, DecisionRef decision) implements MemberAct {
    }

    /** Kỷ luật; expulsion ends membership. */
    record Discipline(long memberId, DisciplineForm form, LocalDate on, DecisionRef decision) implements MemberAct {
    }

    /** Xóa tên. */
    record RemoveFromList(long memberId, RemovalGround ground, LocalDate on, DecisionRef decision) implements MemberAct {
    }

    /** Xin ra khỏi Đảng. */
    record Leave(long memberId, LocalDate on, DecisionRef decision) implements MemberAct {
    }

    /** Từ trần. */
    record Die(long memberId, LocalDate on, DecisionRef decision) implements MemberAct {
    }

    /** Kết nạp lại: probationary again in {@code cellId}. */
    record Readmit(long memberId, long cellId, LocalDate on, DecisionRef decision) implements MemberAct {
    }

    /**
     * Tặng Huy hiệu Đảng on an award occasion (3/2, 19/5, 2/9, 7/11) to an eligible member; early
     * for serious illness when {@code seriouslyIll}, posthumously when the member has died.
     */
    record AwardBadge(long memberId, LocalDate occasion, boolean seriouslyIll, DecisionRef decision) implements MemberAct {
    }

    /** Corrects the record sheet (not the status); audited with before and after. */
    record UpdateRecord(long memberId, MemberRecord record, DecisionRef decision) implements MemberAct {
    }
}
