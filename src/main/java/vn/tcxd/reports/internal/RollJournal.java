package vn.tcxd.reports.internal;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectConditionStep;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import vn.tcxd.jooq.members.tables.RollState;
import vn.tcxd.jooq.orgstructure.tables.UnitTree;
import vn.tcxd.jooq.reports.tables.RollChange;
import vn.tcxd.jooq.reports.tables.RollChangePending;
import vn.tcxd.jooq.reports.tables.RollChangeState;
import vn.tcxd.reports.Dimension;
import vn.tcxd.reports.MemberTally;
import vn.tcxd.reports.internal.RollQueries.Builder;
import vn.tcxd.reports.internal.RollQueries.Facts;
import vn.tcxd.reports.internal.RollQueries.Boundary;
import vn.tcxd.reports.internal.RollQueries.Region;
import vn.tcxd.reports.internal.RollQueries.Subset;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static vn.tcxd.reports.internal.RollQueries.ON_ROLL;
import static vn.tcxd.reports.internal.RollQueries.treeOn;

/**
 * The roll's changes in date order ({@code reports.roll_change}): each member state with the state it
 * replaced, the member's dimensions and both cells' paths on their day, so that the changes of a window
 * of days are one range of one table. Kept in the transaction of every member act, import and
 * reorganisation; rebuilt with the live counters after a bulk load. Answers the same questions as the
 * history path of {@link RollQueries} over the roll itself (StatisticsConsistencyTests compares both
 * with a brute-force recount).
 */
@Repository
class RollJournal {

    static final RollChange J = RollChange.ROLL_CHANGE;
    private static final RollChangeState BUILT = RollChangeState.ROLL_CHANGE_STATE;
    private static final RollChangePending PENDING = RollChangePending.ROLL_CHANGE_PENDING;

    private final DSLContext db;
    private final RollQueries roll;

    RollJournal(DSLContext db, RollQueries roll) {
        this.db = db;
        this.roll = roll;
    }

    /** Whether the journal can answer: built, and no batch import's rows still to be written. */
    boolean isBuilt() {
        return db.fetchValue(DSL.field(DSL.exists(DSL.selectOne().from(BUILT))
                .and(DSL.notExists(DSL.selectOne().from(PENDING)))));
    }

    /** Writes the journal again from the roll; returns its rows. Member acts wait until it is done. */
    int rebuild() {
        db.truncate(J).execute();
        db.deleteFrom(BUILT).execute();
        db.deleteFrom(PENDING).execute();
        int rows = writeAll();
        db.insertInto(BUILT).set(BUILT.ID, 1).execute();
        return rows;
    }

    /**
     * Every row into the empty journal, in date order (so the day index grows at its end); the member
     * index is built afterwards from the sorted rows rather than entry by entry (15 M rows nationally).
     */
    private int writeAll() {
        db.execute("set local work_mem = '256MB'");
        db.execute("drop index if exists reports.roll_change_member_idx");
        int rows = insertFor(s -> DSL.noCondition());
        db.execute("create index roll_change_member_idx on reports.roll_change (member_id)");
        return rows;
    }

    /** Builds the journal unless built: the first start after the table appeared. */
    boolean ensureBuilt() {
        db.execute("lock table reports.roll_change in share mode");
        if (db.fetchExists(BUILT)) return false;
        db.deleteFrom(J).execute();
        db.deleteFrom(PENDING).execute();
        writeAll();
        db.insertInto(BUILT).set(BUILT.ID, 1).execute();
        return true;
    }

    /** The members' rows again from the roll (after an act, which may also have changed the record sheet). */
    void refreshMembers(Collection<Long> memberIds) {
        if (memberIds.isEmpty()) return;
        Long[] ids = memberIds.toArray(Long[]::new); // one array parameter: the plan knows how few they are
        db.deleteFrom(J).where(J.MEMBER_ID.eq(DSL.any(ids))).execute();
        insertFor(s -> s.MEMBER_ID.eq(DSL.any(ids)));
    }

    /** A batch write into these cells: their members' rows are to be written again ({@link #writePending}). */
    void markPending(Collection<Long> unitIds) {
        if (unitIds.isEmpty()) return;
        var insert = db.insertInto(PENDING, PENDING.UNIT_ID);
        for (long id : new java.util.TreeSet<>(unitIds)) insert = insert.values(id);
        insert.onConflictDoNothing().execute();
    }

    /** Writes the rows of the members of every pending cell; returns how many cells were pending. */
    int writePending() {
        db.execute("lock table reports.roll_change in share mode"); // acts wait: no row written twice
        if (!db.fetchExists(BUILT)) return 0; // not built yet (a first start's demo load): the build writes every row
        List<Long> units = db.select(PENDING.UNIT_ID).from(PENDING).fetch(PENDING.UNIT_ID);
        if (units.isEmpty()) return 0;
        refreshMembersOfUnits(units);
        db.deleteFrom(PENDING).where(PENDING.UNIT_ID.in(units)).execute();
        return units.size();
    }

    /** The rows of every member who ever was in these cells (after a batch write into them). */
    void refreshMembersOfUnits(Collection<Long> unitIds) {
        if (unitIds.isEmpty()) return;
        RollState w = RollState.ROLL_STATE.as("w");
        refreshMembers(db.selectDistinct(w.MEMBER_ID).from(w).where(w.UNIT_ID.eq(DSL.any(unitIds.toArray(Long[]::new))))
                .fetch(w.MEMBER_ID));
    }

    /**
     * A reorganisation dated {@code from} of these units changed the tree of that day and later: the paths
     * of those days again, for the rows of cells that were or are under one of them since (a unit's path
     * names all its ancestors; other cells' paths did not change).
     */
    void repath(LocalDate from, Collection<Long> unitIds) {
        if (unitIds.isEmpty()) return;
        UnitTree t = UnitTree.UNIT_TREE.as("t");
        UnitTree a = UnitTree.UNIT_TREE.as("a");
        Condition under = DSL.or(unitIds.stream().map(id -> a.PATH.contains("/" + id + "/")).toList());
        Long[] cells = db.selectDistinct(a.UNIT_ID).from(a).where(under.and(a.VALID_TO.isNull().or(a.VALID_TO.gt(from))))
                .fetch(a.UNIT_ID).toArray(Long[]::new);
        if (cells.length == 0) return;
        db.update(J).set(J.PATH, db.select(t.PATH).from(t).where(t.UNIT_ID.eq(J.UNIT_ID).and(treeOn(t, J.DAY))))
                .where(J.DAY.ge(from).and(J.UNIT_ID.eq(DSL.any(cells)))).execute();
        db.update(J).set(J.PREV_PATH, db.select(t.PATH).from(t)
                        .where(t.UNIT_ID.eq(J.PREV_UNIT_ID).and(treeOn(t, J.DAY.minus(1)))))
                .where(J.DAY.gt(from).and(J.PREV_UNIT_ID.eq(DSL.any(cells)))).execute();
    }

    private int insertFor(Function<RollState, Condition> members) {
        RollState s = RollState.ROLL_STATE.as("s");
        RollState p = RollState.ROLL_STATE.as("p");
        UnitTree t1 = UnitTree.UNIT_TREE.as("t1");
        UnitTree t0 = UnitTree.UNIT_TREE.as("t0");
        return db.insertInto(J, J.DAY, J.MEMBER_ID, J.EVENT_KIND, J.UNIT_ID, J.PATH, J.STATUS, J.EXEMPT,
                        J.AWAY_UNIT_ID, J.IN_TRANSIT, J.PREV_UNIT_ID, J.PREV_PATH, J.PREV_STATUS, J.PREV_EXEMPT,
                        J.PREV_AWAY_UNIT_ID, J.PREV_IN_TRANSIT, J.GENDER, J.BIRTH_DATE, J.ETHNICITY, J.RELIGION,
                        J.EDUCATION, J.PROFESSIONAL, J.ACADEMIC_TITLE, J.THEORY, J.STATE_MANAGEMENT, J.OCCUPATION)
                .select(db.select(s.VALID_FROM, s.MEMBER_ID, s.EVENT_KIND, s.UNIT_ID, t1.PATH, s.STATUS, s.EXEMPT,
                                s.AWAY_UNIT_ID, s.IN_TRANSIT, p.UNIT_ID, t0.PATH, p.STATUS, p.EXEMPT, p.AWAY_UNIT_ID,
                                p.IN_TRANSIT, s.GENDER, s.BIRTH_DATE, s.ETHNICITY, s.RELIGION, s.EDUCATION,
                                s.PROFESSIONAL, s.ACADEMIC_TITLE, s.THEORY, s.STATE_MANAGEMENT, s.OCCUPATION)
                        .from(s)
                        .leftJoin(p).on(p.MEMBER_ID.eq(s.MEMBER_ID).and(p.VALID_TO.eq(s.VALID_FROM)))
                        .leftJoin(t1).on(t1.UNIT_ID.eq(s.UNIT_ID).and(treeOn(t1, s.VALID_FROM)))
                        .leftJoin(t0).on(t0.UNIT_ID.eq(p.UNIT_ID).and(treeOn(t0, s.VALID_FROM.minus(1))))
                        .where(members.apply(s).and(s.STATUS.in(ON_ROLL).or(p.STATUS.in(ON_ROLL))))
                        .orderBy(s.VALID_FROM))
                .execute();
    }

    // ---- reads --------------------------------------------------------------------------------

    private static Condition window(LocalDate after, LocalDate upTo) {
        return J.DAY.gt(after).and(J.DAY.le(upTo));
    }

    private static Condition under(Field<String> path, String rootPath) {
        return path.ge(rootPath).and(path.lt(RollQueries.upper(rootPath)));
    }

    /** States on the roll that began in the window (+1), as rows named like the roll's. */
    private SelectConditionStep<Record> began(Field<Long> holder, Condition where) {
        List<SelectField<?>> select = new ArrayList<>(List.of(holder.as("holder"), DSL.inline(1).as("w"),
                J.STATUS, J.EXEMPT, J.AWAY_UNIT_ID, J.IN_TRANSIT));
        select.addAll(dimensions());
        return db.select(select).from(J).where(J.STATUS.in(ON_ROLL).and(where));
    }

    /** States on the roll that ended in the window (−1): the replaced state of each row. */
    private SelectConditionStep<Record> ended(Field<Long> holder, Condition where) {
        List<SelectField<?>> select = new ArrayList<>(List.of(holder.as("holder"), DSL.inline(-1).as("w"),
                J.PREV_STATUS.as(J.STATUS.getName()), J.PREV_EXEMPT.as(J.EXEMPT.getName()),
                J.PREV_AWAY_UNIT_ID.as(J.AWAY_UNIT_ID.getName()), J.PREV_IN_TRANSIT.as(J.IN_TRANSIT.getName())));
        select.addAll(dimensions());
        return db.select(select).from(J).where(J.PREV_STATUS.in(ON_ROLL).and(where));
    }

    private static List<SelectField<?>> dimensions() {
        return List.of(J.GENDER, J.BIRTH_DATE, J.ETHNICITY, J.RELIGION, J.EDUCATION, J.PROFESSIONAL, J.THEORY,
                J.ACADEMIC_TITLE, J.STATE_MANAGEMENT, J.OCCUPATION);
    }

    /** How the roll of the subtree of {@code rootPath} changed over ({@code after}, {@code upTo}] (see {@link RollQueries#changeBetween}). */
    MemberTally changeBetween(String rootPath, LocalDate after, LocalDate upTo) {
        return changeBetween(rootPath, after, upTo, Subset.ALL);
    }

    MemberTally changeBetween(String rootPath, LocalDate after, LocalDate upTo, Subset subset) {
        Field<Long> none = DSL.inline(0L);
        var src = began(none, window(after, upTo).and(under(J.PATH, rootPath)))
                .unionAll(ended(none, window(after, upTo).and(under(J.PREV_PATH, rootPath))));
        return roll.tallies(only(src, subset)).getOrDefault(0L, MemberTally.EMPTY);
    }

    /** The rows of {@code src} in {@code subset}, judged on the state each row counts (the new one or the replaced one). */
    private Table<?> only(org.jooq.Select<Record> src, Subset subset) {
        if (subset.dimension() == null) return src.asTable("src");
        Table<Record> u = src.asTable("u");
        return db.select(u.fields()).from(u).where(subset.on(u)).asTable("src");
    }

    /** The change over (after, upTo] per holder at {@code depth} (see {@link RollQueries#changeByHolder}). */
    Map<Long, MemberTally> changeByHolder(LocalDate after, LocalDate upTo, int depth) {
        return changeByHolder(after, upTo, depth, List.of()).get(Subset.ALL);
    }

    /**
     * The same for all members and for each of {@code subsets}, in one scan: each row of the window takes the
     * replaced state out of its holder and puts the new one into its holder, added up here the way the live
     * counters add facts. Nationally a month is ~60,000 rows; grouping them in SQL by 13 dimensions for three
     * facets took ~1.2 s of every month end's freeze.
     */
    Map<Subset, Map<Long, MemberTally>> changeByHolder(LocalDate after, LocalDate upTo, int depth, List<Subset> subsets) {
        Map<Dimension, Field<String>> dims = RollQueries.dimensionFields(J);
        List<SelectField<?>> select = new ArrayList<>(List.of(RollQueries.holder(J.PATH, depth),
                RollQueries.holder(J.PREV_PATH, depth), J.MEMBER_ID, J.UNIT_ID, J.STATUS, J.EXEMPT,
                DSL.field(J.AWAY_UNIT_ID.isNotNull()), J.IN_TRANSIT, J.PREV_UNIT_ID, J.PREV_STATUS, J.PREV_EXEMPT,
                DSL.field(J.PREV_AWAY_UNIT_ID.isNotNull()), J.PREV_IN_TRANSIT, J.GENDER,
                DSL.extract(J.BIRTH_DATE, org.jooq.DatePart.YEAR)));
        RollQueries.CODED.forEach(d -> select.add(dims.get(d)));
        List<Subset> facets = new ArrayList<>(List.of(Subset.ALL));
        facets.addAll(subsets);
        Map<Subset, Map<Long, Builder>> builders = new HashMap<>();
        facets.forEach(f -> builders.put(f, new HashMap<>()));
        // read straight from the result set: materialising ~60,000 records of 23 fields cost more than the query
        try (var rs = db.select(select).from(J)
                .where(window(after, upTo).and(J.STATUS.in(ON_ROLL).or(J.PREV_STATUS.in(ON_ROLL)))).fetchResultSet()) {
            while (rs.next()) {
                Map<Dimension, String> codes = new EnumMap<>(Dimension.class);
                for (int i = 0; i < RollQueries.CODED.size(); i++) codes.put(RollQueries.CODED.get(i), rs.getString(16 + i));
                String gender = rs.getString(14);
                int birthYear = rs.getInt(15);
                long member = rs.getLong(3);
                String status = rs.getString(5);
                if (onRoll(status)) {
                    add(builders, facets, holderOf(rs, 1), 1, new Facts(member, rs.getLong(4), status, rs.getBoolean(6),
                            rs.getBoolean(7), rs.getBoolean(8), gender, birthYear, codes));
                }
                String previous = rs.getString(10);
                if (onRoll(previous)) {
                    add(builders, facets, holderOf(rs, 2), -1, new Facts(member, rs.getLong(9), previous, rs.getBoolean(11),
                            rs.getBoolean(12), rs.getBoolean(13), gender, birthYear, codes));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new org.springframework.dao.DataRetrievalFailureException("journal window " + after + "–" + upTo, e);
        }
        Map<Subset, Map<Long, MemberTally>> result = new HashMap<>();
        builders.forEach((facet, byHolder) -> {
            Map<Long, MemberTally> tallies = new HashMap<>();
            byHolder.forEach((holder, b) -> tallies.put(holder, b.build()));
            result.put(facet, tallies);
        });
        return result;
    }

    private static void add(Map<Subset, Map<Long, Builder>> builders, List<Subset> facets, Long holder, int sign, Facts f) {
        if (holder == null) return; // a cell outside the tree of its day is counted nowhere
        for (Subset facet : facets) {
            if (facet.matches(f)) f.addTo(builders.get(facet).computeIfAbsent(holder, x -> new Builder()), sign);
        }
    }

    private static Long holderOf(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        long holder = rs.getLong(column);
        return rs.wasNull() ? null : holder;
    }

    private static boolean onRoll(String status) {
        return status != null && ON_ROLL.contains(status);
    }

    /** Members admitted into the subtree of {@code rootPathAtTo} over [from, to] matching {@code subset} (see {@link RollQueries#admittedIn}). */
    MemberTally admittedIn(String rootPathAtTo, LocalDate from, LocalDate to, Condition subset) {
        Condition where = J.EVENT_KIND.eq("ADMITTED").and(J.DAY.between(from, to)).and(under(J.PATH, rootPathAtTo))
                .and(subset);
        return roll.tallies(began(DSL.inline(0L), where).asTable("src")).getOrDefault(0L, MemberTally.EMPTY);
    }

    /**
     * The changes of the roll over [from, to] grouped by the top two levels of both cells' paths (see
     * {@link Region}): seen from any unit at depth ≤ 1 whose place did not change in the period, the same
     * boundaries as {@link #boundaries}, for all such units in one scan.
     */
    List<RegionBoundary> regionBoundaries(LocalDate from, LocalDate to) {
        return db.select(J.EVENT_KIND, DSL.field(J.PREV_STATUS.in(ON_ROLL)).as("was_on"), DSL.field(J.STATUS.in(ON_ROLL)).as("is_on"),
                        RollQueries.pathPart(J.PREV_PATH, 2).as("r0"), RollQueries.pathPart(J.PREV_PATH, 3).as("s0"),
                        RollQueries.pathPart(J.PATH, 2).as("r1"), RollQueries.pathPart(J.PATH, 3).as("s1"),
                        J.PREV_STATUS, J.STATUS, DSL.coalesce(J.PREV_EXEMPT, DSL.inline(false)).as("old_exempt"), J.EXEMPT,
                        DSL.count())
                .from(J)
                .where(J.DAY.between(from, to))
                .groupBy(J.EVENT_KIND, DSL.field("2"), DSL.field("3"), DSL.field("4"), DSL.field("5"), DSL.field("6"),
                        DSL.field("7"), J.PREV_STATUS, J.STATUS, DSL.field("10"), J.EXEMPT)
                .fetch(r -> new RegionBoundary(r.value1(), Boolean.TRUE.equals(r.value2()), Boolean.TRUE.equals(r.value3()),
                        new Region(r.value4(), r.value5()), new Region(r.value6(), r.value7()), r.value8(), r.value9(),
                        r.value10(), r.value11(), r.value12()));
    }

    /** A group of {@link #regionBoundaries}: whether the member was / is on the roll, and where. */
    record RegionBoundary(String eventKind, boolean wasOnRoll, boolean isOnRoll, Region before, Region after,
                          String oldStatus, String newStatus, boolean oldExempt, boolean newExempt, long count) {

        /** Seen from the unit at depth ≤ 1 with this id. */
        Boundary seenFrom(long unitId) {
            boolean wasIn = wasOnRoll && (Long.valueOf(unitId).equals(before.root()) || Long.valueOf(unitId).equals(before.second()));
            boolean isIn = isOnRoll && (Long.valueOf(unitId).equals(after.root()) || Long.valueOf(unitId).equals(after.second()));
            return new Boundary(eventKind, wasIn, isIn, before, after, oldStatus, newStatus, oldExempt, newExempt, count);
        }
    }

    /** The same grouping as {@link RollQueries#boundaries}, from the journal. */
    List<Boundary> boundaries(long unitId, LocalDate from, LocalDate to) {
        UnitTree u0 = UnitTree.UNIT_TREE.as("u0");
        UnitTree u1 = UnitTree.UNIT_TREE.as("u1");
        Field<Boolean> wasIn = DSL.field(J.PREV_STATUS.in(ON_ROLL).and(J.PREV_PATH.ge(u0.PATH))
                .and(J.PREV_PATH.lt(DSL.overlay(u0.PATH, DSL.inline("0"), DSL.length(u0.PATH)))));
        Field<Boolean> isIn = DSL.field(J.STATUS.in(ON_ROLL).and(J.PATH.ge(u1.PATH))
                .and(J.PATH.lt(DSL.overlay(u1.PATH, DSL.inline("0"), DSL.length(u1.PATH)))));
        Field<Boolean> oldExempt = DSL.coalesce(J.PREV_EXEMPT, DSL.inline(false));
        return db.select(J.EVENT_KIND, DSL.coalesce(wasIn, DSL.inline(false)).as("was_in"),
                        DSL.coalesce(isIn, DSL.inline(false)).as("is_in"),
                        RollQueries.pathPart(J.PREV_PATH, 2).as("r0"), RollQueries.pathPart(J.PREV_PATH, 3).as("s0"),
                        RollQueries.pathPart(J.PATH, 2).as("r1"), RollQueries.pathPart(J.PATH, 3).as("s1"),
                        J.PREV_STATUS, J.STATUS, oldExempt.as("old_exempt"), J.EXEMPT, DSL.count())
                .from(J)
                .leftJoin(u0).on(u0.UNIT_ID.eq(unitId).and(treeOn(u0, J.DAY.minus(1))))
                .leftJoin(u1).on(u1.UNIT_ID.eq(unitId).and(treeOn(u1, J.DAY)))
                .where(J.DAY.between(from, to))
                .groupBy(DSL.field("2"), DSL.field("3"), DSL.field("4"), DSL.field("5"), DSL.field("6"),
                        DSL.field("7"), J.EVENT_KIND, J.PREV_STATUS, J.STATUS, DSL.field("10"), J.EXEMPT)
                .fetch(r -> new Boundary(r.value1(), r.value2(), r.value3(), new Region(r.value4(), r.value5()),
                        new Region(r.value6(), r.value7()), r.value8(), r.value9(), r.value10(), r.value11(),
                        r.value12()));
    }
}
