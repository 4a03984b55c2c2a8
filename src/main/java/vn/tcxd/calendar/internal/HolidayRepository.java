package vn.tcxd.calendar.internal;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import vn.tcxd.calendar.Holiday;
import vn.tcxd.calendar.HolidayKind;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static vn.tcxd.jooq.calendar.Tables.HOLIDAY;
import static vn.tcxd.jooq.calendar.Tables.HOLIDAY_CALENDAR;

@Repository
class HolidayRepository {

    private final DSLContext db;

    HolidayRepository(DSLContext db) {
        this.db = db;
    }

    record Range(int firstYear, int lastYear) {
    }

    Range range() {
        return db.select(HOLIDAY_CALENDAR.FIRST_YEAR, HOLIDAY_CALENDAR.LAST_YEAR).from(HOLIDAY_CALENDAR)
                .fetchSingle(r -> new Range(r.value1(), r.value2()));
    }

    List<Holiday> all() {
        return db.selectFrom(HOLIDAY).orderBy(HOLIDAY.DATE)
                .fetch(r -> new Holiday(r.getDate(), r.getName(), HolidayKind.valueOf(r.getKind())));
    }

    List<Holiday> between(LocalDate from, LocalDate toInclusive) {
        return db.selectFrom(HOLIDAY).where(HOLIDAY.DATE.between(from, toInclusive)).orderBy(HOLIDAY.DATE)
                .fetch(r -> new Holiday(r.getDate(), r.getName(), HolidayKind.valueOf(r.getKind())));
    }

    Optional<Holiday> find(LocalDate date) {
        return db.selectFrom(HOLIDAY).where(HOLIDAY.DATE.eq(date))
                .fetchOptional(r -> new Holiday(r.getDate(), r.getName(), HolidayKind.valueOf(r.getKind())));
    }

    /** False when the date is already listed. */
    boolean insert(Holiday holiday) {
        return db.insertInto(HOLIDAY).set(HOLIDAY.DATE, holiday.date()).set(HOLIDAY.NAME, holiday.name())
                .set(HOLIDAY.KIND, holiday.kind().name()).onConflictDoNothing().execute() == 1;
    }

    boolean delete(LocalDate date) {
        return db.deleteFrom(HOLIDAY).where(HOLIDAY.DATE.eq(date)).execute() == 1;
    }
}
