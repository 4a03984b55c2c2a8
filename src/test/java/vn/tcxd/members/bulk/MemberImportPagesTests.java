package vn.tcxd.members.bulk;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.tcxd.IntegrationTest;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.TreeFixture;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import page (/members/import: template, upload, polled progress, error report) and the API
 * (POST /api/v1/members/import: 200 or 422 with the rows).
 */
@IntegrationTest
class MemberImportPagesTests {

    private static final String ADMIN = "admin";
    private static final String PASSWORD = "test-admin-Pa55word";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final String BOUNDARY = "----tcxd-import-test";

    @LocalServerPort
    int port;

    @Autowired
    OrgStructure org;

    TreeFixture tree;
    HttpClient client;

    @BeforeEach
    void setUp() throws Exception {
        tree = TreeFixture.standard(org);
        client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private HttpResponse<byte[]> get(String path, boolean htmx) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (htmx) {
            request.header("HX-Request", "true");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private void login() throws Exception {
        String page = text(get("/login", false));
        Matcher csrf = CSRF.matcher(page);
        assertThat(csrf.find()).isTrue();
        String form = "username=" + ADMIN + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
    }

    private static byte[] multipart(Map<String, String> fields, String fileName, byte[] file) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private String upload(byte[] file) throws Exception {
        String page = text(get("/members/import", false));
        Matcher csrf = CSRF.matcher(page);
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> posted = client.send(HttpRequest.newBuilder(URI.create(url("/members/import")))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(Map.of("_csrf", csrf.group(1)), "dv.xlsx", file)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(302);
        return URI.create(posted.headers().firstValue("Location").orElseThrow()).getPath();
    }

    /** Polls the status fragment as htmx does until the job is done. */
    private String pollUntilDone(String statusPath) throws Exception {
        for (int i = 0; i < 200; i++) {
            String fragment = text(get(statusPath, true));
            if (!fragment.contains("hx-trigger")) {
                return fragment;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import did not finish");
    }

    @Test
    void shouldImportThroughThePageWithProgressUntilTheCounts() throws Exception {
        login();
        assertThat(text(get("/members/import", false))).contains("Nhập đảng viên từ Excel").contains("Tải mẫu Excel");
        HttpResponse<byte[]> template = get("/members/import/template.xlsx", false);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(template.body()))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows.getFirst().getCellText(0)).isEqualTo("Họ và tên");
            assertThat(rows.getFirst().getCellText(21)).isEqualTo("Cơ quan ban hành");
        }

        String status = upload(ImportFiles.xlsx(ImportFiles.rows(1_000, tree.code("X1C1"), LocalDate.of(2018, 1, 2))));

        assertThat(text(get(status, false))).contains("Nhập đảng viên từ Excel");
        assertThat(pollUntilDone(status)).contains("Đã nhập 1.000 đảng viên");
    }

    @Test
    void shouldOfferTheErrorReportWhenRowsAreBad() throws Exception {
        login();
        List<Map<String, Object>> rows = ImportFiles.rows(20, tree.code("X1C1"), LocalDate.of(2018, 1, 2));
        rows.get(6).put("Giới tính", "Khác");

        String status = upload(ImportFiles.xlsx(rows));

        assertThat(pollUntilDone(status)).contains("Không ghi gì").contains("Tải báo cáo lỗi");
        HttpResponse<byte[]> report = get(status + "/errors.xlsx", false);
        assertThat(report.statusCode()).isEqualTo(200);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(report.body()))) {
            List<Row> lines = workbook.getFirstSheet().read();
            assertThat(lines.getFirst().getCellText(0)).isEqualTo("Dòng");
            assertThat(lines.get(1).getCellText(0)).isEqualTo("8");
            assertThat(lines.get(1).getCellText(1)).isEqualTo("Giới tính");
            assertThat(lines.get(1).getCellText(2)).contains("Nam hoặc Nữ");
        }
    }

    @Test
    void shouldAnswer422WithTheRowsWhenTheApiRefusesAFile() throws Exception {
        List<Map<String, Object>> rows = ImportFiles.rows(10, tree.code("X1C1"), LocalDate.of(2018, 1, 2));
        rows.get(3).put("Số CCCD", "123");
        String auth = "Basic " + Base64.getEncoder().encodeToString((ADMIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> refused = client.send(HttpRequest.newBuilder(URI.create(url("/api/v1/members/import")))
                .header("Authorization", auth).header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(Map.of(), "a.xlsx", ImportFiles.xlsx(rows))))
                .build(), HttpResponse.BodyHandlers.ofString());
        rows.get(3).put("Số CCCD", ImportFiles.citizenId());
        HttpResponse<String> imported = client.send(HttpRequest.newBuilder(URI.create(url("/api/v1/members/import")))
                .header("Authorization", auth).header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(Map.of(), "a.csv", ImportFiles.csv(rows))))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("\"badRows\":[5]").contains("\"column\":\"Số CCCD\"");
        assertThat(imported.statusCode()).isEqualTo(200);
        assertThat(imported.body()).contains("\"imported\":10");
    }
}
