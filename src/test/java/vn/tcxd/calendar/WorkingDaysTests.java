package vn.tcxd.calendar;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.tcxd.IntegrationTest;
import vn.tcxd.shared.RuleViolation;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Working days on the seeded calendar (Bộ luật Lao động 2019 Điều 112; the Government's holiday announcements).
 */
@IntegrationTest
class WorkingDaysTests {

    @Autowired
    WorkingDays workingDays;

    @Autowired
    HolidayCalendar calendar;

    @Test
    @DisplayName("BLLĐ 2019 Điều 112: thứ Bảy, Chủ nhật và các ngày nghỉ Tết 2024 (08–14/02) không phải ngày làm việc")
    void shouldSkipWeekendsAndTetWhenCountingWorkingDays() {
        assertThat(workingDays.isWorkingDay(LocalDate.of(2024, 2, 7))).isTrue();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2024, 2, 8))).isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2024, 2, 10))).isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2024, 2, 14))).isFalse();
        // day 1 is the first working day after the start date
        assertThat(workingDays.plusWorkingDays(LocalDate.of(2024, 2, 7), 1)).isEqualTo(LocalDate.of(2024, 2, 15));
        assertThat(workingDays.plusWorkingDays(LocalDate.of(2024, 2, 2), 1)).isEqualTo(LocalDate.of(2024, 2, 5));
        assertThat(workingDays.plusWorkingDays(LocalDate.of(2024, 2, 10), 0)).isEqualTo(LocalDate.of(2024, 2, 10));
        assertThat(workingDays.workingDaysBetween(LocalDate.of(2024, 2, 7), LocalDate.of(2024, 2, 15))).isEqualTo(1);
        assertThat(workingDays.workingDaysBetween(LocalDate.of(2024, 2, 15), LocalDate.of(2024, 2, 7))).isEqualTo(-1);
        assertThat(workingDays.workingDaysBetween(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)))
                .as("2024: 262 weekdays, minus 1/1, 5 Tết, 18/4, 29/4, 30/4, 1/5, 2/9, 3/9, plus Saturday 4/5").isEqualTo(251);
    }

    @Test
    @DisplayName("Đếm lùi ngày làm việc (thông báo trước 90 ngày làm việc khi hết thời hạn bổ nhiệm): bỏ qua Tết, là nghịch đảo của đếm xuôi")
    void shouldCountWorkingDaysBackwardsAcrossTet() {
        // Tết 2024 (08–14/02): the working day before Thursday 15/02 is Wednesday 07/02
        assertThat(workingDays.minusWorkingDays(LocalDate.of(2024, 2, 15), 1)).isEqualTo(LocalDate.of(2024, 2, 7));
        assertThat(workingDays.minusWorkingDays(LocalDate.of(2024, 2, 16), 1)).isEqualTo(LocalDate.of(2024, 2, 15));
        assertThat(workingDays.minusWorkingDays(LocalDate.of(2024, 2, 10), 0)).isEqualTo(LocalDate.of(2024, 2, 10));
        LocalDate end = LocalDate.of(2027, 4, 20);
        LocalDate notice = workingDays.minusWorkingDays(end, 90);
        assertThat(workingDays.isWorkingDay(notice)).isTrue();
        // [notice, end) holds exactly 90 working days: (notice - 1 day, end - 1 day] counted forward
        assertThat(workingDays.workingDaysBetween(notice.minusDays(1), end.minusDays(1))).isEqualTo(90);
        assertThat(workingDays.plusWorkingDays(notice, 90)).isAfterOrEqualTo(end);
    }

    @Test
    @DisplayName("Lịch nghỉ 2025: nghỉ hoán đổi 02/05 và làm bù thứ Bảy 26/04; Quốc khánh 01–02/09 (BLLĐ 2019 Điều 112)")
    void shouldHonourSwappedDaysAndTheSecondNationalDay() {
        assertThat(workingDays.isWorkingDay(LocalDate.of(2025, 4, 26))).isTrue();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2025, 5, 2))).isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2025, 9, 1))).isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2025, 9, 2))).isFalse();
        assertThat(calendar.year(2025)).anySatisfy(h -> {
            assertThat(h.date()).isEqualTo(LocalDate.of(2025, 4, 26));
            assertThat(h.kind()).isEqualTo(HolidayKind.MAKEUP_WORKDAY);
        });
    }

    @Test
    @DisplayName("Lịch có dữ liệu từ 2010 đến 2035, mỗi năm có Tết Dương lịch, Tết Nguyên đán, Giỗ Tổ, 30/4, 1/5, 2/9")
    void shouldSeedEveryYearOfTheCalendar() {
        assertThat(calendar.firstYear()).isEqualTo(2010);
        assertThat(calendar.lastYear()).isEqualTo(2035);
        for (int year = 2010; year <= 2035; year++) {
            assertThat(calendar.year(year)).extracting(h -> h.name())
                    .as("holidays of %d", year)
                    .anyMatch(n -> n.startsWith("Tết Dương lịch"))
                    .anyMatch(n -> n.startsWith("Tết Nguyên đán"))
                    .anyMatch(n -> n.startsWith("Giỗ Tổ Hùng Vương"))
                    .anyMatch(n -> n.startsWith("Ngày Chiến thắng"))
                    .anyMatch(n -> n.startsWith("Ngày Quốc tế Lao động"))
                    .anyMatch(n -> n.startsWith("Quốc khánh"));
        }
        assertThatThrownBy(() -> workingDays.isWorkingDay(LocalDate.of(2036, 1, 2)))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.messageKey()).isEqualTo("error.workingDays.outsideCalendar"));
    }
}
