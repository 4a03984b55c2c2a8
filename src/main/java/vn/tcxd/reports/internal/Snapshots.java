package vn.tcxd.reports.internal;

import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;
import vn.tcxd.jooq.reports.tables.PeriodSnapshot;
import vn.tcxd.reports.MemberTally;
import vn.tcxd.reports.MovementKind;
import vn.tcxd.reports.UnitStatistics;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Period ends frozen as documents of {@link UnitStatistics}, one per upper unit. */
@Repository
class Snapshots {

    private static final PeriodSnapshot P = PeriodSnapshot.PERIOD_SNAPSHOT;

    private final DSLContext db;
    private final ObjectMapper json;

    Snapshots(DSLContext db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    Optional<UnitStatistics> read(long unitId, LocalDate periodEnd) {
        return db.select(P.FIGURES).from(P).where(P.PERIOD_END.eq(periodEnd).and(P.UNIT_ID.eq(unitId)))
                .fetchOptional(r -> json.readValue(r.value1().data(), UnitStatistics.class));
    }

    /** The unit's members on that period end who have {@code subset} (see {@link StatisticsService#SUBSETS}), when frozen with it. */
    Optional<MemberTally> readSubset(long unitId, LocalDate periodEnd, String subset) {
        return db.select(DSL.field("{0} -> {1}", JSONB.class, P.SUBSETS, DSL.val(subset))).from(P)
                .where(P.PERIOD_END.eq(periodEnd).and(P.UNIT_ID.eq(unitId)))
                .fetchOptional().map(r -> r.value1()).map(j -> json.readValue(j.data(), MemberTally.class));
    }

    /** The month's movements frozen with each of these period ends; a period end without them is missing from the map. */
    Map<LocalDate, Map<MovementKind, Long>> readMovements(long unitId, Collection<LocalDate> periodEnds) {
        Map<LocalDate, Map<MovementKind, Long>> result = new HashMap<>();
        db.select(P.PERIOD_END, P.MOVEMENTS).from(P)
                .where(P.UNIT_ID.eq(unitId).and(P.PERIOD_END.in(periodEnds)).and(P.MOVEMENTS.isNotNull()))
                .forEach(r -> result.put(r.value1(), json.readValue(r.value2().data(), MOVEMENT_COUNTS)));
        return result;
    }

    private static final tools.jackson.core.type.TypeReference<Map<MovementKind, Long>> MOVEMENT_COUNTS =
            new tools.jackson.core.type.TypeReference<>() {
            };

    void write(UnitStatistics figures, Map<String, MemberTally> subsets, Map<MovementKind, Long> movements) {
        db.insertInto(P).set(P.PERIOD_END, figures.asOf()).set(P.UNIT_ID, figures.unitId())
                .set(P.FIGURES, JSONB.valueOf(json.writeValueAsString(figures)))
                .set(P.SUBSETS, JSONB.valueOf(json.writeValueAsString(subsets)))
                .set(P.MOVEMENTS, movements == null ? null : JSONB.valueOf(json.writeValueAsString(movements)))
                .onConflict(P.PERIOD_END, P.UNIT_ID).doNothing().execute();
    }

    Set<LocalDate> frozenPeriods() {
        return new HashSet<>(db.selectDistinct(P.PERIOD_END).from(P).fetch(P.PERIOD_END));
    }

    /**
     * Holds back acts (their {@link #dropFrom}) until this transaction ends, and waits for acts in progress:
     * a period end is frozen from the roll including every act committed before it is written.
     */
    void lockAgainstActs() {
        db.execute("lock table reports.period_snapshot in share row exclusive mode");
    }

    /** A change dated {@code from} makes every period ending on or after it out of date. */
    int dropFrom(LocalDate from) {
        return db.deleteFrom(P).where(P.PERIOD_END.ge(from)).execute();
    }
}
