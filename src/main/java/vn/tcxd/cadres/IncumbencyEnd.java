package vn.tcxd.cadres;

/** How an incumbency ended (labels: {@code incumbencyEnd.<NAME>}). */
public enum IncumbencyEnd {
    /** Hết thời hạn, hết nhiệm kỳ. */
    TERM_ENDED,
    /** Continued by a reappointment. */
    REAPPOINTED,
    /** Miễn nhiệm. */
    DISMISSED,
    /** Từ chức. */
    RESIGNED,
    /** Cách chức. */
    REMOVED,
    /** Điều động, luân chuyển to another post. */
    MOVED,
    /** Nghỉ hưu. */
    RETIRED,
    /** Từ trần. */
    DIED
}
