package vn.tcxd.cadres;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.tcxd.Http;
import vn.tcxd.IntegrationTest;
import vn.tcxd.members.Gender;
import vn.tcxd.members.MemberAct;
import vn.tcxd.members.MemberMother;
import vn.tcxd.members.Members;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.TreeFixture;
import vn.tcxd.security.Accounts;
import vn.tcxd.security.Role;
import vn.tcxd.security.ScopeGrant;
import vn.tcxd.shared.DecisionRef;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cadre pages and API as their users meet them: the province's commission opens a term, seats its
 * committee, appoints to a title it manages and plans cadres; a bad act gets a Vietnamese error and
 * writes nothing; a user of the lower unit sees who holds a title there but not the file of a cadre
 * the province manages — not through pages, the API, the search or the exports.
 */
@IntegrationTest
class CadrePagesTests {

    static final String PASSWORD = "cadres-Pa55word-long";

    @LocalServerPort
    int port;

    @Autowired
    OrgStructure org;

    @Autowired
    Members members;

    @Autowired
    Cadres cadres;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    tools.jackson.databind.ObjectMapper json;

    TreeFixture tree;
    String provinceUser;
    String districtUser;
    long secretary;

    @BeforeEach
    void setUp() {
        tree = TreeFixture.standard(org);
        String suffix = tree.prefix().toLowerCase();
        provinceUser = "cb.p." + suffix;
        districtUser = "cb.d." + suffix;
        accounts.create(provinceUser, "Ban Tổ chức Tỉnh ủy", PASSWORD, false, List.of(new ScopeGrant(tree.id("P"), Role.STAFF)));
        accounts.create(districtUser, "Ban Xây dựng Đảng", PASSWORD, false, List.of(new ScopeGrant(tree.id("D1"), Role.STAFF)));
        secretary = member("Trần Văn Bí Thư", LocalDate.of(1975, 3, 8));
    }

    private long member(String name, LocalDate born) {
        return members.apply(new MemberAct.Admit(MemberMother.record(name + " " + tree.prefix(), Gender.MALE, born),
                tree.id("X1C1"), LocalDate.of(2016, 5, 19), MemberMother.decision("2-QĐ/HU", LocalDate.of(2016, 5, 19))));
    }

    private Http as(String user) {
        Http http = Http.on(port);
        assertThat(http.login(user, PASSWORD).statusCode()).isEqualTo(302);
        return http;
    }

    private static Map<String, String> decision(String number, String date) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("decisionNumber", number);
        fields.put("decisionDate", date);
        fields.put("decisionBody", "Ban Thường vụ Tỉnh ủy");
        return fields;
    }

    @Test
    @DisplayName("Ban Tổ chức tỉnh mở nhiệm kỳ, thêm ủy viên; thôi trước ngày vào bị từ chối bằng tiếng Việt, không ghi gì")
    void shouldOpenATermSeatTheCommitteeAndRefuseABadDeparture() {
        Http http = as(provinceUser);
        long p = tree.id("P");
        assertThat(http.get("/units/" + p + "/cadres").statusCode()).isEqualTo(200);
        Map<String, String> term = decision("1234-QĐ/TW", "2025-10-20");
        term.putAll(Map.of("label", "2025–2030", "startsOn", "2025-10-10", "endsOn", "2030-10-10", "congress", "true",
                "congressName", "Đại hội đại biểu Đảng bộ tỉnh lần thứ XXI", "congressDate", "2025-10-10", "delegates", "400"));
        HttpResponse<String> opened = http.postForm("/units/" + p + "/committees", "/units/" + p + "/committees", term);
        assertThat(opened.statusCode()).isEqualTo(302);
        String termUrl = opened.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "");
        long termId = Long.parseLong(termUrl.replaceAll("\\D+", ""));

        Map<String, String> seat = decision("01-NQ/ĐH", "2025-10-10");
        seat.putAll(Map.of("memberId", Long.toString(secretary), "role", "SECRETARY", "entry", "ELECTED", "on", "2025-10-10"));
        assertThat(http.postForm(termUrl, "/committees/" + termId + "/seats", seat).statusCode()).isEqualTo(302);
        assertThat(http.get("/units/" + p + "/committees").body()).contains("2025–2030").contains("1234-QĐ/TW");
        String page = http.get("/committees/" + termId + "?asOf=2025-11-01").body();
        assertThat(page).contains("Trần Văn Bí Thư").contains("Bí thư").contains("2025–2030");

        long seatId = cadres.committee(termId, LocalDate.of(2025, 11, 1)).members().getFirst().id();
        Map<String, String> leave = decision("9-QĐ/TW", "2025-10-01");
        leave.putAll(Map.of("exit", "MOVED", "on", "2025-10-01"));
        HttpResponse<String> refused = http.postForm(termUrl, "/seats/" + seatId + "/leave", leave);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Ngày thôi (1/10/2025) phải sau ngày tham gia cấp ủy (10/10/2025)");
        assertThat(cadres.committee(termId, LocalDate.of(2026, 1, 1)).members()).hasSize(1);
    }

    @Test
    @DisplayName("Chỉ cấp quản lý chức danh bổ nhiệm; cấp dưới thấy ai giữ chức danh nhưng không mở được hồ sơ cán bộ (trang, API, tìm kiếm, xuất)")
    void shouldKeepAProvinciallyManagedCadresFileFromTheLowerUnit() {
        long d1 = tree.id("D1");
        Map<String, String> appoint = decision("77-QĐ/TU", "2025-07-01");
        appoint.putAll(Map.of("titleCode", "UPPER_GRASSROOTS.SECRETARY", "memberId", Long.toString(secretary),
                "kind", "DESIGNATED", "startsOn", "2025-07-01"));

        // the district's own board may not appoint its secretary: the province manages the title (outside its scope: 404)
        Http district = as(districtUser);
        assertThat(district.get("/units/" + d1 + "/posts").body()).doesNotContain("value=\"UPPER_GRASSROOTS.SECRETARY\"")
                .contains("value=\"UPPER_GRASSROOTS.YOUTH_SECRETARY\"");
        assertThat(district.postForm("/units/" + d1 + "/posts", "/units/" + d1 + "/posts", appoint).statusCode()).isEqualTo(404);

        Http province = as(provinceUser);
        HttpResponse<String> done = province.postForm("/units/" + d1 + "/posts", "/units/" + d1 + "/posts", appoint);
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(province.get("/cadres/" + secretary).body()).contains("Trần Văn Bí Thư").contains("Bí thư");
        String incumbency = done.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "");
        assertThat(province.get(incumbency).body()).contains("Chỉ định").contains("77-QĐ/TU");
        assertThat(province.get("/units/" + tree.id("P") + "/cadres/due?horizon=365").statusCode()).isEqualTo(200);
        assertThat(province.get("/units/" + tree.id("P") + "/cadres/due?horizon=365&levels=all").statusCode()).isEqualTo(200);
        HttpResponse<String> badLevels = province.getBasic("/api/v1/units/" + tree.id("P") + "/cadre-due?levels=moi",
                provinceUser, PASSWORD);
        assertThat(badLevels.statusCode()).isEqualTo(400);
        assertThat(badLevels.body()).contains("levels").contains("own").contains("all").contains("moi");
        assertThat(province.get("/units/" + tree.id("P") + "/rotations").statusCode()).isEqualTo(200);
        assertThat(province.get("/cadres/search?q=tran%20van%20bi%20thu").body()).contains("/cadres/" + secretary);
        assertThat(province.getBasic("/api/v1/cadres/" + secretary, provinceUser, PASSWORD).statusCode()).isEqualTo(200);

        // public fact: the district sees who holds the title …
        assertThat(district.get("/units/" + d1 + "/posts").body()).contains("Trần Văn Bí Thư");
        // … but not the file, which the provincial commission keeps
        assertThat(district.get("/cadres/" + secretary).statusCode()).isEqualTo(404);
        assertThat(district.getBasic("/api/v1/cadres/" + secretary, districtUser, PASSWORD).statusCode()).isEqualTo(404);
        assertThat(district.get("/cadres/search?q=tran%20van%20bi%20thu").body()).doesNotContain("/cadres/" + secretary);
        assertThat(district.getBasic("/api/v1/cadres?q=tran%20van%20bi%20thu", districtUser, PASSWORD).body())
                .doesNotContain("Trần Văn Bí Thư");
        assertThat(district.get("/units/" + d1 + "/posts").body()).doesNotContain("href=\"/cadres/" + secretary + "\"");
        assertThat(district.getBasic("/api/v1/units/" + d1 + "/planning?period=LOCAL_2030_2035", districtUser, PASSWORD).body())
                .doesNotContain("Trần Văn Bí Thư");

        // the province plans the district's next secretary: its planning, entry and statistics are the province's
        long successor = member("Lê Văn Kế Nhiệm", LocalDate.of(1984, 9, 9));
        HttpResponse<String> planned = province.postJsonBasic("/api/v1/units/" + tree.id("P") + "/planning",
                "{\"period\":\"LOCAL_2030_2035\",\"postUnitId\":" + d1 + ",\"titleCode\":\"UPPER_GRASSROOTS.SECRETARY\","
                        + "\"memberId\":" + successor + ",\"on\":\"2026-03-02\",\"decision\":{\"number\":\"130-QĐ/TU\","
                        + "\"date\":\"2026-03-02\",\"issuingBody\":\"Ban Thường vụ Tỉnh ủy\"}}", provinceUser, PASSWORD);
        assertThat(planned.statusCode()).isEqualTo(201);
        long entry = json.readTree(planned.body()).get("id").asLong();
        assertThat(district.get("/plan-entries/" + entry).statusCode()).isEqualTo(404);
        assertThat(district.getBasic("/api/v1/cadres/" + successor, districtUser, PASSWORD).statusCode()).isEqualTo(404);
        // the exports: the district's statistics count no planned cadre, the province's count the one it manages
        assertThat(plannedTotal(district, districtUser, d1)).isZero();
        assertThat(plannedTotal(province, provinceUser, tree.id("P"))).isEqualTo(1);
        assertThat(district.getBasic("/api/v1/units/" + d1 + "/cadre-statistics?period=LOCAL_2030_2035", districtUser, PASSWORD)
                .body()).doesNotContain("Kế Nhiệm");
    }

    /** Row 1 (total) of the planned cadres' table in the unit's cadre statistics. */
    private long plannedTotal(Http http, String user, long unit) {
        String body = http.getBasic("/api/v1/units/" + unit + "/cadre-statistics?period=LOCAL_2030_2035", user, PASSWORD).body();
        return json.readTree(body).get(1).get("rows").get(0).get("cells").get(0).get("value").asLong();
    }

    @Test
    @DisplayName("Quy hoạch chức danh thứ 4 qua trang bị từ chối, nêu QĐ 377-QĐ/TW; API không có quyết định trả Problem Details tiếng Việt")
    void shouldRefuseTheFourthPlannedCadreOnThePageAndAnAppointmentWithoutDecisionInTheApi() {
        long p = tree.id("P");
        for (int i = 0; i < 3; i++) {
            long m = member("Quy Hoạch " + (char) ('A' + i), LocalDate.of(1982, 1, 1 + i));
            cadres.apply(new CadreAct.AddToPlan("LOCAL_2030_2035", p, "PROVINCIAL.ORGANISATION_HEAD", m, LocalDate.of(2026, 3, 2),
                    new DecisionRef("120-QĐ/TU", LocalDate.of(2026, 3, 2), "Ban Thường vụ Tỉnh ủy")));
        }
        long fourth = member("Người Thứ Tư", LocalDate.of(1984, 4, 4));
        Http http = as(provinceUser);
        assertThat(http.get("/units/" + p + "/planning?period=LOCAL_2030_2035").body()).contains("3/3");
        Map<String, String> add = decision("121-QĐ/TU", "2026-03-09");
        add.putAll(Map.of("periodCode", "LOCAL_2030_2035", "titleCode", "PROVINCIAL.ORGANISATION_HEAD",
                "memberId", Long.toString(fourth), "on", "2026-03-09"));
        HttpResponse<String> refused = http.postForm("/units/" + p + "/planning?period=LOCAL_2030_2035",
                "/units/" + p + "/planning", add);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("mỗi chức danh quy hoạch không quá 3 người").contains("QĐ 377-QĐ/TW");
        assertThat(jdbc.sql("select count(*) from cadres.plan_entry where member_id = ?").param(fourth).query(Long.class).single())
                .isZero();

        HttpResponse<String> problem = http.postJsonBasic("/api/v1/units/" + p + "/incumbencies",
                "{\"titleCode\":\"PROVINCIAL.OFFICE_CHIEF\",\"memberId\":" + fourth + ",\"startsOn\":\"2026-04-01\"}",
                provinceUser, PASSWORD);
        assertThat(problem.statusCode()).isEqualTo(422);
        assertThat(problem.body()).contains("Phải có quyết định").contains("error.cadre.decisionRequired");
        assertThat(cadres.posts(p, LocalDate.of(2026, 4, 2)).posts()).filteredOn(x -> x.title().code().equals("PROVINCIAL.OFFICE_CHIEF"))
                .singleElement().satisfies(x -> assertThat(x.vacant()).isTrue());
    }
}
