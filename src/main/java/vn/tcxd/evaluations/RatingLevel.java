package vn.tcxd.evaluations;

/**
 * The levels of every scheme since 2008 (labels: message keys {@code ratingLevel.<NAME>}). Which four
 * a rating may use, and in which order, is the rating scheme's business.
 */
public enum RatingLevel {
    /** Hoàn thành xuất sắc nhiệm vụ (HTXSNV). */
    EXCELLENT,
    /** Hoàn thành tốt nhiệm vụ (HTTNV). */
    GOOD,
    /** Hoàn thành nhiệm vụ (HTNV). */
    COMPLETED,
    /** Không hoàn thành nhiệm vụ (KHTNV). */
    NOT_COMPLETED,
    /** Trong sạch vững mạnh tiêu biểu (before 2018). */
    EXEMPLARY_CLEAN_STRONG,
    /** Trong sạch vững mạnh (before 2018). */
    CLEAN_STRONG,
    /** Yếu kém (before 2018). */
    WEAK,
    /** Đủ tư cách, hoàn thành xuất sắc nhiệm vụ (HD 20/2008). */
    QUALIFIED_EXCELLENT,
    /** Đủ tư cách, hoàn thành tốt nhiệm vụ (HD 20/2008). */
    QUALIFIED_GOOD,
    /** Đủ tư cách, hoàn thành nhiệm vụ nhưng còn hạn chế (HD 20/2008). */
    QUALIFIED_LIMITED,
    /** Vi phạm tư cách (HD 20/2008). */
    VIOLATED
}
