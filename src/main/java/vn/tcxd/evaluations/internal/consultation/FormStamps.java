package vn.tcxd.evaluations.internal.consultation;

import vn.tcxd.shared.RuleViolation;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The keyed values of the public page, all HMAC-SHA256 with the server secret: the form stamp (the
 * render time, signed, so a robot can neither post faster than a person reads nor reuse a stamp for
 * hours), the subject keys (which member the feedback is about, without database ids), the client key
 * (a keyed hash of the client address, so the address is never stored) and the window tokens.
 */
public final class FormStamps {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Clocks of several instances may differ a little. */
    private static final Duration SKEW = Duration.ofSeconds(5);

    private final byte[] secret;

    public FormStamps(byte[] secret) {
        if (secret == null || secret.length < 32) {
            throw new IllegalArgumentException("the consultation secret needs at least 32 bytes");
        }
        this.secret = secret.clone();
    }

    /** 24 random bytes as 32 base64url characters: the public link of a window. */
    public static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return URL.encodeToString(bytes);
    }

    public static byte[] newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    public static boolean looksLikeToken(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{22,64}");
    }

    /** {@code <epoch millis>.<signature>} for a form of the window {@code token} rendered at {@code at}. */
    public String stamp(String token, Instant at) {
        long millis = at.toEpochMilli();
        return millis + "." + URL.encodeToString(mac("stamp|" + token + "|" + millis));
    }

    /**
     * Refuses a stamp that is missing or forged ({@code error.consultation.stampInvalid}), sent sooner
     * than {@code minFill} after rendering ({@code tooFast}) or older than {@code maxAge} ({@code stampExpired}).
     */
    public void verify(String token, String stamp, Instant now, Duration minFill, Duration maxAge) {
        if (stamp == null || !stamp.matches("\\d{1,15}\\.[A-Za-z0-9_-]{43}")) {
            throw new RuleViolation("error.consultation.stampInvalid");
        }
        int dot = stamp.indexOf('.');
        long millis = Long.parseLong(stamp.substring(0, dot));
        byte[] expected = URL.encodeToString(mac("stamp|" + token + "|" + millis)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, stamp.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            throw new RuleViolation("error.consultation.stampInvalid");
        }
        Instant rendered = Instant.ofEpochMilli(millis);
        if (rendered.isAfter(now.plus(SKEW))) {
            throw new RuleViolation("error.consultation.stampInvalid");
        }
        if (rendered.plus(maxAge).isBefore(now)) {
            throw new RuleViolation("error.consultation.stampExpired");
        }
        if (rendered.plus(minFill).isAfter(now)) {
            throw new RuleViolation("error.consultation.tooFast");
        }
    }

    /** The key of a rating in one window's form: 16 characters that mean nothing outside the window. */
    public String subjectKey(long consultationId, long ratingId) {
        return URL.encodeToString(mac("subject|" + consultationId + "|" + ratingId)).substring(0, 16);
    }

    /** 64 hex digits: HMAC-SHA256 of the client address with the server secret. */
    public String clientKey(String clientAddress) {
        return HexFormat.of().formatHex(mac("client|" + (clientAddress == null ? "" : clientAddress)));
    }

    private byte[] mac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
