package vn.tcxd.members;

import vn.tcxd.shared.RuleSet;
import vn.tcxd.shared.RuleViolation;
import vn.tcxd.shared.VietnameseFormat;

import java.time.LocalDate;
import java.time.Period;
import java.util.Map;

/**
 * Age of a person admitted and conditions of re-admission under one implementation regulation of
 * the Charter (QĐ 29/24/232/294-QĐ/TW items 1.1 and 3.5). The checks are pure, so the registry
 * (one act) and the bulk writer (whole histories) judge with exactly the same code and messages.
 *
 * @param minAgeMonths             completed months of age required on the admission date (216: 18 years)
 * @param maxAgeMonths             at most this many completed months (720: "đủ 60 tuổi tính theo tháng"); null: no limit
 * @param readmissionMinMonthsOut  months out of the Party before re-admission; null: not regulated
 * @param readmissionMaxTimes      how often a person may be re-admitted; null: not regulated
 * @param readmissionExclusions    ways of leaving after which re-admission is never considered
 *                                 ({@code LEFT}, {@code EXPELLED}, {@code REMOVED:<ground>}) with their provision
 */
public record AdmissionRuleSet(RuleSet ruleSet, int minAgeMonths, Integer maxAgeMonths, String ageReference,
                               Integer readmissionMinMonthsOut, Integer readmissionMaxTimes, String readmissionReference,
                               Map<String, String> readmissionExclusions) {

    public AdmissionRuleSet {
        readmissionExclusions = Map.copyOf(readmissionExclusions);
    }

    /** Refuses an admission (or re-admission) of a person born on {@code birthDate} on {@code on}. */
    public void requireAge(LocalDate birthDate, LocalDate on, String field) {
        long months = Period.between(birthDate, on).toTotalMonths();
        if (months < minAgeMonths) {
            throw RuleViolation.onField(field, "error.admission.tooYoung", minAgeMonths / 12, VietnameseFormat.date(on),
                    VietnameseFormat.date(birthDate), VietnameseFormat.date(birthDate.plusMonths(minAgeMonths)),
                    ageReference);
        }
        if (maxAgeMonths != null && months > maxAgeMonths) {
            throw RuleViolation.onField(field, "error.admission.tooOld", maxAgeMonths / 12, VietnameseFormat.date(on),
                    VietnameseFormat.date(birthDate), ageReference);
        }
    }

    /**
     * Refuses a re-admission on {@code on} of a person who left the Party on {@code exitOn} in the way
     * {@code exit} ({@link #exitOf}), re-admitted before on {@code earlierReadmission} (null: never).
     */
    public void requireReadmission(LocalDate birthDate, LocalDate on, String exit, LocalDate exitOn,
                                   int earlierReadmissions, LocalDate lastReadmission, String field) {
        String excludedBy = readmissionExclusions.get(exit);
        if (excludedBy == null && exit.startsWith("REMOVED:")) {
            excludedBy = readmissionExclusions.get("REMOVED");
        }
        if (excludedBy != null) {
            throw RuleViolation.onField(field, "error.readmission.excluded",
                    new vn.tcxd.shared.Label("readmissionExit." + exit.replace(':', '.')), excludedBy);
        }
        if (readmissionMaxTimes != null && earlierReadmissions >= readmissionMaxTimes) {
            throw RuleViolation.onField(field, "error.readmission.onlyOnce", VietnameseFormat.date(lastReadmission),
                    readmissionReference);
        }
        if (readmissionMinMonthsOut != null && on.isBefore(exitOn.plusMonths(readmissionMinMonthsOut))) {
            throw RuleViolation.onField(field, "error.readmission.tooSoon", readmissionMinMonthsOut,
                    VietnameseFormat.date(exitOn), VietnameseFormat.date(exitOn.plusMonths(readmissionMinMonthsOut)),
                    readmissionReference);
        }
        requireAge(birthDate, on, field);
    }

    /** The way of leaving for {@link #readmissionExclusions}: LEFT, EXPELLED or REMOVED:&lt;ground&gt;. */
    public static String exitOf(MemberStatus status, String removalGround) {
        return status == MemberStatus.REMOVED ? "REMOVED:" + (removalGround == null ? "UNKNOWN" : removalGround)
                : status.name();
    }
}
