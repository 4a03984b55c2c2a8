package vn.tcxd.members.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.tcxd.members.BadgeEligibility;
import vn.tcxd.members.CodeItem;
import vn.tcxd.members.CodeList;
import vn.tcxd.members.Gender;
import vn.tcxd.members.MemberAct;
import vn.tcxd.members.MemberDetails;
import vn.tcxd.members.MemberEventEntry;
import vn.tcxd.members.MemberFilter;
import vn.tcxd.members.MemberPage;
import vn.tcxd.members.MemberStatus;
import vn.tcxd.members.MemberSummary;
import vn.tcxd.members.Members;
import vn.tcxd.members.PartyAge;
import vn.tcxd.members.web.MemberApiRecords.AdmitMemberRequest;
import vn.tcxd.members.web.MemberApiRecords.BadgeListResponse;
import vn.tcxd.shared.DecisionRequest;
import vn.tcxd.members.web.MemberApiRecords.DisciplineMemberRequest;
import vn.tcxd.members.web.MemberApiRecords.DueWorkResponse;
import vn.tcxd.members.web.MemberApiRecords.EndExemptionRequest;
import vn.tcxd.members.web.MemberApiRecords.EndTransferRequest;
import vn.tcxd.members.web.MemberApiRecords.ExemptMemberRequest;
import vn.tcxd.members.web.MemberApiRecords.HoldCeremonyRequest;
import vn.tcxd.members.web.MemberApiRecords.IssueTransferRequest;
import vn.tcxd.members.web.MemberApiRecords.LeavePartyRequest;
import vn.tcxd.members.web.MemberApiRecords.MemberListResponse;
import vn.tcxd.members.web.MemberApiRecords.MemberResponse;
import vn.tcxd.members.web.MemberApiRecords.ReadmitMemberRequest;
import vn.tcxd.members.web.MemberApiRecords.ReceiveTransferRequest;
import vn.tcxd.members.web.MemberApiRecords.RecogniseMemberRequest;
import vn.tcxd.members.web.MemberApiRecords.RecordDeathRequest;
import vn.tcxd.members.web.MemberApiRecords.RefuseRecognitionRequest;
import vn.tcxd.members.web.MemberApiRecords.RemoveMemberRequest;
import vn.tcxd.members.web.MemberApiRecords.TransferResponse;
import vn.tcxd.members.web.MemberApiRecords.UpdateMemberRequest;
import vn.tcxd.shared.NotFound;
import vn.tcxd.shared.RuleViolation;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * JSON API of the member registry. A member outside the caller's scope answers 404 exactly like a
 * member that does not exist; the receiving side of a transfer sees the transfer, not the member.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Đảng viên", description = "Member registry: record sheet, lifecycle acts, transfers, due work, badges")
class MemberApiController {

    private final Members members;
    private final ScopedMembers scoped;
    private final MemberInsights insights;

    MemberApiController(Members members, ScopedMembers scoped, MemberInsights insights) {
        this.members = members;
        this.scoped = scoped;
        this.insights = insights;
    }

    // ---- reads --------------------------------------------------------------------------------

    @GetMapping("/members")
    @Operation(summary = "Members by name (with or without diacritics), citizen id or card number, within scope")
    List<MemberSummary> search(@RequestParam String q, @RequestParam(required = false) LocalDate asOf,
                               @RequestParam(defaultValue = "20") int limit) {
        return members.search(q, scoped.searchRoots(), scoped.asOf(asOf), Math.clamp(limit, 1, 100));
    }

    @GetMapping("/units/{id}/members")
    @Operation(summary = "Members on the roll of the unit's subtree as at a date, filtered, in Vietnamese name order")
    MemberListResponse list(@PathVariable long id, @RequestParam(required = false) LocalDate asOf,
                            @RequestParam(required = false) MemberStatus status,
                            @RequestParam(required = false) Gender gender,
                            @RequestParam(required = false) Integer ageFrom, @RequestParam(required = false) Integer ageTo,
                            @RequestParam(required = false) String ethnicity,
                            @RequestParam(required = false) String theory,
                            @RequestParam(required = false) Boolean exempt,
                            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        scoped.requireReadUnit(id);
        LocalDate date = scoped.asOf(asOf);
        MemberFilter filter = new MemberFilter(status, gender, ageFrom, ageTo, blankToNull(ethnicity),
                blankToNull(theory), null, exempt);
        MemberPage result = members.list(id, date, filter, vn.tcxd.shared.Paging.require(page), Math.clamp(size, 1, 500));
        return new MemberListResponse(id, date, result.rows(), result.total(), result.page(), result.size());
    }

    @GetMapping("/members/{id}")
    @Operation(summary = "A member as at a date with party age, next badge and current deadlines")
    MemberResponse member(@PathVariable long id, @RequestParam(required = false) LocalDate asOf) {
        LocalDate date = scoped.asOf(asOf);
        MemberDetails m = scoped.readable(id, date);
        PartyAge age = insights.partyAge(m, date).orElse(null);
        BadgeEligibility badge = insights.nextBadge(m, date).orElse(null);
        return MemberResponse.of(m, age, badge, insights.deadlines(m, members.transfers(id), date));
    }

    @GetMapping("/members/{id}/events")
    @Operation(summary = "The member's timeline with decisions")
    List<MemberEventEntry> events(@PathVariable long id) {
        scoped.requireRead(id);
        return members.events(id);
    }

    @GetMapping("/members/{id}/transfers")
    @Operation(summary = "The member's transfers of party activity")
    List<TransferResponse> transfers(@PathVariable long id) {
        scoped.requireRead(id);
        return members.transfers(id).stream().map(TransferResponse::of).toList();
    }

    @GetMapping("/transfers/incoming")
    @Operation(summary = "Transfers in transit into the caller's scope, oldest first")
    List<TransferResponse> incoming() {
        return scoped.incoming().stream().map(TransferResponse::of).toList();
    }

    @GetMapping("/code-lists/{list}")
    @Operation(summary = "A reference code list of the record sheet (ethnicity, religion, theory …)")
    List<CodeItem> codes(@PathVariable String list) {
        CodeList codeList;
        try {
            codeList = CodeList.valueOf(list.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new NotFound("code list");
        }
        return members.codes(codeList);
    }

    @GetMapping("/units/{id}/due-work")
    @Operation(summary = "What is due or overdue in the unit's subtree today, oldest first (subtrees up to 5,000 members)")
    DueWorkResponse dueWork(@PathVariable long id) {
        scoped.requireReadUnit(id);
        LocalDate today = scoped.today();
        List<vn.tcxd.members.TransferSummary> incoming = members.incomingTransfers(id);
        return new DueWorkResponse(id, today, insights.dueWork(id, incoming, today));
    }

    @GetMapping("/units/{id}/badges")
    @Operation(summary = "Members of the subtree eligible for a Party Badge on an award occasion")
    BadgeListResponse badges(@PathVariable long id, @RequestParam LocalDate occasion) {
        scoped.requireReadUnit(id);
        return new BadgeListResponse(id, occasion, insights.badgeList(id, occasion, scoped.today()));
    }

    // ---- acts ---------------------------------------------------------------------------------

    @PostMapping("/members")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Admit a member into a cell (kết nạp)")
    MemberResponse admit(@RequestBody AdmitMemberRequest r) {
        long cell = required(r.cellId(), "cellId");
        scoped.requireWriteUnit(cell);
        if (r.record() == null) {
            throw RuleViolation.onField("record", "error.member.recordRequired");
        }
        long id = members.apply(new MemberAct.Admit(r.record().toRecord(), cell, r.admittedOn(),
                DecisionRequest.required(r.decision())));
        return member(id, null);
    }

    @PostMapping("/members/{id}/ceremony")
    @Operation(summary = "Record the admission ceremony (lễ kết nạp)")
    MemberResponse ceremony(@PathVariable long id, @RequestBody HoldCeremonyRequest r) {
        scoped.requireWrite(id);
        return applied(new MemberAct.HoldCeremony(id, r.heldOn(), DecisionRequest.required(r.decision())));
    }

    @PostMapping("/members/{id}/recognise")
    @Operation(summary = "Recognise as full member (công nhận đảng viên chính thức)")
    MemberResponse recognise(@PathVariable long id, @RequestBody RecogniseMemberRequest r) {
        scoped.requireWrite(id);
        return applied(new MemberAct.Recognise(id, DecisionRequest.required(r.decision())));
    }

    @PostMapping("/members/{id}/refuse-recognition")
    @Operation(summary = "Refuse recognition; the probationary member is removed (không công nhận)")
    MemberResponse refuseRecognition(@PathVariable long id, @RequestBody RefuseRecognitionRequest r) {
        scoped.requireWrite(id);
        return applied(new MemberAct.RefuseRecognition(id, r.on(), DecisionRequest.required(r.decision())));
    }

    @PostMapping("/members/{id}/transfer")
    @Operation(summary = "Issue a transfer letter, permanent or temporary (giấy giới thiệu sinh hoạt đảng)")
    MemberResponse transfer(@PathVariable long id, @RequestBody IssueTransferRequest r) {
        scoped.requireWrite(id);
        long to = required(r.toUnitId(), "toUnitId");
        return applied(new MemberAct.IssueTransfer(id, r.kind(), to, r.letterNumber(), r.issuedOn(),
                DecisionRequest.required(r.decision())));
    }

    @PostMapping("/transfers/{id}/receive")
    @Operation(summary = "Confirm receipt of a transfer (receiving side)")
    TransferResponse receive(@PathVariable long id, @RequestBody ReceiveTransferRequest r) {
        scoped.receivable(id);
        members.apply(new MemberAct.ReceiveTransfer(id, r.receivedOn(), DecisionRequest.required(r.decision())));
        return TransferResponse.of(members.transfer(id).orElseThrow());
    }

    @PostMapping("/transfers/{id}/end")
    @Operation(summary = "End a temporary transfer; the member is back in the home cell's activity")
    TransferResponse endTemporary(@PathVariable long id, @RequestBody EndTransferRequest r) {
        scoped.endable(id);
        members.apply(new MemberAct.EndTemporaryTransfer(id, r.on(), DecisionRequest.required(r.decision())));
        return TransferResponse.of(members.transfer(id).orElseThrow());
    }

    @PostMapping("/members/{id}/exempt")
    @Operation(summary = "Exempt from party work and activity (miễn công tác và sinh hoạt đảng)")
    MemberResponse exempt(@PathVariable long id, @RequestBody ExemptMemberRequest r) {
        scoped.requireWrite(id);
        return applied(new MemberAct.Exempt(id, r.on(), r.reason(), DecisionRequest.required(r.decision())));
    }

    @PostMapping("/members/{id}/end-exemption")
    @Operation(summary = "End the exemption")
    MemberResponse endExemption(@PathVariable long id, @RequestBody EndExemptionRequest r) {
        scoped.requireWrite(id);
        return applied(new MemberAct.EndExemption(id, r.on(), DecisionRequest.required(r.decision())));
    }

    @PostMapping("/members/{id}/discipline")
    @Operation(summary = "Discipline (kỷ luật); expulsion ends membership")
    MemberResponse discipline(@PathVariable long id, @RequestBody DisciplineMemberRequest r) {
        scoped.requireWrite(id);
        return applied(new MemberAct.Discipline(id, r.form(), r.on(), DecisionRequest.required(r.decision())));
    }

    @PostMapping("/members/{id}/remove")
    @Operation(summary = "Remove from the list (xóa tên) on a ground")
    MemberResponse remove(@PathVariable long id, @RequestBody RemoveMemberRequest r) {
        scoped.requireWrite(id);
        return applied(new MemberAct.RemoveFromList(id, r.ground(), r.on(), DecisionRequest.required(r.decision())));
    }

    @PostMapping("/members/{id}/leave")
    @Operation(summary = "Voluntary exit (xin ra khỏi Đảng)")
    MemberResponse leave(@PathVariable long id, @RequestBody LeavePartyRequest r) {
        scoped.requireWrite(id);
        return applied(new MemberAct.Leave(id, r.on(), DecisionRequest.required(r.decision())));
    }

    @PostMapping("/members/{id}/die")
    @Operation(summary = "Record a death (từ trần)")
    MemberResponse die(@PathVariable long id, @RequestBody RecordDeathRequest r) {
        scoped.requireWrite(id);
        return applied(new MemberAct.Die(id, r.on(), DecisionRequest.required(r.decision())));
    }

    @PostMapping("/members/{id}/readmit")
    @Operation(summary = "Re-admit into a cell (kết nạp lại)")
    MemberResponse readmit(@PathVariable long id, @RequestBody ReadmitMemberRequest r) {
        scoped.requireWrite(id);
        long cell = required(r.cellId(), "cellId");
        scoped.requireWriteUnit(cell);
        return applied(new MemberAct.Readmit(id, cell, r.on(), DecisionRequest.required(r.decision())));
    }

    @PostMapping("/members/{id}/edit")
    @Operation(summary = "Correct the record sheet (audited with before and after)")
    MemberResponse edit(@PathVariable long id, @RequestBody UpdateMemberRequest r) {
        scoped.requireWrite(id);
        if (r.record() == null) {
            throw RuleViolation.onField("record", "error.member.recordRequired");
        }
        return applied(new MemberAct.UpdateRecord(id, r.record().toRecord(), DecisionRequest.required(r.decision())));
    }

    private MemberResponse applied(MemberAct act) {
        long id = members.apply(act);
        return scoped.canReadMember(id) ? member(id, null) : memberWithoutDetails(id);
    }

    /** After a transfer received out of scope the sender keeps only the id: nothing more to show. */
    private static MemberResponse memberWithoutDetails(long id) {
        return new MemberResponse(id, null, null, null, null, null, null, null, null, null, List.of());
    }

    private static long required(Long id, String field) {
        if (id == null) {
            throw RuleViolation.onField(field, "error.unit.codeRequired");
        }
        return id;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
