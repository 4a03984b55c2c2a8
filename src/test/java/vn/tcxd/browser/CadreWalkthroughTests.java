package vn.tcxd.browser;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.tcxd.IntegrationTest;
import vn.tcxd.cadres.CadreSummary;
import vn.tcxd.cadres.Cadres;
import vn.tcxd.members.Gender;
import vn.tcxd.members.MemberFilter;
import vn.tcxd.members.MemberStatus;
import vn.tcxd.members.MemberSummary;
import vn.tcxd.members.Members;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.security.Accounts;
import vn.tcxd.security.Role;
import vn.tcxd.security.ScopeGrant;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Cadre work walked in Chromium on the demo province Lam Sơn: its committee of 2025–2030; planning two
 * more cadres for a title, the fourth refused with the rule named; appointing a cadre with a decision;
 * the reappointment in the due-work queue; the cadre's page with positions, training and ratings.
 * Screenshots k01…k07.
 */
@IntegrationTest
class CadreWalkthroughTests {

    private static final String PASSWORD = "mat-khau-can-bo-2025";

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
    Accounts accounts;

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

    /** Members of Lam Sơn aged 32–40 with no post, seat or planning yet, admitted before {@code admittedBefore}. */
    private Deque<MemberSummary> candidates(long lamSon, LocalDate today, LocalDate admittedBefore) {
        List<MemberSummary> rows = members.list(lamSon, today, new MemberFilter(MemberStatus.FULL, null, 32, 40, null, null,
                null, false), 3, 200).rows();
        Set<Long> cadreIds = cadres.cadresAmong(rows.stream().map(MemberSummary::id).toList(), today).stream()
                .map(CadreSummary::memberId).collect(Collectors.toSet());
        return rows.stream().filter(m -> !cadreIds.contains(m.id()) && m.admissionDecisionDate() != null
                        && m.admissionDecisionDate().isBefore(admittedBefore))
                .collect(Collectors.toCollection(ArrayDeque::new));
    }

    private String citizenId(MemberSummary m, LocalDate today) {
        return members.member(m.id(), today).orElseThrow().record().citizenId();
    }

    /** Types the person's citizen id in the picker and chooses them among the matches (htmx). */
    private void pick(Page page, MemberSummary m, LocalDate today) {
        page.locator("#pick-q").fill(citizenId(m, today));
        page.locator("#pick-choices input[value='" + m.id() + "']").check();
    }

    private void decision(Page page, String prefix, String number, LocalDate date) {
        page.locator("#" + prefix + "-decisionNumber").fill(number);
        page.locator("#" + prefix + "-decisionDate").fill(date.toString());
        page.locator("#" + prefix + "-decisionBody").fill("Ban Thường vụ Tỉnh ủy Lam Sơn");
    }

    @Test
    void shouldPlanAppointAndFollowACadreToTheDueQueueAndTheirFile() {
        long lamSon = org.idOfCode("LS").orElseThrow();
        LocalDate today = LocalDate.now(clock);
        accounts.create("cb.walk.lamson", "Ban Tổ chức Tỉnh ủy Lam Sơn", PASSWORD, false,
                List.of(new ScopeGrant(lamSon, Role.STAFF)));
        LocalDate appointedOn = today.minusYears(5).plusDays(40);
        Deque<MemberSummary> people = candidates(lamSon, today, appointedOn.minusMonths(1));

        // the province's cadre work, then its committee of 2025–2030
        Page page = browser.loggedIn(url("/login"), "cb.walk.lamson", PASSWORD, false);
        page.navigate(url("/units/" + lamSon));
        page.locator("#unit-cadres").click();
        assertThat(page.locator("#committee-card")).containsText("2025–2030");
        Browser.screenshot(page, "k01-cadre-hub");
        page.locator("#committee-card a").first().click();
        assertThat(page.locator("h1")).containsText("2025–2030");
        assertThat(page.locator("#committee-members tbody tr")).hasCount(53);
        Browser.screenshot(page, "k02-committee-2025-2030");

        // planning 2030–2035: the Youth Union secretary has one planned cadre; two more fill the three places
        String planning = url("/units/" + lamSon + "/planning?period=LOCAL_2030_2035");
        for (int i = 0; i < 3; i++) {
            page.navigate(planning);
            page.locator("#titleCode").selectOption("PROVINCIAL.YOUTH_SECRETARY");
            pick(page, people.removeFirst(), today);
            page.locator("#on").fill(today.toString());
            decision(page, "plan", (150 + i) + "-QĐ/TU", today);
            page.locator("#add-submit").click();
            if (i < 2) {
                assertThat(page.locator("#done")).containsText("Đã bổ sung vào quy hoạch");
            }
        }
        // the fourth is refused, with the rule and its legal basis named
        assertThat(page.locator("#form-error")).containsText("mỗi chức danh quy hoạch không quá 3 người");
        assertThat(page.locator("#form-error")).containsText("QĐ 377-QĐ/TW");
        Browser.screenshot(page, "k03-fourth-planned-refused");

        // appoint a deputy head of a provincial commission, five years ago, with the decision
        MemberSummary appointee = people.stream().filter(m -> m.gender() == Gender.MALE).findFirst().orElse(people.getFirst());
        page.navigate(url("/units/" + lamSon + "/posts"));
        page.locator("#titleCode").selectOption("PROVINCIAL.DEPUTY_COMMISSION_HEAD");
        pick(page, appointee, today);
        page.locator("#kind").selectOption("APPOINTED");
        page.locator("#startsOn").fill(appointedOn.toString());
        decision(page, "appoint", "88-QĐ/TU", appointedOn.minusDays(5));
        page.locator("#appoint-submit").click();
        assertThat(page.locator("#done")).containsText("Đã ghi nhận");
        assertThat(page.locator("main")).containsText("88-QĐ/TU");
        Browser.screenshot(page, "k04-appointed");

        // its term ends in 40 days: the reappointment notice (90 working days ahead) is due work now
        page.navigate(url("/units/" + lamSon + "/cadres/due"));
        var row = page.locator("#due-items tbody tr").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText(appointee.fullName())).filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Thông báo bổ nhiệm lại"));
        assertThat(row).hasCount(1);
        assertThat(row).containsText("Quá hạn");
        assertThat(row).containsText("QĐ 377-QĐ/TW");
        Browser.screenshot(page, "k05-due-queue");

        // the cadre's page: positions, training (added here) and ratings from the annual review
        row.locator("a").first().click();
        assertThat(page.locator("#positions")).containsText("Phó Trưởng ban của Tỉnh ủy");
        page.locator("#trainingKind").selectOption("POLITICAL_THEORY");
        page.locator("#level").selectOption("CAO_CAP");
        page.locator("#trainingName").fill("Cao cấp lý luận chính trị");
        page.locator("#institution").fill("Học viện Chính trị khu vực I");
        page.locator("#t-startsOn").fill("2019-09-09");
        page.locator("#t-endsOn").fill("2021-01-15");
        page.locator("#training-submit").click();
        assertThat(page.locator("#done")).containsText("Đã thêm quá trình đào tạo");
        assertThat(page.locator("#training-rows")).containsText("Học viện Chính trị khu vực I");
        assertThat(page.locator("#ratings")).containsText("Đảng viên");
        Browser.screenshot(page, "k06-cadre-file");

        // the planning on a phone
        Page phone = browser.loggedIn(url("/login"), "cb.walk.lamson", PASSWORD, true);
        phone.navigate(planning);
        assertThat(phone.locator("#shares")).containsText("trên");
        Browser.screenshot(phone, "k07-planning-phone");
    }
}
