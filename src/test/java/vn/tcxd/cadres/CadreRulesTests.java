package vn.tcxd.cadres;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.tcxd.IntegrationTest;
import vn.tcxd.members.DeadlineUnit;
import vn.tcxd.members.DisciplineForm;
import vn.tcxd.members.Gender;
import vn.tcxd.members.MemberAct;
import vn.tcxd.members.MemberMother;
import vn.tcxd.members.Members;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.TreeFixture;
import vn.tcxd.shared.DecisionRef;
import vn.tcxd.shared.RuleViolation;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The rules of cadre work on a small province (DOMAIN §1.3, §6): the 3 × 3 caps of planning
 * (QĐ 50-QĐ/TW, QĐ 377-QĐ/TW), the planning age for a full term (HD 16-HD/BTCTW), automatic removal on
 * a discipline recorded in members, the reappointment notice 90 working days before the term ends
 * (QĐ 377) and the rule set switching on its date, and a committee's composition as at any date.
 */
@IntegrationTest
class CadreRulesTests {

    static final String PROVINCE_ORGANISATION_HEAD = "PROVINCIAL.ORGANISATION_HEAD";
    static final String PROVINCE_OFFICE_CHIEF = "PROVINCIAL.OFFICE_CHIEF";
    static final String PROVINCE_INSPECTION_HEAD = "PROVINCIAL.INSPECTION_HEAD";
    static final String PROVINCE_FRONT_CHAIR = "PROVINCIAL.FRONT_CHAIR";
    static final String PROVINCE_DIRECTOR = "PROVINCIAL.DEPARTMENT_DIRECTOR";
    static final DecisionRef PLANNING = new DecisionRef("120-QĐ/TU", LocalDate.of(2026, 3, 2), "Ban Thường vụ Tỉnh ủy");

    @Autowired
    Cadres cadres;

    @Autowired
    Members members;

    @Autowired
    OrgStructure org;

    @Autowired
    JdbcClient jdbc;

    TreeFixture tree;

    @BeforeEach
    void buildProvince() {
        tree = TreeFixture.standard(org);
    }

    private long member(String name, Gender gender, LocalDate born) {
        return members.apply(new MemberAct.Admit(MemberMother.record(name, gender, born), tree.id("X1C1"),
                LocalDate.of(2015, 6, 1), MemberMother.decision("1-QĐ/HU", LocalDate.of(2015, 6, 1))));
    }

    private long plan(String period, String title, long memberId) {
        return cadres.apply(new CadreAct.AddToPlan(period, tree.id("P"), title, memberId, PLANNING.date(), PLANNING));
    }

    private static RuleViolation violation(Runnable act) {
        try {
            act.run();
        } catch (RuleViolation e) {
            return e;
        }
        throw new AssertionError("no rule violation");
    }

    @Test
    @DisplayName("QĐ 377-QĐ/TW: mỗi chức danh quy hoạch không quá 3 người; người thứ 4 bị từ chối, nêu quy định")
    void shouldRefuseAFourthPlannedCadreForATitle() {
        for (int i = 0; i < 3; i++) {
            plan("LOCAL_2030_2035", PROVINCE_ORGANISATION_HEAD, member("Quy Hoạch " + i, Gender.MALE, LocalDate.of(1982, 1, 1)));
        }
        long fourth = member("Người Thứ Tư", Gender.FEMALE, LocalDate.of(1984, 1, 1));
        RuleViolation e = violation(() -> plan("LOCAL_2030_2035", PROVINCE_ORGANISATION_HEAD, fourth));
        assertThat(e.messageKey()).isEqualTo("error.cadre.planTitleFull");
        assertThat(e.args()).contains(3).anySatisfy(a -> assertThat(a.toString()).contains("QĐ 377-QĐ/TW"));
        assertThat(cadres.planCheck(tree.id("P"), "LOCAL_2030_2035", PLANNING.date()).posts())
                .filteredOn(p -> p.title().code().equals(PROVINCE_ORGANISATION_HEAD))
                .singleElement().satisfies(p -> assertThat(p.entries()).hasSize(3));
    }

    @Test
    @DisplayName("QĐ 377-QĐ/TW: mỗi người quy hoạch không quá 3 chức danh cùng cấp")
    void shouldRefuseAFourthTitleForOneCadreAtOneLevel() {
        long cadre = member("Nhiều Chức Danh", Gender.MALE, LocalDate.of(1980, 5, 5));
        plan("LOCAL_2030_2035", PROVINCE_ORGANISATION_HEAD, cadre);
        plan("LOCAL_2030_2035", PROVINCE_INSPECTION_HEAD, cadre);
        plan("LOCAL_2030_2035", PROVINCE_FRONT_CHAIR, cadre);
        RuleViolation e = violation(() -> plan("LOCAL_2030_2035", PROVINCE_OFFICE_CHIEF, cadre));
        assertThat(e.messageKey()).isEqualTo("error.cadre.planCadreFull");
        // another period is another planning
        assertThat(plan("LOCAL_2025_2030", PROVINCE_OFFICE_CHIEF, cadre)).isPositive();
    }

    @Test
    @DisplayName("HD 16-HD/BTCTW: đủ tuổi công tác trọn một nhiệm kỳ 2030–2035 — sinh 01/10/1973 (nghỉ hưu 01/10/2035) được, sinh 30/09/1973 không")
    void shouldRequireAFullTermOfAgeAtTheBoundaryMonth() {
        // BLLĐ 2019 Điều 169: a man reaching retirement age in 2035 retires at 62 (744 months)
        long justEnough = member("Vừa Đủ Tuổi", Gender.MALE, LocalDate.of(1973, 10, 1));
        long oneDayShort = member("Thiếu Một Ngày", Gender.MALE, LocalDate.of(1973, 9, 30));
        assertThat(plan("LOCAL_2030_2035", PROVINCE_ORGANISATION_HEAD, justEnough)).isPositive();
        RuleViolation e = violation(() -> plan("LOCAL_2030_2035", PROVINCE_INSPECTION_HEAD, oneDayShort));
        assertThat(e.messageKey()).isEqualTo("error.cadre.planAge");
        // retirement on 30/9/2035, counted from the planned term's start 1/10/2030: 59 of 60 months
        assertThat(e.args()).contains("30/9/2035", "1/10/2030", 59L, 60);
    }

    @Test
    @DisplayName("QĐ 377-QĐ/TW: chỉ quy hoạch chức danh cao hơn, không quy hoạch chức danh đang giữ")
    void shouldRefusePlanningForTheTitleHeld() {
        long chief = member("Chánh Văn Phòng", Gender.MALE, LocalDate.of(1978, 2, 2));
        cadres.apply(new CadreAct.Appoint(tree.id("P"), PROVINCE_OFFICE_CHIEF, chief, IncumbencyKind.APPOINTED,
                LocalDate.of(2024, 3, 1), null, null, new DecisionRef("55-QĐ/TU", LocalDate.of(2024, 2, 26), "Ban Thường vụ Tỉnh ủy")));
        assertThat(violation(() -> plan("LOCAL_2025_2030", PROVINCE_OFFICE_CHIEF, chief)).messageKey())
                .isEqualTo("error.cadre.planHeldTitle");
        // a title ranked above the one held may be planned
        assertThat(plan("LOCAL_2025_2030", PROVINCE_ORGANISATION_HEAD, chief)).isPositive();
    }

    @Test
    @DisplayName("QĐ 50-QĐ/TW: bị kỷ luật khiển trách (ghi ở hồ sơ đảng viên) thì rà soát đưa ra khỏi quy hoạch")
    void shouldProposeRemovalWhenMembersRecordsAReprimand() {
        long cadre = member("Bị Khiển Trách", Gender.FEMALE, LocalDate.of(1985, 8, 8));
        long entry = plan("LOCAL_2030_2035", PROVINCE_ORGANISATION_HEAD, cadre);
        LocalDate review = LocalDate.of(2026, 11, 30);
        assertThat(cadres.planCheck(tree.id("P"), "LOCAL_2030_2035", review).removals()).isEmpty();

        members.apply(new MemberAct.Discipline(cadre, DisciplineForm.REPRIMAND, LocalDate.of(2026, 9, 14),
                new DecisionRef("31-QĐ/UBKTTU", LocalDate.of(2026, 9, 14), "Ủy ban Kiểm tra Tỉnh ủy")));
        List<PlanCheck.Removal> removals = cadres.planCheck(tree.id("P"), "LOCAL_2030_2035", review).removals();
        assertThat(removals).singleElement().satisfies(r -> {
            assertThat(r.entry().id()).isEqualTo(entry);
            assertThat(r.reason()).isEqualTo(RemovalReason.DISCIPLINE);
            assertThat(r.since()).isEqualTo(LocalDate.of(2026, 9, 14));
            assertThat(r.legalBasis()).contains("QĐ 377-QĐ/TW");
        });

        cadres.apply(new CadreAct.RemoveFromPlan(entry, RemovalReason.DISCIPLINE, null, review,
                new DecisionRef("140-QĐ/TU", review, "Ban Thường vụ Tỉnh ủy")));
        PlanCheck after = cadres.planCheck(tree.id("P"), "LOCAL_2030_2035", review);
        assertThat(after.removals()).isEmpty();
        assertThat(after.plannedCadres()).isZero();
        assertThat(cadres.planEntry(entry).orElseThrow().removalReason()).isEqualTo(RemovalReason.DISCIPLINE);
    }

    @Test
    @DisplayName("QĐ 377-QĐ/TW: thông báo bổ nhiệm lại 90 ngày làm việc trước khi hết thời hạn — hết hạn 04/5/2027, qua Tết 2027: hạn 16/12/2026")
    void shouldQueueTheReappointmentNoticeOnTheRightWorkingDayAcrossTet() {
        long director = member("Giám Đốc Sở", Gender.MALE, LocalDate.of(1975, 4, 4));
        long incumbency = cadres.apply(new CadreAct.Appoint(tree.id("P"), PROVINCE_DIRECTOR, director, IncumbencyKind.APPOINTED,
                LocalDate.of(2022, 5, 4), null, null, new DecisionRef("88-QĐ/TU", LocalDate.of(2022, 4, 28), "Ban Thường vụ Tỉnh ủy")));
        assertThat(cadres.incumbency(incumbency).orElseThrow().termEndsOn()).isEqualTo(LocalDate.of(2027, 5, 4));

        LocalDate noticeDay = LocalDate.of(2026, 12, 16);
        assertThat(noticeOf(incumbency, noticeDay.minusDays(1))).isEmpty();
        assertThat(noticeOf(incumbency, noticeDay)).singleElement().satisfies(d -> {
            assertThat(d.due()).isEqualTo(noticeDay);
            assertThat(d.overdue()).isFalse();
            assertThat(d.anchor()).isEqualTo(LocalDate.of(2027, 5, 4));
            assertThat(d.managerId()).isEqualTo(tree.id("P"));
            assertThat(d.legalBasis()).contains("QĐ 377-QĐ/TW").contains("WORKING_DAYS");
        });
        assertThat(noticeOf(incumbency, noticeDay.plusDays(1))).singleElement().satisfies(d -> assertThat(d.overdue()).isTrue());
        // the decoy province sees nothing of it
        assertThat(cadres.due(tree.id("Q"), noticeDay, 60)).isEmpty();

        cadres.apply(new CadreAct.Reappoint(incumbency, LocalDate.of(2027, 5, 4),
                new DecisionRef("20-QĐ/TU", LocalDate.of(2027, 4, 20), "Ban Thường vụ Tỉnh ủy")));
        assertThat(noticeOf(incumbency, noticeDay)).isEmpty();
    }

    @Test
    @DisplayName("Bộ luật Lao động 2019 Điều 169, NĐ 135/2020: nghỉ hưu năm 2027 ở tuổi nam 61 năm 9 tháng, nữ 57 năm 4 tháng — báo trước 6 tháng (QĐ 377)")
    void shouldQueueRetirementsOfMenAndWomenByTheScheduleOfTheYear() {
        LocalDate today = LocalDate.of(2026, 12, 3);
        long man = elect(PROVINCE_ORGANISATION_HEAD, member("Nam Nghỉ Hưu", Gender.MALE, LocalDate.of(1965, 8, 15)));
        long woman = elect(PROVINCE_INSPECTION_HEAD, member("Nữ Nghỉ Hưu", Gender.FEMALE, LocalDate.of(1970, 2, 1)));
        long womanLater = elect(PROVINCE_FRONT_CHAIR, member("Nữ Tháng Sau", Gender.FEMALE, LocalDate.of(1970, 3, 1)));
        long manLater = elect(PROVINCE_OFFICE_CHIEF, member("Nam Năm Sau", Gender.MALE, LocalDate.of(1966, 1, 1)));

        assertThat(retirementsOn(today)).containsEntry(man, LocalDate.of(2027, 5, 15))
                .containsEntry(woman, LocalDate.of(2027, 6, 1))
                .doesNotContainKeys(womanLater, manLater);
        // six months before 01/07/2027, and before 01/10/2027 (61 years 9 months)
        assertThat(retirementsOn(LocalDate.of(2027, 1, 1))).containsEntry(womanLater, LocalDate.of(2027, 7, 1))
                .doesNotContainKey(manLater);
        assertThat(retirementsOn(LocalDate.of(2027, 4, 1))).containsEntry(manLater, LocalDate.of(2027, 10, 1));
    }

    @Test
    @DisplayName("Việc đến hạn thuộc diện cấp nào quản lý thì ở hàng việc của cấp đó: bí thư huyện ủy do tỉnh, bí thư đảng ủy xã do huyện")
    void shouldQueueEachDueItemForTheLevelThatManagesTheTitle() {
        LocalDate today = LocalDate.of(2026, 12, 3);
        long districtSecretary = member("Bí Thư Huyện", Gender.MALE, LocalDate.of(1965, 8, 15));
        long communeSecretary = member("Bí Thư Xã", Gender.FEMALE, LocalDate.of(1970, 2, 1));
        DecisionRef elected = new DecisionRef("1-NQ/HU", LocalDate.of(2020, 8, 20), "Huyện ủy");
        cadres.apply(new CadreAct.Appoint(tree.id("D1"), "UPPER_GRASSROOTS.SECRETARY", districtSecretary, IncumbencyKind.ELECTED,
                LocalDate.of(2020, 8, 20), null, null, elected));
        cadres.apply(new CadreAct.Appoint(tree.id("X1"), "GRASSROOTS_COMMITTEE.SECRETARY", communeSecretary, IncumbencyKind.ELECTED,
                LocalDate.of(2020, 8, 20), null, null, elected));

        assertThat(cadres.dueManagedBy(tree.id("P"), today, 0)).extracting(CadreDue::memberId).containsExactly(districtSecretary);
        assertThat(cadres.dueManagedBy(tree.id("D1"), today, 0)).extracting(CadreDue::memberId).containsExactly(communeSecretary);
        assertThat(cadres.dueManagedBy(tree.id("X1"), today, 0)).isEmpty();
        // the whole subtree's work, each item naming its manager
        assertThat(cadres.due(tree.id("P"), today, 0)).extracting(CadreDue::memberId, CadreDue::managerId)
                .containsExactlyInAnyOrder(tuple(districtSecretary, tree.id("P")),
                        tuple(communeSecretary, tree.id("D1")));
    }

    private long elect(String title, long memberId) {
        cadres.apply(new CadreAct.Appoint(tree.id("P"), title, memberId, IncumbencyKind.ELECTED, LocalDate.of(2020, 10, 20),
                null, null, new DecisionRef("1-NQ/TU", LocalDate.of(2020, 10, 20), "Tỉnh ủy")));
        return memberId;
    }

    private java.util.Map<Long, LocalDate> retirementsOn(LocalDate today) {
        return cadres.due(tree.id("P"), today, 0).stream().filter(d -> d.kind() == CadreDue.Kind.RETIREMENT)
                .collect(java.util.stream.Collectors.toMap(CadreDue::memberId, CadreDue::anchor));
    }

    private List<CadreDue> noticeOf(long incumbency, LocalDate today) {
        return cadres.due(tree.id("P"), today, 0).stream()
                .filter(d -> d.kind() == CadreDue.Kind.REAPPOINTMENT_NOTICE && d.incumbencyId() == incumbency).toList();
    }

    @Test
    @DisplayName("Quy định chuyển sang QĐ 377-QĐ/TW ngày 08/10/2025: hết hạn 07/10/2025 báo trước 90 ngày (QĐ 80), hết hạn 08/10/2025 báo trước 90 ngày làm việc")
    void shouldSwitchTheRuleSetOnTheDateOfQd377() {
        assertThat(cadres.ruleSetOn(LocalDate.of(2025, 10, 7)).code()).isEqualTo("QD80_2022");
        assertThat(cadres.ruleSetOn(LocalDate.of(2025, 10, 8)).code()).isEqualTo("QD377_2025");
        assertThat(cadres.ruleSetOn(LocalDate.of(2025, 10, 7)).noticeUnit()).isEqualTo(DeadlineUnit.DAYS);
        assertThat(cadres.ruleSetOn(LocalDate.of(2025, 10, 8)).noticeUnit()).isEqualTo(DeadlineUnit.WORKING_DAYS);

        long before = appointDirector("Hết Hạn Ngày Bảy", LocalDate.of(2020, 10, 7));
        long after = appointDirector("Hết Hạn Ngày Tám", LocalDate.of(2020, 10, 8));
        LocalDate today = LocalDate.of(2025, 7, 15);
        assertThat(cadres.due(tree.id("P"), today, 0)).filteredOn(d -> d.kind() == CadreDue.Kind.REAPPOINTMENT_NOTICE)
                .extracting(CadreDue::incumbencyId, CadreDue::due)
                .contains(tuple(before, LocalDate.of(2025, 7, 9)),
                        tuple(after, LocalDate.of(2025, 6, 2)));
        // the appointment keeps the rule set it was made under
        assertThat(cadres.incumbency(before).orElseThrow().ruleSetCode()).isEqualTo("QD105_2017");
    }

    private long appointDirector(String name, LocalDate startsOn) {
        long m = member(name, Gender.FEMALE, LocalDate.of(1976, 1, 1));
        return cadres.apply(new CadreAct.Appoint(tree.id("P"), PROVINCE_DIRECTOR, m, IncumbencyKind.APPOINTED, startsOn, null,
                null, new DecisionRef("9-QĐ/TU", startsOn.minusDays(5), "Ban Thường vụ Tỉnh ủy")));
    }

    @Test
    @DisplayName("Cơ cấu cấp ủy tại ngày bất kỳ: trước và sau khi bổ sung giữa nhiệm kỳ, và khi một ủy viên thôi")
    void shouldReadTheCommitteeAsAtDatesBeforeAndAfterAMidTermAddition() {
        LocalDate congress = LocalDate.of(2020, 10, 15);
        long term = cadres.apply(new CadreAct.OpenTerm(tree.id("P"), "2020–2025", congress, LocalDate.of(2025, 10, 10), true,
                "Đại hội đại biểu Đảng bộ tỉnh lần thứ XX", congress, 350,
                new DecisionRef("1230-QĐ/TW", LocalDate.of(2020, 10, 20), "Ban Bí thư")));
        DecisionRef elected = new DecisionRef("01-NQ/ĐH", congress, "Đại hội đại biểu Đảng bộ tỉnh lần thứ XX");
        long secretary = seat(term, member("Bí Thư Tỉnh", Gender.MALE, LocalDate.of(1968, 1, 1)), CommitteeRole.SECRETARY,
                SeatEntry.ELECTED, congress, elected);
        seat(term, member("Phó Bí Thư", Gender.FEMALE, LocalDate.of(1972, 1, 1)), CommitteeRole.DEPUTY_SECRETARY,
                SeatEntry.ELECTED, congress, elected);
        long leaving = seat(term, member("Ủy Viên Chuyển", Gender.MALE, LocalDate.of(1970, 1, 1)), CommitteeRole.MEMBER,
                SeatEntry.ELECTED, congress, elected);
        LocalDate addition = LocalDate.of(2023, 3, 1);
        seat(term, member("Ủy Viên Bổ Sung", Gender.FEMALE, LocalDate.of(1985, 1, 1)), CommitteeRole.MEMBER, SeatEntry.ADDED,
                addition, new DecisionRef("1024-QĐ/TW", LocalDate.of(2023, 2, 24), "Ban Bí thư"));
        cadres.apply(new CadreAct.LeaveCommittee(leaving, SeatExit.MOVED, LocalDate.of(2024, 1, 1),
                new DecisionRef("1300-QĐ/TW", LocalDate.of(2023, 12, 28), "Ban Bí thư")));

        assertThat(cadres.committee(term, addition.minusDays(1)).members()).extracting(Committee.Seat::fullName)
                .containsExactly("Bí Thư Tỉnh", "Phó Bí Thư", "Ủy Viên Chuyển");
        assertThat(cadres.committee(term, addition).members()).extracting(Committee.Seat::fullName)
                .containsExactly("Bí Thư Tỉnh", "Phó Bí Thư", "Ủy Viên Bổ Sung", "Ủy Viên Chuyển");
        assertThat(cadres.committee(term, LocalDate.of(2024, 1, 1)).members()).extracting(Committee.Seat::fullName)
                .containsExactly("Bí Thư Tỉnh", "Phó Bí Thư", "Ủy Viên Bổ Sung");
        assertThat(cadres.committee(term, LocalDate.of(2025, 10, 10)).members()).isEmpty();
        assertThat(cadres.committee(term, addition).members().getFirst().id()).isEqualTo(secretary);

        CongressFigures figures = cadres.congress(term);
        assertThat(figures.elected()).isEqualTo(3);
        assertThat(figures.women()).isEqualTo(1);
        assertThat(figures.newMembers()).isEqualTo(3);
    }

    @Test
    @DisplayName("Cấp ủy và chức danh theo đơn vị, không mất khi sắp xếp tổ chức: chuyển trực thuộc thì cấp quản lý đổi theo cây của ngày đó")
    void shouldKeepTheCommitteeThroughAMoveAndFollowTheNewManager() {
        long x1 = tree.id("X1");
        LocalDate start = LocalDate.of(2020, 9, 1);
        long term = cadres.apply(new CadreAct.OpenTerm(x1, "2020–2025", start, LocalDate.of(2025, 9, 1), true, null, start, 120,
                new DecisionRef("40-QĐ/HU", start.plusDays(5), "Ban Thường vụ Huyện ủy")));
        long secretary = member("Bí Thư Xã", Gender.MALE, LocalDate.of(1976, 6, 6));
        seat(term, secretary, CommitteeRole.SECRETARY, SeatEntry.ELECTED, start, new DecisionRef("01-NQ/ĐH", start, "Đại hội Đảng bộ xã"));
        cadres.apply(new CadreAct.Appoint(x1, "GRASSROOTS_COMMITTEE.SECRETARY", secretary, IncumbencyKind.ELECTED, start, null, null,
                new DecisionRef("02-NQ/ĐU", start, "Ban Chấp hành Đảng bộ xã")));
        LocalDate moved = LocalDate.of(2023, 1, 1);
        org.apply(new vn.tcxd.orgstructure.Reorganisation.Move(x1, tree.id("D2"), moved, TreeFixture.decision(moved)));

        // the committee hangs on the unit, whose id the move keeps
        assertThat(cadres.committee(term, moved.minusDays(1)).members()).extracting(Committee.Seat::memberId).containsExactly(secretary);
        assertThat(cadres.committee(term, moved.plusDays(1)).members()).extracting(Committee.Seat::memberId).containsExactly(secretary);
        // the secretary's post is managed by the district above it on the day
        assertThat(cadres.managerOf(x1, "GRASSROOTS_COMMITTEE.SECRETARY", moved.minusDays(1))).isEqualTo(tree.id("D1"));
        assertThat(cadres.managerOf(x1, "GRASSROOTS_COMMITTEE.SECRETARY", moved)).isEqualTo(tree.id("D2"));
    }

    private long seat(long term, long memberId, CommitteeRole role, SeatEntry entry, LocalDate on, DecisionRef decision) {
        return cadres.apply(new CadreAct.JoinCommittee(term, memberId, role, entry, on, decision));
    }

    @Test
    @DisplayName("Dữ liệu sai: bổ nhiệm không có quyết định, hai người cùng giữ chức danh một người, thôi trước khi vào, nhiệm kỳ chồng nhau — báo lỗi, không ghi gì")
    void shouldRefuseBadInputAndWriteNothing() {
        long a = member("Người Thứ Nhất", Gender.MALE, LocalDate.of(1979, 3, 3));
        long b = member("Người Thứ Hai", Gender.MALE, LocalDate.of(1980, 3, 3));
        long audits = jdbc.sql("select count(*) from security.audit_entry where action like 'cadres.%'").query(Long.class).single();

        assertThat(violation(() -> cadres.apply(new CadreAct.Appoint(tree.id("P"), PROVINCE_OFFICE_CHIEF, a,
                IncumbencyKind.APPOINTED, LocalDate.of(2024, 1, 2), null, null, null))).messageKey())
                .isEqualTo("error.cadre.decisionRequired");
        cadres.apply(new CadreAct.Appoint(tree.id("P"), PROVINCE_OFFICE_CHIEF, a, IncumbencyKind.APPOINTED,
                LocalDate.of(2024, 1, 2), null, null, new DecisionRef("3-QĐ/TU", LocalDate.of(2023, 12, 29), "Ban Thường vụ Tỉnh ủy")));
        RuleViolation twoHolders = violation(() -> cadres.apply(new CadreAct.Appoint(tree.id("P"), PROVINCE_OFFICE_CHIEF, b,
                IncumbencyKind.APPOINTED, LocalDate.of(2025, 6, 1), null, null,
                new DecisionRef("4-QĐ/TU", LocalDate.of(2025, 5, 29), "Ban Thường vụ Tỉnh ủy"))));
        assertThat(twoHolders.messageKey()).isEqualTo("error.cadre.singleHolder");
        assertThat(twoHolders.args()).contains("Người Thứ Nhất", "2/1/2024");

        LocalDate start = LocalDate.of(2020, 10, 15);
        long term = cadres.apply(new CadreAct.OpenTerm(tree.id("D1"), "2020–2025", start, LocalDate.of(2025, 7, 1), true,
                null, start, 250, new DecisionRef("500-QĐ/TU", start, "Ban Thường vụ Tỉnh ủy")));
        long seat = seat(term, b, CommitteeRole.MEMBER, SeatEntry.ELECTED, start,
                new DecisionRef("01-NQ/ĐH", start, "Đại hội Đảng bộ huyện"));
        assertThat(violation(() -> cadres.apply(new CadreAct.LeaveCommittee(seat, SeatExit.MOVED, start.minusDays(1),
                new DecisionRef("7-QĐ/TU", start, "Ban Thường vụ Tỉnh ủy")))).messageKey()).isEqualTo("error.cadre.leaveBeforeJoin");
        RuleViolation overlap = violation(() -> cadres.apply(new CadreAct.OpenTerm(tree.id("D1"), "2025–2030",
                LocalDate.of(2025, 6, 1), LocalDate.of(2030, 6, 1), false, null, null, null,
                new DecisionRef("600-QĐ/TU", LocalDate.of(2025, 5, 20), "Ban Thường vụ Tỉnh ủy"))));
        assertThat(overlap.messageKey()).isEqualTo("error.cadre.termOverlaps");
        assertThat(overlap.args()).contains("2020–2025");

        // the refused acts wrote nothing: three writes, three audit rows
        assertThat(jdbc.sql("select count(*) from security.audit_entry where action like 'cadres.%'").query(Long.class).single())
                .isEqualTo(audits + 3);
        assertThat(cadres.terms(tree.id("D1"))).hasSize(1);
        assertThat(cadres.posts(tree.id("P"), LocalDate.of(2025, 6, 1)).posts())
                .filteredOn(p -> p.title().code().equals(PROVINCE_OFFICE_CHIEF)).singleElement()
                .satisfies(p -> assertThat(p.holders()).extracting(Incumbency::fullName).containsExactly("Người Thứ Nhất"));
    }

    @Test
    @DisplayName("Hai người cùng lúc đề xuất người thứ 3 và thứ 4 vào quy hoạch một chức danh: chỉ một người được nhận")
    void shouldHoldTheCapUnderConcurrentSubmissions() throws Exception {
        for (int i = 0; i < 2; i++) {
            plan("LOCAL_2030_2035", PROVINCE_INSPECTION_HEAD, member("Có Sẵn " + i, Gender.MALE, LocalDate.of(1983, 1, 1)));
        }
        long third = member("Đề Xuất Một", Gender.FEMALE, LocalDate.of(1986, 1, 1));
        long fourth = member("Đề Xuất Hai", Gender.MALE, LocalDate.of(1987, 1, 1));
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        List<java.util.concurrent.Future<Boolean>> results = List.of(third, fourth).stream().map(m -> pool.submit(() -> {
            start.await();
            try {
                plan("LOCAL_2030_2035", PROVINCE_INSPECTION_HEAD, m);
                return true;
            } catch (RuleViolation e) {
                assertThat(e.messageKey()).isEqualTo("error.cadre.planTitleFull");
                return false;
            }
        })).toList();
        start.countDown();
        long accepted = 0;
        for (var r : results) {
            if (r.get()) accepted++;
        }
        pool.shutdown();
        assertThat(accepted).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from cadres.plan_entry where unit_id = ? and title_code = ? and removed_on is null")
                .param(tree.id("P")).param(PROVINCE_INSPECTION_HEAD).query(Long.class).single()).isEqualTo(3);
    }
}
