package vn.tcxd.security.internal;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP Basic sends the password with every API request, and a deliberately slow password hash
 * (bcrypt, ~60 ms here) would dominate every call. A credential verified once is remembered for a
 * short time by a SHA-256 digest of username and password — never the password itself — together
 * with the stored hash it matched. Each request still loads the account, so a disabled account or a
 * changed password takes effect at once.
 */
class VerifiedCredentials implements AuthenticationProvider {

    private static final Duration TTL = Duration.ofMinutes(10);
    private static final int MAX_ENTRIES = 10_000;

    private record Verified(String storedHash, Instant until) {
    }

    private final UserDetailsService users;
    private final DaoAuthenticationProvider verifier;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    VerifiedCredentials(UserDetailsService users, PasswordEncoder passwords, Clock clock) {
        this.users = users;
        this.verifier = new DaoAuthenticationProvider(users);
        this.verifier.setPasswordEncoder(passwords);
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        String key = digest(username, password);
        Verified known = verified.get(key);
        if (known != null && known.until().isAfter(clock.instant())) {
            UserDetails user = load(username);
            if (!user.isEnabled()) {
                verified.remove(key);
                throw new DisabledException("disabled");
            }
            if (user.getPassword().equals(known.storedHash())) {
                return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
            }
            verified.remove(key);
        }
        Authentication result = verifier.authenticate(authentication);
        if (result != null && result.getPrincipal() instanceof UserDetails user) {
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
            verified.put(key, new Verified(user.getPassword(), clock.instant().plus(TTL)));
            return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        }
        throw new BadCredentialsException("bad credentials");
    }

    /** An account that cannot be read (no connection in time) is a service failure, never bad credentials. */
    private UserDetails load(String username) {
        try {
            return users.loadUserByUsername(username);
        } catch (AuthenticationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InternalAuthenticationServiceException("accounts unavailable", e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String digest(String username, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((username + '\0' + password).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
