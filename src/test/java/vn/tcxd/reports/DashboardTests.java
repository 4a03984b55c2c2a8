package vn.tcxd.reports;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.tcxd.Http;
import vn.tcxd.IntegrationTest;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.security.Accounts;
import vn.tcxd.security.Role;
import vn.tcxd.security.ScopeGrant;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard of the demo province Lam Sơn on seed 004's date (10/11/2021: 45,239 members, 686
 * TCCSĐ, 13 đảng bộ bộ phận, 2,538 chi bộ): every figure equals the statistics engine's, in the facade,
 * the page and the API; the decoy province's staff never see it.
 */
@IntegrationTest
class DashboardTests {

    static final LocalDate SEED_004 = LocalDate.of(2021, 11, 10);
    static final String PASSWORD = "dashboard-Pa55word";

    @LocalServerPort
    int port;
    @Autowired
    Dashboards dashboards;
    @Autowired
    Statistics statistics;
    @Autowired
    OrgStructure org;
    @Autowired
    Accounts accounts;
    @Autowired
    ObjectMapper json;

    long lamSon() {
        return org.idOfCode("LS").orElseThrow();
    }

    String account(String unitCode, Role role) {
        String username = ("db." + unitCode + "." + Long.toString(System.nanoTime(), 36)).toLowerCase(Locale.ROOT);
        accounts.create(username, "Đồng chí thử " + unitCode, PASSWORD, false,
                List.of(new ScopeGrant(org.idOfCode(unitCode).orElseThrow(), role)));
        return username;
    }

    @Test
    void shouldEqualTheEngineWhenTheDashboardIsReadOnTheSeedDate() {
        long ls = lamSon();
        UnitDashboard d = dashboards.of(ls, SEED_004);
        UnitStatistics engine = statistics.of(ls, SEED_004);

        assertThat(d.figures()).isEqualTo(KeyFigures.of(engine));
        assertThat(d.figures().members()).isEqualTo(45_239);
        assertThat(d.figures().grassroots()).isEqualTo(686);
        assertThat(d.figures().grassrootsCommittees()).isEqualTo(259);
        assertThat(d.figures().grassrootsCells()).isEqualTo(427);
        assertThat(d.figures().partialCommittees()).isEqualTo(13);
        assertThat(d.figures().cells()).isEqualTo(2_538);
        assertThat(d.figures().probationary()).isEqualTo(engine.members().probationary());
        assertThat(d.figures().female()).isEqualTo(engine.members().female());
        assertThat(d.figures().ethnicMinority()).isEqualTo(engine.members().total()
                - engine.members().count(Dimension.ETHNICITY, "01") - engine.members().count(Dimension.ETHNICITY, "99")
                - engine.members().count(Dimension.ETHNICITY, MemberTally.NONE)).isPositive();
        assertThat(d.figures().religious()).isEqualTo(engine.members().total()
                - engine.members().count(Dimension.RELIGION, "KHONG")
                - engine.members().count(Dimension.RELIGION, MemberTally.NONE)).isPositive();

        assertThat(d.yearEarlier()).isEqualTo(LocalDate.of(2020, 11, 10));
        assertThat(d.figuresYearEarlier()).isEqualTo(KeyFigures.of(statistics.of(ls, LocalDate.of(2020, 11, 10))));

        // the pyramid's margins are the engine's age bands and genders
        Map<String, Long> bands = AgeBands.FORM_3_TCTW.count(engine.members(), SEED_004);
        assertThat(d.ageGender()).extracting(UnitDashboard.AgeGenderBand::label).containsExactlyElementsOf(bands.keySet());
        d.ageGender().forEach(b -> assertThat(b.total()).as(b.label()).isEqualTo(bands.get(b.label())));
        assertThat(d.ageGender().stream().mapToLong(UnitDashboard.AgeGenderBand::female).sum())
                .isEqualTo(engine.members().female());
        assertThat(d.ageGender().stream().mapToLong(UnitDashboard.AgeGenderBand::male).sum())
                .isEqualTo(engine.members().count(Dimension.GENDER, "MALE"));

        // ten years of admissions, the last one up to the dashboard date
        assertThat(d.admissions()).extracting(UnitDashboard.YearAdmissions::year)
                .containsExactly(2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021);
        assertThat(d.admissions().getLast().to()).isEqualTo(SEED_004);
        d.admissions().forEach(y -> assertThat(y.admitted()).as("%d", y.year())
                .isEqualTo(statistics.admitted(ls, y.from(), y.to()).total()));
        assertThat(d.admissions().get(5).admitted()).isPositive();
    }

    @Test
    void shouldGiveTheEngineMovementsWhenTheTrendIsRead() {
        long ls = lamSon();
        List<UnitDashboard.YearMovements> trend = dashboards.trend(ls, SEED_004, 2);
        assertThat(trend).extracting(UnitDashboard.YearMovements::year).containsExactly(2020, 2021);
        assertThat(trend.getLast().movements()).isEqualTo(statistics.movements(ls, LocalDate.of(2021, 1, 1), SEED_004));
        assertThat(trend.getLast().movements().closing()).isEqualTo(45_239);
        assertThat(trend.getFirst().movements().closing()).isEqualTo(trend.getLast().movements().opening());
        // a second read comes from memory and is the same
        assertThat(dashboards.trend(ls, SEED_004, 2)).isEqualTo(trend);
    }

    @Test
    void shouldShowKeyFiguresWithTheirBaseAndChartsWhenTheDashboardPageIsOpened() {
        Http http = Http.on(port);
        http.login("admin", "test-admin-Pa55word");
        HttpResponse<String> page = http.get("/units/" + lamSon() + "/dashboard?asOf=2021-11-10");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("45.239", "686", "2.538", "trên tổng số đảng viên", "Cùng kỳ",
                "id=\"chart-pyramid\"", "id=\"chart-admissions\"", "<desc", "Nữ", "10/11/2020");
        HttpResponse<String> trend = http.getFragment("/units/" + lamSon() + "/dashboard/trend?asOf=2021-11-10");
        assertThat(trend.body()).contains("id=\"trend-table\"", "id=\"chart-trend\"", "45.239").doesNotContain("<html");
        // without JavaScript the trend is a page of its own
        assertThat(http.get("/units/" + lamSon() + "/dashboard/trend?asOf=2021-11-10").body()).contains("<html", "trend-table");

        HttpResponse<String> english = http.get("/units/" + lamSon() + "/dashboard?asOf=2021-11-10&lang=en");
        assertThat(english.body()).contains("of all members", "Members by age and gender", "45.239");
    }

    @Test
    void shouldSayWhyThereAreNoFiguresWhenTheDateIsInTheFutureOrBeforeTheUnit() {
        Http http = Http.on(port);
        http.login("admin", "test-admin-Pa55word");
        HttpResponse<String> future = http.get("/units/" + lamSon() + "/dashboard?asOf=2999-01-01");
        assertThat(future.statusCode()).isEqualTo(200);
        assertThat(future.body()).contains("id=\"problem\"", "Chưa có số liệu của ngày 1/1/2999").doesNotContain("chart-pyramid");
        HttpResponse<String> early = http.get("/units/" + lamSon() + "/dashboard?asOf=1950-01-01");
        assertThat(early.body()).contains("Đơn vị không tồn tại vào ngày 1/1/1950");
    }

    @Test
    void shouldAnswerTheKeyFiguresOfBothDatesWhenTheApiIsAsked() {
        Http http = Http.on(port);
        String user = account("LS", Role.VIEWER);
        HttpResponse<String> response = http.getBasic("/api/v1/units/" + lamSon() + "/dashboard?asOf=2021-11-10", user, PASSWORD);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        KeyFigures now = KeyFigures.of(statistics.of(lamSon(), SEED_004));
        KeyFigures before = KeyFigures.of(statistics.of(lamSon(), LocalDate.of(2020, 11, 10)));
        assertThat(body.get("code").asString()).isEqualTo("LS");
        assertThat(body.get("figures").get("members").asLong()).isEqualTo(45_239);
        assertThat(body.get("figures").get("cells").asLong()).isEqualTo(2_538);
        assertThat(body.get("figures").get("female").asLong()).isEqualTo(now.female());
        assertThat(body.get("figures").get("sharesOfMembers").get("female").decimalValue())
                .isEqualByComparingTo(java.math.BigDecimal.valueOf(now.female() * 100.0 / now.members())
                        .setScale(2, java.math.RoundingMode.HALF_UP));
        assertThat(body.get("yearEarlier").asString()).isEqualTo("2020-11-10");
        assertThat(body.get("figuresYearEarlier").get("members").asLong()).isEqualTo(before.members());
        assertThat(body.get("change").get("members").asLong()).isEqualTo(now.members() - before.members());
    }

    @Test
    void shouldAnswerNotFoundWhenAHoaGiangUserAsksForTheLamSonDashboard() {
        String user = account("HG", Role.STAFF);
        Http http = Http.on(port);
        assertThat(http.getBasic("/api/v1/units/" + lamSon() + "/dashboard", user, PASSWORD).statusCode()).isEqualTo(404);
        http.login(user, PASSWORD);
        HttpResponse<String> page = http.get("/units/" + lamSon() + "/dashboard?asOf=2021-11-10");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).doesNotContain("45.239", "Lam Sơn");
        assertThat(http.getFragment("/units/" + lamSon() + "/dashboard/trend").statusCode()).isEqualTo(404);
        // their own province opens
        assertThat(http.get("/dashboard").headers().firstValue("Location")).hasValueSatisfying(l ->
                assertThat(l).endsWith("/units/" + org.idOfCode("HG").orElseThrow() + "/dashboard"));
    }
}
