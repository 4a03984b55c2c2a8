package vn.tcxd.reports.internal.cadres;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tcxd.cadres.CadreProfile;
import vn.tcxd.cadres.Cadres;
import vn.tcxd.cadres.CongressFigures;
import vn.tcxd.cadres.PlanPeriod;
import vn.tcxd.cadres.Term;
import vn.tcxd.members.CodeList;
import vn.tcxd.members.Members;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.UnitDetails;
import vn.tcxd.reports.CadreReports;
import vn.tcxd.reports.forms.FormTable;
import vn.tcxd.reports.forms.FormTable.Cell;
import vn.tcxd.reports.forms.FormTable.Column;
import vn.tcxd.reports.forms.FormTable.Row;
import vn.tcxd.reports.forms.ReportPeriod;
import vn.tcxd.reports.internal.forms.FormPdf;
import vn.tcxd.reports.internal.forms.FormWorkbook;
import vn.tcxd.reports.internal.forms.Texts;
import vn.tcxd.shared.NotFound;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cadre tables: a profile (total, women, ethnic minorities, age bands, political theory, general
 * education) of the committee as at the date and of the planned cadres, each share a percentage of
 * the group's total named in its column; and the composition of the committee the unit's latest
 * congress elected (re-elected, new, women, under 40, ethnic minorities, shares of those elected).
 */
@Service
@Transactional(readOnly = true)
class CadreReportService implements CadreReports {

    private final Cadres cadres;
    private final OrgStructure org;
    private final Members members;
    private final MessageSource messages;
    private final Clock clock;

    CadreReportService(Cadres cadres, OrgStructure org, Members members, MessageSource messages, Clock clock) {
        this.cadres = cadres;
        this.org = org;
        this.members = members;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public List<FormTable> tables(long unitId, LocalDate asOf, String periodCode, Locale locale) {
        Texts t = new Texts(messages, members, locale);
        UnitDetails unit = unit(unitId, asOf);
        ReportPeriod period = ReportPeriod.asOf(asOf);
        String dateLine = t.text("cadreReports.dateLine", Texts.date(asOf));
        List<FormTable> tables = new ArrayList<>();
        tables.add(profile(t, unit, period, dateLine, t.text("cadreReports.table.committee"),
                t.text("cadreReports.base.committee"), cadres.committeeProfile(unitId, asOf)));
        PlanPeriod plan = cadres.periods().stream().filter(p -> p.code().equals(periodCode)).findFirst()
                .orElseThrow(() -> new NotFound("period " + periodCode));
        tables.add(profile(t, unit, period, dateLine, t.text("cadreReports.table.planned", plan.label()),
                t.text("cadreReports.base.planned"), cadres.planProfile(unitId, periodCode, asOf)));
        cadres.terms(unitId).stream().filter(Term::congress).filter(term -> !term.startsOn().isAfter(asOf)).findFirst()
                .ifPresent(term -> tables.add(congress(t, unit, period, cadres.congress(term.id()))));
        return tables;
    }

    private FormTable profile(Texts t, UnitDetails unit, ReportPeriod period, String dateLine, String title, String base,
                              CadreProfile p) {
        List<Column> columns = List.of(new Column(t.text("cadreReports.col.count"), false),
                new Column(t.text("cadreReports.col.share", base), true));
        List<Row> rows = new ArrayList<>();
        long total = p.total();
        rows.add(new Row("1", t.text("cadreReports.row.total"), 0, List.of(Cell.count(total), Cell.empty())));
        rows.add(new Row("2", t.text("cadreReports.row.women"), 0, share(p.women(), total)));
        rows.add(new Row("3", t.text("cadreReports.row.minorities"), 0, share(p.minorities(), total)));
        rows.add(new Row("4", t.text("cadreReports.row.age"), 0, List.of(Cell.empty(), Cell.empty())));
        int n = 0;
        for (var band : CadreProfile.AgeBand.values()) {
            rows.add(new Row("4." + (++n), t.text("ageBand." + band.name()), 1, share(p.ageBands().getOrDefault(band, 0L), total)));
        }
        coded(t, rows, "5", t.text("cadreReports.row.theory"), t.codes(CodeList.THEORY), p.theory(), total);
        coded(t, rows, "6", t.text("cadreReports.row.education"), t.codes(CodeList.EDUCATION), p.education(), total);
        return new FormTable(null, "", title, unit.id(), unit.name(), period, dateLine, columns, rows,
                List.of(t.text("cadreReports.note.base", base)));
    }

    private static void coded(Texts t, List<Row> rows, String number, String heading, Map<String, String> labels,
                              Map<String, Long> counts, long total) {
        rows.add(new Row(number, heading, 0, List.of(Cell.empty(), Cell.empty())));
        int n = 0;
        for (var e : labels.entrySet()) {
            rows.add(new Row(number + "." + (++n), e.getValue(), 1, share(counts.getOrDefault(e.getKey(), 0L), total)));
        }
        long unknown = counts.getOrDefault("", 0L);
        if (unknown > 0) {
            rows.add(new Row(number + "." + (++n), t.text("cadreReports.row.unknown"), 1, share(unknown, total)));
        }
    }

    private FormTable congress(Texts t, UnitDetails unit, ReportPeriod period, CongressFigures f) {
        String base = t.text("cadreReports.base.elected");
        List<Column> columns = List.of(new Column(t.text("cadreReports.col.count"), false),
                new Column(t.text("cadreReports.col.share", base), true));
        long elected = f.elected();
        List<Row> rows = List.of(
                new Row("1", t.text("cadreReports.row.elected"), 0, List.of(Cell.count(elected), Cell.empty())),
                new Row("2", t.text("cadreReports.row.reElected"), 1, share(f.reElected(), elected)),
                new Row("3", t.text("cadreReports.row.new"), 1, share(f.newMembers(), elected)),
                new Row("4", t.text("cadreReports.row.women"), 1, share(f.women(), elected)),
                new Row("5", t.text("cadreReports.row.under40"), 1, share(f.under40(), elected)),
                new Row("6", t.text("cadreReports.row.minorities"), 1, share(f.minorities(), elected)));
        String title = t.text("cadreReports.table.congress", f.term().label());
        String line = f.term().congressName() == null
                ? t.text("cadreReports.congressLine", Texts.date(f.term().congressDate()))
                : f.term().congressName() + ", " + t.text("cadreReports.congressLine", Texts.date(f.term().congressDate()));
        List<String> notes = new ArrayList<>();
        notes.add(t.text("cadreReports.note.base", base));
        notes.add(f.previous() == null ? t.text("cadreReports.note.noPrevious")
                : t.text("cadreReports.note.previous", f.previous().label()));
        return new FormTable(null, "", title, unit.id(), unit.name(), period, line, columns, rows, notes);
    }

    private static List<Cell> share(long value, long base) {
        return List.of(Cell.count(value), Cell.share(value, base));
    }

    @Override
    public byte[] xlsx(long unitId, LocalDate asOf, String periodCode, Locale locale) {
        Texts t = new Texts(messages, members, locale);
        List<FormTable> tables = tables(unitId, asOf, periodCode, locale);
        List<String> sheets = new ArrayList<>(List.of(t.text("cadreReports.sheet.committee"), t.text("cadreReports.sheet.planned")));
        if (tables.size() > 2) sheets.add(t.text("cadreReports.sheet.congress"));
        return new FormWorkbook(t).write(tables, sheets);
    }

    @Override
    public byte[] pdf(long unitId, LocalDate asOf, String periodCode, Locale locale) {
        Texts t = new Texts(messages, members, locale);
        UnitDetails unit = unit(unitId, asOf);
        UnitDetails parent = unit.parent() == null ? null : unit(unit.parent().id(), asOf);
        return new FormPdf(t).write(unit, parent, tables(unitId, asOf, periodCode, locale), LocalDate.now(clock));
    }

    private UnitDetails unit(long unitId, LocalDate asOf) {
        return org.unit(unitId, asOf).or(() -> org.lastKnown(unitId)).orElseThrow(() -> new NotFound("unit " + unitId));
    }
}
