package vn.tcxd.evaluations;

/** Why a subject is not rated (HD 21-HD/BTCTW (2019) II.6; QĐ 45 item 14.2). Labels: {@code notRated.<NAME>}. */
public enum NotRatedReason {
    /** Admitted less than the scheme's months before the period end. */
    ADMITTED_RECENTLY,
    /** Exempted from work and activity (miễn công tác và sinh hoạt đảng). */
    EXEMPT,
    /** The organisation was set up less than the scheme's months before the period end. */
    UNIT_NEW
}
