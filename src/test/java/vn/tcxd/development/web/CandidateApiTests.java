package vn.tcxd.development.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.tcxd.Http;
import vn.tcxd.IntegrationTest;
import vn.tcxd.development.Development;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.TreeFixture;
import vn.tcxd.security.Accounts;
import vn.tcxd.security.Role;
import vn.tcxd.security.ScopeGrant;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The candidates' JSON API with scope: the district's staff propose and read in its cells; the decoy
 * province's staff see nothing (404) and a viewer cannot write (403); a bad input is a Vietnamese problem.
 */
@IntegrationTest
class CandidateApiTests {

    private static final String PASSWORD = "phat-trien-dang-vien-7";

    @LocalServerPort
    int port;

    @Autowired
    OrgStructure org;

    @Autowired
    Accounts accounts;

    @Autowired
    Development development;

    TreeFixture tree;
    String staffD1;
    String viewerD1;
    String staffQ;
    Http http;

    @BeforeEach
    void setUp() {
        tree = TreeFixture.standard(org);
        String suffix = tree.prefix().toLowerCase();
        staffD1 = "dev.d1." + suffix;
        viewerD1 = "dev.v1." + suffix;
        staffQ = "dev.q." + suffix;
        accounts.create(staffD1, "Ban Xây dựng Đảng huyện", PASSWORD, false, List.of(new ScopeGrant(tree.id("D1"), Role.STAFF)));
        accounts.create(viewerD1, "Người xem huyện", PASSWORD, false, List.of(new ScopeGrant(tree.id("D1"), Role.VIEWER)));
        accounts.create(staffQ, "Cán bộ tỉnh khác", PASSWORD, false, List.of(new ScopeGrant(tree.id("Q"), Role.STAFF)));
        http = Http.on(port);
    }

    private String proposal(String citizenId, String birthDate) {
        return """
                {"person": {"fullName": "Nguyễn Thị Mai %s", "birthDate": "%s", "gender": "FEMALE", "ethnicity": "01",
                            "religion": "KHONG", "citizenId": "%s", "education": "THPT", "occupation": "NONG_DAN",
                            "workplace": "HTX Tân Lập", "residence": "Thôn Đông"},
                 "on": "2025-09-05", "actor": "Chi ủy chi bộ thôn Đông",
                 "decision": {"number": "05-NQ/CB", "date": "2025-09-05", "issuingBody": "Chi bộ thôn Đông"}}
                """.formatted(tree.prefix(), birthDate, citizenId);
    }

    private static String citizenId() {
        return "0880" + String.format("%08d", (System.nanoTime() / 1000) % 100_000_000L);
    }

    @Test
    void shouldProposeAndReadWithinScopeOnly() {
        String cell = "/api/v1/units/" + tree.id("X1C1") + "/candidates";
        HttpResponse<String> created = http.postJsonBasic(cell, proposal(citizenId(), "1999-05-05"), staffD1, PASSWORD);
        assertThat(created.statusCode()).isEqualTo(201);
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(created.body());
        assertThat(m.find()).isTrue();
        long id = Long.parseLong(m.group(1));

        assertThat(http.getBasic("/api/v1/units/" + tree.id("X1") + "/candidates", staffD1, PASSWORD).body())
                .contains("Nguyễn Thị Mai " + tree.prefix(), "PROPOSED");
        assertThat(http.getBasic("/api/v1/candidates/" + id, viewerD1, PASSWORD).body()).contains("\"state\":\"PROPOSED\"");

        // the decoy province: missing, not forbidden, and nothing of the person shown
        for (String path : List.of("/api/v1/candidates/" + id, "/api/v1/units/" + tree.id("X1") + "/candidates")) {
            HttpResponse<String> other = http.getBasic(path, staffQ, PASSWORD);
            assertThat(other.statusCode()).as(path).isEqualTo(404);
            assertThat(other.body()).doesNotContain("Nguyễn Thị Mai");
        }
        assertThat(http.postJsonBasic(cell, proposal(citizenId(), "1999-05-05"), staffQ, PASSWORD).statusCode()).isEqualTo(404);
        assertThat(http.postJsonBasic(cell, proposal(citizenId(), "1999-05-05"), viewerD1, PASSWORD).statusCode()).isEqualTo(403);
        assertThat(development.candidates(tree.id("X1C1"))).hasSize(1);
    }

    @Test
    void shouldAnswerAnUnderageProposalWithAVietnameseProblem() {
        String cell = "/api/v1/units/" + tree.id("X1C1") + "/candidates";
        HttpResponse<String> young = http.postJsonBasic(cell, proposal(citizenId(), "2007-10-01"), staffD1, PASSWORD);
        assertThat(young.statusCode()).isEqualTo(422);
        assertThat(young.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(young.body()).contains("Chưa đủ 18 tuổi", "đủ 18 tuổi từ ngày 1/10/2025", "error.development.tooYoung");
        assertThat(development.candidates(tree.id("X1C1"))).isEmpty();
    }
}
