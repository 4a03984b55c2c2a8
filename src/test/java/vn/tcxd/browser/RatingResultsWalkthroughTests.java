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
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An officer of the demo province reads the rating results in Chromium: Lam Sơn 2021 with the
 * paragraph, the comparison with 2020 and the consequence lists, then 2011 under the old scheme
 * (htmx swaps the results), the workbook download, and the page on a phone.
 */
@IntegrationTest
class RatingResultsWalkthroughTests {

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    OrgStructure org;

    @BeforeAll
    static void startBrowser() {
        browser = new Browser();
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
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
    void shouldShowTheRatingResultsOfLamSonWhenAnOfficerOpensTheYear() throws Exception {
        long lamSon = org.idOfCode("LS").orElseThrow();
        Page page = loggedIn(false);
        page.navigate(url("/units/" + lamSon + "/ratings?year=2021"));
        assertThat(page.locator("h1")).containsText("năm 2021");
        assertThat(page.locator("#rating-paragraph")).containsText("Toàn tỉnh có ");
        assertThat(page.locator("#rating-paragraph")).containsText("tổ chức cơ sở đảng được xếp loại hoàn thành tốt nhiệm vụ trở lên");
        assertThat(page.locator("#rating-comparison")).containsText("So với năm 2020");
        assertThat(page.locator("#rating-MEMBER")).containsText("Hoàn thành xuất sắc nhiệm vụ");
        assertThat(page.locator("#rating-removal summary")).containsText("Danh sách");
        Browser.screenshot(page, "e11-ratings-lam-son-2021");

        page.locator("#year").selectOption("2011");
        page.locator("#rating-year button[type=submit]").click();
        assertThat(page.locator("#rating-paragraph")).containsText("đạt trong sạch vững mạnh");
        assertThat(page.locator("#rating-GRASSROOTS")).containsText("Trong sạch vững mạnh tiêu biểu");
        assertThat(page).hasURL(Pattern.compile(".*year=2011.*"));
        Browser.screenshot(page, "e12-ratings-lam-son-2011");

        Download download = page.waitForDownload(() -> page.locator("#ratings-xlsx").click());
        Path saved = Path.of("target", "reports", "e-walkthrough-2011.xlsx");
        Files.createDirectories(saved.getParent());
        download.saveAs(saved);
        assertThat(download.suggestedFilename()).isEqualTo("xep-loai-LS-year-2011.xlsx");
        assertThat(Files.size(saved)).isGreaterThan(1_000);

        Page phone = loggedIn(true);
        phone.navigate(url("/units/" + lamSon + "/ratings?year=2022"));
        assertThat(phone.locator("#rating-commendation summary")).containsText("Danh sách");
        Browser.screenshot(phone, "e13-ratings-phone-2022");
        phone.locator("#rating-commendation summary").click();
        assertThat(phone.locator("#rating-commendation table")).isVisible();
    }
}
