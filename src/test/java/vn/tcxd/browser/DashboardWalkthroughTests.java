package vn.tcxd.browser;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.tcxd.IntegrationTest;
import vn.tcxd.orgstructure.OrgStructure;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A user's walk in Chromium through the dashboard of Lam Sơn as at seed 004's date (on a desktop and
 * on a phone), then a saved group of the two demo provinces compared side by side. Screenshots d01…d06
 * under target/screenshots/.
 */
@IntegrationTest
class DashboardWalkthroughTests {

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
    void shouldShowTheLamSonDashboardAndAGroupComparisonWhenWalkedThrough() {
        long lamSon = org.idOfCode("LS").orElseThrow();
        Page page = loggedIn(false);

        // from the unit page to its dashboard, then as at seed 004's date
        page.navigate(url("/units/" + lamSon));
        page.locator("#unit-dashboard").click();
        page.locator("#asOf").fill("2021-11-10");
        page.locator("form.asof button[type=submit]").click();
        assertThat(page.locator("#kpi-MEMBERS .kpi-value")).hasText("45.239");
        assertThat(page.locator("#kpi-GRASSROOTS .kpi-value")).hasText("686");
        assertThat(page.locator("#kpi-CELLS .kpi-value")).hasText("2.538");
        assertThat(page.locator("#kpi-FEMALE")).containsText("trên tổng số đảng viên");
        assertThat(page.locator("#chart-pyramid")).isVisible();
        // the trend arrives by htmx after the page
        page.locator("#trend-table").waitFor();
        assertThat(page.locator("#trend-table")).containsText("45.239");
        Browser.screenshot(page, "d01-dashboard-lam-son-10-11-2021");

        Page phone = loggedIn(true);
        phone.navigate(url("/units/" + lamSon + "/dashboard?asOf=2021-11-10"));
        phone.locator("#trend-table").waitFor();
        Browser.screenshot(phone, "d02-dashboard-phone");

        // a group of the two demo provinces
        page.locator("#groups-link").click();
        page.locator("#new-group").click();
        page.locator("#name").fill("");
        page.locator("form.stack button[type=submit]").click();
        assertThat(page.locator("#name-error")).hasText("Tên nhóm là bắt buộc.");
        Browser.screenshot(page, "d03-group-form-error");
        page.locator("#name").fill("Hai tỉnh demo " + Long.toString(System.nanoTime(), 36));
        page.locator("label.choice:has(code:text-is('LS')) input").check();
        page.locator("label.choice:has(code:text-is('HG')) input").check();
        page.locator("form.stack button[type=submit]").click();
        assertThat(page.locator(".alert.ok")).hasText("Đã lưu nhóm.");
        page.locator("#asOf").fill("2021-11-10");
        page.locator("form.asof button[type=submit]").click();
        assertThat(page.locator("#comparison")).containsText("45.239");
        assertThat(page.locator("#comparison")).containsText("Đảng bộ tỉnh Hòa Giang");
        assertThat(page.locator("#comparison tfoot")).containsText("Tổng cộng");
        Browser.screenshot(page, "d04-group-comparison");

        phone.navigate(page.url());
        Browser.screenshot(phone, "d05-group-comparison-phone");

        page.navigate(url("/units/" + lamSon + "/dashboard?asOf=2021-11-10&lang=en"));
        page.locator("#trend-table").waitFor();
        assertThat(page.locator("#kpi-FEMALE")).containsText("of all members");
        Browser.screenshot(page, "d06-dashboard-english");
    }
}
