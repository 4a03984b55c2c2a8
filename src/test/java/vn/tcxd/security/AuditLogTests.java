package vn.tcxd.security;

import vn.tcxd.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tcxd.IntegrationTest;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.Reorganisation;
import vn.tcxd.orgstructure.UnitType;
import vn.tcxd.shared.RuleViolation;
import vn.tcxd.shared.audit.AuditedChange;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class AuditLogTests {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    OrgStructure orgStructure;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    SecurityFixtures.Tree tree;
    String adminA;
    String staffA;

    @BeforeEach
    void fixtures() {
        tree = SecurityFixtures.tree(orgStructure);
        adminA = SecurityFixtures.account(accounts, "admin-a", tree.provinceA(), Role.ADMIN);
        staffA = SecurityFixtures.account(accounts, "staff-a", tree.provinceA(), Role.STAFF);
    }

    private long auditCount() {
        return jdbc.sql("select count(*) from security.audit_entry").query(Long.class).single();
    }

    @Test
    void shouldRecordReorganisationWithDecisionAndSystemActor() {
        Map<String, Object> entry = jdbc.sql("""
                        select actor, action, entity_type, decision_number, decision_body, after_state::text as after
                        from security.audit_entry where unit_id = ?""")
                .param(tree.cellB()).query().singleRow();

        assertThat(entry).containsEntry("actor", "system").containsEntry("action", "orgstructure.ESTABLISHED")
                .containsEntry("entity_type", "unit").containsEntry("decision_number", "SEC-B1-" + tree.suffix() + "-QĐ/TW")
                .containsEntry("decision_body", "Ban Bí thư");
        assertThat((String) entry.get("after")).contains("Chi bộ Bình Mồi Một");
    }

    @Test
    void shouldLeaveNoAuditEntryWhenWriteRollsBackAfterPublishing() {
        long before = auditCount();
        String code = "SEC-RB-" + tree.suffix();

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            SecurityFixtures.establish(orgStructure, code, "Chi bộ hoàn tác", UnitType.GRASSROOTS_CELL, tree.provinceA());
            events.publishEvent(new AuditedChange("test.PROBE", "probe", "1", tree.provinceA(), null, Map.of(), null));
            assertThat(auditCount()).isEqualTo(before + 2);
            throw new IllegalStateException("the writer fails after publishing");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(auditCount()).isEqualTo(before);
        assertThat(orgStructure.idOfCode(code)).isEmpty();
    }

    @Test
    void shouldLeaveNoAuditEntryWhenReorganisationIsIllegal() {
        long before = auditCount();

        // A grassroots cell directly under the Centre breaks the link rules.
        assertThatThrownBy(() -> SecurityFixtures.establish(orgStructure, "SEC-BAD-" + tree.suffix(), "Chi bộ sai",
                UnitType.GRASSROOTS_CELL, tree.root())).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> orgStructure.apply(new Reorganisation.Dissolve(tree.provinceA(),
                SecurityFixtures.FOUNDED.plusYears(1), SecurityFixtures.decision("GT-" + tree.suffix()))))
                .isInstanceOf(RuleViolation.class);

        assertThat(auditCount()).isEqualTo(before);
    }

    @Test
    void shouldShowUnitAdministratorOnlyEntriesOfOwnSubtree() {
        HttpResponse<String> api = Http.on(port).getBasic("/api/v1/audit?actor=system", adminA,
                SecurityFixtures.PASSWORD);

        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("\"unitId\":" + tree.provinceA(), "\"unitId\":" + tree.cellA(),
                "Chi bộ An Một").doesNotContain(tree.nameB(), tree.cellNameB(), "\"unitId\":" + tree.root());

        HttpResponse<String> foreign = Http.on(port).getBasic("/api/v1/audit?unitId=" + tree.cellB(), adminA,
                SecurityFixtures.PASSWORD);
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain(tree.cellNameB());

        Http http = Http.on(port);
        http.login(adminA, SecurityFixtures.PASSWORD);
        HttpResponse<String> page = http.get("/audit?unitId=" + tree.cellA());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Nhật ký thay đổi", "Thành lập", "Chi bộ An Một", "Ban Bí thư")
                .doesNotContain(tree.nameB());
        HttpResponse<String> fragment = http.getFragment("/audit?unitId=" + tree.cellA());
        assertThat(fragment.body()).contains("id=\"audit-results\"", "Chi bộ An Một").doesNotContain("<html");
    }

    @Test
    void shouldForbidAuditWhenStaffWithoutLeakingOtherProvince() {
        HttpResponse<String> api = Http.on(port).getBasic("/api/v1/audit?unitId=" + tree.provinceB(), staffA,
                SecurityFixtures.PASSWORD);
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(api.body()).contains("\"status\":403").doesNotContain(tree.nameB());

        Http http = Http.on(port);
        http.login(staffA, SecurityFixtures.PASSWORD);
        HttpResponse<String> page = http.get("/audit");
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).doesNotContain(tree.nameB());
    }

    @Test
    void shouldShowSystemAdministratorEveryUnitAndFilterByUnitAndDate() {
        HttpResponse<String> b = Http.on(port).getBasic("/api/v1/audit?unitId=" + tree.cellB(), "admin",
                SecurityConfigurationTests.ADMIN_PASSWORD);
        assertThat(b.statusCode()).isEqualTo(200);
        assertThat(b.body()).contains(tree.cellNameB()).doesNotContain("Chi bộ An Một");

        HttpResponse<String> past = Http.on(port).getBasic("/api/v1/audit?unitId=" + tree.cellB() + "&to=2001-01-01",
                "admin", SecurityConfigurationTests.ADMIN_PASSWORD);
        assertThat(past.statusCode()).isEqualTo(200);
        assertThat(past.body()).contains("\"entries\":[]");
    }
}
