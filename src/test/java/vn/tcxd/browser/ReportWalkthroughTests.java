package vn.tcxd.browser;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.tcxd.IntegrationTest;
import vn.tcxd.orgstructure.OrgStructure;

import java.nio.file.Files;
import java.nio.file.Path;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An officer of the demo province reads the report forms in Chromium: from the unit page to form
 * 3-TCTW as at the seed date, over to 1-TCTW for the year, then an export of all forms as PDF with
 * its progress, and the same page on a phone.
 */
@IntegrationTest
class ReportWalkthroughTests {

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    OrgStructure org;

    @BeforeAll
    static void startBrowser() {
        browser = new Browser();
        // forms of a past date are computed from the roll's history: allow a cold start
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(60_000);
    }

    @AfterAll
    static void stopBrowser() {
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(5_000);
        browser.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private Page loggedIn(boolean phone) {
        Page page = browser.loggedIn(url("/login"), "admin", "test-admin-Pa55word", phone);
        page.setDefaultTimeout(30_000);
        return page;
    }

    @Test
    void shouldShowTheFormsOfLamSonAndExportThemWithProgressWhenAnOfficerOpensTheReports() throws Exception {
        long lamSon = org.idOfCode("LS").orElseThrow();
        Page page = loggedIn(false);
        page.navigate(url("/units/" + lamSon + "?asOf=2021-11-10"));
        page.locator("#unit-reports").click();
        page.locator("#tab-3").click();
        assertThat(page.locator("#report-form")).containsText("Biểu 3-TCTW");
        assertThat(page.locator("#report-form")).containsText("Có đến ngày 10/11/2021");
        assertThat(page.locator("#report-table tr[data-row='1']")).containsText("45.239");
        assertThat(page.locator("#narrative")).containsText("Đảng bộ tỉnh có 15 đảng bộ trực thuộc");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*form=3.*asOf=2021-11-10.*"));
        Browser.screenshot(page, "r01-report-form-3");

        page.locator("#tab-1").click();
        assertThat(page.locator("#report-form")).containsText("Biểu 1-TCTW");
        assertThat(page.locator("#report-form")).containsText("Từ ngày 1/1/2021 đến ngày 10/11/2021");
        assertThat(page.locator("#report-table tr[data-row='5']")).containsText("45.239");
        Browser.screenshot(page, "r02-report-form-1");

        page.locator("#download-pdf-all").click();
        assertThat(page.locator("#export-status")).containsText("Đang lập báo cáo");
        Browser.screenshot(page, "r03-export-progress");
        assertThat(page.locator("#export-file")).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions
                .IsVisibleOptions().setTimeout(120_000));
        Browser.screenshot(page, "r04-export-ready");
        Download download = page.waitForDownload(() -> page.locator("#export-file").click());
        Path saved = Path.of("target", "reports", "r-walkthrough-all.pdf");
        Files.createDirectories(saved.getParent());
        download.saveAs(saved);
        assertThat(new String(Files.readAllBytes(saved), 0, 5)).isEqualTo("%PDF-");
        assertThat(download.suggestedFilename()).isEqualTo("bao-cao-LS-all-2021-11-10.pdf");

        Page phone = loggedIn(true);
        phone.navigate(url("/units/" + lamSon + "/reports?form=4&asOf=2021-11-10"));
        assertThat(phone.locator("#report-form")).containsText("Biểu 4-TCTW");
        Browser.screenshot(phone, "r05-phone-form-4");
    }
}
