package vn.tcxd.evaluations.internal.consultation;

import vn.tcxd.shared.RuleViolation;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of feedback text from the public. Unlike forms of signed-in staff, public input is
 * NFC-normalised rather than refused (phones send decomposed tone marks), and line breaks are kept.
 */
public final class FeedbackText {

    public static final int MIN_LENGTH = 5;
    public static final int MAX_LENGTH = 2000;
    public static final int AUTHOR_MAX_LENGTH = 100;

    private static final Pattern LINK = Pattern.compile("(?i)(?:\\bhttps?://|\\bwww\\.)");

    private FeedbackText() {
    }

    /** The feedback text: trimmed, NFC, 5 to 2000 characters, at most {@code maxLinks} links. */
    public static String text(String value, int maxLinks) {
        String text = normalise(value, true);
        if (text == null) {
            throw RuleViolation.onField("text", "error.consultation.textRequired");
        }
        int length = text.codePointCount(0, text.length());
        if (length < MIN_LENGTH) {
            throw RuleViolation.onField("text", "error.consultation.textTooShort", MIN_LENGTH);
        }
        if (length > MAX_LENGTH) {
            throw RuleViolation.onField("text", "error.consultation.textTooLong", MAX_LENGTH);
        }
        if (links(text) > maxLinks) {
            throw RuleViolation.onField("text", "error.consultation.tooManyLinks", maxLinks);
        }
        return text;
    }

    /** The optional name the writer gives: trimmed, NFC, one line, at most 100 characters; blank gives null. */
    public static String author(String value) {
        String name = normalise(value, false);
        if (name != null && name.codePointCount(0, name.length()) > AUTHOR_MAX_LENGTH) {
            throw RuleViolation.onField("authorName", "error.consultation.authorTooLong", AUTHOR_MAX_LENGTH);
        }
        return name;
    }

    static int links(String text) {
        Matcher m = LINK.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static String normalise(String value, boolean multiline) {
        if (value == null) {
            return null;
        }
        String text = Normalizer.normalize(value, Normalizer.Form.NFC).replace("\r\n", "\n").replace('\r', '\n').strip();
        if (text.isEmpty()) {
            return null;
        }
        boolean control = text.codePoints().anyMatch(c -> Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\t')));
        if (control) {
            throw RuleViolation.onField(multiline ? "text" : "authorName", "error.consultation.control");
        }
        return text;
    }
}
