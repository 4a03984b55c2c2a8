package vn.tcxd.calendar;

import java.util.List;

/**
 * The holiday calendar behind every working-day deadline: reference data that system and unit
 * administrators correct. Every change is audited and takes effect on {@link WorkingDays} at once.
 */
public interface HolidayCalendar {

    /** The days of one year, in date order. */
    List<Holiday> year(int year);

    /** First and last year the calendar covers; working days outside are refused. */
    int firstYear();

    int lastYear();

    /**
     * Adds a day. Rule violations (field {@code date}, {@code name} or {@code kind}): date missing,
     * outside the calendar, already listed; name empty, too long or not NFC; a make-up working day
     * that is not a Saturday or Sunday.
     */
    Holiday add(java.time.LocalDate date, String name, HolidayKind kind);

    /** Removes a day; {@link vn.tcxd.shared.NotFound} when it is not listed. */
    Holiday remove(java.time.LocalDate date);
}
