package vn.tcxd.cadres;

/** Why a cadre leaves the planning (đưa ra khỏi quy hoạch; labels: {@code removalReason.<NAME>}). */
public enum RemovalReason {
    /** Quá tuổi quy hoạch: no full term of working age left. */
    OVER_AGE,
    /** Bị kỷ luật từ khiển trách trở lên. */
    DISCIPLINE,
    /** Không bảo đảm tiêu chuẩn chính trị (a conclusion of the competent body). */
    POLITICAL_STANDARD,
    /** Quá nửa phiếu tín nhiệm thấp. */
    LOW_CONFIDENCE,
    /** Không đáp ứng tiêu chuẩn, không hoàn thành nhiệm vụ (annual review). */
    NOT_MEETING_STANDARDS,
    /** Đã được bổ nhiệm vào chức danh quy hoạch. */
    APPOINTED,
    OTHER;

    /** Reasons the annual review finds by itself from the data. */
    public boolean automatic() {
        return this == OVER_AGE || this == DISCIPLINE || this == LOW_CONFIDENCE;
    }
}
