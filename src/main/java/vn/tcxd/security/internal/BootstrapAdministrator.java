package vn.tcxd.security.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.tcxd.security.Accounts;
import vn.tcxd.shared.RuleViolation;

import java.security.SecureRandom;
import java.util.List;

/**
 * On an empty database, creates the system administrator {@code admin} so that someone can log in.
 * Runs before the demo loader ({@code @Order(10)}).
 */
@Component
@Order(0)
class BootstrapAdministrator implements ApplicationRunner {

    static final String USERNAME = "admin";
    // No 0/O, 1/l/I: the password is read off a console and typed in by hand.
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final Logger log = LoggerFactory.getLogger(BootstrapAdministrator.class);

    private final Accounts accounts;
    private final String configuredPassword;
    private final SecureRandom random = new SecureRandom();

    BootstrapAdministrator(Accounts accounts, @Value("${tcxd.admin-password:}") String configuredPassword) {
        this.accounts = accounts;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.anyExists()) {
            return;
        }
        boolean fromEnvironment = configuredPassword != null && !configuredPassword.isBlank();
        String password = fromEnvironment ? configuredPassword : randomPassword(16);
        try {
            accounts.create(USERNAME, "Quản trị hệ thống", password, true, List.of());
        } catch (RuleViolation e) {
            // a weak TCXD_ADMIN_PASSWORD: say so plainly rather than start with an administrator nobody should have
            throw new IllegalStateException("TCXD_ADMIN_PASSWORD does not meet the password policy (" + e.messageKey()
                    + ": at least 12 characters, not a common password); choose another", e);
        }
        String shown = fromEnvironment ? "(mật khẩu trong TCXD_ADMIN_PASSWORD / password from TCXD_ADMIN_PASSWORD)"
                : password;
        String line = "TCXD: đăng nhập / login: " + USERNAME + " / " + shown;
        String bar = "=".repeat(line.length());
        log.warn("\n{}\n{}\n{}", bar, line, bar);
    }

    private String randomPassword(int length) {
        StringBuilder password = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
