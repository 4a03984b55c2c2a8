package vn.tcxd.cadres.internal;

import vn.tcxd.cadres.CadreRuleSet;
import vn.tcxd.cadres.ManagingLevel;
import vn.tcxd.cadres.PlanPeriod;
import vn.tcxd.cadres.Title;
import vn.tcxd.calendar.WorkingDays;
import vn.tcxd.members.Gender;
import vn.tcxd.orgstructure.UnitType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The rules of cadre work (DOMAIN §6), pure: retirement age, the age a planned or appointed cadre must
 * have left, the reappointment notice, the caps of planning and the shares against their targets.
 * Every threshold comes from the {@link CadreRuleSet} valid on the act's date.
 */
final class CadreRules {

    private CadreRules() {
    }

    /** One row of the retirement-age schedule (cadres.retirement_rule). */
    record RetirementRule(String code, String legalBasis, Gender gender, int fromYear, Integer toYear, int baseMonths,
                          int stepMonths, int maxMonths) {

        boolean covers(int year) {
            return year >= fromYear && (toYear == null || year <= toYear);
        }

        /** The retirement age in months for someone who reaches it in {@code year}. */
        int months(int year) {
            return Math.min(baseMonths + stepMonths * (year - fromYear), maxMonths);
        }
    }

    /**
     * The day a person reaches retirement age. Bộ luật Lao động 2019 Điều 169 and Nghị định 135/2020/NĐ-CP
     * Điều 4: from 2021 the age rises by 3 months a year for men (from 60 years 3 months to 62 in 2028) and
     * by 4 months for women (from 55 years 4 months to 60 in 2035), and a person retires at the age set
     * for the year in which they reach it; until 2020 (Bộ luật Lao động 2012 Điều 187) at 60 and 55.
     */
    static LocalDate retirementDate(Gender gender, LocalDate birthDate, List<RetirementRule> rules) {
        LocalDate fallback = null;
        for (int year = birthDate.getYear() + 50; year <= birthDate.getYear() + 70; year++) {
            int y = year;
            RetirementRule rule = rules.stream().filter(r -> r.gender() == gender && r.covers(y)).findFirst().orElse(null);
            if (rule == null) {
                continue;
            }
            LocalDate reached = birthDate.plusMonths(rule.months(year));
            if (reached.getYear() == year) {
                return reached;
            }
            if (reached.getYear() < year && fallback == null) {
                fallback = reached;
            }
        }
        if (fallback == null) {
            throw new IllegalStateException("no retirement rule for " + gender + " born " + birthDate);
        }
        return fallback;
    }

    /**
     * The latest birth date of a {@code gender} who reaches retirement age on or before {@code by}: the youngest
     * retirement age of the schedule (60 for men, 55 for women before 2021) counted back from it. A bound for
     * reading candidates, not the rule: {@link #retirementDate} decides.
     */
    static LocalDate latestBirthRetiringBy(Gender gender, LocalDate by, List<RetirementRule> rules) {
        int youngest = rules.stream().filter(r -> r.gender() == gender).mapToInt(RetirementRule::baseMonths).min()
                .orElseThrow(() -> new IllegalStateException("no retirement rule for " + gender));
        return by.minusMonths(youngest);
    }

    /** Whole months from {@code from} to {@code to} (negative when {@code to} is earlier). */
    static long monthsBetween(LocalDate from, LocalDate to) {
        return ChronoUnit.MONTHS.between(from, to);
    }

    static int age(LocalDate birthDate, LocalDate on) {
        return Period.between(birthDate, on).getYears();
    }

    /**
     * The day a planned cadre's remaining working age is counted from: the start of the planned term, or
     * the day of the act when the term has already begun (HD 16-HD/BTCTW 2022 mục 7: "đủ tuổi công tác
     * ít nhất trọn một nhiệm kỳ" for the term planned for).
     */
    static LocalDate planningReference(PlanPeriod period, LocalDate on) {
        return on.isAfter(period.startsOn()) ? on : period.startsOn();
    }

    /** QĐ 50-QĐ/TW, HD 16-HD/BTCTW; QĐ 377-QĐ/TW: at least one full term of working age left from the reference day. */
    static boolean fullTermLeft(CadreRuleSet rules, LocalDate retirement, LocalDate reference) {
        return monthsBetween(reference, retirement) >= rules.planningFullTermMonths();
    }

    /**
     * First appointment: retirement age minus age on the day the commission receives the dossier must be
     * at least {@code appointmentRemainingMonths} (QĐ 80-QĐ/TW Art. 14, QĐ 377 [R]: "đủ tuổi để công tác
     * trọn thời hạn bổ nhiệm").
     */
    static boolean appointmentAgeLeft(CadreRuleSet rules, LocalDate retirement, LocalDate dossierDay) {
        return monthsBetween(dossierDay, retirement) >= rules.appointmentRemainingMonths();
    }

    /**
     * The last day to notify a reappointment before the appointment term ends: QĐ 377-QĐ/TW (2025) 90
     * working days; QĐ 105 and QĐ 80, 90 days [R]. The rule set valid on the term's end decides.
     */
    static LocalDate noticeDue(CadreRuleSet rules, LocalDate termEnd, WorkingDays workingDays) {
        return switch (rules.noticeUnit()) {
            case WORKING_DAYS -> workingDays.minusWorkingDays(termEnd, rules.noticeAmount());
            case DAYS -> termEnd.minusDays(rules.noticeAmount());
            case MONTHS -> termEnd.minusMonths(rules.noticeAmount());
        };
    }

    /** Reappointment runs a full appointment term, or until retirement when less is left (QĐ 80 Art. 17 [R]). */
    static LocalDate reappointmentEnd(CadreRuleSet rules, LocalDate startsOn, LocalDate retirement) {
        LocalDate full = startsOn.plusYears(rules.appointmentTermYears());
        return retirement != null && retirement.isBefore(full) && retirement.isAfter(startsOn) ? retirement : full;
    }

    /**
     * QĐ 377-QĐ/TW: "chỉ quy hoạch chức danh cao hơn". A title is higher than the one held when it ranks
     * above it at the same level (the same unit type); a title at a higher level is higher.
     */
    static boolean higherThan(Title planned, Title held) {
        if (planned.unitType() != held.unitType()) {
            return true;
        }
        return planned.rank() < held.rank();
    }

    /**
     * The manager of a post: the first unit at or above it whose level is at least the title's managing
     * level ({@code chain} from the post up to the root, with each unit's type).
     */
    static Long manager(ManagingLevel level, List<Long> chainUp, Map<Long, UnitType> types) {
        for (Long id : chainUp) {
            UnitType type = types.get(id);
            if (type != null && level.managedBy(type)) {
                return id;
            }
        }
        return null;
    }

    /** Below the target (both as shares of the same base); no target, no flag. */
    static boolean missed(long count, long base, BigDecimal targetPct) {
        if (targetPct == null || base == 0) {
            return false;
        }
        return BigDecimal.valueOf(count * 100L).divide(BigDecimal.valueOf(base), 4, RoundingMode.HALF_UP)
                .compareTo(targetPct) < 0;
    }
}
