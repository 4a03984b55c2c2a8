package vn.tcxd.calendar.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.tcxd.calendar.Holiday;
import vn.tcxd.calendar.HolidayCalendar;
import vn.tcxd.calendar.HolidayKind;
import vn.tcxd.shared.RuleViolation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * JSON API of the holiday calendar behind working-day deadlines. Any signed-in user reads it;
 * administrators (authority ACCOUNTS) change it.
 */
@RestController
@RequestMapping("/api/v1/holidays")
@Tag(name = "Lịch nghỉ lễ", description = "Holiday calendar for working-day deadlines")
class HolidayApiController {

    private final HolidayCalendar calendar;
    private final Clock clock;

    HolidayApiController(HolidayCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    /** One day of the calendar as the API shows it. */
    record HolidayResponse(LocalDate date, String name, HolidayKind kind, boolean dayOff) {

        static HolidayResponse of(Holiday holiday) {
            return new HolidayResponse(holiday.date(), holiday.name(), holiday.kind(), holiday.kind().dayOff());
        }
    }

    @GetMapping
    @Operation(summary = "The days of one year (default this year)")
    List<HolidayResponse> year(@RequestParam(required = false) Integer year) {
        int shown = year != null ? year : LocalDate.now(clock).getYear();
        return calendar.year(shown).stream().map(HolidayResponse::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('ACCOUNTS')")
    @Operation(summary = "Add a day (holiday, compensatory, swapped day off, make-up working day)")
    HolidayResponse add(@RequestBody AddHolidayRequest request) {
        if (request == null) {
            throw new RuleViolation("error.holiday.dateRequired");
        }
        return HolidayResponse.of(calendar.add(request.date(), request.name(), request.kind()));
    }

    @DeleteMapping("/{date}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('ACCOUNTS')")
    @Operation(summary = "Remove a day")
    void remove(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        calendar.remove(date);
    }
}
