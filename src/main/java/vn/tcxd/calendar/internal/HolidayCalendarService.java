package vn.tcxd.calendar.internal;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.tcxd.calendar.Holiday;
import vn.tcxd.calendar.HolidayCalendar;
import vn.tcxd.calendar.HolidayKind;
import vn.tcxd.shared.NotFound;
import vn.tcxd.shared.RuleViolation;
import vn.tcxd.shared.VietnameseFormat;
import vn.tcxd.shared.VietnameseText;
import vn.tcxd.shared.audit.AuditedChange;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Edits of the holiday calendar: validated, audited in the same transaction, and the working-day
 * cache dropped once the change is committed.
 */
@Service
class HolidayCalendarService implements HolidayCalendar {

    static final int NAME_MAX_LENGTH = 200;

    private final HolidayRepository holidays;
    private final WorkingDaysService workingDays;
    private final ApplicationEventPublisher events;

    HolidayCalendarService(HolidayRepository holidays, WorkingDaysService workingDays, ApplicationEventPublisher events) {
        this.holidays = holidays;
        this.workingDays = workingDays;
        this.events = events;
    }

    @Override
    public List<Holiday> year(int year) {
        return holidays.between(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    @Override
    public int firstYear() {
        return holidays.range().firstYear();
    }

    @Override
    public int lastYear() {
        return holidays.range().lastYear();
    }

    @Override
    @Transactional
    public Holiday add(LocalDate date, String name, HolidayKind kind) {
        if (date == null) {
            throw RuleViolation.onField("date", "error.holiday.dateRequired");
        }
        HolidayRepository.Range range = holidays.range();
        if (date.getYear() < range.firstYear() || date.getYear() > range.lastYear()) {
            throw RuleViolation.onField("date", "error.holiday.outOfRange", VietnameseFormat.date(date),
                    range.firstYear(), range.lastYear());
        }
        String text = VietnameseText.requireText(name, "name", NAME_MAX_LENGTH);
        if (kind == null) {
            throw RuleViolation.onField("kind", "error.holiday.kindRequired");
        }
        boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        if (kind == HolidayKind.MAKEUP_WORKDAY && !weekend) {
            throw RuleViolation.onField("kind", "error.holiday.makeupNotWeekend", VietnameseFormat.date(date));
        }
        Holiday holiday = new Holiday(date, text, kind);
        boolean inserted;
        try {
            inserted = holidays.insert(holiday);
        } catch (DuplicateKeyException e) {
            inserted = false;
        }
        if (!inserted) {
            throw RuleViolation.onField("date", "error.holiday.duplicate", VietnameseFormat.date(date));
        }
        events.publishEvent(new AuditedChange("calendar.HOLIDAY_ADDED", "holiday", date.toString(), null,
                null, state(holiday), null));
        changed();
        return holiday;
    }

    @Override
    @Transactional
    public Holiday remove(LocalDate date) {
        Holiday holiday = holidays.find(date).orElseThrow(() -> new NotFound("holiday " + date));
        holidays.delete(date);
        events.publishEvent(new AuditedChange("calendar.HOLIDAY_REMOVED", "holiday", date.toString(), null,
                state(holiday), null, null));
        changed();
        return holiday;
    }

    private void changed() {
        workingDays.invalidate();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    workingDays.invalidate();
                }
            });
        }
    }

    private static Map<String, Object> state(Holiday holiday) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("date", holiday.date().toString());
        state.put("name", holiday.name());
        state.put("kind", holiday.kind().name());
        return state;
    }
}
