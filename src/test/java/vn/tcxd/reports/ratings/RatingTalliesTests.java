package vn.tcxd.reports.ratings;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.tcxd.IntegrationTest;
import vn.tcxd.evaluations.EvaluationAct;
import vn.tcxd.evaluations.Evaluations;
import vn.tcxd.evaluations.Period;
import vn.tcxd.evaluations.RatingHistoryWriter;
import vn.tcxd.evaluations.RatingLevel;
import vn.tcxd.evaluations.RatingRow;
import vn.tcxd.evaluations.SubjectKind;
import vn.tcxd.members.DisciplineForm;
import vn.tcxd.members.Gender;
import vn.tcxd.members.MemberAct;
import vn.tcxd.members.MemberMother;
import vn.tcxd.members.Members;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.TreeFixture;
import vn.tcxd.reports.FigureSource;
import vn.tcxd.reports.RatingClass;
import vn.tcxd.reports.RatingDistribution;
import vn.tcxd.reports.RatingResults;
import vn.tcxd.shared.DecisionRef;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tcxd.evaluations.RatingLevel.COMPLETED;
import static vn.tcxd.evaluations.RatingLevel.EXCELLENT;
import static vn.tcxd.evaluations.RatingLevel.GOOD;
import static vn.tcxd.evaluations.RatingLevel.NOT_COMPLETED;

/**
 * The rating distribution through the statistics engine on a small province of 2024 (QĐ 124) with
 * exact figures: upper units (depth ≤ 2) read tallies kept in the transaction of the opening, the
 * bulk decision, a workflow decision and a reopening; deeper units are counted; a decoy province
 * never counts. Then both paths against a brute-force recount, on the fixture and on the demo
 * province's eight years.
 */
@IntegrationTest
class RatingTalliesTests {

    static final Period Y2024 = Period.year(2024);
    static final LocalDate ADMITTED = LocalDate.of(2019, 3, 2);
    static final DecisionRef COMMUNE = new DecisionRef("30-QĐ/ĐU", LocalDate.of(2025, 1, 12), "Ban Thường vụ Đảng ủy xã Tân Lập");

    @Autowired
    RatingResults results;
    @Autowired
    Evaluations evaluations;
    @Autowired
    RatingHistoryWriter writer;
    @Autowired
    Members members;
    @Autowired
    OrgStructure org;
    @Autowired
    JdbcClient jdbc;

    TreeFixture tree;
    /** member id → the level decided for it, per cell. */
    final Map<Long, RatingLevel> planned = new HashMap<>();

    private long admit(String name, String cell, LocalDate on) {
        return members.apply(new MemberAct.Admit(MemberMother.record(name, Gender.MALE, LocalDate.of(1988, 4, 1)),
                tree.id(cell), on, MemberMother.decision("1-QĐ/ĐU", on)));
    }

    private void cell(String cell, RatingLevel... levels) {
        for (int i = 0; i < levels.length; i++) {
            planned.put(admit("Đảng Viên " + cell + " " + (char) ('A' + i), cell, ADMITTED), levels[i]);
        }
    }

    /** X1C1 6, X1C2 4 (one disciplined), X1BC1 3, S1 5, X2C1 4 rated members; one newcomer in X1C1. */
    private long province() {
        tree = TreeFixture.standard(org);
        cell("X1C1", EXCELLENT, GOOD, GOOD, GOOD, GOOD, COMPLETED);
        cell("X1C2", GOOD, GOOD, COMPLETED);
        long disciplined = admit("Đảng Viên Kỷ Luật", "X1C2", ADMITTED);
        members.apply(new MemberAct.Discipline(disciplined, DisciplineForm.REPRIMAND, LocalDate.of(2024, 6, 3),
                MemberMother.decision("9-QĐ/UBKT", LocalDate.of(2024, 6, 3))));
        planned.put(disciplined, NOT_COMPLETED);
        cell("X1BC1", GOOD, GOOD, COMPLETED);
        cell("S1", GOOD, GOOD, GOOD, GOOD, COMPLETED);
        cell("X2C1", GOOD, GOOD, COMPLETED, COMPLETED);
        admit("Mới Kết Nạp", "X1C1", LocalDate.of(2024, 9, 2));
        evaluations.apply(new EvaluationAct.OpenCampaign(tree.id("Q"), Y2024));
        return evaluations.apply(new EvaluationAct.OpenCampaign(tree.id("P"), Y2024));
    }

    private Map<String, Map<String, Long>> figures(String key) {
        return RatingRecount.of(results.distribution(tree.id(key), Y2024));
    }

    @Test
    void shouldCountTheSubtreeExactlyThroughEveryStepOfTheWorkflow() {
        long campaign = province();

        // opened: every subject pending, the newcomer not rated (HD 21-HD/BTCTW (2019) II.6.2)
        assertThat(results.distribution(tree.id("P"), Y2024).source()).isEqualTo(FigureSource.LIVE);
        assertThat(figures("P")).isEqualTo(Map.of(
                "MEMBER", Map.of("OPEN", 22L, "NR_ADMITTED_RECENTLY", 1L),
                "GRASSROOTS", Map.of("OPEN", 3L), "CELL", Map.of("OPEN", 4L), "PARTIAL", Map.of("OPEN", 1L),
                "UPPER", Map.of("OPEN", 2L), "COLLECTIVE", Map.of("OPEN", 4L)));

        // the members decided in bulk: one RatingsChanged, applied as a difference
        List<RatingHistoryWriter.Decided> decided = new ArrayList<>();
        for (RatingRow r : evaluations.ratings(campaign, tree.id("P"), SubjectKind.MEMBER)) {
            RatingLevel level = planned.get(r.memberId());
            if (level != null) decided.add(new RatingHistoryWriter.Decided(r.id(), level, level, level, COMMUNE));
        }
        assertThat(writer.decide(campaign, decided, "test")).isEqualTo(22);
        assertThat(figures("P").get("MEMBER")).isEqualTo(Map.of("EXCELLENT", 1L, "GOOD", 14L, "COMPLETED", 6L,
                "NOT_COMPLETED", 1L, "NR_ADMITTED_RECENTLY", 1L));
        assertThat(figures("D1").get("MEMBER")).isEqualTo(Map.of("EXCELLENT", 1L, "GOOD", 12L, "COMPLETED", 4L,
                "NOT_COMPLETED", 1L, "NR_ADMITTED_RECENTLY", 1L));
        RatingDistribution x1 = results.distribution(tree.id("X1"), Y2024);
        assertThat(x1.source()).isEqualTo(FigureSource.LIVE);
        assertThat(x1.of(RatingClass.MEMBER)).satisfies(m -> {
            assertThat(m.rated()).isEqualTo(13);
            assertThat(m.goodOrBetter()).isEqualTo(9);
            assertThat(m.atRank(1)).isEqualTo(1);
            assertThat(m.total()).isEqualTo(14);
        });
        // below the counter depth: counted from the ratings of the subtree
        RatingDistribution partial = results.distribution(tree.id("X1B"), Y2024);
        assertThat(partial.source()).isEqualTo(FigureSource.HISTORY);
        assertThat(RatingRecount.of(partial)).isEqualTo(Map.of("MEMBER", Map.of("GOOD", 2L, "COMPLETED", 1L),
                "PARTIAL", Map.of("OPEN", 1L), "CELL", Map.of("OPEN", 1L)));
        assertThat(figures("D2")).isEqualTo(Map.of("MEMBER", Map.of("GOOD", 2L, "COMPLETED", 2L),
                "GRASSROOTS", Map.of("OPEN", 1L), "CELL", Map.of("OPEN", 1L), "UPPER", Map.of("OPEN", 1L),
                "COLLECTIVE", Map.of("OPEN", 2L)));

        // a cell decided through the workflow after its members (HD 16/21: 100 % ≥ HTNV, 5/6 ≥ HTTNV)
        long x1c1 = evaluations.ratings(campaign, tree.id("X1C1"), SubjectKind.ORGANISATION).stream()
                .filter(r -> r.unitId() == tree.id("X1C1")).findFirst().orElseThrow().id();
        evaluations.apply(new EvaluationAct.Decide(List.of(new EvaluationAct.DecisionItem(x1c1, GOOD, null, null)), COMMUNE));
        assertThat(figures("P").get("CELL")).isEqualTo(Map.of("GOOD", 1L, "OPEN", 3L));
        assertThat(figures("X1").get("CELL")).isEqualTo(Map.of("GOOD", 1L, "OPEN", 2L));

        // reopened with a reason: back to open
        RatingRow completed = evaluations.ratings(campaign, tree.id("X2C1"), SubjectKind.MEMBER).stream()
                .filter(r -> r.decidedLevel() == COMPLETED).findFirst().orElseThrow();
        evaluations.apply(new EvaluationAct.Reopen(completed.id(), "Phát hiện sai sót khi tổng hợp"));
        assertThat(figures("P").get("MEMBER")).containsEntry("COMPLETED", 5L).containsEntry("OPEN", 1L);
        assertThat(figures("D2").get("MEMBER")).isEqualTo(Map.of("GOOD", 2L, "COMPLETED", 1L, "OPEN", 1L));

        // the decoy province counts its own subjects only
        assertThat(figures("Q")).isEqualTo(Map.of("GRASSROOTS", Map.of("OPEN", 1L), "UPPER", Map.of("OPEN", 1L),
                "COLLECTIVE", Map.of("OPEN", 2L)));

        RatingRecount recount = new RatingRecount(jdbc, Y2024);
        for (String key : List.of("P", "D1", "X1", "X1C1", "X1C2", "X1B", "X1BC1", "S1", "D2", "X2", "X2C1", "Q", "QD", "QX")) {
            assertThat(figures(key)).as(key).isEqualTo(recount.count(tree.id(key)));
        }
        // rebuilt from scratch, the tallies say the same
        results.rebuildTallies();
        for (String key : List.of("P", "D1", "X1", "D2", "Q")) {
            assertThat(figures(key)).as("rebuilt " + key).isEqualTo(recount.count(tree.id(key)));
        }
    }

    @Test
    void shouldMatchABruteForceRecountOnTheDemoProvinceInEveryYear() {
        long centre = org.idOfCode("TW").orElseThrow();
        long lamSon = org.idOfCode("LS").orElseThrow();
        Random random = new Random(2021);
        for (int year : List.of(2011, 2018, 2021, 2024)) {
            Period period = Period.year(year);
            RatingRecount recount = new RatingRecount(jdbc, period);
            RatingDistribution nation = results.distribution(centre, period);
            assertThat(nation.source()).isEqualTo(FigureSource.LIVE);
            assertThat(RatingRecount.of(nation)).as("TW %s", year).isEqualTo(recount.count(centre));
            assertThat(RatingRecount.of(results.distribution(lamSon, period))).as("LS %s", year).isEqualTo(recount.count(lamSon));
            List<Long> units = new ArrayList<>(recount.units());
            Collections.shuffle(units, random);
            for (long unit : units.subList(0, Math.min(25, units.size()))) {
                assertThat(RatingRecount.of(results.distribution(unit, period))).as("unit %s in %s", unit, year)
                        .isEqualTo(recount.count(unit));
            }
            // the districts of the year (depth 2): tallies
            for (long district : jdbc.sql("""
                            select unit_id from orgstructure.unit_tree where depth = 2 and path like ?
                              and valid_from <= ? and (valid_to is null or valid_to > ?)""")
                    .params("%/" + lamSon + "/%", period.end(), period.end()).query(Long.class).list()) {
                assertThat(RatingRecount.of(results.distribution(district, period))).as("district %s in %s", district, year)
                        .isEqualTo(recount.count(district));
            }
        }
    }
}
