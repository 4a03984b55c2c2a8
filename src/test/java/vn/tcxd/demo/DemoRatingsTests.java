package vn.tcxd.demo;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.tcxd.IntegrationTest;
import vn.tcxd.evaluations.CampaignSummary;
import vn.tcxd.evaluations.Evaluations;
import vn.tcxd.evaluations.Period;
import vn.tcxd.evaluations.RatingRow;
import vn.tcxd.evaluations.RatingViolation;
import vn.tcxd.evaluations.SubjectKind;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.reports.RatingReport;
import vn.tcxd.reports.RatingResults;
import vn.tcxd.shared.VietnameseFormat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo ratings of Lam Sơn (DemoRatings): every committee's 2021 decisions pass the rules it would
 * be shown before deciding, the 2021 paragraph carries the numbers of a brute-force count, 2011 is
 * rated on the HD 20 levels, and the consequence lists have members in them.
 */
@IntegrationTest
class DemoRatingsTests {

    @Autowired
    Evaluations evaluations;
    @Autowired
    RatingResults results;
    @Autowired
    OrgStructure org;
    @Autowired
    JdbcClient jdbc;

    long lamSon() {
        return org.idOfCode("LS").orElseThrow();
    }

    CampaignSummary campaign(int year) {
        return evaluations.campaignCovering(lamSon(), Period.year(year)).orElseThrow();
    }

    @Test
    void shouldPassEveryRuleForEveryDeciderIn2021() {
        CampaignSummary c = campaign(2021);
        assertThat(c.schemeCode()).isEqualTo("QD132_2018");
        assertThat(c.rollDate()).isEqualTo(LocalDate.of(2021, 12, 31));
        Set<Long> deciders = new HashSet<>();
        int subjects = 0;
        for (SubjectKind kind : SubjectKind.values()) {
            for (RatingRow r : evaluations.ratings(c.id(), lamSon(), kind)) {
                deciders.add(r.deciderId());
                subjects++;
            }
        }
        assertThat(subjects).isGreaterThan(45_000);
        assertThat(deciders).hasSizeGreaterThan(600);
        for (long decider : deciders) {
            List<RatingViolation> violations = evaluations.check(c.id(), decider);
            assertThat(violations).as("decider %s", decider).isEmpty();
        }
    }

    /** class → [rated, rank ≤ 2, rank 1], counted straight from the public view and the tree's parent links. */
    private Map<String, long[]> bruteForce(int year) {
        Map<Long, Long> parent = new HashMap<>();
        LocalDate end = LocalDate.of(year, 12, 31);
        jdbc.sql("select unit_id, parent_id from orgstructure.unit_tree where valid_from <= ? and (valid_to is null or valid_to > ?)")
                .params(end, end).query((rs, i) -> {
                    long p = rs.getLong(2);
                    parent.put(rs.getLong(1), rs.wasNull() ? null : p);
                    return null;
                }).list();
        Map<String, long[]> counts = new HashMap<>();
        jdbc.sql("""
                        select subject_kind, unit_type, unit_id, decided_level from evaluations.rating_result
                        where period_kind = 'YEAR' and year = ? and status = 'DECIDED'""").param(year)
                .query((rs, i) -> {
                    Long at = rs.getLong(3);
                    boolean inside = false;
                    while (at != null) {
                        if (at == lamSon()) inside = true;
                        at = parent.get(at);
                    }
                    if (!inside) return null;
                    String kind = rs.getString(1);
                    String type = rs.getString(2);
                    String cls = !kind.equals("ORGANISATION") ? kind
                            : type.startsWith("GRASSROOTS_") ? "GRASSROOTS" : type.equals("CELL") ? "CELL" : "OTHER";
                    long[] c = counts.computeIfAbsent(cls, k -> new long[3]);
                    String level = rs.getString(4);
                    c[0]++;
                    if (level.equals("EXCELLENT") || level.equals("GOOD")) c[1]++;
                    if (level.equals("EXCELLENT")) c[2]++;
                    return null;
                }).list();
        return counts;
    }

    private static String n(long value) {
        return VietnameseFormat.number(value);
    }

    @Test
    void shouldWriteThe2021ParagraphWithTheNumbersOfABruteForceCount() {
        Map<String, long[]> count = bruteForce(2021);
        RatingReport report = results.report(lamSon(), Period.year(2021), Locale.forLanguageTag("vi"));
        long[] g = count.get("GRASSROOTS");
        long[] c = count.get("CELL");
        long[] m = count.get("MEMBER");
        assertThat(report.paragraph()).startsWith("Toàn tỉnh có " + n(g[1]) + "/" + n(g[0]) + " tổ chức cơ sở đảng được "
                + "xếp loại hoàn thành tốt nhiệm vụ trở lên, trong đó có " + n(g[2]) + " tổ chức cơ sở đảng được xếp loại "
                + "hoàn thành xuất sắc nhiệm vụ, chiếm " + VietnameseFormat.percent(g[2], g[0])
                + " số tổ chức cơ sở đảng được xếp loại");
        assertThat(report.paragraph()).contains("; " + n(c[1]) + "/" + n(c[0]) + " chi bộ trực thuộc đảng ủy cơ sở được xếp "
                + "loại hoàn thành tốt nhiệm vụ trở lên, trong đó có " + n(c[2]) + " chi bộ được xếp loại hoàn thành xuất "
                + "sắc nhiệm vụ, chiếm " + VietnameseFormat.percent(c[2], c[0]) + " số chi bộ được xếp loại");
        assertThat(report.paragraph()).contains("; " + n(m[1]) + "/" + n(m[0]) + " đảng viên được xếp loại hoàn thành tốt "
                + "nhiệm vụ trở lên, trong đó có " + n(m[2]) + " đảng viên được xếp loại hoàn thành xuất sắc nhiệm vụ, "
                + "chiếm " + VietnameseFormat.percent(m[2], m[0]) + " số đảng viên được xếp loại");
        // realistic shares (seed 000: members ≈ 16 % HTXSNV before the quota; TCCSĐ ≈ 19 %)
        assertThat(m[0]).isGreaterThan(40_000);
        assertThat(m[2] * 100.0 / m[0]).isBetween(9.0, 17.0);
        assertThat(m[1] * 100.0 / m[0]).isBetween(70.0, 90.0);
        assertThat(report.comparison()).startsWith("So với năm 2020: tỷ lệ tổ chức cơ sở đảng được xếp loại hoàn thành tốt");
        assertThat(report.removal()).isNotEmpty();
        assertThat(report.commendation()).isEmpty(); // 2017 was not rated in the demo: no five years running before 2022
        assertThat(results.commendationCandidates(lamSon(), 2022)).isNotEmpty()
                .allSatisfy(cand -> assertThat(cand.years()).hasSize(5));
    }

    @Test
    void shouldRate2011OnTheLevelsOfHd20() {
        CampaignSummary c = campaign(2011);
        assertThat(c.schemeCode()).isEqualTo("HD20_2008");
        List<String> members = jdbc.sql("""
                select distinct decided_level from evaluations.rating_result
                where campaign_id = ? and subject_kind = 'MEMBER' and status = 'DECIDED' order by 1""")
                .param(c.id()).query(String.class).list();
        assertThat(members).containsExactly("QUALIFIED_EXCELLENT", "QUALIFIED_GOOD", "QUALIFIED_LIMITED", "VIOLATED");
        List<String> organisations = jdbc.sql("""
                select distinct decided_level from evaluations.rating_result
                where campaign_id = ? and subject_kind = 'ORGANISATION' and status = 'DECIDED' order by 1""")
                .param(c.id()).query(String.class).list();
        assertThat(organisations).containsExactlyInAnyOrder("EXEMPLARY_CLEAN_STRONG", "CLEAN_STRONG", "GOOD", "WEAK");
        assertThat(results.report(lamSon(), Period.year(2011), Locale.forLanguageTag("vi")).paragraph())
                .startsWith("Toàn tỉnh có ").contains(" tổ chức cơ sở đảng được đánh giá, ")
                .contains("đạt trong sạch vững mạnh, chiếm ").contains("đảng viên được đánh giá đủ tư cách, hoàn thành tốt nhiệm vụ trở lên");
        for (int year : DemoRatings.YEARS) {
            assertThat(evaluations.campaignCovering(lamSon(), Period.year(year))).as("campaign %s", year).isPresent();
        }
    }
}
