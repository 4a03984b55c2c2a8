package vn.tcxd.orgstructure;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.tcxd.Http;
import vn.tcxd.IntegrationTest;
import vn.tcxd.security.Accounts;
import vn.tcxd.security.Role;
import vn.tcxd.security.ScopeGrant;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organisation API over real HTTP with Basic authentication: Problem Details in Vietnamese for
 * bad input, and scope isolation between two provinces (the fixture's P and its decoy Q).
 */
@IntegrationTest
class UnitApiTests {

    private static final String PASSWORD = "mat-khau-thu-nghiem-1";

    @LocalServerPort
    int port;

    @Autowired
    OrgStructure org;

    @Autowired
    Accounts accounts;

    TreeFixture tree;
    String staffP;
    String viewerP;
    String staffQ;

    Http http;

    @BeforeEach
    void setUp() {
        tree = TreeFixture.standard(org);
        String suffix = tree.prefix().toLowerCase();
        staffP = "staff.p." + suffix;
        viewerP = "viewer.p." + suffix;
        staffQ = "staff.q." + suffix;
        accounts.create(staffP, "Cán bộ tỉnh P", PASSWORD, false, List.of(new ScopeGrant(tree.id("P"), Role.STAFF)));
        accounts.create(viewerP, "Người xem tỉnh P", PASSWORD, false, List.of(new ScopeGrant(tree.id("P"), Role.VIEWER)));
        accounts.create(staffQ, "Cán bộ tỉnh Q", PASSWORD, false, List.of(new ScopeGrant(tree.id("Q"), Role.STAFF)));
        http = Http.on(port);
    }

    private HttpResponse<String> get(String user, String path) {
        return user == null ? http.get(path) : http.getBasic(path, user, PASSWORD);
    }

    private HttpResponse<String> post(String user, String path, String json) {
        return http.postJsonBasic(path, json, user, PASSWORD);
    }

    private static String move(long parentId, String decisionNumber) {
        return """
                {"newParentId": %d, "effectiveOn": "2026-04-01",
                 "decision": {"number": "%s", "date": "2026-03-10", "issuingBody": "Ban Thường vụ Tỉnh ủy"}}
                """.formatted(parentId, decisionNumber);
    }

    @Test
    void shouldReadAUnitAsAtADateWithinScope() {
        var response = get(staffP, "/api/v1/units/" + tree.id("X1") + "?asOf=2020-01-01");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Đảng bộ xã Tân Lập").contains("\"existsOnDate\":true");
        var counts = get(staffP, "/api/v1/units/" + tree.id("P") + "/counts?asOf=2020-01-01");
        assertThat(counts.body()).contains("\"grassroots\":3").contains("\"cells\":4").contains("\"partialCommittees\":1");
    }

    @Test
    void shouldAnswerNotFoundWithoutNamesForAnotherProvince() {
        var response = get(staffQ, "/api/v1/units/" + tree.id("X1"));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("Tân Lập").contains("phạm vi");
        assertThat(get(staffQ, "/api/v1/units/search?q=tan%20lap%20" + tree.prefix()).body()).isEqualTo("[]");
        assertThat(get(staffQ, "/api/v1/units/" + tree.id("X1") + "/history").statusCode()).isEqualTo(404);
        assertThat(get(staffQ, "/api/v1/units/by-code/" + tree.code("X1")).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldRefuseChangesOutsideTheWritableScope() {
        assertThat(post(viewerP, "/api/v1/units/" + tree.id("X1") + "/move", move(tree.id("D2"), "1-QĐ/TU"))
                .statusCode()).isEqualTo(403);
        var intoOtherProvince = post(staffP, "/api/v1/units/" + tree.id("X1") + "/move", move(tree.id("QD"), "2-QĐ/TU"));
        assertThat(intoOtherProvince.statusCode()).isEqualTo(404);
        assertThat(intoOtherProvince.body()).doesNotContain("Mồi");
        assertThat(org.unit(tree.id("X1"), java.time.LocalDate.of(2026, 4, 1)).orElseThrow().parent().id())
                .isEqualTo(tree.id("D1"));
    }

    @Test
    void shouldMoveThroughTheApiWithADecision() {
        var response = post(staffP, "/api/v1/units/" + tree.id("X1") + "/move", move(tree.id("D2"), "3-QĐ/TU"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(get(staffP, "/api/v1/units/" + tree.id("X1") + "/history").body()).contains("MOVED").contains("3-QĐ/TU");
    }

    @Test
    void shouldExplainBadInputInVietnameseProblemDetails() {
        var illegal = post(staffP, "/api/v1/units/" + tree.id("X1C1") + "/move", move(tree.id("P"), "4-QĐ/TU"));
        assertThat(illegal.statusCode()).isEqualTo(422);
        assertThat(illegal.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(illegal.body()).contains("không được trực thuộc").contains("error.link.illegal");

        var noDecision = post(staffP, "/api/v1/units/" + tree.id("X1") + "/move", move(tree.id("D2"), " "));
        assertThat(noDecision.statusCode()).isEqualTo(422);
        assertThat(noDecision.body()).contains("Số quyết định là bắt buộc");

        var garbage = post(staffP, "/api/v1/units/" + tree.id("X1") + "/move", "{\"newParentId\": \"abc\"}");
        assertThat(garbage.statusCode()).isEqualTo(400);

        var duplicate = post(staffP, "/api/v1/units", """
                {"code": "%s", "name": "Chi bộ mới", "type": "CELL", "parentId": %d, "effectiveOn": "2026-01-01",
                 "decision": {"number": "5-QĐ/ĐU", "date": "2026-01-01", "issuingBody": "Đảng ủy xã"}}
                """.formatted(tree.code("X1C1"), tree.id("X1")));
        assertThat(duplicate.statusCode()).isEqualTo(422);
        assertThat(duplicate.body()).contains("đã được dùng");
    }

    @Test
    void shouldPublishTheOpenApiDocument() {
        var document = http.get("/v3/api-docs");
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.body()).contains("/api/v1/units/{id}/move").contains("/api/v1/units/consolidate");
    }

    @Test
    void shouldRequireAuthentication() {
        assertThat(get(null, "/api/v1/units").statusCode()).isEqualTo(401);
    }
}
