package vn.tcxd.calendar.internal;

import org.springframework.stereotype.Service;
import vn.tcxd.calendar.WorkingDays;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Working days from a cached snapshot of the holiday calendar; {@link #invalidate()} after every
 * change (the calendar service does it after commit).
 */
@Service
class WorkingDaysService implements WorkingDays {

    private final HolidayRepository holidays;
    private final AtomicLong generation = new AtomicLong();
    private volatile Cached cached;

    /** A snapshot with the generation it was loaded in: a load that raced a change is not reused. */
    private record Cached(long generation, WorkingDayCalendar calendar) {
    }

    WorkingDaysService(HolidayRepository holidays) {
        this.holidays = holidays;
    }

    @Override
    public boolean isWorkingDay(LocalDate date) {
        return calendar().isWorkingDay(date);
    }

    @Override
    public LocalDate plusWorkingDays(LocalDate start, int n) {
        return calendar().plus(start, n);
    }

    @Override
    public LocalDate minusWorkingDays(LocalDate end, int n) {
        return calendar().minus(end, n);
    }

    @Override
    public int workingDaysBetween(LocalDate a, LocalDate b) {
        return calendar().between(a, b);
    }

    void invalidate() {
        generation.incrementAndGet();
    }

    private WorkingDayCalendar calendar() {
        long current = generation.get();
        Cached snapshot = cached;
        if (snapshot != null && snapshot.generation() == current) {
            return snapshot.calendar();
        }
        HolidayRepository.Range range = holidays.range();
        WorkingDayCalendar loaded = WorkingDayCalendar.of(range.firstYear(), range.lastYear(), holidays.all());
        cached = new Cached(current, loaded);
        return loaded;
    }
}
