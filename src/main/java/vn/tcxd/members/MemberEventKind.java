package vn.tcxd.members;

/**
 * Kinds of lifecycle event (labels: message keys {@code memberEvent.<NAME>}).
 */
public enum MemberEventKind {
    ADMITTED, CEREMONY_HELD, RECOGNISED, NOT_RECOGNISED, TRANSFER_ISSUED, TRANSFER_RECEIVED,
    TEMPORARY_TRANSFER_ISSUED, TEMPORARY_TRANSFER_ENDED, EXEMPTED, EXEMPTION_ENDED, DISCIPLINED,
    REMOVED_FROM_LIST, LEFT_PARTY, DIED, READMITTED, RECORD_UPDATED, BADGE_AWARDED,
    /** The member's cell was merged, consolidated or split: the member follows it into its successor. */
    MOVED_WITH_UNIT
}
