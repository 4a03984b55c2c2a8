package vn.tcxd.reports.internal;

import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;
import vn.tcxd.jooq.reports.tables.PeriodSnapshot;
import vn.tcxd.reports.UnitStatistics;

import java.time.LocalDate;
import java.util.HashSet;
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

    void write(UnitStatistics figures) {
        db.insertInto(P).set(P.PERIOD_END, figures.asOf()).set(P.UNIT_ID, figures.unitId())
                .set(P.FIGURES, JSONB.valueOf(json.writeValueAsString(figures)))
                .onConflict(P.PERIOD_END, P.UNIT_ID).doNothing().execute();
    }

    Set<LocalDate> frozenPeriods() {
        return new HashSet<>(db.selectDistinct(P.PERIOD_END).from(P).fetch(P.PERIOD_END));
    }

    /** A change dated {@code from} makes every period ending on or after it out of date. */
    int dropFrom(LocalDate from) {
        return db.deleteFrom(P).where(P.PERIOD_END.ge(from)).execute();
    }
}
