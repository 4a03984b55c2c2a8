package vn.tcxd.reports;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.tcxd.Http;
import vn.tcxd.IntegrationTest;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.security.Accounts;
import vn.tcxd.security.Role;
import vn.tcxd.security.ScopeGrant;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Saved unit groups through the API and the pages: the whole life of a group with its audit, the
 * comparison equal to the engine, bad input refused in Vietnamese with nothing written, and scope: a
 * group never shows a unit outside the reader's scope, whoever saved it.
 */
@IntegrationTest
class UnitGroupTests {

    static final LocalDate SEED_004 = LocalDate.of(2021, 11, 10);
    static final String PASSWORD = "unitgroup-Pa55word";
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "test-admin-Pa55word";

    @LocalServerPort
    int port;
    @Autowired
    Statistics statistics;
    @Autowired
    OrgStructure org;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    long id(String code) {
        return org.idOfCode(code).orElseThrow();
    }

    String account(String unitCode, Role role) {
        String username = ("ug." + unitCode + "." + Long.toString(System.nanoTime(), 36)).toLowerCase(Locale.ROOT);
        accounts.create(username, "Đồng chí thử " + unitCode, PASSWORD, false, List.of(new ScopeGrant(id(unitCode), role)));
        return username;
    }

    static String unique(String name) {
        return name + " " + Long.toString(System.nanoTime(), 36);
    }

    HttpResponse<String> send(String method, String path, String body, String user, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int groups() {
        return jdbc.queryForObject("select count(*) from reports.unit_group", Integer.class);
    }

    int audits(long groupId) {
        return jdbc.queryForObject("select count(*) from security.audit_entry where entity_type = 'unit_group' and entity_id = ?",
                Integer.class, Long.toString(groupId));
    }

    @Test
    void shouldCreateCompareChangeAndDeleteAGroupWithAnAuditOfEachWrite() {
        String name = unique("Hai tỉnh demo");
        HttpResponse<String> created = send("POST", "/api/v1/unit-groups",
                "{\"name\":\"" + name + "\",\"unitCodes\":[\"LS\",\"HG\"]}", ADMIN, ADMIN_PASSWORD);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long groupId = json.readTree(created.body()).get("id").asLong();

        HttpResponse<String> comparison = send("GET", "/api/v1/unit-groups/" + groupId + "/comparison?asOf=2021-11-10",
                null, ADMIN, ADMIN_PASSWORD);
        assertThat(comparison.statusCode()).isEqualTo(200);
        JsonNode c = json.readTree(comparison.body());
        KeyFigures ls = KeyFigures.of(statistics.of(id("LS"), SEED_004));
        KeyFigures hg = KeyFigures.of(statistics.of(id("HG"), SEED_004));
        assertThat(c.get("rows").get(0).get("unit").get("code").asString()).isEqualTo("LS");
        assertThat(c.get("rows").get(0).get("figures").get("members").asLong()).isEqualTo(45_239);
        assertThat(c.get("rows").get(1).get("figures").get("members").asLong()).isEqualTo(hg.members());
        assertThat(c.get("rows").get(1).get("figures").get("female").asLong()).isEqualTo(hg.female());
        assertThat(c.get("total").get("members").asLong()).isEqualTo(ls.members() + hg.members());
        assertThat(c.get("total").get("cells").asLong()).isEqualTo(ls.cells() + hg.cells());
        assertThat(c.get("totalYearEarlier").get("members").asLong()).isEqualTo(
                statistics.of(id("LS"), SEED_004.minusYears(1)).members().total()
                        + statistics.of(id("HG"), SEED_004.minusYears(1)).members().total());

        HttpResponse<String> changed = send("PUT", "/api/v1/unit-groups/" + groupId,
                "{\"name\":\"" + name + " (sửa)\",\"unitCodes\":[\"HG\"]}", ADMIN, ADMIN_PASSWORD);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(json.readTree(changed.body()).get("units")).hasSize(1);

        assertThat(send("DELETE", "/api/v1/unit-groups/" + groupId, null, ADMIN, ADMIN_PASSWORD).statusCode()).isEqualTo(204);
        assertThat(send("GET", "/api/v1/unit-groups/" + groupId, null, ADMIN, ADMIN_PASSWORD).statusCode()).isEqualTo(404);
        assertThat(audits(groupId)).isEqualTo(3);
    }

    @Test
    void shouldRefuseInVietnameseAndWriteNothingWhenTheInputIsBad() {
        String user = account("LS", Role.STAFF);
        String name = unique("Các huyện");
        assertThat(send("POST", "/api/v1/unit-groups", "{\"name\":\"" + name + "\",\"unitCodes\":[\"LS.H01\"]}",
                user, PASSWORD).statusCode()).isEqualTo(201);
        int before = groups();

        HttpResponse<String> empty = send("POST", "/api/v1/unit-groups", "{\"name\":\"  \",\"unitCodes\":[\"LS\"]}", user, PASSWORD);
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(json.readTree(empty.body()).get("detail").asString()).isEqualTo("Tên nhóm là bắt buộc.");
        assertThat(json.readTree(empty.body()).get("field").asString()).isEqualTo("name");

        HttpResponse<String> duplicate = send("POST", "/api/v1/unit-groups",
                "{\"name\":\"" + name.toUpperCase(Locale.ROOT) + "\",\"unitCodes\":[\"LS\"]}", user, PASSWORD);
        assertThat(duplicate.statusCode()).isEqualTo(422);
        assertThat(json.readTree(duplicate.body()).get("detail").asString()).contains("Đồng chí đã có nhóm tên");

        HttpResponse<String> noUnits = send("POST", "/api/v1/unit-groups", "{\"name\":\"Trống\",\"unitIds\":[]}", user, PASSWORD);
        assertThat(json.readTree(noUnits.body()).get("detail").asString()).isEqualTo("Hãy chọn ít nhất một đơn vị cho nhóm.");

        HttpResponse<String> nested = send("POST", "/api/v1/unit-groups", "{\"name\":\"Lồng nhau\",\"unitCodes\":[\"LS\",\"LS.UBND\"]}",
                user, PASSWORD);
        assertThat(json.readTree(nested.body()).get("detail").asString()).contains("nằm trong Đảng bộ tỉnh Lam Sơn");

        // the decoy province, by code and by id: refused alike, without saying whether it exists
        HttpResponse<String> foreignCode = send("POST", "/api/v1/unit-groups", "{\"name\":\"Mồi\",\"unitCodes\":[\"HG\"]}", user, PASSWORD);
        assertThat(foreignCode.statusCode()).isEqualTo(422);
        assertThat(json.readTree(foreignCode.body()).get("detail").asString())
                .isEqualTo("Không tìm thấy đơn vị «HG» trong phạm vi được giao cho tài khoản của đồng chí.");
        HttpResponse<String> foreignId = send("POST", "/api/v1/unit-groups",
                "{\"name\":\"Mồi\",\"unitIds\":[" + id("HG") + "]}", user, PASSWORD);
        assertThat(json.readTree(foreignId.body()).get("field").asString()).isEqualTo("unitIds");
        HttpResponse<String> foreignShare = send("POST", "/api/v1/unit-groups",
                "{\"name\":\"Mồi\",\"unitCodes\":[\"LS\"],\"sharedUnitId\":" + id("HG") + "}", user, PASSWORD);
        assertThat(foreignShare.statusCode()).isEqualTo(422);

        assertThat(groups()).isEqualTo(before);
    }

    @Test
    void shouldShowFieldErrorsInVietnameseAndWriteNothingWhenTheFormIsBad() {
        String user = account("HG", Role.STAFF);
        Http http = Http.on(port);
        http.login(user, PASSWORD);
        int before = groups();

        HttpResponse<String> foreign = http.postForm("/unit-groups/new", "/unit-groups",
                Map.of("name", "Nhóm có Lam Sơn", "unitCodes", "LS"));
        assertThat(foreign.statusCode()).isEqualTo(200);
        assertThat(foreign.body()).contains("id=\"unitCodes-error\"",
                "Không tìm thấy đơn vị «LS» trong phạm vi được giao cho tài khoản của đồng chí.");
        HttpResponse<String> empty = http.postForm("/unit-groups/new", "/unit-groups", Map.of("name", "", "unitCodes", "HG"));
        assertThat(empty.body()).contains("id=\"name-error\"", "Tên nhóm là bắt buộc.");
        assertThat(groups()).isEqualTo(before);

        HttpResponse<String> saved = http.postForm("/unit-groups/new", "/unit-groups",
                Map.of("name", unique("Hòa Giang"), "unitCodes", "HG"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(groups()).isEqualTo(before + 1);
        String location = saved.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> page = http.get(URI.create(location).getPath() + "?asOf=2021-11-10");
        assertThat(page.body()).contains("id=\"comparison\"", "Đảng bộ tỉnh Hòa Giang", "trên tổng số đảng viên",
                "Đã lưu nhóm.");
        HttpResponse<String> xlsx = http.get(URI.create(location).getPath() + "/comparison.xlsx?asOf=2021-11-10");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("spreadsheetml"));
        assertThat(xlsx.body()).startsWith("PK");
    }

    @Test
    void shouldNeverShowAUnitOutsideTheReadersScopeWhenSomeoneElseSharedTheGroup() {
        // the central administrator shares "both provinces" within Lam Sơn
        String name = unique("Cả hai tỉnh");
        HttpResponse<String> created = send("POST", "/api/v1/unit-groups",
                "{\"name\":\"" + name + "\",\"unitCodes\":[\"LS\",\"HG\"],\"sharedUnitId\":" + id("LS") + "}", ADMIN, ADMIN_PASSWORD);
        assertThat(created.statusCode()).isEqualTo(201);
        long groupId = json.readTree(created.body()).get("id").asLong();

        String lamSon = account("LS", Role.VIEWER);
        JsonNode list = json.readTree(send("GET", "/api/v1/unit-groups", null, lamSon, PASSWORD).body());
        JsonNode mine = null;
        for (JsonNode g : list) if (g.get("id").asLong() == groupId) mine = g;
        assertThat(mine).isNotNull();
        assertThat(mine.get("unitCount").asInt()).isEqualTo(1);
        assertThat(mine.get("mine").asBoolean()).isFalse();

        JsonNode details = json.readTree(send("GET", "/api/v1/unit-groups/" + groupId, null, lamSon, PASSWORD).body());
        assertThat(details.get("units")).hasSize(1);
        assertThat(details.get("units").get(0).get("code").asString()).isEqualTo("LS");
        assertThat(details.get("hiddenUnits").asBoolean()).isTrue();
        HttpResponse<String> comparison = send("GET", "/api/v1/unit-groups/" + groupId + "/comparison?asOf=2021-11-10",
                null, lamSon, PASSWORD);
        JsonNode c = json.readTree(comparison.body());
        assertThat(c.get("rows")).hasSize(1);
        assertThat(c.get("total").get("members").asLong()).isEqualTo(45_239);
        assertThat(comparison.body()).doesNotContain("HG", "Hòa Giang");
        // read-only on someone else's group
        assertThat(send("PUT", "/api/v1/unit-groups/" + groupId, "{\"name\":\"x\",\"unitCodes\":[\"LS\"]}", lamSon, PASSWORD)
                .statusCode()).isEqualTo(403);
        assertThat(send("DELETE", "/api/v1/unit-groups/" + groupId, null, lamSon, PASSWORD).statusCode()).isEqualTo(403);

        Http http = Http.on(port);
        http.login(lamSon, PASSWORD);
        HttpResponse<String> page = http.get("/unit-groups/" + groupId + "?asOf=2021-11-10");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("45.239", "id=\"hidden-units\"").doesNotContain("Hòa Giang", "id=\"edit-group\"");

        // Hòa Giang's staff cannot see a group shared within Lam Sơn at all
        String hoaGiang = account("HG", Role.STAFF);
        assertThat(send("GET", "/api/v1/unit-groups/" + groupId, null, hoaGiang, PASSWORD).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/v1/unit-groups/" + groupId + "/comparison", null, hoaGiang, PASSWORD).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/v1/unit-groups", null, hoaGiang, PASSWORD).body()).doesNotContain(name);
    }
}
