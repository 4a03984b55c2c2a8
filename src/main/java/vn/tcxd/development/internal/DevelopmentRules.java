package vn.tcxd.development.internal;

import vn.tcxd.calendar.WorkingDays;
import vn.tcxd.development.DevelopmentRuleSet;
import vn.tcxd.development.FileDocument;
import vn.tcxd.shared.RuleViolation;
import vn.tcxd.shared.VietnameseFormat;

import java.time.LocalDate;
import java.time.Period;
import java.util.EnumSet;
import java.util.Set;

/**
 * The rules of admission to the Party, pure functions of a {@link DevelopmentRuleSet} and the facts.
 *
 * <ul>
 *   <li><b>Age</b> (Điều lệ Đảng Điều 1; QĐ 24-QĐ/TW, 232-QĐ/TW, 294-QĐ/TW item 1.1): "đủ 18 tuổi đến đủ 60
 *       tuổi (tính theo tháng)" on the day the cell considers; in completed months, 216 to 720 inclusive. Over
 *       60 is the special path of HD 01-HD/TW (2021) item 1.1 (committee directly under the Centre), which is
 *       not modelled and is refused.</li>
 *   <li><b>Certificate</b> of the awareness class: valid 60 months from its date [R], so it is expired on the
 *       day 60 months after it (the same day of the month) and later.</li>
 *   <li><b>File</b> (HD 12-HD/BTCTW 2022 II.1.1(a); HD 01-HD/TW): the documents the cell needs. A file the
 *       cell has not considered within 12 months of its making needs the sponsor letter, the union
 *       resolution and the residence comments redone: stale on the day 12 months after it and later.</li>
 *   <li><b>Votes</b> (QĐ 24-QĐ/TW item 4.2.3): at least 2/3 of the cell's full members, and at least 2/3 of
 *       the grassroots committee's members, in favour ("ít nhất 2/3": equality passes).</li>
 *   <li><b>Decision</b> (QĐ 29-QĐ/TW item 4.3.1, the same in QĐ 232 and assumed in QĐ 294 [R]): within 60
 *       working days of the cell's resolution, counted from the day after it with the holiday calendar.</li>
 *   <li><b>Sponsors</b> (Điều lệ Đảng Điều 4 [R]): two full members, or the Youth Union's or the grassroots
 *       trade union's resolution and one full member; a probationary member may not sponsor.</li>
 * </ul>
 */
final class DevelopmentRules {

    /** Required whatever the sponsors; the union's resolution only when a union sponsors. */
    static final Set<FileDocument> ALWAYS_REQUIRED = EnumSet.complementOf(EnumSet.of(FileDocument.UNION_RESOLUTION));

    private DevelopmentRules() {
    }

    static long ageInMonths(LocalDate birthDate, LocalDate on) {
        return Period.between(birthDate, on).toTotalMonths();
    }

    static void requireAge(DevelopmentRuleSet rules, LocalDate birthDate, LocalDate on) {
        long months = ageInMonths(birthDate, on);
        if (months < rules.minAgeMonths()) {
            throw RuleViolation.onField("birthDate", "error.development.tooYoung", rules.minAgeMonths() / 12,
                    VietnameseFormat.date(on), VietnameseFormat.date(birthDate.plusMonths(rules.minAgeMonths())),
                    rules.ageBasis());
        }
        if (months > rules.maxAgeMonths()) {
            throw RuleViolation.onField("birthDate", "error.development.tooOld", rules.maxAgeMonths() / 12,
                    VietnameseFormat.date(on), rules.ageBasis());
        }
    }

    /** The first day the certificate no longer counts. */
    static LocalDate certificateExpiresOn(DevelopmentRuleSet rules, LocalDate issuedOn) {
        return issuedOn.plusMonths(rules.certificateMonths());
    }

    static void requireCertificateValid(DevelopmentRuleSet rules, LocalDate issuedOn, LocalDate on) {
        LocalDate expires = certificateExpiresOn(rules, issuedOn);
        if (!on.isBefore(expires)) {
            throw RuleViolation.onField("certificateOn", "error.development.certificateExpired",
                    VietnameseFormat.date(issuedOn), VietnameseFormat.date(expires), rules.certificateBasis());
        }
    }

    /** Whether a file completed on {@code fileOn} must be partly redone before the cell considers it on {@code cellOn}. */
    static boolean fileStale(DevelopmentRuleSet rules, LocalDate fileOn, LocalDate cellOn) {
        return !cellOn.isBefore(fileOn.plusMonths(rules.fileMonths()));
    }

    static void requireFileFresh(DevelopmentRuleSet rules, LocalDate fileOn, LocalDate cellOn) {
        if (fileStale(rules, fileOn, cellOn)) {
            throw RuleViolation.onField("on", "error.development.fileStale", VietnameseFormat.date(fileOn),
                    rules.fileMonths(), rules.fileBasis());
        }
    }

    /** The documents missing from a file, given whether a union's resolution sponsors. */
    static Set<FileDocument> missing(Set<FileDocument> present, boolean unionSponsors) {
        Set<FileDocument> missing = EnumSet.copyOf(ALWAYS_REQUIRED);
        if (unionSponsors) missing.add(FileDocument.UNION_RESOLUTION);
        missing.removeAll(present);
        return missing;
    }

    static void requireVote(DevelopmentRuleSet.Share share, int inFavour, int base, String body, String basis) {
        if (base <= 0 || inFavour < 0 || inFavour > base) {
            throw RuleViolation.onField("inFavour", "error.development.voteCounts", inFavour, base);
        }
        if (!share.reachedBy(inFavour, base)) {
            throw RuleViolation.onField("inFavour", "error.development.voteBelow", new vn.tcxd.shared.Label(body),
                    inFavour, base, share.toString(), basis);
        }
    }

    /** The last day the competent committee is on time for a cell resolution of {@code cellOn}. */
    static LocalDate decisionDeadline(DevelopmentRuleSet rules, WorkingDays workingDays, LocalDate cellOn) {
        return workingDays.plusWorkingDays(cellOn, rules.decisionWorkingDays());
    }

    static void requireDecisionInTime(DevelopmentRuleSet rules, LocalDate cellOn, LocalDate deadline, LocalDate decidedOn) {
        if (decidedOn.isBefore(cellOn)) {
            throw RuleViolation.onField("decision.date", "error.development.decisionBeforeCell",
                    VietnameseFormat.date(decidedOn), VietnameseFormat.date(cellOn));
        }
        if (decidedOn.isAfter(deadline)) {
            throw RuleViolation.onField("decision.date", "error.development.decisionLate",
                    VietnameseFormat.date(decidedOn), rules.decisionWorkingDays(), VietnameseFormat.date(cellOn),
                    VietnameseFormat.date(deadline), rules.decisionBasis());
        }
    }

    /** Refuses too few full-member sponsors for the path taken (with or without a union's resolution). */
    static void requireSponsors(DevelopmentRuleSet rules, int fullMembers, boolean unionResolution) {
        int needed = unionResolution ? rules.sponsorsWithResolution() : rules.sponsorsFullMembers();
        if (fullMembers < needed) {
            throw RuleViolation.onField("memberIds", "error.development.sponsorsTooFew", needed, fullMembers,
                    rules.sponsorBasis());
        }
        if (fullMembers > rules.sponsorsFullMembers()) {
            throw RuleViolation.onField("memberIds", "error.development.sponsorsTooMany", rules.sponsorsFullMembers());
        }
    }
}
