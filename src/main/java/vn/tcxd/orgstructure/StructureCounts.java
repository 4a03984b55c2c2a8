package vn.tcxd.orgstructure;

import java.time.LocalDate;
import java.util.Map;

/**
 * Structure counts of a unit's subtree as at a date (the unit itself excluded), in the terms the
 * reports use: TCCSĐ split into đảng bộ cơ sở / chi bộ cơ sở, đảng bộ bộ phận, chi bộ trực thuộc,
 * and the directly subordinate organisations with how many of them are grassroots.
 */
public record StructureCounts(long unitId, LocalDate asOf, Map<UnitType, Integer> byType,
                              Map<UnitType, Integer> directByType) {

    public int count(UnitType type) {
        return byType.getOrDefault(type, 0);
    }

    public int grassroots() {
        return count(UnitType.GRASSROOTS_COMMITTEE) + count(UnitType.GRASSROOTS_CELL);
    }

    public int grassrootsCommittees() {
        return count(UnitType.GRASSROOTS_COMMITTEE);
    }

    public int grassrootsCells() {
        return count(UnitType.GRASSROOTS_CELL);
    }

    public int partialCommittees() {
        return count(UnitType.PARTIAL_COMMITTEE);
    }

    public int cells() {
        return count(UnitType.CELL);
    }

    public int direct() {
        return directByType.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int directGrassroots() {
        return directByType.getOrDefault(UnitType.GRASSROOTS_COMMITTEE, 0)
                + directByType.getOrDefault(UnitType.GRASSROOTS_CELL, 0);
    }

    public int total() {
        return byType.values().stream().mapToInt(Integer::intValue).sum();
    }
}
