package vn.tcxd.reports.web;

import org.springframework.stereotype.Component;
import vn.tcxd.orgstructure.OrgScope;
import vn.tcxd.shared.scope.CurrentAccess;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The current user's access to figures: a unit's figures are readable exactly when the unit is in
 * the user's scope; anything else answers 404 like a unit that does not exist.
 */
@Component
class ScopedStatistics {

    private final OrgScope orgScope;
    private final CurrentAccess access;
    private final Clock clock;

    ScopedStatistics(OrgScope orgScope, CurrentAccess access, Clock clock) {
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

    void requireRead(long unitId) {
        orgScope.requireRead(access.scope(), unitId);
    }
}
