package vn.tcxd.orgstructure.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.tcxd.orgstructure.AdministrativeArea;
import vn.tcxd.orgstructure.LinkRuleSet;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.Reorganisation;
import vn.tcxd.orgstructure.Reorganisation.NewUnit;
import vn.tcxd.orgstructure.UnitDetails;
import vn.tcxd.orgstructure.UnitHistoryEntry;
import vn.tcxd.orgstructure.UnitSummary;
import vn.tcxd.orgstructure.web.UnitApiRecords.ChangeUnitTypeRequest;
import vn.tcxd.orgstructure.web.UnitApiRecords.ConsolidateUnitsRequest;
import vn.tcxd.orgstructure.web.UnitApiRecords.CountsResponse;
import vn.tcxd.shared.DecisionRequest;
import vn.tcxd.orgstructure.web.UnitApiRecords.DissolveUnitRequest;
import vn.tcxd.orgstructure.web.UnitApiRecords.EstablishUnitRequest;
import vn.tcxd.orgstructure.web.UnitApiRecords.MergeUnitRequest;
import vn.tcxd.orgstructure.web.UnitApiRecords.MoveUnitRequest;
import vn.tcxd.orgstructure.web.UnitApiRecords.NewUnitRequest;
import vn.tcxd.orgstructure.web.UnitApiRecords.RenameUnitRequest;
import vn.tcxd.orgstructure.web.UnitApiRecords.SplitUnitRequest;
import vn.tcxd.orgstructure.web.UnitApiRecords.UnitResponse;
import vn.tcxd.shared.DecisionRef;
import vn.tcxd.shared.Forbidden;
import vn.tcxd.shared.NotFound;
import vn.tcxd.shared.RuleViolation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * JSON API of the organisation tree: reads as at any date and every reorganisation act. Units
 * outside the caller's scope answer 404 exactly like units that do not exist.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Cơ cấu tổ chức", description = "Organisation tree over time")
class UnitApiController {

    private final OrgStructure org;
    private final ScopedUnits units;

    UnitApiController(OrgStructure org, ScopedUnits units) {
        this.org = org;
        this.units = units;
    }

    @GetMapping("/units")
    @Operation(summary = "Top units of the caller's scope as at a date")
    List<UnitSummary> roots(@RequestParam(required = false) LocalDate asOf) {
        LocalDate date = units.asOf(asOf);
        return units.readableRoots().stream()
                .map(id -> org.unit(id, date).map(u -> new UnitSummary(u.id(), u.code(), u.name(), u.shortName(),
                        u.type(), u.parent() == null ? null : u.parent().id(), u.ancestors().size(),
                        org.children(id, date).size())))
                .flatMap(Optional::stream).toList();
    }

    @GetMapping("/units/{id}")
    @Operation(summary = "A unit as at a date (default today)")
    UnitResponse unit(@PathVariable long id, @RequestParam(required = false) LocalDate asOf) {
        units.requireRead(id);
        Optional<UnitDetails> atDate = org.unit(id, units.asOf(asOf));
        return atDate.map(u -> new UnitResponse(u, true))
                .orElseGet(() -> new UnitResponse(org.lastKnown(id).orElseThrow(() -> new NotFound("unit")), false));
    }

    @GetMapping("/units/by-code/{code}")
    @Operation(summary = "A unit by its code as at a date")
    UnitResponse byCode(@PathVariable String code, @RequestParam(required = false) LocalDate asOf) {
        long id = org.idOfCode(code.toUpperCase(java.util.Locale.ROOT)).orElseThrow(() -> new NotFound("unit"));
        return unit(id, asOf);
    }

    @GetMapping("/units/{id}/children")
    @Operation(summary = "Direct subordinates as at a date")
    List<UnitSummary> children(@PathVariable long id, @RequestParam(required = false) LocalDate asOf) {
        units.requireRead(id);
        return org.children(id, units.asOf(asOf));
    }

    @GetMapping("/units/{id}/counts")
    @Operation(summary = "Structure counts of the subtree as at a date")
    CountsResponse counts(@PathVariable long id, @RequestParam(required = false) LocalDate asOf) {
        units.requireRead(id);
        LocalDate date = units.asOf(asOf);
        if (org.unit(id, date).isEmpty()) {
            throw new RuleViolation("error.unit.notExistingOn", org.lastKnown(id).orElseThrow().name(),
                    vn.tcxd.shared.VietnameseFormat.date(date));
        }
        return CountsResponse.of(org.counts(id, date));
    }

    @GetMapping("/units/{id}/history")
    @Operation(summary = "Every change of the unit with its decision and lineage")
    List<UnitHistoryEntry> history(@PathVariable long id) {
        units.requireRead(id);
        return org.history(id);
    }

    @GetMapping("/units/search")
    @Operation(summary = "Units by name or code, with or without diacritics, within the caller's scope")
    List<UnitSummary> search(@RequestParam String q, @RequestParam(required = false) LocalDate asOf,
                             @RequestParam(defaultValue = "20") int limit) {
        return org.search(q, units.searchRoots(), units.asOf(asOf), Math.clamp(limit, 1, 100));
    }

    @GetMapping("/link-rules")
    @Operation(summary = "The rule set of legal parent → child links valid on a date")
    LinkRuleSet linkRules(@RequestParam(required = false) LocalDate date) {
        return org.linkRules(units.asOf(date));
    }

    // ---- reorganisations --------------------------------------------------------------------

    @PostMapping("/units")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Establish a unit (thành lập)")
    UnitResponse establish(@RequestBody EstablishUnitRequest r) {
        requireParentWritable(r.parentId());
        return applied(new Reorganisation.Establish(new NewUnit(r.code(), r.name(), r.shortName(), r.type(),
                r.parentId(), r.area()), r.effectiveOn(), decision(r.decision())), r.effectiveOn());
    }

    @PostMapping("/units/{id}/rename")
    @Operation(summary = "Rename (đổi tên)")
    UnitResponse rename(@PathVariable long id, @RequestBody RenameUnitRequest r) {
        units.requireWrite(id);
        return applied(new Reorganisation.Rename(id, r.name(), r.shortName(), r.effectiveOn(), decision(r.decision())),
                r.effectiveOn());
    }

    @PostMapping("/units/{id}/move")
    @Operation(summary = "Move the unit and its subtree under another parent")
    UnitResponse move(@PathVariable long id, @RequestBody MoveUnitRequest r) {
        units.requireWrite(id);
        long parent = required(r.newParentId(), "newParentId");
        units.requireWrite(parent);
        return applied(new Reorganisation.Move(id, parent, r.effectiveOn(), decision(r.decision())), r.effectiveOn());
    }

    @PostMapping("/units/{id}/change-type")
    @Operation(summary = "Change the kind of organisation")
    UnitResponse changeType(@PathVariable long id, @RequestBody ChangeUnitTypeRequest r) {
        units.requireWrite(id);
        return applied(new Reorganisation.ChangeType(id, r.type(), r.effectiveOn(), decision(r.decision())),
                r.effectiveOn());
    }

    @PostMapping("/units/{id}/merge")
    @Operation(summary = "Merge the unit into another (sáp nhập)")
    UnitResponse merge(@PathVariable long id, @RequestBody MergeUnitRequest r) {
        units.requireWrite(id);
        long into = required(r.intoUnitId(), "intoUnitId");
        units.requireWrite(into);
        return applied(new Reorganisation.Merge(id, into, r.effectiveOn(), decision(r.decision())), r.effectiveOn());
    }

    @PostMapping("/units/{id}/split")
    @Operation(summary = "Split the unit into new units (chia tách)")
    UnitResponse split(@PathVariable long id, @RequestBody SplitUnitRequest r) {
        units.requireWrite(id);
        List<NewUnit> into = r.into() == null ? List.of() : r.into().stream().map(this::newUnit).toList();
        into.forEach(u -> requireParentWritable(u.parentId()));
        return applied(new Reorganisation.Split(id, into, r.childTargets(), r.effectiveOn(), decision(r.decision())),
                r.effectiveOn());
    }

    @PostMapping("/units/{id}/dissolve")
    @Operation(summary = "Dissolve the unit (giải thể)")
    UnitResponse dissolve(@PathVariable long id, @RequestBody DissolveUnitRequest r) {
        units.requireWrite(id);
        return applied(new Reorganisation.Dissolve(id, r.effectiveOn(), decision(r.decision())), r.effectiveOn());
    }

    @PostMapping("/units/consolidate")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Consolidate units into a new one (hợp nhất)")
    UnitResponse consolidate(@RequestBody ConsolidateUnitsRequest r) {
        List<Long> ids = r.unitIds() == null ? List.of() : r.unitIds();
        ids.forEach(units::requireWrite);
        NewUnit into = r.into() == null ? null : newUnit(r.into());
        if (into != null) {
            requireParentWritable(into.parentId());
        }
        return applied(new Reorganisation.Consolidate(ids, into, r.effectiveOn(), decision(r.decision())),
                r.effectiveOn());
    }

    private UnitResponse applied(Reorganisation act, LocalDate on) {
        long id = org.apply(act);
        return new UnitResponse(org.unit(id, on).or(() -> org.lastKnown(id)).orElseThrow(), org.unit(id, on).isPresent());
    }

    private NewUnit newUnit(NewUnitRequest r) {
        return new NewUnit(r.code(), r.name(), r.shortName(), r.type(), r.parentId(),
                r.area() == null ? AdministrativeArea.NONE : r.area());
    }

    private void requireParentWritable(Long parentId) {
        if (parentId == null) {
            if (!units.scope().everything()) {
                throw new Forbidden();
            }
        } else {
            units.requireWrite(parentId);
        }
    }

    private static long required(Long id, String field) {
        if (id == null) {
            throw RuleViolation.onField(field, "error.unit.codeRequired");
        }
        return id;
    }

    private static DecisionRef decision(DecisionRequest r) {
        if (r == null) {
            throw RuleViolation.onField("decision", "error.decision.required");
        }
        return r.toDecision();
    }
}
