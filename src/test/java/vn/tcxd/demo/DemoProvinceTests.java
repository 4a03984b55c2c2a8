package vn.tcxd.demo;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import vn.tcxd.IntegrationTest;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.StructureCounts;
import vn.tcxd.orgstructure.UnitDetails;
import vn.tcxd.orgstructure.UnitHistoryEntry;
import vn.tcxd.orgstructure.UnitSummary;
import vn.tcxd.orgstructure.UnitType;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class DemoProvinceTests {

    private static final LocalDate REPORT_2021 = LocalDate.of(2021, 11, 10);
    private static final LocalDate END_2025 = LocalDate.of(2025, 12, 31);

    @Autowired
    OrgStructure orgStructure;

    @Autowired
    DemoDataLoader loader;

    private long idOf(String code) {
        return orgStructure.idOfCode(code).orElseThrow();
    }

    @Test
    void shouldMatchSeed004WhenCountedAsAt10November2021() {
        StructureCounts counts = orgStructure.counts(idOf("LS"), REPORT_2021);

        assertThat(counts.direct()).isEqualTo(15);
        assertThat(counts.directGrassroots()).isEqualTo(2);
        assertThat(counts.grassroots()).isEqualTo(686);
        assertThat(counts.grassrootsCommittees()).isEqualTo(259);
        assertThat(counts.grassrootsCells()).isEqualTo(427);
        assertThat(counts.partialCommittees()).isEqualTo(13);
        assertThat(counts.cells()).isEqualTo(2538);
    }

    @Test
    void shouldShowTwoLevelShapeWhenCountedAtEndOf2025() {
        StructureCounts counts = orgStructure.counts(idOf("LS"), END_2025);

        // 13 upper-grassroots (10 districts + 3 blocs) became 45 commune/ward committees + cơ quan Đảng + UBND + Quân sự
        assertThat(counts.directByType()).containsEntry(UnitType.UPPER_GRASSROOTS, 48);
        assertThat(counts.direct()).isEqualTo(50);
        assertThat(counts.directGrassroots()).isEqualTo(2);
        // the 10 district government committees (with their 70 cells) and 50 district party-agency cells ended
        assertThat(counts.grassrootsCommittees()).isEqualTo(259 - 10);
        assertThat(counts.grassrootsCells()).isEqualTo(427 - 50);
        assertThat(counts.grassroots()).isEqualTo(626);
        assertThat(counts.partialCommittees()).isEqualTo(13);
        assertThat(counts.cells()).isEqualTo(2538 - 70);
    }

    @Test
    void shouldHaveNoDistrictLevelWhenReadAtEndOf2025() {
        long district = idOf("LS.H04");

        assertThat(orgStructure.unit(district, REPORT_2021)).map(UnitDetails::type).contains(UnitType.UPPER_GRASSROOTS);
        assertThat(orgStructure.unit(district, END_2025)).isEmpty();
        List<UnitSummary> direct = orgStructure.children(idOf("LS"), END_2025);
        assertThat(direct).extracting(UnitSummary::code).noneMatch(code -> code.matches("LS\\.H\\d\\d"))
                .contains("LS.CQD", "LS.UBND", "LS.QS", "LS.CA", "LS.BP");
        assertThat(direct).filteredOn(u -> u.code().matches("LS\\.[XP]\\d\\d")).hasSize(45)
                .allMatch(u -> u.type() == UnitType.UPPER_GRASSROOTS)
                .allMatch(u -> u.name().startsWith("Đảng bộ xã ") || u.name().startsWith("Đảng bộ phường "));
    }

    @Test
    void shouldRecordMoveWithDecisionWhenCommuneCommitteeChangedParentIn2025() {
        long commune = idOf("LS.H04.X02");

        UnitDetails before = orgStructure.unit(commune, REPORT_2021).orElseThrow();
        UnitDetails after = orgStructure.unit(commune, END_2025).orElseThrow();
        assertThat(before.parent().code()).isEqualTo("LS.H04");
        assertThat(after.parent().code()).matches("LS\\.X\\d\\d");
        assertThat(after.type()).isEqualTo(UnitType.GRASSROOTS_COMMITTEE);

        UnitHistoryEntry moved = orgStructure.history(commune).stream()
                .filter(e -> e.kind().equals("MOVED")).findFirst().orElseThrow();
        assertThat(moved.effectiveOn()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(moved.decision().number()).endsWith("-QĐ/TU");
        assertThat(moved.decision().issuingBody()).isEqualTo("Ban Thường vụ Tỉnh ủy Lam Sơn");
        assertThat(moved.decision().date()).isBefore(moved.effectiveOn());
    }

    @Test
    void shouldKeepLineageWhenBlocsWereConsolidatedIn2025() {
        UnitHistoryEntry ended = orgStructure.history(idOf("LS.K1")).stream()
                .filter(e -> e.kind().equals("CONSOLIDATED_INTO")).findFirst().orElseThrow();

        assertThat(ended.effectiveOn()).isEqualTo(LocalDate.of(2025, 2, 1));
        assertThat(ended.lineage()).singleElement().satisfies(link -> {
            assertThat(link.fromCode()).isEqualTo("LS.K1");
            assertThat(link.toCode()).isEqualTo("LS.UBND");
            assertThat(link.fromName()).isEqualTo("Đảng bộ Khối các cơ quan tỉnh Lam Sơn");
        });
        UnitHistoryEntry founded = orgStructure.history(idOf("LS.UBND")).getFirst();
        assertThat(founded.lineage()).extracting(l -> l.fromCode()).containsExactlyInAnyOrder("LS.K1", "LS.K2");
        assertThat(orgStructure.unit(idOf("LS.CQD"), END_2025)).isPresent();
    }

    @Test
    void shouldShowEarlierChangesWhenReadBefore2021() {
        // thị xã → thành phố in 2018
        long town = idOf("LS.H02");
        assertThat(orgStructure.unit(town, LocalDate.of(2017, 12, 31)).orElseThrow().shortName()).isEqualTo("Thị ủy Bến Ngự");
        assertThat(orgStructure.unit(town, REPORT_2021).orElseThrow().shortName()).isEqualTo("Thành ủy Bến Ngự");
        // a chi bộ cơ sở that passed 30 members became a đảng bộ cơ sở in 2016 and then got cells
        long college = idOf("LS.K1.D29");
        assertThat(orgStructure.unit(college, LocalDate.of(2015, 12, 31)).orElseThrow().type()).isEqualTo(UnitType.GRASSROOTS_CELL);
        assertThat(orgStructure.unit(college, REPORT_2021).orElseThrow().type()).isEqualTo(UnitType.GRASSROOTS_COMMITTEE);
        assertThat(orgStructure.counts(college, REPORT_2021).cells()).isPositive();
        // two communes consolidated into a new one on 1/1/2020
        long consolidated = idOf("LS.H05.X18");
        assertThat(orgStructure.unit(consolidated, LocalDate.of(2019, 12, 31))).isEmpty();
        assertThat(orgStructure.history(consolidated).getFirst().lineage()).hasSize(2);
        assertThat(orgStructure.counts(idOf("LS"), LocalDate.of(2019, 12, 31)).grassrootsCommittees()).isEqualTo(259 + 4 + 2);
    }

    @Test
    void shouldKeepDecoyProvinceApartWhenCounted() {
        StructureCounts hoaGiang = orgStructure.counts(idOf("HG"), REPORT_2021);

        assertThat(hoaGiang.grassroots()).isEqualTo(22);
        assertThat(hoaGiang.cells()).isEqualTo(50);
        assertThat(orgStructure.counts(idOf("HG"), END_2025).directByType())
                .containsOnlyKeys(UnitType.UPPER_GRASSROOTS).containsEntry(UnitType.UPPER_GRASSROOTS, 6);
        assertThat(orgStructure.counts(idOf("TW"), REPORT_2021).grassroots()).isEqualTo(686 + 22);
    }

    @Test
    void shouldLoadNothingWhenTreeExists() throws Exception {
        int before = orgStructure.counts(idOf("TW"), END_2025).total();

        loader.run(new DefaultApplicationArguments());

        assertThat(orgStructure.counts(idOf("TW"), END_2025).total()).isEqualTo(before);
    }
}
