package vn.tcxd.votes.internal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.tcxd.shared.RuleSet;
import vn.tcxd.shared.RuleViolation;
import vn.tcxd.shared.ValidityPeriod;
import vn.tcxd.votes.VoteOutcome;
import vn.tcxd.votes.VoteRuleSet;
import vn.tcxd.votes.VoteRuleSet.Comparison;
import vn.tcxd.votes.VoteRuleSet.Denominator;
import vn.tcxd.votes.VoteRuleSet.Threshold;
import vn.tcxd.votes.VoteSession;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of a confidence vote as the regulations word them, on the rule sets as migrated. */
class VoteRulesTests {

    /** QĐ 96-QĐ/TW (02/02/2023): quorum 2/3; over 1/2 low removes from planning; from 2/3 low, dismissal (QĐ 41). */
    static final VoteRuleSet QD96 = new VoteRuleSet(
            new RuleSet("QD96-2023", "QĐ 96", "Quy định số 96-QĐ/TW ngày 02/02/2023", new ValidityPeriod(LocalDate.of(2023, 2, 2), null)),
            new Threshold(2, 3, Comparison.GE), Denominator.CONVENED, new Threshold(1, 2, Comparison.GT), "QĐ 96",
            new Threshold(2, 3, Comparison.GE), "QĐ 96; QĐ 41", 2, null);

    /** The same with QĐ 41-QĐ/TW's wording for dismissal: "trên 2/3" (over). */
    static final VoteRuleSet QD41_WORDING = new VoteRuleSet(QD96.ruleSet(), QD96.quorum(), Denominator.CONVENED,
            QD96.removal(), "QĐ 96", new Threshold(2, 3, Comparison.GT), "QĐ 41", 2, null);

    @Test
    @DisplayName("QĐ 96: có mặt 21/33 (dưới 2/3) không đủ; 22/33 (đúng 2/3) đủ số lượng")
    void shouldNeedTwoThirdsPresent() {
        assertThat(VoteRules.quorumMet(QD96, 21, 33)).isFalse();
        assertThat(VoteRules.quorumMet(QD96, 22, 33)).isTrue();
        // 2/3 of 30 is exactly 20: at 2/3 is enough
        assertThat(VoteRules.quorumMet(QD96, 19, 30)).isFalse();
        assertThat(VoteRules.quorumMet(QD96, 20, 30)).isTrue();
        assertThat(VoteRules.quorumMet(QD96, 0, 0)).isFalse();
    }

    @Test
    @DisplayName("QĐ 96: đúng 1/2 phiếu thấp không bị xử lý; trên 1/2 (16/30) thì đưa ra khỏi quy hoạch")
    void shouldRemoveFromPlanningOnlyOverHalf() {
        assertThat(VoteRules.outcome(QD96, 15, 30)).isEqualTo(VoteOutcome.NONE);
        assertThat(VoteRules.outcome(QD96, 16, 30)).isEqualTo(VoteOutcome.REMOVAL);
        assertThat(VoteRules.outcome(QD96, 16, 31)).isEqualTo(VoteOutcome.REMOVAL);
        assertThat(VoteRules.outcome(QD96, 15, 31)).isEqualTo(VoteOutcome.NONE);
    }

    @Test
    @DisplayName("QĐ 96 \"từ 2/3 trở lên\": 19/30 chưa, 20/30 (đúng 2/3) thì xem xét miễn nhiệm")
    void shouldStartDismissalFromTwoThirds() {
        assertThat(VoteRules.outcome(QD96, 19, 30)).isEqualTo(VoteOutcome.REMOVAL);
        assertThat(VoteRules.outcome(QD96, 20, 30)).isEqualTo(VoteOutcome.DISMISSAL);
    }

    @Test
    @DisplayName("QĐ 41 \"trên 2/3\": đúng 2/3 (20/30) chưa miễn nhiệm, 21/30 thì có; phép so sánh thuộc bộ quy định")
    void shouldFollowTheRuleSetsComparison() {
        assertThat(VoteRules.outcome(QD41_WORDING, 20, 30)).isEqualTo(VoteOutcome.REMOVAL);
        assertThat(VoteRules.outcome(QD41_WORDING, 21, 30)).isEqualTo(VoteOutcome.DISMISSAL);
    }

    @Test
    @DisplayName("Tỷ lệ tính trên mẫu số theo cấu hình: số triệu tập, số có mặt hoặc số phiếu hợp lệ")
    void shouldCountSharesOverTheConfiguredBase() {
        assertThat(VoteRules.base(Denominator.CONVENED, 33, 30, 29)).isEqualTo(33);
        assertThat(VoteRules.base(Denominator.PRESENT, 33, 30, 29)).isEqualTo(30);
        assertThat(VoteRules.base(Denominator.VALID, 33, 30, 29)).isEqualTo(29);
        // 16 low: not over half of the 33 convened, over half of the 30 present
        assertThat(VoteRules.outcome(QD96, 16, VoteRules.base(Denominator.CONVENED, 33, 30, 29))).isEqualTo(VoteOutcome.NONE);
        assertThat(VoteRules.outcome(QD96, 16, VoteRules.base(Denominator.PRESENT, 33, 30, 29))).isEqualTo(VoteOutcome.REMOVAL);
        assertThat(VoteRules.share(16, 33)).hasToString("48.48");
        assertThat(VoteRules.share(2, 3)).hasToString("66.67");
    }

    @Test
    @DisplayName("QĐ 262 chỉ quy định hậu quả trên 1/2 phiếu thấp: không có ngưỡng miễn nhiệm")
    void shouldNotDismissUnderQd262() {
        VoteRuleSet qd262 = new VoteRuleSet(QD96.ruleSet(), QD96.quorum(), Denominator.CONVENED, QD96.removal(), "QĐ 262",
                null, null, 2, null);
        assertThat(VoteRules.outcome(qd262, 30, 30)).isEqualTo(VoteOutcome.REMOVAL);
    }

    @Test
    @DisplayName("QĐ 96: một cán bộ được lấy phiếu tối đa ở 2 nơi")
    void shouldRefuseAThirdPlace() {
        VoteRules.requirePlaceLeft(QD96, "Nguyễn Văn A", 1);
        assertThatThrownBy(() -> VoteRules.requirePlaceLeft(QD96, "Nguyễn Văn A", 2))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("error.vote.tooManyPlaces");
    }

    @Test
    @DisplayName("Kết quả kiểm phiếu giấy không được vượt số phiếu phát ra, số thu về, số hợp lệ")
    void shouldRefusePaperCountsOverTheBallotsIssued() {
        List<Long> people = List.of(1L, 2L);
        VoteRules.requirePaperFits(new VoteSession.PaperCount(10, 1, 0, 0, 1,
                List.of(new VoteSession.PaperTally(1, 5, 2, 1), new VoteSession.PaperTally(2, 8, 0, 0))), 10, people);
        assertThatThrownBy(() -> VoteRules.requirePaperFits(new VoteSession.PaperCount(11, 0, 0, 0, 0, List.of()), 10, people))
                .hasMessageContaining("error.vote.collectedOverIssued");
        assertThatThrownBy(() -> VoteRules.requirePaperFits(new VoteSession.PaperCount(4, 3, 1, 1, 0, List.of()), 10, people))
                .hasMessageContaining("error.vote.invalidOverCollected");
        assertThatThrownBy(() -> VoteRules.requirePaperFits(new VoteSession.PaperCount(10, 2, 0, 0, 0,
                List.of(new VoteSession.PaperTally(1, 5, 2, 2))), 10, people))
                .hasMessageContaining("error.vote.countsOverValid");
        assertThatThrownBy(() -> VoteRules.requirePaperFits(new VoteSession.PaperCount(10, 0, 0, 0, 0,
                List.of(new VoteSession.PaperTally(3, 1, 0, 0))), 10, people))
                .hasMessageContaining("error.vote.notVotedOn");
    }
}
