package vn.tcxd.votes;

import java.math.BigDecimal;
import java.util.List;

/**
 * The result of a session: electronic and paper ballots added up per person and level, each level's
 * share of the base the rule set names, and the outcome the rule set gives. {@code concluded}: frozen at
 * conclusion (and never recomputed); otherwise computed from the board and the paper count as they stand.
 *
 * @param base   the number the shares are of (those convened, present, or valid ballots, per the session)
 * @param ballots electronic ballots on the board plus valid paper ballots
 */
public record VoteResults(long sessionId, VoteRuleSet ruleSet, VoteRuleSet.Denominator denominator, boolean concluded,
                          int convened, int present, int electronicBallots, int paperValid, int paperInvalid,
                          int ballots, int base, List<PersonResult> people) {

    public VoteResults {
        people = List.copyOf(people);
    }

    /** One person's counts, shares (percent of {@code base}, two decimals) and outcome. */
    public record PersonResult(long memberId, String fullName, String titleName, int high, int confidence, int low,
                               int blank, int base, BigDecimal highPct, BigDecimal confidencePct, BigDecimal lowPct,
                               VoteOutcome outcome) {
    }
}
