package vn.tcxd.security;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.tcxd.Http;
import vn.tcxd.IntegrationTest;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.security.internal.LoginThrottleProperties;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user changes their own password on the page or through the API, under the same policy as a new account; a
 * wrong current password counts toward the login lock, so a stolen session is no way to guess the password.
 */
@IntegrationTest
class PasswordChangeTests {

    static final String NEW_PASSWORD = "ba con cò bay lả bay la";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    OrgStructure org;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LoginThrottleProperties limits;

    String user;

    @BeforeEach
    void fixtures() {
        SecurityFixtures.Tree tree = SecurityFixtures.tree(org);
        user = SecurityFixtures.account(accounts, "pw", tree.provinceA(), Role.STAFF);
    }

    @AfterEach
    void forgetFailures() {
        jdbc.sql("delete from security.login_failure where username = ?").param(user).update();
        jdbc.sql("delete from security.login_state where username = ?").param(user).update();
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private HttpResponse<String> change(Http http, String current, String next, String again) {
        return http.postForm("/account/password", "/account/password",
                Map.of("currentPassword", current, "newPassword", next, "confirmation", again));
    }

    @Test
    void shouldChangeThePasswordWhenTheCurrentOneIsRightAndTheNewOnePasses() {
        Http http = Http.on(port);
        http.login(user, SecurityFixtures.PASSWORD);
        assertThat(http.get("/units").body()).contains("/account/password", "Đổi mật khẩu");

        HttpResponse<String> changed = change(http, SecurityFixtures.PASSWORD, NEW_PASSWORD, NEW_PASSWORD);

        assertThat(location(changed)).endsWith("/account/password");
        assertThat(http.get("/account/password").body()).contains("Đã đổi mật khẩu");
        assertThat(location(Http.on(port).login(user, NEW_PASSWORD))).endsWith("/units");
        assertThat(location(Http.on(port).login(user, SecurityFixtures.PASSWORD))).endsWith("/login?error");
        long id = accounts.find(user).orElseThrow().id();
        String audited = jdbc.sql("select after_state::text from security.audit_entry where action = 'security.PASSWORD_CHANGED' and entity_id = ?")
                .param(Long.toString(id)).query(String.class).single();
        assertThat(audited).contains(user).doesNotContain(NEW_PASSWORD, SecurityFixtures.PASSWORD, "bcrypt");
    }

    @Test
    void shouldRefuseTheNewPasswordWhenItIsCommonShortOrMistyped() {
        Http http = Http.on(port);
        http.login(user, SecurityFixtures.PASSWORD);

        assertThat(change(http, SecurityFixtures.PASSWORD, "Sunshine2024!", "Sunshine2024!").body())
                .contains("danh sách mật khẩu phổ biến");
        assertThat(change(http, SecurityFixtures.PASSWORD, "ngắn quá", "ngắn quá").body())
                .contains("Mật khẩu phải có ít nhất 12 ký tự.");
        assertThat(change(http, SecurityFixtures.PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "x").body())
                .contains("Hai lần nhập mật khẩu mới không giống nhau.");
        assertThat(change(http, SecurityFixtures.PASSWORD, SecurityFixtures.PASSWORD, SecurityFixtures.PASSWORD).body())
                .contains("Mật khẩu mới phải khác mật khẩu hiện tại.");
        assertThat(location(Http.on(port).login(user, SecurityFixtures.PASSWORD))).endsWith("/units");
    }

    @Test
    void shouldLockTheUsernameWhenTheCurrentPasswordIsWrongRepeatedly() {
        Http http = Http.on(port);
        http.login(user, SecurityFixtures.PASSWORD);

        for (int i = 1; i < limits.accountMaxFailures(); i++) {
            assertThat(change(http, "wrong-" + i, NEW_PASSWORD, NEW_PASSWORD).body()).contains("Mật khẩu hiện tại không đúng.");
        }
        assertThat(change(http, "wrong-last", NEW_PASSWORD, NEW_PASSWORD).body()).contains("đang tạm khóa");
        assertThat(change(http, SecurityFixtures.PASSWORD, NEW_PASSWORD, NEW_PASSWORD).body()).contains("đang tạm khóa");
        assertThat(location(Http.on(port).login(user, SecurityFixtures.PASSWORD))).contains("/login?locked");
    }

    @Test
    void shouldChangeThePasswordThroughTheApiWhenTheCallerAsks() {
        HttpResponse<String> weak = Http.on(port).postJsonBasic("/api/v1/account/password",
                "{\"currentPassword\":\"" + SecurityFixtures.PASSWORD + "\",\"newPassword\":\"qwertyuiop12\"}",
                user, SecurityFixtures.PASSWORD);
        assertThat(weak.statusCode()).isEqualTo(422);
        assertThat(weak.body()).contains("danh sách mật khẩu phổ biến", "newPassword");

        HttpResponse<String> changed = Http.on(port).postJsonBasic("/api/v1/account/password",
                "{\"currentPassword\":\"" + SecurityFixtures.PASSWORD + "\",\"newPassword\":\"" + NEW_PASSWORD + "\"}",
                user, SecurityFixtures.PASSWORD);

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
        assertThat(Http.on(port).getBasic("/api/v1/units", user, NEW_PASSWORD).statusCode()).isEqualTo(200);
        assertThat(Http.on(port).getBasic("/api/v1/units", user, SecurityFixtures.PASSWORD).statusCode()).isEqualTo(401);
    }
}
