package vn.tcxd.security.internal;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.util.Optional;

/**
 * Puts the login throttle in front of a provider, for form login and HTTP Basic alike: a locked name or a
 * throttled address is refused before the password is checked (even the right one, or guessing would go on
 * during the lock), and every failed check is counted. A database failure stays "system busy", never
 * "wrong password" or "locked".
 */
class ThrottledAuthentication implements AuthenticationProvider {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ThrottledAuthentication.class);

    /** Long enough for any valid username (50), short enough that a megabyte typed as a name is not stored. */
    private static final int MAX_KEY = 64;

    private final AuthenticationProvider delegate;
    private final LoginThrottle throttle;

    ThrottledAuthentication(AuthenticationProvider delegate, LoginThrottle throttle) {
        this.delegate = delegate;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = key(authentication.getName());
        String address = addressOf(authentication);
        LoginThrottle.CheckResult check = guarded(() -> throttle.check(username, address));
        if (check.refusal().isPresent()) {
            throw check.refusal().get();
        }
        Authentication result;
        try {
            result = delegate.authenticate(authentication);
        } catch (AuthenticationServiceException e) {
            throw e;
        } catch (AuthenticationException e) {
            Optional<LoginThrottled> refusal = guarded(() -> throttle.failed(username, address));
            throw refusal.isPresent() ? refusal.get() : e;
        }
        if (result != null && check.hasFailures()) {
            try {
                throttle.succeeded(username);
            } catch (RuntimeException e) {
                // the password was right: a count that could not be reset is no reason to refuse the login
                log.warn("Could not reset the failed-login count of {}", username, e);
            }
        }
        return result;
    }

    private static <T> T guarded(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (AuthenticationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InternalAuthenticationServiceException("login throttle unavailable", e);
        }
    }

    static String key(String username) {
        String name = AccountService.normaliseUsername(username);
        return name.length() > MAX_KEY ? name.substring(0, MAX_KEY) : name;
    }

    /** The client as the servlet container sees it (behind a proxy: see forwarded headers in docs/operations.md). */
    private static String addressOf(Authentication authentication) {
        if (authentication.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null) {
            return details.getRemoteAddress();
        }
        return "unknown";
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
