package vn.tcxd.members;

/**
 * Grounds for removal from the list (xóa tên), QĐ 24-QĐ/TW item 8.1, and a probationary member
 * not recognised (QĐ 24 item 4.2.1).
 */
public enum RemovalGround {
    /** Bỏ sinh hoạt đảng hoặc không đóng đảng phí 3 tháng trong năm mà không có lý do chính đáng. */
    SKIPPED_ACTIVITY_OR_DUES,
    /** Tự ý trả thẻ đảng viên hoặc tự hủy thẻ đảng viên. */
    RETURNED_CARD,
    /** Giảm sút ý chí phấn đấu, đã được giáo dục nhưng sau 12 tháng tiến bộ không rõ rệt. */
    LOST_WILL,
    /** Hai năm liền vi phạm tư cách đảng viên. */
    VIOLATED_TWO_YEARS,
    /** Không đảm bảo tiêu chuẩn chính trị. */
    POLITICAL_STANDARD,
    /** Đảng viên dự bị không đủ điều kiện công nhận chính thức. */
    NOT_RECOGNISED
}
