package vn.tcxd.cadres;

/** A seat's role on a committee, lowest first (labels: {@code committeeRole.<NAME>}). */
public enum CommitteeRole {
    /** Ủy viên cấp ủy. */
    MEMBER,
    /** Ủy viên ban thường vụ. */
    STANDING,
    /** Phó bí thư. */
    DEPUTY_SECRETARY,
    /** Bí thư. */
    SECRETARY
}
