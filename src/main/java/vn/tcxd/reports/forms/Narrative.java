package vn.tcxd.reports.forms;

/**
 * The generated report paragraph in the style of the sector's reports: the structure sentence
 * ("Đảng bộ tỉnh có 15 đảng bộ trực thuộc …"), the movements of the period and the composition of
 * the members, each percentage with its base.
 */
public record Narrative(long unitId, ReportPeriod period, String structure, String movements, String composition) {

    public String text() {
        StringBuilder out = new StringBuilder(structure);
        if (!movements.isBlank()) out.append(' ').append(movements);
        if (!composition.isBlank()) out.append(' ').append(composition);
        return out.toString();
    }
}
