package vn.tcxd.security.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Limits on failed logins (form login and HTTP Basic alike), counted in PostgreSQL so that they hold
 * across app nodes.
 *
 * @param accountMaxFailures failures in a row of one username that lock it (default 5)
 * @param addressMaxFailures failures from one client address within {@code window}, whatever the usernames,
 *                           after which that address is refused until the oldest fall out of the window
 *                           (default 100: an office behind one NAT address must not lock itself out)
 * @param window             how far back failures count (default 15 minutes)
 * @param lockDuration       how long a username stays locked unless an administrator unlocks it (default 15 minutes)
 */
@ConfigurationProperties("tcxd.security.login")
public record LoginThrottleProperties(@DefaultValue("5") int accountMaxFailures,
                                      @DefaultValue("100") int addressMaxFailures,
                                      @DefaultValue("15m") Duration window,
                                      @DefaultValue("15m") Duration lockDuration) {

    public LoginThrottleProperties {
        if (accountMaxFailures < 1 || addressMaxFailures < 1) {
            throw new IllegalArgumentException("tcxd.security.login.*-max-failures must be at least 1");
        }
        if (window.isNegative() || window.isZero() || lockDuration.isNegative() || lockDuration.isZero()) {
            throw new IllegalArgumentException("tcxd.security.login.window and lock-duration must be positive");
        }
    }
}
