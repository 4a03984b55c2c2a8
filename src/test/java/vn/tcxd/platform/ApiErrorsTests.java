package vn.tcxd.platform;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.tcxd.Http;
import vn.tcxd.IntegrationTest;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.TreeFixture;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every 4xx under /api/v1 is Problem Details whose Vietnamese detail names the field or parameter at fault
 * and what it must be — for a code list, its allowed values.
 */
@IntegrationTest
class ApiErrorsTests {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "test-admin-Pa55word";

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    OrgStructure org;

    HttpResponse<String> send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        return problem;
    }

    @Test
    void shouldNameTheFieldAndTheAllowedLevelsWhenARatingLevelIsUnknown() {
        JsonNode problem = problem(send("POST", "/api/v1/evaluations/1/proposals",
                "{\"proposals\":[{\"ratingId\":1,\"level\":\"HTXSNV\"}]}"), 400);

        assertThat(problem.get("field").asString()).isEqualTo("proposals[0].level");
        assertThat(problem.get("detail").asString())
                .contains("proposals[0].level", "HTXSNV", "EXCELLENT", "GOOD", "COMPLETED", "NOT_COMPLETED")
                .doesNotContain("Yêu cầu không đọc được");
    }

    @Test
    void shouldNameTheMissingParameterWhenMovementsAreAskedWithoutAPeriod() {
        long unit = TreeFixture.standard(org).id("P");

        JsonNode problem = problem(send("GET", "/api/v1/units/" + unit + "/movements?from=2021-01-01", null), 400);

        assertThat(problem.get("field").asString()).isEqualTo("to");
        assertThat(problem.get("detail").asString()).contains("Thiếu tham số bắt buộc «to»", "yyyy-MM-dd");
    }

    @Test
    void shouldNameTheParameterAndItsFormWhenADateOrANumberIsBad() {
        long unit = TreeFixture.standard(org).id("P");

        JsonNode date = problem(send("GET", "/api/v1/units/" + unit + "/movements?from=10/11/2021&to=2021-12-31", null), 400);
        assertThat(date.get("field").asString()).isEqualTo("from");
        assertThat(date.get("detail").asString()).contains("«from»", "10/11/2021", "yyyy-MM-dd");

        JsonNode number = problem(send("GET", "/api/v1/units/abc/movements?from=2021-01-01&to=2021-12-31", null), 400);
        assertThat(number.get("field").asString()).isEqualTo("id");
        assertThat(number.get("detail").asString()).contains("«id»", "abc", "số nguyên");
    }

    @Test
    void shouldAnswerProblemDetailsInVietnameseForAnUnknownPathAndAMethodNotAllowed() {
        JsonNode missing = problem(send("GET", "/api/v1/no-such-thing", null), 404);
        assertThat(missing.get("detail").asString()).contains("Không có địa chỉ API", "/api/v1/no-such-thing");

        JsonNode method = problem(send("DELETE", "/api/v1/rating-schemes", null), 405);
        assertThat(method.get("detail").asString()).contains("không nhận phương thức DELETE", "GET");
    }

    @Test
    void shouldRefuseAPageBeyondTheLastWith400InsteadOfOverflowing() {
        long unit = TreeFixture.standard(org).id("P");

        JsonNode members = problem(send("GET", "/api/v1/units/" + unit + "/members?page=999999999", null), 400);
        assertThat(members.get("field").asString()).isEqualTo("page");
        assertThat(members.get("detail").asString()).contains("«page»", "999999999", "100.000");

        JsonNode audit = problem(send("GET", "/api/v1/audit?page=999999999", null), 400);
        assertThat(audit.get("field").asString()).isEqualTo("page");
        assertThat(send("GET", "/api/v1/units/" + unit + "/members?page=3", null).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldClampAPageBeyondTheLastOnThePages() {
        long unit = TreeFixture.standard(org).id("P");
        Http http = Http.on(port);
        http.login(ADMIN, ADMIN_PASSWORD);

        assertThat(http.get("/members?unit=" + unit + "&page=999999999").statusCode()).isEqualTo(200);
        assertThat(http.get("/audit?page=999999999").statusCode()).isEqualTo(200);
    }
}
