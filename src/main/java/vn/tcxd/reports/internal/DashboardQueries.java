package vn.tcxd.reports.internal;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static vn.tcxd.reports.internal.RollQueries.ON_ROLL;
import static vn.tcxd.reports.internal.RollQueries.S;
import static vn.tcxd.reports.internal.RollQueries.T;
import static vn.tcxd.reports.internal.RollQueries.inSubtree;
import static vn.tcxd.reports.internal.RollQueries.stateOn;
import static vn.tcxd.reports.internal.RollQueries.treeOn;

/**
 * The one cross-tabulation the engine's tally does not keep: members on the roll by gender and year of
 * birth, for the dashboard's age pyramid. Same roll, same conditions as {@code RollQueries.tallyOn}
 * (its margins equal the engine's GENDER and BIRTH_YEAR counts; DashboardTests checks it), always read
 * from history.
 */
@Repository
class DashboardQueries {

    private final DSLContext db;
    private final RollQueries roll;

    DashboardQueries(DSLContext db, RollQueries roll) {
        this.db = db;
        this.roll = roll;
    }

    /** gender → (year of birth → members) in the subtree of the unit on {@code date}; empty when it did not exist. */
    Map<String, Map<Integer, Long>> genderByBirthYear(long unitId, LocalDate date) {
        Map<String, Map<Integer, Long>> result = new HashMap<>();
        var position = roll.position(unitId, date);
        if (position.isEmpty()) return result;
        Field<Integer> year = DSL.extract(S.BIRTH_DATE, org.jooq.DatePart.YEAR);
        db.select(S.GENDER, year, DSL.count())
                .from(S).join(T).on(T.UNIT_ID.eq(S.UNIT_ID))
                .where(stateOn(S, date).and(S.STATUS.in(ON_ROLL)).and(treeOn(T, date))
                        .and(inSubtree(T, position.get().path())))
                .groupBy(S.GENDER, year)
                .forEach(r -> result.computeIfAbsent(r.value1(), g -> new HashMap<>())
                        .merge(r.value2(), (long) r.value3(), Long::sum));
        return result;
    }
}
