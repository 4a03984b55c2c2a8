package vn.tcxd.security.web;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.context.MessageSource;
import vn.tcxd.security.AuditChainReport;
import vn.tcxd.security.AuditFilter;
import vn.tcxd.security.AuditPage;
import vn.tcxd.security.AuditTrail;
import vn.tcxd.shared.scope.CurrentAccess;

import java.time.LocalDate;
import java.util.Locale;

/**
 * The audit log within the caller's administration scope, newest first, 50 a page.
 */
@RestController
@PreAuthorize("hasAuthority('AUDIT')")
class AuditApiController {

    private final AuditTrail auditTrail;
    private final CurrentAccess currentAccess;

    private final MessageSource messages;

    AuditApiController(AuditTrail auditTrail, CurrentAccess currentAccess, MessageSource messages) {
        this.messages = messages;
        this.auditTrail = auditTrail;
        this.currentAccess = currentAccess;
    }

    /** The hash chain of the whole log checked: intact, or the first broken entry (system administrators). */
    @GetMapping("/api/v1/audit/chain")
    AuditChainResponse chain(Locale locale) {
        AuditChainReport report = auditTrail.checkChain(currentAccess.scope());
        return AuditChainResponse.of(report, AuditPageController.describe(messages, report, locale));
    }

    @GetMapping("/api/v1/audit")
    AuditPage search(@RequestParam(required = false) Long unitId, @RequestParam(required = false) String actor,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                     @RequestParam(defaultValue = "0") int page) {
        return auditTrail.search(currentAccess.scope(), new AuditFilter(unitId, actor, from, to),
                vn.tcxd.shared.Paging.require(page));
    }
}
