package vn.tcxd.calendar.web;

import vn.tcxd.calendar.HolidayKind;

import java.time.LocalDate;

/**
 * API request to add a day to the holiday calendar.
 */
public record AddHolidayRequest(LocalDate date, String name, HolidayKind kind) {
}
