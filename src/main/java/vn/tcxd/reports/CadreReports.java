package vn.tcxd.reports;

import vn.tcxd.reports.forms.FormTable;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Statistics of cadre work in the statistics module's conventions (every share names its base): the
 * structure of a unit's committee as at a date, of the cadres planned for a period, and the committee
 * its last congress elected; as tables, .xlsx and PDF in party-document layout. Figures come from the
 * cadres module, never typed in. Does not check the caller's scope; web layers do.
 */
public interface CadreReports {

    List<FormTable> tables(long unitId, LocalDate asOf, String periodCode, Locale locale);

    byte[] xlsx(long unitId, LocalDate asOf, String periodCode, Locale locale);

    byte[] pdf(long unitId, LocalDate asOf, String periodCode, Locale locale);
}
