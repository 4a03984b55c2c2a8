package vn.tcxd.cadres;

/** Why a member left a seat (labels: {@code seatExit.<NAME>}). */
public enum SeatExit {
    /** Chuyển công tác. */
    MOVED,
    /** Nghỉ hưu. */
    RETIRED,
    /** Xin thôi tham gia cấp ủy. */
    RESIGNED,
    /** Cho thôi, miễn nhiệm. */
    DISMISSED,
    /** Kỷ luật. */
    DISCIPLINED,
    /** Từ trần. */
    DIED,
    /** The seat continues in another role (elected to the standing board, secretary …). */
    ROLE_CHANGED
}
