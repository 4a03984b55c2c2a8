package vn.tcxd.calendar.web;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tcxd.calendar.Holiday;
import vn.tcxd.calendar.HolidayCalendar;
import vn.tcxd.calendar.HolidayKind;
import vn.tcxd.shared.RuleViolation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The holiday calendar page for system and unit administrators: one year's days with add and
 * remove (post/redirect/get).
 */
@Controller
@RequestMapping("/admin/holidays")
@PreAuthorize("hasAuthority('ACCOUNTS')")
class HolidayPageController {

    private static final List<String> FIELDS = List.of("date", "name", "kind");

    private final HolidayCalendar calendar;
    private final Clock clock;

    HolidayPageController(HolidayCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(required = false) Integer year, Model model) {
        int shown = year(year);
        AddHolidayForm form = new AddHolidayForm();
        form.setDate(LocalDate.of(shown, 1, 1));
        model.addAttribute("holidayForm", form);
        return page(shown, model);
    }

    @PostMapping
    String add(@ModelAttribute("holidayForm") AddHolidayForm form, BindingResult binding, Model model,
               RedirectAttributes redirect) {
        int shown = form.getDate() == null ? year(null) : form.getDate().getYear();
        if (binding.hasErrors()) {
            return page(year(shown), model);
        }
        try {
            Holiday added = calendar.add(form.getDate(), form.getName(), form.getKind());
            redirect.addFlashAttribute("added", added.date());
            redirect.addAttribute("year", added.date().getYear());
            return "redirect:/admin/holidays";
        } catch (RuleViolation e) {
            if (e.field() != null && FIELDS.contains(e.field())) {
                binding.rejectValue(e.field(), e.messageKey(), e.args(), e.messageKey());
            } else {
                binding.reject(e.messageKey(), e.args(), e.messageKey());
            }
        }
        return page(year(shown), model);
    }

    @PostMapping("/{date}/delete")
    String remove(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                  RedirectAttributes redirect) {
        Holiday removed = calendar.remove(date);
        redirect.addFlashAttribute("removed", removed.date());
        redirect.addAttribute("year", date.getYear());
        return "redirect:/admin/holidays";
    }

    /** The requested year inside the calendar, else this year (or the nearest covered year). */
    private int year(Integer requested) {
        int first = calendar.firstYear();
        int last = calendar.lastYear();
        int year = requested != null ? requested : LocalDate.now(clock).getYear();
        return Math.clamp(year, first, last);
    }

    private String page(int year, Model model) {
        model.addAttribute("year", year);
        model.addAttribute("holidays", calendar.year(year));
        model.addAttribute("previousYear", year > calendar.firstYear() ? year - 1 : null);
        model.addAttribute("nextYear", year < calendar.lastYear() ? year + 1 : null);
        model.addAttribute("kinds", HolidayKind.values());
        return "calendar/holidays";
    }
}
