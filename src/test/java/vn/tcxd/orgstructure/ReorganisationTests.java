package vn.tcxd.orgstructure;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.tcxd.IntegrationTest;
import vn.tcxd.orgstructure.Reorganisation.ChangeType;
import vn.tcxd.orgstructure.Reorganisation.Consolidate;
import vn.tcxd.orgstructure.Reorganisation.Dissolve;
import vn.tcxd.orgstructure.Reorganisation.Establish;
import vn.tcxd.orgstructure.Reorganisation.Merge;
import vn.tcxd.orgstructure.Reorganisation.Move;
import vn.tcxd.orgstructure.Reorganisation.NewUnit;
import vn.tcxd.orgstructure.Reorganisation.Rename;
import vn.tcxd.orgstructure.Reorganisation.Split;
import vn.tcxd.shared.DecisionRef;
import vn.tcxd.shared.RuleViolation;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.tcxd.orgstructure.TreeFixture.decision;

/**
 * The tree's rules (DOMAIN §1.1, Điều lệ Đảng; QĐ 294-QĐ/TW for the tree from 01/07/2025) and the
 * promise that no reorganisation rewrites what was true before its effective date.
 */
@IntegrationTest
class ReorganisationTests {

    private static final LocalDate BEFORE = LocalDate.of(2019, 12, 31);
    private static final LocalDate ON = LocalDate.of(2020, 1, 1);

    @Autowired
    OrgStructure org;

    @Autowired
    DSLContext db;

    TreeFixture tree;

    @BeforeEach
    void buildTree() {
        tree = TreeFixture.standard(org);
    }

    private long operations() {
        return db.fetchCount(vn.tcxd.jooq.orgstructure.Tables.OPERATION);
    }

    private long versions() {
        return db.fetchCount(vn.tcxd.jooq.orgstructure.Tables.UNIT_VERSION);
    }

    private void assertRejectedWithoutWriting(Reorganisation act, String messageKey) {
        long operations = operations();
        long versions = versions();
        assertThatThrownBy(() -> org.apply(act))
                .isInstanceOf(RuleViolation.class)
                .extracting(e -> ((RuleViolation) e).messageKey()).isEqualTo(messageKey);
        assertThat(operations()).isEqualTo(operations);
        assertThat(versions()).isEqualTo(versions);
    }

    // ---- links (Điều lệ Đảng 2011, QĐ 24/29/294: which organisation may sit under which) ----

    @Test
    void shouldRejectCellDirectlyUnderProvince() {
        assertRejectedWithoutWriting(new Establish(new NewUnit(tree.code("BAD"), "Chi bộ lạc chỗ", null, UnitType.CELL,
                tree.id("P"), null), ON, decision(ON)), "error.link.illegal");
    }

    @Test
    void shouldAllowPartyGroupUnderAnyCell() {
        long group = org.apply(new Establish(new NewUnit(tree.code("G"), "Tổ đảng 1", null, UnitType.PARTY_GROUP,
                tree.id("X1C1"), null), ON, decision(ON)));
        assertThat(org.unit(group, ON).orElseThrow().parent().id()).isEqualTo(tree.id("X1C1"));
    }

    @Test
    void shouldChooseLinkRuleSetByEffectiveDate() {
        assertThat(org.linkRules(LocalDate.of(2025, 6, 30)).ruleSet().code()).isEqualTo("TREE_4_LEVEL");
        assertThat(org.linkRules(LocalDate.of(2025, 7, 1)).ruleSet().code()).isEqualTo("TREE_3_LEVEL_2025");
        assertThat(org.linkRules(LocalDate.of(2025, 7, 1)).ruleSet().legalBasis()).contains("294-QĐ/TW");
        assertThat(org.linkRules(LocalDate.of(2025, 7, 1)).allows(UnitType.PROVINCIAL, UnitType.UPPER_GRASSROOTS)).isTrue();
        assertThat(org.linkRules(LocalDate.of(2025, 7, 1)).allows(UnitType.PROVINCIAL, UnitType.CELL)).isFalse();
    }

    // ---- move --------------------------------------------------------------------------------

    @Test
    void shouldMoveSubtreeFromItsDateAndKeepThePastUnchanged() {
        StructureCounts d1Before = org.counts(tree.id("D1"), BEFORE);
        org.apply(new Move(tree.id("X1"), tree.id("D2"), ON, decision(ON)));

        assertThat(org.unit(tree.id("X1BC1"), BEFORE).orElseThrow().ancestors()).extracting(UnitSummary::id)
                .containsSubsequence(tree.id("D1"), tree.id("X1"), tree.id("X1B"));
        assertThat(org.unit(tree.id("X1BC1"), ON).orElseThrow().ancestors()).extracting(UnitSummary::id)
                .containsSubsequence(tree.id("D2"), tree.id("X1"), tree.id("X1B"))
                .doesNotContain(tree.id("D1"));
        assertThat(org.counts(tree.id("D1"), BEFORE)).isEqualTo(d1Before);
        assertThat(org.counts(tree.id("D1"), BEFORE).cells()).isEqualTo(3);
        assertThat(org.counts(tree.id("D1"), ON).cells()).isZero();
        assertThat(org.counts(tree.id("D2"), ON).cells()).isEqualTo(4);
        assertThat(org.counts(tree.id("P"), ON).total()).isEqualTo(org.counts(tree.id("P"), BEFORE).total());
        assertThat(org.children(tree.id("D2"), ON)).extracting(UnitSummary::id).contains(tree.id("X1"));
        assertThat(org.history(tree.id("X1"))).extracting(UnitHistoryEntry::kind).containsExactly("ESTABLISHED", "MOVED");
    }

    @Test
    void shouldRejectMoveIntoOwnSubtree() {
        assertRejectedWithoutWriting(new Move(tree.id("D1"), tree.id("X1"), ON, decision(ON)), "error.move.intoOwnSubtree");
        assertRejectedWithoutWriting(new Move(tree.id("X1"), tree.id("X1B"), ON, decision(ON)),
                "error.move.intoOwnSubtree");
    }

    @Test
    void shouldRejectMoveIntoTheDecoyProvinceAtDistrictLevelWhenLinkIsIllegal() {
        assertRejectedWithoutWriting(new Move(tree.id("X1C1"), tree.id("QD"), ON, decision(ON)), "error.link.illegal");
    }

    @Test
    void shouldRejectChangeDatedBeforeALaterChange() {
        org.apply(new Move(tree.id("X1"), tree.id("D2"), ON, decision(ON)));
        assertRejectedWithoutWriting(new Rename(tree.id("X1C1"), "Chi bộ thôn Đông Mới", null, BEFORE, decision(BEFORE)),
                "error.unit.changedAfter");
    }

    @Test
    void shouldRejectDateBeforeTheUnitExisted() {
        LocalDate early = TreeFixture.FOUNDED.minusDays(1);
        assertRejectedWithoutWriting(new Rename(tree.id("X1"), "Tên khác", null, early, decision(early)),
                "error.unit.notExistingOn");
    }

    // ---- rename, change type ----------------------------------------------------------------

    @Test
    void shouldRenameFromItsDate() {
        org.apply(new Rename(tree.id("D1"), "Thị ủy Sông Cầu", "TU Sông Cầu", ON, decision(ON)));
        assertThat(org.unit(tree.id("D1"), BEFORE).orElseThrow().name()).startsWith("Huyện ủy Sông Cầu");
        assertThat(org.unit(tree.id("D1"), ON).orElseThrow().name()).isEqualTo("Thị ủy Sông Cầu");
        assertThat(org.history(tree.id("D1")).getLast().decision()).isEqualTo(decision(ON));
    }

    @Test
    void shouldChangeGrassrootsCellIntoGrassrootsCommitteeOnlyWhenItsChildrenFit() {
        // a chi bộ cơ sở with a party group cannot become đảng bộ cơ sở: tổ đảng sits only under chi bộ
        assertRejectedWithoutWriting(new ChangeType(tree.id("S1"), UnitType.GRASSROOTS_COMMITTEE, ON, decision(ON)),
                "error.link.illegal");
        org.apply(new Dissolve(tree.id("S1G1"), ON, decision(ON)));
        org.apply(new ChangeType(tree.id("S1"), UnitType.GRASSROOTS_COMMITTEE, ON, decision(ON)));
        assertThat(org.unit(tree.id("S1"), BEFORE).orElseThrow().type()).isEqualTo(UnitType.GRASSROOTS_CELL);
        assertThat(org.unit(tree.id("S1"), ON).orElseThrow().type()).isEqualTo(UnitType.GRASSROOTS_COMMITTEE);
        assertThat(org.counts(tree.id("D1"), BEFORE).grassrootsCells()).isEqualTo(1);
        assertThat(org.counts(tree.id("D1"), ON).grassrootsCommittees()).isEqualTo(2);
    }

    // ---- consolidate, merge, split, dissolve ------------------------------------------------

    @Test
    void shouldConsolidateTwoCommitteesIntoANewOneWithLineage() {
        long c = org.apply(new Consolidate(List.of(tree.id("X1"), tree.id("X2")),
                new NewUnit(tree.code("X12"), "Đảng bộ xã Tân Đồng", null, UnitType.GRASSROOTS_COMMITTEE, tree.id("D1"), null),
                ON, decision(ON)));

        assertThat(org.unit(tree.id("X1"), BEFORE)).isPresent();
        assertThat(org.unit(tree.id("X1"), ON)).isEmpty();
        assertThat(org.unit(tree.id("X2"), ON)).isEmpty();
        assertThat(org.unit(c, BEFORE)).isEmpty();
        assertThat(org.children(c, ON)).extracting(UnitSummary::id)
                .containsExactlyInAnyOrder(tree.id("X1C1"), tree.id("X1C2"), tree.id("X1B"), tree.id("X2C1"));
        assertThat(org.counts(tree.id("P"), BEFORE).grassrootsCommittees()).isEqualTo(2);
        assertThat(org.counts(tree.id("P"), ON).grassrootsCommittees()).isEqualTo(1);
        List<LineageLink> lineage = org.history(c).getFirst().lineage();
        assertThat(lineage).extracting(LineageLink::fromUnitId).containsExactlyInAnyOrder(tree.id("X1"), tree.id("X2"));
        assertThat(org.history(tree.id("X2"))).extracting(UnitHistoryEntry::kind).containsExactly("ESTABLISHED", "CONSOLIDATED_INTO");
    }

    @Test
    void shouldMergeOneCommitteeIntoAnother() {
        org.apply(new Merge(tree.id("X2"), tree.id("X1"), ON, decision(ON)));
        assertThat(org.unit(tree.id("X2"), ON)).isEmpty();
        assertThat(org.children(tree.id("X1"), ON)).extracting(UnitSummary::id).contains(tree.id("X2C1"));
        assertThat(org.children(tree.id("X2"), BEFORE)).extracting(UnitSummary::id).containsExactly(tree.id("X2C1"));
        assertThat(org.history(tree.id("X1"))).extracting(UnitHistoryEntry::kind).contains("ABSORBED");
        assertThat(org.history(tree.id("X2")).getLast().lineage()).singleElement()
                .extracting(LineageLink::toUnitId).isEqualTo(tree.id("X1"));
    }

    @Test
    void shouldSplitACommitteeAssigningEveryChild() {
        List<NewUnit> into = List.of(
                new NewUnit(tree.code("XA"), "Đảng bộ xã Tân Lập A", null, UnitType.GRASSROOTS_COMMITTEE, tree.id("D1"), null),
                new NewUnit(tree.code("XB"), "Đảng bộ xã Tân Lập B", null, UnitType.GRASSROOTS_COMMITTEE, tree.id("D1"), null));
        assertRejectedWithoutWriting(new Split(tree.id("X1"), into, Map.of(tree.id("X1C1"), 0), ON, decision(ON)),
                "error.split.childUnassigned");

        long first = org.apply(new Split(tree.id("X1"), into,
                Map.of(tree.id("X1C1"), 0, tree.id("X1C2"), 1, tree.id("X1B"), 1), ON, decision(ON)));
        long second = org.idOfCode(tree.code("XB")).orElseThrow();
        assertThat(org.children(first, ON)).extracting(UnitSummary::id).containsExactly(tree.id("X1C1"));
        assertThat(org.counts(second, ON).cells()).isEqualTo(2);
        assertThat(org.unit(tree.id("X1"), ON)).isEmpty();
        assertThat(org.counts(tree.id("X1"), BEFORE).cells()).isEqualTo(3);
        assertThat(org.history(tree.id("X1")).getLast().lineage()).extracting(LineageLink::toUnitId)
                .containsExactlyInAnyOrder(first, second);
    }

    @Test
    void shouldDissolveOnlyAnEmptyUnit() {
        assertRejectedWithoutWriting(new Dissolve(tree.id("X2"), ON, decision(ON)), "error.dissolve.hasChildren");
        org.apply(new Dissolve(tree.id("X2C1"), ON, decision(ON)));
        org.apply(new Dissolve(tree.id("X2"), ON, decision(ON)));
        assertThat(org.unit(tree.id("X2"), BEFORE)).isPresent();
        assertThat(org.unit(tree.id("X2"), ON)).isEmpty();
        assertThat(org.lastKnown(tree.id("X2")).orElseThrow().dissolvedOn()).isEqualTo(ON);
    }

    // ---- bad input --------------------------------------------------------------------------

    @Test
    void shouldRejectDuplicateCode() {
        assertRejectedWithoutWriting(new Establish(new NewUnit(tree.code("X1"), "Trùng mã", null,
                UnitType.CELL, tree.id("X1"), null), ON, decision(ON)), "error.unit.codeDuplicate");
    }

    @Test
    void shouldRejectDecomposedVietnameseText() {
        String nfd = Normalizer.normalize("Chi bộ thôn Hạ", Normalizer.Form.NFD);
        assertRejectedWithoutWriting(new Establish(new NewUnit(tree.code("N"), nfd, null, UnitType.CELL,
                tree.id("X1"), null), ON, decision(ON)), "error.text.notNfc");
    }

    @Test
    void shouldRejectOverlongName() {
        assertRejectedWithoutWriting(new Rename(tree.id("X1"), "x".repeat(301), null, ON, decision(ON)),
                "error.text.tooLong");
    }

    @Test
    void shouldRejectEmptyDecisionReference() {
        assertThatThrownBy(() -> new DecisionRef(" ", ON, "Ban Thường vụ"))
                .isInstanceOf(RuleViolation.class)
                .extracting(e -> ((RuleViolation) e).messageKey()).isEqualTo("error.text.required");
        assertRejectedWithoutWriting(new Rename(tree.id("X1"), "Tên mới", null, ON, null), "error.decision.required");
    }

    @Test
    void shouldFindUnitsByNameWithoutDiacriticsWithinScope() {
        assertThat(org.search("dang bo xa tan lap " + tree.prefix().toLowerCase(), List.of(tree.id("P")), ON, 10))
                .extracting(UnitSummary::id).containsExactly(tree.id("X1"));
        assertThat(org.search("xa moi", List.of(tree.id("P")), ON, 10)).isEmpty();
        assertThat(org.search(tree.code("X1C2"), List.of(tree.id("P")), ON, 10))
                .extracting(UnitSummary::id).containsExactly(tree.id("X1C2"));
    }
}
