package vn.tcxd.security.internal;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import vn.tcxd.security.AccountSummary;
import vn.tcxd.security.Role;
import vn.tcxd.security.ScopeGrant;

import java.util.List;
import java.util.Optional;

import static vn.tcxd.jooq.security.Tables.ACCOUNT;
import static vn.tcxd.jooq.security.Tables.ACCOUNT_SCOPE;

/**
 * Typed SQL over {@code security.account} and its grants.
 */
@Repository
class AccountRepository {

    /** An account with its password hash: never leaves this package. */
    record AccountRow(long id, String username, String passwordHash, String displayName, boolean enabled,
                      boolean systemAdmin, List<ScopeGrant> grants) {

        AccountSummary summary() {
            return new AccountSummary(id, username, displayName, enabled, systemAdmin, grants);
        }
    }

    private final DSLContext db;

    AccountRepository(DSLContext db) {
        this.db = db;
    }

    private static Field<List<ScopeGrant>> grants() {
        return DSL.multiset(DSL.select(ACCOUNT_SCOPE.UNIT_ID, ACCOUNT_SCOPE.ROLE)
                        .from(ACCOUNT_SCOPE)
                        .where(ACCOUNT_SCOPE.ACCOUNT_ID.eq(ACCOUNT.ID))
                        .orderBy(ACCOUNT_SCOPE.UNIT_ID))
                .convertFrom(rows -> rows.map(r -> new ScopeGrant(r.value1(), Role.valueOf(r.value2()))));
    }

    private static AccountRow toRow(Record r, Field<List<ScopeGrant>> grants) {
        return new AccountRow(r.get(ACCOUNT.ID), r.get(ACCOUNT.USERNAME), r.get(ACCOUNT.PASSWORD_HASH),
                r.get(ACCOUNT.DISPLAY_NAME), r.get(ACCOUNT.ENABLED), r.get(ACCOUNT.SYSTEM_ADMIN), r.get(grants));
    }

    Optional<AccountRow> byUsername(String username) {
        Field<List<ScopeGrant>> grants = grants();
        return db.select(ACCOUNT.asterisk(), grants).from(ACCOUNT)
                .where(ACCOUNT.USERNAME.eq(username))
                .fetchOptional(r -> toRow(r, grants));
    }

    Optional<AccountRow> byId(long id) {
        Field<List<ScopeGrant>> grants = grants();
        return db.select(ACCOUNT.asterisk(), grants).from(ACCOUNT)
                .where(ACCOUNT.ID.eq(id))
                .fetchOptional(r -> toRow(r, grants));
    }

    List<AccountRow> all() {
        Field<List<ScopeGrant>> grants = grants();
        return db.select(ACCOUNT.asterisk(), grants).from(ACCOUNT)
                .orderBy(ACCOUNT.USERNAME)
                .fetch(r -> toRow(r, grants));
    }

    boolean anyExists() {
        return db.fetchExists(ACCOUNT);
    }

    boolean usernameTaken(String username) {
        return db.fetchExists(ACCOUNT, ACCOUNT.USERNAME.eq(username));
    }

    long insert(String username, String passwordHash, String displayName, boolean systemAdmin, List<ScopeGrant> grants) {
        long id = db.insertInto(ACCOUNT)
                .set(ACCOUNT.USERNAME, username)
                .set(ACCOUNT.PASSWORD_HASH, passwordHash)
                .set(ACCOUNT.DISPLAY_NAME, displayName)
                .set(ACCOUNT.SYSTEM_ADMIN, systemAdmin)
                .returningResult(ACCOUNT.ID)
                .fetchSingle(ACCOUNT.ID);
        for (ScopeGrant grant : grants) {
            db.insertInto(ACCOUNT_SCOPE)
                    .set(ACCOUNT_SCOPE.ACCOUNT_ID, id)
                    .set(ACCOUNT_SCOPE.UNIT_ID, grant.unitId())
                    .set(ACCOUNT_SCOPE.ROLE, grant.role().name())
                    .execute();
        }
        return id;
    }

    void setPasswordHash(long id, String passwordHash) {
        db.update(ACCOUNT).set(ACCOUNT.PASSWORD_HASH, passwordHash).where(ACCOUNT.ID.eq(id)).execute();
    }

    void setEnabled(long id, boolean enabled) {
        db.update(ACCOUNT).set(ACCOUNT.ENABLED, enabled).where(ACCOUNT.ID.eq(id)).execute();
    }
}
