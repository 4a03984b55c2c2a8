package vn.tcxd.browser;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.tcxd.IntegrationTest;
import vn.tcxd.members.MemberMother;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.Reorganisation;
import vn.tcxd.orgstructure.TreeFixture;
import vn.tcxd.orgstructure.UnitType;
import vn.tcxd.security.Accounts;
import vn.tcxd.security.Role;
import vn.tcxd.security.ScopeGrant;

import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A member's path in Chromium, as the two provincial officers see it: admit into a cell of P →
 * admission ceremony → recognition → permanent transfer to a cell of Q → the officer of Q confirms
 * receipt → the badge list. Screenshots m01…m08 under target/screenshots/.
 */
@IntegrationTest
class MemberWalkthroughTests {

    private static final String PASSWORD = "mat-khau-trinh-duyet-7";

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    OrgStructure org;

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

    private static void decide(Page page, String number, String date, String body) {
        page.locator("#decisionNumber").fill(number);
        page.locator("#decisionDate").fill(date);
        page.locator("#decisionBody").fill(body);
    }

    @Test
    void shouldAdmitRecogniseTransferAndReceiveAMember() {
        TreeFixture tree = TreeFixture.standard(org);
        org.apply(new Reorganisation.Establish(new Reorganisation.NewUnit(tree.code("QXC1"), "Chi bộ thôn Mồi " + tree.prefix(),
                null, UnitType.CELL, tree.id("QX"), null), TreeFixture.FOUNDED, TreeFixture.decision(TreeFixture.FOUNDED)));
        String suffix = tree.prefix().toLowerCase();
        accounts.create("walk.p." + suffix, "Cán bộ P", PASSWORD, false, List.of(new ScopeGrant(tree.id("P"), Role.STAFF)));
        accounts.create("walk.q." + suffix, "Cán bộ Q", PASSWORD, false, List.of(new ScopeGrant(tree.id("Q"), Role.STAFF)));

        Page page = loggedIn("walk.p." + suffix, false);
        page.navigate(url("/units/" + tree.id("X1C1")));
        page.locator("#unit-members").click();
        page.locator("text=Kết nạp đảng viên").first().click();
        page.locator("#admittedOn").fill("2023-01-10");
        page.locator("#fullName").fill("Hoàng Văn Bảo");
        page.locator("#gender").selectOption("MALE");
        page.locator("#birthDate").fill("1997-09-02");
        page.locator("#citizenId").fill(MemberMother.citizenId());
        page.locator("#ethnicity").selectOption("01");
        page.locator("#religion").selectOption("KHONG");
        decide(page, "21-QĐ/HU", "2023-01-10", "Ban Thường vụ Huyện ủy");
        Browser.screenshot(page, "m01-admit");
        page.locator("form.stack button[type=submit]").click();
        assertThat(page.locator("h1")).hasText("Hoàng Văn Bảo");
        assertThat(page.locator("#state")).containsText("Đảng viên dự bị");
        Browser.screenshot(page, "m02-profile-probationary");

        page.locator("#acts a[href$='/ceremony']").click();
        page.locator("#on").fill("2023-02-01");
        decide(page, "Biên bản lễ kết nạp", "2023-02-01", "Chi bộ thôn Đông");
        page.locator("form.stack button[type=submit]").click();
        assertThat(page.locator("#deadlines")).containsText("Hết thời kỳ dự bị");

        page.locator("#acts a[href$='/recognise']").click();
        decide(page, "45-QĐ/HU", "2024-02-10", "Ban Thường vụ Huyện ủy");
        page.locator("form.stack button[type=submit]").click();
        assertThat(page.locator("#state")).containsText("Đảng viên chính thức");
        assertThat(page.locator("#timeline")).containsText("Công nhận đảng viên chính thức");
        Browser.screenshot(page, "m03-recognised");

        page.locator("#acts a[href$='/transfer']").click();
        page.locator("#kind").selectOption("PERMANENT");
        page.locator("#targetCode").fill(tree.code("QXC1"));
        page.locator("#letterNumber").fill("GGT-15");
        page.locator("#on").fill("2025-03-03");
        decide(page, "15-GGT/HU", "2025-03-03", "Ban Tổ chức Huyện ủy");
        Browser.screenshot(page, "m04-transfer");
        page.locator("form.stack button[type=submit]").click();
        assertThat(page.locator("#state")).containsText("Đang chuyển sinh hoạt");
        assertThat(page.locator("#transfers")).containsText("GGT-15");
        Browser.screenshot(page, "m05-in-transit");

        Page receiver = loggedIn("walk.q." + suffix, true);
        receiver.navigate(url("/members/transfers"));
        assertThat(receiver.locator("main")).containsText("Hoàng Văn Bảo");
        assertThat(receiver.locator("main")).containsText("GGT-15");
        Browser.screenshot(receiver, "m06-incoming-phone");
        var form = receiver.locator("section.transfer form").first();
        form.locator("input[name=on]").fill("2025-03-20");
        form.locator("input[name=decisionNumber]").fill("Tiếp nhận 3");
        form.locator("input[name=decisionDate]").fill("2025-03-20");
        form.locator("input[name=decisionBody]").fill("Đảng ủy xã Mồi");
        form.locator("button[type=submit]").click();
        assertThat(receiver.locator("h1")).hasText("Hoàng Văn Bảo");
        Browser.screenshot(receiver, "m07-received");
        assertThat(receiver.locator("#timeline")).containsText("Tiếp nhận sinh hoạt đảng");
        assertThat(receiver.locator("main")).containsText("Chi bộ thôn Mồi");

        receiver.navigate(url("/members/badges?unit=" + tree.id("Q")));
        assertThat(receiver.locator("h1")).containsText("Huy hiệu Đảng");
        // the next four award occasions are offered, then past ones
        assertThat(receiver.locator("#occasion option").nth(3)).isAttached();
        Browser.screenshot(receiver, "m08-badges");
    }
}
