package vn.tcxd.members.rules;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.tcxd.IntegrationTest;
import vn.tcxd.members.AdmissionRules;
import vn.tcxd.members.Gender;
import vn.tcxd.members.MemberAct;
import vn.tcxd.members.MemberHistory;
import vn.tcxd.members.MemberHistoryProblem;
import vn.tcxd.members.MemberHistoryWriter;
import vn.tcxd.members.MemberMother;
import vn.tcxd.members.MemberRecord;
import vn.tcxd.members.MemberStatus;
import vn.tcxd.members.Members;
import vn.tcxd.members.RemovalGround;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.TreeFixture;
import vn.tcxd.shared.RuleViolation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.tcxd.members.MemberMother.decision;

/**
 * Age of admission (QĐ 24-QĐ/TW item 1.1: "đủ 18 tuổi đến đủ 60 tuổi, tính theo tháng") and
 * re-admission (QĐ 24-QĐ/TW item 3.5: 36 months, once, never after asking to leave), judged by the
 * rule set of the decision's date, the same for one act ({@link Members#apply}) and for the bulk
 * writer ({@link MemberHistoryWriter#check}).
 */
@IntegrationTest
class AdmissionRulesTests {

    /** QĐ 24-QĐ/TW (30/07/2021 – 19/01/2025) applies on this date. */
    static final LocalDate ADMITTED = LocalDate.of(2022, 6, 15);

    @Autowired
    Members members;

    @Autowired
    MemberHistoryWriter writer;

    @Autowired
    AdmissionRules rules;

    @Autowired
    OrgStructure org;

    @Autowired
    DSLContext db;

    TreeFixture tree;

    @BeforeEach
    void buildTree() {
        tree = TreeFixture.standard(org);
    }

    private static MemberRecord bornOn(LocalDate birth) {
        return MemberMother.record("Trần Văn Tuổi", Gender.MALE, birth);
    }

    private long writes() {
        return db.fetchCount(vn.tcxd.jooq.members.Tables.MEMBER_EVENT) + db.fetchCount(vn.tcxd.jooq.members.Tables.MEMBER_STATE)
                + db.fetchCount(vn.tcxd.jooq.members.Tables.MEMBER);
    }

    /** The act is refused with {@code key}, writes nothing, and the bulk writer refuses the same history alike. */
    private void assertRefusedAlike(MemberRecord record, List<MemberHistory.Step> later, MemberAct act, String key) {
        long before = writes();
        assertThatThrownBy(() -> members.apply(act)).isInstanceOf(RuleViolation.class)
                .extracting(e -> ((RuleViolation) e).messageKey()).isEqualTo(key);
        assertThat(writes()).isEqualTo(before);
        List<MemberHistory.Step> steps = new ArrayList<>();
        steps.add(new MemberHistory.Admit(tree.id("X1C1"), ADMITTED, decision("1-QĐ/HU", ADMITTED)));
        steps.addAll(later);
        List<MemberHistoryProblem> problems = writer.check(List.of(new MemberHistory(record, steps)));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.messageKey()).isEqualTo(key);
            assertThat(p.step()).isEqualTo(later.isEmpty() ? 0 : steps.size() - 1);
        });
    }

    private MemberAct.Admit admit(MemberRecord record, LocalDate on) {
        return new MemberAct.Admit(record, tree.id("X1C1"), on, decision("1-QĐ/HU", on));
    }

    @Test
    void shouldRefuseAdmissionWhenTheDayBeforeThe18thBirthday() {
        MemberRecord record = bornOn(ADMITTED.minusYears(18).plusDays(1));
        assertRefusedAlike(record, List.of(), admit(record, ADMITTED), "error.admission.tooYoung");
    }

    @Test
    void shouldAdmitWhenExactly18OnTheDecisionDate() {
        MemberRecord record = bornOn(ADMITTED.minusYears(18));
        long id = members.apply(admit(record, ADMITTED));
        assertThat(members.stateOn(id, ADMITTED).orElseThrow().status()).isEqualTo(MemberStatus.PROBATIONARY);
        MemberRecord twin = bornOn(ADMITTED.minusYears(18));
        assertThat(writer.check(List.of(new MemberHistory(twin, List.of(
                new MemberHistory.Admit(tree.id("X1C1"), ADMITTED, decision("2-QĐ/HU", ADMITTED))))))).isEmpty();
    }

    /** "Đủ 60 tuổi tính theo tháng": 60 years and some days is still 720 completed months. */
    @Test
    void shouldAdmitWhen60YearsAndLessThanAMonthOld() {
        MemberRecord record = bornOn(ADMITTED.minusYears(60).minusDays(30));
        long id = members.apply(admit(record, ADMITTED));
        assertThat(members.stateOn(id, ADMITTED)).isPresent();
    }

    @Test
    void shouldRefuseAdmissionWhenOver60CountedInMonths() {
        MemberRecord record = bornOn(ADMITTED.minusYears(60).minusMonths(1));
        assertRefusedAlike(record, List.of(), admit(record, ADMITTED), "error.admission.tooOld");
    }

    @Test
    void shouldNameTheLegalBasisAndTheFirstAdmissibleDayWhenTooYoung() {
        LocalDate birth = LocalDate.of(2004, 6, 16);
        assertThatThrownBy(() -> rules.ruleSetOn(ADMITTED).requireAge(birth, ADMITTED, "admittedOn"))
                .isInstanceOf(RuleViolation.class)
                .satisfies(e -> assertThat(((RuleViolation) e).args()).containsExactly(18, "15/6/2022", "16/6/2004",
                        "16/6/2022", "Điều lệ Đảng Điều 1; QĐ 24-QĐ/TW mục 1.1: đủ 18 tuổi đến đủ 60 tuổi (tính theo tháng)"));
    }

    /** Each date is judged by its own rule set: no upper age limit before QĐ 23-QĐ/TW (31/10/2007). */
    @Test
    void shouldJudgeByTheRuleSetOfTheDecisionDate() {
        assertThat(rules.ruleSetOn(LocalDate.of(2007, 10, 30)).ruleSet().code()).isEqualTo("ADM_1930");
        assertThat(rules.ruleSetOn(LocalDate.of(2007, 10, 30)).maxAgeMonths()).isNull();
        rules.ruleSetOn(LocalDate.of(1990, 1, 1)).requireAge(LocalDate.of(1925, 1, 1), LocalDate.of(1990, 1, 1), "on");
        assertThat(rules.ruleSetOn(LocalDate.of(2021, 7, 30)).ruleSet().code()).isEqualTo("ADM_QD24_2021");
        assertThat(rules.ruleSetOn(LocalDate.of(2025, 7, 1)).ruleSet().code()).isEqualTo("ADM_QD294_2025");
        assertThat(rules.ruleSets()).allSatisfy(r -> assertThat(r.ruleSet().legalBasis()).isNotBlank());
    }

    // ---- re-admission (QĐ 24-QĐ/TW item 3.5) ----------------------------------------------------

    private long removed(MemberRecord record, LocalDate on) {
        long id = members.apply(admit(record, ADMITTED));
        members.apply(new MemberAct.RemoveFromList(id, RemovalGround.LOST_WILL, on, decision("5-QĐ/HU", on)));
        return id;
    }

    @Test
    void shouldRefuseReadmissionWhenOneDayShortOf36MonthsOut() {
        LocalDate out = LocalDate.of(2022, 9, 1);
        LocalDate tooSoon = LocalDate.of(2025, 8, 31);
        MemberRecord record = bornOn(LocalDate.of(1990, 1, 1));
        long id = removed(record, out);
        assertRefusedAlike(bornOn(LocalDate.of(1990, 1, 1)), List.of(
                        new MemberHistory.RemoveFromList(RemovalGround.LOST_WILL, out, decision("5-QĐ/HU", out)),
                        new MemberHistory.Readmit(tree.id("X1C2"), tooSoon, decision("6-QĐ/HU", tooSoon))),
                new MemberAct.Readmit(id, tree.id("X1C2"), tooSoon, decision("6-QĐ/HU", tooSoon)), "error.readmission.tooSoon");
        LocalDate exactly = LocalDate.of(2025, 9, 1);
        members.apply(new MemberAct.Readmit(id, tree.id("X1C2"), exactly, decision("7-QĐ/HU", exactly)));
        // 3.5.4: probation again
        assertThat(members.stateOn(id, exactly).orElseThrow().status()).isEqualTo(MemberStatus.PROBATIONARY);
    }

    @Test
    void shouldRefuseASecondReadmission() {
        MemberRecord record = bornOn(LocalDate.of(1985, 1, 1));
        LocalDate out = LocalDate.of(2022, 7, 1);
        long id = removed(record, out);
        LocalDate back = LocalDate.of(2025, 7, 1);
        members.apply(new MemberAct.Readmit(id, tree.id("X1C1"), back, decision("6-QĐ/HU", back)));
        LocalDate outAgain = LocalDate.of(2025, 8, 1);
        members.apply(new MemberAct.RemoveFromList(id, RemovalGround.NOT_RECOGNISED, outAgain, decision("7-QĐ/HU", outAgain)));
        // admitted again, long after: still refused (3.5.3)
        LocalDate later = LocalDate.of(2026, 9, 1);
        long before = writes();
        assertThatThrownBy(() -> members.apply(new MemberAct.Readmit(id, tree.id("X1C1"), later, decision("8-QĐ/HU", later))))
                .isInstanceOf(RuleViolation.class)
                .extracting(e -> ((RuleViolation) e).messageKey()).isEqualTo("error.readmission.onlyOnce");
        assertThat(writes()).isEqualTo(before);
    }

    @Test
    void shouldNeverReadmitWhoAskedToLeave() {
        MemberRecord record = bornOn(LocalDate.of(1992, 3, 3));
        long id = members.apply(admit(record, ADMITTED));
        LocalDate left = LocalDate.of(2022, 8, 1);
        members.apply(new MemberAct.Leave(id, left, decision("5-QĐ/HU", left)));
        LocalDate back = LocalDate.of(2026, 1, 5);
        assertRefusedAlike(bornOn(LocalDate.of(1992, 3, 3)), List.of(
                        new MemberHistory.Leave(left, decision("5-QĐ/HU", left)),
                        new MemberHistory.Readmit(tree.id("X1C1"), back, decision("6-QĐ/HU", back))),
                new MemberAct.Readmit(id, tree.id("X1C1"), back, decision("6-QĐ/HU", back)), "error.readmission.excluded");
    }

    @Test
    void shouldRefuseReadmissionWhenOver60ByThen() {
        MemberRecord record = bornOn(LocalDate.of(1964, 1, 10));
        LocalDate out = LocalDate.of(2022, 7, 1);
        long id = removed(record, out);
        LocalDate back = LocalDate.of(2025, 8, 1);
        assertThatThrownBy(() -> members.apply(new MemberAct.Readmit(id, tree.id("X1C1"), back, decision("6-QĐ/HU", back))))
                .isInstanceOf(RuleViolation.class)
                .extracting(e -> ((RuleViolation) e).messageKey()).isEqualTo("error.admission.tooOld");
    }
}
