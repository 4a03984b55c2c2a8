package vn.tcxd.reports.web;

import java.util.ArrayList;
import java.util.List;

/**
 * The group form: a name, units ticked from the list of the user's units and their direct subordinates,
 * more units by code, and optionally the unit within which the group is shared. Mutable so that it
 * binds and re-renders with its field errors.
 */
public class UnitGroupForm {

    private String name = "";
    private List<Long> unitIds = new ArrayList<>();
    private String unitCodes = "";
    private Long sharedUnitId;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<Long> getUnitIds() {
        return unitIds;
    }

    public void setUnitIds(List<Long> unitIds) {
        this.unitIds = unitIds == null ? new ArrayList<>() : unitIds;
    }

    public String getUnitCodes() {
        return unitCodes;
    }

    public void setUnitCodes(String unitCodes) {
        this.unitCodes = unitCodes;
    }

    public Long getSharedUnitId() {
        return sharedUnitId;
    }

    public void setSharedUnitId(Long sharedUnitId) {
        this.sharedUnitId = sharedUnitId;
    }
}
