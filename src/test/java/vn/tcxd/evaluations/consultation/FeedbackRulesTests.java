package vn.tcxd.evaluations.consultation;

import org.junit.jupiter.api.Test;
import vn.tcxd.evaluations.internal.consultation.ConsultationProperties;
import vn.tcxd.evaluations.internal.consultation.FeedbackText;
import vn.tcxd.evaluations.internal.consultation.FormStamps;
import vn.tcxd.shared.RuleViolation;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The spam rules of the public feedback form (seed 002: feedback from anyone, no account), without a
 * database: text length and links, NFC, the signed render stamp, unguessable tokens, keyed client hashes.
 */
class FeedbackRulesTests {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();
    private static final String TOKEN = "AbCdEfGhIjKlMnOpQrStUvWxYz012345";
    private static final Duration MIN = Duration.ofSeconds(3);
    private static final Duration MAX = Duration.ofHours(2);

    private static String key(Runnable action) {
        try {
            action.run();
        } catch (RuleViolation e) {
            return e.messageKey();
        }
        return null;
    }

    @Test
    void shouldTrimAndNormaliseTextToNfcAndKeepLineBreaks() {
        String decomposed = Normalizer.normalize("Đồng chí Nguyễn Văn An\r\nlàm việc tốt", Normalizer.Form.NFD);
        String text = FeedbackText.text("  " + decomposed + "  ", 2);
        assertThat(text).isEqualTo("Đồng chí Nguyễn Văn An\nlàm việc tốt");
        assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).isTrue();
    }

    @Test
    void shouldRefuseTextShorterThanFiveOrLongerThanTwoThousandCharacters() {
        assertThat(key(() -> FeedbackText.text("   ", 2))).isEqualTo("error.consultation.textRequired");
        assertThat(key(() -> FeedbackText.text(" tốt ", 2))).isEqualTo("error.consultation.textTooShort");
        assertThat(FeedbackText.text("Rất tốt", 2)).isEqualTo("Rất tốt");
        assertThat(FeedbackText.text("ư".repeat(2000), 2)).hasSize(2000);
        assertThat(key(() -> FeedbackText.text("ư".repeat(2001), 2))).isEqualTo("error.consultation.textTooLong");
    }

    @Test
    void shouldRefuseTextWithMoreThanTwoLinks() {
        assertThat(FeedbackText.text("Xem https://a.vn và www.b.vn", 2)).contains("www.b.vn");
        assertThat(key(() -> FeedbackText.text("Mua ngay http://a.vn http://b.vn WWW.C.VN", 2)))
                .isEqualTo("error.consultation.tooManyLinks");
    }

    @Test
    void shouldRefuseControlCharactersAndOverlongNames() {
        assertThat(key(() -> FeedbackText.text("Nội dung\u0007 lạ", 2))).isEqualTo("error.consultation.control");
        assertThat(FeedbackText.author("  ")).isNull();
        assertThat(FeedbackText.author(" Trần Thị Bình ")).isEqualTo("Trần Thị Bình");
        assertThat(key(() -> FeedbackText.author("Tên\ndòng hai"))).isEqualTo("error.consultation.control");
        assertThat(key(() -> FeedbackText.author("a".repeat(101)))).isEqualTo("error.consultation.authorTooLong");
    }

    @Test
    void shouldAcceptAStampOnlyBetweenThreeSecondsAndTwoHoursAfterRendering() {
        FormStamps stamps = new FormStamps(SECRET);
        Instant rendered = Instant.parse("2012-12-12T02:00:00Z");
        String stamp = stamps.stamp(TOKEN, rendered);
        assertThat(key(() -> stamps.verify(TOKEN, stamp, rendered.plusSeconds(1), MIN, MAX)))
                .isEqualTo("error.consultation.tooFast");
        assertThat(key(() -> stamps.verify(TOKEN, stamp, rendered.plusSeconds(3), MIN, MAX))).isNull();
        assertThat(key(() -> stamps.verify(TOKEN, stamp, rendered.plus(MAX), MIN, MAX))).isNull();
        assertThat(key(() -> stamps.verify(TOKEN, stamp, rendered.plus(MAX).plusSeconds(1), MIN, MAX)))
                .isEqualTo("error.consultation.stampExpired");
    }

    @Test
    void shouldRefuseForgedMissingOrForeignStamps() {
        FormStamps stamps = new FormStamps(SECRET);
        Instant rendered = Instant.parse("2012-12-12T02:00:00Z");
        Instant later = rendered.plusSeconds(60);
        String stamp = stamps.stamp(TOKEN, rendered);
        // an older render time with the signature of the real one
        String backdated = (rendered.toEpochMilli() - 10_000) + stamp.substring(stamp.indexOf('.'));
        assertThat(key(() -> stamps.verify(TOKEN, backdated, later, MIN, MAX))).isEqualTo("error.consultation.stampInvalid");
        assertThat(key(() -> stamps.verify(TOKEN, null, later, MIN, MAX))).isEqualTo("error.consultation.stampInvalid");
        assertThat(key(() -> stamps.verify(TOKEN, "", later, MIN, MAX))).isEqualTo("error.consultation.stampInvalid");
        // signed for another window, or with another server secret
        assertThat(key(() -> stamps.verify("Zz" + TOKEN.substring(2), stamp, later, MIN, MAX)))
                .isEqualTo("error.consultation.stampInvalid");
        FormStamps other = new FormStamps("fedcba9876543210fedcba9876543210".getBytes());
        assertThat(key(() -> other.verify(TOKEN, stamp, later, MIN, MAX))).isEqualTo("error.consultation.stampInvalid");
        // a stamp from the future
        String future = stamps.stamp(TOKEN, later.plusSeconds(60));
        assertThat(key(() -> stamps.verify(TOKEN, future, later, MIN, MAX))).isEqualTo("error.consultation.stampInvalid");
    }

    @Test
    void shouldMakeUnguessableTokensOfThirtyTwoUrlSafeCharacters() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = FormStamps.newToken();
            assertThat(token).matches("[A-Za-z0-9_-]{32}");
            assertThat(FormStamps.looksLikeToken(token)).isTrue();
            seen.add(token);
        }
        assertThat(seen).hasSize(1000);
        assertThat(FormStamps.looksLikeToken("1")).isFalse();
        assertThat(FormStamps.looksLikeToken("../../units/1/aaaaaaaaaaaaaaaaaaaaaaaaaaaa")).isFalse();
    }

    @Test
    void shouldKeyClientsAndSubjectsWithTheSecretSoNoAddressOrIdIsStored() {
        FormStamps stamps = new FormStamps(SECRET);
        String client = stamps.clientKey("203.0.113.7");
        assertThat(client).matches("[0-9a-f]{64}").doesNotContain("203");
        assertThat(stamps.clientKey("203.0.113.7")).isEqualTo(client);
        assertThat(stamps.clientKey("203.0.113.8")).isNotEqualTo(client);
        assertThat(new FormStamps("fedcba9876543210fedcba9876543210".getBytes()).clientKey("203.0.113.7")).isNotEqualTo(client);
        assertThat(stamps.subjectKey(1, 42)).hasSize(16).isNotEqualTo(stamps.subjectKey(2, 42))
                .isNotEqualTo(stamps.subjectKey(1, 43)).doesNotContain("42");
    }

    @Test
    void shouldDefaultToThirtyDaysAndFivePerHour() {
        ConsultationProperties defaults = ConsultationProperties.defaults();
        assertThat(defaults.maxDays()).isEqualTo(30);
        assertThat(defaults.maxFeedbackPerHour()).isEqualTo(5);
        assertThat(defaults.maxLinks()).isEqualTo(2);
        assertThatThrownBy(() -> new FormStamps(new byte[8])).isInstanceOf(IllegalArgumentException.class);
    }
}
