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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed logins are throttled per username and per client address, counted in PostgreSQL (so two app nodes
 * share the count), for form login and HTTP Basic alike; locks are audited and an administrator lifts them.
 * All tests come from the same address, so each forgets its failures afterwards.
 */
@IntegrationTest
class LoginThrottleTests {

    static final String ADMIN_PASSWORD = SecurityConfigurationTests.ADMIN_PASSWORD;

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

    SecurityFixtures.Tree tree;
    final List<String> names = new ArrayList<>();

    @BeforeEach
    void fixtures() {
        tree = SecurityFixtures.tree(org);
    }

    @AfterEach
    void forgetFailures() {
        for (String name : names) {
            jdbc.sql("delete from security.login_failure where username = ?").param(name).update();
            jdbc.sql("delete from security.login_state where username = ?").param(name).update();
        }
    }

    private String staff() {
        String name = SecurityFixtures.account(accounts, "lock", tree.provinceA(), Role.STAFF);
        names.add(name);
        return name;
    }

    private String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private long audited(String action, long accountId) {
        return jdbc.sql("select count(*) from security.audit_entry where action = ? and entity_id = ?")
                .params(action, Long.toString(accountId)).query(Long.class).single();
    }

    @Test
    void shouldLockTheAccountAfterTheConfiguredFailuresWhenLoggingInByForm() {
        String name = staff();
        long id = accounts.find(name).orElseThrow().id();
        int max = limits.accountMaxFailures();

        for (int i = 1; i < max; i++) {
            assertThat(location(Http.on(port).login(name, "wrong-password-" + i))).endsWith("/login?error");
        }
        Http http = Http.on(port);
        String locked = location(http.login(name, "wrong-password-last"));

        long minutes = limits.lockDuration().toMinutes();
        assertThat(locked).endsWith("/login?locked&minutes=" + minutes + "&failures=" + max);
        // even the right password is refused while the lock holds
        assertThat(location(Http.on(port).login(name, SecurityFixtures.PASSWORD))).contains("/login?locked");
        String page = http.get(locked.substring(locked.indexOf("/login"))).body();
        assertThat(page).contains("đang tạm khóa", "sai " + max + " lần liên tiếp", "sau " + minutes + " phút")
                .doesNotContain("Sai tên đăng nhập hoặc mật khẩu");
        assertThat(Http.on(port).get("/login?locked&minutes=3&failures=5&lang=en").body())
                .contains("after 5 failed logins in a row", "in 3 minutes");
        assertThat(audited("security.ACCOUNT_LOCKED", id)).isEqualTo(1);
        assertThat(accounts.find(name).orElseThrow().lockedUntil()).isNotNull();
    }

    @Test
    void shouldAnswer429AndLockTheAccountWhenBasicCredentialsFailRepeatedly() {
        String name = staff();
        int max = limits.accountMaxFailures();

        for (int i = 1; i < max; i++) {
            assertThat(Http.on(port).getBasic("/api/v1/audit", name, "wrong-" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = Http.on(port).getBasic("/api/v1/audit", name, "wrong-last");
        HttpResponse<String> rightPassword = Http.on(port).getBasic("/api/v1/audit", name, SecurityFixtures.PASSWORD);

        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).hasValue(Long.toString(limits.lockDuration().toSeconds()));
        assertThat(locked.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(locked.body()).contains("\"status\":429", "đang tạm khóa", max + " lần liên tiếp");
        assertThat(rightPassword.statusCode()).isEqualTo(429);
        // the lock is one count for both ways in: the form login is refused as well
        assertThat(location(Http.on(port).login(name, SecurityFixtures.PASSWORD))).contains("/login?locked");
    }

    @Test
    void shouldStartCountingAgainWhenALoginSucceeds() {
        String name = staff();
        int max = limits.accountMaxFailures();

        for (int i = 1; i < max; i++) {
            Http.on(port).login(name, "wrong-" + i);
        }
        assertThat(location(Http.on(port).login(name, SecurityFixtures.PASSWORD))).endsWith("/units");
        for (int i = 1; i < max; i++) {
            assertThat(location(Http.on(port).login(name, "wrong-again-" + i))).endsWith("/login?error");
        }
        assertThat(location(Http.on(port).login(name, SecurityFixtures.PASSWORD))).endsWith("/units");
    }

    @Test
    void shouldLockAnUnknownUsernameLikeARealOneWhenItFailsRepeatedly() {
        String unknown = "nobody." + SecurityFixtures.suffix().toLowerCase();
        names.add(unknown);
        long locksBefore = jdbc.sql("select count(*) from security.audit_entry where action = 'security.ACCOUNT_LOCKED'")
                .query(Long.class).single();
        String last = "";
        for (int i = 0; i < limits.accountMaxFailures(); i++) {
            last = location(Http.on(port).login(unknown, "whatever-" + i));
        }
        // the same answer as for a real account, so a guesser learns nothing about which names exist
        assertThat(last).contains("/login?locked&minutes=");
        // no account, so nothing to audit (the lock is logged)
        assertThat(jdbc.sql("select count(*) from security.audit_entry where action = 'security.ACCOUNT_LOCKED'")
                .query(Long.class).single()).isEqualTo(locksBefore);
    }

    @Test
    void shouldLetAnAdministratorUnlockWhenTheAccountIsLocked() {
        String name = staff();
        long id = accounts.find(name).orElseThrow().id();
        String unitAdmin = SecurityFixtures.account(accounts, "unlock-admin", tree.provinceA(), Role.ADMIN);
        String foreignAdmin = SecurityFixtures.account(accounts, "foreign-admin", tree.provinceB(), Role.ADMIN);
        for (int i = 0; i < limits.accountMaxFailures(); i++) {
            Http.on(port).login(name, "wrong-" + i);
        }
        Http admin = Http.on(port);
        assertThat(location(admin.login(unitAdmin, SecurityFixtures.PASSWORD))).endsWith("/units");
        assertThat(admin.get("/accounts").body()).contains("Tạm khóa đăng nhập đến", "Mở tạm khóa đăng nhập");

        // an administrator of another province does not see the account at all
        HttpResponse<String> foreign = Http.on(port).postJsonBasic("/api/v1/accounts/" + id + "/unlock", "",
                foreignAdmin, SecurityFixtures.PASSWORD);
        assertThat(foreign.statusCode()).isEqualTo(404);

        HttpResponse<String> unlocked = admin.postForm("/accounts", "/accounts/" + id + "/unlock", Map.of());
        assertThat(location(unlocked)).endsWith("/accounts");
        assertThat(admin.get("/accounts").body()).contains("Đã mở tạm khóa đăng nhập của tài khoản " + name)
                .doesNotContain("Tạm khóa đăng nhập đến");
        assertThat(location(Http.on(port).login(name, SecurityFixtures.PASSWORD))).endsWith("/units");
        assertThat(audited("security.ACCOUNT_UNLOCKED", id)).isEqualTo(1);
        assertThat(jdbc.sql("select actor from security.audit_entry where action = 'security.ACCOUNT_UNLOCKED' and entity_id = ?")
                .param(Long.toString(id)).query(String.class).single()).isEqualTo(unitAdmin);
    }

    @Test
    void shouldUnlockThroughTheApiWhenAnAdministratorAsks() {
        String name = staff();
        long id = accounts.find(name).orElseThrow().id();
        for (int i = 0; i < limits.accountMaxFailures(); i++) {
            Http.on(port).getBasic("/api/v1/audit", name, "wrong-" + i);
        }
        assertThat(Http.on(port).getBasic("/api/v1/accounts", "admin", ADMIN_PASSWORD).body())
                .contains("\"username\":\"" + name + "\"", "\"lockedUntil\"");

        HttpResponse<String> unlocked = Http.on(port).postJsonBasic("/api/v1/accounts/" + id + "/unlock", "",
                "admin", ADMIN_PASSWORD);

        assertThat(unlocked.statusCode()).as(unlocked.body()).isEqualTo(200);
        assertThat(unlocked.body()).contains("\"username\":\"" + name + "\"").doesNotContain("lockedUntil");
        assertThat(Http.on(port).getBasic("/api/v1/audit", name, SecurityFixtures.PASSWORD).statusCode()).isEqualTo(403);
        assertThat(audited("security.ACCOUNT_UNLOCKED", id)).isEqualTo(1);
    }

    @Test
    void shouldThrottleTheClientAddressWhenManyNamesFailFromIt() {
        String first = "spray." + SecurityFixtures.suffix().toLowerCase();
        names.add(first);
        Http.on(port).login(first, "guess");
        String address = jdbc.sql("select client_address from security.login_failure where username = ?")
                .param(first).query(String.class).single();
        try {
            int already = jdbc.sql("select count(*) from security.login_failure where client_address = ?")
                    .param(address).query(Integer.class).single();
            // a password spray: one guess for each of many names, seeded directly up to one below the limit
            for (int i = already; i < limits.addressMaxFailures() - 1; i++) {
                jdbc.sql("insert into security.login_failure (username, client_address, failed_at) values (?, ?, now())")
                        .params("spray-" + i, address).update();
            }
            String last = "spray.last." + SecurityFixtures.suffix().toLowerCase();
            names.add(last);

            String throttled = location(Http.on(port).login(last, "guess"));
            HttpResponse<String> api = Http.on(port).getBasic("/api/v1/accounts", "admin", ADMIN_PASSWORD);

            assertThat(throttled).contains("/login?throttled&minutes=").endsWith("&failures=" + limits.addressMaxFailures());
            assertThat(Http.on(port).get(throttled.substring(throttled.indexOf("/login"))).body())
                    .contains("đã đăng nhập sai " + limits.addressMaxFailures() + " lần");
            // while the address is throttled, nobody logs in from it
            assertThat(location(Http.on(port).login("admin", ADMIN_PASSWORD))).contains("/login?throttled");
            assertThat(api.statusCode()).isEqualTo(429);
            assertThat(api.body()).contains(limits.addressMaxFailures() + " lần trong thời gian ngắn");
        } finally {
            jdbc.sql("delete from security.login_failure where client_address = ?").param(address).update();
        }
        assertThat(location(Http.on(port).login("admin", ADMIN_PASSWORD))).endsWith("/units");
    }
}
