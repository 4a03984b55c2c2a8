package vn.tcxd.members;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.tcxd.IntegrationTest;
import vn.tcxd.members.MemberAct.Admit;
import vn.tcxd.members.MemberAct.Die;
import vn.tcxd.members.MemberAct.Discipline;
import vn.tcxd.members.MemberAct.Exempt;
import vn.tcxd.members.MemberAct.HoldCeremony;
import vn.tcxd.members.MemberAct.IssueTransfer;
import vn.tcxd.members.MemberAct.ReceiveTransfer;
import vn.tcxd.members.MemberAct.Recognise;
import vn.tcxd.members.MemberAct.Readmit;
import vn.tcxd.members.MemberAct.RemoveFromList;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.TreeFixture;
import vn.tcxd.shared.RuleViolation;

import java.text.Normalizer;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.tcxd.members.MemberMother.decision;

/**
 * A member's life in the Party with dates (DOMAIN §2; QĐ 24-QĐ/TW, QĐ 29-QĐ/TW, Điều lệ Đảng):
 * each act changes the member's unit and status from its effective date and never before.
 */
@IntegrationTest
class MemberLifecycleTests {

    static final LocalDate ADMITTED = LocalDate.of(2020, 3, 2);
    static final LocalDate CEREMONY = LocalDate.of(2020, 3, 20);

    @Autowired
    Members members;

    @Autowired
    OrgStructure org;

    @Autowired
    DSLContext db;

    TreeFixture tree;

    @BeforeEach
    void buildTree() {
        tree = TreeFixture.standard(org);
    }

    private long admitAn() {
        return members.apply(new Admit(MemberMother.anAn(), tree.id("X1C1"), ADMITTED, decision("101-QĐ/HU", ADMITTED)));
    }

    private long writes() {
        return db.fetchCount(vn.tcxd.jooq.members.Tables.MEMBER_EVENT) + db.fetchCount(vn.tcxd.jooq.members.Tables.MEMBER_STATE)
                + db.fetchCount(vn.tcxd.jooq.members.Tables.MEMBER);
    }

    private void assertRejected(MemberAct act, String key) {
        long before = writes();
        assertThatThrownBy(() -> members.apply(act)).isInstanceOf(RuleViolation.class)
                .extracting(e -> ((RuleViolation) e).messageKey()).isEqualTo(key);
        assertThat(writes()).isEqualTo(before);
    }

    @Test
    void shouldAdmitAsProbationaryFromTheDecisionDate() {
        long id = admitAn();
        assertThat(members.stateOn(id, ADMITTED.minusDays(1))).isEmpty();
        MemberState state = members.stateOn(id, ADMITTED).orElseThrow();
        assertThat(state.status()).isEqualTo(MemberStatus.PROBATIONARY);
        assertThat(state.unitId()).isEqualTo(tree.id("X1C1"));
        assertThat(members.events(id)).extracting(MemberEventEntry::kind).containsExactly(MemberEventKind.ADMITTED);
    }

    /** QĐ 24-QĐ/TW item 4.2.2: recognition dates from the end of the 12 months of probation. */
    @Test
    void shouldRecogniseFromTheEndOfProbationWhateverTheDecisionDate() {
        long id = admitAn();
        members.apply(new HoldCeremony(id, CEREMONY, decision("Biên bản lễ kết nạp", CEREMONY)));
        LocalDate probationEnd = CEREMONY.plusMonths(12);
        assertRejected(new Recognise(id, decision("5-QĐ/HU", probationEnd.minusDays(1))),
                "error.member.recognitionBeforeProbationEnds");

        members.apply(new Recognise(id, decision("15-QĐ/HU", probationEnd.plusDays(40))));
        assertThat(members.stateOn(id, probationEnd.minusDays(1)).orElseThrow().status()).isEqualTo(MemberStatus.PROBATIONARY);
        assertThat(members.stateOn(id, probationEnd).orElseThrow().status()).isEqualTo(MemberStatus.FULL);
        assertThat(members.member(id, probationEnd).orElseThrow().fullMemberDate()).isEqualTo(probationEnd);
    }

    @Test
    void shouldRejectRecognitionBeforeTheCeremony() {
        long id = admitAn();
        assertRejected(new Recognise(id, decision("6-QĐ/HU", LocalDate.of(2021, 6, 1))), "error.member.noCeremony");
    }

    /** QĐ 29-QĐ/TW item 3; the member is counted exactly once while the letter is out. */
    @Test
    void shouldTransferBetweenProvincesCountingTheMemberExactlyOnce() {
        long id = admitAn();
        LocalDate issued = LocalDate.of(2022, 4, 4);
        LocalDate received = LocalDate.of(2022, 4, 20);
        members.apply(new IssueTransfer(id, TransferKind.PERMANENT, cellOfDecoy(), "GGT-12",
                issued, decision("12-GGT/HU", issued)));

        MemberState inTransit = members.stateOn(id, issued).orElseThrow();
        assertThat(inTransit.inTransit()).isTrue();
        assertThat(inTransit.unitId()).isEqualTo(tree.id("X1C1"));
        assertThat(rollCount(tree.id("P"), issued) + rollCount(tree.id("Q"), issued)).isEqualTo(1);

        long transferId = members.transfers(id).getFirst().id();
        members.apply(new ReceiveTransfer(transferId, received, decision("Xác nhận 3", received)));
        assertThat(rollCount(tree.id("P"), received.minusDays(1))).isEqualTo(1);
        assertThat(rollCount(tree.id("Q"), received.minusDays(1))).isZero();
        assertThat(rollCount(tree.id("P"), received)).isZero();
        assertThat(rollCount(tree.id("Q"), received)).isEqualTo(1);
        assertThat(members.stateOn(id, received).orElseThrow().unitId()).isEqualTo(cellOfDecoy());
    }

    /** A grassroots cell founded in 1990 in a province of its own, for members with long party age. */
    private long oldCell() {
        LocalDate founded = LocalDate.of(1990, 1, 1);
        long province = org.apply(new vn.tcxd.orgstructure.Reorganisation.Establish(
                new vn.tcxd.orgstructure.Reorganisation.NewUnit(tree.code("OLD"), "Đảng bộ tỉnh Lâu Năm " + tree.prefix(), null,
                        vn.tcxd.orgstructure.UnitType.PROVINCIAL, null, null), founded, TreeFixture.decision(founded)));
        return org.apply(new vn.tcxd.orgstructure.Reorganisation.Establish(
                new vn.tcxd.orgstructure.Reorganisation.NewUnit(tree.code("OLDC"), "Chi bộ cơ sở Lâu Năm", null,
                        vn.tcxd.orgstructure.UnitType.GRASSROOTS_CELL, province, null), founded, TreeFixture.decision(founded)));
    }

    private long decoyCell = -1;

    private long cellOfDecoy() {
        if (decoyCell < 0) {
            decoyCell = org.apply(new vn.tcxd.orgstructure.Reorganisation.Establish(
                    new vn.tcxd.orgstructure.Reorganisation.NewUnit(tree.code("QXC1"), "Chi bộ thôn Mồi", null,
                            vn.tcxd.orgstructure.UnitType.CELL, tree.id("QX"), null),
                    TreeFixture.FOUNDED, vn.tcxd.orgstructure.TreeFixture.decision(TreeFixture.FOUNDED)));
        }
        return decoyCell;
    }

    private long rollCount(long unitId, LocalDate date) {
        return members.list(unitId, date, MemberFilter.NONE, 0, 10).total();
    }

    @Test
    void shouldRejectATransferIntoAUnitThatDoesNotExistOnThatDate() {
        long id = admitAn();
        assertRejected(new IssueTransfer(id, TransferKind.PERMANENT, tree.id("X2C1"), "GGT-1", ADMITTED.minusDays(1),
                decision("1-GGT/HU", ADMITTED)), "error.member.notMemberOn");
        long dissolvedCell = tree.id("X2C1");
        org.apply(new vn.tcxd.orgstructure.Reorganisation.Dissolve(dissolvedCell, LocalDate.of(2021, 1, 1),
                TreeFixture.decision(LocalDate.of(2021, 1, 1))));
        assertRejected(new IssueTransfer(id, TransferKind.PERMANENT, dissolvedCell, "GGT-2", LocalDate.of(2021, 2, 1),
                decision("2-GGT/HU", LocalDate.of(2021, 2, 1))), "error.member.unitNotOnDate");
    }

    @Test
    void shouldKeepTheHomeRollDuringATemporaryTransfer() {
        long id = admitAn();
        LocalDate issued = LocalDate.of(2021, 9, 1);
        members.apply(new IssueTransfer(id, TransferKind.TEMPORARY, tree.id("X2C1"), "GGT-T1", issued,
                decision("T1-GGT/ĐU", issued)));
        MemberState away = members.stateOn(id, issued).orElseThrow();
        assertThat(away.unitId()).isEqualTo(tree.id("X1C1"));
        assertThat(away.awayUnitId()).isEqualTo(tree.id("X2C1"));
        assertThat(rollCount(tree.id("X2"), issued)).isZero();
        assertThat(rollCount(tree.id("X1"), issued)).isEqualTo(1);
    }

    @Test
    void shouldRefuseEveryActOnADeadMember() {
        long id = admitAn();
        LocalDate died = LocalDate.of(2023, 1, 5);
        members.apply(new Die(id, died, decision("Giấy báo tử", died)));
        assertThat(members.stateOn(id, died).orElseThrow().status()).isEqualTo(MemberStatus.DIED);
        assertThat(rollCount(tree.id("X1"), died)).isZero();
        assertThat(rollCount(tree.id("X1"), died.minusDays(1))).isEqualTo(1);
        assertRejected(new Exempt(id, died.plusDays(3), "Sức khỏe yếu", decision("1-NQ/CB", died.plusDays(3))),
                "error.member.dead");
        assertRejected(new Readmit(id, tree.id("X1C1"), died.plusDays(10), decision("2-QĐ/HU", died.plusDays(10))),
                "error.member.dead");
    }

    @Test
    void shouldExpelOnlyFullMembersAndEndTheirMembership() {
        long id = admitAn();
        LocalDate on = LocalDate.of(2020, 10, 1);
        assertRejected(new Discipline(id, DisciplineForm.EXPULSION, on, decision("3-QĐ/UBKT", on)),
                "error.member.disciplineNotForProbationary");
        members.apply(new Discipline(id, DisciplineForm.WARNING, on, decision("4-QĐ/UBKT", on)));
        assertThat(members.stateOn(id, on).orElseThrow().status()).isEqualTo(MemberStatus.PROBATIONARY);
    }

    @Test
    void shouldRemoveFromTheListWithItsGroundAndAllowReadmission() {
        long id = admitAn();
        LocalDate removed = LocalDate.of(2022, 6, 1);
        members.apply(new RemoveFromList(id, RemovalGround.SKIPPED_ACTIVITY_OR_DUES, removed, decision("7-QĐ/HU", removed)));
        assertThat(members.stateOn(id, removed).orElseThrow().status()).isEqualTo(MemberStatus.REMOVED);
        assertThat(members.events(id).getLast().details()).containsEntry("ground", "SKIPPED_ACTIVITY_OR_DUES");
        LocalDate back = LocalDate.of(2025, 9, 2);
        members.apply(new Readmit(id, tree.id("X1C2"), back, decision("8-QĐ/ĐU", back)));
        assertThat(members.stateOn(id, back).orElseThrow().status()).isEqualTo(MemberStatus.PROBATIONARY);
        assertThat(members.stateOn(id, removed).orElseThrow().status()).isEqualTo(MemberStatus.REMOVED);
    }

    // ---- bad input --------------------------------------------------------------------------

    @Test
    void shouldRejectCitizenIdOfWrongLengthOrAlreadyUsed() {
        MemberRecord an = MemberMother.anAn();
        MemberRecord shortId = new MemberRecord(an.fullName(), null, an.gender(), an.birthDate(), null, null, "01", "KHONG",
                "12345678901", null, null, null, null, null, null, null, null, null, null);
        assertRejected(new Admit(shortId, tree.id("X1C1"), ADMITTED, decision("9-QĐ/HU", ADMITTED)),
                "error.member.citizenIdFormat");
        long first = admitAn();
        String used = members.member(first, ADMITTED).orElseThrow().record().citizenId();
        MemberRecord duplicate = new MemberRecord("Trần Thị Bình", null, Gender.FEMALE, an.birthDate(), null, null, "01",
                "KHONG", used, null, null, null, null, null, null, null, null, null, null);
        assertRejected(new Admit(duplicate, tree.id("X1C1"), ADMITTED, decision("10-QĐ/HU", ADMITTED)),
                "error.member.citizenIdTaken");
    }

    @Test
    void shouldRejectFutureBirthDatesAndDecomposedNames() {
        MemberRecord future = MemberMother.record("Lê Văn Cường", Gender.MALE, LocalDate.of(2099, 1, 1));
        assertRejected(new Admit(future, tree.id("X1C1"), ADMITTED, decision("11-QĐ/HU", ADMITTED)),
                "error.member.birthDateFuture");
        MemberRecord nfd = MemberMother.record(Normalizer.normalize("Phạm Thị Dung", Normalizer.Form.NFD), Gender.FEMALE,
                LocalDate.of(1990, 1, 1));
        assertRejected(new Admit(nfd, tree.id("X1C1"), ADMITTED, decision("12-QĐ/HU", ADMITTED)), "error.text.notNfc");
    }

    @Test
    void shouldAdmitOnlyIntoACell() {
        assertRejected(new Admit(MemberMother.anAn(), tree.id("X1"), ADMITTED, decision("13-QĐ/HU", ADMITTED)),
                "error.member.unitNotCell");
    }

    @Test
    void shouldFindMembersByNameWithoutDiacriticsWithinScope() {
        long id = admitAn();
        assertThat(members.search("nguyen van an", java.util.List.of(tree.id("P")), ADMITTED, 50))
                .extracting(MemberSummary::id).contains(id);
        assertThat(members.search("nguyen van an", java.util.List.of(tree.id("Q")), ADMITTED, 50))
                .extracting(MemberSummary::id).doesNotContain(id);
        String cccd = members.member(id, ADMITTED).orElseThrow().record().citizenId();
        assertThat(members.search(cccd, java.util.List.of(tree.id("P")), ADMITTED, 5))
                .extracting(MemberSummary::id).containsExactly(id);
    }

    /** Party age counts from the admission decision without the time out of the Party (DOMAIN §2.2). */
    @Test
    void shouldSubtractTheTimeOutOfThePartyFromPartyAge() {
        long id = admitAn();
        LocalDate removed = LocalDate.of(2021, 3, 2);
        LocalDate back = LocalDate.of(2024, 3, 2);
        members.apply(new RemoveFromList(id, RemovalGround.LOST_WILL, removed, decision("20-QĐ/HU", removed)));
        members.apply(new Readmit(id, tree.id("X1C1"), back, decision("21-QĐ/HU", back)));
        assertThat(members.interruptions(id)).containsExactly(new PartyAge.DateRange(removed, back));
        PartyAge age = members.partyAge(id, LocalDate.of(2026, 3, 2)).orElseThrow();
        assertThat(age.years()).isEqualTo(3);
    }

    /** HD 01-HD/TW (2021) item 18: a badge only for full members reaching the milestone by the occasion. */
    @Test
    void shouldAwardABadgeOnlyWhenEligible() {
        LocalDate admitted = LocalDate.of(1994, 2, 1);
        long id = members.apply(new Admit(MemberMother.record("Hoàng Thị Hoa", Gender.FEMALE, LocalDate.of(1970, 8, 8)),
                oldCell(), admitted, decision("30-QĐ/HU", admitted)));
        LocalDate ceremony = LocalDate.of(1994, 2, 20);
        members.apply(new HoldCeremony(id, ceremony, decision("Biên bản", ceremony)));
        members.apply(new Recognise(id, decision("31-QĐ/HU", LocalDate.of(1995, 3, 1))));
        LocalDate tooEarly = LocalDate.of(2023, 11, 7);
        assertRejected(new MemberAct.AwardBadge(id, tooEarly, false, decision("1-QĐ/TU", tooEarly)),
                "error.member.badgeNotEligible");
        LocalDate occasion = LocalDate.of(2024, 2, 3);
        members.apply(new MemberAct.AwardBadge(id, occasion, false, decision("2-QĐ/TU", LocalDate.of(2024, 1, 20))));
        assertThat(members.badgeAwards(id)).singleElement().extracting(BadgeAward::years).isEqualTo(30);
        assertThat(members.badgeEligibility(id, LocalDate.of(2024, 5, 19), false).eligible()).isFalse();
    }

    /** The due-work queue reads a subtree set-based: probationers with the dates their deadlines count from. */
    @Test
    void shouldListProbationersOfASubtreeWithTheirCeremonyDates() {
        long id = admitAn();
        members.apply(new HoldCeremony(id, CEREMONY, decision("Biên bản", CEREMONY)));
        assertThat(members.probationers(tree.id("P"), CEREMONY)).singleElement()
                .satisfies(p -> {
                    assertThat(p.memberId()).isEqualTo(id);
                    assertThat(p.ceremonyDate()).isEqualTo(CEREMONY);
                });
        assertThat(members.probationers(tree.id("Q"), CEREMONY)).isEmpty();
    }

    /** HD 01-HD/TW (2021) item 18, set-based over a subtree: awards already given are not offered again. */
    @Test
    void shouldOfferBadgesToEligibleMembersOfASubtreeOnce() {
        LocalDate admitted = LocalDate.of(1994, 2, 1);
        long cell = oldCell();
        long id = members.apply(new Admit(MemberMother.record("Đỗ Văn Hải", Gender.MALE, LocalDate.of(1968, 1, 1)),
                cell, admitted, decision("40-QĐ/HU", admitted)));
        members.apply(new HoldCeremony(id, LocalDate.of(1994, 3, 1), decision("Biên bản", LocalDate.of(1994, 3, 1))));
        members.apply(new Recognise(id, decision("41-QĐ/HU", LocalDate.of(1995, 3, 10))));
        LocalDate occasion = LocalDate.of(2024, 2, 3);
        assertThat(members.badgeCandidates(cell, occasion)).singleElement()
                .satisfies(c -> assertThat(c.eligibility().milestoneYears()).isEqualTo(30));
        members.apply(new MemberAct.AwardBadge(id, occasion, false, decision("3-QĐ/TU", LocalDate.of(2024, 1, 20))));
        assertThat(members.badgeCandidates(cell, LocalDate.of(2024, 5, 19))).isEmpty();
    }
}
