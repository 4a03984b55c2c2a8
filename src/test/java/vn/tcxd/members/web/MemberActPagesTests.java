package vn.tcxd.members.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.tcxd.Http;
import vn.tcxd.IntegrationTest;
import vn.tcxd.members.Gender;
import vn.tcxd.members.MemberAct;
import vn.tcxd.members.MemberEventKind;
import vn.tcxd.members.MemberMother;
import vn.tcxd.members.MemberRecord;
import vn.tcxd.members.MemberStatus;
import vn.tcxd.members.Members;
import vn.tcxd.members.RemovalGround;
import vn.tcxd.members.TransferKind;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.TreeFixture;
import vn.tcxd.security.Accounts;
import vn.tcxd.security.Role;
import vn.tcxd.security.ScopeGrant;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The act forms over real HTTP not covered by MemberPagesTests (discipline, exit, death,
 * re-admission, record corrections), each done once and refused once with the Vietnamese error and
 * nothing written; and the running temporary stays of /members/transfers, ended with a decision by
 * the host province only.
 */
@IntegrationTest
class MemberActPagesTests {

    private static final String PASSWORD = "mat-khau-thu-nghiem-9";
    private static final LocalDate ADMITTED = LocalDate.of(2023, 1, 10);

    @LocalServerPort
    int port;

    @Autowired
    OrgStructure org;

    @Autowired
    Members members;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    TreeFixture tree;
    Http staffP;
    Http staffQ;
    long lan;

    @BeforeEach
    void setUp() {
        tree = TreeFixture.standard(org);
        String suffix = tree.prefix().toLowerCase();
        accounts.create("ma.p." + suffix, "Cán bộ P", PASSWORD, false, List.of(new ScopeGrant(tree.id("P"), Role.STAFF)));
        accounts.create("ma.q." + suffix, "Cán bộ Q", PASSWORD, false, List.of(new ScopeGrant(tree.id("Q"), Role.STAFF)));
        staffP = Http.on(port);
        staffP.login("ma.p." + suffix, PASSWORD);
        staffQ = Http.on(port);
        staffQ.login("ma.q." + suffix, PASSWORD);
        lan = members.apply(new MemberAct.Admit(MemberMother.record("Phạm Thị Lan", Gender.FEMALE, LocalDate.of(1998, 7, 2)),
                tree.id("X1C1"), ADMITTED, MemberMother.decision("3-QĐ/HU", ADMITTED)));
        members.apply(new MemberAct.HoldCeremony(lan, LocalDate.of(2023, 2, 1),
                MemberMother.decision("Biên bản lễ kết nạp", LocalDate.of(2023, 2, 1))));
    }

    private HttpResponse<String> act(String operation, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.putIfAbsent("decisionNumber", "12-QĐ/ĐU");
        all.putIfAbsent("decisionBody", "Đảng ủy xã Tân Lập");
        String path = "/members/" + lan + "/" + operation;
        return staffP.postForm(path, path, all);
    }

    private void assertDone(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/members/" + lan);
    }

    /** Re-rendered (200) with the Vietnamese message in the form's error and no event written. */
    private void assertRefused(HttpResponse<String> response, int eventsBefore, String vietnamese) {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("id=\"form-error\"").contains(vietnamese).contains("<form");
        assertThat(members.events(lan)).hasSize(eventsBefore);
    }

    private MemberEventKind lastKind() {
        return members.events(lan).getLast().kind();
    }

    @Test
    void shouldDisciplineWhenTheFormIsFitForAProbationaryMember() {
        int events = members.events(lan).size();
        assertRefused(act("discipline", Map.of("on", "2024-03-01", "decisionDate", "2024-03-01",
                "disciplineForm", "EXPULSION")), events, "Đảng viên dự bị chỉ bị khiển trách hoặc cảnh cáo");
        assertThat(members.stateOn(lan, LocalDate.of(2024, 3, 1)).orElseThrow().status()).isEqualTo(MemberStatus.PROBATIONARY);
        assertDone(act("discipline", Map.of("on", "2024-03-01", "decisionDate", "2024-03-01", "disciplineForm", "WARNING")));
        assertThat(lastKind()).isEqualTo(MemberEventKind.DISCIPLINED);
        assertThat(members.events(lan).getLast().decision().number()).isEqualTo("12-QĐ/ĐU");
    }

    @Test
    void shouldRecordLeavingOnlyWhileOnTheRoll() {
        int events = members.events(lan).size();
        assertRefused(act("leave", Map.of("on", "2022-12-01", "decisionDate", "2022-12-01")), events,
                "không có tên trong danh sách đảng viên");
        assertDone(act("leave", Map.of("on", "2024-05-02", "decisionDate", "2024-05-02")));
        assertThat(members.stateOn(lan, LocalDate.of(2024, 5, 2)).orElseThrow().status()).isEqualTo(MemberStatus.LEFT);
    }

    @Test
    void shouldRecordDeathButNotInTheFuture() {
        int events = members.events(lan).size();
        assertRefused(act("die", Map.of("on", "2099-01-01", "decisionDate", "2024-06-03")), events, "ở tương lai");
        assertDone(act("die", Map.of("on", "2024-06-01", "decisionDate", "2024-06-03")));
        assertThat(members.stateOn(lan, LocalDate.of(2024, 6, 1)).orElseThrow().status()).isEqualTo(MemberStatus.DIED);
    }

    /** QĐ 24-QĐ/TW item 3.5.1: re-admission at least 36 months after leaving the Party. */
    @Test
    void shouldReadmitOnlyThirtySixMonthsAfterRemoval() {
        LocalDate removed = LocalDate.of(2023, 6, 1);
        members.apply(new MemberAct.RemoveFromList(lan, RemovalGround.LOST_WILL, removed,
                MemberMother.decision("5-QĐ/HU", removed)));
        int events = members.events(lan).size();
        assertRefused(act("readmit", Map.of("on", "2025-01-02", "decisionDate", "2025-01-02",
                "targetCode", tree.code("X1C2"))), events, "Chỉ xem xét kết nạp lại sau ít nhất 36 tháng");
        assertThat(members.stateOn(lan, LocalDate.of(2025, 1, 2)).orElseThrow().status()).isEqualTo(MemberStatus.REMOVED);
        assertDone(act("readmit", Map.of("on", "2026-06-01", "decisionDate", "2026-06-01", "targetCode", tree.code("X1C2"))));
        var state = members.stateOn(lan, LocalDate.of(2026, 6, 1)).orElseThrow();
        assertThat(state.status()).isEqualTo(MemberStatus.PROBATIONARY);
        assertThat(state.unitId()).isEqualTo(tree.id("X1C2"));
    }

    private Map<String, String> recordFields(MemberRecord r, String birthDate, String residence) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("fullName", r.fullName());
        f.put("gender", r.gender().name());
        f.put("birthDate", birthDate);
        f.put("ethnicity", r.ethnicity());
        f.put("religion", r.religion());
        f.put("citizenId", r.citizenId());
        f.put("residence", residence);
        f.put("decisionNumber", "14-QĐ/ĐU");
        f.put("decisionDate", "2024-07-01");
        f.put("decisionBody", "Đảng ủy xã Tân Lập");
        return f;
    }

    @Test
    void shouldCorrectTheRecordSheetAndRefuseABirthDateAfterAdmission() {
        MemberRecord before = members.member(lan, ADMITTED).orElseThrow().record();
        int events = members.events(lan).size();
        String path = "/members/" + lan + "/edit";
        assertRefused(staffP.postForm(path, path, recordFields(before, "2023-02-01", "Thôn Đoài")), events,
                "Ngày kết nạp phải sau ngày sinh");
        assertThat(members.member(lan, ADMITTED).orElseThrow().record()).isEqualTo(before);
        assertDone(staffP.postForm(path, path, recordFields(before, "1998-07-02", "Thôn Đoài, xã Tân Lập")));
        assertThat(members.member(lan, ADMITTED).orElseThrow().record().residence()).isEqualTo("Thôn Đoài, xã Tân Lập");
        assertThat(lastKind()).isEqualTo(MemberEventKind.RECORD_UPDATED);
    }

    // ---- running temporary stays ------------------------------------------------------------------

    private long hostedStay() {
        long hung = members.apply(new MemberAct.Admit(MemberMother.record("Vũ Văn Hùng", Gender.MALE, LocalDate.of(1990, 4, 4)),
                tree.id("X2C1"), ADMITTED, MemberMother.decision("4-QĐ/HU", ADMITTED)));
        LocalDate issued = LocalDate.of(2026, 3, 2);
        members.apply(new MemberAct.IssueTransfer(hung, TransferKind.TEMPORARY, tree.id("X1C1"), "GGT-T9", issued,
                MemberMother.decision("GGT-T9", issued)));
        long transfer = members.transfers(hung).getLast().id();
        members.apply(new MemberAct.ReceiveTransfer(transfer, issued.plusDays(3),
                MemberMother.decision("XN-T9", issued.plusDays(3))));
        return transfer;
    }

    @Test
    void shouldListRunningStaysOnlyToTheHostProvinceAndEndThemWithADecision() {
        long transfer = hostedStay();
        var page = staffP.get("/members/transfers");
        assertThat(page.body()).contains("Đang sinh hoạt tạm thời tại đơn vị").contains("id=\"hosted-" + transfer + "\"")
                .contains("Vũ Văn Hùng").contains("GGT-T9").contains("5/3/2026");
        var other = staffQ.get("/members/transfers");
        assertThat(other.body()).doesNotContain("Vũ Văn Hùng").contains("Không có đảng viên nào đang sinh hoạt tạm thời");
        String end = "/members/transfers/" + transfer + "/end";
        var foreign = staffQ.postForm("/members/transfers", end, Map.of("on", "2026-09-01", "decisionNumber", "1-Q",
                "decisionDate", "2026-09-01", "decisionBody", "Đảng ủy xã Mồi"));
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(members.transfer(transfer).orElseThrow().status()).isEqualTo("RECEIVED");

        var noDecision = staffP.postForm("/members/transfers", end, Map.of("on", "2026-09-01", "decisionNumber", " ",
                "decisionDate", "2026-09-01", "decisionBody", "Chi bộ thôn Đông"));
        assertThat(noDecision.statusCode()).isEqualTo(200);
        assertThat(noDecision.body()).contains("id=\"form-error\"").contains("là bắt buộc");
        assertThat(members.transfer(transfer).orElseThrow().status()).isEqualTo("RECEIVED");

        var done = staffP.postForm("/members/transfers", end, Map.of("on", "2026-09-01", "decisionNumber", "GGT-T9/KT",
                "decisionDate", "2026-09-01", "decisionBody", "Chi bộ thôn Đông"));
        assertThat(done.statusCode()).isEqualTo(302);
        var ended = members.transfer(transfer).orElseThrow();
        assertThat(ended.status()).isEqualTo("ENDED");
        assertThat(ended.endedOn()).isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(jdbc.sql("select count(*) from security.audit_entry where entity_id = ? and action = ? and decision_number = ?")
                .params(Long.toString(ended.memberId()), "members.TEMPORARY_TRANSFER_ENDED", "GGT-T9/KT")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(staffP.get("/members/transfers").body()).doesNotContain("id=\"hosted-" + transfer + "\"");
    }
}
