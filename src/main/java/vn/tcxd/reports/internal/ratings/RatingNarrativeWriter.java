package vn.tcxd.reports.internal.ratings;

import vn.tcxd.evaluations.NotRatedReason;
import vn.tcxd.evaluations.RatingLevel;
import vn.tcxd.evaluations.RatingScheme;
import vn.tcxd.reports.RatingClass;
import vn.tcxd.reports.RatingDistribution;
import vn.tcxd.reports.RatingFigures;
import vn.tcxd.reports.internal.forms.NarrativeWriter;
import vn.tcxd.reports.internal.forms.Texts;
import vn.tcxd.shared.VietnameseFormat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The rating paragraph in the sector's style (seed 000, Phú Thọ 2021: "Toàn tỉnh có 535/692 tổ chức
 * cơ sở đảng được xếp loại hoàn thành tốt nhiệm vụ trở lên, trong đó có 133 tổ chức cơ sở đảng được
 * xếp loại hoàn thành xuất sắc nhiệm vụ, chiếm 19,22% …"; seed 002, Đồng Nai 2011: "… TCCSĐ đạt
 * trong sạch vững mạnh, chiếm 79,48%, trong đó TSVM tiêu biểu …"). X/Y is (rank 1 or 2)/(rated);
 * every percentage names its base; the clause's wording follows the scheme's rank-2 level
 * ({@code ratings.p.class.<LEVEL>}), so the old schemes read "đạt trong sạch vững mạnh".
 */
public final class RatingNarrativeWriter {

    private final Texts t;

    public RatingNarrativeWriter(Texts texts) {
        this.t = texts;
    }

    /** "Toàn tỉnh", "Toàn huyện" … from the unit's name, or the unit's name. */
    String whole(String unitName) {
        String level = NarrativeWriter.level(unitName);
        return level == null ? unitName : t.text("ratings.whole." + level);
    }

    public String paragraph(String unitName, RatingDistribution d, RatingScheme scheme) {
        List<String> clauses = new ArrayList<>();
        for (RatingFigures f : d.classes()) {
            if (f.rated() > 0) clauses.add(clause(f, scheme));
        }
        List<String> sentences = new ArrayList<>();
        if (clauses.isEmpty()) {
            sentences.add(t.text("ratings.p.nothing", whole(unitName), period(d)));
        } else {
            sentences.add(t.text("ratings.p.opening", whole(unitName), String.join("; ", clauses)));
        }
        for (RatingFigures f : d.classes()) {
            if (f.notRatedTotal() > 0) sentences.add(notRated(f, scheme));
        }
        List<String> open = new ArrayList<>();
        for (RatingFigures f : d.classes()) {
            if (f.open() > 0) open.add(n(f.open()) + " " + noun(f.subjectClass()));
        }
        if (!open.isEmpty()) sentences.add(t.text("ratings.p.open", String.join(", ", open)));
        return String.join(" ", sentences);
    }

    private String period(RatingDistribution d) {
        return String.valueOf(d.period().year());
    }

    /** One class: "535/692 tổ chức cơ sở đảng được xếp loại … trở lên, trong đó có 133 …, chiếm 19,22% số … được xếp loại". */
    String clause(RatingFigures f, RatingScheme scheme) {
        RatingClass c = f.subjectClass();
        RatingLevel top = level(scheme, c, 1);
        RatingLevel good = level(scheme, c, 2);
        RatingLevel failed = level(scheme, c, 4);
        String family = good == null ? "GOOD" : good.name();
        String text = t.text("ratings.p.class." + family, n(f.goodOrBetter()), n(f.rated()), noun(c), phrase(good),
                n(f.atRank(1)), shortNoun(c), phrase(top), VietnameseFormat.percent(f.atRank(1), f.rated()),
                VietnameseFormat.percent(f.goodOrBetter(), f.rated()));
        if (f.atRank(4) > 0) {
            text += t.text("ratings.p.failed." + family, n(f.atRank(4)), shortNoun(c), phrase(failed),
                    VietnameseFormat.percent(f.atRank(4), f.rated()));
        }
        return text;
    }

    /** "Không xếp loại 12/5.021 đảng viên (0,24% tổng số đảng viên): 10 … mới kết nạp chưa đủ 6 tháng, 2 …". */
    String notRated(RatingFigures f, RatingScheme scheme) {
        List<String> reasons = new ArrayList<>();
        for (NotRatedReason reason : NotRatedReason.values()) {
            long count = f.notRated(reason);
            if (count == 0) continue;
            Integer months = reason == NotRatedReason.UNIT_NEW ? (scheme == null ? null : scheme.notRatedUnitMonths())
                    : reason == NotRatedReason.ADMITTED_RECENTLY ? (scheme == null ? null : scheme.notRatedMemberMonths()) : null;
            reasons.add(t.text("ratings.p.reason." + reason, n(count), months == null ? 6 : months));
        }
        return t.text("ratings.p.notRated", n(f.notRatedTotal()), n(f.total()), noun(f.subjectClass()),
                VietnameseFormat.percent(f.notRatedTotal(), f.total()), shortNoun(f.subjectClass()), String.join(", ", reasons));
    }

    /**
     * "So với năm 2020, tỷ lệ tổ chức cơ sở đảng được xếp loại hoàn thành tốt nhiệm vụ trở lên tăng 1,25
     * điểm phần trăm (từ 76,06% lên 77,31%), tỷ lệ … hoàn thành xuất sắc nhiệm vụ giảm …". Empty when
     * there is nothing to compare.
     */
    public String comparison(RatingDistribution now, RatingScheme scheme, RatingDistribution before, RatingScheme schemeBefore) {
        if (before == null) return "";
        List<String> parts = new ArrayList<>();
        boolean differentLevels = false;
        for (RatingFigures f : now.classes()) {
            RatingFigures b = before.of(f.subjectClass());
            if (f.rated() == 0 || b.rated() == 0) continue;
            RatingClass c = f.subjectClass();
            if (level(scheme, c, 1) != level(schemeBefore, c, 1) || level(scheme, c, 2) != level(schemeBefore, c, 2)) {
                differentLevels = true;
                continue;
            }
            parts.add(t.text("ratings.cmp.class", noun(c), phrase(level(scheme, c, 2)),
                    change(b.goodOrBetter(), b.rated(), f.goodOrBetter(), f.rated()),
                    phrase(level(scheme, c, 1)), change(b.atRank(1), b.rated(), f.atRank(1), f.rated())));
        }
        String year = String.valueOf(before.period().year());
        if (parts.isEmpty()) {
            return differentLevels ? t.text("ratings.cmp.otherScheme", year, schemeBefore == null ? "" : schemeBefore.ruleSet().name()) : "";
        }
        String text = t.text("ratings.cmp.opening", year, String.join("; ", parts));
        if (differentLevels) text += " " + t.text("ratings.cmp.otherScheme", year, schemeBefore == null ? "" : schemeBefore.ruleSet().name());
        return text;
    }

    /** "tăng 1,25 điểm phần trăm (từ 76,06% lên 77,31%)", from the shares as they are printed. */
    private String change(long partBefore, long baseBefore, long partNow, long baseNow) {
        long hundredthsBefore = hundredths(partBefore, baseBefore);
        long hundredthsNow = hundredths(partNow, baseNow);
        String from = VietnameseFormat.percent(partBefore, baseBefore);
        String to = VietnameseFormat.percent(partNow, baseNow);
        long diff = hundredthsNow - hundredthsBefore;
        if (diff == 0) return t.text("ratings.cmp.same", to);
        // the difference of two printed shares, written like them: 125 hundredths → "1,25"
        String points = VietnameseFormat.percent(Math.abs(diff), 10_000).replace("%", "");
        return t.text(diff > 0 ? "ratings.cmp.up" : "ratings.cmp.down", points, from, to);
    }

    /** The share in hundredths of a per cent, rounded as VietnameseFormat.percent rounds it. */
    static long hundredths(long part, long whole) {
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP)
                .movePointRight(2).longValueExact();
    }

    static RatingLevel level(RatingScheme scheme, RatingClass c, int rank) {
        if (scheme == null) return null;
        return scheme.level(c.subjectKind(), rank);
    }

    String phrase(RatingLevel level) {
        return level == null ? "" : t.text("ratings.phrase." + level);
    }

    String noun(RatingClass c) {
        return t.text("ratings.noun." + c);
    }

    String shortNoun(RatingClass c) {
        return t.text("ratings.noun.short." + c);
    }

    private static String n(long value) {
        return VietnameseFormat.number(value);
    }
}
