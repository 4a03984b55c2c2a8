package vn.tcxd.votes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The published format of credentials and ballots ({@value BulletinBoard#FORMAT}), so that anybody can
 * check a board without the server:
 * <ul>
 *   <li>a credential is a random code of 20 characters (100 bits); the server keeps only its tag,
 *       {@code sha256("tcxd-credential-v1|" + code)} in lower-case hex, the code upper-cased without
 *       dashes or spaces;</li>
 *   <li>a ballot's content lists every person voted on by member id, ascending, with a letter for the
 *       level ({@code H} high, {@code C} confidence, {@code L} low) or {@code -} for a blank:
 *       {@code 12=H;15=-;31=L};</li>
 *   <li>the ballot's hash, which is the voter's receipt, is
 *       {@code sha256("tcxd-ballot-v1|" + session + "|" + tag + "|" + nonce + "|" + content)}: the nonce
 *       keeps equal ballots apart, the tag binds the ballot to one credential.</li>
 * </ul>
 */
public final class BallotCodec {

    /** Crockford's base-32 alphabet: no I, L, O or U to misread on a slip. */
    public static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public static final int CODE_LENGTH = 20;

    private BallotCodec() {
    }

    /** The code as the voter may type it: case, dashes and spaces do not matter. */
    public static String normaliseCode(String code) {
        return code == null ? "" : code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    public static boolean wellFormedCode(String code) {
        String c = normaliseCode(code);
        if (c.length() != CODE_LENGTH) return false;
        for (int i = 0; i < c.length(); i++) {
            if (ALPHABET.indexOf(c.charAt(i)) < 0) return false;
        }
        return true;
    }

    /** "ABCDE-FGHJK-MNPQR-STVWX", as printed on a slip. */
    public static String display(String code) {
        String c = normaliseCode(code);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < c.length(); i++) {
            if (i > 0 && i % 5 == 0) b.append('-');
            b.append(c.charAt(i));
        }
        return b.toString();
    }

    public static String credentialTag(String code) {
        return sha256("tcxd-credential-v1|" + normaliseCode(code));
    }

    /** The content of a ballot over {@code people}; a person without a choice is a blank. */
    public static String content(Collection<Long> people, Map<Long, ConfidenceLevel> choices) {
        StringBuilder b = new StringBuilder();
        people.stream().sorted().forEach(id -> {
            if (!b.isEmpty()) b.append(';');
            ConfidenceLevel level = choices.get(id);
            b.append(id).append('=').append(level == null ? '-' : level.code());
        });
        return b.toString();
    }

    /** The choices of a content, in its order; a blank maps to null. Throws on a malformed content. */
    public static Map<Long, ConfidenceLevel> parse(String content) {
        Map<Long, ConfidenceLevel> choices = new LinkedHashMap<>();
        if (content.isEmpty()) return choices;
        for (String part : content.split(";", -1)) {
            int eq = part.indexOf('=');
            if (eq <= 0 || eq != part.length() - 2) throw new IllegalArgumentException("ballot part " + part);
            long id = Long.parseLong(part.substring(0, eq));
            char c = part.charAt(eq + 1);
            if (choices.containsKey(id)) throw new IllegalArgumentException("person twice " + id);
            choices.put(id, c == '-' ? null : ConfidenceLevel.ofCode(c));
        }
        return choices;
    }

    public static String hash(long sessionId, String credentialTag, String nonce, String content) {
        return sha256("tcxd-ballot-v1|" + sessionId + "|" + credentialTag + "|" + nonce + "|" + content);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
