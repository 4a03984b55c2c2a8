package vn.tcxd.reports;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tcxd.Http;
import vn.tcxd.IntegrationTest;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.TreeFixture;
import vn.tcxd.security.Accounts;
import vn.tcxd.security.Role;
import vn.tcxd.security.ScopeGrant;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sharing a group publishes it to everyone who reads the unit: only an account that may write there can
 * share; a read-only account keeps its groups private.
 */
@IntegrationTest
class UnitGroupSharingTests {

    static final String PASSWORD = "ugshare-Pa55word";

    @LocalServerPort
    int port;
    @Autowired
    OrgStructure org;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcTemplate jdbc;

    String account(long unitId, Role role) {
        String username = ("ugshare." + role + "." + Long.toString(System.nanoTime(), 36)).toLowerCase(Locale.ROOT);
        accounts.create(username, "Đồng chí thử", PASSWORD, false, List.of(new ScopeGrant(unitId, role)));
        return username;
    }

    int groups() {
        return jdbc.queryForObject("select count(*) from reports.unit_group", Integer.class);
    }

    @Test
    void shouldRefuseAReadOnlyAccountSharingAGroupWithItsProvince() {
        TreeFixture tree = TreeFixture.standard(org);
        String viewer = account(tree.id("P"), Role.VIEWER);
        int before = groups();

        HttpResponse<String> shared = Http.on(port).postJsonBasic("/api/v1/unit-groups",
                "{\"name\":\"Hai huyện " + tree.prefix() + "\",\"unitIds\":[" + tree.id("D1") + "," + tree.id("D2")
                        + "],\"sharedUnitId\":" + tree.id("P") + "}", viewer, PASSWORD);

        assertThat(shared.statusCode()).as(shared.body()).isEqualTo(403);
        assertThat(shared.body()).contains("\"status\":403");
        assertThat(groups()).isEqualTo(before);
        // its private group is still its own to save
        HttpResponse<String> own = Http.on(port).postJsonBasic("/api/v1/unit-groups",
                "{\"name\":\"Riêng " + tree.prefix() + "\",\"unitIds\":[" + tree.id("D1") + "]}", viewer, PASSWORD);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
    }

    @Test
    void shouldLetStaffShareAGroupWithinTheirProvince() {
        TreeFixture tree = TreeFixture.standard(org);
        String staff = account(tree.id("P"), Role.STAFF);

        HttpResponse<String> shared = Http.on(port).postJsonBasic("/api/v1/unit-groups",
                "{\"name\":\"Hai huyện " + tree.prefix() + "\",\"unitIds\":[" + tree.id("D1") + "," + tree.id("D2")
                        + "],\"sharedUnitId\":" + tree.id("P") + "}", staff, PASSWORD);

        assertThat(shared.statusCode()).as(shared.body()).isEqualTo(201);
    }
}
