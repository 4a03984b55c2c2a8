package vn.tcxd.orgstructure.web;

import org.springframework.stereotype.Component;
import vn.tcxd.orgstructure.OrgScope;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.shared.RuleViolation;
import vn.tcxd.shared.scope.AccessScope;
import vn.tcxd.shared.scope.CurrentAccess;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The current user's view of the tree for pages and API: today, the scope, and unit codes resolved
 * only within that scope — a code outside it reads exactly like a code that does not exist.
 */
@Component
class ScopedUnits {

    private final OrgStructure org;
    private final OrgScope orgScope;
    private final CurrentAccess access;
    private final Clock clock;

    ScopedUnits(OrgStructure org, OrgScope orgScope, CurrentAccess access, Clock clock) {
        this.org = org;
        this.orgScope = orgScope;
        this.access = access;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    LocalDate asOf(LocalDate requested) {
        return requested == null ? today() : requested;
    }

    AccessScope scope() {
        return access.scope();
    }

    void requireRead(long unitId) {
        orgScope.requireRead(scope(), unitId);
    }

    void requireWrite(long unitId) {
        orgScope.requireWrite(scope(), unitId);
    }

    boolean canWrite(long unitId) {
        return orgScope.canWrite(scope(), unitId);
    }

    /** Roots to show and to search within; null means everything (system administrator). */
    List<Long> searchRoots() {
        return scope().everything() ? null : orgScope.readableRoots(scope());
    }

    List<Long> readableRoots() {
        return orgScope.readableRoots(scope());
    }

    /** A unit the user may change, by code; otherwise a field error that says nothing more. */
    long writableByCode(String code, String field) {
        String normalised = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (normalised.isEmpty()) {
            throw RuleViolation.onField(field, "error.unit.codeRequired");
        }
        return org.idOfCode(normalised)
                .filter(id -> orgScope.canWrite(scope(), id))
                .orElseThrow(() -> RuleViolation.onField(field, "error.unit.codeNotInScope", normalised));
    }

    List<Long> writableByCodes(String codes, String field) {
        List<Long> ids = new ArrayList<>();
        if (codes != null) {
            for (String code : codes.split("[,;\\s]+")) {
                if (!code.isBlank()) {
                    ids.add(writableByCode(code, field));
                }
            }
        }
        return ids;
    }
}
