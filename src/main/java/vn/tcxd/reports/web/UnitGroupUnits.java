package vn.tcxd.reports.web;

import org.springframework.stereotype.Component;
import vn.tcxd.orgstructure.OrgScope;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.shared.RuleViolation;
import vn.tcxd.shared.scope.AccessScope;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Units of a group given by code: unknown codes and codes outside the user's scope answer alike, with a
 * field error that repeats only what the user typed.
 */
@Component
class UnitGroupUnits {

    private final OrgStructure org;
    private final OrgScope orgScope;

    UnitGroupUnits(OrgStructure org, OrgScope orgScope) {
        this.org = org;
        this.orgScope = orgScope;
    }

    /** Codes separated by commas, semicolons, spaces or new lines. */
    static List<String> split(String codes) {
        if (codes == null || codes.isBlank()) return List.of();
        return List.of(codes.strip().split("[\\s,;]+"));
    }

    List<Long> ids(AccessScope scope, List<String> codes, String field) {
        List<Long> ids = new ArrayList<>();
        for (String raw : codes == null ? List.<String>of() : codes) {
            if (raw == null || raw.isBlank()) continue;
            String code = raw.strip().toUpperCase(Locale.ROOT);
            Long id = org.idOfCode(code).filter(u -> orgScope.canRead(scope, u)).orElseThrow(() ->
                    RuleViolation.onField(field, "error.unitGroup.unitUnknown", code));
            ids.add(id);
        }
        return ids;
    }
}
