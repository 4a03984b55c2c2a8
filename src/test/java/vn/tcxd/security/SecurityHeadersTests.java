package vn.tcxd.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.tcxd.Http;
import vn.tcxd.IntegrationTest;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headers and cookies that make a browser refuse what an attacker would slip in: a strict Content-Security-Policy
 * (no inline script or style anywhere, so none is needed), no framing, no referrer to other sites, no sniffing,
 * a SameSite session cookie.
 */
@IntegrationTest
class SecurityHeadersTests {

    @LocalServerPort
    int port;

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    @Test
    void shouldSendAStrictContentSecurityPolicyAndTheOtherHeadersWhenAPageIsServed() {
        Http http = Http.on(port);
        http.login("admin", SecurityConfigurationTests.ADMIN_PASSWORD);

        for (String path : List.of("/login", "/units", "/accounts", "/audit")) {
            HttpResponse<String> page = path.equals("/login") ? Http.on(port).get(path) : http.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            String csp = header(page, "Content-Security-Policy");
            assertThat(csp).as(path).contains("default-src 'self'", "script-src 'self'", "style-src 'self'",
                    "frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'").doesNotContain("unsafe");
            assertThat(header(page, "Referrer-Policy")).isEqualTo("same-origin");
            assertThat(header(page, "Permissions-Policy")).contains("camera=()", "microphone=()", "geolocation=()");
            assertThat(header(page, "X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(header(page, "X-Frame-Options")).isEqualTo("DENY");
            // plain HTTP: HSTS only once TLS is in front (docs/operations.md)
            assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
        }
    }

    @Test
    void shouldRelaxOnlyStylesWhenTheSwaggerUiIsServed() {
        HttpResponse<String> ui = Http.on(port).get("/swagger-ui/index.html");

        String csp = header(ui, "Content-Security-Policy");
        assertThat(csp).contains("style-src 'self' 'unsafe-inline'", "script-src 'self';", "frame-ancestors 'none'");
    }

    @Test
    void shouldMarkTheSessionCookieSameSiteLaxAndHttpOnlyWhenASessionStarts() {
        HttpResponse<String> login = Http.on(port).get("/login");

        String cookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Lax");
    }

    @Test
    void shouldForbidEverythingInTheApiPolicyWhenJsonIsServed() {
        HttpResponse<String> api = Http.on(port).getBasic("/api/v1/accounts", "admin", SecurityConfigurationTests.ADMIN_PASSWORD);

        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(header(api, "Content-Security-Policy")).contains("default-src 'none'", "frame-ancestors 'none'");
        assertThat(header(api, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(header(api, "Referrer-Policy")).isEqualTo("same-origin");
    }

    @Test
    void shouldServeTheStylesheetsThatReplacedInlineStylesWhenRequested() {
        for (String css : List.of("/css/tcxd.css", "/css/public.css", "/css/reports-forms.css", "/css/reports-ratings.css")) {
            HttpResponse<String> response = Http.on(port).get(css);
            assertThat(response.statusCode()).as(css).isEqualTo(200);
            assertThat(header(response, "Content-Type")).startsWith("text/css");
        }
    }

    /** Anything inline would be blocked by the policy; this keeps new templates from needing 'unsafe-inline'. */
    @Test
    void shouldFindNoInlineScriptStyleOrHandlerWhenTemplatesAreScanned() throws IOException {
        Pattern inline = Pattern.compile("<script(?![^>]*\\bth:src=|[^>]*\\bsrc=)[^>]*>|<style\\b|\\sstyle\\s*=|\\sth:style\\s*=|"
                + "\\son[a-z]+\\s*=|\\sth:on[a-z]+\\s*=|\\shx-on[:-]|javascript:|\\bjs:", Pattern.CASE_INSENSITIVE);
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = inline.matcher(Files.readString(file));
                while (m.find()) {
                    found.add(file + ": " + m.group());
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
