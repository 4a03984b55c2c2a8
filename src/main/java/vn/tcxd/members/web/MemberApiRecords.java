package vn.tcxd.members.web;

import vn.tcxd.shared.DecisionRequest;
import vn.tcxd.members.BadgeEligibility;
import vn.tcxd.members.DisciplineForm;
import vn.tcxd.members.Gender;
import vn.tcxd.members.MemberDetails;
import vn.tcxd.members.MemberRecord;
import vn.tcxd.members.MemberState;
import vn.tcxd.members.MemberSummary;
import vn.tcxd.members.PartyAge;
import vn.tcxd.members.RemovalGround;
import vn.tcxd.members.TransferKind;
import vn.tcxd.members.TransferSummary;

import java.time.LocalDate;
import java.util.List;

/**
 * Request and response records of the members API (/api/v1/members, /api/v1/transfers).
 */
final class MemberApiRecords {

    private MemberApiRecords() {
    }

    /** The record sheet (phiếu đảng viên); coded fields take codes of /api/v1/code-lists. */
    record MemberRecordRequest(String fullName, String otherNames, Gender gender, LocalDate birthDate, String birthPlace,
                               String hometown, String ethnicity, String religion, String citizenId, String cardNumber,
                               String historyNumber, String residence, String phone, String occupation,
                               String education, String professional, String academicTitle, String theory,
                               String stateManagement) {
        MemberRecord toRecord() {
            return new MemberRecord(fullName, otherNames, gender, birthDate, birthPlace, hometown, ethnicity, religion,
                    citizenId, cardNumber, historyNumber, residence, phone, occupation, education, professional,
                    academicTitle, theory, stateManagement);
        }
    }

    record AdmitMemberRequest(MemberRecordRequest record, Long cellId, LocalDate admittedOn, DecisionRequest decision) {
    }

    record HoldCeremonyRequest(LocalDate heldOn, DecisionRequest decision) {
    }

    record RecogniseMemberRequest(DecisionRequest decision) {
    }

    record RefuseRecognitionRequest(LocalDate on, DecisionRequest decision) {
    }

    record IssueTransferRequest(TransferKind kind, Long toUnitId, String letterNumber, LocalDate issuedOn,
                                DecisionRequest decision) {
    }

    record ReceiveTransferRequest(LocalDate receivedOn, DecisionRequest decision) {
    }

    record EndTransferRequest(LocalDate on, DecisionRequest decision) {
    }

    record ExemptMemberRequest(LocalDate on, String reason, DecisionRequest decision) {
    }

    record EndExemptionRequest(LocalDate on, DecisionRequest decision) {
    }

    record DisciplineMemberRequest(DisciplineForm form, LocalDate on, DecisionRequest decision) {
    }

    record RemoveMemberRequest(RemovalGround ground, LocalDate on, DecisionRequest decision) {
    }

    record LeavePartyRequest(LocalDate on, DecisionRequest decision) {
    }

    record RecordDeathRequest(LocalDate on, DecisionRequest decision) {
    }

    record ReadmitMemberRequest(Long cellId, LocalDate on, DecisionRequest decision) {
    }

    record UpdateMemberRequest(MemberRecordRequest record, DecisionRequest decision) {
    }

    /** Party age in years, months and days, and the days without membership subtracted. */
    record PartyAgeResponse(LocalDate admissionDecision, LocalDate asOf, int years, int months, int days,
                            long interruptedDays, List<PartyAge.DateRange> interruptions) {
        static PartyAgeResponse of(PartyAge a) {
            return new PartyAgeResponse(a.admissionDecision(), a.asOf(), a.years(), a.months(), a.days(),
                    a.interruptedDays(), a.interruptions());
        }
    }

    record BadgeResponse(LocalDate occasion, Integer milestoneYears, LocalDate milestoneDate, boolean early,
                         int monthsEarly, String ruleSetCode, String legalBasis) {
        static BadgeResponse of(BadgeEligibility b) {
            return new BadgeResponse(b.occasion(), b.milestoneYears(), b.milestoneDate(), b.early(), b.monthsEarly(),
                    b.ruleSetCode(), b.legalBasis());
        }
    }

    /** A member as at a date with party age, next badge and the deadlines relevant on that date. */
    record MemberResponse(long id, MemberRecord record, LocalDate admissionDecisionDate, LocalDate ceremonyDate,
                          LocalDate fullMemberDate, LocalDate asOf, MemberState state, String unitName,
                          PartyAgeResponse partyAge, BadgeResponse nextBadge,
                          List<MemberInsights.DeadlineView> deadlines) {
        static MemberResponse of(MemberDetails m, PartyAge age, BadgeEligibility badge,
                                 List<MemberInsights.DeadlineView> deadlines) {
            return new MemberResponse(m.id(), m.record(), m.admissionDecisionDate(), m.ceremonyDate(),
                    m.fullMemberDate(), m.asOf(), m.state(), m.unitName(), age == null ? null : PartyAgeResponse.of(age),
                    badge == null ? null : BadgeResponse.of(badge), deadlines);
        }
    }

    record MemberListResponse(long unitId, LocalDate asOf, List<MemberSummary> rows, long total, int page, int size) {
    }

    /**
     * A transfer as either side sees it. {@code memberVisible} is false for the receiving side before
     * receipt: it knows the name and the letter, nothing else of the member.
     */
    record TransferResponse(long id, long memberId, String memberName, TransferKind kind, long fromUnitId,
                            long toUnitId, String letterNumber, LocalDate issuedOn, LocalDate receivedOn,
                            LocalDate endedOn, String status) {
        static TransferResponse of(TransferSummary t) {
            return new TransferResponse(t.id(), t.memberId(), t.memberName(), t.kind(), t.fromUnitId(), t.toUnitId(),
                    t.letterNumber(), t.issuedOn(), t.receivedOn(), t.endedOn(), t.status());
        }
    }

    record DueWorkResponse(long unitId, LocalDate asOf, List<MemberInsights.DueItem> items) {
    }

    record BadgeListResponse(long unitId, LocalDate occasion, List<MemberInsights.BadgeRow> rows) {
    }
}
