package vn.tcxd.security.web;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.context.MessageSource;
import vn.tcxd.security.AuditChainReport;
import vn.tcxd.security.AuditEntryRow;
import vn.tcxd.security.AuditFilter;
import vn.tcxd.security.AuditPage;
import vn.tcxd.security.AuditTrail;
import vn.tcxd.shared.scope.CurrentAccess;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The audit log page: filters, newest first, 50 a page. An htmx request gets only the results.
 */
@Controller
@PreAuthorize("hasAuthority('AUDIT')")
class AuditPageController {

    /** A changed field of an entry: its value before and after. */
    record Change(String field, String before, String after) {
    }

    /** An entry with its changes, for display. */
    record Line(AuditEntryRow entry, List<Change> changes) {
    }

    private final AuditTrail auditTrail;
    private final CurrentAccess currentAccess;

    private final MessageSource messages;

    AuditPageController(AuditTrail auditTrail, CurrentAccess currentAccess, MessageSource messages) {
        this.messages = messages;
        this.auditTrail = auditTrail;
        this.currentAccess = currentAccess;
    }

    @GetMapping("/audit")
    String audit(@RequestParam(required = false) Long unitId, @RequestParam(required = false) String actor,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                 @RequestParam(defaultValue = "0") int page,
                 @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        AuditFilter filter = new AuditFilter(unitId, actor, from, to);
        AuditPage result = auditTrail.search(currentAccess.scope(), filter, page);
        model.addAttribute("filter", filter);
        model.addAttribute("mayCheckChain", currentAccess.scope().everything());
        model.addAttribute("result", result);
        model.addAttribute("lines", result.entries().stream().map(e -> new Line(e, changes(e))).toList());
        return htmx != null ? "security/audit :: results" : "security/audit";
    }

    /** The chain check of the whole log, for system administrators. */
    @GetMapping("/audit/chain")
    String chain(Model model, Locale locale) {
        AuditChainReport report = auditTrail.checkChain(currentAccess.scope());
        model.addAttribute("report", report);
        model.addAttribute("message", describe(messages, report, locale));
        return "security/audit-chain";
    }

    /** One sentence for the result: intact with its head, or the first broken entry and what is wrong with it. */
    static String describe(MessageSource messages, AuditChainReport report, Locale locale) {
        if (report.intact()) {
            return messages.getMessage("audit.chain.intact", new Object[]{String.valueOf(report.checked()),
                    report.headPosition() == null ? "–" : String.valueOf(report.headPosition()),
                    report.headHash() == null ? "–" : report.headHash()}, locale);
        }
        return messages.getMessage("audit.chain.broken." + report.problem().name(), new Object[]{
                String.valueOf(report.firstBrokenId()), String.valueOf(report.firstBrokenPosition()),
                String.valueOf(report.checked())}, locale);
    }

    static List<Change> changes(AuditEntryRow entry) {
        Map<String, Object> before = entry.before() == null ? Map.of() : entry.before();
        Map<String, Object> after = entry.after() == null ? Map.of() : entry.after();
        Set<String> fields = new LinkedHashSet<>(before.keySet());
        fields.addAll(after.keySet());
        List<Change> changes = new ArrayList<>();
        for (String field : fields) {
            Object was = before.get(field);
            Object is = after.get(field);
            if (!Objects.equals(was, is)) {
                changes.add(new Change(field, was == null ? "" : String.valueOf(was), is == null ? "" : String.valueOf(is)));
            }
        }
        return changes;
    }
}
