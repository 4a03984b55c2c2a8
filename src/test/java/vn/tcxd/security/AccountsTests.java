package vn.tcxd.security;

import vn.tcxd.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.tcxd.IntegrationTest;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.shared.Forbidden;
import vn.tcxd.shared.NotFound;
import vn.tcxd.shared.RuleViolation;
import vn.tcxd.shared.scope.AccessScope;
import vn.tcxd.shared.scope.CurrentAccess;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class AccountsTests {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    OrgStructure orgStructure;

    @Autowired
    CurrentAccess currentAccess;

    @Autowired
    JdbcClient jdbc;

    SecurityFixtures.Tree tree;
    String adminA;
    String staffA;
    String viewerA;
    String staffB;

    @BeforeEach
    void fixtures() {
        tree = SecurityFixtures.tree(orgStructure);
        adminA = SecurityFixtures.account(accounts, "admin-a", tree.provinceA(), Role.ADMIN);
        staffA = SecurityFixtures.account(accounts, "staff-a", tree.cellA(), Role.STAFF);
        viewerA = SecurityFixtures.account(accounts, "viewer-a", tree.provinceA(), Role.VIEWER);
        staffB = SecurityFixtures.account(accounts, "staff-b", tree.provinceB(), Role.STAFF);
    }

    @Test
    void shouldRejectDuplicateUsername() {
        assertThatThrownBy(() -> accounts.create(staffA.toUpperCase(), "Người khác", "another-Pa55word", false,
                List.of(new ScopeGrant(tree.cellA(), Role.VIEWER))))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("error.account.usernameTaken");
                    assertThat(e.field()).isEqualTo("username");
                });
    }

    @Test
    void shouldShowTheVietnameseReasonWhenTheFormPasswordIsCommon() {
        Http http = Http.on(port);
        http.login("admin", SecurityConfigurationTests.ADMIN_PASSWORD);
        String username = "common." + tree.suffix().toLowerCase();

        HttpResponse<String> response = http.postForm("/accounts/new", "/accounts", Map.of("username", username,
                "displayName", "Nguyễn Văn Phổ", "password", "Password2024!", "unitCode", tree.codeA(), "role", "VIEWER"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("nằm trong danh sách mật khẩu phổ biến", "Ít nhất 12 ký tự");
        assertThat(accounts.find(username)).isEmpty();
        HttpResponse<String> api = http.postJsonBasic("/api/v1/accounts", """
                {"username":"%s","displayName":"Nguyễn Văn Phổ","password":"qwerty123456",
                 "grants":[{"unitId":%d,"role":"VIEWER"}]}""".formatted(username, tree.provinceA()),
                "admin", SecurityConfigurationTests.ADMIN_PASSWORD);
        assertThat(api.statusCode()).isIn(400, 422);
        assertThat(api.body()).contains("danh sách mật khẩu phổ biến");
    }

    @Test
    void shouldRejectShortPasswordBadUsernameAndUnknownUnit() {
        List<ScopeGrant> grant = List.of(new ScopeGrant(tree.cellA(), Role.VIEWER));
        assertThatThrownBy(() -> accounts.create("new." + tree.suffix().toLowerCase(), "Tên", "short-pw", false, grant))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.messageKey()).isEqualTo("error.account.passwordTooShort"));
        assertThatThrownBy(() -> accounts.create("Có Dấu", "Tên", "long-enough-pw", false, grant))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.messageKey()).isEqualTo("error.account.usernameInvalid"));
        assertThatThrownBy(() -> accounts.create("new." + tree.suffix().toLowerCase(), "Tên", "long-enough-pw", false,
                List.of(new ScopeGrant(Long.MAX_VALUE, Role.VIEWER))))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.messageKey()).isEqualTo("error.account.unitUnknown"));
    }

    @Test
    void shouldDeriveScopeFromGrantsWhenOutsideRequest() {
        AccountSummary admin = accounts.find(adminA).orElseThrow();

        assertThat(admin.grants()).containsExactly(new ScopeGrant(tree.provinceA(), Role.ADMIN));
        assertThat(currentAccess.scope()).isEqualTo(AccessScope.system("system"));
    }

    @Test
    void shouldForbidCreateWhenViewer() {
        AccessScope viewer = new AccessScope(viewerA, false, Set.of(tree.provinceA()), Set.of(), Set.of());
        assertThatThrownBy(() -> accounts.create(viewer, "v2." + tree.suffix().toLowerCase(), "Tên", "long-enough-pw",
                false, List.of(new ScopeGrant(tree.cellA(), Role.VIEWER)))).isInstanceOf(Forbidden.class);

        HttpResponse<String> response = Http.on(port).postJsonBasic("/api/v1/accounts",
                newAccountJson("v3." + tree.suffix().toLowerCase(), tree.cellA()), viewerA, SecurityFixtures.PASSWORD);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(accounts.find("v3." + tree.suffix().toLowerCase())).isEmpty();
    }

    @Test
    void shouldForbidAccountsWhenStaffAndShowNothingOfOtherProvince() {
        HttpResponse<String> api = Http.on(port).getBasic("/api/v1/accounts", staffA, SecurityFixtures.PASSWORD);
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(api.body()).doesNotContain(tree.nameB(), staffB);

        Http http = Http.on(port);
        http.login(staffA, SecurityFixtures.PASSWORD);
        HttpResponse<String> page = http.get("/accounts");
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).doesNotContain(tree.nameB(), staffB);
    }

    @Test
    void shouldListOnlyAccountsWithinAdminSubtree() {
        HttpResponse<String> api = Http.on(port).getBasic("/api/v1/accounts", adminA, SecurityFixtures.PASSWORD);

        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains(adminA, staffA, viewerA).doesNotContain(staffB, "\"admin\"", tree.nameB());

        Http http = Http.on(port);
        http.login(adminA, SecurityFixtures.PASSWORD);
        HttpResponse<String> page = http.get("/accounts");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(staffA, "Chi bộ An Một").doesNotContain(staffB, tree.nameB());
    }

    @Test
    void shouldAnswer404WithoutNamesWhenAdminGrantsUnitOfOtherProvince() {
        String username = "intruder." + tree.suffix().toLowerCase();

        HttpResponse<String> response = Http.on(port).postJsonBasic("/api/v1/accounts",
                newAccountJson(username, tree.cellB()), adminA, SecurityFixtures.PASSWORD);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain(tree.nameB(), tree.cellNameB(), tree.codeB());
        assertThat(accounts.find(username)).isEmpty();
    }

    @Test
    void shouldCreateAccountWithinSubtreeThroughApi() {
        String username = "new-staff." + tree.suffix().toLowerCase();

        HttpResponse<String> response = Http.on(port).postJsonBasic("/api/v1/accounts",
                newAccountJson(username, tree.cellA()), adminA, SecurityFixtures.PASSWORD);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(accounts.find(username)).hasValueSatisfying(a ->
                assertThat(a.grants()).containsExactly(new ScopeGrant(tree.cellA(), Role.STAFF)));
        assertThat(Http.on(port).getBasic("/api/v1/accounts", username, "new-staff-Pa55word").statusCode())
                .isEqualTo(403);
    }

    @Test
    void shouldAuditAccountCreationWithoutPasswordHash() {
        String username = "audited." + tree.suffix().toLowerCase();
        Http.on(port).postJsonBasic("/api/v1/accounts", newAccountJson(username, tree.cellA()), adminA,
                SecurityFixtures.PASSWORD);
        long id = accounts.find(username).orElseThrow().id();

        Map<String, Object> entry = jdbc.sql("""
                        select actor, unit_id, after_state::text as after_state from security.audit_entry
                        where action = 'security.ACCOUNT_CREATED' and entity_id = ?""")
                .param(Long.toString(id)).query().singleRow();

        assertThat(entry.get("actor")).isEqualTo(adminA);
        assertThat(entry.get("unit_id")).isEqualTo(tree.cellA());
        assertThat((String) entry.get("after_state")).contains(username).doesNotContain("bcrypt", "password", "Pa55word");
    }

    @Test
    void shouldReRenderFormWithVietnameseMessageWhenPasswordTooShort() {
        Http http = Http.on(port);
        http.login(adminA, SecurityFixtures.PASSWORD);
        String username = "form." + tree.suffix().toLowerCase();

        HttpResponse<String> response = http.postForm("/accounts/new", "/accounts", Map.of("username", username,
                "displayName", "Nguyễn Văn Mẫu", "password", "ngan", "unitCode", tree.codeA(), "role", "VIEWER"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Mật khẩu phải có ít nhất 12 ký tự.", username, "Nguyễn Văn Mẫu")
                .doesNotContain("value=\"ngan\"");
        assertThat(accounts.find(username)).isEmpty();
    }

    @Test
    void shouldShowSameMessageWhenFormUnitOutsideSubtreeOrUnknown() {
        Http http = Http.on(port);
        http.login(adminA, SecurityFixtures.PASSWORD);
        String username = "form2." + tree.suffix().toLowerCase();
        Map<String, String> fields = Map.of("username", username, "displayName", "Nguyễn Văn Mẫu",
                "password", "long-enough-pw", "unitCode", tree.codeB(), "role", "ADMIN");

        HttpResponse<String> foreign = http.postForm("/accounts/new", "/accounts", fields);

        assertThat(foreign.statusCode()).isEqualTo(200);
        assertThat(foreign.body()).contains("Không tìm thấy đơn vị có mã này trong phạm vi quản lý")
                .doesNotContain(tree.nameB());
        assertThat(accounts.find(username)).isEmpty();
    }

    @Test
    void shouldCreateFromFormThenRedirectAndDisable() {
        Http http = Http.on(port);
        http.login(adminA, SecurityFixtures.PASSWORD);
        String username = "form3." + tree.suffix().toLowerCase();

        HttpResponse<String> created = http.postForm("/accounts/new", "/accounts", Map.of("username", username,
                "displayName", "Trần Thị Mẫu", "password", "long-enough-pw", "unitCode", tree.codeA().toLowerCase(),
                "role", "VIEWER"));

        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/accounts"));
        assertThat(http.get("/accounts").body()).contains("Đã tạo tài khoản " + username);
        AccountSummary account = accounts.find(username).orElseThrow();
        assertThat(account.grants()).containsExactly(new ScopeGrant(tree.provinceA(), Role.VIEWER));

        HttpResponse<String> disabled = http.postForm("/accounts", "/accounts/" + account.id() + "/enabled",
                Map.of("enabled", "false"));

        assertThat(disabled.statusCode()).isEqualTo(302);
        assertThat(accounts.find(username).orElseThrow().enabled()).isFalse();
    }

    @Test
    void shouldAnswer404WhenAdminDisablesAccountOfOtherProvince() {
        Http http = Http.on(port);
        http.login(adminA, SecurityFixtures.PASSWORD);
        long foreign = accounts.find(staffB).orElseThrow().id();

        HttpResponse<String> response = http.postForm("/accounts", "/accounts/" + foreign + "/enabled",
                Map.of("enabled", "false"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain(staffB, tree.nameB());
        assertThat(accounts.find(staffB).orElseThrow().enabled()).isTrue();
        assertThatThrownBy(() -> accounts.setEnabled(new AccessScope(adminA, false, Set.of(), Set.of(tree.provinceA()),
                Set.of(tree.provinceA())), foreign, false)).isInstanceOf(NotFound.class);
    }

    private static String newAccountJson(String username, long unitId) {
        return """
                {"username":"%s","displayName":"Lê Văn Mới","password":"new-staff-Pa55word",
                 "grants":[{"unitId":%d,"role":"STAFF"}]}""".formatted(username, unitId);
    }
}
