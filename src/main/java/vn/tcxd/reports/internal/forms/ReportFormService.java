package vn.tcxd.reports.internal.forms;

import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.tcxd.members.MemberChanged;
import vn.tcxd.members.MemberImportCompleted;
import vn.tcxd.orgstructure.UnitsReorganised;
import org.springframework.stereotype.Service;
import vn.tcxd.members.Members;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.UnitDetails;
import vn.tcxd.reports.Statistics;
import vn.tcxd.reports.forms.FormTable;
import vn.tcxd.reports.forms.Narrative;
import vn.tcxd.reports.forms.ReportForm;
import vn.tcxd.reports.forms.ReportForms;
import vn.tcxd.reports.forms.ReportPeriod;
import vn.tcxd.shared.NotFound;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Fills forms from the statistics engine and hands them to the workbook and PDF writers. Filled
 * forms and narratives of past dates are kept until the next change of the roll or the tree (any
 * change may be back-dated), so switching forms and exporting what is on screen is instant.
 */
@Service
class ReportFormService implements ReportForms {

    private static final int KEPT = 500;

    private record Key(String what, long unitId, ReportPeriod period, Locale locale) {
    }

    private final Map<Key, Object> kept = new ConcurrentHashMap<>();

    private final Statistics statistics;
    private final OrgStructure org;
    private final Members members;
    private final MessageSource messages;
    private final Clock clock;

    ReportFormService(Statistics statistics, OrgStructure org, Members members, MessageSource messages, Clock clock) {
        this.statistics = statistics;
        this.org = org;
        this.members = members;
        this.messages = messages;
        this.clock = clock;
    }

    private Texts texts(Locale locale) {
        return new Texts(messages, members, locale);
    }

    /** The unit as it was at the end of the period (its name on the form), or as it was last. */
    UnitDetails unit(long unitId, LocalDate asOf) {
        return org.unit(unitId, asOf).or(() -> org.lastKnown(unitId)).orElseThrow(() -> new NotFound("unit " + unitId));
    }

    @Override
    public FormTable fill(ReportForm form, long unitId, ReportPeriod period, Locale locale) {
        return remembered(new Key(form.name(), unitId, period, locale), () -> {
            UnitDetails unit = unit(unitId, period.asOf());
            return new FormFiller(statistics, texts(locale)).fill(form, unitId, unit.name(), period);
        });
    }

    @Override
    public Narrative narrative(long unitId, ReportPeriod period, Locale locale) {
        return remembered(new Key("NARRATIVE", unitId, period, locale), () -> {
            UnitDetails unit = unit(unitId, period.asOf());
            var figures = FormFiller.inParallel(() -> statistics.of(unitId, period.asOf()),
                    () -> statistics.movements(unitId, period.from(), period.to()));
            return new NarrativeWriter(texts(locale)).write(unit, figures.first(), figures.second(), period);
        });
    }

    @SuppressWarnings("unchecked")
    private <T> T remembered(Key key, Supplier<T> compute) {
        if (!period(key).to().isBefore(LocalDate.now(clock))) return compute.get();
        Object found = kept.get(key);
        if (found != null) return (T) found;
        T value = compute.get();
        if (kept.size() >= KEPT) kept.clear();
        kept.put(key, value);
        return value;
    }

    private static ReportPeriod period(Key key) {
        return key.period();
    }

    /** Any change of the roll or the tree may be back-dated: forget every filled form. */
    @EventListener
    void on(MemberChanged changed) {
        kept.clear();
    }

    @EventListener
    void on(MemberImportCompleted imported) {
        kept.clear();
    }

    @EventListener
    void on(UnitsReorganised reorganised) {
        kept.clear();
    }

    /** Again after the commit, for forms filled while the change was being written. */
    @TransactionalEventListener(fallbackExecution = true)
    void afterCommit(MemberChanged changed) {
        kept.clear();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void afterCommit(MemberImportCompleted imported) {
        kept.clear();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void afterCommit(UnitsReorganised reorganised) {
        kept.clear();
    }

    private List<FormTable> fillAll(List<ReportForm> forms, long unitId, ReportPeriod period, Locale locale,
                                    Progress progress) {
        List<FormTable> tables = new ArrayList<>();
        for (ReportForm form : forms) {
            tables.add(fill(form, unitId, period, locale));
            progress.formDone(tables.size(), forms.size());
        }
        return tables;
    }

    @Override
    public byte[] xlsx(List<ReportForm> forms, long unitId, ReportPeriod period, Locale locale, Progress progress) {
        List<FormTable> tables = fillAll(forms, unitId, period, locale, progress);
        return new FormWorkbook(texts(locale)).write(tables);
    }

    @Override
    public byte[] pdf(List<ReportForm> forms, long unitId, ReportPeriod period, Locale locale, Progress progress) {
        List<FormTable> tables = fillAll(forms, unitId, period, locale, progress);
        UnitDetails unit = unit(unitId, period.asOf());
        UnitDetails parent = unit.parent() == null ? null : unit(unit.parent().id(), period.asOf());
        return new FormPdf(texts(locale)).write(unit, parent, tables, LocalDate.now(clock));
    }
}
