package vn.tcxd.reports.forms;

import java.util.List;
import java.util.Locale;

/**
 * Facade of the report forms: fills the forms of any unit's subtree for a date or period from the
 * statistics engine, writes the narrative, and exports forms as .xlsx (one sheet per form) or as a
 * PDF in party-document layout. Does not check the caller's scope; web layers do that.
 */
public interface ReportForms {

    FormTable fill(ReportForm form, long unitId, ReportPeriod period, Locale locale);

    Narrative narrative(long unitId, ReportPeriod period, Locale locale);

    /** Listener of long exports: called after each form with how many are done of how many. */
    @FunctionalInterface
    interface Progress {
        Progress NONE = (done, total) -> { };

        void formDone(int done, int total);
    }

    byte[] xlsx(List<ReportForm> forms, long unitId, ReportPeriod period, Locale locale, Progress progress);

    byte[] pdf(List<ReportForm> forms, long unitId, ReportPeriod period, Locale locale, Progress progress);
}
