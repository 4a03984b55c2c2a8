package vn.tcxd.orgstructure.internal;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import vn.tcxd.jooq.orgstructure.tables.UnitVersion;
import vn.tcxd.orgstructure.AdministrativeArea;
import vn.tcxd.orgstructure.LineageLink;
import vn.tcxd.orgstructure.UnitHistoryEntry;
import vn.tcxd.orgstructure.UnitSummary;
import vn.tcxd.orgstructure.UnitType;
import vn.tcxd.shared.DecisionRef;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static vn.tcxd.jooq.orgstructure.Tables.LINEAGE;
import static vn.tcxd.jooq.orgstructure.Tables.OPERATION;
import static vn.tcxd.jooq.orgstructure.Tables.UNIT;
import static vn.tcxd.jooq.orgstructure.Tables.UNIT_EVENT;
import static vn.tcxd.jooq.orgstructure.Tables.UNIT_VERSION;

/**
 * Typed SQL over the effective-dated tree. A version is valid on d when
 * {@code valid_from <= d and (valid_to is null or valid_to > d)}.
 */
@Repository
class TreeRepository {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final DSLContext db;
    private final ObjectMapper json;

    TreeRepository(DSLContext db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    static Condition validOn(UnitVersion v, LocalDate date) {
        return v.VALID_FROM.le(date).and(v.VALID_TO.isNull().or(v.VALID_TO.gt(date)));
    }

    static Condition inSubtree(UnitVersion v, String rootPath) {
        return v.PATH.ge(rootPath).and(v.PATH.lt(Paths.upperBound(rootPath)));
    }

    static Field<String> vietnameseOrder(Field<String> field) {
        return DSL.field("{0} collate \"vi-VN-x-icu\"", String.class, field);
    }

    // ---- reads ------------------------------------------------------------------------------

    Optional<VersionRow> versionAt(long unitId, LocalDate date) {
        return db.selectFrom(UNIT_VERSION)
                .where(UNIT_VERSION.UNIT_ID.eq(unitId).and(validOn(UNIT_VERSION, date)))
                .fetchOptional(this::toRow);
    }

    Optional<VersionRow> latest(long unitId) {
        return db.selectFrom(UNIT_VERSION)
                .where(UNIT_VERSION.UNIT_ID.eq(unitId))
                .orderBy(UNIT_VERSION.VALID_FROM.desc())
                .limit(1)
                .fetchOptional(this::toRow);
    }

    List<VersionRow> versionsAt(Collection<Long> unitIds, LocalDate date) {
        return db.selectFrom(UNIT_VERSION)
                .where(UNIT_VERSION.UNIT_ID.in(unitIds).and(validOn(UNIT_VERSION, date)))
                .fetch(this::toRow);
    }

    Optional<Long> idOfCode(String code) {
        return db.select(UNIT.ID).from(UNIT).where(UNIT.CODE.eq(code)).fetchOptional(UNIT.ID);
    }

    boolean codeExists(String code) {
        return db.fetchExists(UNIT, UNIT.CODE.eq(code));
    }

    record UnitRow(long id, String code, LocalDate establishedOn, LocalDate dissolvedOn, long establishedBy) {
    }

    Optional<UnitRow> unitRow(long unitId) {
        return db.select(UNIT.ID, UNIT.CODE, UNIT.ESTABLISHED_ON, UNIT.DISSOLVED_ON, UNIT.ESTABLISHED_BY)
                .from(UNIT).where(UNIT.ID.eq(unitId))
                .fetchOptional(r -> new UnitRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    Optional<DecisionRef> decisionOf(long operationId) {
        return db.select(OPERATION.DECISION_NUMBER, OPERATION.DECISION_DATE, OPERATION.DECISION_BODY)
                .from(OPERATION).where(OPERATION.ID.eq(operationId))
                .fetchOptional(r -> new DecisionRef(r.value1(), r.value2(), r.value3()));
    }

    List<UnitSummary> children(long parentId, LocalDate date) {
        return summaries(UNIT_VERSION.PARENT_ID.eq(parentId), date);
    }

    List<UnitSummary> roots(LocalDate date) {
        return summaries(UNIT_VERSION.PARENT_ID.isNull(), date);
    }

    private List<UnitSummary> summaries(Condition where, LocalDate date) {
        UnitVersion child = UNIT_VERSION.as("c");
        Field<Integer> childCount = DSL.field(DSL.selectCount().from(child)
                .where(child.PARENT_ID.eq(UNIT_VERSION.UNIT_ID).and(validOn(child, date))));
        return db.select(UNIT_VERSION.UNIT_ID, UNIT.CODE, UNIT_VERSION.NAME, UNIT_VERSION.SHORT_NAME,
                        UNIT_VERSION.TYPE, UNIT_VERSION.PARENT_ID, UNIT_VERSION.DEPTH, childCount)
                .from(UNIT_VERSION).join(UNIT).on(UNIT.ID.eq(UNIT_VERSION.UNIT_ID))
                .where(where.and(validOn(UNIT_VERSION, date)))
                .orderBy(vietnameseOrder(UNIT_VERSION.NAME), UNIT.CODE)
                .fetch(r -> new UnitSummary(r.value1(), r.value2(), r.value3(), r.value4(), UnitType.valueOf(r.value5()),
                        r.value6(), r.value7(), r.value8()));
    }

    /** Ancestors from the root down to the parent, as at {@code date}. */
    List<UnitSummary> ancestors(VersionRow row, LocalDate date) {
        List<Long> ids = Arrays.stream(row.path().split("/")).filter(s -> !s.isEmpty()).map(Long::valueOf).toList();
        List<Long> ancestorIds = ids.subList(0, ids.size() - 1);
        if (ancestorIds.isEmpty()) {
            return List.of();
        }
        Map<Long, UnitSummary> byId = new LinkedHashMap<>();
        db.select(UNIT_VERSION.UNIT_ID, UNIT.CODE, UNIT_VERSION.NAME, UNIT_VERSION.SHORT_NAME, UNIT_VERSION.TYPE,
                        UNIT_VERSION.PARENT_ID, UNIT_VERSION.DEPTH)
                .from(UNIT_VERSION).join(UNIT).on(UNIT.ID.eq(UNIT_VERSION.UNIT_ID))
                .where(UNIT_VERSION.UNIT_ID.in(ancestorIds).and(validOn(UNIT_VERSION, date)))
                .forEach(r -> byId.put(r.value1(), new UnitSummary(r.value1(), r.value2(), r.value3(), r.value4(),
                        UnitType.valueOf(r.value5()), r.value6(), r.value7(), 1)));
        return ancestorIds.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    Map<UnitType, Integer> countSubtree(VersionRow root, LocalDate date) {
        Map<UnitType, Integer> counts = new EnumMap<>(UnitType.class);
        db.select(UNIT_VERSION.TYPE, DSL.count())
                .from(UNIT_VERSION)
                .where(inSubtree(UNIT_VERSION, root.path()).and(validOn(UNIT_VERSION, date))
                        .and(UNIT_VERSION.UNIT_ID.ne(root.unitId())))
                .groupBy(UNIT_VERSION.TYPE)
                .forEach(r -> counts.put(UnitType.valueOf(r.value1()), r.value2()));
        return counts;
    }

    Map<UnitType, Integer> countDirect(long unitId, LocalDate date) {
        Map<UnitType, Integer> counts = new EnumMap<>(UnitType.class);
        db.select(UNIT_VERSION.TYPE, DSL.count())
                .from(UNIT_VERSION)
                .where(UNIT_VERSION.PARENT_ID.eq(unitId).and(validOn(UNIT_VERSION, date)))
                .groupBy(UNIT_VERSION.TYPE)
                .forEach(r -> counts.put(UnitType.valueOf(r.value1()), r.value2()));
        return counts;
    }

    List<Long> subtreeIds(VersionRow root, LocalDate date) {
        return db.select(UNIT_VERSION.UNIT_ID).from(UNIT_VERSION)
                .where(inSubtree(UNIT_VERSION, root.path()).and(validOn(UNIT_VERSION, date)))
                .fetch(UNIT_VERSION.UNIT_ID);
    }

    List<UnitSummary> search(String folded, List<String> rootPaths, LocalDate date, int limit) {
        Condition scope = rootPaths == null ? DSL.trueCondition()
                : DSL.or(rootPaths.stream().map(p -> inSubtree(UNIT_VERSION, p)).toList());
        String like = "%" + folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        Field<Integer> childCount = DSL.inline(0);
        return db.select(UNIT_VERSION.UNIT_ID, UNIT.CODE, UNIT_VERSION.NAME, UNIT_VERSION.SHORT_NAME,
                        UNIT_VERSION.TYPE, UNIT_VERSION.PARENT_ID, UNIT_VERSION.DEPTH, childCount)
                .from(UNIT_VERSION).join(UNIT).on(UNIT.ID.eq(UNIT_VERSION.UNIT_ID))
                .where(UNIT_VERSION.SEARCH_TEXT.like(like, '\\').and(validOn(UNIT_VERSION, date)).and(scope))
                .orderBy(UNIT_VERSION.DEPTH, vietnameseOrder(UNIT_VERSION.NAME))
                .limit(limit)
                .fetch(r -> new UnitSummary(r.value1(), r.value2(), r.value3(), r.value4(), UnitType.valueOf(r.value5()),
                        r.value6(), r.value7(), r.value8()));
    }

    /** Whether any unit in the subtree has a version that starts, or ends, after {@code date}. */
    boolean subtreeChangedAfter(String rootPath, LocalDate date) {
        return db.fetchExists(UNIT_VERSION, inSubtree(UNIT_VERSION, rootPath)
                .and(UNIT_VERSION.VALID_FROM.gt(date).or(UNIT_VERSION.VALID_TO.gt(date))));
    }

    // ---- history ----------------------------------------------------------------------------

    List<UnitHistoryEntry> history(long unitId) {
        List<LineageLink> lineage = lineage(unitId);
        return db.select(UNIT_EVENT.OPERATION_ID, OPERATION.KIND, UNIT_EVENT.KIND, UNIT_EVENT.EFFECTIVE_ON,
                        OPERATION.DECISION_NUMBER, OPERATION.DECISION_DATE, OPERATION.DECISION_BODY,
                        UNIT_EVENT.BEFORE_STATE, UNIT_EVENT.AFTER_STATE)
                .from(UNIT_EVENT).join(OPERATION).on(OPERATION.ID.eq(UNIT_EVENT.OPERATION_ID))
                .where(UNIT_EVENT.UNIT_ID.eq(unitId))
                .orderBy(UNIT_EVENT.EFFECTIVE_ON, UNIT_EVENT.ID)
                .fetch(r -> new UnitHistoryEntry(r.value1(), r.value2(), r.value3(), r.value4(),
                        new DecisionRef(r.value5(), r.value6(), r.value7()), map(r.value8()), map(r.value9()),
                        lineage.stream().filter(l -> l.operationId() == r.value1()).toList()));
    }

    List<LineageLink> lineage(long unitId) {
        var fromVersion = UNIT_VERSION.as("fv");
        var toVersion = UNIT_VERSION.as("tv");
        var fromUnit = UNIT.as("fu");
        var toUnit = UNIT.as("tu");
        // names as they were on the day before (from) and on the day of (to) the operation
        return db.select(LINEAGE.OPERATION_ID, OPERATION.KIND, OPERATION.EFFECTIVE_ON,
                        LINEAGE.FROM_UNIT_ID, fromUnit.CODE, fromVersion.NAME,
                        LINEAGE.TO_UNIT_ID, toUnit.CODE, toVersion.NAME)
                .from(LINEAGE)
                .join(OPERATION).on(OPERATION.ID.eq(LINEAGE.OPERATION_ID))
                .join(fromUnit).on(fromUnit.ID.eq(LINEAGE.FROM_UNIT_ID))
                .join(toUnit).on(toUnit.ID.eq(LINEAGE.TO_UNIT_ID))
                .leftJoin(fromVersion).on(fromVersion.UNIT_ID.eq(LINEAGE.FROM_UNIT_ID)
                        .and(fromVersion.VALID_FROM.lt(OPERATION.EFFECTIVE_ON))
                        .and(fromVersion.VALID_TO.isNull().or(fromVersion.VALID_TO.ge(OPERATION.EFFECTIVE_ON))))
                .leftJoin(toVersion).on(toVersion.UNIT_ID.eq(LINEAGE.TO_UNIT_ID)
                        .and(toVersion.VALID_FROM.le(OPERATION.EFFECTIVE_ON))
                        .and(toVersion.VALID_TO.isNull().or(toVersion.VALID_TO.gt(OPERATION.EFFECTIVE_ON))))
                .where(LINEAGE.FROM_UNIT_ID.eq(unitId).or(LINEAGE.TO_UNIT_ID.eq(unitId)))
                .orderBy(OPERATION.EFFECTIVE_ON, LINEAGE.OPERATION_ID)
                .fetch(r -> new LineageLink(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), r.value9()));
    }

    private Map<String, Object> map(JSONB value) {
        return value == null ? null : json.readValue(value.data(), MAP);
    }

    // ---- writes -----------------------------------------------------------------------------

    long insertOperation(String kind, LocalDate effectiveOn, DecisionRef decision, String actor) {
        return db.insertInto(OPERATION)
                .set(OPERATION.KIND, kind)
                .set(OPERATION.EFFECTIVE_ON, effectiveOn)
                .set(OPERATION.DECISION_NUMBER, decision.number())
                .set(OPERATION.DECISION_DATE, decision.date())
                .set(OPERATION.DECISION_BODY, decision.issuingBody())
                .set(OPERATION.RECORDED_BY, actor)
                .returning(OPERATION.ID).fetchOne(OPERATION.ID);
    }

    long insertUnit(String code, LocalDate establishedOn, long operationId) {
        return db.insertInto(UNIT)
                .set(UNIT.CODE, code)
                .set(UNIT.ESTABLISHED_ON, establishedOn)
                .set(UNIT.ESTABLISHED_BY, operationId)
                .returning(UNIT.ID).fetchOne(UNIT.ID);
    }

    void markDissolved(long unitId, LocalDate on, long operationId) {
        db.update(UNIT).set(UNIT.DISSOLVED_ON, on).set(UNIT.DISSOLVED_BY, operationId)
                .where(UNIT.ID.eq(unitId)).execute();
    }

    void insertVersion(long unitId, LocalDate from, Long parentId, String path, int depth, String name,
                       String shortName, UnitType type, AdministrativeArea area, String code, long operationId) {
        db.insertInto(UNIT_VERSION)
                .set(UNIT_VERSION.UNIT_ID, unitId)
                .set(UNIT_VERSION.VALID_FROM, from)
                .set(UNIT_VERSION.PARENT_ID, parentId)
                .set(UNIT_VERSION.PATH, path)
                .set(UNIT_VERSION.DEPTH, depth)
                .set(UNIT_VERSION.NAME, name)
                .set(UNIT_VERSION.SHORT_NAME, shortName)
                .set(UNIT_VERSION.TYPE, type.name())
                .set(UNIT_VERSION.AREA_PROVINCE, area.province())
                .set(UNIT_VERSION.AREA_COMMUNE, area.commune())
                .set(UNIT_VERSION.AREA_VILLAGE, area.village())
                .set(UNIT_VERSION.SEARCH_TEXT, searchText(name, shortName, code))
                .set(UNIT_VERSION.OPERATION_ID, operationId)
                .execute();
    }

    static String searchText(String name, String shortName, String code) {
        return vn.tcxd.shared.VietnameseText.fold(name + " " + (shortName == null ? "" : shortName + " ") + code);
    }

    /**
     * Replaces the unit's version valid on {@code from} (which must be its latest) by a new one
     * from that date: same-day changes update the row, otherwise the old version is closed.
     */
    void changeVersion(VersionRow current, LocalDate from, String name, String shortName, UnitType type,
                       String code, long operationId) {
        if (current.validFrom().equals(from)) {
            db.update(UNIT_VERSION)
                    .set(UNIT_VERSION.NAME, name)
                    .set(UNIT_VERSION.SHORT_NAME, shortName)
                    .set(UNIT_VERSION.TYPE, type.name())
                    .set(UNIT_VERSION.SEARCH_TEXT, searchText(name, shortName, code))
                    .set(UNIT_VERSION.OPERATION_ID, operationId)
                    .where(UNIT_VERSION.ID.eq(current.id())).execute();
            return;
        }
        db.update(UNIT_VERSION).set(UNIT_VERSION.VALID_TO, from).where(UNIT_VERSION.ID.eq(current.id())).execute();
        insertVersion(current.unitId(), from, current.parentId(), current.path(), current.depth(), name, shortName,
                type, current.area(), code, operationId);
    }

    /** Ends the unit's version on {@code on}: it does not exist from that day. */
    void closeVersion(VersionRow current, LocalDate on) {
        if (current.validFrom().equals(on)) {
            db.deleteFrom(UNIT_VERSION).where(UNIT_VERSION.ID.eq(current.id())).execute();
        } else {
            db.update(UNIT_VERSION).set(UNIT_VERSION.VALID_TO, on).where(UNIT_VERSION.ID.eq(current.id())).execute();
        }
    }

    /**
     * Moves the subtree rooted at {@code root} under a new parent from {@code on}: every version
     * valid then in the subtree is closed and re-opened with its rewritten path and depth (rows that
     * start that same day are rewritten in place). The caller has checked that nothing in the
     * subtree changes after {@code on}. Set-based: two statements whatever the subtree's size.
     */
    int moveSubtree(VersionRow root, long newParentId, String newParentPath, int newParentDepth, LocalDate on,
                    long operationId) {
        String oldPath = root.path();
        String newPath = Paths.of(newParentPath, root.unitId());
        int depthDelta = newParentDepth + 1 - root.depth();
        Condition moving = inSubtree(UNIT_VERSION, oldPath).and(UNIT_VERSION.VALID_TO.isNull());
        Field<String> rewrittenPath = DSL.inline(newPath).concat(DSL.substring(UNIT_VERSION.PATH, oldPath.length() + 1));
        Field<Long> newParent = DSL.when(UNIT_VERSION.UNIT_ID.eq(root.unitId()), DSL.inline(newParentId))
                .otherwise(UNIT_VERSION.PARENT_ID);

        int sameDay = db.update(UNIT_VERSION)
                .set(UNIT_VERSION.PATH, rewrittenPath)
                .set(UNIT_VERSION.DEPTH, UNIT_VERSION.DEPTH.plus(depthDelta))
                .set(UNIT_VERSION.PARENT_ID, newParent)
                .set(UNIT_VERSION.OPERATION_ID, DSL.when(UNIT_VERSION.UNIT_ID.eq(root.unitId()), DSL.inline(operationId))
                        .otherwise(UNIT_VERSION.OPERATION_ID))
                .where(moving.and(UNIT_VERSION.VALID_FROM.eq(on)))
                .execute();

        var closed = DSL.name("closed");
        var c = UNIT_VERSION.as("closed");
        int rewritten = db.with(closed).as(
                        db.update(UNIT_VERSION).set(UNIT_VERSION.VALID_TO, on)
                                .where(moving.and(UNIT_VERSION.VALID_FROM.lt(on)))
                                .returning(UNIT_VERSION.fields()))
                .insertInto(UNIT_VERSION, UNIT_VERSION.UNIT_ID, UNIT_VERSION.VALID_FROM, UNIT_VERSION.PARENT_ID,
                        UNIT_VERSION.PATH, UNIT_VERSION.DEPTH, UNIT_VERSION.NAME, UNIT_VERSION.SHORT_NAME,
                        UNIT_VERSION.TYPE, UNIT_VERSION.AREA_PROVINCE, UNIT_VERSION.AREA_COMMUNE,
                        UNIT_VERSION.AREA_VILLAGE, UNIT_VERSION.SEARCH_TEXT, UNIT_VERSION.OPERATION_ID)
                .select(DSL.select(c.UNIT_ID, DSL.inline(on), DSL.when(c.UNIT_ID.eq(root.unitId()), DSL.inline(newParentId))
                                        .otherwise(c.PARENT_ID),
                                DSL.inline(newPath).concat(DSL.substring(c.PATH, oldPath.length() + 1)),
                                c.DEPTH.plus(depthDelta), c.NAME, c.SHORT_NAME, c.TYPE, c.AREA_PROVINCE, c.AREA_COMMUNE,
                                c.AREA_VILLAGE, c.SEARCH_TEXT, DSL.inline(operationId))
                        .from(DSL.table(closed).as("closed")))
                .execute();
        return sameDay + rewritten;
    }

    void insertEvent(long operationId, long unitId, String kind, LocalDate on, Map<String, Object> before,
                     Map<String, Object> after) {
        db.insertInto(UNIT_EVENT)
                .set(UNIT_EVENT.OPERATION_ID, operationId)
                .set(UNIT_EVENT.UNIT_ID, unitId)
                .set(UNIT_EVENT.KIND, kind)
                .set(UNIT_EVENT.EFFECTIVE_ON, on)
                .set(UNIT_EVENT.BEFORE_STATE, jsonb(before))
                .set(UNIT_EVENT.AFTER_STATE, jsonb(after))
                .execute();
    }

    void insertLineage(long operationId, long fromUnitId, long toUnitId) {
        db.insertInto(LINEAGE)
                .set(LINEAGE.OPERATION_ID, operationId)
                .set(LINEAGE.FROM_UNIT_ID, fromUnitId)
                .set(LINEAGE.TO_UNIT_ID, toUnitId)
                .execute();
    }

    private JSONB jsonb(Map<String, Object> value) {
        return value == null ? null : JSONB.valueOf(json.writeValueAsString(value));
    }

    private VersionRow toRow(Record r) {
        var v = r.into(UNIT_VERSION);
        return new VersionRow(v.getId(), v.getUnitId(), v.getValidFrom(), v.getValidTo(), v.getParentId(), v.getPath(),
                v.getDepth(), v.getName(), v.getShortName(), UnitType.valueOf(v.getType()),
                new AdministrativeArea(v.getAreaProvince(), v.getAreaCommune(), v.getAreaVillage()));
    }

    List<String> pathsOf(Collection<Long> unitIds) {
        return new ArrayList<>(latestPaths(unitIds).values());
    }

    /** Each unit's path in its latest version (current, or for an ended unit its last), in one query. */
    Map<Long, String> latestPaths(Collection<Long> unitIds) {
        Map<Long, String> paths = new java.util.LinkedHashMap<>();
        if (unitIds.isEmpty()) {
            return paths;
        }
        db.selectDistinct(UNIT_VERSION.UNIT_ID, UNIT_VERSION.PATH).on(UNIT_VERSION.UNIT_ID).from(UNIT_VERSION)
                .where(UNIT_VERSION.UNIT_ID.eq(DSL.any(unitIds.toArray(Long[]::new))))
                .orderBy(UNIT_VERSION.UNIT_ID, UNIT_VERSION.VALID_FROM.desc())
                .forEach(r -> paths.put(r.value1(), r.value2()));
        return paths;
    }
}
