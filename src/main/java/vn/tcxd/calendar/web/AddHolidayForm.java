package vn.tcxd.calendar.web;

import org.springframework.format.annotation.DateTimeFormat;
import vn.tcxd.calendar.HolidayKind;

import java.time.LocalDate;

/**
 * The add-a-day form of the holiday calendar page. Mutable so that it binds and re-renders with its
 * field errors.
 */
public class AddHolidayForm {

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate date;
    private String name = "";
    private HolidayKind kind = HolidayKind.PUBLIC_HOLIDAY;

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public HolidayKind getKind() {
        return kind;
    }

    public void setKind(HolidayKind kind) {
        this.kind = kind;
    }
}
