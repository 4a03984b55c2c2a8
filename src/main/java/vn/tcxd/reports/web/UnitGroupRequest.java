package vn.tcxd.reports.web;

import java.util.List;

/**
 * API request to create or change a unit group: units by id and/or by code (in order, ids first),
 * and optionally the unit within which it is shared.
 */
public record UnitGroupRequest(String name, List<Long> unitIds, List<String> unitCodes, Long sharedUnitId) {
}
