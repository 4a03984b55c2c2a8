package vn.tcxd.cadres.internal;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import vn.tcxd.cadres.ManagingLevel;
import vn.tcxd.orgstructure.UnitType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static vn.tcxd.jooq.orgstructure.tables.UnitTree.UNIT_TREE;

/**
 * The tree as cadre work needs it, through orgstructure's public view unit_tree: a unit's place on a
 * date (or its last place before it, for units that have ended), names, and who manages a post.
 */
@Repository
class Tree {

    private final DSLContext db;

    Tree(DSLContext db) {
        this.db = db;
    }

    /** A unit's version on a date: path of ids from the root, type and name. */
    record Node(long id, String path, UnitType type, String name) {

        /** The unit and its ancestors, from the unit up to the root. */
        List<Long> chainUp() {
            List<Long> ids = new ArrayList<>();
            for (String part : path.split("/")) {
                if (!part.isEmpty()) {
                    ids.add(Long.parseLong(part));
                }
            }
            return ids.reversed();
        }
    }

    static Condition validOn(LocalDate date) {
        return UNIT_TREE.VALID_FROM.le(date).and(UNIT_TREE.VALID_TO.isNull().or(UNIT_TREE.VALID_TO.gt(date)));
    }

    /**
     * The subtree's path range with its bounds inlined as literals: each subtree is planned for its own size. As bind
     * values, the prepared statement's generic plan for the largest province scanned every version by date (100 ms
     * instead of 20 for the managing units; the same for the planning entries and the due work).
     */
    static Condition inSubtree(String path) {
        return inSubtree(UNIT_TREE, path);
    }

    static Condition inSubtree(vn.tcxd.jooq.orgstructure.tables.UnitTree tree, String path) {
        return tree.PATH.ge(DSL.inline(path)).and(tree.PATH.lt(DSL.inline(upper(path))));
    }

    /** The unit's version valid on the date, else its last version that began before it. */
    Optional<Node> node(long unitId, LocalDate date) {
        return db.select(UNIT_TREE.UNIT_ID, UNIT_TREE.PATH, UNIT_TREE.TYPE, UNIT_TREE.NAME).from(UNIT_TREE)
                .where(UNIT_TREE.UNIT_ID.eq(unitId)).and(UNIT_TREE.VALID_FROM.le(date))
                .orderBy(UNIT_TREE.VALID_FROM.desc()).limit(1)
                .fetchOptional(r -> new Node(r.value1(), r.value2(), UnitType.valueOf(r.value3()), r.value4()));
    }

    /** Only a version valid on the date. */
    Optional<Node> nodeOn(long unitId, LocalDate date) {
        return db.select(UNIT_TREE.UNIT_ID, UNIT_TREE.PATH, UNIT_TREE.TYPE, UNIT_TREE.NAME).from(UNIT_TREE)
                .where(UNIT_TREE.UNIT_ID.eq(unitId)).and(validOn(date))
                .fetchOptional(r -> new Node(r.value1(), r.value2(), UnitType.valueOf(r.value3()), r.value4()));
    }

    /** Each unit's version on the date, else its last one before it (one query). */
    Map<Long, Node> nodes(Collection<Long> unitIds, LocalDate date) {
        Map<Long, Node> result = new HashMap<>();
        if (unitIds.isEmpty()) {
            return result;
        }
        db.selectDistinct(UNIT_TREE.UNIT_ID, UNIT_TREE.PATH, UNIT_TREE.TYPE, UNIT_TREE.NAME, UNIT_TREE.VALID_FROM)
                .on(UNIT_TREE.UNIT_ID).from(UNIT_TREE)
                .where(UNIT_TREE.UNIT_ID.eq(DSL.any(unitIds.toArray(Long[]::new)))).and(UNIT_TREE.VALID_FROM.le(date))
                .orderBy(UNIT_TREE.UNIT_ID, UNIT_TREE.VALID_FROM.desc())
                .forEach(r -> result.put(r.value1(), new Node(r.value1(), r.value2(), UnitType.valueOf(r.value3()), r.value4())));
        // units that began after the date: their first version
        List<Long> missing = unitIds.stream().filter(id -> !result.containsKey(id)).distinct().toList();
        if (!missing.isEmpty()) {
            db.selectDistinct(UNIT_TREE.UNIT_ID, UNIT_TREE.PATH, UNIT_TREE.TYPE, UNIT_TREE.NAME, UNIT_TREE.VALID_FROM)
                    .on(UNIT_TREE.UNIT_ID).from(UNIT_TREE).where(UNIT_TREE.UNIT_ID.eq(DSL.any(missing.toArray(Long[]::new))))
                    .orderBy(UNIT_TREE.UNIT_ID, UNIT_TREE.VALID_FROM)
                    .forEach(r -> result.put(r.value1(), new Node(r.value1(), r.value2(), UnitType.valueOf(r.value3()), r.value4())));
        }
        return result;
    }

    Map<Long, String> names(Collection<Long> unitIds, LocalDate date) {
        Map<Long, String> names = new HashMap<>();
        nodes(unitIds, date).forEach((id, node) -> names.put(id, node.name()));
        return names;
    }

    /**
     * The types of those of the given units that are in the subtree on the date and can manage titles (grassroots and
     * above). Callers look up the units on the paths of the posts they judge, so they ask for those units only rather
     * than for every managing unit of the subtree (about 9,000 of 45,000 versions for the largest province).
     */
    Map<Long, UnitType> managingUnits(String rootPath, LocalDate date, Collection<Long> among) {
        Map<Long, UnitType> result = new HashMap<>();
        if (among.isEmpty()) {
            return result;
        }
        List<String> types = java.util.Arrays.stream(UnitType.values()).filter(t -> ManagingLevel.levelOf(t) > 0)
                .map(Enum::name).toList();
        // one array bind, not one bind per id: the due work of a province asks for ~2,000 units
        db.select(UNIT_TREE.UNIT_ID, UNIT_TREE.TYPE).from(UNIT_TREE)
                .where(UNIT_TREE.UNIT_ID.eq(DSL.any(among.toArray(Long[]::new)))).and(validOn(date))
                .and(inSubtree(rootPath)).and(UNIT_TREE.TYPE.in(types))
                .forEach(r -> result.put(r.value1(), UnitType.valueOf(r.value2())));
        return result;
    }

    /** The ids on the paths (each path's units from the root of the tree down). */
    static java.util.Set<Long> idsOnPaths(Collection<String> paths) {
        java.util.Set<Long> ids = new java.util.HashSet<>();
        for (String path : paths) {
            for (String part : path.split("/")) {
                if (!part.isEmpty()) {
                    ids.add(Long.parseLong(part));
                }
            }
        }
        return ids;
    }

    /** The types of the given units' versions on the date (or their last before it). */
    Map<Long, UnitType> types(Collection<Long> unitIds, LocalDate date) {
        Map<Long, UnitType> types = new HashMap<>();
        nodes(unitIds, date).forEach((id, node) -> types.put(id, node.type()));
        return types;
    }

    /** The manager of a post at the unit on the date: the first unit at or above it of the managing level. */
    Optional<Long> manager(long unitId, ManagingLevel level, LocalDate date) {
        Optional<Node> node = node(unitId, date);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        List<Long> chain = node.get().chainUp();
        return Optional.ofNullable(CadreRules.manager(level, chain, types(chain, date)));
    }

    /** Ids of the units in the subtree of the unit on the date, with their paths. */
    Map<Long, String> subtreePaths(String rootPath, LocalDate date) {
        Map<Long, String> result = new HashMap<>();
        db.select(UNIT_TREE.UNIT_ID, UNIT_TREE.PATH).from(UNIT_TREE).where(validOn(date)).and(inSubtree(rootPath))
                .forEach(r -> result.put(r.value1(), r.value2()));
        return result;
    }

    static String upper(String path) {
        return path.substring(0, path.length() - 1) + "0";
    }
}
