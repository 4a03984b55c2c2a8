package vn.tcxd.cadres;

import java.time.LocalDate;

/**
 * A planning period (giai đoạn quy hoạch), e.g. 2025–2030 locally or 2026–2031 for central titles.
 *
 * @param startsOn when the planned term begins (the congress season): a full term of age counts from it
 */
public record PlanPeriod(String code, String label, boolean central, LocalDate startsOn, LocalDate endsOn) {
}
