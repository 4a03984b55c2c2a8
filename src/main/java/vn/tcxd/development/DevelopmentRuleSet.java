package vn.tcxd.development;

import vn.tcxd.shared.RuleSet;

/**
 * The thresholds of the admission pipeline under one regulation, chosen by the date of the act it judges
 * (the age and the votes by the day the cell considers).
 *
 * @param minAgeMonths           completed months of age on the cell's day (216: "đủ 18 tuổi")
 * @param maxAgeMonths           at most this many completed months (720: "đủ 60 tuổi tính theo tháng")
 * @param certificateMonths      months the awareness-class certificate is valid [R]
 * @param fileMonths             a file older than this when the cell considers must be partly redone
 * @param decisionWorkingDays    the competent committee decides within this many working days of the cell's resolution
 * @param sponsorsFullMembers    full members sponsoring without a union resolution
 * @param sponsorsWithResolution full members sponsoring with the Youth Union's or trade union's resolution
 */
public record DevelopmentRuleSet(RuleSet ruleSet, int minAgeMonths, int maxAgeMonths, String ageBasis,
                                 int certificateMonths, String certificateBasis, int fileMonths, String fileBasis,
                                 Share cellVote, Share committeeVote, String voteBasis, int decisionWorkingDays,
                                 String decisionBasis, int sponsorsFullMembers, int sponsorsWithResolution,
                                 String sponsorBasis) {

    /** A share "at least num/den" of a base. */
    public record Share(int num, int den) {

        public boolean reachedBy(int count, int base) {
            return base > 0 && (long) count * den >= (long) num * base;
        }

        @Override
        public String toString() {
            return num + "/" + den;
        }
    }

    public String code() {
        return ruleSet().code();
    }
}
