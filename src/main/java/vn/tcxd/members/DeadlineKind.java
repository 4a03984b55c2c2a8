package vn.tcxd.members;

/**
 * The legal deadlines of the member lifecycle (DOMAIN §2.2, §2.3) and the date each counts from.
 */
public enum DeadlineKind {
    /** Lễ kết nạp: from the day the cell receives the admission decision. */
    ADMISSION_CEREMONY,
    /** Hết thời kỳ dự bị: from the day of the admission ceremony. */
    PROBATION_END,
    /** Chi bộ xét công nhận chính thức: from the day probation ends. */
    RECOGNITION_CONSIDERATION,
    /** Cấp ủy có thẩm quyền quyết định kết nạp: from the cell's resolution. */
    ADMISSION_DECISION,
    /** Cấp ủy có thẩm quyền quyết định công nhận chính thức: from the cell's resolution. */
    RECOGNITION_DECISION,
    /** Kéo dài trong trường hợp đặc biệt: from the original due date of a committee decision. */
    DECISION_EXTENSION,
    /** Làm thủ tục chuyển sinh hoạt đảng chính thức: from the day the decision takes effect or the move. */
    TRANSFER_PROCEDURE,
    /** Xuất trình giấy giới thiệu sinh hoạt đảng: from the date of referral on the letter. */
    TRANSFER_LETTER_PRESENTATION
}
