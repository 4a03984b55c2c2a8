package vn.tcxd.members.internal.bulk;

import org.jooq.DSLContext;
import vn.tcxd.jooq.orgstructure.tables.UnitTree;
import vn.tcxd.members.MemberHistoryCell;
import vn.tcxd.orgstructure.UnitType;
import vn.tcxd.shared.RuleViolation;
import vn.tcxd.shared.VietnameseFormat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The whole tree's versions (the public view {@code orgstructure.unit_tree}), read once per batch
 * so that "is this unit a cell on that day" costs no query per act.
 */
final class CellCalendar {

    record Version(long unitId, String code, Long parentId, String path, UnitType type, String name, LocalDate from,
                   LocalDate to) {

        boolean covers(LocalDate date) {
            return !date.isBefore(from) && (to == null || date.isBefore(to));
        }
    }

    private final Map<Long, List<Version>> byUnit = new HashMap<>();
    private final Map<String, Long> byCode = new HashMap<>();

    private CellCalendar() {
    }

    static CellCalendar load(DSLContext db) {
        UnitTree t = UnitTree.UNIT_TREE;
        CellCalendar calendar = new CellCalendar();
        db.select(t.UNIT_ID, t.CODE, t.PARENT_ID, t.PATH, t.TYPE, t.NAME, t.VALID_FROM, t.VALID_TO).from(t)
                .orderBy(t.UNIT_ID, t.VALID_FROM)
                .forEach(r -> {
                    Version v = new Version(r.value1(), r.value2(), r.value3(), r.value4(), UnitType.valueOf(r.value5()),
                            r.value6(), r.value7(), r.value8());
                    calendar.byUnit.computeIfAbsent(v.unitId(), k -> new ArrayList<>()).add(v);
                    calendar.byCode.put(v.code(), v.unitId());
                });
        return calendar;
    }

    Optional<Long> idOfCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    Version versionOn(long unitId, LocalDate date) {
        List<Version> versions = byUnit.get(unitId);
        if (versions != null) {
            for (Version v : versions) {
                if (v.covers(date)) {
                    return v;
                }
            }
        }
        return null;
    }

    /** The same rule and messages as the registry's check of a cell on a date. */
    void requireCell(long unitId, LocalDate on, String field) {
        Version unit = versionOn(unitId, on);
        if (unit == null) {
            throw RuleViolation.onField(field, "error.member.unitNotOnDate", VietnameseFormat.date(on));
        }
        if (!unit.type().isCell()) {
            throw RuleViolation.onField(field, "error.member.unitNotCell", unit.name());
        }
    }

    /** Cell periods under {@code rootUnitId} (any of its positions), adjacent versions joined. */
    List<MemberHistoryCell> cells(long rootUnitId) {
        List<Version> roots = byUnit.getOrDefault(rootUnitId, List.of());
        Set<String> rootPaths = new LinkedHashSet<>();
        roots.forEach(v -> rootPaths.add(v.path()));
        List<MemberHistoryCell> cells = new ArrayList<>();
        for (List<Version> versions : byUnit.values()) {
            MemberHistoryCell open = null;
            for (Version v : versions) {
                boolean inside = v.type().isCell() && rootPaths.stream().anyMatch(p -> v.path().startsWith(p));
                if (!inside) {
                    if (open != null) {
                        cells.add(open);
                        open = null;
                    }
                    continue;
                }
                if (open != null && open.to() != null && open.to().equals(v.from())) {
                    open = new MemberHistoryCell(v.unitId(), v.code(), v.parentId(), open.from(), v.to());
                } else {
                    if (open != null) {
                        cells.add(open);
                    }
                    open = new MemberHistoryCell(v.unitId(), v.code(), v.parentId(), v.from(), v.to());
                }
            }
            if (open != null) {
                cells.add(open);
            }
        }
        cells.sort(Comparator.comparing(MemberHistoryCell::unitId).thenComparing(MemberHistoryCell::from));
        return cells;
    }
}
