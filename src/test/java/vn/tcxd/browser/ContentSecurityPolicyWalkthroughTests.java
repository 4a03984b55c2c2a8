package vn.tcxd.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.tcxd.IntegrationTest;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.Reorganisation;
import vn.tcxd.orgstructure.UnitType;
import vn.tcxd.shared.DecisionRef;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every main page in Chromium under the strict Content-Security-Policy: the browser reports each blocked
 * inline script, style or handler on the console, and none may appear (nor a script error, which is what a
 * blocked script would cause). Its own small tree, so it holds with or without the demo data.
 */
@IntegrationTest
class ContentSecurityPolicyWalkthroughTests {

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    OrgStructure org;

    @BeforeAll
    static void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private long establish(String code, String name, UnitType type, Long parent) {
        return org.apply(new Reorganisation.Establish(new Reorganisation.NewUnit(code, name, null, type, parent, null),
                LocalDate.of(2020, 1, 15), new DecisionRef(code + "-QĐ/TW", LocalDate.of(2020, 1, 15), "Ban Bí thư")));
    }

    @Test
    void shouldReportNoPolicyViolationWhenTheMainPagesAreOpened() {
        String s = Long.toString(System.nanoTime(), 36).toUpperCase(Locale.ROOT);
        long province = establish("CSP-P-" + s, "Đảng bộ tỉnh Chính Sách " + s, UnitType.PROVINCIAL, null);
        establish("CSP-C-" + s, "Chi bộ Chính Sách " + s, UnitType.GRASSROOTS_CELL, province);
        Page page = browser.loggedIn(url("/login"), "admin", "test-admin-Pa55word", false);
        List<String> violations = new ArrayList<>();
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy") || message.text().contains("Refused to")) {
                violations.add(page.url() + " → " + message.text());
            }
        });
        page.onPageError(error -> violations.add(page.url() + " → script error: " + error));

        List<String> paths = List.of("/units", "/units/" + province, "/units/" + province + "/dashboard",
                "/units/" + province + "/reports", "/units/" + province + "/ratings", "/units/" + province + "/cadres",
                "/units/" + province + "/committees", "/units/" + province + "/consultations",
                "/members", "/members/due", "/members/new", "/members/import", "/members/transfers", "/members/badges",
                "/evaluations", "/cadres", "/dashboard", "/reports/forms", "/unit-groups", "/admin/holidays",
                "/accounts", "/accounts/new", "/audit", "/api", "/units/" + province + "/votes");
        List<String> opened = new ArrayList<>();
        for (String path : paths) {
            page.navigate(url(path));
            // htmx loads parts of some pages (dashboard figures) after the page itself
            page.waitForLoadState(LoadState.NETWORKIDLE);
            opened.add(path + " " + page.title());
        }
        Page anonymous = browser.page(true);
        anonymous.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                violations.add(anonymous.url() + " → " + message.text());
            }
        });
        anonymous.navigate(url("/login"));
        anonymous.waitForLoadState(LoadState.NETWORKIDLE);
        // the voter's phone ballot (votes), without an account
        anonymous.navigate(url("/public/ballot"));
        anonymous.waitForLoadState(LoadState.NETWORKIDLE);
        Browser.screenshot(page, "csp01-audit");

        assertThat(opened).hasSize(paths.size());
        assertThat(violations).isEmpty();
    }
}
