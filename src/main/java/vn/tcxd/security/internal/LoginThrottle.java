package vn.tcxd.security.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.tcxd.security.internal.LoginThrottleRepository.Standing;
import vn.tcxd.shared.audit.AuditedChange;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Throttling and lockout of failed logins (OWASP ASVS 2.2.1). A username is locked after
 * {@code accountMaxFailures} failures in a row; a client address is refused after {@code addressMaxFailures}
 * failures within the window, whatever names it tried (password spraying). Counts live in PostgreSQL, so a
 * guesser gains nothing by spreading attempts over app nodes. A lock is audited once, and an administrator can
 * end it early.
 */
@Service
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    /** Failures are kept at least this long (for an operator looking into an attack), then deleted as new ones come. */
    private static final Duration KEEP = Duration.ofDays(1);

    private final LoginThrottleRepository repository;
    private final AccountRepository accounts;
    private final ApplicationEventPublisher events;
    private final LoginThrottleProperties limits;
    private final Clock clock;

    LoginThrottle(LoginThrottleRepository repository, AccountRepository accounts, ApplicationEventPublisher events,
                  LoginThrottleProperties limits, Clock clock) {
        this.repository = repository;
        this.accounts = accounts;
        this.events = events;
        this.limits = limits;
        // real elapsed time, in the business clock's zone: tcxd.today fixes the business clock for demos and
        // benchmarks, and a fixed clock would never let a lock expire nor a window slide
        this.clock = Clock.system(clock.getZone());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /**
     * Before the password is looked at: a refusal when the name is locked or the address throttled, else whether
     * the name has failures that a success must reset.
     */
    @Transactional(readOnly = true)
    CheckResult check(String username, String address) {
        OffsetDateTime now = now();
        Standing standing = repository.standing(username, address, now.minus(limits.window()));
        if (standing.lockedUntil() != null && standing.lockedUntil().isAfter(now)) {
            return new CheckResult(Optional.of(new LoginThrottled(LoginThrottled.Reason.ACCOUNT_LOCKED,
                    Duration.between(now, standing.lockedUntil()), limits.accountMaxFailures())), false);
        }
        if (standing.addressFailures() >= limits.addressMaxFailures()) {
            return new CheckResult(Optional.of(addressThrottled(address, now, standing.addressFailures())), false);
        }
        return new CheckResult(Optional.empty(), standing.accountFailures() > 0);
    }

    record CheckResult(Optional<LoginThrottled> refusal, boolean hasFailures) {
    }

    /**
     * Records a failure; when it reaches a limit, the refusal that the caller answers with instead of "wrong
     * password". Returns rather than throws, and runs in a transaction of its own, so that the failure and the
     * lock are committed even when the caller's transaction then rolls back (the password-change form).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    Optional<LoginThrottled> failed(String username, String address) {
        OffsetDateTime now = now();
        repository.recordFailure(username, address, now);
        repository.forgetBefore(username, address, now.minus(limits.window().compareTo(KEEP) > 0 ? limits.window() : KEEP));
        Standing standing = repository.standing(username, address, now.minus(limits.window()));
        if (standing.accountFailures() >= limits.accountMaxFailures()) {
            OffsetDateTime until = now.plus(limits.lockDuration());
            if (repository.lock(username, now, until)) {
                log.warn("Login locked for username {} after {} failures (last from {}) until {}", username,
                        standing.accountFailures(), address, until);
                audit(username, address, standing.accountFailures(), until);
            }
            return Optional.of(new LoginThrottled(LoginThrottled.Reason.ACCOUNT_LOCKED, limits.lockDuration(),
                    limits.accountMaxFailures()));
        }
        if (standing.addressFailures() >= limits.addressMaxFailures()) {
            log.warn("Logins from {} throttled after {} failures within {}", address, standing.addressFailures(),
                    limits.window());
            return Optional.of(addressThrottled(address, now, standing.addressFailures()));
        }
        return Optional.empty();
    }

    /** A successful login: earlier failures of the name no longer count toward its lock. */
    @Transactional
    void succeeded(String username) {
        repository.resetCount(username, now());
    }

    /** Ends a lock in force; the end it would have had, or empty when the name was not locked. */
    @Transactional
    Optional<LocalDateTime> unlock(String username) {
        OffsetDateTime now = now();
        Optional<LocalDateTime> until = Optional.ofNullable(repository.locksInForce(java.util.List.of(username), now)
                .get(username)).map(this::local);
        if (until.isPresent() && repository.unlock(username, now)) {
            return until;
        }
        return Optional.empty();
    }

    /** Locks in force among the names, as local times in Vietnam. */
    @Transactional(readOnly = true)
    Map<String, LocalDateTime> locksInForce(Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return Map.of();
        }
        return repository.locksInForce(usernames, now()).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> local(e.getValue())));
    }

    private LocalDateTime local(OffsetDateTime time) {
        return time.atZoneSameInstant(clock.getZone()).toLocalDateTime();
    }

    private LoginThrottled addressThrottled(String address, OffsetDateTime now, int count) {
        OffsetDateTime windowStart = now.minus(limits.window());
        Duration wait = repository.addressReleaseFailure(address, windowStart, count, limits.addressMaxFailures())
                .map(oldest -> Duration.between(now, oldest.plus(limits.window())))
                .orElse(limits.window());
        return new LoginThrottled(LoginThrottled.Reason.ADDRESS_THROTTLED, wait, limits.addressMaxFailures());
    }

    /** Only names of real accounts are audited; a lock of an unknown name is only logged (it protects nothing). */
    private void audit(String username, String address, int failures, OffsetDateTime until) {
        accounts.byUsername(username).ifPresent(account -> {
            Map<String, Object> before = Map.of("loginLocked", false);
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("loginLocked", true);
            after.put("lockedUntil", local(until).toString());
            after.put("failures", failures);
            after.put("clientAddress", address);
            events.publishEvent(new AuditedChange("security.ACCOUNT_LOCKED", "account", Long.toString(account.id()),
                    AccountService.unitOf(account.summary()), before, after, null));
        });
    }
}
