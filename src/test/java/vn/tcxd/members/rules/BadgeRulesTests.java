package vn.tcxd.members.rules;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.tcxd.IntegrationTest;
import vn.tcxd.members.BadgeEligibility;
import vn.tcxd.members.BadgeRules;
import vn.tcxd.members.PartyAge.DateRange;
import vn.tcxd.shared.RuleViolation;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Party Badge eligibility (HD 01-HD/TW 2021 item 18; DOMAIN §2.7) on the seeded badge rule sets.
 */
@IntegrationTest
class BadgeRulesTests {

    static final LocalDate SEPT_2_2024 = LocalDate.of(2024, 9, 2);
    static final Set<Integer> UP_TO_60 = Set.of(30, 40, 45, 50, 55, 60);
    static final Set<Integer> UP_TO_65 = Set.of(30, 40, 45, 50, 55, 60, 65);

    @Autowired
    BadgeRules badges;

    @Test
    @DisplayName("HD 01/2021 mục 18: xét tặng vào các dịp 3/2, 19/5, 2/9, 7/11")
    void shouldListTheFourAwardOccasionsOfAYear() {
        assertThat(badges.occasions(2024)).containsExactly(LocalDate.of(2024, 2, 3), LocalDate.of(2024, 5, 19),
                SEPT_2_2024, LocalDate.of(2024, 11, 7));
        assertThat(badges.nextOccasion(LocalDate.of(2024, 9, 3))).isEqualTo(LocalDate.of(2024, 11, 7));
        assertThat(badges.nextOccasion(SEPT_2_2024)).isEqualTo(SEPT_2_2024);
        assertThat(badges.nextOccasion(LocalDate.of(2024, 11, 8))).isEqualTo(LocalDate.of(2025, 2, 3));
        assertThatThrownBy(() -> badges.eligibleAt(LocalDate.of(2024, 9, 3), LocalDate.of(1990, 1, 1), List.of(),
                Set.of(), false, null))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.messageKey()).isEqualTo("error.badge.notOccasion"));
    }

    @Test
    @DisplayName("HD 01/2021 mục 18: đủ 30 năm tuổi đảng đúng ngày 2/9 thì được xét dịp 2/9; thiếu một ngày thì chờ dịp 7/11")
    void shouldAwardOnTheOccasionWhenTheMilestoneFallsOnItAndWaitWhenOneDayLater() {
        BadgeEligibility onTheDay = badges.eligibleAt(SEPT_2_2024, LocalDate.of(1994, 9, 2), List.of(), Set.of(), false, null);
        BadgeEligibility dayAfter = badges.eligibleAt(SEPT_2_2024, LocalDate.of(1994, 9, 3), List.of(), Set.of(), false, null);
        BadgeEligibility nextOccasion = badges.eligibleAt(LocalDate.of(2024, 11, 7), LocalDate.of(1994, 9, 3), List.of(),
                Set.of(), false, null);

        assertThat(onTheDay.milestoneYears()).isEqualTo(30);
        assertThat(onTheDay.milestoneDate()).isEqualTo(SEPT_2_2024);
        assertThat(onTheDay.early()).isFalse();
        assertThat(onTheDay.ruleSetCode()).isEqualTo("HD01_2021");
        assertThat(onTheDay.legalBasis()).contains("01-HD/TW").contains("mục 18");
        assertThat(dayAfter.eligible()).isFalse();
        assertThat(nextOccasion.milestoneYears()).isEqualTo(30);
    }

    @Test
    @DisplayName("HD 01/2021 mục 18: không có Huy hiệu 35 năm; đã nhận 30 năm thì chờ mốc 40")
    void shouldNotAwardAThirtyFiveYearBadge() {
        BadgeEligibility at35 = badges.eligibleAt(SEPT_2_2024, LocalDate.of(1989, 9, 2), List.of(), Set.of(30), false, null);
        BadgeEligibility at40 = badges.eligibleAt(SEPT_2_2024, LocalDate.of(1984, 9, 2), List.of(), Set.of(30), false, null);

        assertThat(at35.eligible()).isFalse();
        assertThat(at40.milestoneYears()).isEqualTo(40);
        // 45 is a milestone, unlike 35
        assertThat(badges.eligibleAt(SEPT_2_2024, LocalDate.of(1979, 9, 2), List.of(), Set.of(30, 40), false, null)
                .milestoneYears()).isEqualTo(45);
    }

    @Test
    @DisplayName("HD 01/2021 mục 18: bệnh nặng được xét sớm không quá 12 tháng (mốc 30–65), không quá 24 tháng (mốc 70–90)")
    void shouldAwardEarlyTwelveMonthsUpToSixtyFiveAndTwentyFourFromSeventyWhenSeriouslyIll() {
        BadgeEligibility thirtyIn12 = badges.eligibleAt(SEPT_2_2024, LocalDate.of(1995, 9, 2), List.of(), Set.of(), true, null);
        BadgeEligibility thirtyIn12Healthy = badges.eligibleAt(SEPT_2_2024, LocalDate.of(1995, 9, 2), List.of(), Set.of(), false, null);
        BadgeEligibility thirtyIn15 = badges.eligibleAt(LocalDate.of(2024, 5, 19), LocalDate.of(1995, 9, 2), List.of(), Set.of(), true, null);
        LocalDate nov7 = LocalDate.of(2024, 11, 7);
        BadgeEligibility seventyIn24 = badges.eligibleAt(nov7, LocalDate.of(1956, 11, 7), List.of(), UP_TO_65, true, null);
        BadgeEligibility sixtyFiveIn24 = badges.eligibleAt(nov7, LocalDate.of(1961, 11, 7), List.of(), UP_TO_60, true, null);
        BadgeEligibility sixtyFiveIn12 = badges.eligibleAt(nov7, LocalDate.of(1960, 11, 7), List.of(), UP_TO_60, true, null);

        assertThat(thirtyIn12.milestoneYears()).isEqualTo(30);
        assertThat(thirtyIn12.early()).isTrue();
        assertThat(thirtyIn12.monthsEarly()).isEqualTo(12);
        assertThat(thirtyIn12Healthy.eligible()).isFalse();
        assertThat(thirtyIn15.eligible()).isFalse();
        assertThat(seventyIn24.milestoneYears()).isEqualTo(70);
        assertThat(seventyIn24.monthsEarly()).isEqualTo(24);
        assertThat(sixtyFiveIn24.eligible()).isFalse();
        assertThat(sixtyFiveIn12.milestoneYears()).isEqualTo(65);
        assertThat(sixtyFiveIn12.monthsEarly()).isEqualTo(12);
    }

    @Test
    @DisplayName("HD 01/2021 mục 18: truy tặng khi từ trần còn thiếu không quá 12 tháng tuổi đảng; tuổi đảng dừng ở ngày từ trần")
    void shouldAwardPosthumouslyUpToTwelveMonthsEarly() {
        LocalDate died = LocalDate.of(2024, 6, 1);
        BadgeEligibility sixMonthsShort = badges.eligibleAt(SEPT_2_2024, LocalDate.of(1994, 12, 1), List.of(), Set.of(), false, died);
        BadgeEligibility thirteenMonthsShort = badges.eligibleAt(SEPT_2_2024, LocalDate.of(1995, 7, 1), List.of(), Set.of(), false, died);
        BadgeEligibility reachedBeforeDeath = badges.eligibleAt(SEPT_2_2024, LocalDate.of(1994, 1, 1), List.of(), Set.of(), false, died);
        BadgeEligibility diedAfterOccasion = badges.eligibleAt(SEPT_2_2024, LocalDate.of(1994, 12, 1), List.of(), Set.of(), false,
                LocalDate.of(2024, 10, 1));

        assertThat(sixMonthsShort.milestoneYears()).isEqualTo(30);
        assertThat(sixMonthsShort.posthumous()).isTrue();
        assertThat(sixMonthsShort.early()).isTrue();
        assertThat(sixMonthsShort.monthsEarly()).isEqualTo(6);
        assertThat(thirteenMonthsShort.eligible()).isFalse();
        assertThat(reachedBeforeDeath.milestoneYears()).isEqualTo(30);
        assertThat(reachedBeforeDeath.early()).isFalse();
        assertThat(reachedBeforeDeath.posthumous()).isTrue();
        assertThat(diedAfterOccasion.posthumous()).isFalse();
        assertThat(diedAfterOccasion.eligible()).isFalse();
    }

    @Test
    @DisplayName("DOMAIN §2.2/§2.7: thời gian gián đoạn làm lùi ngày đủ mốc Huy hiệu")
    void shouldShiftTheMilestoneByTheInterruption() {
        List<DateRange> gap = List.of(new DateRange(LocalDate.of(2000, 1, 1), LocalDate.of(2005, 1, 1)));

        BadgeEligibility withGap = badges.eligibleAt(SEPT_2_2024, LocalDate.of(1990, 9, 2), gap, Set.of(), false, null);
        BadgeEligibility withoutGap = badges.eligibleAt(SEPT_2_2024, LocalDate.of(1990, 9, 2), List.of(), Set.of(), false, null);

        assertThat(withGap.eligible()).isFalse();
        assertThat(withoutGap.milestoneYears()).isEqualTo(30);
    }

    @Test
    @DisplayName("HD 06-HD/TW 2025 áp dụng cho dịp từ 09/06/2025, giả định không đổi [R]")
    void shouldJudgeLaterOccasionsUnderTheTwentyTwentyFiveGuidance() {
        BadgeEligibility eligibility = badges.eligibleAt(LocalDate.of(2025, 9, 2), LocalDate.of(1995, 9, 2), List.of(),
                Set.of(), false, null);

        assertThat(eligibility.milestoneYears()).isEqualTo(30);
        assertThat(eligibility.ruleSetCode()).isEqualTo("HD06_2025");
        assertThat(eligibility.legalBasis()).contains("[R]");
    }
}
