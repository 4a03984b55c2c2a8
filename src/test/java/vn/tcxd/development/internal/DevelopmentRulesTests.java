package vn.tcxd.development.internal;

import org.junit.jupiter.api.Test;
import vn.tcxd.calendar.WorkingDays;
import vn.tcxd.development.DevelopmentRuleSet;
import vn.tcxd.development.FileDocument;
import vn.tcxd.shared.RuleSet;
import vn.tcxd.shared.RuleViolation;
import vn.tcxd.shared.ValidityPeriod;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The admission rules at their boundaries, with the rule set of QĐ 294-QĐ/TW as the migration holds it.
 */
class DevelopmentRulesTests {

    static final DevelopmentRuleSet RULES = new DevelopmentRuleSet(
            new RuleSet("DEV_QD294_2025", "QĐ 294", "Điều lệ Đảng; QĐ 294-QĐ/TW", new ValidityPeriod(LocalDate.of(2025, 7, 1), null)),
            216, 720, "QĐ 294-QĐ/TW mục 1.1", 60, "[R] 60 tháng", 12, "HD 01-HD/TW",
            new DevelopmentRuleSet.Share(2, 3), new DevelopmentRuleSet.Share(2, 3), "QĐ 294-QĐ/TW mục 4.2.3",
            60, "QĐ 294-QĐ/TW mục 4.3.1", 2, 1, "Điều lệ Đảng Điều 4");

    static final LocalDate BORN = LocalDate.of(2008, 3, 15);

    private static String key(Throwable t) {
        return ((RuleViolation) t).messageKey();
    }

    // Điều lệ Đảng Điều 1; QĐ 294-QĐ/TW item 1.1: "đủ 18 tuổi đến đủ 60 tuổi (tính theo tháng)" on the cell's day

    @Test
    void shouldAdmitOnTheDayOfTheEighteenthBirthdayAndNotTheDayBefore() {
        assertThatCode(() -> DevelopmentRules.requireAge(RULES, BORN, LocalDate.of(2026, 3, 15))).doesNotThrowAnyException();
        assertThatThrownBy(() -> DevelopmentRules.requireAge(RULES, BORN, LocalDate.of(2026, 3, 14)))
                .satisfies(t -> assertThat(key(t)).isEqualTo("error.development.tooYoung"));
        assertThat(DevelopmentRules.ageInMonths(BORN, LocalDate.of(2026, 3, 14))).isEqualTo(215);
    }

    @Test
    void shouldAdmitThroughTheSixtiethYearsFirstMonthAndRefuseFromTheNextMonth() {
        LocalDate born = LocalDate.of(1966, 5, 15);
        // 720 completed months ("đủ 60 tuổi") until the day before 721 are completed
        assertThatCode(() -> DevelopmentRules.requireAge(RULES, born, LocalDate.of(2026, 5, 15))).doesNotThrowAnyException();
        assertThatCode(() -> DevelopmentRules.requireAge(RULES, born, LocalDate.of(2026, 6, 14))).doesNotThrowAnyException();
        assertThat(DevelopmentRules.ageInMonths(born, LocalDate.of(2026, 6, 15))).isEqualTo(721);
        assertThatThrownBy(() -> DevelopmentRules.requireAge(RULES, born, LocalDate.of(2026, 6, 15)))
                .satisfies(t -> assertThat(key(t)).isEqualTo("error.development.tooOld"));
    }

    // [R] the awareness-class certificate is valid 60 months

    @Test
    void shouldCountTheCertificateUntilTheDayBeforeSixtyMonths() {
        LocalDate issued = LocalDate.of(2021, 4, 20);
        assertThat(DevelopmentRules.certificateExpiresOn(RULES, issued)).isEqualTo(LocalDate.of(2026, 4, 20));
        assertThatCode(() -> DevelopmentRules.requireCertificateValid(RULES, issued, LocalDate.of(2026, 4, 19)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> DevelopmentRules.requireCertificateValid(RULES, issued, LocalDate.of(2026, 4, 20)))
                .satisfies(t -> assertThat(key(t)).isEqualTo("error.development.certificateExpired"));
    }

    // HD 01-HD/TW: a file not considered within 12 months needs its sponsor letter, resolution and residence comments redone

    @Test
    void shouldTreatAFileAsStaleFromTwelveMonthsAfterItWasMade() {
        LocalDate made = LocalDate.of(2025, 9, 10);
        assertThat(DevelopmentRules.fileStale(RULES, made, LocalDate.of(2026, 9, 9))).isFalse();
        assertThat(DevelopmentRules.fileStale(RULES, made, LocalDate.of(2026, 9, 10))).isTrue();
        assertThatThrownBy(() -> DevelopmentRules.requireFileFresh(RULES, made, LocalDate.of(2026, 9, 10)))
                .satisfies(t -> assertThat(key(t)).isEqualTo("error.development.fileStale"));
    }

    @Test
    void shouldRequireTheUnionResolutionOnlyWhenAUnionSponsors() {
        Set<FileDocument> all = EnumSet.complementOf(EnumSet.of(FileDocument.UNION_RESOLUTION));
        assertThat(DevelopmentRules.missing(all, false)).isEmpty();
        assertThat(DevelopmentRules.missing(all, true)).containsExactly(FileDocument.UNION_RESOLUTION);
        assertThat(DevelopmentRules.missing(Set.of(), false)).hasSize(7);
    }

    // QĐ 294-QĐ/TW item 4.2.3: at least 2/3 of the cell's full members, of the committee's members

    @Test
    void shouldPassAVoteAtExactlyTwoThirdsAndRefuseOneBelow() {
        assertThatCode(() -> DevelopmentRules.requireVote(RULES.cellVote(), 6, 9, "voteBody.CELL", "b"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> DevelopmentRules.requireVote(RULES.cellVote(), 5, 9, "voteBody.CELL", "b"))
                .satisfies(t -> assertThat(key(t)).isEqualTo("error.development.voteBelow"));
        // 2/3 of 7 is 4.67: five are needed
        assertThatCode(() -> DevelopmentRules.requireVote(RULES.committeeVote(), 5, 7, "voteBody.COMMITTEE", "b"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> DevelopmentRules.requireVote(RULES.committeeVote(), 4, 7, "voteBody.COMMITTEE", "b"))
                .satisfies(t -> assertThat(key(t)).isEqualTo("error.development.voteBelow"));
        assertThatThrownBy(() -> DevelopmentRules.requireVote(RULES.cellVote(), 10, 9, "voteBody.CELL", "b"))
                .satisfies(t -> assertThat(key(t)).isEqualTo("error.development.voteCounts"));
    }

    // QĐ 294-QĐ/TW item 4.3.1: the decision within 60 working days of the cell's resolution

    @Test
    void shouldDecideOnTheSixtiethWorkingDayAndNotTheNext() {
        LocalDate cellOn = LocalDate.of(2026, 9, 1); // Tuesday; weekdays only in this calendar
        LocalDate deadline = DevelopmentRules.decisionDeadline(RULES, WEEKDAYS, cellOn);
        assertThat(deadline).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThatCode(() -> DevelopmentRules.requireDecisionInTime(RULES, cellOn, deadline, deadline)).doesNotThrowAnyException();
        assertThatThrownBy(() -> DevelopmentRules.requireDecisionInTime(RULES, cellOn, deadline, deadline.plusDays(1)))
                .satisfies(t -> assertThat(key(t)).isEqualTo("error.development.decisionLate"));
        assertThatThrownBy(() -> DevelopmentRules.requireDecisionInTime(RULES, cellOn, deadline, cellOn.minusDays(1)))
                .satisfies(t -> assertThat(key(t)).isEqualTo("error.development.decisionBeforeCell"));
    }

    // Điều lệ Đảng Điều 4 [R]: two full members, or a union's resolution and one full member

    @Test
    void shouldAcceptTwoFullMembersOrAUnionAndOne() {
        assertThatCode(() -> DevelopmentRules.requireSponsors(RULES, 2, false)).doesNotThrowAnyException();
        assertThatCode(() -> DevelopmentRules.requireSponsors(RULES, 1, true)).doesNotThrowAnyException();
        assertThatThrownBy(() -> DevelopmentRules.requireSponsors(RULES, 1, false))
                .satisfies(t -> assertThat(key(t)).isEqualTo("error.development.sponsorsTooFew"));
        assertThatThrownBy(() -> DevelopmentRules.requireSponsors(RULES, 0, true))
                .satisfies(t -> assertThat(key(t)).isEqualTo("error.development.sponsorsTooFew"));
        assertThatThrownBy(() -> DevelopmentRules.requireSponsors(RULES, 3, false))
                .satisfies(t -> assertThat(key(t)).isEqualTo("error.development.sponsorsTooMany"));
    }

    /** Monday to Friday, no holidays: the holidays are tested with the real calendar in DevelopmentAdmissionTests. */
    static final WorkingDays WEEKDAYS = new WorkingDays() {
        @Override
        public boolean isWorkingDay(LocalDate d) {
            return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
        }

        @Override
        public LocalDate plusWorkingDays(LocalDate start, int n) {
            LocalDate d = start;
            for (int i = 0; i < n; ) {
                d = d.plusDays(1);
                if (isWorkingDay(d)) i++;
            }
            return d;
        }

        @Override
        public LocalDate minusWorkingDays(LocalDate end, int n) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int workingDaysBetween(LocalDate a, LocalDate b) {
            throw new UnsupportedOperationException();
        }
    };
}
