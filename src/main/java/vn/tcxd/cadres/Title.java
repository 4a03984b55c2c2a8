package vn.tcxd.cadres;

import vn.tcxd.orgstructure.UnitType;

import java.util.Locale;

/**
 * A leadership title (chức danh lãnh đạo, quản lý) of the catalogue, held at units of one type.
 *
 * @param singleHolder one holder at a time (bí thư), or several (phó bí thư)
 * @param appointed    filled by appointment (bổ nhiệm) with a term whose reappointment is noticed in advance
 * @param rank         1 for the unit's highest title; planning is only for a title ranked above every
 *                     title the cadre holds at the same level
 */
public record Title(String code, UnitType unitType, String name, String nameEn, TitleKind kind,
                    ManagingLevel managingLevel, boolean singleHolder, boolean appointed, int rank) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : name;
    }
}
