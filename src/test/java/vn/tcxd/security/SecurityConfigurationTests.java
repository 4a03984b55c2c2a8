package vn.tcxd.security;

import vn.tcxd.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.tcxd.IntegrationTest;
import vn.tcxd.orgstructure.OrgStructure;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SecurityConfigurationTests {

    static final String ADMIN_PASSWORD = "test-admin-Pa55word";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    OrgStructure orgStructure;

    @Test
    void shouldRenderLoginPage() {
        HttpResponse<String> page = Http.on(port).get("/login");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Đăng nhập", "name=\"username\"", "name=\"password\"", "name=\"_csrf\"");
    }

    @Test
    void shouldRedirectToLoginWhenPageRequestedAnonymously() {
        HttpResponse<String> page = Http.on(port).get("/accounts");

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void shouldGoToUnitsWhenFormLoginSucceeds() {
        Http http = Http.on(port);

        HttpResponse<String> login = http.login("admin", ADMIN_PASSWORD);

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/units"));
        HttpResponse<String> home = http.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/units"));
        assertThat(http.get("/accounts").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRejectFormLoginWhenPasswordWrong() {
        Http http = Http.on(port);

        HttpResponse<String> login = http.login("admin", "not-the-password");

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        assertThat(http.get("/accounts").statusCode()).isEqualTo(302);
        assertThat(http.get("/login?error").body()).contains("Sai tên đăng nhập hoặc mật khẩu");
    }

    @Test
    void shouldAnswer401ProblemDetailsWhenApiCalledWithoutCredentials() {
        HttpResponse<String> response = Http.on(port).get("/api/v1/accounts");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":401", "Cần đăng nhập để dùng API");
    }

    @Test
    void shouldAnswer401WhenBasicPasswordWrong() {
        HttpResponse<String> response = Http.on(port).getBasic("/api/v1/accounts", "admin", "wrong-password");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"status\":401");
    }

    @Test
    void shouldServeApiWhenBasicCredentialsGiven() {
        HttpResponse<String> response = Http.on(port).getBasic("/api/v1/accounts", "admin", ADMIN_PASSWORD);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"username\":\"admin\"").doesNotContain("password");
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void shouldRefuseAWrongPasswordEvenRightAfterTheRightOne() {
        assertThat(Http.on(port).getBasic("/api/v1/accounts", "admin", ADMIN_PASSWORD).statusCode()).isEqualTo(200);
        assertThat(Http.on(port).getBasic("/api/v1/accounts", "admin", ADMIN_PASSWORD + "x").statusCode()).isEqualTo(401);
        assertThat(Http.on(port).getBasic("/api/v1/accounts", "admin", ADMIN_PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRefuseLoginWhenAccountDisabled() {
        SecurityFixtures.Tree tree = SecurityFixtures.tree(orgStructure);
        String staff = SecurityFixtures.account(accounts, "staff", tree.provinceA(), Role.STAFF);
        assertThat(Http.on(port).getBasic("/api/v1/audit", staff, SecurityFixtures.PASSWORD).statusCode())
                .isEqualTo(403);

        long id = accounts.find(staff).orElseThrow().id();
        accounts.setEnabled(vn.tcxd.shared.scope.AccessScope.system("admin"), id, false);

        assertThat(Http.on(port).getBasic("/api/v1/audit", staff, SecurityFixtures.PASSWORD).statusCode())
                .isEqualTo(401);
        HttpResponse<String> login = Http.on(port).login(staff, SecurityFixtures.PASSWORD);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
    }

    @Test
    void shouldLetBootstrapAdministratorLogInWithConfiguredPassword() {
        AccountSummary admin = accounts.find("admin").orElseThrow();

        assertThat(admin.systemAdmin()).isTrue();
        assertThat(admin.enabled()).isTrue();
        assertThat(Http.on(port).getBasic("/api/v1/audit", "admin", ADMIN_PASSWORD).statusCode()).isEqualTo(200);
    }
}
