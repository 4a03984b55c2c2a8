package vn.tcxd.evaluations;

import vn.tcxd.shared.RuleSet;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;

/**
 * The rules of one rating regulation, chosen by the end of the period rated (DOMAIN §3). Levels are
 * best first: rank 1 the top level, 2 "good", 3 "completed", 4 "failed". A null threshold means the
 * regulation has no such rule.
 *
 * @param scoreFloors            lowest score of each level, best first (scored schemes, QĐ 366 Art. 11)
 * @param notRatedMemberMonths   members admitted fewer months before the period end are not rated
 * @param notRatedUnitMonths     organisations set up fewer months before the period end are not rated
 * @param sickLeaveCapDays       sick leave of at least this many days in the period caps the level …
 * @param sickLeaveCapRank       … at this rank (3: at most "completed")
 * @param failTargetsBelowPct    below this share of targets met, the level is "failed"
 * @param orgGoodPassPct         an organisation is "good" or better only if this share of its members
 *                               (a cell) or subordinate organisations (a committee) is at least "completed" …
 * @param orgGoodGoodPct         … and this share at least "good"
 * @param orgFailMemberPct       more than this share of members "failed" makes the cell "failed"
 * @param orgExcellentNoDiscipline an organisation with a member disciplined in the period is not "excellent"
 * @param quota                  HTXSNV ≤ quota × HTTNV within each group, or null
 */
public record RatingScheme(RuleSet ruleSet, Set<PeriodKind> periods, List<RatingLevel> memberLevels,
                           List<RatingLevel> orgLevels, boolean scored, List<Integer> scoreFloors,
                           Integer notRatedMemberMonths, Integer notRatedUnitMonths, Integer sickLeaveCapDays,
                           Integer sickLeaveCapRank, Integer failTargetsBelowPct, Integer orgGoodPassPct,
                           Integer orgGoodGoodPct, Integer orgFailMemberPct, boolean orgExcellentNoDiscipline,
                           Quota quota, String notes) {

    public String code() {
        return ruleSet().code();
    }

    public List<RatingLevel> levels(SubjectKind kind) {
        return kind.isPerson() ? memberLevels : orgLevels;
    }

    /** 1 (best) to 4 (failed), or 0 when the level is not one of the scheme's levels for the subject. */
    public int rank(SubjectKind kind, RatingLevel level) {
        return level == null ? 0 : levels(kind).indexOf(level) + 1;
    }

    public RatingLevel level(SubjectKind kind, int rank) {
        return levels(kind).get(rank - 1);
    }

    /** The best rank a score allows (scored schemes). */
    public int rankForScore(BigDecimal score) {
        for (int i = 0; i < scoreFloors.size(); i++) {
            if (score.compareTo(BigDecimal.valueOf(scoreFloors.get(i))) >= 0) {
                return i + 1;
            }
        }
        return 4;
    }

    /**
     * HD 21-HD/BTCTW (2019) 2.3a, QĐ 124 Art. 12: the number rated HTXSNV may not exceed {@code pct} % of
     * those rated HTTNV, within each grassroots organisation ({@code GRASSROOTS}) or each group decided
     * by the same committee ({@code DECIDER}); the rounding of the product is local practice.
     */
    public record Quota(BigDecimal pct, QuotaScope scope, RoundingMode rounding, boolean organisations) {

        public int allowed(int good) {
            return pct.multiply(BigDecimal.valueOf(good)).divide(BigDecimal.valueOf(100), 0, rounding).intValueExact();
        }
    }

    public enum QuotaScope {
        GRASSROOTS, DECIDER
    }
}
