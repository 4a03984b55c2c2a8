package vn.tcxd.reports.internal;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tcxd.orgstructure.OrgScope;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.UnitDetails;
import vn.tcxd.orgstructure.UnitSummary;
import vn.tcxd.reports.Dashboards;
import vn.tcxd.reports.KeyFigures;
import vn.tcxd.reports.UnitComparison;
import vn.tcxd.reports.UnitGroupDetails;
import vn.tcxd.reports.UnitGroupDraft;
import vn.tcxd.reports.UnitGroupSummary;
import vn.tcxd.reports.UnitGroups;
import vn.tcxd.reports.UnitRef;
import vn.tcxd.reports.internal.UnitGroupRepository.GroupRow;
import vn.tcxd.shared.Forbidden;
import vn.tcxd.shared.NotFound;
import vn.tcxd.shared.RuleViolation;
import vn.tcxd.shared.VietnameseFormat;
import vn.tcxd.shared.VietnameseText;
import vn.tcxd.shared.audit.AuditedChange;
import vn.tcxd.shared.scope.AccessScope;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Saved unit groups: validation against the owner's scope, the reader's scope on every read, the
 * comparison from the statistics engine, and the audit of every write.
 */
@Service
@Transactional(readOnly = true)
class UnitGroupService implements UnitGroups {

    static final int MAX_NAME = 200;

    private final UnitGroupRepository groups;
    private final OrgScope scope;
    private final OrgStructure org;
    private final Dashboards dashboards;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UnitGroupService(UnitGroupRepository groups, OrgScope scope, OrgStructure org, Dashboards dashboards,
                     ApplicationEventPublisher events, Clock clock) {
        this.groups = groups;
        this.scope = scope;
        this.org = org;
        this.dashboards = dashboards;
        this.events = events;
        this.clock = clock;
    }

    // ---- reads --------------------------------------------------------------------------------

    @Override
    public List<UnitGroupSummary> visibleTo(AccessScope reader) {
        Map<Long, Boolean> readable = new HashMap<>();
        Comparator<String> vietnamese = VietnameseText.order();
        return groups.ownedOrShared(reader.username()).stream()
                .filter(g -> visible(reader, g))
                .map(g -> new UnitGroupSummary(g.id(), g.name(), g.owner(), g.owner().equals(reader.username()),
                        ref(g.sharedUnitId()),
                        (int) g.unitIds().stream().filter(u -> readable.computeIfAbsent(u, x -> scope.canRead(reader, x))).count()))
                .sorted(Comparator.comparing(UnitGroupSummary::name, vietnamese))
                .toList();
    }

    private boolean visible(AccessScope reader, GroupRow g) {
        return g.owner().equals(reader.username()) || g.sharedUnitId() != null && scope.canRead(reader, g.sharedUnitId());
    }

    private GroupRow visibleRow(AccessScope reader, long groupId) {
        return groups.find(groupId).filter(g -> visible(reader, g))
                .orElseThrow(() -> new NotFound("unit group " + groupId));
    }

    @Override
    public UnitGroupDetails get(AccessScope reader, long groupId) {
        return details(reader, visibleRow(reader, groupId));
    }

    private UnitGroupDetails details(AccessScope reader, GroupRow g) {
        List<UnitRef> units = new ArrayList<>();
        boolean hidden = false;
        for (long id : g.unitIds()) {
            if (scope.canRead(reader, id)) {
                units.add(ref(id));
            } else {
                hidden = true;
            }
        }
        return new UnitGroupDetails(g.id(), g.name(), g.owner(), g.owner().equals(reader.username()),
                ref(g.sharedUnitId()), List.copyOf(units), hidden);
    }

    private UnitRef ref(Long unitId) {
        if (unitId == null) return null;
        return org.lastKnown(unitId).map(u -> new UnitRef(u.id(), u.code(), u.name()))
                .orElse(new UnitRef(unitId, "", "#" + unitId));
    }

    @Override
    public UnitComparison compare(AccessScope reader, long groupId, LocalDate asOf) {
        LocalDate today = LocalDate.now(clock);
        if (asOf.isAfter(today)) {
            throw RuleViolation.onField("asOf", "error.statistics.futureDate", VietnameseFormat.date(asOf));
        }
        UnitGroupDetails group = get(reader, groupId);
        LocalDate yearEarlier = asOf.minusYears(1);
        Map<Long, UnitDetails> onDate = new LinkedHashMap<>();
        Map<Long, UnitDetails> yearBefore = new LinkedHashMap<>();
        List<UnitComparison.Row> rows = new ArrayList<>();
        for (UnitRef unit : group.units()) {
            Optional<UnitDetails> now = org.unit(unit.id(), asOf);
            Optional<UnitDetails> before = org.unit(unit.id(), yearEarlier);
            now.ifPresent(u -> onDate.put(u.id(), u));
            before.ifPresent(u -> yearBefore.put(u.id(), u));
            rows.add(new UnitComparison.Row(unit,
                    now.map(u -> dashboards.keyFigures(u.id(), asOf)).orElse(null),
                    before.map(u -> dashboards.keyFigures(u.id(), yearEarlier)).orElse(null)));
        }
        KeyFigures total = nested(onDate) ? null : rows.stream().map(UnitComparison.Row::figures)
                .filter(f -> f != null).reduce(KeyFigures.ZERO, KeyFigures::plus);
        KeyFigures totalBefore = nested(yearBefore) ? null : rows.stream().map(UnitComparison.Row::yearEarlier)
                .filter(f -> f != null).reduce(KeyFigures.ZERO, KeyFigures::plus);
        return new UnitComparison(group.id(), group.name(), asOf, yearEarlier, List.copyOf(rows), total, totalBefore,
                group.hiddenUnits());
    }

    /** Whether one of the units lies within another (then a total would count members twice). */
    private static boolean nested(Map<Long, UnitDetails> units) {
        return units.values().stream().anyMatch(u -> firstAncestorIn(u, units.keySet()).isPresent());
    }

    private static Optional<UnitSummary> firstAncestorIn(UnitDetails u, Set<Long> ids) {
        return u.ancestors().stream().filter(a -> ids.contains(a.id())).findFirst();
    }

    // ---- writes -------------------------------------------------------------------------------

    private record Checked(String name, String nameKey, List<Long> unitIds, Long sharedUnitId) {
    }

    /** Folded for the uniqueness of names: trimmed, lower case, single spaces; diacritics kept. */
    static String nameKey(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private Checked check(AccessScope owner, UnitGroupDraft draft, Long exceptId) {
        if (draft.name() == null || draft.name().isBlank()) {
            throw RuleViolation.onField("name", "error.unitGroup.nameRequired");
        }
        String name = VietnameseText.requireText(draft.name(), "name", MAX_NAME);
        Set<Long> unique = new LinkedHashSet<>(draft.unitIds());
        unique.remove(null);
        if (unique.isEmpty()) {
            throw RuleViolation.onField("unitIds", "error.unitGroup.unitsRequired");
        }
        if (unique.size() > MAX_UNITS) {
            throw RuleViolation.onField("unitIds", "error.unitGroup.tooManyUnits", MAX_UNITS);
        }
        for (long id : unique) {
            // Unknown and out-of-scope units answer alike: nothing is learnt about units outside the scope.
            if (!scope.canRead(owner, id)) {
                throw RuleViolation.onField("unitIds", "error.unitGroup.unitUnknown", Long.toString(id));
            }
        }
        LocalDate today = LocalDate.now(clock);
        Map<Long, UnitDetails> current = new LinkedHashMap<>();
        for (long id : unique) org.unit(id, today).ifPresent(u -> current.put(id, u));
        for (UnitDetails u : current.values()) {
            Optional<UnitSummary> outer = firstAncestorIn(u, current.keySet());
            if (outer.isPresent()) {
                throw RuleViolation.onField("unitIds", "error.unitGroup.nested", u.name(), outer.get().name());
            }
        }
        if (draft.sharedUnitId() != null && !scope.canRead(owner, draft.sharedUnitId())) {
            throw RuleViolation.onField("sharedUnitId", "error.unitGroup.unitUnknown", Long.toString(draft.sharedUnitId()));
        }
        // sharing publishes the group to everyone reading that unit: a write on the unit, which a read-only
        // account does not have (its private groups stay its own)
        if (draft.sharedUnitId() != null && !scope.canWrite(owner, draft.sharedUnitId())) {
            throw new Forbidden();
        }
        String key = nameKey(name);
        if (groups.nameTaken(owner.username(), key, exceptId)) {
            throw RuleViolation.onField("name", "error.unitGroup.nameTaken", name);
        }
        return new Checked(name, key, List.copyOf(unique), draft.sharedUnitId());
    }

    @Override
    @Transactional
    public UnitGroupDetails create(AccessScope owner, UnitGroupDraft draft) {
        Checked c = check(owner, draft, null);
        long id;
        try {
            id = groups.insert(c.name(), c.nameKey(), owner.username(), c.sharedUnitId(), c.unitIds(), now());
        } catch (DuplicateKeyException e) {
            throw RuleViolation.onField("name", "error.unitGroup.nameTaken", c.name());
        }
        GroupRow saved = groups.find(id).orElseThrow();
        audit("reports.UNIT_GROUP_CREATED", saved, null, state(saved));
        return details(owner, saved);
    }

    @Override
    @Transactional
    public UnitGroupDetails update(AccessScope owner, long groupId, UnitGroupDraft draft) {
        GroupRow old = ownedRow(owner, groupId);
        Checked c = check(owner, draft, groupId);
        // units the owner can no longer read stay in the group: the form never showed them
        List<Long> units = new ArrayList<>(c.unitIds());
        old.unitIds().stream().filter(u -> !units.contains(u) && !scope.canRead(owner, u)).forEach(units::add);
        try {
            groups.update(groupId, c.name(), c.nameKey(), c.sharedUnitId(), units, now());
        } catch (DuplicateKeyException e) {
            throw RuleViolation.onField("name", "error.unitGroup.nameTaken", c.name());
        }
        GroupRow saved = groups.find(groupId).orElseThrow();
        audit("reports.UNIT_GROUP_CHANGED", saved, state(old), state(saved));
        return details(owner, saved);
    }

    @Override
    @Transactional
    public void delete(AccessScope owner, long groupId) {
        GroupRow old = ownedRow(owner, groupId);
        groups.delete(groupId);
        audit("reports.UNIT_GROUP_DELETED", old, state(old), null);
    }

    /** Not visible: 404; visible but someone else's: 403. */
    private GroupRow ownedRow(AccessScope owner, long groupId) {
        GroupRow row = visibleRow(owner, groupId);
        if (!row.owner().equals(owner.username())) {
            throw new Forbidden();
        }
        return row;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static Map<String, Object> state(GroupRow g) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", g.name());
        state.put("owner", g.owner());
        state.put("unitIds", g.unitIds());
        if (g.sharedUnitId() != null) state.put("sharedUnitId", g.sharedUnitId());
        return state;
    }

    private void audit(String action, GroupRow g, Map<String, Object> before, Map<String, Object> after) {
        Long unitId = g.sharedUnitId() != null ? g.sharedUnitId() : g.unitIds().isEmpty() ? null : g.unitIds().getFirst();
        events.publishEvent(new AuditedChange(action, "unit_group", Long.toString(g.id()), unitId, before, after, null));
    }
}
