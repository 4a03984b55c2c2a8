package vn.tcxd.security.internal;

import org.springframework.security.core.AuthenticationException;

import java.time.Duration;

/**
 * A login refused before its password was looked at: the username is locked after too many failures in a
 * row, or the client address has failed too often. Carries what the message needs to be exact.
 */
class LoginThrottled extends AuthenticationException {

    enum Reason {ACCOUNT_LOCKED, ADDRESS_THROTTLED}

    private final Reason reason;
    private final Duration retryAfter;
    private final int failures;

    LoginThrottled(Reason reason, Duration retryAfter, int failures) {
        super(reason.name());
        this.reason = reason;
        this.retryAfter = retryAfter.isNegative() ? Duration.ZERO : retryAfter;
        this.failures = failures;
    }

    Reason reason() {
        return reason;
    }

    Duration retryAfter() {
        return retryAfter;
    }

    /** Whole minutes to wait, rounded up (at least 1). */
    long minutes() {
        return Math.max(1, (retryAfter.toSeconds() + 59) / 60);
    }

    /** The number of failures that caused the refusal (the configured limit). */
    int failures() {
        return failures;
    }
}
