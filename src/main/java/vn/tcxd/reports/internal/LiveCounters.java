package vn.tcxd.reports.internal;

import org.jooq.DSLContext;
import org.jooq.InsertValuesStep4;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import vn.tcxd.jooq.reports.tables.CountedMember;
import vn.tcxd.jooq.reports.tables.CountedUnit;
import vn.tcxd.jooq.reports.tables.LiveState;
import vn.tcxd.jooq.reports.tables.LiveTally;
import vn.tcxd.jooq.reports.tables.records.CountedMemberRecord;
import vn.tcxd.jooq.reports.tables.records.LiveTallyRecord;
import vn.tcxd.reports.Dimension;
import vn.tcxd.reports.MemberTally;
import vn.tcxd.reports.internal.RollQueries.Builder;
import vn.tcxd.reports.internal.RollQueries.Facts;
import vn.tcxd.reports.internal.RollQueries.Position;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The live counters: for each upper unit (depth ≤ {@code depth} today) the members on the roll of
 * its subtree by every dimension, plus a record of what was counted for each member, so that any
 * change is applied as a difference in the transaction that makes it.
 */
@Repository
class LiveCounters {

    private static final LiveTally L = LiveTally.LIVE_TALLY;
    private static final CountedMember C = CountedMember.COUNTED_MEMBER;
    private static final LiveState STATE = LiveState.LIVE_STATE;
    private static final CountedUnit U = CountedUnit.COUNTED_UNIT;
    /** The row holding the total of members on the roll (kept even when 0, so covered units are known). */
    static final String TOTAL = "TOTAL";

    private final DSLContext db;
    private final RollQueries roll;

    LiveCounters(DSLContext db, RollQueries roll) {
        this.db = db;
        this.roll = roll;
    }

    record Standing(LocalDate on, int depth) {
    }

    Optional<Standing> standing() {
        return db.select(STATE.STANDING_ON, STATE.DEPTH).from(STATE).fetchOptional(r -> new Standing(r.value1(), r.value2()));
    }

    MemberTally read(long unitId) {
        Builder b = new Builder();
        db.select(L.DIMENSION, L.KEY, L.N).from(L).where(L.UNIT_ID.eq(unitId)).forEach(r -> {
            if (TOTAL.equals(r.value1())) {
                b.total = r.value3();
            } else {
                b.add(Dimension.valueOf(r.value1()), r.value2(), r.value3());
            }
        });
        return b.build();
    }

    /** Rebuilds everything from the roll as at {@code today}; returns the number of units covered. */
    int rebuild(LocalDate today, int depth) {
        db.truncate(L).execute();
        db.truncate(C).execute();
        db.truncate(U).execute();
        db.deleteFrom(STATE).execute();
        copyFactsOfRoll(today);
        db.insertInto(U, U.UNIT_ID, U.CHAIN)
                .select(db.select(RollQueries.T.UNIT_ID, RollQueries.chainField(RollQueries.T, depth))
                        .from(RollQueries.T).where(RollQueries.treeOn(RollQueries.T, today)))
                .execute();
        List<Position> upper = roll.upperUnits(today, depth);
        Map<Long, MemberTally> byHolder = roll.tallyByHolder(today, depth);
        Map<Long, Position> positions = new HashMap<>();
        upper.forEach(p -> positions.put(p.unitId(), p));
        Map<Long, Builder> perUnit = new HashMap<>();
        upper.forEach(p -> perUnit.put(p.unitId(), new Builder()));
        byHolder.forEach((holder, tally) -> {
            Position p = positions.get(holder);
            if (p == null) return;
            for (long ancestor : p.ancestorsUpTo(depth)) {
                perUnit.computeIfAbsent(ancestor, x -> new Builder()).add(tally, 1);
            }
        });
        List<LiveTallyRecord> rows = new ArrayList<>();
        perUnit.forEach((unitId, b) -> rows.addAll(rowsOf(unitId, b)));
        db.batchInsert(rows).execute();
        db.insertInto(STATE).set(STATE.ID, 1).set(STATE.STANDING_ON, today).set(STATE.DEPTH, depth).execute();
        return perUnit.size();
    }

    private void copyFactsOfRoll(LocalDate today) {
        var s = RollQueries.S;
        Map<Dimension, org.jooq.Field<String>> dims = RollQueries.dimensionFields(s);
        db.insertInto(C, C.MEMBER_ID, C.UNIT_ID, C.STATUS, C.EXEMPT, C.AWAY, C.IN_TRANSIT, C.GENDER, C.BIRTH_YEAR,
                        C.ETHNICITY, C.RELIGION, C.EDUCATION, C.PROFESSIONAL, C.THEORY, C.ACADEMIC_TITLE,
                        C.STATE_MANAGEMENT, C.OCCUPATION)
                .select(db.select(s.MEMBER_ID, s.UNIT_ID, s.STATUS, s.EXEMPT, DSL.field(s.AWAY_UNIT_ID.isNotNull()),
                                s.IN_TRANSIT, s.GENDER, DSL.extract(s.BIRTH_DATE, org.jooq.DatePart.YEAR),
                                dims.get(Dimension.ETHNICITY), dims.get(Dimension.RELIGION),
                                dims.get(Dimension.EDUCATION), dims.get(Dimension.PROFESSIONAL),
                                dims.get(Dimension.THEORY), dims.get(Dimension.ACADEMIC_TITLE),
                                dims.get(Dimension.STATE_MANAGEMENT), dims.get(Dimension.OCCUPATION))
                        .from(s).where(RollQueries.stateOn(s, today).and(s.STATUS.in(RollQueries.ON_ROLL)))
                        // in the order of the index on the cell: it grows at its end instead of at random pages
                        .orderBy(s.UNIT_ID))
                .execute();
    }

    private static List<LiveTallyRecord> rowsOf(long unitId, Builder b) {
        List<LiveTallyRecord> rows = new ArrayList<>();
        rows.add(new LiveTallyRecord(unitId, TOTAL, "", b.total));
        b.counts.forEach((d, m) -> m.forEach((k, n) -> {
            if (n != 0) rows.add(new LiveTallyRecord(unitId, d.name(), k, n));
        }));
        return rows;
    }

    /**
     * Brings the counters in line with the roll for these members: what was counted for them comes
     * out, what the roll says today goes in, on the upper units above their cells today.
     */
    void reconcileMembers(Collection<Long> memberIds, LocalDate today, int depth) {
        if (memberIds.isEmpty()) return;
        Map<Long, Facts> counted = new HashMap<>();
        Long[] ids = memberIds.toArray(Long[]::new); // one array parameter, however many (an import: 100,000)
        db.selectFrom(C).where(C.MEMBER_ID.eq(DSL.any(ids))).forEach(r -> counted.put(r.getMemberId(), facts(r)));
        Map<Long, Facts> now = new HashMap<>();
        roll.factsOn(memberIds, today).forEach(f -> now.put(f.memberId(), f));
        Set<Long> changed = new HashSet<>();
        Set<Long> cells = new HashSet<>();
        for (long id : memberIds) {
            Facts before = counted.get(id);
            Facts after = now.get(id);
            if (Objects.equals(before, after)) continue;
            changed.add(id);
            if (before != null) cells.add(before.unitId());
            if (after != null) cells.add(after.unitId());
        }
        if (changed.isEmpty()) return;
        Map<Long, String> chains = chains(cells, today, depth);
        Map<Long, Builder> delta = new HashMap<>();
        for (long id : changed) {
            apply(counted.get(id), -1, chains, delta);
            apply(now.get(id), 1, chains, delta);
        }
        add(delta);
        db.deleteFrom(C).where(C.MEMBER_ID.eq(DSL.any(changed.toArray(Long[]::new)))).execute();
        List<CountedMemberRecord> records = changed.stream().map(now::get).filter(Objects::nonNull)
                .map(LiveCounters::record).toList();
        for (int i = 0; i < records.size(); i += 1_000) { // multi-row inserts: an import's 100,000 in a hundred statements
            db.insertInto(C).columns(C.fields()).valuesOfRecords(records.subList(i, Math.min(records.size(), i + 1_000)))
                    .execute();
        }
    }

    /**
     * What is counted today for the members of a subtree's cells: the facts the counters hold, read
     * from the covering index on the cell (a few index pages, where the roll's rows lie scattered).
     */
    List<Facts> factsUnder(String rootPath, LocalDate today) {
        return db.selectFrom(C).where(C.UNIT_ID.in(RollQueries.unitsUnder(rootPath, today))).fetch(LiveCounters::facts);
    }

    /** Members counted on, or now on the roll of, any of these cells. */
    Set<Long> membersOfUnits(Collection<Long> unitIds, LocalDate today) {
        Set<Long> ids = new HashSet<>(db.select(C.MEMBER_ID).from(C)
                .where(C.UNIT_ID.eq(DSL.any(unitIds.toArray(Long[]::new)))).fetch(C.MEMBER_ID));
        roll.factsOfUnits(unitIds, today).forEach(f -> ids.add(f.memberId()));
        return ids;
    }

    private static void apply(Facts facts, int sign, Map<Long, String> chains, Map<Long, Builder> delta) {
        if (facts == null) return;
        for (long upper : ids(chains.getOrDefault(facts.unitId(), ""))) {
            facts.addTo(delta.computeIfAbsent(upper, x -> new Builder()), sign);
        }
    }

    static List<Long> ids(String chain) {
        List<Long> ids = new ArrayList<>();
        for (String part : chain.split("/")) {
            if (!part.isEmpty()) ids.add(Long.parseLong(part));
        }
        return ids;
    }

    /**
     * The chain each unit's members are counted in: the recorded one, or for a unit not seen yet
     * its chain in today's tree (recorded now).
     */
    private Map<Long, String> chains(Collection<Long> unitIds, LocalDate today, int depth) {
        Map<Long, String> chains = new HashMap<>();
        db.select(U.UNIT_ID, U.CHAIN).from(U).where(U.UNIT_ID.in(unitIds)).forEach(r -> chains.put(r.value1(), r.value2()));
        Set<Long> unseen = new HashSet<>(unitIds);
        unseen.removeAll(chains.keySet());
        if (!unseen.isEmpty()) {
            Map<Long, String> current = currentChains(unseen, today, depth);
            unseen.forEach(u -> current.putIfAbsent(u, ""));
            current.forEach((u, chain) -> db.insertInto(U).set(U.UNIT_ID, u).set(U.CHAIN, chain)
                    .onConflict(U.UNIT_ID).doNothing().execute());
            chains.putAll(current);
        }
        return chains;
    }

    private Map<Long, String> currentChains(Collection<Long> unitIds, LocalDate today, int depth) {
        Map<Long, String> result = new HashMap<>();
        var t = RollQueries.T;
        db.select(t.UNIT_ID, RollQueries.chainField(t, depth)).from(t)
                .where(t.UNIT_ID.eq(DSL.any(unitIds.toArray(Long[]::new))).and(RollQueries.treeOn(t, today)))
                .forEach(r -> result.put(r.value1(), r.value2()));
        return result;
    }

    /**
     * After a reorganisation: every given unit whose chain in today's tree differs from the one its
     * members were counted in moves their counts from the old chain to the new one ('' for a unit
     * that ended: counted nowhere). Returns how many units moved.
     */
    int moveChains(Collection<Long> unitIds, LocalDate today, int depth) {
        Map<Long, String> recorded = new HashMap<>();
        Long[] ids = unitIds.toArray(Long[]::new);
        db.select(U.UNIT_ID, U.CHAIN).from(U).where(U.UNIT_ID.eq(DSL.any(ids))).forEach(r -> recorded.put(r.value1(), r.value2()));
        Map<Long, String> current = currentChains(unitIds, today, depth);
        Map<Long, String[]> moved = new HashMap<>();
        for (long u : unitIds) {
            String now = current.getOrDefault(u, "");
            String before = recorded.get(u);
            if (before == null) {
                db.insertInto(U).set(U.UNIT_ID, u).set(U.CHAIN, now).onConflict(U.UNIT_ID).doNothing().execute();
            } else if (!before.equals(now)) {
                moved.put(u, new String[]{before, now});
            }
        }
        if (moved.isEmpty()) return 0;
        Map<Long, Builder> delta = new HashMap<>();
        db.selectFrom(C).where(C.UNIT_ID.eq(DSL.any(moved.keySet().toArray(Long[]::new)))).forEach(r -> {
            Facts f = facts(r);
            String[] chain = moved.get(f.unitId());
            List<Long> before = ids(chain[0]);
            List<Long> after = ids(chain[1]);
            for (long a : before) if (!after.contains(a)) f.addTo(delta.computeIfAbsent(a, x -> new Builder()), -1);
            for (long a : after) if (!before.contains(a)) f.addTo(delta.computeIfAbsent(a, x -> new Builder()), 1);
        });
        add(delta);
        moved.forEach((u, chain) -> db.update(U).set(U.CHAIN, chain[1]).where(U.UNIT_ID.eq(u)).execute());
        return moved.size();
    }

    void add(Map<Long, Builder> delta) {
        InsertValuesStep4<LiveTallyRecord, Long, String, String, Long> insert =
                db.insertInto(L, L.UNIT_ID, L.DIMENSION, L.KEY, L.N);
        boolean any = false;
        for (var e : delta.entrySet()) {
            for (LiveTallyRecord r : rowsOf(e.getKey(), e.getValue())) {
                if (r.getN() == 0) continue;
                insert = insert.values(r.getUnitId(), r.getDimension(), r.getKey(), r.getN());
                any = true;
            }
        }
        if (!any) return;
        insert.onConflict(L.UNIT_ID, L.DIMENSION, L.KEY).doUpdate().set(L.N, L.N.plus(DSL.excluded(L.N))).execute();
        db.deleteFrom(L).where(L.N.eq(0L).and(L.DIMENSION.ne(TOTAL))).and(L.UNIT_ID.in(delta.keySet())).execute();
    }

    /** Replaces the counters of these units by a recount of their subtrees today (after reorganisations). */
    void recount(Collection<Position> units, LocalDate today) {
        for (Position p : units) {
            db.deleteFrom(L).where(L.UNIT_ID.eq(p.unitId())).execute();
            Builder b = new Builder();
            b.add(roll.tallyOn(p.path(), today), 1);
            db.batchInsert(rowsOf(p.unitId(), b)).execute();
        }
    }

    /** Units that have counters. */
    Set<Long> coveredUnits() {
        return new HashSet<>(db.selectDistinct(L.UNIT_ID).from(L).where(L.DIMENSION.eq(TOTAL)).fetch(L.UNIT_ID));
    }

    void drop(Collection<Long> unitIds) {
        if (!unitIds.isEmpty()) db.deleteFrom(L).where(L.UNIT_ID.in(unitIds)).execute();
    }

    void standOn(LocalDate today) {
        db.update(STATE).set(STATE.STANDING_ON, today).execute();
    }

    private static Facts facts(CountedMemberRecord r) {
        Map<Dimension, String> codes = new EnumMap<>(Dimension.class);
        codes.put(Dimension.ETHNICITY, r.getEthnicity());
        codes.put(Dimension.RELIGION, r.getReligion());
        codes.put(Dimension.EDUCATION, r.getEducation());
        codes.put(Dimension.PROFESSIONAL, r.getProfessional());
        codes.put(Dimension.THEORY, r.getTheory());
        codes.put(Dimension.ACADEMIC_TITLE, r.getAcademicTitle());
        codes.put(Dimension.STATE_MANAGEMENT, r.getStateManagement());
        codes.put(Dimension.OCCUPATION, r.getOccupation());
        return new Facts(r.getMemberId(), r.getUnitId(), r.getStatus(), r.getExempt(), r.getAway(), r.getInTransit(),
                r.getGender(), r.getBirthYear(), codes);
    }

    private static CountedMemberRecord record(Facts f) {
        Map<Dimension, String> c = f.codes();
        CountedMemberRecord r = new CountedMemberRecord();
        r.setMemberId(f.memberId());
        r.setUnitId(f.unitId());
        r.setStatus(f.status());
        r.setExempt(f.exempt());
        r.setAway(f.away());
        r.setInTransit(f.inTransit());
        r.setGender(f.gender());
        r.setBirthYear(f.birthYear());
        r.setEthnicity(c.get(Dimension.ETHNICITY));
        r.setReligion(c.get(Dimension.RELIGION));
        r.setEducation(c.get(Dimension.EDUCATION));
        r.setProfessional(c.get(Dimension.PROFESSIONAL));
        r.setTheory(c.get(Dimension.THEORY));
        r.setAcademicTitle(c.get(Dimension.ACADEMIC_TITLE));
        r.setStateManagement(c.get(Dimension.STATE_MANAGEMENT));
        r.setOccupation(c.get(Dimension.OCCUPATION));
        return r;
    }
}
