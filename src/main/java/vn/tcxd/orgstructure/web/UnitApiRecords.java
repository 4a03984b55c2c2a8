package vn.tcxd.orgstructure.web;

import vn.tcxd.shared.DecisionRequest;
import vn.tcxd.orgstructure.AdministrativeArea;
import vn.tcxd.orgstructure.StructureCounts;
import vn.tcxd.orgstructure.UnitDetails;
import vn.tcxd.orgstructure.UnitType;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Request and response records of the organisation API (/api/v1/units).
 */
final class UnitApiRecords {

    private UnitApiRecords() {
    }

    record NewUnitRequest(String code, String name, String shortName, UnitType type, Long parentId,
                          AdministrativeArea area) {
    }

    record EstablishUnitRequest(String code, String name, String shortName, UnitType type, Long parentId,
                                AdministrativeArea area, LocalDate effectiveOn, DecisionRequest decision) {
    }

    record RenameUnitRequest(String name, String shortName, LocalDate effectiveOn, DecisionRequest decision) {
    }

    record MoveUnitRequest(Long newParentId, LocalDate effectiveOn, DecisionRequest decision) {
    }

    record ChangeUnitTypeRequest(UnitType type, LocalDate effectiveOn, DecisionRequest decision) {
    }

    record MergeUnitRequest(Long intoUnitId, LocalDate effectiveOn, DecisionRequest decision) {
    }

    record SplitUnitRequest(List<NewUnitRequest> into, Map<Long, Integer> childTargets, LocalDate effectiveOn,
                            DecisionRequest decision) {
    }

    record DissolveUnitRequest(LocalDate effectiveOn, DecisionRequest decision) {
    }

    record ConsolidateUnitsRequest(List<Long> unitIds, NewUnitRequest into, LocalDate effectiveOn,
                                   DecisionRequest decision) {
    }

    /** A unit as at a date; {@code existsOnDate} is false when only its last known state could be shown. */
    record UnitResponse(UnitDetails unit, boolean existsOnDate) {
    }

    /** Structure counts in report terms (TCCSĐ split, đảng bộ bộ phận, chi bộ trực thuộc, trực thuộc). */
    record CountsResponse(long unitId, LocalDate asOf, int directSubordinates, int directGrassroots, int grassroots,
                          int grassrootsCommittees, int grassrootsCells, int partialCommittees, int cells,
                          Map<UnitType, Integer> byType, Map<UnitType, Integer> directByType) {

        static CountsResponse of(StructureCounts c) {
            return new CountsResponse(c.unitId(), c.asOf(), c.direct(), c.directGrassroots(), c.grassroots(),
                    c.grassrootsCommittees(), c.grassrootsCells(), c.partialCommittees(), c.cells(), c.byType(),
                    c.directByType());
        }
    }
}
