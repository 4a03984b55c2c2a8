package vn.tcxd.members;

/**
 * A member's standing on a date. Only probationary and full members are on the roll (đảng số).
 */
public enum MemberStatus {
    /** Đảng viên dự bị. */
    PROBATIONARY,
    /** Đảng viên chính thức. */
    FULL,
    /** Xóa tên (including a probationary member not recognised). */
    REMOVED,
    /** Khai trừ. */
    EXPELLED,
    /** Xin ra khỏi Đảng. */
    LEFT,
    /** Từ trần. */
    DIED;

    public boolean onRoll() {
        return this == PROBATIONARY || this == FULL;
    }
}
