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

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organisation pages for a logged-in commission officer: scope isolation between provinces,
 * fragments for htmx, and forms that explain a broken rule without writing anything.
 */
@IntegrationTest
class UnitPagesTests {

    private static final String PASSWORD = "mat-khau-thu-nghiem-2";

    @LocalServerPort
    int port;

    @Autowired
    OrgStructure org;

    @Autowired
    Accounts accounts;

    TreeFixture tree;
    Http staffP;
    Http staffQ;

    @BeforeEach
    void setUp() {
        tree = TreeFixture.standard(org);
        String suffix = tree.prefix().toLowerCase();
        accounts.create("pages.p." + suffix, "Cán bộ P", PASSWORD, false, List.of(new ScopeGrant(tree.id("P"), Role.STAFF)));
        accounts.create("pages.q." + suffix, "Cán bộ Q", PASSWORD, false, List.of(new ScopeGrant(tree.id("Q"), Role.STAFF)));
        staffP = Http.on(port);
        staffP.login("pages.p." + suffix, PASSWORD);
        staffQ = Http.on(port);
        staffQ.login("pages.q." + suffix, PASSWORD);
    }

    @Test
    void shouldShowOnlyTheOwnProvinceInTheTree() {
        var tree = staffP.get("/units").body();
        assertThat(tree).contains("Đảng bộ tỉnh Thử Nghiệm " + this.tree.prefix()).doesNotContain("Mồi Nhử");
    }

    @Test
    void shouldAnswerNotFoundWithoutNamesForAUnitOfAnotherProvince() {
        var page = staffQ.get("/units/" + tree.id("X1"));
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).doesNotContain("Tân Lập");
        assertThat(staffQ.getFragment("/units/" + tree.id("X1") + "/children").statusCode()).isEqualTo(404);
        assertThat(staffQ.get("/units/" + tree.id("X1") + "/move").statusCode()).isEqualTo(404);
        assertThat(staffQ.getFragment("/units/search?q=tan+lap+" + tree.prefix()).body()).doesNotContain("Tân Lập");
    }

    @Test
    void shouldServeChildrenAsAnHtmxFragmentAsAtADate() {
        var fragment = staffP.getFragment("/units/" + tree.id("X1") + "/children?asOf=2016-01-01");
        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body()).startsWith("<ul class=\"tree\"").contains("Chi bộ thôn Đông").doesNotContain("<html");
    }

    @Test
    void shouldShowStructureCountsAndTimelineOnTheUnitPage() {
        var page = staffP.get("/units/" + tree.id("P") + "?asOf=2016-01-01").body();
        assertThat(page).contains("Cơ cấu tổ chức tại ngày 1/1/2016").contains("2 đảng bộ cơ sở, 1 chi bộ cơ sở")
                .contains("Thành lập").contains("1-QĐ/TU (1/1/2015, Ban Thường vụ Tỉnh ủy)");
    }

    @Test
    void shouldRerenderTheFormWithAVietnameseMessageAndWriteNothing() {
        var response = staffP.postForm("/units/" + tree.id("X1C1") + "/move", "/units/" + tree.id("X1C1") + "/move",
                Map.of("targetCode", tree.code("P"), "decisionNumber", "9-QĐ/TU", "decisionDate", "2026-03-10",
                        "decisionBody", "Ban Thường vụ Tỉnh ủy", "effectiveOn", "2026-04-01"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("không được trực thuộc");
        assertThat(org.unit(tree.id("X1C1"), LocalDate.of(2026, 4, 1)).orElseThrow().parent().id()).isEqualTo(tree.id("X1"));
    }

    @Test
    void shouldMoveThroughTheFormAndRedirectToTheUnit() {
        var response = staffP.postForm("/units/" + tree.id("X1") + "/move", "/units/" + tree.id("X1") + "/move",
                Map.of("targetCode", tree.code("D2").toLowerCase(), "decisionNumber", "10-QĐ/TU", "decisionDate", "2026-03-10",
                        "decisionBody", "Ban Thường vụ Tỉnh ủy", "effectiveOn", "2026-04-01"));
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/units/" + tree.id("X1")));
        assertThat(org.unit(tree.id("X1"), LocalDate.of(2026, 4, 1)).orElseThrow().parent().id()).isEqualTo(tree.id("D2"));
    }

    @Test
    void shouldRefuseAMoveIntoAnotherProvinceAsIfTheCodeDidNotExist() {
        var response = staffP.postForm("/units/" + tree.id("X1") + "/move", "/units/" + tree.id("X1") + "/move",
                Map.of("targetCode", tree.code("QD"), "decisionNumber", "11-QĐ/TU", "decisionDate", "2026-03-10",
                        "decisionBody", "Ban Thường vụ Tỉnh ủy", "effectiveOn", "2026-04-01"));
        assertThat(response.body()).contains("Không tìm thấy đơn vị có mã").doesNotContain("Mồi");
    }
}
