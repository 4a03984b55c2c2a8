package vn.tcxd.browser;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.tcxd.IntegrationTest;
import vn.tcxd.cadres.CadreAct;
import vn.tcxd.cadres.Cadres;
import vn.tcxd.members.Members;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.security.Accounts;
import vn.tcxd.security.Role;
import vn.tcxd.security.ScopeGrant;
import vn.tcxd.shared.DecisionRef;
import vn.tcxd.votes.VoteFixture;
import vn.tcxd.votes.Votes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A confidence vote walked in Chromium: the commission convenes a session of a provincial committee of
 * seven, takes attendance (four on paper), prints the codes; three voters vote on their phones and keep
 * their receipts; the counting board enters the paper ballots; after the window the results show the
 * outcome; the session is concluded; the bulletin board recomputes the tally; and the planning shows the
 * proposal to remove the cadre who got over half low votes. Screenshots v01…v09.
 */
@IntegrationTest
class VoteWalkthroughTests {

    private static final String PASSWORD = "mat-khau-lay-phieu-2026";

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    OrgStructure org;

    @Autowired
    Members members;

    @Autowired
    Cadres cadres;

    @Autowired
    Votes votes;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

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

    @Test
    void shouldRunAConfidenceVoteFromConveningToThePlanning() {
        VoteFixture f = new VoteFixture(org, members, cadres, votes, jdbc, clock, 7);
        long front = f.committee.get(2);
        DecisionRef planning = new DecisionRef("120-QĐ/TU", LocalDate.of(2026, 3, 2), "Ban Thường vụ Tỉnh ủy");
        cadres.apply(new CadreAct.AddToPlan("LOCAL_2030_2035", f.unit(), "PROVINCIAL.ORGANISATION_HEAD", front, planning.date(), planning));
        String user = "btc.phieu." + f.tree.prefix().toLowerCase();
        accounts.create(user, "Ban Tổ chức Tỉnh ủy", PASSWORD, false, List.of(new ScopeGrant(f.unit(), Role.STAFF)));

        // 1. convene: the committee of the day, the three title holders, the window of the session
        Page desk = browser.loggedIn(url("/login"), user, PASSWORD, false);
        desk.navigate(url("/units/" + f.unit() + "/votes"));
        LocalDateTime now = LocalDateTime.now(clock).withSecond(0).withNano(0);
        desk.locator("#name").fill("Lấy phiếu tín nhiệm giữa nhiệm kỳ 2025–2030");
        desk.locator("#opensAt").fill(now.minusHours(1).toString());
        desk.locator("#closesAt").fill(now.plusHours(2).toString());
        desk.locator("#convene-decisionNumber").fill("45-TB/TU");
        desk.locator("#convene-decisionDate").fill("2026-11-20");
        desk.locator("#convene-decisionBody").fill("Ban Thường vụ Tỉnh ủy");
        Browser.screenshot(desk, "v01-convene");
        desk.locator("#convene button[type=submit]").last().click();
        desk.waitForURL(Pattern.compile(".*/votes/\\d+$"));
        String session = desk.url().replaceAll(".*/votes/", "");
        assertThat(desk.locator("#people li")).hasCount(3);

        // 2. attendance: all seven present, the last four on paper, the counting board
        for (int i = 3; i < 7; i++) desk.locator("#paper-" + f.committee.get(i)).check();
        desk.locator("#head-" + f.committee.get(6)).check();
        desk.locator("#counting-" + f.committee.get(5)).check();
        Browser.screenshot(desk, "v02-attendance");
        desk.locator("#attend button[type=submit]").click();
        assertThat(desk.locator("#slips code.slip")).hasCount(3);
        Browser.screenshot(desk, "v03-slips");
        List<String> codes = desk.locator("#slips code.slip").allTextContents();

        // 3. three voters on their phones, no login; the Front chair gets two low votes out of three
        String[][] marks = {{"HIGH", "HIGH", "LOW"}, {"HIGH", "CONFIDENCE", "LOW"}, {"HIGH", "HIGH", "CONFIDENCE"}};
        for (int v = 0; v < 3; v++) {
            Page phone = browser.page(true);
            phone.navigate(url("/public/ballot"));
            phone.locator("#credential").fill(codes.get(v));
            phone.locator("#start button[type=submit]").click();
            assertThat(phone.locator("#ballot-form fieldset.person")).hasCount(3);
            for (int p = 0; p < 3; p++) {
                phone.locator("#level-" + f.committee.get(p) + "-" + marks[v][p]).check();
            }
            if (v == 0) Browser.screenshot(phone, "v04-ballot-phone");
            phone.locator("#cast").click();
            assertThat(phone.locator("#receipt-hash")).hasText(Pattern.compile("[0-9a-f]{64}"));
            if (v == 0) Browser.screenshot(phone, "v05-receipt-phone");
            phone.context().close();
        }

        // 4. time passes: the window closes; the counting board enters the four paper ballots
        f.closeWindow(Long.parseLong(session));
        desk.navigate(url("/votes/" + session));
        desk.locator("#collected").fill("4");
        int[][] paper = {{3, 1, 0}, {2, 2, 0}, {1, 1, 2}};
        String[] fields = {"high-", "confidence-", "low-"};
        for (int p = 0; p < 3; p++) {
            for (int l = 0; l < 3; l++) desk.locator("#" + fields[l] + f.committee.get(p)).fill(Integer.toString(paper[p][l]));
        }
        desk.locator("#paper-count button[type=submit]").click();
        assertThat(desk.locator("#result-table tbody tr")).hasCount(3);
        assertThat(desk.locator("#result-table tbody tr.flagged")).hasCount(1);
        assertThat(desk.locator("#result-table tbody tr.flagged")).containsText("4 (57,14%)");
        Browser.screenshot(desk, "v06-results-provisional");

        // 5. conclude with the report to the managing level
        desk.locator("#conclude-decisionNumber").fill("46-BC/TU");
        desk.locator("#conclude-decisionDate").fill(f.today().toString());
        desk.locator("#conclude-decisionBody").fill("Ban Thường vụ Tỉnh ủy");
        desk.locator("#conclude button[type=submit]").click();
        assertThat(desk.locator("#state")).hasText("Đã kết thúc, công bố kết quả");
        assertThat(desk.locator("#result-table tbody tr.flagged")).containsText("đưa ra khỏi quy hoạch");
        Browser.screenshot(desk, "v07-results-concluded");
        // the voters' list opens on demand (htmx loads it into the section)
        desk.locator("#voters-list summary").click();
        assertThat(desk.locator("#voters-list .voters li")).hasCount(7);

        // 6. the bulletin board recomputes the tally from the ballots
        desk.locator("#board-link").click();
        assertThat(desk.locator("#verified")).containsText("3 phiếu khớp mã băm");
        assertThat(desk.locator("#ballots li")).hasCount(3);
        Browser.screenshot(desk, "v08-bulletin-board");

        // 7. the Front chair's planning shows the proposal to remove
        desk.navigate(url("/units/" + f.unit() + "/planning?period=LOCAL_2030_2035"));
        assertThat(desk.locator("#removals")).containsText("Quá nửa phiếu tín nhiệm thấp");
        assertThat(desk.locator("#removals")).containsText("4/7 phiếu tín nhiệm thấp");
        desk.locator("#review").scrollIntoViewIfNeeded();
        Browser.screenshot(desk, "v09-planning-removal");
    }
}
