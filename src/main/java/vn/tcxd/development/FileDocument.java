package vn.tcxd.development;

/** The documents of the file when the cell considers admission, HD 12-HD/BTCTW (2022) II.1.1(a). */
public enum FileDocument {
    /** Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng. */
    CERTIFICATE,
    /** Đơn xin vào Đảng. */
    APPLICATION,
    /** Lý lịch của người xin vào Đảng. */
    PERSONAL_HISTORY,
    /** Các văn bản thẩm tra lý lịch. */
    VERIFICATION,
    /** Giấy giới thiệu của đảng viên chính thức. */
    SPONSOR_LETTER,
    /** Nghị quyết giới thiệu của Đoàn TNCS Hồ Chí Minh hoặc công đoàn cơ sở (when they sponsor). */
    UNION_RESOLUTION,
    /** Tổng hợp nhận xét của đoàn thể chính trị - xã hội nơi làm việc. */
    MASS_ORG_COMMENTS,
    /** Nhận xét của chi ủy, chi bộ nơi cư trú. */
    RESIDENCE_COMMENTS
}
