package vn.tcxd.security.internal;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import static vn.tcxd.jooq.security.Tables.LOGIN_FAILURE;
import static vn.tcxd.jooq.security.Tables.LOGIN_STATE;

/**
 * Typed SQL over {@code security.login_failure} and {@code security.login_state}.
 */
@Repository
class LoginThrottleRepository {

    /** Where a username and an address stand before an attempt. */
    record Standing(OffsetDateTime lockedUntil, int accountFailures, int addressFailures) {
    }

    private static final OffsetDateTime NEVER = OffsetDateTime.parse("1970-01-01T00:00:00Z");

    private final DSLContext db;

    LoginThrottleRepository(DSLContext db) {
        this.db = db;
    }

    /** One round trip: the lock of the name, its failures since it was last reset, the address's failures. */
    Standing standing(String username, String address, OffsetDateTime windowStart) {
        Field<OffsetDateTime> lockedUntil = DSL.field(DSL.select(LOGIN_STATE.LOCKED_UNTIL).from(LOGIN_STATE)
                .where(LOGIN_STATE.USERNAME.eq(username)));
        Field<OffsetDateTime> countedFrom = DSL.field(DSL.select(LOGIN_STATE.COUNTED_FROM).from(LOGIN_STATE)
                .where(LOGIN_STATE.USERNAME.eq(username)));
        Field<Integer> accountFailures = DSL.field(DSL.selectCount().from(LOGIN_FAILURE)
                .where(LOGIN_FAILURE.USERNAME.eq(username))
                .and(LOGIN_FAILURE.FAILED_AT.gt(windowStart))
                .and(LOGIN_FAILURE.FAILED_AT.ge(DSL.coalesce(countedFrom, DSL.val(NEVER)))));
        Field<Integer> addressFailures = DSL.field(DSL.selectCount().from(LOGIN_FAILURE)
                .where(LOGIN_FAILURE.CLIENT_ADDRESS.eq(address))
                .and(LOGIN_FAILURE.FAILED_AT.gt(windowStart)));
        return db.select(lockedUntil, accountFailures, addressFailures)
                .fetchSingle(r -> new Standing(r.value1(), r.value2(), r.value3()));
    }

    void recordFailure(String username, String address, OffsetDateTime at) {
        db.insertInto(LOGIN_FAILURE)
                .set(LOGIN_FAILURE.USERNAME, username)
                .set(LOGIN_FAILURE.CLIENT_ADDRESS, address)
                .set(LOGIN_FAILURE.FAILED_AT, at)
                .execute();
    }

    /** Failures that no longer count for this name or address: the table stays small without a scheduled job. */
    void forgetBefore(String username, String address, OffsetDateTime cutoff) {
        db.deleteFrom(LOGIN_FAILURE)
                .where(LOGIN_FAILURE.FAILED_AT.lt(cutoff))
                .and(LOGIN_FAILURE.USERNAME.eq(username).or(LOGIN_FAILURE.CLIENT_ADDRESS.eq(address)))
                .execute();
    }

    /**
     * When the address's count falls below {@code max} again: the failure that must leave the window first,
     * i.e. the ({@code count - max + 1})-th oldest within it.
     */
    Optional<OffsetDateTime> addressReleaseFailure(String address, OffsetDateTime windowStart, int count, int max) {
        return db.select(LOGIN_FAILURE.FAILED_AT).from(LOGIN_FAILURE)
                .where(LOGIN_FAILURE.CLIENT_ADDRESS.eq(address))
                .and(LOGIN_FAILURE.FAILED_AT.gt(windowStart))
                .orderBy(LOGIN_FAILURE.FAILED_AT)
                .offset(Math.max(0, count - max))
                .limit(1)
                .fetchOptional(LOGIN_FAILURE.FAILED_AT);
    }

    /**
     * Locks a name unless it is locked already (by a concurrent failure on another node: the row lock of the
     * upsert serialises them, and only the one that locked returns true, so a lock is audited once).
     * Failures are counted afresh after the lock.
     */
    boolean lock(String username, OffsetDateTime now, OffsetDateTime until) {
        return db.insertInto(LOGIN_STATE)
                .set(LOGIN_STATE.USERNAME, username)
                .set(LOGIN_STATE.COUNTED_FROM, until)
                .set(LOGIN_STATE.LOCKED_UNTIL, until)
                .set(LOGIN_STATE.LOCKED_AT, now)
                .onConflict(LOGIN_STATE.USERNAME)
                .doUpdate()
                .set(LOGIN_STATE.COUNTED_FROM, until)
                .set(LOGIN_STATE.LOCKED_UNTIL, until)
                .set(LOGIN_STATE.LOCKED_AT, now)
                .where(LOGIN_STATE.LOCKED_UNTIL.isNull().or(LOGIN_STATE.LOCKED_UNTIL.le(now)))
                .execute() > 0;
    }

    /** Failures before {@code now} no longer count for this name (a successful login). */
    void resetCount(String username, OffsetDateTime now) {
        db.insertInto(LOGIN_STATE)
                .set(LOGIN_STATE.USERNAME, username)
                .set(LOGIN_STATE.COUNTED_FROM, now)
                .onConflict(LOGIN_STATE.USERNAME)
                .doUpdate()
                .set(LOGIN_STATE.COUNTED_FROM, now)
                .where(LOGIN_STATE.LOCKED_UNTIL.isNull().or(LOGIN_STATE.LOCKED_UNTIL.le(now)))
                .execute();
    }

    /** Ends a lock still in force; false when the name was not locked. */
    boolean unlock(String username, OffsetDateTime now) {
        return db.update(LOGIN_STATE)
                .set(LOGIN_STATE.LOCKED_UNTIL, (OffsetDateTime) null)
                .set(LOGIN_STATE.COUNTED_FROM, now)
                .where(LOGIN_STATE.USERNAME.eq(username))
                .and(LOGIN_STATE.LOCKED_UNTIL.gt(now))
                .execute() > 0;
    }

    /** Locks in force among the given names. */
    Map<String, OffsetDateTime> locksInForce(Collection<String> usernames, OffsetDateTime now) {
        return db.select(LOGIN_STATE.USERNAME, LOGIN_STATE.LOCKED_UNTIL).from(LOGIN_STATE)
                .where(LOGIN_STATE.USERNAME.eq(DSL.any(usernames.toArray(String[]::new))))
                .and(LOGIN_STATE.LOCKED_UNTIL.gt(now))
                .fetchMap(LOGIN_STATE.USERNAME, LOGIN_STATE.LOCKED_UNTIL);
    }
}
