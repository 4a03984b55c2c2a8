package vn.tcxd.cadres;

/** How an incumbency began (labels: {@code incumbencyKind.<NAME>}). */
public enum IncumbencyKind {
    /** Bổ nhiệm. */
    APPOINTED,
    /** Bổ nhiệm lại. */
    REAPPOINTED,
    /** Bầu (by a congress, council or committee). */
    ELECTED,
    /** Chỉ định. */
    DESIGNATED,
    /** Giới thiệu ứng cử. */
    NOMINATED;

    /** Appointments run an appointment term whose reappointment must be noticed in advance. */
    public boolean appointment() {
        return this == APPOINTED || this == REAPPOINTED;
    }
}
