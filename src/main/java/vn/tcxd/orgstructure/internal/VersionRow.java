package vn.tcxd.orgstructure.internal;

import vn.tcxd.orgstructure.AdministrativeArea;
import vn.tcxd.orgstructure.UnitType;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** One effective-dated version of a unit, as stored. */
record VersionRow(long id, long unitId, LocalDate validFrom, LocalDate validTo, Long parentId, String path,
                  int depth, String name, String shortName, UnitType type, AdministrativeArea area) {

    /** The state shown in history entries and the audit log. */
    Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", name);
        if (shortName != null) {
            state.put("shortName", shortName);
        }
        state.put("type", type.name());
        state.put("parentId", parentId);
        return state;
    }
}
