package vn.tcxd.members.web;

import vn.tcxd.members.HolidayKind;

import java.time.LocalDate;

/**
 * API request to add a day to the holiday calendar.
 */
public record AddHolidayRequest(LocalDate date, String name, HolidayKind kind) {
}
