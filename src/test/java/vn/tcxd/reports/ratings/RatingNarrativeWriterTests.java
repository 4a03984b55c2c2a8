package vn.tcxd.reports.ratings;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import vn.tcxd.evaluations.NotRatedReason;
import vn.tcxd.evaluations.Period;
import vn.tcxd.evaluations.PeriodKind;
import vn.tcxd.evaluations.RatingLevel;
import vn.tcxd.evaluations.RatingScheme;
import vn.tcxd.reports.FigureSource;
import vn.tcxd.reports.RatingClass;
import vn.tcxd.reports.RatingDistribution;
import vn.tcxd.reports.RatingFigures;
import vn.tcxd.reports.internal.forms.Texts;
import vn.tcxd.reports.internal.ratings.RatingNarrativeWriter;
import vn.tcxd.shared.RuleSet;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tcxd.evaluations.RatingLevel.CLEAN_STRONG;
import static vn.tcxd.evaluations.RatingLevel.COMPLETED;
import static vn.tcxd.evaluations.RatingLevel.EXCELLENT;
import static vn.tcxd.evaluations.RatingLevel.EXEMPLARY_CLEAN_STRONG;
import static vn.tcxd.evaluations.RatingLevel.GOOD;
import static vn.tcxd.evaluations.RatingLevel.NOT_COMPLETED;
import static vn.tcxd.evaluations.RatingLevel.QUALIFIED_EXCELLENT;
import static vn.tcxd.evaluations.RatingLevel.QUALIFIED_GOOD;
import static vn.tcxd.evaluations.RatingLevel.QUALIFIED_LIMITED;
import static vn.tcxd.evaluations.RatingLevel.VIOLATED;
import static vn.tcxd.evaluations.RatingLevel.WEAK;

/**
 * The rating paragraph on the seeds' own numbers: Phú Thọ 2021 (seed 000: 535/692 TCCSĐ, 133 of them
 * HTXSNV = 19,22% of those rated; 3.751/5.010 cells; 73.424/93.346 members) under QĐ 132, and an
 * HD 20 year (seed 002 style: "đạt trong sạch vững mạnh, chiếm …, trong đó … tiêu biểu"), with the
 * comparison in percentage points and the not-rated with their base.
 */
class RatingNarrativeWriterTests {

    static final List<RatingLevel> MODERN = List.of(EXCELLENT, GOOD, COMPLETED, NOT_COMPLETED);
    static final RatingScheme QD132 = scheme("QD132_2018", "Quy định 132-QĐ/TW", MODERN, MODERN);
    static final RatingScheme HD20 = scheme("HD20_2008", "Hướng dẫn 20-HD/BTCTW",
            List.of(QUALIFIED_EXCELLENT, QUALIFIED_GOOD, QUALIFIED_LIMITED, VIOLATED),
            List.of(EXEMPLARY_CLEAN_STRONG, CLEAN_STRONG, GOOD, WEAK));

    private final RatingNarrativeWriter writer = new RatingNarrativeWriter(new Texts(messages(), null, Locale.forLanguageTag("vi")));

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/reports-ratings");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    static RatingScheme scheme(String code, String name, List<RatingLevel> member, List<RatingLevel> org) {
        return new RatingScheme(new RuleSet(code, name, name, null), Set.of(PeriodKind.YEAR), member, org, false, null,
                6, 6, null, null, null, 100, 50, 20, true,
                new RatingScheme.Quota(BigDecimal.valueOf(20), RatingScheme.QuotaScope.GRASSROOTS, RoundingMode.FLOOR, true), "");
    }

    /** Figures of one class: the counts of the scheme's four levels best first, then not-rated by reason. */
    static RatingFigures figures(RatingClass c, RatingScheme scheme, long[] levels, Map<NotRatedReason, Long> notRated) {
        List<RatingLevel> ofScheme = scheme.levels(c.subjectKind());
        List<RatingFigures.LevelCount> counts = new ArrayList<>();
        long rated = 0;
        for (int i = 0; i < 4; i++) {
            counts.add(new RatingFigures.LevelCount(ofScheme.get(i), i + 1, levels[i]));
            rated += levels[i];
        }
        long notRatedTotal = notRated.values().stream().mapToLong(Long::longValue).sum();
        return new RatingFigures(c, counts, rated, 0, notRated, rated + notRatedTotal);
    }

    static RatingDistribution distribution(int year, RatingScheme scheme, Map<RatingClass, RatingFigures> given) {
        List<RatingFigures> classes = new ArrayList<>();
        for (RatingClass c : RatingClass.values()) {
            classes.add(given.getOrDefault(c, figures(c, scheme, new long[4], Map.of())));
        }
        return new RatingDistribution(1L, Period.year(year), scheme.code(), classes, FigureSource.LIVE);
    }

    static RatingDistribution phuTho2021() {
        Map<RatingClass, RatingFigures> given = new LinkedHashMap<>();
        given.put(RatingClass.GRASSROOTS, figures(RatingClass.GRASSROOTS, QD132, new long[]{133, 402, 157, 0}, Map.of()));
        given.put(RatingClass.CELL, figures(RatingClass.CELL, QD132, new long[]{875, 2_876, 1_250, 9}, Map.of()));
        given.put(RatingClass.MEMBER, figures(RatingClass.MEMBER, QD132, new long[]{14_548, 58_876, 19_500, 422},
                Map.of(NotRatedReason.ADMITTED_RECENTLY, 300L, NotRatedReason.EXEMPT, 50L)));
        return distribution(2021, QD132, given);
    }

    @Test
    void shouldWriteTheSeedParagraphWithEveryBaseStated() {
        String text = writer.paragraph("Đảng bộ tỉnh Phú Thọ", phuTho2021(), QD132);

        assertThat(text).startsWith("Toàn tỉnh có 535/692 tổ chức cơ sở đảng được xếp loại hoàn thành tốt nhiệm vụ trở lên, "
                + "trong đó có 133 tổ chức cơ sở đảng được xếp loại hoàn thành xuất sắc nhiệm vụ, chiếm 19,22% số tổ chức "
                + "cơ sở đảng được xếp loại; 3.751/5.010 chi bộ trực thuộc đảng ủy cơ sở được xếp loại hoàn thành tốt nhiệm "
                + "vụ trở lên, trong đó có 875 chi bộ được xếp loại hoàn thành xuất sắc nhiệm vụ, chiếm 17,47% số chi bộ được "
                + "xếp loại, 9 chi bộ được xếp loại không hoàn thành nhiệm vụ, chiếm 0,18% số chi bộ được xếp loại; "
                + "73.424/93.346 đảng viên được xếp loại hoàn thành tốt nhiệm vụ trở lên, trong đó có 14.548 đảng viên được "
                + "xếp loại hoàn thành xuất sắc nhiệm vụ, chiếm 15,59% số đảng viên được xếp loại, 422 đảng viên được xếp "
                + "loại không hoàn thành nhiệm vụ, chiếm 0,45% số đảng viên được xếp loại.");
        assertThat(text).endsWith(" Không xếp loại 350/93.696 đảng viên, chiếm 0,37% tổng số đảng viên thuộc diện kiểm "
                + "điểm (300 mới kết nạp chưa đủ 6 tháng, 50 được miễn công tác và sinh hoạt đảng).");
    }

    @Test
    void shouldCompareWithThePreviousYearInPercentagePoints() {
        Map<RatingClass, RatingFigures> before = new LinkedHashMap<>();
        before.put(RatingClass.GRASSROOTS, figures(RatingClass.GRASSROOTS, QD132, new long[]{120, 412, 168, 0}, Map.of()));
        String text = writer.comparison(phuTho2021(), QD132, distribution(2020, QD132, before), QD132);

        // 532/700 = 76,00% → 535/692 = 77,31%; 120/700 = 17,14% → 133/692 = 19,22%
        assertThat(text).isEqualTo("So với năm 2020: tỷ lệ tổ chức cơ sở đảng được xếp loại hoàn thành tốt nhiệm vụ trở "
                + "lên tăng 1,31 điểm phần trăm (từ 76,00% lên 77,31%), tỷ lệ hoàn thành xuất sắc nhiệm vụ tăng 2,08 điểm "
                + "phần trăm (từ 17,14% lên 19,22%).");
    }

    @Test
    void shouldNotCompareSharesAcrossSchemesWithOtherLevels() {
        Map<RatingClass, RatingFigures> before = new LinkedHashMap<>();
        before.put(RatingClass.GRASSROOTS, figures(RatingClass.GRASSROOTS, HD20, new long[]{100, 500, 90, 10}, Map.of()));
        String text = writer.comparison(phuTho2021(), QD132, distribution(2017, HD20, before), HD20);

        assertThat(text).isEqualTo("Năm 2017 xếp loại theo Hướng dẫn 20-HD/BTCTW với các mức khác, nên không so sánh tỷ lệ.");
    }

    @Test
    void shouldWriteTheOldSchemeParagraphLikeSeed002() {
        Map<RatingClass, RatingFigures> given = new LinkedHashMap<>();
        given.put(RatingClass.GRASSROOTS, figures(RatingClass.GRASSROOTS, HD20, new long[]{192, 536, 186, 6}, Map.of()));
        given.put(RatingClass.MEMBER, figures(RatingClass.MEMBER, HD20, new long[]{8_000, 37_385, 5_500, 115}, Map.of()));

        String text = writer.paragraph("Đảng bộ tỉnh Đồng Nai", distribution(2011, HD20, given), HD20);

        assertThat(text).isEqualTo("Toàn tỉnh có 920 tổ chức cơ sở đảng được đánh giá, 728 tổ chức cơ sở đảng đạt trong "
                + "sạch vững mạnh, chiếm 79,13% số tổ chức cơ sở đảng được đánh giá, trong đó trong sạch vững mạnh tiêu biểu "
                + "là 192, chiếm 20,87% số tổ chức cơ sở đảng được đánh giá, 6 tổ chức cơ sở đảng yếu kém, chiếm 0,65% số "
                + "tổ chức cơ sở đảng được đánh giá; 45.385/51.000 đảng viên được đánh giá đủ tư cách, hoàn thành tốt nhiệm "
                + "vụ trở lên, chiếm 88,99% số đảng viên được đánh giá, trong đó có 8.000 đảng viên đủ tư cách, hoàn thành "
                + "xuất sắc nhiệm vụ, chiếm 15,69% số đảng viên được đánh giá, 115 đảng viên vi phạm tư cách, chiếm 0,23% "
                + "số đảng viên được đánh giá.");
    }

    @Test
    void shouldSayWhenNothingWasRated() {
        String text = writer.paragraph("Đảng bộ huyện Yên Lập", distribution(2021, QD132, Map.of()), QD132);

        assertThat(text).isEqualTo("Toàn huyện chưa có kết quả xếp loại năm 2021.");
    }
}
