package vn.tcxd.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.tcxd.IntegrationTest;
import vn.tcxd.members.Gender;
import vn.tcxd.members.MemberAct;
import vn.tcxd.members.MemberMother;
import vn.tcxd.members.Members;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.TreeFixture;
import vn.tcxd.security.Accounts;
import vn.tcxd.security.Role;
import vn.tcxd.security.ScopeGrant;

import java.time.LocalDate;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The annual review walked in Chromium: the province opens 2024; the cell secretary rates the whole
 * cell on a phone; the commune committee sees the quota violation, lowers one and keeps one above
 * the quota with a reason, decides, then rates the cell itself; the year's results paragraph. Screenshots e01…e07.
 */
@IntegrationTest
class EvaluationWalkthroughTests {

    private static final String PASSWORD = "mat-khau-xep-loai-5";

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    OrgStructure org;

    @Autowired
    Members members;

    @Autowired
    Accounts accounts;

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
        return browser.loggedIn(url("/login"), username, PASSWORD, phone);
    }

    @Test
    void shouldRateACellDecideAboveTheQuotaWithAReasonAndRateTheCell() {
        TreeFixture tree = TreeFixture.standard(org);
        String[] names = {"Nguyễn Thị Hoa", "Trần Văn Bình", "Lê Thị Cúc", "Phạm Văn Dũng", "Hoàng Thị Én", "Vũ Văn Giang"};
        for (String name : names) {
            LocalDate on = LocalDate.of(2019, 5, 19);
            members.apply(new MemberAct.Admit(MemberMother.record(name, name.contains("Thị") ? Gender.FEMALE : Gender.MALE,
                    LocalDate.of(1988, 3, 8)), tree.id("X1C1"), on, MemberMother.decision("19-QĐ/ĐU", on)));
        }
        String suffix = tree.prefix().toLowerCase();
        accounts.create("xl.p." + suffix, "Ban Tổ chức Tỉnh ủy", PASSWORD, false, List.of(new ScopeGrant(tree.id("P"), Role.STAFF)));
        accounts.create("xl.c." + suffix, "Bí thư chi bộ thôn Đông", PASSWORD, false, List.of(new ScopeGrant(tree.id("X1C1"), Role.STAFF)));

        // the province opens the review of 2024 from its unit page
        Page province = loggedIn("xl.p." + suffix, false);
        province.navigate(url("/units/" + tree.id("P")));
        province.locator("#unit-evaluations").click();
        province.locator("#year").fill("2024");
        Browser.screenshot(province, "e01-open-review");
        province.locator("form.stack button[type=submit]").first().click();
        assertThat(province.locator("#progress")).containsText("Đảng viên");
        assertThat(province.locator("main")).containsText("Quy định 124-QĐ/TW");
        String campaignUrl = province.url();

        // the cell secretary rates the whole cell on one screen, on a phone
        Page secretary = loggedIn("xl.c." + suffix, true);
        secretary.navigate(campaignUrl.replaceAll("/units/\\d+$", "/units/" + tree.id("X1C1")));
        Locator rows = secretary.locator("#sheet tbody tr");
        assertThat(rows).hasCount(6);
        // the sheet lists members in Vietnamese name order; the first two are proposed excellent
        String lowered = rows.nth(0).locator("td a").first().innerText();
        String kept = rows.nth(1).locator("td a").first().innerText();
        for (int i = 0; i < 6; i++) {
            String level = i < 2 ? "EXCELLENT" : "GOOD";
            Locator row = rows.nth(i);
            row.locator("select[name$='.selfLevel']").selectOption(level);
            row.locator("select[name$='.level']").selectOption(level);
            row.locator("input[name$='.votesFor']").fill("6");
            row.locator("input[name$='.votesTotal']").fill("6");
        }
        Browser.screenshot(secretary, "e02-cell-sheet-phone");
        secretary.locator("#save-sheet").click();
        assertThat(secretary.locator("#done")).containsText("Đã lưu đánh giá của chi bộ");

        // the commune committee sees the quota violation before deciding
        province.navigate(campaignUrl.replaceAll("/units/\\d+$", "/decide/" + tree.id("X1")));
        assertThat(province.locator("#violations")).containsText("Vượt hạn mức tại");
        Browser.screenshot(province, "e03-quota-violation");
        province.locator("#decisionNumber").fill("45-QĐ/ĐU");
        province.locator("#decisionDate").fill("2025-01-16");
        province.locator("#decide").click();
        assertThat(province.locator("#form-error")).containsText("Vượt hạn mức");

        // lowers the first, keeps the second above the quota with a reason, and decides
        Locator memberRows = province.locator("#to-decide tbody tr").filter(new Locator.FilterOptions().setHasText("Đảng viên"));
        memberRows.filter(new Locator.FilterOptions().setHasText(lowered)).locator("select").selectOption("GOOD");
        memberRows.filter(new Locator.FilterOptions().setHasText(kept)).locator("input.override")
                .fill("Cứu người trong lũ, được Chủ tịch tỉnh tặng Bằng khen");
        province.locator("#decisionNumber").fill("45-QĐ/ĐU");
        province.locator("#decisionDate").fill("2025-01-16");
        province.locator("#decisionBody").fill("Đảng ủy xã Tân Lập");
        province.locator("#decide").click();
        assertThat(province.locator("#done")).containsText("Đã quyết định xếp loại");
        Browser.screenshot(province, "e04-members-decided");

        // then the cell itself: its members are decided, all at least "good"
        Locator cellRow = province.locator("#to-decide tbody tr").filter(new Locator.FilterOptions().setHasText("Chi bộ thôn Đông"))
                .filter(new Locator.FilterOptions().setHasText("Tổ chức đảng"));
        province.locator("#to-decide input[type=checkbox]").evaluateAll("boxes => boxes.forEach(b => b.checked = false)");
        cellRow.locator("input[type=checkbox]").check();
        cellRow.locator("select").selectOption("GOOD");
        province.locator("#decisionNumber").fill("46-QĐ/ĐU");
        province.locator("#decisionDate").fill("2025-01-20");
        province.locator("#decisionBody").fill("Đảng ủy xã Tân Lập");
        province.locator("#decide").click();
        assertThat(province.locator("#done")).containsText("Đã quyết định xếp loại 1");
        assertThat(cellRow.locator("td").last()).containsText("Đã quyết định");
        Browser.screenshot(province, "e05-cell-decided");

        // the rating's steps: self, proposal with the vote, decision, override
        memberRows.filter(new Locator.FilterOptions().setHasText(kept)).locator("a").first().click();
        assertThat(province.locator("#steps")).containsText("Vượt hạn mức");
        assertThat(province.locator("#steps")).containsText("6/6 phiếu tán thành");
        Browser.screenshot(province, "e06-rating-steps");

        // the year's results through the statistics engine, with the paragraph and the base of every share
        province.navigate(campaignUrl);
        province.locator("#results-link").click();
        assertThat(province.locator("#rating-paragraph")).containsText("6/6 đảng viên được xếp loại hoàn thành tốt nhiệm vụ trở lên");
        assertThat(province.locator("#rating-paragraph")).containsText("1 đảng viên được xếp loại hoàn thành xuất sắc nhiệm vụ");
        Browser.screenshot(province, "e07-results-paragraph");
    }
}
