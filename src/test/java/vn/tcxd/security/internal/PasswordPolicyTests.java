package vn.tcxd.security.internal;

import org.junit.jupiter.api.Test;
import vn.tcxd.shared.RuleViolation;

import java.lang.reflect.Method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPolicyTests {

    final PasswordPolicy policy = new PasswordPolicy(12);

    private void assertRefused(String password, String username, String key) {
        assertThatThrownBy(() -> policy.check(password, username))
                .as(password)
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.messageKey()).isEqualTo(key);
                    assertThat(e.field()).isEqualTo("password");
                });
    }

    @Test
    void shouldRefuseAPasswordWhenShorterThanTwelveCharacters() {
        assertRefused("Xy7-kq2-Lm9", "nguyen.an", "error.account.passwordTooShort");
        assertRefused(null, "nguyen.an", "error.account.passwordTooShort");
        // characters, not UTF-16 units or bytes: 12 Vietnamese letters are enough
        assertThatCode(() -> policy.check("Đường đê điề", "nguyen.an")).doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseAPasswordWhenItIsOnTheCommonList() {
        assertRefused("1qaz2wsx3edc", "nguyen.an", "error.account.passwordCommon");
        assertRefused("QWERTY123456", "nguyen.an", "error.account.passwordCommon");
        assertRefused("administrator", "nguyen.an", "error.account.passwordCommon");
    }

    @Test
    void shouldRefuseAPasswordWhenItsLettersAreACommonPasswordBetweenDigitsAndSymbols() {
        assertRefused("Password2024!", "nguyen.an", "error.account.passwordCommon");
        assertRefused("!!sunshine!!2025", "nguyen.an", "error.account.passwordCommon");
        assertRefused("Matkhau@12345", "nguyen.an", "error.account.passwordCommon");
        assertRefused("anhyeuem2000", "nguyen.an", "error.account.passwordCommon");
    }

    @Test
    void shouldRefuseAPasswordWhenItIsTheUsername() {
        assertRefused("Nguyen.An.2025", "nguyen.an.2025", "error.account.passwordIsUsername");
    }

    @Test
    void shouldAcceptAPassphraseWhenLongAndUncommon() {
        assertThatCode(() -> policy.check("ba con mèo trên mái nhà", "nguyen.an")).doesNotThrowAnyException();
        assertThatCode(() -> policy.check("mat-khau-thu-nghiem-1", "nguyen.an")).doesNotThrowAnyException();
    }

    @Test
    void shouldAcceptTheGeneratedFirstStartAndDemoPasswordsWhenCreated() throws Exception {
        BootstrapAdministrator bootstrap = new BootstrapAdministrator(null, "");
        Method admin = BootstrapAdministrator.class.getDeclaredMethod("randomPassword", int.class);
        admin.setAccessible(true);
        Method demo = Class.forName("vn.tcxd.demo.DemoDataLoader").getDeclaredMethod("randomPassword");
        demo.setAccessible(true);
        for (int i = 0; i < 500; i++) {
            String first = (String) admin.invoke(bootstrap, 16);
            String demoPassword = (String) demo.invoke(null);
            assertThatCode(() -> policy.check(first, BootstrapAdministrator.USERNAME)).as(first).doesNotThrowAnyException();
            assertThatCode(() -> policy.check(demoPassword, "tinh.lamson")).as(demoPassword).doesNotThrowAnyException();
        }
    }

    @Test
    void shouldRefuseAMinimumLengthWhenConfiguredBelowEight() {
        assertThatThrownBy(() -> new PasswordPolicy(6)).isInstanceOf(IllegalArgumentException.class);
    }
}
