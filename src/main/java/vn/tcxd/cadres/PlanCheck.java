package vn.tcxd.cadres;

import vn.tcxd.members.DisciplineForm;
import vn.tcxd.shared.DecisionRef;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The planning of the titles a unit's commission manages, checked against the rule set valid on
 * {@code asOf}: each post with its planned cadres and holders, the shares of young cadres, women and
 * ethnic minorities against their targets (each with its base), the caps that no longer hold, and who
 * the annual review would remove and why.
 */
public record PlanCheck(long unitId, String unitName, PlanPeriod period, LocalDate asOf, CadreRuleSet ruleSet,
                        List<PostPlan> posts, int plannedCadres, List<Share> shares, List<Removal> removals,
                        List<Overflow> overflows) {

    public PlanCheck {
        posts = List.copyOf(posts);
        shares = List.copyOf(shares);
        removals = List.copyOf(removals);
        overflows = List.copyOf(overflows);
    }

    /** A post (title at a unit) with its active planned cadres and its holders on the date. */
    public record PostPlan(long unitId, String unitName, Title title, List<PlanEntry> entries, List<Incumbency> holders) {

        public PostPlan {
            entries = List.copyOf(entries);
            holders = List.copyOf(holders);
        }
    }

    public enum ShareKind { YOUNG, WOMEN, MINORITY }

    /**
     * {@code count} of {@code base} distinct planned cadres; {@code targetPct} null when the rule set sets
     * none; {@code missed} when below the target.
     */
    public record Share(ShareKind kind, long count, long base, BigDecimal targetPct, int youngAge, boolean missed) {
    }

    /**
     * A planned cadre the rules remove from planning, with the fact that does it: the retirement date and
     * the months left against those required (over age), or the discipline and its decision.
     */
    public record Removal(PlanEntry entry, RemovalReason reason, LocalDate since, LocalDate retirement, Long monthsLeft,
                          Integer monthsRequired, DisciplineForm discipline, DecisionRef decision, String legalBasis,
                          Vote vote) {

        public Removal(PlanEntry entry, RemovalReason reason, LocalDate since, LocalDate retirement, Long monthsLeft,
                       Integer monthsRequired, DisciplineForm discipline, DecisionRef decision, String legalBasis) {
            this(entry, reason, since, retirement, monthsLeft, monthsRequired, discipline, decision, legalBasis, null);
        }

        /** The proposal a confidence vote's outcome makes (votes publishes it when the session concludes). */
        public static Removal lowConfidence(PlanEntry entry, LocalDate votedOn, String session, int low, int base,
                                            boolean dismissal, String legalBasis) {
            return new Removal(entry, RemovalReason.LOW_CONFIDENCE, votedOn, null, null, null, null, null, legalBasis,
                    new Vote(session, low, base, dismissal));
        }
    }

    /** The vote behind a low-confidence removal: {@code low} of {@code base}; dismissal: the QĐ 41 procedure too. */
    public record Vote(String session, int low, int base, boolean dismissal) {
    }

    /** A cap that does not hold (data from before the rule, or entered elsewhere): a post or a cadre over it. */
    public record Overflow(Long memberId, String fullName, Long unitId, String titleName, int count, int max) {
    }
}
