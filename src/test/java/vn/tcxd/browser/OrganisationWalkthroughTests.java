package vn.tcxd.browser;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.tcxd.IntegrationTest;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.TreeFixture;

import java.time.LocalDate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A new user's first walk in Chromium: log in → tree → unit → move with a decision → history
 * timeline → the structure as at a date before the move.
 */
@IntegrationTest
class OrganisationWalkthroughTests {

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

    private Page loggedIn(boolean phone) {
        return browser.loggedIn(url("/login"), "admin", "test-admin-Pa55word", phone);
    }

    @Test
    void shouldShowTheDemoProvinceAsAtTheSeedDateAndToday() {
        Page page = loggedIn(false);
        page.locator("#q").fill("dang bo tinh lam son");
        page.locator("#search-results a").first().click();
        assertThat(page.locator("h1")).hasText("Đảng bộ tỉnh Lam Sơn");
        page.locator("#asOf").fill("2021-11-10");
        page.locator("form.asof button[type=submit]").click();
        assertThat(page.locator("#counts")).containsText("686");
        assertThat(page.locator("#counts")).containsText("259 đảng bộ cơ sở, 427 chi bộ cơ sở");
        assertThat(page.locator("#counts")).containsText("2.538");
        Browser.screenshot(page, "00-demo-province-10-11-2021");
        page.locator("form.asof a").click();
        assertThat(page.locator("#counts")).not().containsText("2.538");
        Browser.screenshot(page, "00-demo-province-today");
        // the tree, opened at the province, in a phone-sized window
        Page phone = loggedIn(true);
        phone.locator("#tree details summary").first().click();
        phone.waitForSelector("#tree .tree-slot .tree");
        Browser.screenshot(phone, "00-phone-tree");
    }

    @Test
    void shouldMoveAUnitWithADecisionAndShowItInHistoryAndAsAtViews() {
        TreeFixture tree = TreeFixture.standard(org);
        Page page = loggedIn(false);
        Browser.screenshot(page, "01-tree");

        // type-ahead search without diacritics finds the commune committee
        page.locator("#q").fill("dang bo xa tan lap " + tree.prefix().toLowerCase());
        assertThat(page.locator("#search-results a")).hasCount(1);
        Browser.screenshot(page, "02-search");
        page.locator("#search-results a").first().click();
        assertThat(page.locator("h1")).containsText("Đảng bộ xã Tân Lập");
        Browser.screenshot(page, "03-unit");

        // move it under the other district, with its decision
        page.locator("a[href*='/move']").click();
        page.locator("#targetCode").fill(tree.code("D2"));
        page.locator("#decisionNumber").fill("512-QĐ/TU");
        page.locator("#decisionDate").fill("2026-03-10");
        page.locator("#decisionBody").fill("Ban Thường vụ Tỉnh ủy");
        page.locator("#effectiveOn").fill("2026-04-01");
        Browser.screenshot(page, "04-move-form");
        page.locator("form.stack button[type=submit]").click();

        assertThat(page.locator(".alert.ok")).isVisible();
        assertThat(page.locator(".breadcrumb")).containsText("Huyện ủy Đồng Văn");
        assertThat(page.locator("#history")).containsText("Chuyển trực thuộc");
        assertThat(page.locator("#history")).containsText("512-QĐ/TU");
        Browser.screenshot(page, "05-history");

        // as at a date before the move, the unit still sits under its first district
        page.locator("#asOf").fill(LocalDate.of(2026, 3, 31).toString());
        page.locator("form.asof button[type=submit]").click();
        assertThat(page.locator(".breadcrumb")).containsText("Huyện ủy Sông Cầu");
        Browser.screenshot(page, "06-as-at-before-move");

        // the move is in the audit log with its decision
        page.navigate(url("/audit"));
        assertThat(page.locator("main")).containsText("512-QĐ/TU");
        Browser.screenshot(page, "08-audit");

        // and the same unit page in English
        page.navigate(url("/units/" + tree.id("X1") + "?lang=en"));
        assertThat(page.locator("#history")).containsText("Moved");
        Browser.screenshot(page, "09-unit-english");
    }

    @Test
    void shouldRejectAnIllegalMoveWithAVietnameseMessage() {
        TreeFixture tree = TreeFixture.standard(org);
        Page page = loggedIn(true);
        page.navigate(url("/units/" + tree.id("X1C1") + "/move"));
        page.locator("#targetCode").fill(tree.code("P"));
        page.locator("#decisionNumber").fill("7-QĐ/TU");
        page.locator("#decisionDate").fill("2026-03-10");
        page.locator("#decisionBody").fill("Ban Thường vụ Tỉnh ủy");
        page.locator("#effectiveOn").fill("2026-04-01");
        page.locator("form.stack button[type=submit]").click();
        assertThat(page.locator("#form-error")).containsText("không được trực thuộc");
        Browser.screenshot(page, "07-phone-illegal-move");
    }
}
