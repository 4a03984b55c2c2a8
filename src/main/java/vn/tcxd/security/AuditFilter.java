package vn.tcxd.security;

import java.time.LocalDate;

/**
 * Filters of the audit log; every part is optional. Dates are inclusive calendar days in Vietnam.
 */
public record AuditFilter(Long unitId, String actor, LocalDate from, LocalDate to) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null);
    }
}
