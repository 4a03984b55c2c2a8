package vn.tcxd.reports.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.tcxd.reports.UnitDashboard.AgeGenderBand;
import vn.tcxd.reports.UnitDashboard.YearAdmissions;
import vn.tcxd.reports.UnitDashboard.YearMovements;
import vn.tcxd.shared.VietnameseFormat;

import java.util.ArrayList;
import java.util.List;

/**
 * The dashboard's charts as plain SVG shapes laid out here and drawn by one Thymeleaf fragment
 * ({@code reports/dashboard-fragments :: chart}): no chart library, no JavaScript. Each chart has a
 * title and a description for screen readers, a tooltip on every bar, and its numbers again in a table.
 */
@Component
class DashboardCharts {

    /** An SVG chart in a {@code width × height} view box that scales to its container. */
    record Chart(String id, int width, int height, String title, String desc, List<Bar> bars, List<Text> texts,
                 List<Line> lines) {
    }

    record Bar(double x, double y, double width, double height, String css, String tooltip) {
    }

    record Text(double x, double y, String text, String anchor, String css) {
    }

    record Line(double x1, double y1, double x2, double y2, String css) {
    }

    private final MessageSource messages;

    DashboardCharts(MessageSource messages) {
        this.messages = messages;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    private static double r(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** Years as text: MessageFormat would group their digits ("2.025"). */
    private static String year(int year) {
        return Integer.toString(year);
    }

    private static String n(long v) {
        return VietnameseFormat.number(v);
    }

    /** Population pyramid: men to the left, women to the right, the oldest band on top. */
    Chart pyramid(List<AgeGenderBand> bands, long members) {
        int width = 400, top = 30, row = 24, center = 200, half = 24, room = 126;
        int height = top + bands.size() * row + 6;
        long max = Math.max(1, bands.stream().mapToLong(b -> Math.max(b.male(), b.female())).max().orElse(1));
        List<Bar> bars = new ArrayList<>();
        List<Text> texts = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        texts.add(new Text(center - half - 4, 16, text("dashboard.gender.MALE"), "end", "legend male"));
        texts.add(new Text(center + half + 4, 16, text("dashboard.gender.FEMALE"), "start", "legend female"));
        texts.add(new Text(center, 16, text("dashboard.chart.age"), "middle", "legend"));
        for (int i = 0; i < bands.size(); i++) {
            AgeGenderBand b = bands.get(bands.size() - 1 - i);
            double y = top + i * row;
            double wm = room * (double) b.male() / max, wf = room * (double) b.female() / max;
            bars.add(new Bar(r(center - half - wm), y + 3, r(wm), row - 6, "male",
                    text("dashboard.chart.pyramid.tip", text("dashboard.gender.MALE"), b.label(), n(b.male()),
                            VietnameseFormat.percent(b.male(), members))));
            bars.add(new Bar(center + half, y + 3, r(wf), row - 6, "female",
                    text("dashboard.chart.pyramid.tip", text("dashboard.gender.FEMALE"), b.label(), n(b.female()),
                            VietnameseFormat.percent(b.female(), members))));
            texts.add(new Text(center, y + row / 2.0 + 5, b.label(), "middle", "axis"));
            texts.add(new Text(r(center - half - wm - 4), y + row / 2.0 + 5, n(b.male()), "end", "value"));
            texts.add(new Text(r(center + half + wf + 4), y + row / 2.0 + 5, n(b.female()), "start", "value"));
        }
        lines.add(new Line(center - half, top, center - half, height - 4, "axis"));
        lines.add(new Line(center + half, top, center + half, height - 4, "axis"));
        long male = bands.stream().mapToLong(AgeGenderBand::male).sum();
        long female = bands.stream().mapToLong(AgeGenderBand::female).sum();
        return new Chart("chart-pyramid", width, height, text("dashboard.chart.pyramid"),
                text("dashboard.chart.pyramid.desc", n(male), n(female), VietnameseFormat.percent(female, members)),
                bars, texts, lines);
    }

    /** Admissions per year: one column a year. */
    Chart admissions(List<YearAdmissions> years) {
        List<Long> values = years.stream().map(YearAdmissions::admitted).toList();
        List<String> labels = years.stream().map(y -> Integer.toString(y.year())).toList();
        List<String> tips = years.stream().map(y -> y.admitted() == null
                ? text("dashboard.chart.notExisting", year(y.year()))
                : text("dashboard.chart.admissions.tip", year(y.year()), n(y.admitted()),
                VietnameseFormat.date(y.from()), VietnameseFormat.date(y.to()))).toList();
        long total = values.stream().filter(v -> v != null).mapToLong(Long::longValue).sum();
        return columns("chart-admissions", text("dashboard.chart.admissions"),
                text("dashboard.chart.admissions.desc", year(years.getFirst().year()), year(years.getLast().year()), n(total)),
                labels, List.of(new Series("admitted", values, tips)), List.of());
    }

    /** In and out per year, side by side. */
    Chart trend(List<YearMovements> years) {
        List<String> labels = years.stream().map(y -> Integer.toString(y.year())).toList();
        List<Long> in = years.stream().map(y -> y.movements() == null ? null : y.movements().increases()).toList();
        List<Long> out = years.stream().map(y -> y.movements() == null ? null : y.movements().decreases()).toList();
        List<String> inTips = years.stream().map(y -> y.movements() == null ? text("dashboard.chart.notExisting", year(y.year()))
                : text("dashboard.chart.trend.inTip", year(y.year()), n(y.movements().increases()))).toList();
        List<String> outTips = years.stream().map(y -> y.movements() == null ? text("dashboard.chart.notExisting", year(y.year()))
                : text("dashboard.chart.trend.outTip", year(y.year()), n(y.movements().decreases()))).toList();
        long inSum = in.stream().filter(v -> v != null).mapToLong(Long::longValue).sum();
        long outSum = out.stream().filter(v -> v != null).mapToLong(Long::longValue).sum();
        return columns("chart-trend", text("dashboard.chart.trend"),
                text("dashboard.chart.trend.desc", year(years.getFirst().year()), year(years.getLast().year()), n(inSum), n(outSum)),
                labels, List.of(new Series("in", in, inTips), new Series("out", out, outTips)),
                List.of(text("dashboard.chart.trend.in"), text("dashboard.chart.trend.out")));
    }

    private record Series(String css, List<Long> values, List<String> tips) {
    }

    /** Columns per category (one per series, side by side), value labels on top, categories below. */
    private Chart columns(String id, String title, String desc, List<String> categories, List<Series> series,
                          List<String> legend) {
        int width = 400, left = 4, right = 4, top = legend.isEmpty() ? 18 : 36, base = top + 130, height = base + 22;
        double slot = (width - left - right) / (double) categories.size();
        double gap = Math.max(4, slot * 0.2);
        double barWidth = (slot - gap) / series.size();
        long max = 1;
        for (Series s : series) for (Long v : s.values()) if (v != null) max = Math.max(max, v);
        List<Bar> bars = new ArrayList<>();
        List<Text> texts = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        for (int l = 0; l < legend.size(); l++) {
            double x = left + l * 110;
            bars.add(new Bar(x, 10, 12, 12, series.get(l).css(), legend.get(l)));
            texts.add(new Text(x + 17, 21, legend.get(l), "start", "legend"));
        }
        for (int c = 0; c < categories.size(); c++) {
            double x0 = left + c * slot + gap / 2;
            for (int s = 0; s < series.size(); s++) {
                Long v = series.get(s).values().get(c);
                double x = r(x0 + s * barWidth);
                if (v == null) {
                    texts.add(new Text(r(x + barWidth / 2), base - 4, "–", "middle", "value"));
                    continue;
                }
                double h = r(120.0 * v / max);
                bars.add(new Bar(x, r(base - h), r(barWidth - 1), h, series.get(s).css(), series.get(s).tips().get(c)));
                texts.add(new Text(r(x + barWidth / 2), r(base - h - 4), n(v), "middle",
                        series.size() > 1 ? "value small" : "value"));
            }
            texts.add(new Text(r(left + c * slot + slot / 2), base + 15, categories.get(c), "middle", "axis"));
        }
        lines.add(new Line(left, base, width - right, base, "axis"));
        return new Chart(id, width, height, title, desc, bars, texts, lines);
    }
}
