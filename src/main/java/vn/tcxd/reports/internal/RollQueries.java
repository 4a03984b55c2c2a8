package vn.tcxd.reports.internal;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;
import vn.tcxd.jooq.members.tables.RollState;
import vn.tcxd.jooq.orgstructure.tables.UnitTree;
import vn.tcxd.reports.Dimension;
import vn.tcxd.reports.MemberTally;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Set-based counting over the public views {@code members.roll_state} and
 * {@code orgstructure.unit_tree}: the history path of the engine, exact for any date, and the
 * source the live counters and snapshots are built from.
 */
@Repository
class RollQueries {

    static final RollState S = RollState.ROLL_STATE.as("s");
    static final UnitTree T = UnitTree.UNIT_TREE.as("t");
    static final List<String> ON_ROLL = List.of("PROBATIONARY", "FULL");

    private final DSLContext db;

    RollQueries(DSLContext db) {
        this.db = db;
    }

    static Condition stateOn(RollState s, LocalDate date) {
        return s.VALID_FROM.le(date).and(s.VALID_TO.isNull().or(s.VALID_TO.gt(date)));
    }

    static Condition treeOn(UnitTree t, LocalDate date) {
        return t.VALID_FROM.le(date).and(t.VALID_TO.isNull().or(t.VALID_TO.gt(date)));
    }

    static Condition treeOn(UnitTree t, Field<LocalDate> date) {
        return t.VALID_FROM.le(date).and(t.VALID_TO.isNull().or(t.VALID_TO.gt(date)));
    }

    static Condition inSubtree(UnitTree t, String rootPath) {
        return t.PATH.ge(rootPath).and(t.PATH.lt(upper(rootPath)));
    }

    /** The path cut at {@code depth}: the units at depth ≤ {@code depth} from the root down to this one. */
    static Field<String> chainField(UnitTree t, int depth) {
        // '/1/23/456/789/' → '/1/23/456/' for depth 2: the first depth + 2 slashes
        return DSL.field("substring({0} from {1})", String.class, t.PATH,
                DSL.inline("^((/[0-9]+){1," + (depth + 1) + "}/)"));
    }

    static String upper(String path) {
        return path.substring(0, path.length() - 1) + "0";
    }

    /** A unit's position on a date: path and depth. */
    record Position(long unitId, String path, int depth) {

        List<Long> ancestorsUpTo(int maxDepth) {
            List<Long> ids = new ArrayList<>();
            String[] parts = path.split("/");
            for (int i = 1; i < parts.length && i - 1 <= maxDepth; i++) ids.add(Long.parseLong(parts[i]));
            return ids;
        }
    }

    Optional<Position> position(long unitId, LocalDate date) {
        return db.select(T.PATH, T.DEPTH).from(T).where(T.UNIT_ID.eq(unitId).and(treeOn(T, date)))
                .fetchOptional(r -> new Position(unitId, r.value1(), r.value2()));
    }

    /** Units at depth ≤ {@code maxDepth} on {@code date}, with their positions. */
    List<Position> upperUnits(LocalDate date, int maxDepth) {
        return db.select(T.UNIT_ID, T.PATH, T.DEPTH).from(T).where(treeOn(T, date).and(T.DEPTH.le(maxDepth)))
                .fetch(r -> new Position(r.value1(), r.value2(), r.value3()));
    }

    List<Long> children(long unitId, LocalDate date) {
        return db.select(T.UNIT_ID).from(T).where(T.PARENT_ID.eq(unitId).and(treeOn(T, date))).fetch(T.UNIT_ID);
    }

    /** Every unit in the subtrees of {@code rootIds} on {@code date} (the roots included). */
    List<Long> subtrees(Collection<Long> rootIds, LocalDate date) {
        if (rootIds.isEmpty()) return List.of();
        UnitTree r = UnitTree.UNIT_TREE.as("r");
        return db.selectDistinct(T.UNIT_ID).from(T)
                .join(r).on(r.UNIT_ID.eq(DSL.any(rootIds.toArray(Long[]::new))).and(treeOn(r, date))
                        .and(T.PATH.ge(r.PATH)).and(T.PATH.lt(DSL.overlay(r.PATH, DSL.inline("0"), DSL.length(r.PATH)))))
                .where(treeOn(T, date))
                .fetch(T.UNIT_ID);
    }

    /** Whether any unit changed its place in the tree in (after, upTo]. */
    boolean treeChangedBetween(LocalDate after, LocalDate upTo) {
        return db.fetchExists(db.selectOne().from(T).where(T.VALID_FROM.gt(after).and(T.VALID_FROM.le(upTo))
                .or(T.VALID_TO.gt(after).and(T.VALID_TO.le(upTo)))));
    }

    // ---- tallies ------------------------------------------------------------------------------

    /** The dimension expressions over the roll's columns in {@code t} (the roll itself or a derived table of it). */
    static Map<Dimension, Field<String>> dimensionFields(Table<?> t) {
        RollState s = RollState.ROLL_STATE;
        Map<Dimension, Field<String>> fields = new EnumMap<>(Dimension.class);
        fields.put(Dimension.STATUS, t.field(s.STATUS));
        fields.put(Dimension.GENDER, t.field(s.GENDER));
        Field<String> birthYear = DSL.extract(t.field(s.BIRTH_DATE), org.jooq.DatePart.YEAR).cast(SQLDataType.CLOB);
        fields.put(Dimension.BIRTH_YEAR, birthYear);
        fields.put(Dimension.FEMALE_BIRTH_YEAR, DSL.when(t.field(s.GENDER).eq(DSL.inline("FEMALE")), birthYear));
        fields.put(Dimension.ETHNICITY, blankless(t.field(s.ETHNICITY)));
        fields.put(Dimension.RELIGION, blankless(t.field(s.RELIGION)));
        fields.put(Dimension.EDUCATION, blankless(t.field(s.EDUCATION)));
        fields.put(Dimension.PROFESSIONAL, blankless(t.field(s.PROFESSIONAL)));
        fields.put(Dimension.THEORY, blankless(t.field(s.THEORY)));
        fields.put(Dimension.ACADEMIC_TITLE, blankless(t.field(s.ACADEMIC_TITLE)));
        fields.put(Dimension.STATE_MANAGEMENT, blankless(t.field(s.STATE_MANAGEMENT)));
        fields.put(Dimension.OCCUPATION, blankless(t.field(s.OCCUPATION)));
        return fields;
    }

    private static Field<String> blankless(Field<String> f) {
        return DSL.coalesce(f, DSL.inline(MemberTally.NONE));
    }

    /** The columns a tally reads, in this order, from the roll or a derived table with the same names. */
    private static List<Field<?>> factColumns(RollState s) {
        return List.of(s.STATUS, s.EXEMPT, s.AWAY_UNIT_ID, s.IN_TRANSIT, s.GENDER, s.BIRTH_DATE, s.ETHNICITY,
                s.RELIGION, s.EDUCATION, s.PROFESSIONAL, s.THEORY, s.ACADEMIC_TITLE, s.STATE_MANAGEMENT, s.OCCUPATION);
    }

    /** Rows of the roll under {@code where}, each with its holder key and weight, as input of {@link #tallies}. */
    private org.jooq.SelectConditionStep<Record> facts(Field<Long> holder, int weight, Condition join, Condition where) {
        List<SelectField<?>> select = new ArrayList<>();
        select.add(holder.as("holder"));
        select.add(DSL.inline(weight).as("w"));
        select.addAll(factColumns(S));
        return db.select(select).from(S).join(T).on(T.UNIT_ID.eq(S.UNIT_ID).and(join)).where(where);
    }

    /** Members on the roll of the subtree of {@code rootPath} at the end of {@code date}. */
    MemberTally tallyOn(String rootPath, LocalDate date) {
        return tallyOn(rootPath, date, DSL.noCondition());
    }

    /** The same, only members matching {@code subset} (see {@link #where}). */
    MemberTally tallyOn(String rootPath, LocalDate date, Condition subset) {
        Condition where = stateOn(S, date).and(S.STATUS.in(ON_ROLL)).and(subset);
        return tallies(facts(DSL.inline(0L), 1, treeOn(T, date).and(inSubtree(T, rootPath)), where).asTable("src"))
                .getOrDefault(0L, MemberTally.EMPTY);
    }

    /**
     * How the roll of the subtree of {@code rootPath} changed over ({@code after}, {@code upTo}]:
     * +1 for every state on the roll that began in it (cell in the subtree that day), −1 for every one
     * that ended in it (cell in the subtree the day before). Exact when the subtree itself did not
     * change in that window (see {@link #subtreeChangedBetween}).
     */
    MemberTally changeBetween(String rootPath, LocalDate after, LocalDate upTo) {
        return changeBetween(rootPath, after, upTo, Subset.ALL);
    }

    /** The same, only members in {@code subset}. */
    MemberTally changeBetween(String rootPath, LocalDate after, LocalDate upTo, Subset subset) {
        var began = facts(DSL.inline(0L), 1, treeOn(T, S.VALID_FROM).and(inSubtree(T, rootPath)),
                S.VALID_FROM.gt(after).and(S.VALID_FROM.le(upTo)).and(S.STATUS.in(ON_ROLL)).and(subset.on(S)));
        var ended = facts(DSL.inline(0L), -1, treeOn(T, S.VALID_TO.minus(1)).and(inSubtree(T, rootPath)),
                S.VALID_TO.gt(after).and(S.VALID_TO.le(upTo)).and(S.STATUS.in(ON_ROLL)).and(subset.on(S)));
        return tallies(began.unionAll(ended).asTable("src")).getOrDefault(0L, MemberTally.EMPTY);
    }

    /**
     * Whether the subtree (by its path on either date) gained or lost units in (after, upTo]: a version in
     * it ended without a successor in it (a move out, a merge, a dissolution), or a version began in it
     * whose predecessor was outside (a move in). Renames, type changes, moves inside and new units do
     * not change its roll: their members arrive and leave by states of their own.
     */
    boolean subtreeChangedBetween(String pathBefore, String pathAfter, LocalDate after, LocalDate upTo) {
        UnitTree other = UnitTree.UNIT_TREE.as("other");
        Condition inBefore = inSubtree(T, pathBefore).or(inSubtree(T, pathAfter));
        Condition otherInside = inSubtree(other, pathBefore).or(inSubtree(other, pathAfter));
        Condition leftIt = T.VALID_TO.gt(after).and(T.VALID_TO.le(upTo)).and(inBefore)
                .andNotExists(db.selectOne().from(other).where(other.UNIT_ID.eq(T.UNIT_ID)
                        .and(other.VALID_FROM.eq(T.VALID_TO)).and(otherInside)));
        Condition enteredIt = T.VALID_FROM.gt(after).and(T.VALID_FROM.le(upTo)).and(inBefore)
                .andExists(db.selectOne().from(other).where(other.UNIT_ID.eq(T.UNIT_ID)
                        .and(other.VALID_TO.eq(T.VALID_FROM)).and(otherInside.not())));
        return db.fetchExists(db.selectOne().from(T).where(leftIt.or(enteredIt)));
    }

    /** Units whose place in the tree changed (a version began) in (after, upTo]. */
    java.util.Set<Long> unitsChangedBetween(LocalDate after, LocalDate upTo) {
        return new java.util.HashSet<>(db.selectDistinct(T.UNIT_ID).from(T)
                .where(T.VALID_FROM.gt(after).and(T.VALID_FROM.le(upTo))).fetch(T.UNIT_ID));
    }

    /**
     * Whether the units counted at depth ≤ {@code depth} may hold other cells at {@code upTo} than at
     * {@code after}: a version of a unit at that depth ended in (after, upTo] (moved, merged, renamed …), or
     * a deeper unit moved under another holder. A deeper unit that moved under the same holder (the 2025
     * reform: grassroots committees from their district to a commune of the same province) or ended
     * changes nothing else: members leave an ended cell, or follow a merged one, by states of their own.
     */
    boolean holdersChangedBetween(LocalDate after, LocalDate upTo, int depth) {
        UnitTree next = UnitTree.UNIT_TREE.as("next");
        return db.fetchExists(db.selectOne().from(T)
                .leftJoin(next).on(next.UNIT_ID.eq(T.UNIT_ID).and(next.VALID_FROM.eq(T.VALID_TO)))
                .where(T.VALID_TO.gt(after).and(T.VALID_TO.le(upTo)))
                .and(T.DEPTH.le(depth).or(next.UNIT_ID.isNotNull().and(holder(next.PATH, depth).ne(holder(T.PATH, depth))))));
    }

    /**
     * The change of the roll over (after, upTo] per holder (as {@link #tallyByHolder}), for a window in
     * which no holder changed its cells ({@link #holdersChangedBetween} is false).
     */
    Map<Long, MemberTally> changeByHolder(LocalDate after, LocalDate upTo, int depth) {
        return changeByHolder(after, upTo, depth, List.of()).get(Subset.ALL);
    }

    /** The same for all members and for each of {@code subsets}, in one scan. */
    Map<Subset, Map<Long, MemberTally>> changeByHolder(LocalDate after, LocalDate upTo, int depth, List<Subset> subsets) {
        Field<Long> holder = holder(T.PATH, depth);
        var began = facts(holder, 1, treeOn(T, S.VALID_FROM),
                S.VALID_FROM.gt(after).and(S.VALID_FROM.le(upTo)).and(S.STATUS.in(ON_ROLL)));
        var ended = facts(holder, -1, treeOn(T, S.VALID_TO.minus(1)),
                S.VALID_TO.gt(after).and(S.VALID_TO.le(upTo)).and(S.STATUS.in(ON_ROLL)));
        return talliesByFacet(began.unionAll(ended), subsets);
    }

    /**
     * {@link #tallies} of {@code source} (rows with a holder) for all members and for each of {@code subsets}
     * in one scan: each row also counts once per subset it belongs to, under its holder × facet.
     */
    Map<Subset, Map<Long, MemberTally>> talliesByFacet(org.jooq.Select<Record> source, List<Subset> subsets) {
        Table<Record> u = source.asTable("u");
        int facets = subsets.size() + 1;
        Table<?> f = DSL.values(java.util.stream.IntStream.range(0, facets).mapToObj(DSL::row)
                .toArray(org.jooq.Row1[]::new)).as("f", "facet");
        Field<Integer> facet = f.field("facet", Integer.class);
        Condition counted = facet.eq(0);
        for (int i = 0; i < subsets.size(); i++) counted = counted.or(facet.eq(i + 1).and(subsets.get(i).on(u)));
        Field<Long> holder = u.field("holder", Long.class);
        List<SelectField<?>> select = new ArrayList<>();
        select.add(holder.mul(facets).plus(facet).as("holder"));
        for (Field<?> column : u.fields()) if (!column.getName().equals("holder")) select.add(column);
        Map<Long, MemberTally> flat = tallies(db.select(select).from(u).join(f).on(counted).asTable("src"));
        Map<Subset, Map<Long, MemberTally>> result = new HashMap<>();
        result.put(Subset.ALL, new HashMap<>());
        subsets.forEach(subset -> result.put(subset, new HashMap<>()));
        flat.forEach((key, tally) -> {
            int i = (int) (key % facets);
            result.get(i == 0 ? Subset.ALL : subsets.get(i - 1)).put(key / facets, tally);
        });
        return result;
    }

    /**
     * Members whose {@code dimension} has {@code key}: a cross-tabulation of the forms (women, probationary
     * members). Its {@link #name} keys it in a snapshot's subsets.
     */
    record Subset(Dimension dimension, String key) {

        static final Subset ALL = new Subset(null, null);

        Condition on(Table<?> t) {
            return dimension == null ? DSL.noCondition() : where(t, dimension, key);
        }

        String name() {
            return dimension + "=" + key;
        }

        /** Whether these facts are in the subset, as {@link #on} judges a row. */
        boolean matches(Facts f) {
            if (dimension == null) return true;
            return switch (dimension) {
                case STATUS -> key.equals(f.status());
                case GENDER -> key.equals(f.gender());
                default -> {
                    if (!CODED.contains(dimension)) throw new IllegalArgumentException("no subset by " + dimension);
                    yield key.equals(f.codes().get(dimension));
                }
            };
        }
    }

    /** Members whose {@code dimension} has {@code key} (a blank field for {@link MemberTally#NONE}). */
    Condition where(Dimension dimension, String key) {
        return where(S, dimension, key);
    }

    /** The same over {@code t}, the roll or a table with the same column names (the journal). */
    static Condition where(Table<?> t, Dimension dimension, String key) {
        Field<String> field = dimensionFields(t).get(dimension);
        if (field == null) throw new IllegalArgumentException("no subset by " + dimension);
        return field.eq(key);
    }

    /** Members admitted into the subtree of {@code rootPath} over [from, to], counted as at their admission. */
    MemberTally admittedIn(String rootPathAtTo, LocalDate from, LocalDate to) {
        return admittedIn(rootPathAtTo, from, to, DSL.noCondition());
    }

    MemberTally admittedIn(String rootPathAtTo, LocalDate from, LocalDate to, Condition subset) {
        Condition where = S.EVENT_KIND.eq("ADMITTED").and(S.VALID_FROM.between(from, to)).and(subset);
        return tallies(facts(DSL.inline(0L), 1, treeOn(T, S.VALID_FROM).and(inSubtree(T, rootPathAtTo)), where)
                .asTable("src")).getOrDefault(0L, MemberTally.EMPTY);
    }

    /**
     * Members on the roll on {@code date}, counted per unit at depth ≤ {@code depth} that holds them: the
     * ancestor at exactly that depth, or the member's own unit when it is shallower. Callers add each
     * entry to the unit's ancestors to get subtree figures for every upper unit in one scan.
     */
    Map<Long, MemberTally> tallyByHolder(LocalDate date, int depth) {
        return tallyByHolder(date, depth, List.of()).get(Subset.ALL);
    }

    /** The same for all members and for each of {@code subsets}, in one scan. */
    Map<Subset, Map<Long, MemberTally>> tallyByHolder(LocalDate date, int depth, List<Subset> subsets) {
        return talliesByFacet(facts(holder(T.PATH, depth), 1, treeOn(T, date), stateOn(S, date).and(S.STATUS.in(ON_ROLL))),
                subsets);
    }

    /** The ancestor at {@code depth} on {@code path}, or the unit itself when shallower. */
    static Field<Long> holder(Field<String> path, int depth) {
        List<Field<String>> parts = new ArrayList<>();
        for (int i = depth + 2; i >= 2; i--) {
            parts.add(DSL.nullif(DSL.splitPart(path, DSL.inline("/"), DSL.inline(i)), DSL.inline("")));
        }
        return DSL.coalesce(parts.getFirst(), parts.subList(1, parts.size()).toArray(Field[]::new)).cast(SQLDataType.BIGINT);
    }

    /** One grouping-sets scan of {@code src} (holder, w, fact columns): every dimension and the total per holder. */
    Map<Long, MemberTally> tallies(Table<?> src) {
        RollState s = RollState.ROLL_STATE;
        Field<Long> holder = src.field("holder", Long.class);
        Field<Integer> w = src.field("w", Integer.class);
        Map<Dimension, Field<String>> dims = dimensionFields(src);
        List<SelectField<?>> select = new ArrayList<>();
        select.add(holder);
        List<Field<Integer>> groupingFlags = new ArrayList<>();
        for (Field<String> f : dims.values()) {
            select.add(f);
            Field<Integer> flag = DSL.grouping(f);
            groupingFlags.add(flag);
            select.add(flag);
        }
        Field<java.math.BigDecimal> n = DSL.sum(w);
        Field<java.math.BigDecimal> exempt = DSL.sum(w).filterWhere(src.field(s.EXEMPT).isTrue());
        Field<java.math.BigDecimal> away = DSL.sum(w).filterWhere(src.field(s.AWAY_UNIT_ID).isNotNull());
        Field<java.math.BigDecimal> transit = DSL.sum(w).filterWhere(src.field(s.IN_TRANSIT).isTrue());
        select.addAll(List.of(n, exempt, away, transit));
        Field<?>[][] groupingSets = new Field[dims.size() + 1][];
        groupingSets[0] = new Field[]{holder};
        int i = 1;
        for (Field<String> f : dims.values()) {
            groupingSets[i++] = new Field[]{holder, f};
        }
        Result<Record> rows = db.select(select).from(src).groupBy(DSL.groupingSets(groupingSets)).fetch();

        Map<Long, Builder> builders = new HashMap<>();
        List<Dimension> order = new ArrayList<>(dims.keySet());
        for (Record r : rows) {
            long k = r.get(holder);
            Builder b = builders.computeIfAbsent(k, x -> new Builder());
            long count = longOf(r.get(n));
            Dimension grouped = null;
            for (int d = 0; d < order.size(); d++) {
                if (r.get(groupingFlags.get(d)) == 0) grouped = order.get(d);
            }
            if (grouped == null) {
                b.total += count;
                b.add(Dimension.FLAG, MemberTally.EXEMPT, longOf(r.get(exempt)));
                b.add(Dimension.FLAG, MemberTally.AWAY, longOf(r.get(away)));
                b.add(Dimension.FLAG, MemberTally.IN_TRANSIT, longOf(r.get(transit)));
            } else if (r.get(dims.get(grouped)) != null) { // null: men in FEMALE_BIRTH_YEAR
                b.add(grouped, r.get(dims.get(grouped)), count);
            }
        }
        Map<Long, MemberTally> result = new HashMap<>();
        builders.forEach((k, b) -> result.put(k, b.build()));
        return result;
    }

    private static long longOf(java.math.BigDecimal value) {
        return value == null ? 0 : value.longValueExact();
    }

    // ---- movements ----------------------------------------------------------------------------

    /** One kind of change of the roll over a period, with how many members it happened to. */
    record Boundary(String eventKind, boolean wasIn, boolean isIn, Region before, Region after, String oldStatus,
                    String newStatus, boolean oldExempt, boolean newExempt, long count) {
    }

    /** The top of a cell's path: its root and the unit below the root (null when outside the tree). */
    record Region(Long root, Long second) {

        /** The province (or central committee): below the Centre, or the root itself when the root is one. */
        Long province(java.util.Set<Long> centralRoots) {
            return root != null && centralRoots.contains(root) ? second : root;
        }
    }

    /** Units that are (or were) of type CENTRAL: their children are the provinces. */
    java.util.Set<Long> centralUnits() {
        return new java.util.HashSet<>(db.selectDistinct(T.UNIT_ID).from(T).where(T.TYPE.eq("CENTRAL")).fetch(T.UNIT_ID));
    }

    static Field<Long> pathPart(Field<String> path, int index) {
        return DSL.nullif(DSL.splitPart(path, DSL.inline("/"), DSL.inline(index)), DSL.inline("")).cast(SQLDataType.BIGINT);
    }

    /**
     * Every change of a member's roll state dated in [from, to], grouped by what it did relative to
     * the subtree of {@code unitId} (its position the day before and on the day of each change).
     */
    List<Boundary> boundaries(long unitId, LocalDate from, LocalDate to) {
        RollState s = RollState.ROLL_STATE.as("s");
        RollState p = RollState.ROLL_STATE.as("p");
        UnitTree u0 = UnitTree.UNIT_TREE.as("u0");
        UnitTree u1 = UnitTree.UNIT_TREE.as("u1");
        UnitTree t0 = UnitTree.UNIT_TREE.as("t0");
        UnitTree t1 = UnitTree.UNIT_TREE.as("t1");
        Field<LocalDate> dayBefore = s.VALID_FROM.minus(1);
        Field<Boolean> wasIn = DSL.field(p.STATUS.in(ON_ROLL).and(t0.PATH.ge(u0.PATH))
                .and(t0.PATH.lt(DSL.overlay(u0.PATH, DSL.inline("0"), DSL.length(u0.PATH)))));
        Field<Boolean> isIn = DSL.field(s.STATUS.in(ON_ROLL).and(t1.PATH.ge(u1.PATH))
                .and(t1.PATH.lt(DSL.overlay(u1.PATH, DSL.inline("0"), DSL.length(u1.PATH)))));
        Field<String> oldStatus = p.STATUS;
        Field<Boolean> oldExempt = DSL.coalesce(p.EXEMPT, DSL.inline(false));
        Field<Integer> n = DSL.count();
        return db.select(s.EVENT_KIND, DSL.coalesce(wasIn, DSL.inline(false)).as("was_in"),
                        DSL.coalesce(isIn, DSL.inline(false)).as("is_in"),
                        pathPart(t0.PATH, 2).as("r0"), pathPart(t0.PATH, 3).as("s0"), pathPart(t1.PATH, 2).as("r1"), pathPart(t1.PATH, 3).as("s1"),
                        oldStatus, s.STATUS, oldExempt.as("old_exempt"), s.EXEMPT, n)
                .from(s)
                .leftJoin(p).on(p.MEMBER_ID.eq(s.MEMBER_ID).and(p.VALID_TO.eq(s.VALID_FROM)))
                .leftJoin(u0).on(u0.UNIT_ID.eq(unitId).and(treeOn(u0, dayBefore)))
                .leftJoin(u1).on(u1.UNIT_ID.eq(unitId).and(treeOn(u1, s.VALID_FROM)))
                .leftJoin(t0).on(t0.UNIT_ID.eq(p.UNIT_ID).and(treeOn(t0, dayBefore)))
                .leftJoin(t1).on(t1.UNIT_ID.eq(s.UNIT_ID).and(treeOn(t1, s.VALID_FROM)))
                .where(s.VALID_FROM.between(from, to))
                .groupBy(DSL.field("2"), DSL.field("3"), DSL.field("4"), DSL.field("5"), DSL.field("6"),
                        DSL.field("7"), s.EVENT_KIND, oldStatus, s.STATUS, DSL.field("10"), s.EXEMPT)
                .fetch(r -> new Boundary(r.value1(), r.value2(), r.value3(), new Region(r.value4(), r.value5()),
                        new Region(r.value6(), r.value7()), r.value8(), r.value9(), r.value10(), r.value11(),
                        r.value12()));
    }

    // ---- member facts (for the live counters) -------------------------------------------------

    /** What the counters count of one member on the roll. */
    record Facts(long memberId, long unitId, String status, boolean exempt, boolean away, boolean inTransit,
                 String gender, int birthYear, Map<Dimension, String> codes) {

        void addTo(Builder b, int sign) {
            b.total += sign;
            b.add(Dimension.STATUS, status, sign);
            b.add(Dimension.GENDER, gender, sign);
            b.add(Dimension.BIRTH_YEAR, Integer.toString(birthYear), sign);
            if ("FEMALE".equals(gender)) b.add(Dimension.FEMALE_BIRTH_YEAR, Integer.toString(birthYear), sign);
            if (exempt) b.add(Dimension.FLAG, MemberTally.EXEMPT, sign);
            if (away) b.add(Dimension.FLAG, MemberTally.AWAY, sign);
            if (inTransit) b.add(Dimension.FLAG, MemberTally.IN_TRANSIT, sign);
            codes.forEach((d, code) -> b.add(d, code, sign));
        }
    }

    static final List<Dimension> CODED = List.of(Dimension.ETHNICITY, Dimension.RELIGION, Dimension.EDUCATION,
            Dimension.PROFESSIONAL, Dimension.THEORY, Dimension.ACADEMIC_TITLE, Dimension.STATE_MANAGEMENT,
            Dimension.OCCUPATION);

    /** Facts of the given members who are on the roll on {@code date}. */
    List<Facts> factsOn(Collection<Long> memberIds, LocalDate date) {
        if (memberIds.isEmpty()) return List.of();
        return factsWhere(S.MEMBER_ID.eq(DSL.any(memberIds.toArray(Long[]::new))), date);
    }

    /** Facts of members on the roll of the given units on {@code date}. */
    List<Facts> factsOfUnits(Collection<Long> unitIds, LocalDate date) {
        if (unitIds.isEmpty()) return List.of();
        return factsWhere(S.UNIT_ID.eq(DSL.any(unitIds.toArray(Long[]::new))), date);
    }

    /** Facts of members on the roll of the subtree of {@code rootPath} on {@code date}. */
    List<Facts> factsUnder(String rootPath, LocalDate date) {
        return factsWhere(S.UNIT_ID.in(unitsUnder(rootPath, date)), date);
    }

    /** The ids of the units in the subtree of {@code rootPath} on {@code date}, as a subquery. */
    static org.jooq.Select<org.jooq.Record1<Long>> unitsUnder(String rootPath, LocalDate date) {
        return DSL.select(T.UNIT_ID).from(T).where(treeOn(T, date).and(inSubtree(T, rootPath)));
    }

    private List<Facts> factsWhere(Condition condition, LocalDate date) {
        Map<Dimension, Field<String>> dims = dimensionFields(S);
        List<SelectField<?>> select = new ArrayList<>(List.of(S.MEMBER_ID, S.UNIT_ID, S.STATUS, S.EXEMPT,
                S.AWAY_UNIT_ID, S.IN_TRANSIT, S.GENDER, DSL.extract(S.BIRTH_DATE, org.jooq.DatePart.YEAR)));
        CODED.forEach(d -> select.add(dims.get(d)));
        return db.select(select).from(S).where(condition.and(stateOn(S, date)).and(S.STATUS.in(ON_ROLL)))
                .fetch(r -> {
                    Map<Dimension, String> codes = new EnumMap<>(Dimension.class);
                    for (int i = 0; i < CODED.size(); i++) codes.put(CODED.get(i), r.get(8 + i, String.class));
                    return new Facts(r.get(0, Long.class), r.get(1, Long.class), r.get(2, String.class),
                            r.get(3, Boolean.class), r.get(4) != null, r.get(5, Boolean.class), r.get(6, String.class),
                            r.get(7, Integer.class), codes);
                });
    }

    /** Accumulates counts; also used by the live counters for differences. */
    static final class Builder {
        long total;
        final Map<Dimension, Map<String, Long>> counts = new EnumMap<>(Dimension.class);

        void add(Dimension d, String key, long n) {
            if (n == 0) return;
            counts.computeIfAbsent(d, x -> new HashMap<>()).merge(key, n, Long::sum); // MemberTally sorts the keys
        }

        void add(MemberTally tally, int sign) {
            total += sign * tally.total();
            tally.counts().forEach((d, m) -> m.forEach((k, v) -> add(d, k, sign * v)));
        }

        MemberTally build() {
            return new MemberTally(total, counts);
        }
    }
}
