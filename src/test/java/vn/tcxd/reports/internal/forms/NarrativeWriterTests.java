package vn.tcxd.reports.internal.forms;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import vn.tcxd.orgstructure.AdministrativeArea;
import vn.tcxd.orgstructure.StructureCounts;
import vn.tcxd.orgstructure.UnitDetails;
import vn.tcxd.orgstructure.UnitType;
import vn.tcxd.reports.MovementKind;
import vn.tcxd.reports.Movements;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The narrative's sentence templates on their own: every kind of unit, parts whose figure is 0 left
 * out, and both languages. (ReportFormsTests checks the seed's sentence on the demo province.)
 */
class NarrativeWriterTests {

    static final LocalDate DAY = LocalDate.of(2025, 12, 31);

    private static NarrativeWriter writer(Locale locale) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/reports-forms", "i18n/orgstructure");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new NarrativeWriter(new Texts(messages, null, locale));
    }

    private static UnitDetails unit(String name, UnitType type) {
        return new UnitDetails(1, "U1", name, null, type, AdministrativeArea.NONE, DAY, DAY, DAY, null, null, List.of());
    }

    private static StructureCounts counts(Map<UnitType, Integer> all, Map<UnitType, Integer> direct) {
        Map<UnitType, Integer> byType = new EnumMap<>(UnitType.class);
        byType.putAll(all);
        Map<UnitType, Integer> directByType = new EnumMap<>(UnitType.class);
        directByType.putAll(direct);
        return new StructureCounts(1, DAY, byType, directByType);
    }

    @Test
    void shouldWriteTheSeedSentenceWhenAProvinceHasEveryPart() {
        StructureCounts c = counts(Map.of(UnitType.UPPER_GRASSROOTS, 13, UnitType.GRASSROOTS_COMMITTEE, 259,
                        UnitType.GRASSROOTS_CELL, 427, UnitType.PARTIAL_COMMITTEE, 13, UnitType.CELL, 2538),
                Map.of(UnitType.UPPER_GRASSROOTS, 13, UnitType.GRASSROOTS_COMMITTEE, 2));
        assertThat(writer(Locale.forLanguageTag("vi")).structure(unit("Đảng bộ tỉnh Lam Sơn", UnitType.PROVINCIAL), c, 45_239))
                .isEqualTo("Đảng bộ tỉnh có 15 đảng bộ trực thuộc (trong đó có 2 đảng bộ cơ sở trực thuộc Tỉnh ủy), "
                        + "686 tổ chức cơ sở đảng (259 đảng bộ cơ sở, 427 chi bộ cơ sở), 13 đảng bộ bộ phận và 2.538 "
                        + "chi bộ trực thuộc với 45.239 đảng viên.");
        assertThat(writer(Locale.ENGLISH).structure(unit("Đảng bộ tỉnh Lam Sơn", UnitType.PROVINCIAL), c, 45_239))
                .isEqualTo("The provincial party organisation has 15 directly subordinate party organisations "
                        + "(including 2 grassroots party committees directly under the Provincial Committee), 686 "
                        + "grassroots party organisations (259 grassroots party committees, 427 grassroots cells), 13 "
                        + "partial party committees and 2.538 subordinate cells, with 45.239 members.");
    }

    @Test
    void shouldOmitTheWithinClauseAndZeroPartsWhenACityHasNoDirectGrassroots() {
        StructureCounts c = counts(Map.of(UnitType.UPPER_GRASSROOTS, 4, UnitType.GRASSROOTS_COMMITTEE, 40,
                UnitType.CELL, 300), Map.of(UnitType.UPPER_GRASSROOTS, 4));
        assertThat(writer(Locale.forLanguageTag("vi")).structure(unit("Đảng bộ thành phố Hải Cảng", UnitType.PROVINCIAL), c, 9_000))
                .isEqualTo("Đảng bộ thành phố có 4 đảng bộ trực thuộc, 40 đảng bộ cơ sở và 300 chi bộ trực thuộc với 9.000 đảng viên.");
    }

    @Test
    void shouldNameTheCommuneWhenACommuneCommitteeHasCellsOnly() {
        StructureCounts c = counts(Map.of(UnitType.CELL, 12), Map.of(UnitType.CELL, 12));
        assertThat(writer(Locale.forLanguageTag("vi")).structure(unit("Đảng bộ xã Tân Lập", UnitType.GRASSROOTS_COMMITTEE), c, 312))
                .isEqualTo("Đảng bộ xã có 12 chi bộ trực thuộc với 312 đảng viên.");
    }

    @Test
    void shouldListGrassrootsOnlyOnceWhenACommuneCommitteeSince2025HasThemAllDirectly() {
        StructureCounts c = counts(Map.of(UnitType.GRASSROOTS_COMMITTEE, 3, UnitType.GRASSROOTS_CELL, 20, UnitType.CELL, 30),
                Map.of(UnitType.GRASSROOTS_COMMITTEE, 3, UnitType.GRASSROOTS_CELL, 20));
        assertThat(writer(Locale.forLanguageTag("vi")).structure(unit("Đảng bộ phường Đông Hải", UnitType.UPPER_GRASSROOTS), c, 1_250))
                .isEqualTo("Đảng bộ phường có 23 tổ chức cơ sở đảng (3 đảng bộ cơ sở, 20 chi bộ cơ sở) và 30 chi bộ "
                        + "trực thuộc với 1.250 đảng viên.");
    }

    @Test
    void shouldUseTheUnitsNameWhenItHasNoAdministrativeLevel() {
        StructureCounts none = counts(Map.of(), Map.of());
        NarrativeWriter vi = writer(Locale.forLanguageTag("vi"));
        assertThat(vi.structure(unit("Chi bộ thôn Đông", UnitType.GRASSROOTS_CELL), none, 25))
                .isEqualTo("Chi bộ thôn Đông có 25 đảng viên.");
        assertThat(vi.structure(unit("Chi bộ thôn Đoài", UnitType.GRASSROOTS_CELL), none, 0))
                .isEqualTo("Chi bộ thôn Đoài chưa có tổ chức đảng trực thuộc và đảng viên.");
        assertThat(vi.structure(unit("Đảng bộ Khối các cơ quan tỉnh", UnitType.UPPER_GRASSROOTS),
                counts(Map.of(UnitType.GRASSROOTS_CELL, 5), Map.of(UnitType.GRASSROOTS_CELL, 5)), 0))
                .isEqualTo("Đảng bộ Khối các cơ quan tỉnh có 5 chi bộ cơ sở, chưa có đảng viên.");
    }

    @Test
    void shouldStateEveryPercentagesBaseWhenMovementsAreWritten() {
        Map<MovementKind, Long> counts = new EnumMap<>(MovementKind.class);
        counts.put(MovementKind.ADMITTED, 120L);
        counts.put(MovementKind.DIED, 15L);
        counts.put(MovementKind.REMOVED, 5L);
        Movements m = new Movements(1, LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31), 4_000, counts, 4_100);
        assertThat(writer(Locale.forLanguageTag("vi")).movements(m)).isEqualTo("Từ ngày 1/1/2021 đến ngày 31/12/2021, "
                + "kết nạp 120 đảng viên (bằng 3,00% so với 4.000 đảng viên đầu kỳ), giảm 20 đảng viên (từ trần 15, "
                + "xóa tên 5); đến ngày 31/12/2021 có 4.100 đảng viên, tăng 100 đảng viên so với 4.000 đảng viên "
                + "đầu kỳ (2,50%).");
        Movements none = new Movements(1, LocalDate.of(2021, 1, 1), LocalDate.of(2021, 6, 30), 30, Map.of(), 30);
        assertThat(writer(Locale.forLanguageTag("vi")).movements(none)).isEqualTo("Từ ngày 1/1/2021 đến ngày 30/6/2021, "
                + "không có biến động đảng viên; đến ngày 30/6/2021 có 30 đảng viên, bằng đầu kỳ.");
    }
}
