package vn.tcxd.security;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.tcxd.Http;
import vn.tcxd.IntegrationTest;
import vn.tcxd.orgstructure.OrgStructure;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit log as a hash chain: an entry edited, removed or appended concurrently is caught by the check, which
 * names the first broken entry. Tampering is done as an attacker with database access would: with SQL, triggers
 * bypassed. Each test puts the row back, since all integration tests share one database.
 */
@IntegrationTest
class AuditChainTests {

    static final String ADMIN_PASSWORD = SecurityConfigurationTests.ADMIN_PASSWORD;

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    OrgStructure org;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    SecurityFixtures.Tree tree;

    @BeforeEach
    void fixtures() {
        tree = SecurityFixtures.tree(org);
    }

    private HttpResponse<String> check() {
        return Http.on(port).getBasic("/api/v1/audit/chain", "admin", ADMIN_PASSWORD);
    }

    private long entryOf(String username) {
        long accountId = accounts.find(username).orElseThrow().id();
        return jdbc.sql("select id from security.audit_entry where action = 'security.ACCOUNT_CREATED' and entity_id = ?")
                .param(Long.toString(accountId)).query(Long.class).single();
    }

    /** SQL as a superuser would run it, with the append-only and chaining triggers switched off. */
    private void tamper(String sql, Object... args) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("set local session_replication_role = replica");
                try (PreparedStatement p = c.prepareStatement(sql)) {
                    for (int i = 0; i < args.length; i++) {
                        p.setObject(i + 1, args[i]);
                    }
                    p.executeUpdate();
                }
                c.commit();
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    @Test
    void shouldReportAnIntactChainWithItsHeadWhenNothingWasTouched() {
        SecurityFixtures.account(accounts, "chain", tree.provinceA(), Role.STAFF);

        HttpResponse<String> response = check();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"intact\":true", "Nhật ký nguyên vẹn").doesNotContain("firstBrokenId");
        assertThat(response.body()).containsPattern("\"headHash\":\"[0-9a-f]{64}\"");
        Map<String, Object> sql = jdbc.sql("select * from security.audit_chain_check()").query().singleRow();
        assertThat(sql.get("first_broken_id")).isNull();
        assertThat(((Number) sql.get("checked")).longValue())
                .isEqualTo(jdbc.sql("select count(*) from security.audit_entry").query(Long.class).single());
    }

    @Test
    void shouldNameTheEditedEntryWhenARowIsChangedDirectlyWithSql() throws Exception {
        String victim = SecurityFixtures.account(accounts, "victim", tree.provinceA(), Role.STAFF);
        SecurityFixtures.account(accounts, "later", tree.provinceA(), Role.STAFF);
        long id = entryOf(victim);
        String actor = jdbc.sql("select actor from security.audit_entry where id = ?").param(id).query(String.class).single();
        String after = jdbc.sql("select after_state::text from security.audit_entry where id = ?").param(id)
                .query(String.class).single();
        tamper("update security.audit_entry set actor = 'nguoi-khac', after_state = after_state || '{\"systemAdmin\": true}' where id = ?", id);
        try {
            HttpResponse<String> response = check();

            assertThat(response.body()).contains("\"intact\":false", "\"firstBrokenId\":" + id, "\"problem\":\"CONTENT\"",
                    "mục số " + id, "đã bị sửa sau khi ghi");
            assertThat(jdbc.sql("select first_broken_id from security.audit_chain_check()").query(Long.class).single())
                    .isEqualTo(id);
            Http admin = Http.on(port);
            admin.login("admin", ADMIN_PASSWORD);
            assertThat(admin.get("/audit/chain").body()).contains("mục số " + id, "alert error");
            assertThat(admin.get("/audit/chain?lang=en").body()).contains("entry " + id, "was changed after it was written");
        } finally {
            tamper("update security.audit_entry set actor = ?, after_state = ?::jsonb where id = ?", actor, after, id);
        }
        assertThat(check().body()).contains("\"intact\":true");
    }

    @Test
    void shouldNameTheEntryAfterTheGapWhenARowIsDeleted() throws Exception {
        String removed = SecurityFixtures.account(accounts, "removed", tree.provinceA(), Role.STAFF);
        String next = SecurityFixtures.account(accounts, "next", tree.provinceA(), Role.STAFF);
        long removedId = entryOf(removed);
        long nextId = entryOf(next);
        // a plain table (not a temporary one): the statements below may run on other pooled connections
        String kept = "public.kept_audit_entry_" + removedId;
        jdbc.sql("create table " + kept + " as select * from security.audit_entry where id = ?").param(removedId).update();
        try {
            tamper("delete from security.audit_entry where id = ?", removedId);

            HttpResponse<String> response = check();

            assertThat(response.body()).contains("\"intact\":false", "\"firstBrokenId\":" + nextId, "\"problem\":\"MISSING\"",
                    "có mục bị xóa ngay trước mục số " + nextId);
        } finally {
            tamper("insert into security.audit_entry overriding system value select * from " + kept);
            jdbc.sql("drop table " + kept).update();
        }
        assertThat(check().body()).contains("\"intact\":true");
    }

    @Test
    void shouldFindTheChainIntactWhenCheckedUnderOtherDateAndTimeSettings() throws Exception {
        // the fixture tree's units were founded by decisions, so entries with a decision date are in the chain
        assertThat(jdbc.sql("select count(*) from security.audit_entry where decision_date is not null")
                .query(Long.class).single()).isPositive();
        // inside one statement: the JDBC driver closes a connection whose DateStyle it sees change
        jdbc.sql("""
                do $$
                declare broken bigint;
                begin
                    perform set_config('datestyle', 'SQL, DMY', true);
                    perform set_config('timezone', 'Asia/Ho_Chi_Minh', true);
                    if current_date::text not like '%/%' then
                        raise exception 'DateStyle not in force';
                    end if;
                    select first_broken_id into broken from security.audit_chain_check();
                    if broken is not null then
                        raise exception 'chain broken at % under other settings', broken;
                    end if;
                end
                $$""").update();
        assertThat(check().body()).contains("\"intact\":true");
    }

    @Test
    void shouldRefuseToChangeAnEntryWhenTheApplicationTriesUpdateOrDelete() {
        String someone = SecurityFixtures.account(accounts, "appendonly", tree.provinceA(), Role.STAFF);
        long id = entryOf(someone);

        assertThatThrownBy(() -> jdbc.sql("update security.audit_entry set actor = 'x' where id = ?").param(id).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from security.audit_entry where id = ?").param(id).update())
                .hasMessageContaining("append-only");
    }

    @Test
    void shouldKeepOneUnbrokenChainWhenManyWritersAppendAtOnce() throws Exception {
        long before = jdbc.sql("select coalesce(max(chain_seq), 0) from security.audit_entry").query(Long.class).single();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> created = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                created.add(pool.submit(() -> SecurityFixtures.account(accounts, "together", tree.provinceA(), Role.VIEWER)));
            }
            for (Future<String> f : created) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        long after = jdbc.sql("select max(chain_seq) from security.audit_entry").query(Long.class).single();
        assertThat(after - before).isGreaterThanOrEqualTo(40);
        assertThat(jdbc.sql("select count(*) from security.audit_entry where chain_seq > ?").param(before)
                .query(Long.class).single()).isEqualTo(after - before);
        assertThat(check().body()).contains("\"intact\":true");
    }

    @Test
    void shouldForbidTheCheckWhenTheCallerIsNotASystemAdministrator() {
        String unitAdmin = SecurityFixtures.account(accounts, "unit-admin", tree.provinceA(), Role.ADMIN);

        assertThat(Http.on(port).getBasic("/api/v1/audit/chain", unitAdmin, SecurityFixtures.PASSWORD).statusCode())
                .isEqualTo(403);
        Http page = Http.on(port);
        page.login(unitAdmin, SecurityFixtures.PASSWORD);
        assertThat(page.get("/audit").body()).doesNotContain("/audit/chain");
        assertThat(page.get("/audit/chain").statusCode()).isEqualTo(403);
    }
}
