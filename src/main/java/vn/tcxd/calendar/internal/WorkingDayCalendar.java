package vn.tcxd.calendar.internal;

import vn.tcxd.calendar.Holiday;
import vn.tcxd.shared.RuleViolation;
import vn.tcxd.shared.VietnameseFormat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An immutable snapshot of the holiday calendar with the working-day arithmetic (see
 * {@link vn.tcxd.calendar.WorkingDays} for the counting convention).
 */
record WorkingDayCalendar(int firstYear, int lastYear, Set<LocalDate> daysOff, Set<LocalDate> makeupWorkdays) {

    static WorkingDayCalendar of(int firstYear, int lastYear, List<Holiday> holidays) {
        Set<LocalDate> off = new HashSet<>();
        Set<LocalDate> makeup = new HashSet<>();
        holidays.forEach(h -> (h.kind().dayOff() ? off : makeup).add(h.date()));
        return new WorkingDayCalendar(firstYear, lastYear, Set.copyOf(off), Set.copyOf(makeup));
    }

    boolean isWorkingDay(LocalDate date) {
        requireCovered(date);
        if (makeupWorkdays.contains(date)) {
            return true;
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !daysOff.contains(date);
    }

    LocalDate plus(LocalDate start, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative");
        }
        requireCovered(start);
        LocalDate date = start;
        int counted = 0;
        while (counted < n) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }

    LocalDate minus(LocalDate end, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative");
        }
        requireCovered(end);
        LocalDate date = end;
        int counted = 0;
        while (counted < n) {
            date = date.minusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }

    int between(LocalDate a, LocalDate b) {
        if (b.isBefore(a)) {
            return -between(b, a);
        }
        requireCovered(a);
        int count = 0;
        for (LocalDate date = a.plusDays(1); !date.isAfter(b); date = date.plusDays(1)) {
            if (isWorkingDay(date)) {
                count++;
            }
        }
        return count;
    }

    private void requireCovered(LocalDate date) {
        if (date.getYear() < firstYear || date.getYear() > lastYear) {
            throw new RuleViolation("error.workingDays.outsideCalendar", VietnameseFormat.date(date), firstYear, lastYear);
        }
    }
}
