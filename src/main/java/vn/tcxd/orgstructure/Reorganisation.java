package vn.tcxd.orgstructure;

import vn.tcxd.shared.DecisionRef;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The acts that change the tree (sắp xếp tổ chức). Each takes effect on {@code effectiveOn} and
 * carries its decision; nothing before that date changes.
 */
public sealed interface Reorganisation {

    LocalDate effectiveOn();

    DecisionRef decision();

    /** A unit to be created: by establishment, consolidation or split. */
    record NewUnit(String code, String name, String shortName, UnitType type, Long parentId, AdministrativeArea area) {
    }

    /** Thành lập. */
    record Establish(NewUnit unit, LocalDate effectiveOn, DecisionRef decision) implements Reorganisation {
    }

    /** Đổi tên. */
    record Rename(long unitId, String name, String shortName, LocalDate effectiveOn, DecisionRef decision)
            implements Reorganisation {
    }

    /** Chuyển đơn vị (cùng toàn bộ cấp dưới) sang trực thuộc đơn vị khác. */
    record Move(long unitId, long newParentId, LocalDate effectiveOn, DecisionRef decision) implements Reorganisation {
    }

    /** Đổi loại hình, e.g. chi bộ cơ sở → đảng bộ cơ sở when it passes 30 members. */
    record ChangeType(long unitId, UnitType newType, LocalDate effectiveOn, DecisionRef decision)
            implements Reorganisation {
    }

    /** Hợp nhất: A + B (+ …) → a new unit C; the old units end, their subordinates move to C. */
    record Consolidate(List<Long> unitIds, NewUnit into, LocalDate effectiveOn, DecisionRef decision)
            implements Reorganisation {
    }

    /** Sáp nhập: A into B; A ends, its subordinates move to B. */
    record Merge(long unitId, long intoUnitId, LocalDate effectiveOn, DecisionRef decision) implements Reorganisation {
    }

    /**
     * Chia tách: A → B + C (+ …); A ends and each of its subordinates moves to the new unit
     * given by {@code childTargets} (child id → index in {@code into}).
     */
    record Split(long unitId, List<NewUnit> into, Map<Long, Integer> childTargets, LocalDate effectiveOn,
                 DecisionRef decision) implements Reorganisation {
    }

    /** Giải thể: the unit ends; it must have no subordinate units left on that date. */
    record Dissolve(long unitId, LocalDate effectiveOn, DecisionRef decision) implements Reorganisation {
    }
}
