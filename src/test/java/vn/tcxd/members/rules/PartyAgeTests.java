package vn.tcxd.members.rules;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.tcxd.members.PartyAge;
import vn.tcxd.members.PartyAge.DateRange;
import vn.tcxd.shared.RuleViolation;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Party age (DOMAIN §2.2): from the date in the admission decision, minus the days without membership.
 */
class PartyAgeTests {

    static final LocalDate ADMITTED = LocalDate.of(2000, 3, 10);

    @Test
    @DisplayName("Điều lệ 2011 Điều 5, tuổi đảng tính từ ngày ghi trong quyết định kết nạp")
    void shouldCountFromTheAdmissionDecisionDateWhenNeverInterrupted() {
        PartyAge age = PartyAge.of(ADMITTED, List.of(), LocalDate.of(2025, 3, 10));

        assertThat(age.years()).isEqualTo(25);
        assertThat(age.months()).isZero();
        assertThat(age.days()).isZero();
        assertThat(age.interruptedDays()).isZero();
        assertThat(age.reaches(30)).contains(LocalDate.of(2030, 3, 10));
        PartyAge dayBefore = PartyAge.of(ADMITTED, List.of(), LocalDate.of(2025, 3, 9));
        assertThat(dayBefore.years()).isEqualTo(24);
        assertThat(dayBefore.months()).isEqualTo(11);
        assertThat(dayBefore.days()).isEqualTo(27);
    }

    @Test
    @DisplayName("DOMAIN §2.2 [R]: kết nạp lại, tuổi đảng tính từ lần kết nạp đầu trừ thời gian gián đoạn (tính theo ngày)")
    void shouldSubtractTheGapInDaysWhenReadmitted() {
        // removed 01/03/2007, re-admitted 01/03/2010: 365 + 366 + 365 = 1096 days without membership
        List<DateRange> gap = List.of(new DateRange(LocalDate.of(2007, 3, 1), LocalDate.of(2010, 3, 1)));

        PartyAge age = PartyAge.of(ADMITTED, gap, LocalDate.of(2025, 3, 10));

        assertThat(age.interruptedDays()).isEqualTo(1096);
        assertThat(age.years()).isEqualTo(22);
        assertThat(age.months()).isZero();
        assertThat(age.days()).isZero();
        assertThat(age.reaches(30)).contains(LocalDate.of(2033, 3, 10));
        // a milestone reached before the gap is not moved by it
        assertThat(age.reaches(4)).contains(LocalDate.of(2004, 3, 10));
        // during the gap the age stands still
        for (LocalDate inGap : List.of(LocalDate.of(2007, 3, 1), LocalDate.of(2008, 6, 1), LocalDate.of(2010, 2, 28))) {
            PartyAge frozen = PartyAge.of(ADMITTED, gap, inGap);
            assertThat(List.of(frozen.years(), frozen.months(), frozen.days())).as("on %s", inGap).containsExactly(6, 11, 19);
        }
    }

    @Test
    @DisplayName("DOMAIN §2.5: đảng viên bị xóa tên chưa kết nạp lại thì tuổi đảng dừng lại, không đạt mốc mới")
    void shouldFreezeAgeAndNeverReachLaterMilestonesWhenOutOfTheParty() {
        List<DateRange> removed = List.of(new DateRange(LocalDate.of(2010, 5, 1), null));

        PartyAge age = PartyAge.of(ADMITTED, removed, LocalDate.of(2025, 1, 1));

        assertThat(age.years()).isEqualTo(10);
        assertThat(age.months()).isEqualTo(1);
        assertThat(age.days()).isEqualTo(21);
        assertThat(age.reaches(10)).contains(LocalDate.of(2010, 3, 10));
        assertThat(age.reaches(30)).isEmpty();
    }

    @Test
    @DisplayName("Gián đoạn chồng lấn chỉ trừ một lần")
    void shouldCountOverlappingInterruptionsOnce() {
        List<DateRange> gaps = List.of(new DateRange(LocalDate.of(2005, 1, 1), LocalDate.of(2006, 1, 1)),
                new DateRange(LocalDate.of(2005, 6, 1), LocalDate.of(2007, 1, 1)));

        assertThat(PartyAge.of(ADMITTED, gaps, LocalDate.of(2025, 1, 1)).interruptedDays()).isEqualTo(730);
    }

    @Test
    @DisplayName("Kết nạp ngày 29/2: đủ năm tròn vào ngày 1/3 của năm không nhuận")
    void shouldReachWholeYearsOnFirstOfMarchWhenAdmittedOnLeapDay() {
        PartyAge age = PartyAge.of(LocalDate.of(2004, 2, 29), List.of(), LocalDate.of(2005, 2, 28));

        assertThat(age.years()).isZero();
        assertThat(age.reaches(1)).contains(LocalDate.of(2005, 3, 1));
        assertThat(age.reaches(4)).contains(LocalDate.of(2008, 2, 29));
    }

    @Test
    @DisplayName("Dữ liệu sai: ngày tính trước ngày kết nạp, gián đoạn trước ngày kết nạp hoặc kết thúc trước khi bắt đầu")
    void shouldRejectDatesBeforeAdmissionAndReversedGaps() {
        assertThatThrownBy(() -> PartyAge.of(ADMITTED, List.of(), LocalDate.of(2000, 3, 9)))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.messageKey()).isEqualTo("error.partyAge.beforeAdmission"));
        assertThatThrownBy(() -> PartyAge.of(ADMITTED,
                List.of(new DateRange(LocalDate.of(1999, 1, 1), LocalDate.of(2001, 1, 1))), LocalDate.of(2025, 1, 1)))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.messageKey()).isEqualTo("error.partyAge.interruptionBeforeAdmission"));
        assertThatThrownBy(() -> new DateRange(LocalDate.of(2005, 1, 1), LocalDate.of(2005, 1, 1)))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.messageKey()).isEqualTo("error.partyAge.interruptionOrder"));
    }
}
