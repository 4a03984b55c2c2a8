package vn.tcxd.browser;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.tcxd.IntegrationTest;
import vn.tcxd.evaluations.ConsultationSummary;
import vn.tcxd.evaluations.Consultations;
import vn.tcxd.evaluations.Evaluations;
import vn.tcxd.evaluations.consultation.ConsultationFixture;
import vn.tcxd.members.Members;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.security.Accounts;

import java.time.Duration;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The public consultation of seed 002 in Chromium: the commune's staff opens a window → a logged-out
 * visitor on a phone reads the proposals and leaves feedback about a member → the member's cell reads
 * it → the window's time passes and the page is gone. Screenshots c01…c05 under target/screenshots/.
 */
@IntegrationTest
class ConsultationWalkthroughTests {

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    Consultations consultations;

    @Autowired
    Evaluations evaluations;

    @Autowired
    OrgStructure org;

    @Autowired
    Members members;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

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

    private Page loggedIn(String username, boolean phone) {
        return browser.loggedIn(url("/login"), username, ConsultationFixture.PASSWORD, phone);
    }

    @Test
    void shouldOpenAWindowTakeFeedbackFromALoggedOutPhoneAndShowItToTheCell() {
        ConsultationFixture f = ConsultationFixture.build(org, members, evaluations, accounts);

        // the commune committee's staff opens a ten-day window on the 2024 proposals
        Page staff = loggedIn(f.staffP, false);
        staff.navigate(url("/units/" + f.tree.id("X1") + "/consultations"));
        String closes = staff.locator("#opensAt").inputValue().substring(0, 10);
        staff.locator("#closesAt").fill(java.time.LocalDate.parse(closes).plusDays(10) + "T17:00");
        Browser.screenshot(staff, "c01-open-consultation");
        staff.locator("#open-form button[type=submit]").click();
        assertThat(staff.locator("#opened")).isVisible();
        assertThat(staff.locator("#windows")).containsText("Đang mở");
        String publicUrl = staff.locator("#windows a.public-link").first().getAttribute("href");
        Browser.screenshot(staff, "c02-window-opened");

        // a visitor who never logged in, on a phone
        Page visitor = browser.page(true);
        visitor.navigate(url(publicUrl));
        assertThat(visitor.locator("#organisation")).containsText("Đảng bộ xã Tân Lập");
        assertThat(visitor.locator("#members")).containsText("Đỗ Thị Giang");
        assertThat(visitor.locator("#members")).not().containsText("Vũ Văn Hải");
        assertThat(visitor.locator("nav.mainnav")).hasCount(0);
        assertThat(visitor.locator("#website")).not().isInViewport();
        Browser.screenshot(visitor, "c03-public-page-phone");
        visitor.locator("#subject").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Đỗ Thị Giang"));
        visitor.locator("#text").fill("Đồng chí Giang nhiệt tình với công việc của khu dân cư, được bà con tin tưởng.");
        visitor.locator("#authorName").fill("Nguyễn Văn Dân");
        visitor.waitForTimeout(3_200); // a person reads before sending; faster is refused as a robot
        visitor.locator("#feedback button[type=submit]").click();
        assertThat(visitor.locator("#thanks")).isVisible();
        Browser.screenshot(visitor, "c04-feedback-thanks");

        // the member's cell reads it
        staff.navigate(url("/units/" + f.tree.id("X1BC1") + "/consultations"));
        assertThat(staff.locator("#feedback")).containsText("Đồng chí Giang nhiệt tình");
        assertThat(staff.locator("#feedback")).containsText("Nguyễn Văn Dân");
        Browser.screenshot(staff, "c05-feedback-reached-cell");

        // the days pass: the public page is gone
        ConsultationSummary window = consultations.consultations(f.tree.id("X1")).getFirst();
        ConsultationFixture.letTimePass(jdbc, window.id(), Duration.ofDays(11));
        visitor.navigate(url(publicUrl));
        assertThat(visitor.locator("h1")).hasText("Không tìm thấy trang");
        assertThat(visitor.locator("main")).not().containsText("Đỗ Thị Giang");
        Browser.screenshot(visitor, "c06-closed-not-found");
    }
}
