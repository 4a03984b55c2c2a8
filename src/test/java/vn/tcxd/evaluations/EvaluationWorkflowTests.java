package vn.tcxd.evaluations;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.tcxd.IntegrationTest;
import vn.tcxd.evaluations.EvaluationAct.DecisionItem;
import vn.tcxd.evaluations.EvaluationAct.Proposal;
import vn.tcxd.members.DisciplineForm;
import vn.tcxd.members.Gender;
import vn.tcxd.members.MemberAct;
import vn.tcxd.members.MemberMother;
import vn.tcxd.members.Members;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.TreeFixture;
import vn.tcxd.shared.DecisionRef;
import vn.tcxd.shared.RuleViolation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.tcxd.evaluations.RatingLevel.COMPLETED;
import static vn.tcxd.evaluations.RatingLevel.EXCELLENT;
import static vn.tcxd.evaluations.RatingLevel.GOOD;
import static vn.tcxd.evaluations.RatingLevel.NOT_COMPLETED;

/**
 * The review of 2024 in a small province (QĐ 124-QĐ/TW + HD 25-HD/BTCTW): the campaign creates its
 * subjects from the roll and the tree of 31/12/2024 with the not-rated reasons; members self-assess,
 * the cell proposes with its vote, the commune committee sees the quota violation, decides with an
 * override reason, then the cell; decided ratings lock and reopen only with a reason.
 */
@IntegrationTest
class EvaluationWorkflowTests {

    static final LocalDate ADMITTED = LocalDate.of(2019, 3, 2);
    static final Period Y2024 = Period.year(2024);
    static final DecisionRef COMMUNE = new DecisionRef("25-QĐ/ĐU", LocalDate.of(2025, 1, 10), "Đảng ủy xã Tân Lập");

    @Autowired
    Evaluations evaluations;

    @Autowired
    Members members;

    @Autowired
    OrgStructure org;

    @Autowired
    JdbcClient jdbc;

    TreeFixture tree;
    List<Long> eastCell;
    long newcomer;
    long exempted;
    long disciplined;

    @BeforeEach
    void buildProvince() {
        tree = TreeFixture.standard(org);
        eastCell = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            eastCell.add(admit("Thành Viên Đông " + (char) ('A' + i), "X1C1", ADMITTED));
        }
        newcomer = admit("Mới Vào", "X1C1", LocalDate.of(2024, 9, 2));
        exempted = admit("Già Yếu", "X1C1", ADMITTED);
        members.apply(new MemberAct.Exempt(exempted, LocalDate.of(2024, 5, 1), "Tuổi cao, sức yếu",
                MemberMother.decision("7-QĐ/ĐU", LocalDate.of(2024, 4, 28))));
        disciplined = admit("Vi Phạm", "X1C2", ADMITTED);
        members.apply(new MemberAct.Discipline(disciplined, DisciplineForm.REPRIMAND, LocalDate.of(2024, 6, 3),
                MemberMother.decision("9-QĐ/UBKT", LocalDate.of(2024, 6, 3))));
        admit("Người Xã Khác", "X2C1", ADMITTED);
    }

    private long admit(String name, String cell, LocalDate on) {
        return members.apply(new MemberAct.Admit(MemberMother.record(name, Gender.FEMALE, LocalDate.of(1990, 1, 1)),
                tree.id(cell), on, MemberMother.decision("1-QĐ/ĐU", on)));
    }

    private long open() {
        return evaluations.apply(new EvaluationAct.OpenCampaign(tree.id("P"), Y2024));
    }

    private RatingRow ratingOf(long campaign, long memberId) {
        return evaluations.ratings(campaign, tree.id("P"), SubjectKind.MEMBER).stream()
                .filter(r -> r.memberId() == memberId).findFirst().orElseThrow();
    }

    private RatingRow organisation(long campaign, String key) {
        return evaluations.ratings(campaign, tree.id(key), SubjectKind.ORGANISATION).stream()
                .filter(r -> r.unitId() == tree.id(key)).findFirst().orElseThrow();
    }

    @Test
    void shouldCreateTheSubjectsOfTheSubtreeAsAtThePeriodEndWithTheNotRatedReasons() {
        long campaign = open();
        CampaignSummary c = evaluations.campaign(campaign).orElseThrow();
        assertThat(c.schemeCode()).isEqualTo("QD124_2023");
        assertThat(c.rollDate()).isEqualTo(LocalDate.of(2024, 12, 31));

        List<RatingRow> people = evaluations.ratings(campaign, tree.id("P"), SubjectKind.MEMBER);
        assertThat(people).hasSize(16);
        assertThat(evaluations.ratings(campaign, tree.id("X1"), SubjectKind.MEMBER)).hasSize(15)
                .noneMatch(r -> r.subjectName().equals("Người Xã Khác"));
        // HD 21-HD/BTCTW (2019) II.6.2 and QĐ 45 item 14.2: admitted < 6 months, exempted → not rated
        assertThat(ratingOf(campaign, newcomer).notRatedReason()).isEqualTo(NotRatedReason.ADMITTED_RECENTLY);
        assertThat(ratingOf(campaign, exempted).notRatedReason()).isEqualTo(NotRatedReason.EXEMPT);
        assertThat(ratingOf(campaign, disciplined).disciplined()).contains("9-QĐ/UBKT");
        assertThat(ratingOf(campaign, eastCell.getFirst()))
                .satisfies(r -> {
                    assertThat(r.status()).isEqualTo(RatingStatus.PENDING);
                    assertThat(r.deciderId()).isEqualTo(tree.id("X1"));
                    assertThat(r.grassrootsId()).isEqualTo(tree.id("X1"));
                });

        Map<Long, Long> orgDeciders = evaluations.ratings(campaign, tree.id("P"), SubjectKind.ORGANISATION).stream()
                .collect(Collectors.toMap(RatingRow::unitId, RatingRow::deciderId));
        // HD 43-HD/BTCTW: the directly superior committee decides; cells of a partial committee by the grassroots committee
        assertThat(orgDeciders).containsEntry(tree.id("X1C1"), tree.id("X1")).containsEntry(tree.id("X1BC1"), tree.id("X1"))
                .containsEntry(tree.id("X1B"), tree.id("X1")).containsEntry(tree.id("X1"), tree.id("D1"))
                .containsEntry(tree.id("S1"), tree.id("D1")).containsEntry(tree.id("D1"), tree.id("P"))
                .doesNotContainKeys(tree.id("P"), tree.id("S1G1"), tree.id("Q"));
        assertThat(evaluations.ratings(campaign, tree.id("P"), SubjectKind.COLLECTIVE)).extracting(RatingRow::unitId)
                .containsExactlyInAnyOrder(tree.id("D1"), tree.id("D2"), tree.id("X1"), tree.id("X2"));
        assertThat(audits("evaluations.CAMPAIGN_OPENED", campaign)).isEqualTo(1);
    }

    @Test
    void shouldNotRateAnOrganisationSetUpLessThanSixMonthsBeforeThePeriodEnd() {
        // HD 21-HD/BTCTW (2019) II.6.1: party organisations set up less than 6 months ago are not rated
        long young = org.apply(new vn.tcxd.orgstructure.Reorganisation.Establish(new vn.tcxd.orgstructure.Reorganisation.NewUnit(
                tree.code("X1C9"), "Chi bộ khu công nghiệp " + tree.prefix(), null, vn.tcxd.orgstructure.UnitType.CELL,
                tree.id("X1"), null), LocalDate.of(2024, 8, 1), TreeFixture.decision(LocalDate.of(2024, 8, 1))));
        long campaign = open();
        RatingRow r = organisation(campaign, "X1C1");
        assertThat(r.status()).isEqualTo(RatingStatus.PENDING);
        RatingRow youngRating = evaluations.ratings(campaign, tree.id("X1"), SubjectKind.ORGANISATION).stream()
                .filter(x -> x.unitId() == young).findFirst().orElseThrow();
        assertThat(youngRating.notRatedReason()).isEqualTo(NotRatedReason.UNIT_NEW);
        assertThatThrownBy(() -> evaluations.apply(new EvaluationAct.SelfAssess(youngRating.id(), GOOD, null)))
                .isInstanceOf(RuleViolation.class).extracting("messageKey").isEqualTo("rating.error.notRated");
    }

    @Test
    void shouldRefuseASecondCampaignOverTheSameSubtreeAndPeriod() {
        open();
        assertThatThrownBy(() -> evaluations.apply(new EvaluationAct.OpenCampaign(tree.id("X1"), Y2024)))
                .isInstanceOf(RuleViolation.class).extracting("messageKey").isEqualTo("rating.error.campaignOverlaps");
        assertThatThrownBy(() -> evaluations.apply(new EvaluationAct.OpenCampaign(tree.id("P"), Period.year(2030))))
                .isInstanceOf(RuleViolation.class).extracting("messageKey").isEqualTo("rating.error.periodNotStarted");
        // QĐ 366 (2025) allows quarterly reviews; QĐ 124 did not
        assertThatThrownBy(() -> evaluations.apply(new EvaluationAct.OpenCampaign(tree.id("P"), new Period(PeriodKind.QUARTER, 2024, 2))))
                .isInstanceOf(RuleViolation.class).extracting("messageKey").isEqualTo("rating.error.periodNotInScheme");
        assertThat(evaluations.apply(new EvaluationAct.OpenCampaign(tree.id("X1"), new Period(PeriodKind.QUARTER, 2026, 1)))).isPositive();
    }

    @Test
    void shouldWalkSelfAssessmentProposalQuotaOverrideAndDecision() {
        long campaign = open();
        // 3 excellent against 9 good in the commune: 20 % of 9 = 1 allowed (floor)
        List<Proposal> proposals = new ArrayList<>();
        for (int i = 0; i < eastCell.size(); i++) {
            RatingRow r = ratingOf(campaign, eastCell.get(i));
            RatingLevel level = i < 3 ? EXCELLENT : GOOD;
            evaluations.apply(new EvaluationAct.SelfAssess(r.id(), level, null));
            proposals.add(Proposal.of(r.id(), level, null, 11, 12));
        }
        RatingRow bad = ratingOf(campaign, disciplined);
        proposals.add(Proposal.of(bad.id(), NOT_COMPLETED, null, 12, 12));
        evaluations.apply(new EvaluationAct.Propose(proposals));
        RatingRow first = ratingOf(campaign, eastCell.getFirst());
        assertThat(first.status()).isEqualTo(RatingStatus.PROPOSED);
        assertThat(first.votesFor()).isEqualTo(11);
        assertThat(evaluations.steps(first.id())).extracting(RatingStep::step)
                .containsExactly(RatingStep.StepKind.SELF, RatingStep.StepKind.PROPOSAL);

        // the committee sees the violation before deciding, naming the three
        List<RatingViolation> seen = evaluations.check(campaign, tree.id("X1"));
        assertThat(seen).filteredOn(v -> v.kind() == RatingViolation.Kind.QUOTA).singleElement()
                .satisfies(v -> assertThat(v.ratingIds()).hasSize(3).contains(first.id()));

        List<DecisionItem> all = proposals.stream().map(p -> DecisionItem.asProposed(p.ratingId())).toList();
        assertThatThrownBy(() -> evaluations.apply(new EvaluationAct.Decide(all, COMMUNE)))
                .isInstanceOf(RuleViolation.class).extracting("messageKey").isEqualTo("rating.violation.quota");
        assertThat(ratingOf(campaign, eastCell.getFirst()).status()).isEqualTo(RatingStatus.PROPOSED);

        // one lowered, one kept above the quota with a reason and the decision as reference
        List<DecisionItem> fixed = new ArrayList<>(all);
        fixed.set(1, new DecisionItem(ratingOf(campaign, eastCell.get(1)).id(), GOOD, null, null));
        fixed.set(2, new DecisionItem(ratingOf(campaign, eastCell.get(2)).id(), null, null,
                "Được Tỉnh ủy tặng Bằng khen vì thành tích đột xuất"));
        evaluations.apply(new EvaluationAct.Decide(fixed, COMMUNE));

        RatingRow kept = ratingOf(campaign, eastCell.get(2));
        assertThat(kept.decidedLevel()).isEqualTo(EXCELLENT);
        assertThat(kept.quotaOverride()).startsWith("Được Tỉnh ủy");
        assertThat(kept.decision()).isEqualTo(COMMUNE);
        assertThat(evaluations.steps(kept.id())).extracting(RatingStep::step).containsExactly(RatingStep.StepKind.SELF,
                RatingStep.StepKind.PROPOSAL, RatingStep.StepKind.DECISION, RatingStep.StepKind.OVERRIDE);
        assertThat(ratingOf(campaign, eastCell.get(1)).decidedLevel()).isEqualTo(GOOD);
        assertThat(audits("evaluations.DECIDED", campaign)).isEqualTo(1);

        // decided ratings lock
        assertThatThrownBy(() -> evaluations.apply(new EvaluationAct.Decide(List.of(DecisionItem.asProposed(kept.id())), COMMUNE)))
                .isInstanceOf(RuleViolation.class).extracting("messageKey").isEqualTo("rating.error.locked");
        assertThatThrownBy(() -> evaluations.apply(new EvaluationAct.SelfAssess(kept.id(), GOOD, null)))
                .isInstanceOf(RuleViolation.class).extracting("messageKey").isEqualTo("rating.error.locked");

        // the cell after its members: its one member KHTNV blocks HTTNV (HD 16/21) and, being over 20 %, fails the cell [P]
        RatingRow west = organisation(campaign, "X1C2");
        assertThatThrownBy(() -> evaluations.apply(new EvaluationAct.Decide(List.of(new DecisionItem(west.id(), GOOD, null, null)), COMMUNE)))
                .isInstanceOf(RuleViolation.class).extracting("messageKey").isEqualTo("rating.violation.blockedByFailing");
        assertThatThrownBy(() -> evaluations.apply(new EvaluationAct.Decide(List.of(new DecisionItem(west.id(), COMPLETED, null, null)), COMMUNE)))
                .isInstanceOf(RuleViolation.class).extracting("messageKey").isEqualTo("rating.violation.cellFails");
        evaluations.apply(new EvaluationAct.Decide(List.of(new DecisionItem(west.id(), NOT_COMPLETED, null, null)), COMMUNE));
        RatingRow east = organisation(campaign, "X1C1");
        evaluations.apply(new EvaluationAct.Decide(List.of(new DecisionItem(east.id(), GOOD, null, null)), COMMUNE));

        // reopening a member of a decided cell needs the cell reopened first; a reason is always recorded
        assertThatThrownBy(() -> evaluations.apply(new EvaluationAct.Reopen(kept.id(), "Phát hiện sai sót khi tổng hợp")))
                .isInstanceOf(RuleViolation.class).extracting("messageKey").isEqualTo("rating.error.reopenParentFirst");
        assertThatThrownBy(() -> evaluations.apply(new EvaluationAct.Reopen(east.id(), " ")))
                .isInstanceOf(RuleViolation.class);
        evaluations.apply(new EvaluationAct.Reopen(east.id(), "Phát hiện sai sót khi tổng hợp"));
        evaluations.apply(new EvaluationAct.Reopen(kept.id(), "Phát hiện sai sót khi tổng hợp"));
        RatingRow reopened = ratingOf(campaign, eastCell.get(2));
        assertThat(reopened.status()).isEqualTo(RatingStatus.PROPOSED);
        assertThat(reopened.decidedLevel()).isNull();
        assertThat(evaluations.steps(reopened.id()).getLast()).satisfies(s -> {
            assertThat(s.step()).isEqualTo(RatingStep.StepKind.REOPEN);
            assertThat(s.reason()).isEqualTo("Phát hiện sai sót khi tổng hợp");
            assertThat(s.decision()).isEqualTo(COMMUNE);
        });
    }

    @Test
    void shouldRefuseTheOrganisationBeforeItsMembersAndBadLevelsWritingNothing() {
        long campaign = open();
        RatingRow east = organisation(campaign, "X1C1");
        assertThatThrownBy(() -> evaluations.apply(new EvaluationAct.Decide(List.of(new DecisionItem(east.id(), COMPLETED, null, null)), COMMUNE)))
                .isInstanceOf(RuleViolation.class).extracting("messageKey").isEqualTo("rating.violation.childrenUndecided");
        RatingRow member = ratingOf(campaign, eastCell.getFirst());
        assertThatThrownBy(() -> evaluations.apply(new EvaluationAct.SelfAssess(member.id(), RatingLevel.QUALIFIED_GOOD, null)))
                .isInstanceOf(RuleViolation.class).extracting("messageKey").isEqualTo("rating.violation.levelOutsideScheme");
        assertThatThrownBy(() -> evaluations.apply(new EvaluationAct.SelfAssess(ratingOf(campaign, newcomer).id(), GOOD, null)))
                .isInstanceOf(RuleViolation.class).extracting("messageKey").isEqualTo("rating.error.notRated");
        // the disciplined member cannot be decided above KHTNV (HD 16 & 21)
        RatingRow bad = ratingOf(campaign, disciplined);
        assertThatThrownBy(() -> evaluations.apply(new EvaluationAct.Decide(List.of(new DecisionItem(bad.id(), COMPLETED, null, null)), COMMUNE)))
                .isInstanceOf(RuleViolation.class).extracting("messageKey").isEqualTo("rating.violation.failDisciplined");
        // a vote with more in favour than cast
        assertThatThrownBy(() -> evaluations.apply(new EvaluationAct.Propose(List.of(Proposal.of(member.id(), GOOD, null, 13, 12)))))
                .isInstanceOf(RuleViolation.class).extracting("messageKey").isEqualTo("rating.error.votes");
        assertThat(evaluations.steps(member.id())).isEmpty();
        assertThat(ratingOf(campaign, eastCell.getFirst()).status()).isEqualTo(RatingStatus.PENDING);
    }

    @Test
    void shouldRequireScoresInTheBandsUnderQd366() {
        long campaign = evaluations.apply(new EvaluationAct.OpenCampaign(tree.id("X1"), Period.year(2025)));
        assertThat(evaluations.campaign(campaign).orElseThrow().schemeCode()).isEqualTo("QD366_2025");
        RatingRow r = evaluations.ratings(campaign, tree.id("X1"), SubjectKind.MEMBER).stream()
                .filter(x -> eastCell.getFirst().equals(x.memberId())).findFirst().orElseThrow();
        assertThatThrownBy(() -> evaluations.apply(new EvaluationAct.SelfAssess(r.id(), GOOD, null)))
                .isInstanceOf(RuleViolation.class).extracting("messageKey").isEqualTo("rating.violation.scoreRequired");
        evaluations.apply(new EvaluationAct.Propose(List.of(Proposal.of(r.id(), EXCELLENT, new BigDecimal("88"), 10, 12))));
        DecisionRef d = new DecisionRef("3-QĐ/ĐU", LocalDate.of(2026, 1, 12), "Đảng ủy xã Tân Lập");
        assertThatThrownBy(() -> evaluations.apply(new EvaluationAct.Decide(List.of(DecisionItem.asProposed(r.id())), d)))
                .isInstanceOf(RuleViolation.class).extracting("messageKey").isEqualTo("rating.violation.scoreBand");
        evaluations.apply(new EvaluationAct.Decide(List.of(new DecisionItem(r.id(), GOOD, null, null)), d));
        assertThat(evaluations.rating(r.id()).orElseThrow().decidedScore()).isEqualByComparingTo("88");
    }

    private long audits(String action, long campaign) {
        return jdbc.sql("select count(*) from security.audit_entry where action = ? and entity_id = ?")
                .params(action, Long.toString(campaign)).query(Long.class).single();
    }
}
