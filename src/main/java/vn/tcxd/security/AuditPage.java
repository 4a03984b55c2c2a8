package vn.tcxd.security;

import java.util.List;

/**
 * A page of the audit log, newest first.
 */
public record AuditPage(List<AuditEntryRow> entries, int page, int size, boolean hasNext) {

    public boolean hasPrevious() {
        return page > 0;
    }
}
