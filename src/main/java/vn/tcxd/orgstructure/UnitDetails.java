package vn.tcxd.orgstructure;

import vn.tcxd.shared.DecisionRef;

import java.time.LocalDate;
import java.util.List;

/**
 * A unit as at {@code asOf}: its state then, the path of ancestors from the root, and its founding.
 */
public record UnitDetails(long id, String code, String name, String shortName, UnitType type,
                          AdministrativeArea area, LocalDate asOf, LocalDate versionFrom,
                          LocalDate establishedOn, LocalDate dissolvedOn, DecisionRef foundingDecision,
                          List<UnitSummary> ancestors) {

    public UnitSummary parent() {
        return ancestors.isEmpty() ? null : ancestors.getLast();
    }
}
