package vn.tcxd.votes;

import vn.tcxd.shared.RuleSet;

/**
 * The rules of a confidence vote valid on a date (QĐ 262-QĐ/TW 2014 until 02/02/2023, then QĐ 96-QĐ/TW).
 * A session keeps the rule set of its date forever.
 *
 * @param quorum       at least this share of those convened must be present (QĐ 96: 2/3)
 * @param denominator  whose number the shares are of (default: those convened [R])
 * @param removal      this share of low votes removes from planning for higher titles (QĐ 96: over 1/2)
 * @param dismissal    this share of low votes starts the dismissal procedure (QĐ 96/QĐ 41: 2/3); null
 *                     when the rule set names none
 * @param maxPlaces    a cadre with several posts is voted on in at most this many places (QĐ 96: 2)
 */
public record VoteRuleSet(RuleSet ruleSet, Threshold quorum, Denominator denominator, Threshold removal,
                          String removalBasis, Threshold dismissal, String dismissalBasis, int maxPlaces, String notes) {

    public String code() {
        return ruleSet.code();
    }

    public String legalBasis() {
        return ruleSet.legalBasis();
    }

    /** Whose number the shares are counted over (labels: {@code voteDenominator.<NAME>}). */
    public enum Denominator { CONVENED, PRESENT, VALID }

    /** "Over" (trên) or "from" (từ … trở lên): the texts differ, so the comparison is part of the rule. */
    public enum Comparison { GT, GE }

    /** A share {@code num/den} with its comparison, compared exactly in integers (no rounding at 2/3). */
    public record Threshold(int num, int den, Comparison op) {

        public boolean reachedBy(long count, long base) {
            if (base <= 0) return false;
            long left = count * den;
            long right = (long) num * base;
            return op == Comparison.GT ? left > right : left >= right;
        }

        /** "> 1/2", "≥ 2/3". */
        public String display() {
            return (op == Comparison.GT ? "> " : "≥ ") + num + "/" + den;
        }
    }
}
