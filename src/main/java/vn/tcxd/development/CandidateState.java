package vn.tcxd.development;

/**
 * Where a candidate stands in the pipeline. The steps follow in this order; {@link #REFUSED} may follow
 * any step before {@link #ADMITTED} and ends the candidacy (it stays in history).
 */
public enum CandidateState {
    /** Proposed by the cell, on the grassroots committee's list (danh sách quần chúng ưu tú). */
    PROPOSED,
    /** Certificate of the awareness class (giấy chứng nhận bồi dưỡng nhận thức về Đảng). */
    CLASS_PASSED,
    /** Sponsors assigned (đảng viên chính thức giúp đỡ, giới thiệu). */
    SPONSORED,
    /** Every document of HD 12-HD/BTCTW (2022) II.1.1(a) present. */
    FILE_COMPLETE,
    /** The cell's resolution proposing admission (nghị quyết chi bộ). */
    CELL_APPROVED,
    /** The grassroots committee's resolution (nghị quyết đảng ủy cơ sở). */
    COMMITTEE_APPROVED,
    /** The competent committee's admission decision (quyết định kết nạp); the member exists. */
    ADMITTED,
    REFUSED;

    public boolean terminal() {
        return this == ADMITTED || this == REFUSED;
    }
}
