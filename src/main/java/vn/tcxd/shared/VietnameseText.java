package vn.tcxd.shared;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.Locale;

/**
 * Vietnamese text rules: input must be NFC (decomposed tone marks are rejected, not guessed at),
 * search folds case and diacritics ("nguyen van an" finds "Nguyễn Văn An", "d" finds "Đ"),
 * lists sort in Vietnamese order (Đ after D, tones after the plain letter).
 */
public final class VietnameseText {

    private static final Collator COLLATOR = Collator.getInstance(new ULocale("vi"));

    static {
        COLLATOR.freeze();
    }

    private VietnameseText() {
    }

    /**
     * Trims, then rejects empty, overlong, decomposed (NFD) or control-character text with a
     * Vietnamese message naming the field.
     */
    public static String requireText(String value, String fieldKey, int maxLength) {
        String text = optionalText(value, fieldKey, maxLength);
        if (text == null) {
            throw RuleViolation.onField(fieldKey, "error.text.required", new FieldName(fieldKey));
        }
        return text;
    }

    /** Like {@link #requireText} but blank gives null. */
    public static String optionalText(String value, String fieldKey, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (!Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
            throw RuleViolation.onField(fieldKey, "error.text.notNfc", new FieldName(fieldKey));
        }
        if (text.codePoints().anyMatch(Character::isISOControl)) {
            throw RuleViolation.onField(fieldKey, "error.text.control", new FieldName(fieldKey));
        }
        if (text.codePointCount(0, text.length()) > maxLength) {
            throw RuleViolation.onField(fieldKey, "error.text.tooLong", new FieldName(fieldKey), maxLength);
        }
        return text;
    }

    /** Lower case without diacritics, đ → d, single spaces: the form search compares. */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .replace('đ', 'd').replace('Đ', 'D');
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    /** Vietnamese alphabetical order. */
    public static Comparator<String> order() {
        return COLLATOR::compare;
    }

    /** A field name to be resolved as a message key ("field." + key) in the error message. */
    public record FieldName(String key) implements org.springframework.context.MessageSourceResolvable {

        @Override
        public String[] getCodes() {
            return new String[] {"field." + key};
        }

        @Override
        public String getDefaultMessage() {
            return key;
        }
    }
}
