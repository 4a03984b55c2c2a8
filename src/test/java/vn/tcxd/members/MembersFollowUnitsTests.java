package vn.tcxd.members;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.tcxd.IntegrationTest;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.Reorganisation;
import vn.tcxd.orgstructure.TreeFixture;
import vn.tcxd.orgstructure.UnitType;
import vn.tcxd.shared.DecisionRef;
import vn.tcxd.shared.RuleViolation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.tcxd.members.MemberMother.decision;

/**
 * Members follow their cell through a reorganisation of the tree (orgstructure publishes
 * UnitsReorganised and never imports members): merged, consolidated and split cells hand their
 * roll to the successor on the effective date, with the reorganisation's decision; a unit with
 * members on its roll cannot be dissolved.
 */
@IntegrationTest
class MembersFollowUnitsTests {

    static final LocalDate ADMITTED = LocalDate.of(2020, 3, 2);
    static final LocalDate REORGANISED = LocalDate.of(2025, 7, 1);
    static final DecisionRef REORGANISATION = new DecisionRef("155-QĐ/TU", LocalDate.of(2025, 6, 20), "Ban Thường vụ Tỉnh ủy");

    @Autowired
    Members members;

    @Autowired
    OrgStructure org;

    @Autowired
    JdbcClient jdbc;

    TreeFixture tree;

    @BeforeEach
    void buildTree() {
        tree = TreeFixture.standard(org);
    }

    private long admit(String cell) {
        return members.apply(new MemberAct.Admit(MemberMother.anAn(), tree.id(cell), ADMITTED, decision("1-QĐ/HU", ADMITTED)));
    }

    private long unitOn(long memberId, LocalDate date) {
        return members.stateOn(memberId, date).orElseThrow().unitId();
    }

    private long audits(long memberId, String action) {
        return jdbc.sql("select count(*) from security.audit_entry where entity_id = ? and action = ?")
                .params(Long.toString(memberId), action).query(Long.class).single();
    }

    @Test
    void shouldMoveMembersIntoTheAbsorbingCellWhenTheirCellIsMerged() {
        long an = admit("X1C1");
        org.apply(new Reorganisation.Merge(tree.id("X1C1"), tree.id("X1C2"), REORGANISED, REORGANISATION));
        assertThat(unitOn(an, REORGANISED.minusDays(1))).isEqualTo(tree.id("X1C1"));
        assertThat(unitOn(an, REORGANISED)).isEqualTo(tree.id("X1C2"));
        assertThat(members.stateOn(an, REORGANISED).orElseThrow().status()).isEqualTo(MemberStatus.PROBATIONARY);
        MemberEventEntry moved = members.events(an).getLast();
        assertThat(moved.kind()).isEqualTo(MemberEventKind.MOVED_WITH_UNIT);
        assertThat(moved.effectiveOn()).isEqualTo(REORGANISED);
        assertThat(moved.decision()).isEqualTo(REORGANISATION);
        assertThat(moved.details()).containsEntry("operation", "MERGE");
        assertThat(audits(an, "members.MOVED_WITH_UNIT")).isEqualTo(1);
        assertThat(members.list(tree.id("X1C2"), REORGANISED, MemberFilter.NONE, 0, 10).total()).isEqualTo(1);
    }

    @Test
    void shouldMoveMembersIntoTheNewCellWhenCellsAreConsolidated() {
        long an = admit("X1C1");
        long binh = members.apply(new MemberAct.Admit(MemberMother.record("Trần Thị Bình", Gender.FEMALE,
                LocalDate.of(1990, 2, 2)), tree.id("X1C2"), ADMITTED, decision("2-QĐ/HU", ADMITTED)));
        long created = org.apply(new Reorganisation.Consolidate(List.of(tree.id("X1C1"), tree.id("X1C2")),
                new Reorganisation.NewUnit(tree.code("X1C12"), "Chi bộ thôn Đông Đoài " + tree.prefix(), null,
                        UnitType.CELL, tree.id("X1"), null), REORGANISED, REORGANISATION));
        assertThat(unitOn(an, REORGANISED)).isEqualTo(created);
        assertThat(unitOn(binh, REORGANISED)).isEqualTo(created);
        assertThat(unitOn(binh, REORGANISED.minusDays(1))).isEqualTo(tree.id("X1C2"));
    }

    @Test
    void shouldMoveMembersIntoTheFirstNewCellWhenTheirCellIsSplit() {
        long an = admit("X1C1");
        long first = org.apply(new Reorganisation.Split(tree.id("X1C1"), List.of(
                new Reorganisation.NewUnit(tree.code("X1C1A"), "Chi bộ thôn Đông A " + tree.prefix(), null, UnitType.CELL,
                        tree.id("X1"), null),
                new Reorganisation.NewUnit(tree.code("X1C1B"), "Chi bộ thôn Đông B " + tree.prefix(), null, UnitType.CELL,
                        tree.id("X1"), null)), Map.of(), REORGANISED, REORGANISATION));
        assertThat(unitOn(an, REORGANISED)).isEqualTo(first);
    }

    @Test
    void shouldMoveHostedMembersAndOpenTransfersWithTheCell() {
        long an = admit("X2C1");
        LocalDate issued = LocalDate.of(2024, 9, 2);
        members.apply(new MemberAct.IssueTransfer(an, TransferKind.TEMPORARY, tree.id("X1C1"), "GGT-7", issued,
                decision("7-GGT", issued)));
        long transfer = members.transfers(an).getLast().id();
        members.apply(new MemberAct.ReceiveTransfer(transfer, issued.plusDays(5), decision("XN-7", issued.plusDays(5))));
        org.apply(new Reorganisation.Merge(tree.id("X1C1"), tree.id("X1C2"), REORGANISED, REORGANISATION));
        MemberState state = members.stateOn(an, REORGANISED).orElseThrow();
        assertThat(state.unitId()).isEqualTo(tree.id("X2C1"));
        assertThat(state.awayUnitId()).isEqualTo(tree.id("X1C2"));
        assertThat(members.transfer(transfer).orElseThrow().toUnitId()).isEqualTo(tree.id("X1C2"));
        // the host's successor may end the stay
        members.apply(new MemberAct.EndTemporaryTransfer(transfer, REORGANISED.plusDays(10),
                decision("8-GGT", REORGANISED.plusDays(10))));
        assertThat(members.stateOn(an, REORGANISED.plusDays(10)).orElseThrow().awayUnitId()).isNull();
    }

    @Test
    void shouldRefuseToDissolveACellThatStillHasMembers() {
        long an = admit("X1C1");
        assertThatThrownBy(() -> org.apply(new Reorganisation.Dissolve(tree.id("X1C1"), REORGANISED, REORGANISATION)))
                .isInstanceOf(RuleViolation.class)
                .satisfies(e -> {
                    assertThat(((RuleViolation) e).messageKey()).isEqualTo("error.member.dissolveWithMembers");
                    assertThat(((RuleViolation) e).args()[1]).isEqualTo(1);
                });
        // nothing written: the cell goes on, the member stays
        assertThat(org.unit(tree.id("X1C1"), REORGANISED)).isPresent();
        assertThat(unitOn(an, REORGANISED)).isEqualTo(tree.id("X1C1"));
        // an empty cell dissolves
        org.apply(new Reorganisation.Dissolve(tree.id("X2C1"), REORGANISED, REORGANISATION));
        assertThat(org.unit(tree.id("X2C1"), REORGANISED)).isEmpty();
    }

    @Test
    void shouldRefuseToMergeACellWithMembersIntoAUnitThatIsNoCell() {
        long an = admit("X1C1");
        assertThatThrownBy(() -> org.apply(new Reorganisation.Merge(tree.id("X1C1"), tree.id("X1B"), REORGANISED,
                REORGANISATION)))
                .isInstanceOf(RuleViolation.class)
                .extracting(e -> ((RuleViolation) e).messageKey()).isEqualTo("error.member.successorNotCell");
        assertThat(unitOn(an, REORGANISED)).isEqualTo(tree.id("X1C1"));
    }

    @Test
    void shouldLeaveMembersWhereTheyAreWhenTheirCellIsRenamedOrMoved() {
        long an = admit("X1C1");
        org.apply(new Reorganisation.Move(tree.id("X1C1"), tree.id("X1B"), REORGANISED, REORGANISATION));
        assertThat(unitOn(an, REORGANISED)).isEqualTo(tree.id("X1C1"));
        assertThat(members.events(an).getLast().kind()).isEqualTo(MemberEventKind.ADMITTED);
    }
}
