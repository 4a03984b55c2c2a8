package vn.tcxd.reports;

import vn.tcxd.evaluations.SubjectKind;

/**
 * The classes of rated subjects the sector reports separately (labels: {@code ratings.class.<NAME>}).
 */
public enum RatingClass {
    /** Tổ chức cơ sở đảng (đảng bộ cơ sở, chi bộ cơ sở). */
    GRASSROOTS,
    /** Chi bộ trực thuộc đảng ủy cơ sở. */
    CELL,
    /** Đảng bộ bộ phận. */
    PARTIAL,
    /** Tổ chức đảng cấp trên cơ sở (đảng bộ huyện, tỉnh …). */
    UPPER,
    /** Đảng viên. */
    MEMBER,
    /** Cá nhân cán bộ lãnh đạo, quản lý. */
    LEADER,
    /** Tập thể lãnh đạo, quản lý. */
    COLLECTIVE;

    /** Rated on the members' levels (members, leaders) rather than the organisations'. */
    public boolean isPerson() {
        return this == MEMBER || this == LEADER;
    }

    /** The subject kind a class belongs to (for the scheme's levels). */
    public SubjectKind subjectKind() {
        return switch (this) {
            case MEMBER -> SubjectKind.MEMBER;
            case LEADER -> SubjectKind.LEADER;
            case COLLECTIVE -> SubjectKind.COLLECTIVE;
            default -> SubjectKind.ORGANISATION;
        };
    }
}
