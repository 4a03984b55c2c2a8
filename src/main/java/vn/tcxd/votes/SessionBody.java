package vn.tcxd.votes;

/** The body that votes (labels: {@code sessionBody.<NAME>}). */
public enum SessionBody {
    /** Ban Chấp hành: every seat of the committee on the session's date. */
    COMMITTEE,
    /** Ban Thường vụ: the seats of standing members, deputies and the secretary. */
    STANDING_BOARD
}
