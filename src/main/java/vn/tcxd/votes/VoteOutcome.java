package vn.tcxd.votes;

/** What a person's result leads to under the session's rule set (labels: {@code voteOutcome.<NAME>}). */
public enum VoteOutcome {
    /** Below every threshold. */
    NONE,
    /** Over half low: removed from planning for higher titles and considered (QĐ 96). */
    REMOVAL,
    /** Two thirds low: the dismissal procedure of QĐ 41-QĐ/TW (and removal from planning). */
    DISMISSAL
}
