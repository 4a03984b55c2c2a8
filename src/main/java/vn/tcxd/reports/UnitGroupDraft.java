package vn.tcxd.reports;

import java.util.List;

/**
 * What a user asks a group to be: its name, its units (in display order) and, to share it, the unit
 * within which it is seen ({@code null}: only the owner sees it).
 */
public record UnitGroupDraft(String name, List<Long> unitIds, Long sharedUnitId) {

    public UnitGroupDraft {
        unitIds = unitIds == null ? List.of() : List.copyOf(unitIds);
    }
}
