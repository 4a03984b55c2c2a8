package vn.tcxd.evaluations.internal;

import org.junit.jupiter.api.Test;
import vn.tcxd.evaluations.PeriodKind;
import vn.tcxd.evaluations.RatingLevel;
import vn.tcxd.evaluations.RatingRow;
import vn.tcxd.evaluations.RatingScheme;
import vn.tcxd.evaluations.RatingStatus;
import vn.tcxd.evaluations.RatingViolation;
import vn.tcxd.evaluations.RatingViolation.Kind;
import vn.tcxd.evaluations.SubjectKind;
import vn.tcxd.evaluations.internal.RatingRules.Judged;
import vn.tcxd.orgstructure.UnitType;
import vn.tcxd.shared.RuleSet;
import vn.tcxd.shared.ValidityPeriod;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tcxd.evaluations.RatingLevel.COMPLETED;
import static vn.tcxd.evaluations.RatingLevel.EXCELLENT;
import static vn.tcxd.evaluations.RatingLevel.GOOD;
import static vn.tcxd.evaluations.RatingLevel.NOT_COMPLETED;

/**
 * The rating rules of DOMAIN §3, one test per rule, each naming its legal basis. The schemes are
 * built here with the values of the migration's rule sets.
 */
class RatingRulesTests {

    static final List<RatingLevel> FOUR = List.of(EXCELLENT, GOOD, COMPLETED, NOT_COMPLETED);

    static RatingScheme qd132(RoundingMode rounding) {
        return new RatingScheme(new RuleSet("QD132_2018", "QĐ 132", "QĐ 132-QĐ/TW; HD 16, HD 21-HD/BTCTW",
                new ValidityPeriod(LocalDate.of(2018, 3, 8), LocalDate.of(2023, 10, 4))), EnumSet.of(PeriodKind.YEAR),
                FOUR, FOUR, false, List.of(), 6, 6, 90, 3, 50, 100, 50, 20, true,
                new RatingScheme.Quota(BigDecimal.valueOf(20), RatingScheme.QuotaScope.GRASSROOTS, rounding, true), "");
    }

    static final RatingScheme QD132 = qd132(RoundingMode.FLOOR);

    static final RatingScheme QD366 = new RatingScheme(new RuleSet("QD366_2025", "QĐ 366", "QĐ 366-QĐ/TW; HD 43-HD/BTCTW",
            new ValidityPeriod(LocalDate.of(2025, 8, 30), null)), EnumSet.allOf(PeriodKind.class), FOUR, FOUR, true,
            List.of(90, 70, 50, 0), 6, 6, 90, 3, 50, 100, 50, 20, true,
            new RatingScheme.Quota(BigDecimal.valueOf(20), RatingScheme.QuotaScope.DECIDER, RoundingMode.FLOOR, true), "");

    static final AtomicLong IDS = new AtomicLong();

    static RatingRow member(String name, String group, RatingRow.Inputs inputs, String disciplined, String override) {
        return new RatingRow(IDS.incrementAndGet(), 1, SubjectKind.MEMBER, IDS.get(), 10, "Chi bộ thôn Đông", UnitType.CELL, 5L,
                name, null, 5L, 5, "Đảng bộ xã " + group, group, RatingStatus.PROPOSED, null, disciplined, inputs,
                null, null, null, null, null, null, null, null, null, override, 0);
    }

    static RatingRow member(String name) {
        return member(name, "M:5", RatingRow.Inputs.NONE, null, null);
    }

    static RatingRow cell(String name) {
        return new RatingRow(IDS.incrementAndGet(), 1, SubjectKind.ORGANISATION, null, 10, name, UnitType.CELL, 5L, name,
                null, 5L, 5, "Đảng bộ xã Tân Lập", "O:5:B", RatingStatus.PROPOSED, null, null, RatingRow.Inputs.NONE,
                null, null, null, null, null, null, null, null, null, null, 0);
    }

    static List<Judged> members(String group, int excellent, int good, int completed) {
        List<Judged> list = new ArrayList<>();
        for (int i = 0; i < excellent; i++) {
            list.add(new Judged(member("Xuất Sắc " + i, group, RatingRow.Inputs.NONE, null, null), EXCELLENT, null));
        }
        for (int i = 0; i < good; i++) {
            list.add(new Judged(member("Tốt " + i, group, RatingRow.Inputs.NONE, null, null), GOOD, null));
        }
        for (int i = 0; i < completed; i++) {
            list.add(new Judged(member("Hoàn Thành " + i, group, RatingRow.Inputs.NONE, null, null), COMPLETED, null));
        }
        return list;
    }

    // ---- quota ----------------------------------------------------------------------------------

    @Test
    void shouldAllowExcellentUpToTwentyPercentOfGoodWithinEachGrassrootsOrganisation() {
        // HD 21-HD/BTCTW (2019) 2.3a: HTXSNV ≤ 20 % of HTTNV in each TCCSĐ
        assertThat(RatingRules.quota(QD132, members("M:5", 2, 10, 5))).isEmpty();
    }

    @Test
    void shouldReportTheQuotaViolationNamingTheExcellentMembersWhenOneTooMany() {
        // HD 21-HD/BTCTW (2019) 2.3a: 3 HTXSNV against 10 HTTNV → allowed 2, one over
        List<Judged> group = members("M:5", 3, 10, 0);
        List<RatingViolation> found = RatingRules.quota(QD132, group);
        assertThat(found).singleElement().satisfies(v -> {
            assertThat(v.kind()).isEqualTo(Kind.QUOTA);
            assertThat(v.ratingIds()).containsExactlyElementsOf(group.subList(0, 3).stream().map(j -> j.row().id()).toList());
            assertThat(v.args()).containsSubsequence(3, 10L, "20", 2, 1);
        });
    }

    @Test
    void shouldRoundTheQuotaAsTheSchemeSays() {
        // HD 21 2.3a with local rounding practice [R]: 20 % of 9 = 1.8 → 1 (floor) or 2 (half up)
        assertThat(RatingRules.quota(QD132, members("M:5", 2, 9, 0))).hasSize(1);
        assertThat(RatingRules.quota(qd132(RoundingMode.HALF_UP), members("M:5", 2, 9, 0))).isEmpty();
        assertThat(RatingRules.quota(QD132, members("M:5", 1, 4, 3))).hasSize(1);
    }

    @Test
    void shouldCheckEachGrassrootsOrganisationSeparately() {
        // HD 21 2.3a "trong từng tổ chức cơ sở đảng": a full TCCSĐ does not borrow from another
        List<Judged> both = new ArrayList<>(members("M:5", 2, 10, 0));
        both.addAll(members("M:6", 2, 5, 0));
        List<RatingViolation> found = RatingRules.quota(QD132, both);
        assertThat(found).singleElement().satisfies(v -> assertThat(v.args().getFirst()).isEqualTo("Đảng bộ xã M:6"));
    }

    @Test
    void shouldNotCountExcellentRatingsCarryingAnOverrideReason() {
        // HD 21 2.3a "cấp có thẩm quyền xem xét, quyết định": the competent level may exceed with a reason
        List<Judged> group = members("M:5", 2, 5, 0);
        RatingRow overridden = member("Đặc Biệt", "M:5", RatingRow.Inputs.NONE, null, "Thành tích đột xuất được tỉnh khen");
        group.add(new Judged(overridden, EXCELLENT, null));
        assertThat(RatingRules.quota(QD132, group)).singleElement()
                .satisfies(v -> assertThat(v.ratingIds()).doesNotContain(overridden.id()).hasSize(2));
        List<Judged> justOne = members("M:5", 1, 5, 0);
        justOne.add(new Judged(overridden, EXCELLENT, null));
        assertThat(RatingRules.quota(QD132, justOne)).isEmpty();
    }

    // ---- organisation blocking ------------------------------------------------------------------

    @Test
    void shouldBlockACellFromGoodWhenOneMemberDidNotComplete() {
        // HD 16/21 (organisation HTTNV, cond. 3): 100 % of members HTNV or better
        List<Judged> children = members("M:5", 0, 5, 0);
        RatingRow failing = member("Không Đạt");
        children.add(new Judged(failing, NOT_COMPLETED, null));
        children = settled(children);
        List<RatingViolation> found = RatingRules.organisation(QD132, new Judged(cell("Chi bộ thôn Đông"), GOOD, null), children, true);
        assertThat(found).extracting(RatingViolation::kind).containsExactly(Kind.BLOCKED);
        assertThat(found.getFirst().ratingIds()).containsExactly(failing.id());
        assertThat(RatingRules.organisation(QD132, new Judged(cell("Chi bộ thôn Đông"), COMPLETED, null), children, true)).isEmpty();
    }

    @Test
    void shouldBlockACellFromGoodWhenFewerThanHalfOfItsMembersAreGood() {
        // HD 16/21 (organisation HTTNV, cond. 3): ≥ 50 % of members HTTNV or better
        assertThat(RatingRules.organisation(QD132, new Judged(cell("A"), GOOD, null), settled(members("M:5", 0, 2, 2)), true)).isEmpty();
        assertThat(RatingRules.organisation(QD132, new Judged(cell("A"), EXCELLENT, null), settled(members("M:5", 0, 2, 3)), true))
                .extracting(RatingViolation::kind).containsExactly(Kind.BLOCKED);
    }

    @Test
    void shouldBlockACommitteeFromGoodWhenOneOfItsOrganisationsDidNotComplete() {
        // HD 16/21 (organisation HTTNV, cond. 2): đảng bộ — 100 % of subordinate organisations HTNV or better, ≥ 50 % HTTNV
        RatingRow committee = new RatingRow(IDS.incrementAndGet(), 1, SubjectKind.ORGANISATION, null, 5, "Đảng bộ xã Tân Lập",
                UnitType.GRASSROOTS_COMMITTEE, 2L, "Đảng bộ xã Tân Lập", null, 5L, 2, "Huyện ủy Sông Cầu", "O:2:G",
                RatingStatus.PROPOSED, null, null, RatingRow.Inputs.NONE, null, null, null, null, null, null, null, null,
                null, null, 0);
        RatingRow weak = cell("Chi bộ thôn Đoài");
        List<Judged> cells = new ArrayList<>(List.of(new Judged(cell("Chi bộ thôn Đông"), GOOD, null),
                new Judged(cell("Chi bộ xóm Bắc"), GOOD, null), new Judged(weak, NOT_COMPLETED, null)));
        List<RatingViolation> found = RatingRules.organisation(QD132, new Judged(committee, GOOD, null), settled(cells), true);
        assertThat(found).extracting(RatingViolation::kind).containsExactly(Kind.BLOCKED);
        assertThat(found.getFirst().ratingIds()).containsExactly(weak.id());
        // and no "> 20 % of members" rule for a committee: it is judged on its organisations
        assertThat(RatingRules.organisation(QD132, new Judged(committee, COMPLETED, null), settled(cells), true)).isEmpty();
    }

    @Test
    void shouldFailACellWhenMoreThanAFifthOfMembersDidNotComplete() {
        // luathoangphi.vn reading of HD 16/21 [P]: a cell with more than 20 % of members KHTNV is KHTNV
        List<Judged> children = members("M:5", 0, 0, 4);
        children.add(new Judged(member("Một"), NOT_COMPLETED, null));
        assertThat(RatingRules.organisation(QD132, new Judged(cell("A"), COMPLETED, null), settled(children), true)).isEmpty();
        children.add(new Judged(member("Hai"), NOT_COMPLETED, null));
        assertThat(RatingRules.organisation(QD132, new Judged(cell("A"), COMPLETED, null), settled(children), true))
                .extracting(RatingViolation::kind).containsExactly(Kind.ORG_FORCED_FAIL);
    }

    @Test
    void shouldRefuseToDecideAnOrganisationBeforeItsMembers() {
        // DOMAIN §3.4 step 4; HD 43-HD/BTCTW: the organisation's rating rests on all its members' ratings
        List<Judged> children = members("M:5", 0, 3, 0);
        assertThat(RatingRules.organisation(QD132, new Judged(cell("A"), GOOD, null), children, true))
                .extracting(RatingViolation::kind).containsExactly(Kind.MEMBERS_UNDECIDED);
    }

    @Test
    void shouldNotRateACellExcellentWithAMemberDisciplinedInTheYear() {
        // QĐ 124-QĐ/TW Art. 12: HTXSNV collectives have no member disciplined
        List<Judged> children = members("M:5", 1, 4, 0);
        children.add(new Judged(member("Kỷ Luật", "M:5", RatingRow.Inputs.NONE, "Khiển trách", null), NOT_COMPLETED, null));
        List<RatingViolation> found = RatingRules.organisation(QD132, new Judged(cell("A"), EXCELLENT, null), settled(children), true);
        assertThat(found).extracting(RatingViolation::kind).contains(Kind.BLOCKED);
    }

    // ---- a subject by itself ------------------------------------------------------------------------

    @Test
    void shouldCapAtCompletedAfterThreeMonthsOfSickLeave() {
        // HD 21-HD/BTCTW (2019) II.6.3: sick leave totalling ≥ 3 months → not HTTNV or higher
        RatingRow sick = member("Ốm Dài", "M:5", new RatingRow.Inputs(90, null, false, false), null, null);
        assertThat(RatingRules.subject(QD132, new Judged(sick, GOOD, null))).extracting(RatingViolation::kind).containsExactly(Kind.CAPPED);
        assertThat(RatingRules.subject(QD132, new Judged(sick, COMPLETED, null))).isEmpty();
        RatingRow shorter = member("Ốm Ngắn", "M:5", new RatingRow.Inputs(89, null, false, false), null, null);
        assertThat(RatingRules.subject(QD132, new Judged(shorter, GOOD, null))).isEmpty();
    }

    @Test
    void shouldForceNotCompletedForDisciplineTargetsOrDegradation() {
        // HD 16 & 21 (member KHTNV): disciplined in the year; < 50 % of targets; degradation; failed public servant
        RatingRow disciplined = member("Kỷ Luật", "M:5", RatingRow.Inputs.NONE, "Khiển trách — 3-QĐ/ĐU", null);
        assertThat(RatingRules.subject(QD132, new Judged(disciplined, COMPLETED, null))).extracting(RatingViolation::messageKey)
                .containsExactly("rating.violation.failDisciplined");
        assertThat(RatingRules.subject(QD132, new Judged(disciplined, NOT_COMPLETED, null))).isEmpty();
        RatingRow targets = member("Chỉ Tiêu", "M:5", new RatingRow.Inputs(null, 49, false, false), null, null);
        assertThat(RatingRules.subject(QD132, new Judged(targets, COMPLETED, null))).extracting(RatingViolation::messageKey)
                .containsExactly("rating.violation.failTargets");
        RatingRow enough = member("Đủ Chỉ Tiêu", "M:5", new RatingRow.Inputs(null, 50, false, false), null, null);
        assertThat(RatingRules.subject(QD132, new Judged(enough, GOOD, null))).isEmpty();
        RatingRow degraded = member("Suy Thoái", "M:5", new RatingRow.Inputs(null, null, true, true), null, null);
        assertThat(RatingRules.subject(QD132, new Judged(degraded, GOOD, null))).extracting(RatingViolation::messageKey)
                .containsExactly("rating.violation.failDegradation", "rating.violation.failPublicServant");
    }

    @Test
    void shouldRefuseALevelOutsideTheScheme() {
        // HD 20/2008 levels ("đủ tư cách…") are not levels of QĐ 132
        assertThat(RatingRules.subject(QD132, new Judged(member("Cũ"), RatingLevel.QUALIFIED_GOOD, null)))
                .extracting(RatingViolation::kind).containsExactly(Kind.LEVEL_OUTSIDE_SCHEME);
    }

    @Test
    void shouldFollowTheHundredPointBandsUnderQd366() {
        // QĐ 366-QĐ/TW (2025) Art. 11: ≥ 90 HTXSNV, 70–< 90 HTTNV, 50–< 70 HTNV, < 50 KHTNV
        RatingRow m = member("Điểm");
        assertThat(RatingRules.subject(QD366, new Judged(m, EXCELLENT, new BigDecimal("90")))).isEmpty();
        assertThat(RatingRules.subject(QD366, new Judged(m, EXCELLENT, new BigDecimal("89.5"))))
                .extracting(RatingViolation::kind).containsExactly(Kind.SCORE_BAND);
        assertThat(RatingRules.subject(QD366, new Judged(m, GOOD, new BigDecimal("89.5")))).isEmpty();
        assertThat(RatingRules.subject(QD366, new Judged(m, COMPLETED, new BigDecimal("49.99"))))
                .extracting(RatingViolation::kind).containsExactly(Kind.SCORE_BAND);
        assertThat(RatingRules.subject(QD366, new Judged(m, COMPLETED, null)))
                .extracting(RatingViolation::kind).containsExactly(Kind.SCORE_BAND);
        assertThat(QD366.rankForScore(new BigDecimal("70"))).isEqualTo(2);
    }

    private static List<Judged> settled(List<Judged> judged) {
        return judged.stream().map(j -> new Judged(decided(j.row()), j.level(), j.score())).toList();
    }

    private static RatingRow decided(RatingRow r) {
        return new RatingRow(r.id(), r.campaignId(), r.kind(), r.memberId(), r.unitId(), r.unitName(), r.unitType(),
                r.parentUnitId(), r.subjectName(), r.position(), r.grassrootsId(), r.deciderId(), r.deciderName(),
                r.quotaGroup(), RatingStatus.DECIDED, null, r.disciplined(), r.inputs(), null, null, null, null, null,
                null, null, null, null, r.quotaOverride(), 0);
    }
}
