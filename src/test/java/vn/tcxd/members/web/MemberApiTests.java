package vn.tcxd.members.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.tcxd.Http;
import vn.tcxd.IntegrationTest;
import vn.tcxd.members.Gender;
import vn.tcxd.members.MemberAct;
import vn.tcxd.members.MemberMother;
import vn.tcxd.members.Members;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.Reorganisation;
import vn.tcxd.orgstructure.TreeFixture;
import vn.tcxd.orgstructure.UnitType;
import vn.tcxd.security.Accounts;
import vn.tcxd.security.Role;
import vn.tcxd.security.ScopeGrant;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The members API over real HTTP with Basic authentication: scope isolation between the fixture's
 * provinces P and Q (search, list, profile, acts, error texts), a transfer from P confirmed by Q,
 * Problem Details in Vietnamese, due work and badges.
 */
@IntegrationTest
class MemberApiTests {

    private static final String PASSWORD = "mat-khau-thu-nghiem-9";

    @LocalServerPort
    int port;

    @Autowired
    OrgStructure org;

    @Autowired
    Members members;

    @Autowired
    Accounts accounts;

    TreeFixture tree;
    long decoyCell;
    long oldRoot;
    long oldCell;
    String staffP;
    String viewerP;
    String staffQ;
    long hoa;
    Http http;

    @BeforeEach
    void setUp() {
        tree = TreeFixture.standard(org);
        decoyCell = org.apply(new Reorganisation.Establish(new Reorganisation.NewUnit(tree.code("QXC1"), "Chi bộ thôn Mồi",
                null, UnitType.CELL, tree.id("QX"), null), TreeFixture.FOUNDED, TreeFixture.decision(TreeFixture.FOUNDED)));
        // the fixture tree starts in 2015; a member admitted in 1990 needs an older branch
        oldRoot = establish("OLD", "Đảng bộ tỉnh Lâu Năm", UnitType.PROVINCIAL, null);
        long district = establish("OLDD", "Huyện ủy Lâu Năm", UnitType.UPPER_GRASSROOTS, oldRoot);
        long commune = establish("OLDX", "Đảng bộ xã Lâu Năm", UnitType.GRASSROOTS_COMMITTEE, district);
        oldCell = establish("OLDC", "Chi bộ thôn Lâu Năm", UnitType.CELL, commune);
        String suffix = tree.prefix().toLowerCase();
        staffP = "m.staff.p." + suffix;
        viewerP = "m.viewer.p." + suffix;
        staffQ = "m.staff.q." + suffix;
        accounts.create(staffP, "Cán bộ P", PASSWORD, false, List.of(new ScopeGrant(tree.id("P"), Role.STAFF),
                new ScopeGrant(oldRoot, Role.STAFF)));
        accounts.create(viewerP, "Người xem P", PASSWORD, false, List.of(new ScopeGrant(tree.id("P"), Role.VIEWER),
                new ScopeGrant(oldRoot, Role.VIEWER)));
        accounts.create(staffQ, "Cán bộ Q", PASSWORD, false, List.of(new ScopeGrant(tree.id("Q"), Role.STAFF)));
        hoa = members.apply(new MemberAct.Admit(MemberMother.record("Trần Thị Hòa", Gender.FEMALE, LocalDate.of(1960, 3, 8)),
                oldCell, LocalDate.of(1990, 1, 10), MemberMother.decision("7-QĐ/HU", LocalDate.of(1990, 1, 10))));
        // only full members receive the Party Badge (HD 01-HD/TW 2021 item 18)
        members.apply(new MemberAct.HoldCeremony(hoa, LocalDate.of(1990, 2, 1),
                MemberMother.decision("Biên bản lễ kết nạp", LocalDate.of(1990, 2, 1))));
        members.apply(new MemberAct.Recognise(hoa, MemberMother.decision("9-QĐ/HU", LocalDate.of(1991, 3, 1))));
        http = Http.on(port);
    }

    private long establish(String key, String name, UnitType type, Long parent) {
        LocalDate founded = LocalDate.of(1980, 1, 1);
        return org.apply(new Reorganisation.Establish(new Reorganisation.NewUnit(tree.code(key), name + " " + tree.prefix(),
                null, type, parent, null), founded, TreeFixture.decision(founded)));
    }

    private HttpResponse<String> get(String user, String path) {
        return user == null ? http.get(path) : http.getBasic(path, user, PASSWORD);
    }

    private HttpResponse<String> post(String user, String path, String json) {
        return http.postJsonBasic(path, json, user, PASSWORD);
    }

    private static String decision(String number, String date) {
        return "{\"number\": \"%s\", \"date\": \"%s\", \"issuingBody\": \"Đảng ủy xã\"}".formatted(number, date);
    }

    @Test
    void shouldFindAndListMembersOnlyWithinScope() {
        assertThat(get(staffP, "/api/v1/members?q=tran%20thi%20hoa").body()).contains("Trần Thị Hòa");
        assertThat(get(staffQ, "/api/v1/members?q=tran%20thi%20hoa").body()).doesNotContain("Hòa");
        var list = get(staffP, "/api/v1/units/" + oldRoot + "/members?gender=FEMALE");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Trần Thị Hòa").contains("\"total\":1");
        assertThat(get(staffP, "/api/v1/units/" + oldRoot + "/members?gender=MALE").body()).contains("\"total\":0");
        var other = get(staffQ, "/api/v1/units/" + oldRoot + "/members");
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body()).doesNotContain("Hòa");
    }

    @Test
    void shouldAnswerNotFoundWithoutNamesForAMemberOfAnotherProvince() {
        assertThat(get(staffP, "/api/v1/members/" + hoa).body()).contains("Trần Thị Hòa").contains("\"partyAge\"");
        for (String path : List.of("/api/v1/members/" + hoa, "/api/v1/members/" + hoa + "/events",
                "/api/v1/members/" + hoa + "/transfers", "/api/v1/units/" + oldRoot + "/due-work",
                "/api/v1/units/" + oldRoot + "/badges?occasion=2026-02-03")) {
            var response = get(staffQ, path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).doesNotContain("Hòa").doesNotContain("Lâu Năm");
        }
        var change = post(staffQ, "/api/v1/members/" + hoa + "/exempt",
                "{\"on\": \"2025-01-02\", \"reason\": \"Tuổi cao\", \"decision\": " + decision("1-QĐ/ĐU", "2025-01-02") + "}");
        assertThat(change.statusCode()).isEqualTo(404);
        assertThat(change.body()).doesNotContain("Hòa");
        assertThat(post(viewerP, "/api/v1/members/" + hoa + "/exempt",
                "{\"on\": \"2025-01-02\", \"reason\": \"Tuổi cao\", \"decision\": " + decision("1-QĐ/ĐU", "2025-01-02") + "}")
                .statusCode()).isEqualTo(403);
        assertThat(members.stateOn(hoa, LocalDate.of(2025, 1, 3)).orElseThrow().exempt()).isFalse();
    }

    @Test
    void shouldExplainBadInputInVietnameseProblemDetails() {
        var early = post(staffP, "/api/v1/members/" + hoa + "/ceremony",
                "{\"heldOn\": \"1989-12-01\", \"decision\": " + decision("Biên bản", "1989-12-01") + "}");
        assertThat(early.statusCode()).isEqualTo(422);
        assertThat(early.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(early.body()).contains("không có tên trong danh sách đảng viên");
        var noDecision = post(staffP, "/api/v1/members/" + hoa + "/ceremony", "{\"heldOn\": \"1990-02-01\"}");
        assertThat(noDecision.statusCode()).isEqualTo(422);
        assertThat(noDecision.body()).contains("Phải có quyết định");
        var badCitizenId = post(staffP, "/api/v1/members", """
                {"record": {"fullName": "Lê Văn Cường", "gender": "MALE", "birthDate": "1990-01-01", "citizenId": "12ab"},
                 "cellId": %d, "admittedOn": "2024-01-10", "decision": %s}""".formatted(oldCell,
                decision("9-QĐ/HU", "2024-01-10")));
        assertThat(badCitizenId.statusCode()).isEqualTo(422);
        assertThat(badCitizenId.body()).contains("Số CCCD phải gồm đúng 12 chữ số");
        assertThat(post(staffP, "/api/v1/members/" + hoa + "/ceremony", "{\"heldOn\": \"not a date\"}").statusCode())
                .isEqualTo(400);
    }

    @Test
    void shouldTransferToAnotherProvinceAndLetOnlyTheReceiverConfirm() {
        var issued = post(staffP, "/api/v1/members/" + hoa + "/transfer", """
                {"kind": "PERMANENT", "toUnitId": %d, "letterNumber": "GGT-77", "issuedOn": "2025-03-03", "decision": %s}
                """.formatted(decoyCell, decision("77-GGT/HU", "2025-03-03")));
        assertThat(issued.statusCode()).isEqualTo(200);
        var incoming = get(staffQ, "/api/v1/transfers/incoming");
        assertThat(incoming.body()).contains("Trần Thị Hòa").contains("GGT-77");
        assertThat(get(staffQ, "/api/v1/members/" + hoa).statusCode()).isEqualTo(404);
        long transferId = members.transfers(hoa).getFirst().id();
        String receipt = "{\"receivedOn\": \"2025-03-20\", \"decision\": " + decision("Tiếp nhận 5", "2025-03-20") + "}";
        assertThat(post(staffP, "/api/v1/transfers/" + transferId + "/receive", receipt).statusCode()).isEqualTo(403);
        var received = post(staffQ, "/api/v1/transfers/" + transferId + "/receive", receipt);
        assertThat(received.statusCode()).isEqualTo(200);
        assertThat(received.body()).contains("RECEIVED");
        assertThat(get(staffQ, "/api/v1/members/" + hoa).body()).contains("Trần Thị Hòa");
        assertThat(get(staffP, "/api/v1/members/" + hoa).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldListDueWorkAndBadgesOfASubtree() {
        long an = members.apply(new MemberAct.Admit(MemberMother.anAn(), oldCell, LocalDate.of(2023, 1, 10),
                MemberMother.decision("8-QĐ/HU", LocalDate.of(2023, 1, 10))));
        var due = get(staffP, "/api/v1/units/" + oldRoot + "/due-work");
        assertThat(due.statusCode()).isEqualTo(200);
        assertThat(due.body()).contains("\"memberId\":" + an).contains("ADMISSION_CEREMONY").contains("\"overdue\":true")
                .contains("QĐ");
        var badges = get(staffP, "/api/v1/units/" + oldRoot + "/badges?occasion=2026-02-03");
        assertThat(badges.body()).contains("Trần Thị Hòa").contains("\"milestoneYears\":30").doesNotContain("Nguyễn Văn An");
        var notOccasion = get(staffP, "/api/v1/units/" + oldRoot + "/badges?occasion=2026-02-04");
        assertThat(notOccasion.statusCode()).isEqualTo(422);
        assertThat(notOccasion.body()).contains("không phải dịp trao tặng");
    }

    @Test
    void shouldServeCodeListsAndTheOpenApiDocument() {
        assertThat(get(staffP, "/api/v1/code-lists/theory").body()).contains("SO_CAP");
        assertThat(get(staffP, "/api/v1/code-lists/nonsense").statusCode()).isEqualTo(404);
        assertThat(http.get("/v3/api-docs").body()).contains("/api/v1/members/{id}/transfer")
                .contains("/api/v1/transfers/{id}/receive").contains("/api/v1/units/{id}/badges");
    }

    @Test
    void shouldRequireAuthentication() {
        assertThat(get(null, "/api/v1/members?q=hoa").statusCode()).isEqualTo(401);
    }
}
