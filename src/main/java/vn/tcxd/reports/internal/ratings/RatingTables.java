package vn.tcxd.reports.internal.ratings;

import vn.tcxd.evaluations.NotRatedReason;
import vn.tcxd.orgstructure.UnitDetails;
import vn.tcxd.reports.RatingCandidate;
import vn.tcxd.reports.RatingDistribution;
import vn.tcxd.reports.RatingFigures;
import vn.tcxd.reports.RatingReport;
import vn.tcxd.reports.forms.FormTable;
import vn.tcxd.reports.forms.FormTable.Cell;
import vn.tcxd.reports.forms.FormTable.Column;
import vn.tcxd.reports.forms.FormTable.Row;
import vn.tcxd.reports.forms.ReportPeriod;
import vn.tcxd.reports.internal.forms.Texts;

import java.util.ArrayList;
import java.util.List;

/**
 * The rating results as tables for the workbook and the PDF: a summary per class (the paragraph and
 * the comparison as its notes), one table per class with subjects (levels, rated, not rated by
 * reason, open, total; this year and the year before, each share of the rated), and the two
 * consequence lists.
 */
record RatingTables(List<FormTable> tables, List<String> sheetNames) {

    static RatingTables of(Texts t, UnitDetails unit, RatingReport report) {
        RatingDistribution now = report.current();
        RatingDistribution before = report.previous();
        int year = now.period().year();
        ReportPeriod period = new ReportPeriod(now.period().start(), now.period().end());
        String dateLine = t.text("ratings.table.dateLine", String.valueOf(year));
        List<FormTable> tables = new ArrayList<>();
        List<String> sheets = new ArrayList<>();

        List<Column> summaryColumns = List.of(new Column(t.text("ratings.col.total"), false),
                new Column(t.text("ratings.col.rated"), false), new Column(t.text("ratings.col.rank12"), false),
                new Column(t.text("ratings.col.share"), true), new Column(t.text("ratings.col.rank1"), false),
                new Column(t.text("ratings.col.share"), true));
        List<Row> summary = new ArrayList<>();
        int number = 0;
        for (RatingFigures f : now.classes()) {
            if (f.isEmpty()) continue;
            summary.add(new Row(String.valueOf(++number), t.text("ratings.class." + f.subjectClass()), 0, List.of(
                    Cell.count(f.total()), Cell.count(f.rated()), Cell.count(f.goodOrBetter()),
                    Cell.share(f.goodOrBetter(), f.rated()), Cell.count(f.atRank(1)), Cell.share(f.atRank(1), f.rated()))));
        }
        List<String> notes = new ArrayList<>();
        notes.add(t.text("ratings.table.summaryNote"));
        notes.add(report.paragraph());
        if (!report.comparison().isBlank()) notes.add(report.comparison());
        tables.add(new FormTable(null, "", t.text("ratings.table.summary", String.valueOf(year)), unit.id(), unit.name(),
                period, dateLine, summaryColumns, summary, notes));
        sheets.add(t.text("ratings.sheet.summary"));

        for (RatingFigures f : now.classes()) {
            if (f.isEmpty()) continue;
            RatingFigures b = before == null ? null : before.of(f.subjectClass());
            tables.add(classTable(t, unit, period, dateLine, f, b, year));
            sheets.add(t.text("ratings.sheet." + f.subjectClass()));
        }
        if (!report.removal().isEmpty()) {
            tables.add(candidateTable(t, unit, period, dateLine, "ratings.table.removal", report.removal(), year));
            sheets.add(t.text("ratings.sheet.removal"));
        }
        if (!report.commendation().isEmpty()) {
            tables.add(candidateTable(t, unit, period, dateLine, "ratings.table.commendation", report.commendation(), year));
            sheets.add(t.text("ratings.sheet.commendation"));
        }
        return new RatingTables(tables, sheets);
    }

    private static FormTable classTable(Texts t, UnitDetails unit, ReportPeriod period, String dateLine, RatingFigures f,
                                        RatingFigures b, int year) {
        boolean compare = b != null && !b.isEmpty();
        List<Column> columns = new ArrayList<>();
        columns.add(new Column(t.text("ratings.col.year", String.valueOf(year)), false));
        columns.add(new Column(t.text("ratings.col.shareOfRated"), true));
        if (compare) {
            columns.add(new Column(t.text("ratings.col.year", String.valueOf(year - 1)), false));
            columns.add(new Column(t.text("ratings.col.shareOfRated"), true));
        }
        List<Row> rows = new ArrayList<>();
        int number = 0;
        for (RatingFigures.LevelCount level : f.levels()) {
            List<Cell> cells = new ArrayList<>(List.of(Cell.count(level.count()), Cell.share(level.count(), f.rated())));
            if (compare) {
                long then = b.count(level.level());
                cells.add(Cell.count(then));
                cells.add(Cell.share(then, b.rated()));
            }
            rows.add(new Row(String.valueOf(++number), t.text("ratings.level." + level.level()), 1, cells));
        }
        rows.add(new Row(String.valueOf(++number), t.text("ratings.row.rated"), 0, counts(compare, f.rated(),
                compare ? b.rated() : 0)));
        int notRatedNumber = ++number;
        rows.add(new Row(String.valueOf(notRatedNumber), t.text("ratings.row.notRated"), 0, counts(compare,
                f.notRatedTotal(), compare ? b.notRatedTotal() : 0)));
        int sub = 0;
        for (NotRatedReason reason : NotRatedReason.values()) {
            if (f.notRated(reason) == 0 && (!compare || b.notRated(reason) == 0)) continue;
            rows.add(new Row(notRatedNumber + "." + (++sub), t.text("ratings.reason." + reason), 1,
                    counts(compare, f.notRated(reason), compare ? b.notRated(reason) : 0)));
        }
        rows.add(new Row(String.valueOf(++number), t.text("ratings.row.open"), 0, counts(compare, f.open(),
                compare ? b.open() : 0)));
        rows.add(new Row(String.valueOf(++number), t.text("ratings.row.total"), 0, counts(compare, f.total(),
                compare ? b.total() : 0)));
        return new FormTable(null, "", t.text("ratings.table.class", t.text("ratings.class." + f.subjectClass()),
                String.valueOf(year)), unit.id(), unit.name(), period, dateLine, columns, rows,
                List.of(t.text("ratings.table.shareNote")));
    }

    private static List<Cell> counts(boolean compare, long now, long before) {
        return compare ? List.of(Cell.count(now), Cell.empty(), Cell.count(before), Cell.empty())
                : List.of(Cell.count(now), Cell.empty());
    }

    private static FormTable candidateTable(Texts t, UnitDetails unit, ReportPeriod period, String dateLine, String titleKey,
                                            List<RatingCandidate> candidates, int year) {
        List<Row> rows = new ArrayList<>();
        int number = 0;
        for (RatingCandidate c : candidates) {
            rows.add(new Row(String.valueOf(++number), t.text("ratings.candidate.label", c.name(), c.cellName()), 1,
                    List.of(Cell.count(c.years().size()))));
        }
        return new FormTable(null, "", t.text(titleKey, String.valueOf(year)), unit.id(), unit.name(), period, dateLine,
                List.of(new Column(t.text("ratings.col.years"), false)),
                rows, List.of(t.text(titleKey + ".basis")));
    }
}
