package vn.tcxd.orgstructure.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tcxd.orgstructure.AdministrativeArea;
import vn.tcxd.orgstructure.LinkRuleSet;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.Reorganisation;
import vn.tcxd.orgstructure.Reorganisation.NewUnit;
import vn.tcxd.orgstructure.StructureCounts;
import vn.tcxd.orgstructure.UnitDetails;
import vn.tcxd.orgstructure.UnitHistoryEntry;
import vn.tcxd.orgstructure.UnitSummary;
import vn.tcxd.orgstructure.UnitType;
import vn.tcxd.orgstructure.UnitsReorganised;
import vn.tcxd.shared.DecisionRef;
import vn.tcxd.shared.NotFound;
import vn.tcxd.shared.RuleViolation;
import vn.tcxd.shared.VietnameseFormat;
import vn.tcxd.shared.VietnameseText;
import vn.tcxd.shared.audit.AuditedChange;
import vn.tcxd.shared.scope.CurrentAccess;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and reorganisations of the tree. Every act is validated completely before anything is
 * written; it runs in one transaction together with its history entries, lineage and audit.
 */
@Service
@Transactional(readOnly = true)
class OrgStructureService implements OrgStructure {

    private static final LocalDate EARLIEST = LocalDate.of(1930, 2, 3);

    private final TreeRepository tree;
    private final LinkRules linkRules;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<CurrentAccess> currentAccess;

    OrgStructureService(TreeRepository tree, LinkRules linkRules, ApplicationEventPublisher events,
                        ObjectProvider<CurrentAccess> currentAccess) {
        this.tree = tree;
        this.linkRules = linkRules;
        this.events = events;
        this.currentAccess = currentAccess;
    }

    // ---- reads ------------------------------------------------------------------------------

    @Override
    public Optional<UnitDetails> unit(long unitId, LocalDate asOf) {
        return tree.versionAt(unitId, asOf).map(v -> details(v, asOf));
    }

    @Override
    public Optional<UnitDetails> lastKnown(long unitId) {
        return tree.latest(unitId).map(v -> details(v, v.validFrom()));
    }

    private UnitDetails details(VersionRow v, LocalDate asOf) {
        TreeRepository.UnitRow unit = tree.unitRow(v.unitId()).orElseThrow();
        return new UnitDetails(v.unitId(), unit.code(), v.name(), v.shortName(), v.type(), v.area(), asOf,
                v.validFrom(), unit.establishedOn(), unit.dissolvedOn(),
                tree.decisionOf(unit.establishedBy()).orElse(null), tree.ancestors(v, asOf));
    }

    @Override
    public Optional<Long> idOfCode(String code) {
        return tree.idOfCode(code);
    }

    @Override
    public List<UnitSummary> children(long unitId, LocalDate asOf) {
        return tree.children(unitId, asOf);
    }

    @Override
    public List<UnitSummary> roots(LocalDate asOf) {
        return tree.roots(asOf);
    }

    @Override
    public StructureCounts counts(long unitId, LocalDate asOf) {
        VersionRow root = tree.versionAt(unitId, asOf).orElseThrow(() -> new NotFound("unit " + unitId));
        return new StructureCounts(unitId, asOf, tree.countSubtree(root, asOf), tree.countDirect(unitId, asOf));
    }

    @Override
    public List<UnitSummary> search(String query, List<Long> withinRoots, LocalDate asOf, int limit) {
        String folded = VietnameseText.fold(query);
        if (folded.isEmpty()) {
            return List.of();
        }
        List<String> paths = withinRoots == null ? null : tree.pathsOf(withinRoots);
        if (paths != null && paths.isEmpty()) {
            return List.of();
        }
        return tree.search(folded, paths, asOf, limit);
    }

    @Override
    public List<UnitHistoryEntry> history(long unitId) {
        return tree.history(unitId);
    }

    @Override
    public LinkRuleSet linkRules(LocalDate date) {
        return linkRules.on(date);
    }

    // ---- reorganisations --------------------------------------------------------------------

    @Override
    @Transactional
    public long apply(Reorganisation act) {
        requireDate(act.effectiveOn());
        DecisionRef decision = act.decision();
        if (decision == null) {
            throw RuleViolation.onField("decision", "error.decision.required");
        }
        return switch (act) {
            case Reorganisation.Establish e -> establish(e);
            case Reorganisation.Rename r -> rename(r);
            case Reorganisation.Move m -> move(m);
            case Reorganisation.ChangeType c -> changeType(c);
            case Reorganisation.Consolidate c -> consolidate(c);
            case Reorganisation.Merge m -> merge(m);
            case Reorganisation.Split s -> split(s);
            case Reorganisation.Dissolve d -> dissolve(d);
        };
    }

    private long establish(Reorganisation.Establish act) {
        ValidNewUnit unit = validateNew(act.unit(), act.effectiveOn(), Set.of());
        long operationId = operation("ESTABLISH", act);
        long unitId = create(unit, act.effectiveOn(), operationId, act.decision());
        published(operationId, "ESTABLISH", act.effectiveOn(), List.of(unitId));
        return unitId;
    }

    private long rename(Reorganisation.Rename act) {
        VersionRow current = changeable(act.unitId(), act.effectiveOn());
        String name = VietnameseText.requireText(act.name(), "name", 300);
        String shortName = VietnameseText.optionalText(act.shortName(), "shortName", 100);
        if (name.equals(current.name()) && java.util.Objects.equals(shortName, current.shortName())) {
            throw RuleViolation.onField("name", "error.rename.same");
        }
        long operationId = operation("RENAME", act);
        String code = code(current.unitId());
        tree.changeVersion(current, act.effectiveOn(), name, shortName, current.type(), code, operationId);
        Map<String, Object> after = new LinkedHashMap<>(current.state());
        after.put("name", name);
        after.put("shortName", shortName);
        event(operationId, current, "RENAMED", act.effectiveOn(), current.state(), after, act.decision());
        published(operationId, "RENAME", act.effectiveOn(), List.of(current.unitId()));
        return current.unitId();
    }

    private long changeType(Reorganisation.ChangeType act) {
        VersionRow current = changeable(act.unitId(), act.effectiveOn());
        if (act.newType() == null) {
            throw RuleViolation.onField("type", "error.type.required");
        }
        if (act.newType() == current.type()) {
            throw RuleViolation.onField("type", "error.type.same");
        }
        if (current.parentId() != null) {
            VersionRow parent = tree.versionAt(current.parentId(), act.effectiveOn()).orElseThrow();
            linkRules.requireAllowed(parent.type(), act.newType(), act.effectiveOn());
        } else if (act.newType() != UnitType.CENTRAL && act.newType() != UnitType.PROVINCIAL) {
            throw RuleViolation.onField("type", "error.link.rootType");
        }
        for (UnitSummary child : tree.children(current.unitId(), act.effectiveOn())) {
            linkRules.requireAllowed(act.newType(), child.type(), act.effectiveOn());
        }
        long operationId = operation("CHANGE_TYPE", act);
        tree.changeVersion(current, act.effectiveOn(), current.name(), current.shortName(), act.newType(),
                code(current.unitId()), operationId);
        Map<String, Object> after = new LinkedHashMap<>(current.state());
        after.put("type", act.newType().name());
        event(operationId, current, "TYPE_CHANGED", act.effectiveOn(), current.state(), after, act.decision());
        published(operationId, "CHANGE_TYPE", act.effectiveOn(), List.of(current.unitId()));
        return current.unitId();
    }

    private long move(Reorganisation.Move act) {
        VersionRow current = changeable(act.unitId(), act.effectiveOn());
        VersionRow parent = stableParent(act.newParentId(), act.effectiveOn());
        if (current.parentId() != null && current.parentId() == act.newParentId()) {
            throw RuleViolation.onField("newParentId", "error.move.sameParent");
        }
        if (parent.path().startsWith(current.path())) {
            throw RuleViolation.onField("newParentId", "error.move.intoOwnSubtree");
        }
        linkRules.requireAllowed(parent.type(), current.type(), act.effectiveOn());
        long operationId = operation("MOVE", act);
        moveUnder(current, parent, act.effectiveOn(), operationId, act.decision());
        published(operationId, "MOVE", act.effectiveOn(), List.of(current.unitId()));
        return current.unitId();
    }

    private long dissolve(Reorganisation.Dissolve act) {
        VersionRow current = changeable(act.unitId(), act.effectiveOn());
        requireNoChildren(current, act.effectiveOn());
        long operationId = operation("DISSOLVE", act);
        end(current, act.effectiveOn(), operationId, "DISSOLVED", null, act.decision());
        published(operationId, "DISSOLVE", act.effectiveOn(), List.of(current.unitId()));
        return current.unitId();
    }

    private long merge(Reorganisation.Merge act) {
        if (act.unitId() == act.intoUnitId()) {
            throw RuleViolation.onField("intoUnitId", "error.merge.same");
        }
        VersionRow merged = changeable(act.unitId(), act.effectiveOn());
        VersionRow target = stableParent(act.intoUnitId(), act.effectiveOn());
        if (target.path().startsWith(merged.path())) {
            throw RuleViolation.onField("intoUnitId", "error.move.intoOwnSubtree");
        }
        List<VersionRow> children = childRows(merged, act.effectiveOn());
        for (VersionRow child : children) {
            linkRules.requireAllowed(target.type(), child.type(), act.effectiveOn());
        }
        long operationId = operation("MERGE", act);
        for (VersionRow child : children) {
            moveUnder(child, target, act.effectiveOn(), operationId, act.decision());
        }
        end(merged, act.effectiveOn(), operationId, "MERGED_INTO", Map.of("intoUnitId", target.unitId(),
                "intoName", target.name()), act.decision());
        event(operationId, target, "ABSORBED", act.effectiveOn(), null,
                Map.of("fromUnitId", merged.unitId(), "fromName", merged.name()), act.decision());
        tree.insertLineage(operationId, merged.unitId(), target.unitId());
        published(operationId, "MERGE", act.effectiveOn(), List.of(merged.unitId(), target.unitId()));
        return target.unitId();
    }

    private long consolidate(Reorganisation.Consolidate act) {
        List<Long> ids = act.unitIds() == null ? List.of() : act.unitIds().stream().distinct().toList();
        if (ids.size() < 2) {
            throw RuleViolation.onField("unitIds", "error.consolidate.tooFew");
        }
        List<VersionRow> olds = new ArrayList<>();
        for (Long id : ids) {
            olds.add(changeable(id, act.effectiveOn()));
        }
        Set<Long> ending = new HashSet<>(ids);
        ValidNewUnit target = validateNew(act.into(), act.effectiveOn(), ending);
        for (VersionRow old : olds) {
            for (VersionRow child : childRows(old, act.effectiveOn())) {
                linkRules.requireAllowed(target.type(), child.type(), act.effectiveOn());
            }
        }
        long operationId = operation("CONSOLIDATE", act);
        long newId = create(target, act.effectiveOn(), operationId, act.decision());
        VersionRow created = tree.versionAt(newId, act.effectiveOn()).orElseThrow();
        for (VersionRow old : olds) {
            for (VersionRow child : childRows(old, act.effectiveOn())) {
                moveUnder(child, created, act.effectiveOn(), operationId, act.decision());
            }
            end(tree.versionAt(old.unitId(), act.effectiveOn()).orElseThrow(), act.effectiveOn(), operationId,
                    "CONSOLIDATED_INTO", Map.of("intoUnitId", newId, "intoName", target.name()), act.decision());
            tree.insertLineage(operationId, old.unitId(), newId);
        }
        List<Long> touched = new ArrayList<>(ids);
        touched.add(newId);
        published(operationId, "CONSOLIDATE", act.effectiveOn(), touched);
        return newId;
    }

    private long split(Reorganisation.Split act) {
        VersionRow old = changeable(act.unitId(), act.effectiveOn());
        if (act.into() == null || act.into().size() < 2) {
            throw RuleViolation.onField("into", "error.split.tooFew");
        }
        List<ValidNewUnit> targets = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (NewUnit unit : act.into()) {
            ValidNewUnit valid = validateNew(unit, act.effectiveOn(), Set.of(old.unitId()));
            if (!codes.add(valid.code())) {
                throw RuleViolation.onField("code", "error.unit.codeDuplicate", valid.code());
            }
            targets.add(valid);
        }
        Map<Long, Integer> assignment = act.childTargets() == null ? Map.of() : act.childTargets();
        List<VersionRow> children = childRows(old, act.effectiveOn());
        for (VersionRow child : children) {
            Integer index = assignment.get(child.unitId());
            if (index == null || index < 0 || index >= targets.size()) {
                throw RuleViolation.onField("childTargets", "error.split.childUnassigned", child.name());
            }
            linkRules.requireAllowed(targets.get(index).type(), child.type(), act.effectiveOn());
        }
        long operationId = operation("SPLIT", act);
        List<VersionRow> created = new ArrayList<>();
        for (ValidNewUnit target : targets) {
            long id = create(target, act.effectiveOn(), operationId, act.decision());
            created.add(tree.versionAt(id, act.effectiveOn()).orElseThrow());
            tree.insertLineage(operationId, old.unitId(), id);
        }
        for (VersionRow child : children) {
            moveUnder(child, created.get(assignment.get(child.unitId())), act.effectiveOn(), operationId, act.decision());
        }
        end(tree.versionAt(old.unitId(), act.effectiveOn()).orElseThrow(), act.effectiveOn(), operationId, "SPLIT_INTO",
                Map.of("into", created.stream().map(VersionRow::name).toList()), act.decision());
        List<Long> touched = new ArrayList<>(List.of(old.unitId()));
        created.forEach(c -> touched.add(c.unitId()));
        published(operationId, "SPLIT", act.effectiveOn(), touched);
        return created.getFirst().unitId();
    }

    // ---- building blocks --------------------------------------------------------------------

    private record ValidNewUnit(String code, String name, String shortName, UnitType type, VersionRow parent,
                                AdministrativeArea area) {
    }

    private ValidNewUnit validateNew(NewUnit unit, LocalDate on, Set<Long> parentsEnding) {
        if (unit == null) {
            throw RuleViolation.onField("unit", "error.unit.required");
        }
        String code = unit.code() == null ? "" : unit.code().strip().toUpperCase(java.util.Locale.ROOT);
        if (!code.matches("[A-Z0-9][A-Z0-9._-]{0,39}")) {
            throw RuleViolation.onField("code", "error.unit.codeInvalid");
        }
        if (tree.codeExists(code)) {
            throw RuleViolation.onField("code", "error.unit.codeDuplicate", code);
        }
        String name = VietnameseText.requireText(unit.name(), "name", 300);
        String shortName = VietnameseText.optionalText(unit.shortName(), "shortName", 100);
        if (unit.type() == null) {
            throw RuleViolation.onField("type", "error.type.required");
        }
        AdministrativeArea area = unit.area() == null ? AdministrativeArea.NONE : new AdministrativeArea(
                VietnameseText.optionalText(unit.area().province(), "areaProvince", 200),
                VietnameseText.optionalText(unit.area().commune(), "areaCommune", 200),
                VietnameseText.optionalText(unit.area().village(), "areaVillage", 200));
        VersionRow parent = null;
        if (unit.parentId() == null) {
            if (unit.type() != UnitType.CENTRAL && unit.type() != UnitType.PROVINCIAL) {
                throw RuleViolation.onField("parentId", "error.link.rootType");
            }
        } else {
            if (parentsEnding.contains(unit.parentId())) {
                throw RuleViolation.onField("parentId", "error.unit.parentEnding");
            }
            parent = stableParent(unit.parentId(), on);
            linkRules.requireAllowed(parent.type(), unit.type(), on);
        }
        return new ValidNewUnit(code, name, shortName, unit.type(), parent, area);
    }

    private long create(ValidNewUnit unit, LocalDate on, long operationId, DecisionRef decision) {
        long id = tree.insertUnit(unit.code(), on, operationId);
        VersionRow parent = unit.parent();
        tree.insertVersion(id, on, parent == null ? null : parent.unitId(), Paths.of(parent == null ? null : parent.path(), id),
                parent == null ? 0 : parent.depth() + 1, unit.name(), unit.shortName(), unit.type(), unit.area(),
                unit.code(), operationId);
        VersionRow created = tree.versionAt(id, on).orElseThrow();
        Map<String, Object> after = new LinkedHashMap<>(created.state());
        after.put("code", unit.code());
        event(operationId, created, "ESTABLISHED", on, null, after, decision);
        return id;
    }

    private void moveUnder(VersionRow unit, VersionRow parent, LocalDate on, long operationId, DecisionRef decision) {
        tree.moveSubtree(unit, parent.unitId(), parent.path(), parent.depth(), on, operationId);
        Map<String, Object> after = new LinkedHashMap<>(unit.state());
        after.put("parentId", parent.unitId());
        after.put("parentName", parent.name());
        Map<String, Object> before = new LinkedHashMap<>(unit.state());
        if (unit.parentId() != null) {
            tree.versionAt(unit.parentId(), on.minusDays(1)).ifPresent(p -> before.put("parentName", p.name()));
        }
        event(operationId, unit, "MOVED", on, before, after, decision);
    }

    private void end(VersionRow unit, LocalDate on, long operationId, String kind, Map<String, Object> after,
                     DecisionRef decision) {
        tree.closeVersion(unit, on);
        tree.markDissolved(unit.unitId(), on, operationId);
        event(operationId, unit, kind, on, unit.state(), after, decision);
    }

    /** The unit as on {@code on}, which must be its latest version, with nothing in its subtree changing later. */
    private VersionRow changeable(long unitId, LocalDate on) {
        VersionRow latest = tree.latest(unitId).orElseThrow(() -> new NotFound("unit " + unitId));
        VersionRow current = tree.versionAt(unitId, on).orElseThrow(() ->
                new RuleViolation("error.unit.notExistingOn", latest.name(), VietnameseFormat.date(on)));
        if (tree.subtreeChangedAfter(current.path(), on)) {
            throw RuleViolation.onField("effectiveOn", "error.unit.changedAfter", current.name(), VietnameseFormat.date(on));
        }
        return current;
    }

    /** A parent for new or moved units: existing on {@code on} and in the same position ever since. */
    private VersionRow stableParent(long parentId, LocalDate on) {
        VersionRow latest = tree.latest(parentId).orElseThrow(() ->
                RuleViolation.onField("parentId", "error.unit.parentUnknown"));
        VersionRow atDate = tree.versionAt(parentId, on).orElseThrow(() ->
                RuleViolation.onField("parentId", "error.unit.notExistingOn", latest.name(), VietnameseFormat.date(on)));
        if (latest.validTo() != null || !latest.path().equals(atDate.path())) {
            throw RuleViolation.onField("parentId", "error.unit.parentChangedAfter", latest.name(), VietnameseFormat.date(on));
        }
        return atDate;
    }

    private List<VersionRow> childRows(VersionRow unit, LocalDate on) {
        List<Long> ids = tree.children(unit.unitId(), on).stream().map(UnitSummary::id).toList();
        return ids.isEmpty() ? List.of() : tree.versionsAt(ids, on);
    }

    private void requireNoChildren(VersionRow unit, LocalDate on) {
        int children = tree.children(unit.unitId(), on).size();
        if (children > 0) {
            throw new RuleViolation("error.dissolve.hasChildren", unit.name(), children);
        }
    }

    private void requireDate(LocalDate date) {
        if (date == null) {
            throw RuleViolation.onField("effectiveOn", "error.date.required");
        }
        if (date.isBefore(EARLIEST)) {
            throw RuleViolation.onField("effectiveOn", "error.date.tooEarly");
        }
    }

    private long operation(String kind, Reorganisation act) {
        return tree.insertOperation(kind, act.effectiveOn(), act.decision(), actor());
    }

    private String code(long unitId) {
        return tree.unitRow(unitId).orElseThrow().code();
    }

    private void event(long operationId, VersionRow unit, String kind, LocalDate on, Map<String, Object> before,
                       Map<String, Object> after, DecisionRef decision) {
        tree.insertEvent(operationId, unit.unitId(), kind, on, before, after);
        Map<String, Object> auditAfter = after == null ? new LinkedHashMap<>() : new LinkedHashMap<>(after);
        auditAfter.put("effectiveOn", on.toString());
        events.publishEvent(new AuditedChange("orgstructure." + kind, "unit", Long.toString(unit.unitId()),
                unit.unitId(), before, auditAfter, decision));
    }

    private void published(long operationId, String kind, LocalDate on, List<Long> unitIds) {
        events.publishEvent(new UnitsReorganised(operationId, kind, on, List.copyOf(unitIds)));
    }

    private String actor() {
        CurrentAccess access = currentAccess.getIfAvailable();
        return access == null ? "system" : access.scope().username();
    }
}
