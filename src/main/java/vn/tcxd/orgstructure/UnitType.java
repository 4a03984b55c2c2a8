package vn.tcxd.orgstructure;

/**
 * Kinds of party organisation (GLOSSARY). Labels come from message keys {@code unitType.<NAME>}.
 */
public enum UnitType {
    /** Trung ương. */
    CENTRAL,
    /** Đảng bộ tỉnh, thành phố; đảng bộ trực thuộc Trung ương. */
    PROVINCIAL,
    /** Cấp trên cơ sở: huyện ủy, đảng ủy khối (before 7/2025); đảng ủy xã, phường, đặc khu (after). */
    UPPER_GRASSROOTS,
    /** Đảng bộ cơ sở (tổ chức cơ sở đảng). */
    GRASSROOTS_COMMITTEE,
    /** Chi bộ cơ sở (tổ chức cơ sở đảng). */
    GRASSROOTS_CELL,
    /** Đảng bộ bộ phận. */
    PARTIAL_COMMITTEE,
    /** Chi bộ trực thuộc đảng ủy cơ sở. */
    CELL,
    /** Tổ đảng. */
    PARTY_GROUP;

    /** A grassroots party organisation (tổ chức cơ sở đảng, TCCSĐ). */
    public boolean isGrassroots() {
        return this == GRASSROOTS_COMMITTEE || this == GRASSROOTS_CELL;
    }

    /** Units whose members sit directly in them: cells of every kind. */
    public boolean isCell() {
        return this == GRASSROOTS_CELL || this == CELL;
    }
}
