package vn.tcxd.reports;

/**
 * Movements of members into, out of and within a unit's subtree over a period (biểu 1-TCTW),
 * each read from the member's roll: the state before and after the change, with the act that
 * changed it. Transfers are "within the province" when both cells lie in the same province
 * (or central committee) on their dates.
 */
public enum MovementKind {
    ADMITTED(1), READMITTED(1),
    TRANSFERRED_IN_WITHIN_PROVINCE(1), TRANSFERRED_IN_FROM_OTHER_PROVINCE(1),
    TRANSFERRED_OUT_WITHIN_PROVINCE(-1), TRANSFERRED_OUT_TO_OTHER_PROVINCE(-1),
    DIED(-1), REMOVED(-1), NOT_RECOGNISED(-1), EXPELLED(-1), LEFT(-1),
    /** Members whose cells moved in or out of the subtree by reorganisation (net), and other moves of the roll. */
    REORGANISED(0),
    /** Changes within the roll, not in or out. */
    RECOGNISED(0), EXEMPTED(0);

    private final int sign;

    MovementKind(int sign) {
        this.sign = sign;
    }

    /** +1 for an increase of the roll, −1 for a decrease, 0 for a change within it (or a signed net figure). */
    public int sign() {
        return sign;
    }
}
