package vn.tcxd.cadres;

/** How a member came onto the committee (labels: {@code seatEntry.<NAME>}). */
public enum SeatEntry {
    /** Bầu tại đại hội, or by the committee (standing board, secretaries). */
    ELECTED,
    /** Chỉ định by the upper level. */
    APPOINTED,
    /** Bổ sung giữa nhiệm kỳ. */
    ADDED
}
