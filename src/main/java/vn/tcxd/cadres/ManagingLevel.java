package vn.tcxd.cadres;

import vn.tcxd.orgstructure.UnitType;

/**
 * The level whose standing board manages a title (diện … quản lý): the commission of the nearest
 * unit at or above the post whose level is at least this one keeps the cadre's file (labels:
 * {@code managingLevel.<NAME>}).
 */
public enum ManagingLevel {
    /** Diện Bộ Chính trị, Ban Bí thư quản lý. */
    CENTRAL(4),
    /** Diện Ban Thường vụ Tỉnh ủy quản lý. */
    PROVINCIAL(3),
    /** Diện Ban Thường vụ cấp ủy cấp trên cơ sở (huyện; xã, phường từ 7/2025) quản lý. */
    UPPER_GRASSROOTS(2),
    /** Diện đảng ủy cơ sở quản lý. */
    GRASSROOTS(1);

    private final int rank;

    ManagingLevel(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    /** The level of a unit of this type as a manager of titles; 0 for units that manage none. */
    public static int levelOf(UnitType type) {
        return switch (type) {
            case CENTRAL -> 4;
            case PROVINCIAL -> 3;
            case UPPER_GRASSROOTS -> 2;
            case GRASSROOTS_COMMITTEE, GRASSROOTS_CELL -> 1;
            default -> 0;
        };
    }

    /** Whether a unit of this type manages titles of this level when it is the first such unit above the post. */
    public boolean managedBy(UnitType type) {
        return levelOf(type) >= rank;
    }
}
