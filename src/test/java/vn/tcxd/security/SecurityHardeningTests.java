package vn.tcxd.security;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tcxd.Http;
import vn.tcxd.IntegrationTest;
import vn.tcxd.orgstructure.OrgStructure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What was found when TCXD was tried as an attacker: a busy database reported as a wrong password, the
 * API writing for a cross-site form with a browser's cached Basic credentials, metrics open to every
 * account, and a login error that spoke of a lockout that does not exist.
 */
@IntegrationTest
class SecurityHardeningTests {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = SecurityConfigurationTests.ADMIN_PASSWORD;
    static final String BOUNDARY = "----tcxd-cross-site";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    OrgStructure org;
    @Autowired
    HikariDataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldNotCallItAWrongPasswordWhenNoDatabaseConnectionIsFreeDuringLogin() throws Exception {
        Http http = Http.on(port);
        long timeout = dataSource.getConnectionTimeout();
        List<Connection> held = new ArrayList<>();
        dataSource.getHikariConfigMXBean().setConnectionTimeout(300);
        HttpResponse<String> login;
        HttpResponse<String> api;
        try {
            // every connection of the pool busy, as under a long period-end freeze with many users
            while (held.size() < dataSource.getMaximumPoolSize()) {
                held.add(dataSource.getConnection());
            }
            login = http.login(ADMIN, ADMIN_PASSWORD);
            api = Http.on(port).getBasic("/api/v1/accounts", ADMIN, ADMIN_PASSWORD);
        } finally {
            for (Connection c : held) {
                close(c);
            }
            dataSource.getHikariConfigMXBean().setConnectionTimeout(timeout);
        }

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?unavailable"));
        String page = http.get("/login?unavailable").body();
        assertThat(page).contains("Hệ thống đang bận", "không phải do sai mật khẩu").doesNotContain("Sai tên đăng nhập");
        assertThat(api.statusCode()).as(api.body()).isEqualTo(503);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(api.body()).contains("Hệ thống đang bận").doesNotContain("Cần đăng nhập");
        // and once a connection is free again the same login works
        assertThat(Http.on(port).login(ADMIN, ADMIN_PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/units"));
    }

    @Test
    void shouldKeepTheWrongPasswordMessageWithoutMentioningALockout() {
        Http http = Http.on(port);

        HttpResponse<String> login = http.login(ADMIN, "not-the-password");

        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        String page = http.get("/login?error").body();
        assertThat(page).contains("Sai tên đăng nhập hoặc mật khẩu").doesNotContain("bị khóa", "khóa tài khoản");
        assertThat(Http.on(port).get("/login?error&lang=en").body()).contains("Wrong username or password")
                .doesNotContain("locked");
    }

    @Test
    void shouldShowMetricsToAdministratorsOnly() {
        SecurityFixtures.Tree tree = SecurityFixtures.tree(org);
        String staff = SecurityFixtures.account(accounts, "staff", tree.provinceA(), Role.STAFF);
        String viewer = SecurityFixtures.account(accounts, "viewer", tree.provinceA(), Role.VIEWER);
        String provincialAdmin = SecurityFixtures.account(accounts, "padmin", tree.provinceA(), Role.ADMIN);

        for (String user : List.of(staff, viewer)) {
            Http http = Http.on(port);
            http.login(user, SecurityFixtures.PASSWORD);
            assertThat(http.get("/actuator/metrics").statusCode()).as(user).isEqualTo(403);
            assertThat(http.get("/actuator/metrics/jvm.memory.used").statusCode()).as(user).isEqualTo(403);
            assertThat(http.get("/actuator/health").statusCode()).as(user).isEqualTo(200);
        }
        Http admin = Http.on(port);
        admin.login(provincialAdmin, SecurityFixtures.PASSWORD);
        assertThat(admin.get("/actuator/metrics").statusCode()).isEqualTo(200);
        assertThat(Http.on(port).get("/actuator/health").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRefuseACrossSiteImportWithCachedBasicCredentialsAndWriteNothing() {
        long members = members();
        String csv = "Họ và tên,Giới tính\nNguyễn Văn Chéo,Nam\n";

        HttpResponse<String> fromOrigin = upload(csv, Map.of("Origin", "https://evil.example"));
        HttpResponse<String> fromFetchSite = upload(csv, Map.of("Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example"));
        HttpResponse<String> fromNullOrigin = upload(csv, Map.of("Origin", "null"));

        for (HttpResponse<String> refused : List.of(fromOrigin, fromFetchSite, fromNullOrigin)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(refused.body()).contains("trang web khác");
        }
        assertThat(members()).isEqualTo(members);
        // TCXD's own pages (the Swagger UI) and programs without a browser are served: the file is read and judged
        assertThat(upload(csv, Map.of("Origin", "http://localhost:" + port, "Sec-Fetch-Site", "same-origin")).statusCode())
                .isEqualTo(422);
        assertThat(upload(csv, Map.of()).statusCode()).isEqualTo(422);
        // a cross-site read is not a write: the browser keeps its answer from the other site anyway
        assertThat(send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/accounts")).GET()
                .header("Origin", "https://evil.example"), true).statusCode()).isEqualTo(200);
    }

    private long members() {
        return jdbc.queryForObject("select count(*) from members.member", Long.class);
    }

    private HttpResponse<String> upload(String csv, Map<String, String> headers) {
        String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"dv.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + BOUNDARY + "--\r\n";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/members/import"))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY);
        headers.forEach(request::header);
        return send(request, true);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, boolean basic) {
        if (basic) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
