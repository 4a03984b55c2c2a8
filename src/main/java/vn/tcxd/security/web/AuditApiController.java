package vn.tcxd.security.web;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.tcxd.security.AuditFilter;
import vn.tcxd.security.AuditPage;
import vn.tcxd.security.AuditTrail;
import vn.tcxd.shared.scope.CurrentAccess;

import java.time.LocalDate;

/**
 * The audit log within the caller's administration scope, newest first, 50 a page.
 */
@RestController
@PreAuthorize("hasAuthority('AUDIT')")
class AuditApiController {

    private final AuditTrail auditTrail;
    private final CurrentAccess currentAccess;

    AuditApiController(AuditTrail auditTrail, CurrentAccess currentAccess) {
        this.auditTrail = auditTrail;
        this.currentAccess = currentAccess;
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
