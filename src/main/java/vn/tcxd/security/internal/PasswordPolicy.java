package vn.tcxd.security.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.tcxd.shared.RuleViolation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must be (OWASP ASVS 2.1.1, 2.1.7): at least {@code tcxd.security.password.min-length}
 * characters (12), not one of the common passwords shipped in {@code security/common-passwords.txt}, neither as
 * typed nor once the digits and symbols around it are taken off ({@code Password2024!} is {@code password}), and
 * not the username itself. No rules on character classes: length beats them (NIST SP 800-63B 5.1.1.2).
 */
@Component
class PasswordPolicy {

    static final String LIST = "security/common-passwords.txt";
    /** Below this no length is accepted, whatever the setting says. */
    private static final int FLOOR = 8;

    private final int minLength;
    private final Set<String> common;

    PasswordPolicy(@Value("${tcxd.security.password.min-length:12}") int minLength) {
        if (minLength < FLOOR) {
            throw new IllegalArgumentException("tcxd.security.password.min-length must be at least " + FLOOR);
        }
        this.minLength = minLength;
        this.common = load();
    }

    int minLength() {
        return minLength;
    }

    /** Refuses the password with a message on the {@code password} field. */
    void check(String rawPassword, String username) {
        if (rawPassword == null || rawPassword.codePointCount(0, rawPassword.length()) < minLength) {
            throw RuleViolation.onField("password", "error.account.passwordTooShort", minLength);
        }
        String lower = Normalizer.normalize(rawPassword, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        if (common.contains(lower) || common.contains(core(lower))) {
            throw RuleViolation.onField("password", "error.account.passwordCommon");
        }
        if (username != null && lower.equals(username.toLowerCase(Locale.ROOT))) {
            throw RuleViolation.onField("password", "error.account.passwordIsUsername");
        }
    }

    /** The password without the digits, symbols and spaces before its first and after its last letter. */
    static String core(String password) {
        int start = 0;
        int end = password.length();
        while (start < end && !Character.isLetter(password.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetter(password.charAt(end - 1))) {
            end--;
        }
        return password.substring(start, end);
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException(LIST + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
