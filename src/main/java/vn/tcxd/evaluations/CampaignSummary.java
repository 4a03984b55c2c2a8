package vn.tcxd.evaluations;

import java.time.LocalDate;

/**
 * A review campaign: a period opened for a unit's subtree, with the scheme it is judged under and
 * the date whose roll and tree made its subjects.
 */
public record CampaignSummary(long id, long unitId, String unitName, Period period, String schemeCode,
                              String schemeName, LocalDate openedOn, String openedBy, LocalDate rollDate) {
}
