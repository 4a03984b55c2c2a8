package vn.tcxd.orgstructure.web;

import vn.tcxd.orgstructure.UnitType;

import java.time.LocalDate;
import java.util.List;

/**
 * The form behind every reorganisation page; each operation uses the fields it needs. Units are
 * named by code (typed or picked from the type-ahead), so the form works without JavaScript.
 *
 * @param targetCode new parent (move, establish) or the unit merged into (merge)
 * @param unitCodes  units to consolidate, separated by commas or spaces
 */
public record ReorganiseUnitForm(String code, String name, String shortName, UnitType type, String targetCode,
                                 String unitCodes, LocalDate effectiveOn, String decisionNumber, LocalDate decisionDate,
                                 String decisionBody, String areaProvince, String areaCommune, String areaVillage,
                                 List<String> newCodes, List<String> newNames, List<UnitType> newTypes) {

    public static ReorganiseUnitForm empty(LocalDate today) {
        return new ReorganiseUnitForm(null, null, null, null, null, null, today, null, today, null, null, null, null,
                List.of("", "", ""), List.of("", "", ""), java.util.Arrays.asList(null, null, null));
    }

    public ReorganiseUnitForm withTarget(String code) {
        return new ReorganiseUnitForm(this.code, name, shortName, type, code, unitCodes, effectiveOn, decisionNumber,
                decisionDate, decisionBody, areaProvince, areaCommune, areaVillage, newCodes, newNames, newTypes);
    }

    public ReorganiseUnitForm withNames(String name, String shortName, UnitType type) {
        return new ReorganiseUnitForm(code, name, shortName, type, targetCode, unitCodes, effectiveOn, decisionNumber,
                decisionDate, decisionBody, areaProvince, areaCommune, areaVillage, newCodes, newNames, newTypes);
    }

    public ReorganiseUnitForm withUnitCodes(String unitCodes) {
        return new ReorganiseUnitForm(code, name, shortName, type, targetCode, unitCodes, effectiveOn, decisionNumber,
                decisionDate, decisionBody, areaProvince, areaCommune, areaVillage, newCodes, newNames, newTypes);
    }

    String newCode(int i) {
        return newCodes == null || i >= newCodes.size() ? null : newCodes.get(i);
    }

    String newName(int i) {
        return newNames == null || i >= newNames.size() ? null : newNames.get(i);
    }

    UnitType newType(int i) {
        return newTypes == null || i >= newTypes.size() ? null : newTypes.get(i);
    }
}
