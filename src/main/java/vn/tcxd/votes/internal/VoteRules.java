package vn.tcxd.votes.internal;

import vn.tcxd.shared.RuleViolation;
import vn.tcxd.votes.VoteOutcome;
import vn.tcxd.votes.VoteRuleSet;
import vn.tcxd.votes.VoteSession;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

/**
 * The rules of a confidence vote, pure functions of a {@link VoteRuleSet} and the counts.
 *
 * <ul>
 *   <li><b>Quorum</b> (QĐ 96-QĐ/TW): the vote is valid when at least 2/3 of those convened are present;
 *       a session without it produces no result.</li>
 *   <li><b>Shares</b> are of the rule set's denominator: those convened by default [R], or those present,
 *       or the valid ballots, as configured for the session.</li>
 *   <li><b>Consequences</b> (QĐ 96-QĐ/TW; QĐ 41-QĐ/TW of 2021): more than 1/2 low votes removes the cadre
 *       from planning for higher titles and calls for consideration of their post; 2/3 low votes starts
 *       the dismissal procedure. QĐ 96 is reported as "từ 2/3 trở lên" (≥), QĐ 41 as "trên 2/3" (>): the
 *       comparison is the rule set's. QĐ 262-QĐ/TW (2014) named only the first consequence.</li>
 *   <li><b>Places</b> (QĐ 96): a cadre with several posts is voted on in at most 2 places in a round.</li>
 *   <li><b>Paper ballots</b> (QĐ 262 Art. 7.2): invalid when not issued by the counting board, a name is
 *       struck out, names or text are added, or no box or several boxes are ticked for a person; the
 *       counts cannot exceed the ballots issued.</li>
 * </ul>
 */
final class VoteRules {

    private VoteRules() {
    }

    static boolean quorumMet(VoteRuleSet rules, int present, int convened) {
        return convened > 0 && rules.quorum().reachedBy(present, convened);
    }

    /** The number the shares are of. */
    static int base(VoteRuleSet.Denominator denominator, int convened, int present, int validBallots) {
        return switch (denominator) {
            case CONVENED -> convened;
            case PRESENT -> present;
            case VALID -> validBallots;
        };
    }

    static VoteOutcome outcome(VoteRuleSet rules, int low, int base) {
        if (rules.dismissal() != null && rules.dismissal().reachedBy(low, base)) return VoteOutcome.DISMISSAL;
        if (rules.removal().reachedBy(low, base)) return VoteOutcome.REMOVAL;
        return VoteOutcome.NONE;
    }

    /** Percent of {@code base}, two decimals, half up; zero when the base is zero. */
    static BigDecimal share(int count, int base) {
        if (base <= 0) return BigDecimal.ZERO.setScale(2);
        return BigDecimal.valueOf(count * 100L).divide(BigDecimal.valueOf(base), 2, RoundingMode.HALF_UP);
    }

    /** Refuses a cadre already voted on in as many other places as the rule set allows. */
    static void requirePlaceLeft(VoteRuleSet rules, String fullName, int otherPlaces) {
        if (otherPlaces >= rules.maxPlaces()) {
            throw RuleViolation.onField("incumbencyIds", "error.vote.tooManyPlaces", fullName, rules.maxPlaces(),
                    rules.legalBasis());
        }
    }

    /**
     * The counting board's figures must fit the ballots issued: collected ≤ issued, invalid ≤ collected,
     * and each person's levels ≤ the valid ballots.
     */
    static void requirePaperFits(VoteSession.PaperCount count, int issued, Collection<Long> people) {
        if (count.collected() < 0 || count.invalidNotIssued() < 0 || count.invalidStruck() < 0
                || count.invalidAdded() < 0 || count.invalidBoxes() < 0) {
            throw RuleViolation.onField("collected", "error.vote.negativeCount");
        }
        if (count.collected() > issued) {
            throw RuleViolation.onField("collected", "error.vote.collectedOverIssued", count.collected(), issued);
        }
        if (count.invalid() > count.collected()) {
            throw RuleViolation.onField("invalid", "error.vote.invalidOverCollected", count.invalid(), count.collected());
        }
        for (VoteSession.PaperTally t : count.tallies()) {
            if (!people.contains(t.memberId())) {
                throw RuleViolation.onField("tallies", "error.vote.notVotedOn");
            }
            if (t.high() < 0 || t.confidence() < 0 || t.low() < 0) {
                throw RuleViolation.onField("tallies", "error.vote.negativeCount");
            }
            int sum = t.high() + t.confidence() + t.low();
            if (sum > count.valid()) {
                throw RuleViolation.onField("tallies", "error.vote.countsOverValid", sum, count.valid());
            }
        }
    }
}
