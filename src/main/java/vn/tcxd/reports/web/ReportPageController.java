package vn.tcxd.reports.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import vn.tcxd.orgstructure.OrgScope;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.UnitDetails;
import vn.tcxd.reports.forms.Narrative;
import vn.tcxd.reports.forms.ReportForm;
import vn.tcxd.reports.forms.ReportForms;
import vn.tcxd.reports.forms.ReportPeriod;
import vn.tcxd.reports.web.ReportExportJobs.Format;
import vn.tcxd.reports.web.ReportExportJobs.Job;
import vn.tcxd.shared.NotFound;
import vn.tcxd.shared.scope.CurrentAccess;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The report forms of a unit on screen (/units/{id}/reports?form=3&asOf=2021-12-31; the same URL
 * answers htmx with the report fragment), their downloads as .xlsx and PDF, and exports prepared in
 * the background with their progress. Units outside the user's scope answer 404.
 */
@Controller
class ReportPageController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ReportForms reports;
    private final OrgStructure org;
    private final ScopedStatistics scoped;
    private final ReportExportJobs jobs;
    private final OrgScope orgScope;
    private final CurrentAccess access;

    ReportPageController(ReportForms reports, OrgStructure org, ScopedStatistics scoped, ReportExportJobs jobs,
                         OrgScope orgScope, CurrentAccess access) {
        this.reports = reports;
        this.org = org;
        this.scoped = scoped;
        this.jobs = jobs;
        this.orgScope = orgScope;
        this.access = access;
    }

    /** The menu entry: the reports of the user's (first) unit. */
    @GetMapping("/reports/forms")
    String entry() {
        List<Long> roots = orgScope.readableRoots(access.scope());
        if (roots.isEmpty()) throw new NotFound("no unit in scope");
        return "redirect:/units/" + roots.getFirst() + "/reports";
    }

    /** A quick choice of dates: a message key with its argument, and the period it stands for. */
    record QuickChoice(String key, String arg, LocalDate from, LocalDate to) {
    }

    @GetMapping("/units/{id}/reports")
    String page(@PathVariable long id, @RequestParam(defaultValue = "co-cau") String form,
                @RequestParam(required = false) LocalDate asOf, @RequestParam(required = false) LocalDate from,
                @RequestParam(required = false) LocalDate to,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Locale locale, Model model) {
        scoped.requireRead(id);
        ReportForm chosen = ReportRequest.form(form);
        ReportRequest request = ReportRequest.of(chosen, asOf, from, to, scoped.today());
        ReportPeriod period = request.period();
        UnitDetails unit = unit(id, period.asOf());
        model.addAttribute("unit", unit);
        model.addAttribute("form", chosen);
        model.addAttribute("forms", ReportForm.values());
        model.addAttribute("period", period);
        model.addAttribute("clamped", request.clamped());
        model.addAttribute("today", scoped.today());
        model.addAttribute("quick", quickChoices(period.to(), scoped.today()));
        // the narrative scans other figures than the form: prepare both side by side
        CompletableFuture<Narrative> narrative = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                narrative.complete(reports.narrative(id, period, locale));
            } catch (Throwable e) {
                narrative.completeExceptionally(e);
            }
        });
        model.addAttribute("table", reports.fill(chosen, id, period, locale));
        try {
            model.addAttribute("narrative", narrative.join());
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) throw runtime;
            throw e;
        }
        return htmx != null ? "reports/forms :: report" : "reports/forms";
    }

    private UnitDetails unit(long id, LocalDate asOf) {
        return org.unit(id, asOf).or(() -> org.lastKnown(id)).orElseThrow(() -> new NotFound("unit " + id));
    }

    static List<QuickChoice> quickChoices(LocalDate end, LocalDate today) {
        List<QuickChoice> choices = new ArrayList<>();
        YearMonth month = YearMonth.from(end);
        choices.add(new QuickChoice("forms.page.quick.month", month.getMonthValue() + "/" + month.getYear(),
                month.atDay(1), month.atEndOfMonth()));
        ReportPeriod half = ReportPeriod.firstHalf(end.getYear());
        choices.add(new QuickChoice("forms.page.quick.half", String.valueOf(end.getYear()), half.from(), half.to()));
        ReportPeriod year = ReportPeriod.year(end.getYear());
        choices.add(new QuickChoice("forms.page.quick.year", String.valueOf(end.getYear()), year.from(), year.to()));
        ReportPeriod previous = ReportPeriod.year(end.getYear() - 1);
        choices.add(new QuickChoice("forms.page.quick.year", String.valueOf(end.getYear() - 1), previous.from(), previous.to()));
        return choices.stream().filter(q -> !q.from().isAfter(today)).toList();
    }

    // ---- downloads (plain links: they work without JavaScript) --------------------------------

    @GetMapping("/units/{id}/reports/{form}.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable long id, @PathVariable String form,
                                @RequestParam(required = false) LocalDate asOf, @RequestParam(required = false) LocalDate from,
                                @RequestParam(required = false) LocalDate to, Locale locale) {
        return download(id, form, asOf, from, to, locale, Format.XLSX);
    }

    @GetMapping("/units/{id}/reports/{form}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, @PathVariable String form,
                               @RequestParam(required = false) LocalDate asOf, @RequestParam(required = false) LocalDate from,
                               @RequestParam(required = false) LocalDate to, Locale locale) {
        return download(id, form, asOf, from, to, locale, Format.PDF);
    }

    private ResponseEntity<byte[]> download(long id, String slug, LocalDate asOf, LocalDate from, LocalDate to,
                                            Locale locale, Format format) {
        scoped.requireRead(id);
        List<ReportForm> forms = ReportRequest.forms(slug);
        ReportPeriod period = ReportRequest.of(forms.getFirst(), asOf, from, to, scoped.today()).period();
        String name = ReportRequest.fileName(unit(id, period.asOf()).code(), slug, period, extension(format));
        byte[] file = format == Format.XLSX ? reports.xlsx(forms, id, period, locale, ReportForms.Progress.NONE)
                : reports.pdf(forms, id, period, locale, ReportForms.Progress.NONE);
        return file(file, name, format);
    }

    static String extension(Format format) {
        return format == Format.XLSX ? "xlsx" : "pdf";
    }

    static ResponseEntity<byte[]> file(byte[] file, String name, Format format) {
        return ResponseEntity.ok()
                .contentType(format == Format.XLSX ? XLSX : MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .body(file);
    }

    // ---- exports in the background, with progress (htmx) --------------------------------------

    @PostMapping("/units/{id}/reports/exports")
    String startExport(@PathVariable long id, @RequestParam String form, @RequestParam String format,
                       @RequestParam(required = false) LocalDate asOf, @RequestParam(required = false) LocalDate from,
                       @RequestParam(required = false) LocalDate to,
                       @RequestHeader(value = "HX-Request", required = false) String htmx,
                       Principal user, Locale locale, Model model) {
        scoped.requireRead(id);
        List<ReportForm> forms = ReportRequest.forms(form);
        Format kind = "pdf".equalsIgnoreCase(format) ? Format.PDF : Format.XLSX;
        ReportPeriod period = ReportRequest.of(forms.getFirst(), asOf, from, to, scoped.today()).period();
        String name = ReportRequest.fileName(unit(id, period.asOf()).code(), form, period, extension(kind));
        Job job = jobs.start(user.getName(), id, forms, period, locale, kind, name);
        if (htmx == null) return "redirect:/units/" + id + "/reports/exports/" + job.id();
        model.addAttribute("job", job);
        return "reports/forms-job :: job";
    }

    @GetMapping("/units/{id}/reports/exports/{job}")
    String export(@PathVariable long id, @PathVariable String job,
                  @RequestHeader(value = "HX-Request", required = false) String htmx, Principal user, Model model) {
        scoped.requireRead(id);
        Job found = jobs.find(user.getName(), id, job).orElseThrow(() -> new NotFound("export " + job));
        model.addAttribute("job", found);
        model.addAttribute("unit", unit(id, scoped.today()));
        return htmx != null ? "reports/forms-job :: job" : "reports/forms-job";
    }

    @GetMapping("/units/{id}/reports/exports/{job}/file")
    ResponseEntity<byte[]> exportFile(@PathVariable long id, @PathVariable String job, Principal user) {
        scoped.requireRead(id);
        Job found = jobs.find(user.getName(), id, job).filter(Job::ready)
                .orElseThrow(() -> new NotFound("export " + job));
        return file(found.file, found.fileName(), found.format);
    }
}
