package vn.tcxd.reports.internal.forms;

import vn.tcxd.members.CodeList;
import vn.tcxd.orgstructure.StructureCounts;
import vn.tcxd.orgstructure.UnitType;
import vn.tcxd.reports.AgeBands;
import vn.tcxd.reports.Dimension;
import vn.tcxd.reports.MemberTally;
import vn.tcxd.reports.MovementKind;
import vn.tcxd.reports.Movements;
import vn.tcxd.reports.Statistics;
import vn.tcxd.reports.UnitStatistics;
import vn.tcxd.reports.forms.FormTable;
import vn.tcxd.reports.forms.FormTable.Cell;
import vn.tcxd.reports.forms.FormTable.Column;
import vn.tcxd.reports.forms.FormTable.Row;
import vn.tcxd.reports.forms.ReportForm;
import vn.tcxd.reports.forms.ReportPeriod;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Fills one form from the engine's figures. Forms 2–4 show for every line the total, its share of
 * the base named in the column header, and (where the form has them) the women and the
 * probationary members among them, from the engine's subset tallies.
 */
final class FormFiller {

    /** Theory levels in the three groups of biểu 3-TCTW (highest only). */
    static final Map<String, List<String>> THEORY_GROUPS = Map.of(
            "elementary", List.of("SO_CAP"),
            "intermediate", List.of("TRUNG_CAP"),
            "advanced", List.of("CAO_CAP", "CU_NHAN"));
    static final String KINH = "01";
    static final String NO_RELIGION = "KHONG";
    static final String NO_TITLE = "KHONG";

    private final Statistics statistics;
    private final Texts t;

    FormFiller(Statistics statistics, Texts texts) {
        this.statistics = statistics;
        this.t = texts;
    }

    FormTable fill(ReportForm form, long unitId, String unitName, ReportPeriod period) {
        return switch (form) {
            case STRUCTURE -> structure(unitId, unitName, period);
            case MOVEMENTS -> movements(unitId, unitName, period);
            case ADMITTED -> admitted(unitId, unitName, period);
            case QUALITY -> quality(unitId, unitName, period);
            case ETHNICITY_RELIGION -> ethnicityReligion(unitId, unitName, period);
        };
    }

    private FormTable table(ReportForm form, long unitId, String unitName, ReportPeriod period, List<Column> columns,
                            Rows rows, List<String> notes) {
        String dateLine = form.overPeriod()
                ? t.text("forms.period", Texts.date(period.from()), Texts.date(period.to()))
                : t.text("forms.asOf", Texts.date(period.asOf()));
        return new FormTable(form, t.text("reportForm." + form + ".code"), t.text("reportForm." + form + ".title"),
                unitId, unitName, period, dateLine, columns, rows.rows, notes);
    }

    // ---- cơ cấu tổ chức -----------------------------------------------------------------------

    private FormTable structure(long unitId, String unitName, ReportPeriod period) {
        UnitStatistics s = statistics.of(unitId, period.asOf());
        StructureCounts c = s.units();
        long grassroots = c.grassroots();
        Rows rows = new Rows();
        rows.group(t.text("forms.structure.direct"), List.of(Cell.count(c.direct()), Cell.empty()));
        for (UnitType type : UnitType.values()) {
            int n = c.directByType().getOrDefault(type, 0);
            if (n > 0) rows.part(t.text("unitType." + type), List.of(Cell.count(n), Cell.empty()));
        }
        rows.group(t.text("forms.structure.grassroots"), List.of(Cell.count(grassroots), Cell.share(grassroots, grassroots)));
        rows.part(t.text("unitType.GRASSROOTS_COMMITTEE"),
                List.of(Cell.count(c.grassrootsCommittees()), Cell.share(c.grassrootsCommittees(), grassroots)));
        rows.part(t.text("unitType.GRASSROOTS_CELL"),
                List.of(Cell.count(c.grassrootsCells()), Cell.share(c.grassrootsCells(), grassroots)));
        rows.group(t.text("forms.structure.upper"), List.of(Cell.count(c.count(UnitType.UPPER_GRASSROOTS)), Cell.empty()));
        rows.group(t.text("forms.structure.partial"), List.of(Cell.count(c.partialCommittees()), Cell.empty()));
        rows.group(t.text("forms.structure.cells"), List.of(Cell.count(c.cells()), Cell.empty()));
        rows.group(t.text("forms.structure.groups"), List.of(Cell.count(c.count(UnitType.PARTY_GROUP)), Cell.empty()));
        MemberTally m = s.members();
        rows.group(t.text("forms.structure.members"), List.of(Cell.count(m.total()), Cell.empty()));
        rows.part(t.text("forms.members.full"), List.of(Cell.count(m.full()), Cell.empty()));
        rows.part(t.text("forms.members.probationary"), List.of(Cell.count(m.probationary()), Cell.empty()));
        List<Column> columns = List.of(new Column(t.text("forms.col.count"), false),
                new Column(t.text("forms.col.shareOfGrassroots", Texts.number(grassroots)), true));
        return table(ReportForm.STRUCTURE, unitId, unitName, period, columns, rows, List.of(t.text("forms.note.structure")));
    }

    // ---- biểu 1-TCTW --------------------------------------------------------------------------

    private FormTable movements(long unitId, String unitName, ReportPeriod period) {
        Movements m = statistics.movements(unitId, period.from(), period.to());
        long base = m.opening();
        Rows rows = new Rows();
        rows.group(t.text("forms.movements.opening", Texts.date(period.from().minusDays(1))), counted(m.opening(), base));
        rows.group(t.text("forms.movements.increases"), counted(m.increases(), base));
        for (MovementKind k : List.of(MovementKind.ADMITTED, MovementKind.READMITTED,
                MovementKind.TRANSFERRED_IN_WITHIN_PROVINCE, MovementKind.TRANSFERRED_IN_FROM_OTHER_PROVINCE)) {
            rows.part(t.text("forms.movement." + k), counted(m.count(k), base));
        }
        rows.group(t.text("forms.movements.decreases"), counted(m.decreases(), base));
        for (MovementKind k : List.of(MovementKind.TRANSFERRED_OUT_WITHIN_PROVINCE,
                MovementKind.TRANSFERRED_OUT_TO_OTHER_PROVINCE, MovementKind.DIED, MovementKind.REMOVED,
                MovementKind.NOT_RECOGNISED, MovementKind.EXPELLED, MovementKind.LEFT)) {
            rows.part(t.text("forms.movement." + k), counted(m.count(k), base));
        }
        rows.group(t.text("forms.movement.REORGANISED"), counted(m.count(MovementKind.REORGANISED), base));
        rows.group(t.text("forms.movements.closing", Texts.date(period.to())), counted(m.closing(), base));
        rows.group(t.text("forms.movements.within"), List.of(Cell.empty(), Cell.empty()));
        rows.part(t.text("forms.movement.RECOGNISED"), counted(m.count(MovementKind.RECOGNISED), base));
        rows.part(t.text("forms.movement.EXEMPTED"), counted(m.count(MovementKind.EXEMPTED), base));
        List<Column> columns = List.of(new Column(t.text("forms.col.count"), false),
                new Column(t.text("forms.col.shareOfOpening", Texts.number(base)), true));
        return table(ReportForm.MOVEMENTS, unitId, unitName, period, columns, rows, List.of(t.text("forms.note.movements")));
    }

    private static List<Cell> counted(long n, long base) {
        return List.of(Cell.count(n), Cell.share(n, base));
    }

    // ---- biểu 2-TCTW --------------------------------------------------------------------------

    private FormTable admitted(long unitId, String unitName, ReportPeriod period) {
        var both = inParallel(() -> statistics.admitted(unitId, period.from(), period.to()),
                () -> statistics.admitted(unitId, period.from(), period.to(), Dimension.GENDER, "FEMALE"));
        MemberTally all = both.first();
        MemberTally women = both.second();
        Tallies x = new Tallies(List.of(all, women));
        Rows rows = new Rows();
        rows.group(t.text("forms.admitted.total"), x.cells(MemberTally::total));
        rows.group(t.text("forms.group.gender"), x.heading());
        rows.part(t.text("forms.gender.MALE"), x.cells(tally -> tally.count(Dimension.GENDER, "MALE")));
        rows.part(t.text("forms.gender.FEMALE"), x.cells(MemberTally::female));
        ageRows(rows, x, period.to());
        rows.group(t.text("forms.group.ethnicity"), x.heading());
        rows.part(t.text("forms.ethnicity.kinh"), x.cells(tally -> tally.count(Dimension.ETHNICITY, KINH)));
        rows.part(t.text("forms.ethnicity.minority"), x.cells(FormFiller::minorities));
        blankRow(rows, x, Dimension.ETHNICITY);
        religionRows(rows, x, false);
        codeRows(rows, x, "forms.group.education", Dimension.EDUCATION, CodeList.EDUCATION, Set.of());
        codeRows(rows, x, "forms.group.professional", Dimension.PROFESSIONAL, CodeList.PROFESSIONAL, Set.of());
        theoryRows(rows, x);
        codeRows(rows, x, "forms.group.occupation", Dimension.OCCUPATION, CodeList.OCCUPATION, Set.of());
        List<Column> columns = List.of(new Column(t.text("forms.col.total"), false),
                new Column(t.text("forms.col.shareOfAdmitted", Texts.number(all.total())), true),
                new Column(t.text("forms.col.female"), false));
        return table(ReportForm.ADMITTED, unitId, unitName, period, columns, rows,
                List.of(t.text("forms.note.admitted"), t.text("forms.note.age")));
    }

    // ---- biểu 3-TCTW --------------------------------------------------------------------------

    private FormTable quality(long unitId, String unitName, ReportPeriod period) {
        Tallies x = onDate(unitId, period.asOf());
        Rows rows = new Rows();
        rows.group(t.text("forms.members.total"), x.cells(MemberTally::total));
        rows.part(t.text("forms.members.exempt"), x.cells(MemberTally::exempt));
        ageRows(rows, x, period.asOf());
        codeRows(rows, x, "forms.group.education", Dimension.EDUCATION, CodeList.EDUCATION, Set.of());
        codeRows(rows, x, "forms.group.professional", Dimension.PROFESSIONAL, CodeList.PROFESSIONAL, Set.of());
        rows.group(t.text("forms.group.academicTitle"), x.heading());
        t.codes(CodeList.ACADEMIC_TITLE).forEach((code, label) -> {
            if (!NO_TITLE.equals(code)) rows.part(label, x.cells(tally -> tally.count(Dimension.ACADEMIC_TITLE, code)));
        });
        theoryRows(rows, x);
        codeRows(rows, x, "forms.group.stateManagement", Dimension.STATE_MANAGEMENT, CodeList.STATE_MANAGEMENT, Set.of());
        List<Column> columns = memberColumns(x);
        return table(ReportForm.QUALITY, unitId, unitName, period, columns, rows,
                List.of(t.text("forms.note.age"), t.text("forms.note.highest")));
    }

    // ---- biểu 4-TCTW --------------------------------------------------------------------------

    private FormTable ethnicityReligion(long unitId, String unitName, ReportPeriod period) {
        Tallies x = onDate(unitId, period.asOf());
        Rows rows = new Rows();
        rows.group(t.text("forms.members.total"), x.cells(MemberTally::total));
        rows.group(t.text("forms.group.ethnicity"), x.heading());
        rows.part(t.text("forms.ethnicity.minority"), x.cells(FormFiller::minorities));
        t.codes(CodeList.ETHNICITY).forEach((code, label) ->
                rows.part(label, x.cells(tally -> tally.count(Dimension.ETHNICITY, code))));
        blankRow(rows, x, Dimension.ETHNICITY);
        religionRows(rows, x, true);
        return table(ReportForm.ETHNICITY_RELIGION, unitId, unitName, period, memberColumns(x), rows,
                List.of(t.text("forms.note.ethnicity")));
    }

    // ---- shared groups ------------------------------------------------------------------------

    private Tallies onDate(long unitId, LocalDate asOf) {
        // three scans of the roll for past dates: run them side by side
        var both = inParallel(() -> statistics.of(unitId, asOf).members(),
                () -> statistics.of(unitId, asOf, Dimension.GENDER, "FEMALE"));
        MemberTally probationary = statistics.of(unitId, asOf, Dimension.STATUS, "PROBATIONARY");
        return new Tallies(List.of(both.first(), both.second(), probationary));
    }

    record Pair<A, B>(A first, B second) {
    }

    /** Runs {@code second} on a virtual thread while {@code first} runs here; each in its own transaction. */
    static <A, B> Pair<A, B> inParallel(Supplier<A> first, Supplier<B> second) {
        CompletableFuture<B> other = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                other.complete(second.get());
            } catch (Throwable e) {
                other.completeExceptionally(e);
            }
        });
        A a = first.get();
        try {
            return new Pair<>(a, other.join());
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) throw runtime;
            throw e;
        }
    }

    private List<Column> memberColumns(Tallies x) {
        return List.of(new Column(t.text("forms.col.total"), false),
                new Column(t.text("forms.col.shareOfMembers", Texts.number(x.base())), true),
                new Column(t.text("forms.col.female"), false),
                new Column(t.text("forms.col.probationary"), false));
    }

    private void ageRows(Rows rows, Tallies x, LocalDate asOf) {
        AgeBands bands = AgeBands.FORM_3_TCTW;
        rows.group(t.text("forms.group.age"), x.heading());
        List<Integer> upper = bands.upperBounds();
        for (int i = 0; i <= upper.size(); i++) {
            int band = i;
            String label = i == 0 ? t.text("forms.age.upTo", String.valueOf(upper.getFirst()))
                    : i == upper.size() ? t.text("forms.age.over", String.valueOf(upper.getLast()))
                    : t.text("forms.age.band", String.valueOf(upper.get(i - 1) + 1), String.valueOf(upper.get(i)));
            rows.part(label, x.cells(tally -> inBand(tally, bands, band, asOf)));
        }
    }

    static long inBand(MemberTally tally, AgeBands bands, int band, LocalDate asOf) {
        long n = 0;
        for (var e : tally.by(Dimension.BIRTH_YEAR).entrySet()) {
            if (bands.bandOf(AgeBands.age(Integer.parseInt(e.getKey()), asOf)) == band) n += e.getValue();
        }
        return n;
    }

    static long minorities(MemberTally tally) {
        long n = 0;
        for (var e : tally.by(Dimension.ETHNICITY).entrySet()) {
            if (!KINH.equals(e.getKey()) && !MemberTally.NONE.equals(e.getKey())) n += e.getValue();
        }
        return n;
    }

    static long religious(MemberTally tally) {
        long n = 0;
        for (var e : tally.by(Dimension.RELIGION).entrySet()) {
            if (!NO_RELIGION.equals(e.getKey()) && !MemberTally.NONE.equals(e.getKey())) n += e.getValue();
        }
        return n;
    }

    private void religionRows(Rows rows, Tallies x, boolean everyReligion) {
        rows.group(t.text("forms.group.religion"), x.heading());
        rows.part(t.text("forms.religion.any"), x.cells(FormFiller::religious));
        t.codes(CodeList.RELIGION).forEach((code, label) -> {
            if (NO_RELIGION.equals(code)) return;
            if (everyReligion || x.any(tally -> tally.count(Dimension.RELIGION, code))) {
                rows.part(label, x.cells(tally -> tally.count(Dimension.RELIGION, code)));
            }
        });
        rows.part(t.text("forms.religion.none"), x.cells(tally -> tally.count(Dimension.RELIGION, NO_RELIGION)));
        blankRow(rows, x, Dimension.RELIGION);
    }

    private void theoryRows(Rows rows, Tallies x) {
        rows.group(t.text("forms.group.theory"), x.heading());
        for (String group : List.of("elementary", "intermediate", "advanced")) {
            List<String> codes = THEORY_GROUPS.get(group);
            rows.part(t.text("forms.theory." + group), x.cells(tally ->
                    codes.stream().mapToLong(code -> tally.count(Dimension.THEORY, code)).sum()));
        }
        rows.part(t.text("forms.theory.none"), x.cells(tally -> tally.count(Dimension.THEORY, "KHONG")));
        blankRow(rows, x, Dimension.THEORY);
    }

    private void codeRows(Rows rows, Tallies x, String groupKey, Dimension dimension, CodeList list, Set<String> skip) {
        rows.group(t.text(groupKey), x.heading());
        t.codes(list).forEach((code, label) -> {
            if (!skip.contains(code)) rows.part(label, x.cells(tally -> tally.count(dimension, code)));
        });
        blankRow(rows, x, dimension);
    }

    /** "Chưa khai": members with the field blank, shown only when there are any. */
    private void blankRow(Rows rows, Tallies x, Dimension dimension) {
        if (x.any(tally -> tally.count(dimension, MemberTally.NONE))) {
            rows.part(t.text("forms.blank"), x.cells(tally -> tally.count(dimension, MemberTally.NONE)));
        }
    }

    /** The tallies behind the columns: the first is all members (the share's base), then the subsets. */
    private record Tallies(List<MemberTally> tallies) {

        long base() {
            return tallies.getFirst().total();
        }

        List<Cell> cells(ToLongFunction<MemberTally> figure) {
            List<Cell> cells = new ArrayList<>();
            long all = figure.applyAsLong(tallies.getFirst());
            cells.add(Cell.count(all));
            cells.add(Cell.share(all, base()));
            for (MemberTally subset : tallies.subList(1, tallies.size())) cells.add(Cell.count(figure.applyAsLong(subset)));
            return cells;
        }

        List<Cell> heading() {
            List<Cell> cells = new ArrayList<>();
            for (int i = 0; i <= tallies.size(); i++) cells.add(Cell.empty());
            return cells;
        }

        boolean any(ToLongFunction<MemberTally> figure) {
            return tallies.stream().anyMatch(tally -> figure.applyAsLong(tally) != 0);
        }
    }

    /** Numbers rows as the forms do: groups 1, 2, 3 …; their parts 2.1, 2.2 …. */
    private static final class Rows {
        final List<Row> rows = new ArrayList<>();
        int group;
        int part;

        void group(String label, List<Cell> cells) {
            group++;
            part = 0;
            rows.add(new Row(String.valueOf(group), label, 0, cells));
        }

        void part(String label, List<Cell> cells) {
            part++;
            rows.add(new Row(group + "." + part, label, 1, cells));
        }
    }
}
