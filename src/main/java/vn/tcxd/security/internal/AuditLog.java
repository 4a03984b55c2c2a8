package vn.tcxd.security.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tcxd.orgstructure.OrgScope;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.UnitDetails;
import vn.tcxd.security.AuditChainReport;
import vn.tcxd.security.AuditEntryRow;
import vn.tcxd.security.AuditFilter;
import vn.tcxd.security.AuditPage;
import vn.tcxd.security.AuditTrail;
import vn.tcxd.shared.Forbidden;
import vn.tcxd.shared.NotFound;
import vn.tcxd.shared.audit.AuditedChange;
import vn.tcxd.shared.scope.AccessScope;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The audit log. Entries are written by a plain synchronous listener, so they join the writer's
 * transaction: a write that rolls back leaves no entry, and an entry never lacks its write.
 */
@Service
@Transactional(readOnly = true)
class AuditLog implements AuditTrail {

    private final AuditRepository entries;
    private final OrgScope orgScope;
    private final OrgStructure orgStructure;
    private final Clock clock;

    AuditLog(AuditRepository entries, OrgScope orgScope, OrgStructure orgStructure, Clock clock) {
        this.entries = entries;
        this.orgScope = orgScope;
        this.orgStructure = orgStructure;
        this.clock = clock;
    }

    @EventListener
    @Transactional(readOnly = false)
    public void record(AuditedChange change) {
        entries.insert(SecurityCurrentAccess.actor(), change);
    }

    @Override
    public AuditPage search(AccessScope reader, AuditFilter filter, int page) {
        if (reader == null || !reader.isAdministrator()) {
            throw new Forbidden();
        }
        int pageNumber = vn.tcxd.shared.Paging.clamp(page);
        Set<Long> units = reader.everything() ? null : administeredUnits(reader);
        if (filter.unitId() != null && units != null && !units.contains(filter.unitId())) {
            throw new NotFound("unit " + filter.unitId());
        }
        ZoneId zone = clock.getZone();
        OffsetDateTime from = filter.from() == null ? null : filter.from().atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime before = filter.to() == null ? null
                : filter.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        String actor = filter.actor() == null || filter.actor().isBlank() ? null : filter.actor().strip();
        List<AuditRepository.StoredEntry> found = entries.find(filter.unitId(), actor, from, before, units,
                vn.tcxd.shared.Paging.offset(pageNumber, PAGE_SIZE), PAGE_SIZE + 1);
        boolean hasNext = found.size() > PAGE_SIZE;
        Map<Long, Optional<String>> names = new HashMap<>();
        List<AuditEntryRow> rows = found.stream().limit(PAGE_SIZE)
                .map(e -> new AuditEntryRow(e.id(), e.occurredAt().atZoneSameInstant(zone).toLocalDateTime(),
                        e.actor(), e.action(), e.entityType(), e.entityId(), e.unitId(),
                        e.unitId() == null ? null : names.computeIfAbsent(e.unitId(),
                                id -> orgStructure.lastKnown(id).map(UnitDetails::name)).orElse(null),
                        e.before(), e.after(), e.decision()))
                .toList();
        return new AuditPage(rows, pageNumber, PAGE_SIZE, hasNext);
    }

    @Override
    public AuditChainReport checkChain(AccessScope reader) {
        if (reader == null || !reader.everything()) {
            throw new Forbidden();
        }
        return entries.checkChain();
    }

    /** Units of the reader's admin subtrees as of today (dissolved units are no longer in a subtree). */
    private Set<Long> administeredUnits(AccessScope reader) {
        LocalDate today = LocalDate.now(clock);
        Set<Long> units = new LinkedHashSet<>();
        for (Long root : reader.adminRoots()) {
            units.addAll(orgScope.subtree(root, today));
        }
        return units;
    }
}
