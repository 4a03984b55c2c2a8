package vn.tcxd.calendar;

import java.time.LocalDate;

/**
 * One day of the holiday calendar (lịch nghỉ lễ, Tết).
 */
public record Holiday(LocalDate date, String name, HolidayKind kind) {
}
