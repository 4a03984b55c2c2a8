package vn.tcxd.security.internal;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tcxd.orgstructure.OrgScope;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.security.AccountSummary;
import vn.tcxd.security.Accounts;
import vn.tcxd.security.Role;
import vn.tcxd.security.ScopeGrant;
import vn.tcxd.security.internal.AccountRepository.AccountRow;
import vn.tcxd.shared.Forbidden;
import vn.tcxd.shared.NotFound;
import vn.tcxd.shared.RuleViolation;
import vn.tcxd.shared.VietnameseText;
import vn.tcxd.shared.audit.AuditedChange;
import vn.tcxd.shared.scope.AccessScope;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Accounts: validation, hashing, administration scope and the audit of every change.
 */
@Service
@Transactional(readOnly = true)
class AccountService implements Accounts {

    /** Same rule as the check constraint on {@code security.account.username}. */
    static final Pattern USERNAME = Pattern.compile("^[a-z0-9._-]{3,50}$");

    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final OrgStructure orgStructure;
    private final OrgScope orgScope;
    private final ApplicationEventPublisher events;
    private final LoginThrottle loginThrottle;
    private final PasswordPolicy passwordPolicy;

    AccountService(AccountRepository accounts, PasswordEncoder passwords, OrgStructure orgStructure,
                   OrgScope orgScope, ApplicationEventPublisher events, LoginThrottle loginThrottle,
                   PasswordPolicy passwordPolicy) {
        this.accounts = accounts;
        this.passwordPolicy = passwordPolicy;
        this.loginThrottle = loginThrottle;
        this.passwords = passwords;
        this.orgStructure = orgStructure;
        this.orgScope = orgScope;
        this.events = events;
    }

    /** The normalised login name: trimmed and lower case, as stored. */
    static String normaliseUsername(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    @Transactional
    public AccountSummary create(String username, String displayName, String rawPassword, boolean systemAdmin,
                                 List<ScopeGrant> grants) {
        String name = normaliseUsername(username);
        if (name.isEmpty()) {
            throw RuleViolation.onField("username", "error.text.required", new VietnameseText.FieldName("username"));
        }
        if (!USERNAME.matcher(name).matches()) {
            throw RuleViolation.onField("username", "error.account.usernameInvalid");
        }
        String display = VietnameseText.requireText(displayName, "displayName", 200);
        passwordPolicy.check(rawPassword, name);
        List<ScopeGrant> checked = checkGrants(grants);
        if (!systemAdmin && checked.isEmpty()) {
            throw RuleViolation.onField("unitCode", "error.account.grantRequired");
        }
        if (accounts.usernameTaken(name)) {
            throw RuleViolation.onField("username", "error.account.usernameTaken", name);
        }
        long id;
        try {
            id = accounts.insert(name, passwords.encode(rawPassword), display, systemAdmin, checked);
        } catch (DuplicateKeyException e) {
            throw RuleViolation.onField("username", "error.account.usernameTaken", name);
        }
        AccountSummary created = new AccountSummary(id, name, display, true, systemAdmin, checked);
        events.publishEvent(new AuditedChange("security.ACCOUNT_CREATED", "account", Long.toString(id),
                unitOf(created), null, state(created), null));
        return created;
    }

    private List<ScopeGrant> checkGrants(List<ScopeGrant> grants) {
        if (grants == null) {
            return List.of();
        }
        Set<Long> seen = new LinkedHashSet<>();
        List<ScopeGrant> checked = new ArrayList<>();
        for (ScopeGrant grant : grants) {
            if (grant == null || grant.role() == null) {
                throw RuleViolation.onField("role", "error.account.roleRequired");
            }
            if (orgStructure.lastKnown(grant.unitId()).isEmpty()) {
                throw RuleViolation.onField("unitCode", "error.account.unitUnknown");
            }
            if (!seen.add(grant.unitId())) {
                throw RuleViolation.onField("unitCode", "error.account.grantDuplicate");
            }
            checked.add(grant);
        }
        return List.copyOf(checked);
    }

    @Override
    @Transactional
    public AccountSummary create(AccessScope actor, String username, String displayName, String rawPassword,
                                 boolean systemAdmin, List<ScopeGrant> grants) {
        requireAdministrator(actor);
        if (!actor.everything()) {
            if (systemAdmin) {
                throw new Forbidden();
            }
            for (ScopeGrant grant : grants == null ? List.<ScopeGrant>of() : grants) {
                // Unknown and foreign units answer alike, so a unit administrator learns nothing outside its subtree.
                if (grant != null && !administers(actor, grant.unitId())) {
                    throw new NotFound("unit " + grant.unitId());
                }
            }
        }
        return create(username, displayName, rawPassword, systemAdmin, grants);
    }

    @Override
    public Optional<AccountSummary> find(String username) {
        return accounts.byUsername(normaliseUsername(username)).map(AccountRow::summary)
                .map(account -> withLocks(List.of(account)).getFirst());
    }

    /** The login locks in force of the accounts. */
    private List<AccountSummary> withLocks(List<AccountSummary> list) {
        Map<String, java.time.LocalDateTime> locks = loginThrottle.locksInForce(
                list.stream().map(AccountSummary::username).toList());
        return list.stream().map(a -> a.withLockedUntil(locks.get(a.username()))).toList();
    }

    @Override
    public int minPasswordLength() {
        return passwordPolicy.minLength();
    }

    @Override
    public boolean anyExists() {
        return accounts.anyExists();
    }

    @Override
    public List<AccountSummary> visibleTo(AccessScope actor) {
        requireAdministrator(actor);
        return withLocks(accounts.all().stream()
                .map(AccountRow::summary)
                .filter(account -> visible(actor, account))
                .toList());
    }

    /** The "client address" of wrong current passwords on the change form: they count toward the username's lock only. */
    static final String PASSWORD_FORM = "password-change";

    @Override
    @Transactional
    public void changePassword(AccessScope actor, String currentPassword, String newPassword) {
        if (actor == null || actor.username() == null) {
            throw new Forbidden();
        }
        AccountRow account = accounts.byUsername(normaliseUsername(actor.username())).orElseThrow(Forbidden::new);
        String key = ThrottledAuthentication.key(account.username());
        if (loginThrottle.check(key, PASSWORD_FORM).refusal().isPresent()) {
            throw RuleViolation.onField("currentPassword", "error.account.passwordChangeLocked");
        }
        if (currentPassword == null || !passwords.matches(currentPassword, account.passwordHash())) {
            // a stolen session must not become a way to guess the password: counted like a failed login
            // (in its own transaction, which this refusal does not roll back)
            boolean locked = loginThrottle.failed(key, PASSWORD_FORM).isPresent();
            throw RuleViolation.onField("currentPassword",
                    locked ? "error.account.passwordChangeLocked" : "error.account.currentPasswordWrong");
        }
        if (newPassword != null && newPassword.equals(currentPassword)) {
            throw RuleViolation.onField("newPassword", "error.account.passwordUnchanged");
        }
        try {
            passwordPolicy.check(newPassword, account.username());
        } catch (RuleViolation e) {
            throw RuleViolation.onField("newPassword", e.messageKey(), e.args());
        }
        accounts.setPasswordHash(account.id(), passwords.encode(newPassword));
        events.publishEvent(new AuditedChange("security.PASSWORD_CHANGED", "account", Long.toString(account.id()),
                unitOf(account.summary()), null, Map.of("username", account.username(), "passwordChanged", true), null));
    }

    @Override
    @Transactional
    public AccountSummary unlock(AccessScope actor, long accountId) {
        requireAdministrator(actor);
        AccountSummary account = accounts.byId(accountId).map(AccountRow::summary)
                .filter(a -> visible(actor, a))
                .orElseThrow(() -> new NotFound("account " + accountId));
        Optional<java.time.LocalDateTime> wasLockedUntil = loginThrottle.unlock(account.username());
        if (wasLockedUntil.isEmpty()) {
            return account;
        }
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("loginLocked", true);
        before.put("lockedUntil", wasLockedUntil.get().toString());
        events.publishEvent(new AuditedChange("security.ACCOUNT_UNLOCKED", "account", Long.toString(accountId),
                unitOf(account), before, Map.of("loginLocked", false), null));
        return account;
    }

    @Override
    @Transactional
    public AccountSummary setEnabled(AccessScope actor, long accountId, boolean enabled) {
        requireAdministrator(actor);
        AccountSummary account = accounts.byId(accountId).map(AccountRow::summary)
                .filter(a -> visible(actor, a))
                .orElseThrow(() -> new NotFound("account " + accountId));
        if (account.username().equals(actor.username()) && !enabled) {
            throw new RuleViolation("error.account.disableSelf");
        }
        if (account.enabled() == enabled) {
            return account;
        }
        accounts.setEnabled(accountId, enabled);
        AccountSummary changed = new AccountSummary(account.id(), account.username(), account.displayName(), enabled,
                account.systemAdmin(), account.grants());
        events.publishEvent(new AuditedChange(enabled ? "security.ACCOUNT_ENABLED" : "security.ACCOUNT_DISABLED",
                "account", Long.toString(accountId), unitOf(account), state(account), state(changed), null));
        return changed;
    }

    private static void requireAdministrator(AccessScope actor) {
        if (actor == null || !actor.isAdministrator()) {
            throw new Forbidden();
        }
    }

    /** A unit administrator sees an account only when every grant of it lies in its admin subtrees. */
    private boolean visible(AccessScope actor, AccountSummary account) {
        if (actor.everything()) {
            return true;
        }
        return !account.systemAdmin() && !account.grants().isEmpty()
                && account.grants().stream().allMatch(grant -> administers(actor, grant.unitId()));
    }

    private boolean administers(AccessScope actor, long unitId) {
        // canRead over a scope made of the admin roots alone: "within one of my admin subtrees".
        AccessScope adminOnly = new AccessScope(actor.username(), actor.everything(), Set.of(), Set.of(),
                actor.adminRoots());
        return orgScope.canRead(adminOnly, unitId);
    }

    static Long unitOf(AccountSummary account) {
        return account.grants().isEmpty() ? null : account.grants().getFirst().unitId();
    }

    /** The audited state of an account: never its password hash. */
    private static Map<String, Object> state(AccountSummary account) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("username", account.username());
        state.put("displayName", account.displayName());
        state.put("enabled", account.enabled());
        state.put("systemAdmin", account.systemAdmin());
        state.put("grants", account.grants().stream()
                .map(g -> Map.<String, Object>of("unitId", g.unitId(), "role", g.role().name()))
                .toList());
        return state;
    }

    /** Scope of an account by its grants: VIEWER reads, STAFF writes, ADMIN administers and writes. */
    static AccessScope scopeOf(AccountRow account) {
        if (!account.enabled()) {
            return AccessScope.none(account.username());
        }
        if (account.systemAdmin()) {
            return AccessScope.system(account.username());
        }
        Set<Long> read = new LinkedHashSet<>();
        Set<Long> write = new LinkedHashSet<>();
        Set<Long> admin = new LinkedHashSet<>();
        for (ScopeGrant grant : account.grants()) {
            switch (grant.role()) {
                case VIEWER -> read.add(grant.unitId());
                case STAFF -> write.add(grant.unitId());
                case ADMIN -> {
                    admin.add(grant.unitId());
                    write.add(grant.unitId());
                }
            }
        }
        return new AccessScope(account.username(), false, read, write, admin);
    }

    /** Spring Security authorities: ACCOUNTS and AUDIT for administrators, WRITE for anyone who may write. */
    static List<String> authoritiesOf(AccountRow account) {
        boolean admin = account.systemAdmin() || account.grants().stream().anyMatch(g -> g.role() == Role.ADMIN);
        boolean write = admin || account.grants().stream().anyMatch(g -> g.role() == Role.STAFF);
        List<String> authorities = new ArrayList<>();
        if (admin) {
            authorities.add("ACCOUNTS");
            authorities.add("AUDIT");
        }
        if (write) {
            authorities.add("WRITE");
        }
        return authorities;
    }
}
