package vn.tcxd.votes;

/** Where a session is (labels: {@code sessionState.<NAME>}). */
public enum SessionState {
    /** Convened: voters and the people voted on are set; attendance not taken yet. */
    SETUP,
    /** Attendance taken, credentials and paper ballots issued: ballots may be cast in the window. */
    VOTING,
    /** Results concluded and published to cadres; nothing changes any more. */
    CONCLUDED
}
