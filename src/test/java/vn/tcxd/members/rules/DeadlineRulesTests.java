package vn.tcxd.members.rules;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.tcxd.IntegrationTest;
import vn.tcxd.members.Deadline;
import vn.tcxd.members.DeadlineKind;
import vn.tcxd.members.DeadlineRules;
import vn.tcxd.members.DeadlineUnit;
import vn.tcxd.calendar.WorkingDays;
import vn.tcxd.shared.RuleViolation;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Deadlines of DOMAIN §2.2 and §2.3 on the seeded holiday calendar and rule sets.
 */
@IntegrationTest
class DeadlineRulesTests {

    @Autowired
    DeadlineRules deadlines;

    @Autowired
    WorkingDays workingDays;

    @Test
    @DisplayName("QĐ 24 mục 4.1, Điều lệ Điều 5.1: lễ kết nạp trong 30 ngày làm việc, không tính Tết 2024 (08–14/02)")
    void shouldCountThirtyWorkingDaysAcrossTetWhenCeremonyIsDue() {
        Deadline ceremony = deadlines.due(DeadlineKind.ADMISSION_CEREMONY, LocalDate.of(2024, 1, 25));

        // 26/01 is day 1; 7/02 day 9; 8, 9, 12, 13, 14/02 are Tết; 15/02 day 10 … 14/03 day 30
        assertThat(ceremony.due()).isEqualTo(LocalDate.of(2024, 3, 14));
        assertThat(ceremony.amount()).isEqualTo(30);
        assertThat(ceremony.unit()).isEqualTo(DeadlineUnit.WORKING_DAYS);
        assertThat(ceremony.ruleSetCode()).isEqualTo("QD24_2021");
        assertThat(ceremony.legalBasis()).contains("24-QĐ/TW").contains("mục 4.1").contains("Điều 5.1");
        assertThat(workingDays.workingDaysBetween(LocalDate.of(2024, 1, 25), ceremony.due())).isEqualTo(30);
        assertThat(deadlines.overdue(DeadlineKind.ADMISSION_CEREMONY, LocalDate.of(2024, 1, 25), LocalDate.of(2024, 3, 14)))
                .isFalse();
        assertThat(deadlines.overdue(DeadlineKind.ADMISSION_CEREMONY, LocalDate.of(2024, 1, 25), LocalDate.of(2024, 3, 15)))
                .isTrue();
        assertThat(deadlines.overdue(DeadlineKind.ADMISSION_CEREMONY, LocalDate.of(2024, 1, 25),
                LocalDate.of(2024, 3, 1), LocalDate.of(2024, 6, 1))).isFalse();
    }

    @Test
    @DisplayName("Điều lệ Điều 5.2: dự bị 12 tháng từ ngày lễ kết nạp, kể cả lễ ngày 29/02")
    void shouldEndProbationTwelveMonthsAfterCeremonyIncludingLeapDay() {
        assertThat(deadlines.due(DeadlineKind.PROBATION_END, LocalDate.of(2024, 3, 15)).due())
                .isEqualTo(LocalDate.of(2025, 3, 15));
        Deadline leap = deadlines.due(DeadlineKind.PROBATION_END, LocalDate.of(2024, 2, 29));
        assertThat(leap.due()).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(leap.unit()).isEqualTo(DeadlineUnit.MONTHS);
    }

    @Test
    @DisplayName("QĐ 232 mục 4.2.1: chi bộ xét công nhận trong 30 ngày làm việc sau khi hết dự bị; Giỗ Tổ 07/04/2025 nghỉ, thứ Bảy 26/04/2025 làm bù")
    void shouldCountRecognitionConsiderationAcrossHungKingsAndMakeupSaturday() {
        Deadline recognition = deadlines.due(DeadlineKind.RECOGNITION_CONSIDERATION, LocalDate.of(2025, 3, 15));

        assertThat(recognition.due()).isEqualTo(LocalDate.of(2025, 4, 26));
        assertThat(recognition.ruleSetCode()).isEqualTo("QD232_2025");
    }

    @Test
    @DisplayName("QĐ 29/24/232/294: quy định áp dụng là quy định có hiệu lực vào ngày bắt đầu tính thời hạn")
    void shouldChooseTheRuleSetValidOnTheStartDate() {
        assertThat(deadlines.due(DeadlineKind.ADMISSION_DECISION, LocalDate.of(2021, 7, 29)).ruleSetCode()).isEqualTo("QD29_2016");
        assertThat(deadlines.due(DeadlineKind.ADMISSION_DECISION, LocalDate.of(2021, 7, 30)).ruleSetCode()).isEqualTo("QD24_2021");
        assertThat(deadlines.due(DeadlineKind.ADMISSION_DECISION, LocalDate.of(2025, 1, 19)).ruleSetCode()).isEqualTo("QD24_2021");
        assertThat(deadlines.due(DeadlineKind.ADMISSION_DECISION, LocalDate.of(2025, 1, 20)).ruleSetCode()).isEqualTo("QD232_2025");
        Deadline after294 = deadlines.due(DeadlineKind.ADMISSION_DECISION, LocalDate.of(2025, 7, 1));
        assertThat(after294.ruleSetCode()).isEqualTo("QD294_2025");
        assertThat(after294.legalBasis()).contains("294-QĐ/TW").contains("[R]");
        assertThat(deadlines.ruleSets()).extracting(r -> r.ruleSet().code())
                .containsExactly("DL_1976", "QD23_2007", "QD45_2011", "QD29_2016", "QD24_2021", "QD232_2025", "QD294_2025");
        // long-standing members: probation under the Charter of the time
        assertThat(deadlines.due(DeadlineKind.PROBATION_END, LocalDate.of(1994, 2, 20)).ruleSetCode()).isEqualTo("DL_1976");
    }

    @Test
    @DisplayName("QĐ 29 mục 4.3.1: quyết định kết nạp trong 60, công nhận trong 30, kéo dài không quá 30 ngày làm việc")
    void shouldGiveTheCommitteeSixtyAndThirtyWorkingDaysPlusThirtyExtension() {
        LocalDate resolution = LocalDate.of(2019, 3, 1);
        Deadline admission = deadlines.due(DeadlineKind.ADMISSION_DECISION, resolution);
        Deadline recognition = deadlines.due(DeadlineKind.RECOGNITION_DECISION, resolution);
        Deadline extended = deadlines.due(DeadlineKind.DECISION_EXTENSION, admission.due());

        assertThat(admission.ruleSetCode()).isEqualTo("QD29_2016");
        assertThat(admission.legalBasis()).contains("mục 4.3.1");
        assertThat(workingDays.workingDaysBetween(resolution, admission.due())).isEqualTo(60);
        assertThat(workingDays.workingDaysBetween(resolution, recognition.due())).isEqualTo(30);
        assertThat(workingDays.workingDaysBetween(admission.due(), extended.due())).isEqualTo(30);
        // 15/04 Giỗ Tổ (bù), 29/04–01/05 nghỉ: 29/04 hoán đổi, 04/05 làm bù: 60 working days from 01/03/2019 end on 29/05/2019
        assertThat(admission.due()).isEqualTo(LocalDate.of(2019, 5, 29));
    }

    @Test
    @DisplayName("QĐ 29 mục 3: thủ tục chuyển sinh hoạt trong 60 ngày làm việc; xuất trình giấy giới thiệu trong 30 ngày")
    void shouldTimeTheTransferInWorkingDaysAndTheLetterInCalendarDays() {
        Deadline procedure = deadlines.due(DeadlineKind.TRANSFER_PROCEDURE, LocalDate.of(2023, 8, 15));
        Deadline letter = deadlines.due(DeadlineKind.TRANSFER_LETTER_PRESENTATION, LocalDate.of(2025, 1, 20));

        assertThat(workingDays.workingDaysBetween(LocalDate.of(2023, 8, 15), procedure.due())).isEqualTo(60);
        assertThat(procedure.legalBasis()).contains("mục 3");
        assertThat(letter.due()).isEqualTo(LocalDate.of(2025, 2, 19));
        assertThat(letter.unit()).isEqualTo(DeadlineUnit.DAYS);
    }

    @Test
    @DisplayName("Thời hạn không có quy định áp dụng hoặc ngoài phạm vi lịch nghỉ lễ: báo lỗi, không đoán")
    void shouldRefuseDatesWithoutRuleSetOrCalendar() {
        assertThatThrownBy(() -> deadlines.due(DeadlineKind.ADMISSION_CEREMONY, LocalDate.of(1975, 10, 31)))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.messageKey()).isEqualTo("error.deadline.noRuleSet"));
        assertThatThrownBy(() -> deadlines.due(DeadlineKind.ADMISSION_CEREMONY, LocalDate.of(2035, 12, 20)))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.messageKey()).isEqualTo("error.workingDays.outsideCalendar"));
    }
}
