package vn.tcxd.reports.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.tcxd.reports.UnitComparison;
import vn.tcxd.reports.UnitGroupDetails;
import vn.tcxd.reports.UnitGroupDraft;
import vn.tcxd.reports.UnitGroupSummary;
import vn.tcxd.reports.UnitGroups;
import vn.tcxd.shared.scope.CurrentAccess;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Saved groups of units and their comparison. A group shows only the units the caller may read; one the
 * caller may not see answers 404, one seen but saved by someone else 403 on change.
 */
@RestController
@RequestMapping("/api/v1/unit-groups")
@Tag(name = "Nhóm đơn vị", description = "Saved groups of units compared side by side")
class UnitGroupApiController {

    private final UnitGroups groups;
    private final UnitGroupUnits units;
    private final CurrentAccess access;
    private final ScopedStatistics scoped;

    UnitGroupApiController(UnitGroups groups, UnitGroupUnits units, CurrentAccess access, ScopedStatistics scoped) {
        this.groups = groups;
        this.units = units;
        this.access = access;
        this.scoped = scoped;
    }

    private UnitGroupDraft draft(UnitGroupRequest request) {
        List<Long> ids = new ArrayList<>(request.unitIds() == null ? List.of() : request.unitIds());
        ids.addAll(units.ids(access.scope(), request.unitCodes(), "unitCodes"));
        return new UnitGroupDraft(request.name(), ids, request.sharedUnitId());
    }

    @GetMapping
    @Operation(summary = "The caller's groups and those shared with the caller")
    List<UnitGroupSummary> list() {
        return groups.visibleTo(access.scope());
    }

    @PostMapping
    @Operation(summary = "Save a new group (name unique per account; units within the caller's scope)")
    ResponseEntity<UnitGroupDetails> create(@RequestBody UnitGroupRequest request) {
        UnitGroupDetails created = groups.create(access.scope(), draft(request));
        return ResponseEntity.created(URI.create("/api/v1/unit-groups/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    UnitGroupDetails get(@PathVariable long id) {
        return groups.get(access.scope(), id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a group the caller saved: name, units, sharing")
    UnitGroupDetails update(@PathVariable long id, @RequestBody UnitGroupRequest request) {
        return groups.update(access.scope(), id, draft(request));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        groups.delete(access.scope(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/comparison")
    @Operation(summary = "Key figures of the group's units on a date (default today) and a year earlier, with totals")
    UnitComparison comparison(@PathVariable long id, @RequestParam(required = false) LocalDate asOf) {
        return groups.compare(access.scope(), id, scoped.asOf(asOf));
    }
}
