package vn.tcxd.members;

import java.time.LocalDate;

/**
 * One day of the holiday calendar (lịch nghỉ lễ, Tết).
 */
public record Holiday(LocalDate date, String name, HolidayKind kind) {
}
