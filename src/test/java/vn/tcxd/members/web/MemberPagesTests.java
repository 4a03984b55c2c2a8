package vn.tcxd.members.web;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.tcxd.Http;
import vn.tcxd.IntegrationTest;
import vn.tcxd.members.Gender;
import vn.tcxd.members.MemberAct;
import vn.tcxd.members.MemberMother;
import vn.tcxd.members.Members;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.TreeFixture;
import vn.tcxd.security.Accounts;
import vn.tcxd.security.Role;
import vn.tcxd.security.ScopeGrant;

import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The member pages for a logged-in officer: scope isolation, the list fragment for htmx, forms that
 * explain a broken rule in Vietnamese without writing anything, the profile with party age and
 * deadlines, and the list exported as .xlsx read back cell by cell.
 */
@IntegrationTest
class MemberPagesTests {

    private static final String PASSWORD = "mat-khau-thu-nghiem-8";

    @LocalServerPort
    int port;

    @Autowired
    OrgStructure org;

    @Autowired
    Members members;

    @Autowired
    Accounts accounts;

    TreeFixture tree;
    String userP;
    Http staffP;
    Http staffQ;
    long lan;

    @BeforeEach
    void setUp() {
        tree = TreeFixture.standard(org);
        String suffix = tree.prefix().toLowerCase();
        userP = "mp.p." + suffix;
        accounts.create(userP, "Cán bộ P", PASSWORD, false, List.of(new ScopeGrant(tree.id("P"), Role.STAFF)));
        accounts.create("mp.q." + suffix, "Cán bộ Q", PASSWORD, false, List.of(new ScopeGrant(tree.id("Q"), Role.STAFF)));
        staffP = Http.on(port);
        staffP.login(userP, PASSWORD);
        staffQ = Http.on(port);
        staffQ.login("mp.q." + suffix, PASSWORD);
        LocalDate admitted = LocalDate.of(2023, 1, 10);
        lan = members.apply(new MemberAct.Admit(MemberMother.record("Phạm Thị Lan", Gender.FEMALE, LocalDate.of(1998, 7, 2)),
                tree.id("X1C1"), admitted, MemberMother.decision("3-QĐ/HU", admitted)));
        members.apply(new MemberAct.HoldCeremony(lan, LocalDate.of(2023, 2, 1),
                MemberMother.decision("Biên bản lễ kết nạp", LocalDate.of(2023, 2, 1))));
    }

    @Test
    void shouldShowTheProfileWithPartyAgeAndOverdueRecognition() {
        var page = staffP.get("/members/" + lan);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Phạm Thị Lan").contains("Đảng viên dự bị").contains("Chi bộ thôn Đông")
                .contains("Tuổi đảng").contains("Chi bộ xét công nhận đảng viên chính thức").contains("Quá hạn")
                .contains("QĐ").contains("Tổ chức lễ kết nạp").contains("1/2/2023");
    }

    @Test
    void shouldAnswerNotFoundWithoutNamesForAnotherProvince() {
        var profile = staffQ.get("/members/" + lan);
        assertThat(profile.statusCode()).isEqualTo(404);
        assertThat(profile.body()).doesNotContain("Lan");
        assertThat(staffQ.get("/members?unit=" + tree.id("X1")).statusCode()).isEqualTo(404);
        assertThat(staffQ.get("/members/" + lan + "/exempt").statusCode()).isEqualTo(404);
        assertThat(staffQ.get("/members/export?unit=" + tree.id("P")).statusCode()).isEqualTo(404);
        assertThat(staffQ.getFragment("/members?q=pham+thi+lan").body()).doesNotContain("Phạm Thị Lan");
        assertThat(staffP.getFragment("/members?q=pham+thi+lan").body()).contains("Phạm Thị Lan");
    }

    @Test
    void shouldServeTheFilteredRowsAsAnHtmxFragment() {
        var women = staffP.getFragment("/members?unit=" + tree.id("P") + "&gender=FEMALE");
        assertThat(women.statusCode()).isEqualTo(200);
        assertThat(women.body()).startsWith("<div id=\"member-rows\"").contains("Phạm Thị Lan").doesNotContain("<html");
        assertThat(staffP.getFragment("/members?unit=" + tree.id("P") + "&gender=MALE").body()).doesNotContain("Phạm Thị Lan");
        assertThat(staffP.get("/members?unit=" + tree.id("P")).body()).contains("<html").contains("Phạm Thị Lan");
    }

    @Test
    void shouldRerenderTheFormInVietnameseAndWriteNothingWhenARuleIsBroken() {
        int events = members.events(lan).size();
        var early = staffP.postForm("/members/" + lan + "/recognise", "/members/" + lan + "/recognise", Map.of(
                "decisionNumber", "5-QĐ/HU", "decisionDate", "2023-06-01", "decisionBody", "Ban Thường vụ Huyện ủy"));
        assertThat(early.statusCode()).isEqualTo(200);
        assertThat(early.body()).contains("Thời kỳ dự bị kết thúc ngày").contains("id=\"form-error\"");
        assertThat(members.events(lan)).hasSize(events);

        var badDate = staffP.postForm("/members/" + lan + "/exempt", "/members/" + lan + "/exempt", Map.of(
                "on", "ngày mai", "reason", "Sức khỏe", "decisionNumber", "6-QĐ/ĐU", "decisionDate", "2024-01-01",
                "decisionBody", "Đảng ủy xã"));
        assertThat(badDate.statusCode()).isEqualTo(200);
        assertThat(badDate.body()).contains("Dữ liệu nhập không đọc được");
        assertThat(members.events(lan)).hasSize(events);

        var badCitizenId = staffP.postForm("/members/new?unit=" + tree.id("X1C1"), "/members/new", Map.of(
                "cellCode", tree.code("X1C1"), "admittedOn", "2024-03-01", "fullName", "Đỗ Văn Minh", "gender", "MALE",
                "birthDate", "1995-01-01", "citizenId", "123", "decisionNumber", "9-QĐ/HU", "decisionDate", "2024-03-01",
                "decisionBody", "Ban Thường vụ Huyện ủy"));
        assertThat(badCitizenId.statusCode()).isEqualTo(200);
        assertThat(badCitizenId.body()).contains("Số CCCD phải gồm đúng 12 chữ số").contains("Đỗ Văn Minh");
        assertThat(members.search("do van minh", List.of(tree.id("P")), LocalDate.of(2024, 3, 2), 5)).isEmpty();

        var admitted = staffP.postForm("/members/new?unit=" + tree.id("X1C1"), "/members/new", Map.ofEntries(
                Map.entry("cellCode", tree.code("X1C1")), Map.entry("admittedOn", "2024-03-01"),
                Map.entry("fullName", "Đỗ Văn Minh"), Map.entry("gender", "MALE"), Map.entry("birthDate", "1995-01-01"),
                Map.entry("citizenId", MemberMother.citizenId()), Map.entry("ethnicity", "01"), Map.entry("religion", "KHONG"),
                Map.entry("decisionNumber", "9-QĐ/HU"), Map.entry("decisionDate", "2024-03-01"),
                Map.entry("decisionBody", "Ban Thường vụ Huyện ủy")));
        assertThat(admitted.body()).isEmpty();
        assertThat(admitted.statusCode()).isEqualTo(302);
        assertThat(admitted.headers().firstValue("Location").orElseThrow()).contains("/members/");
    }

    @Test
    void shouldExportTheFilteredListAsXlsxWithDatesAndNumbers() throws Exception {
        HttpResponse<byte[]> file = downloadAs(userP, "/members/export?unit=" + tree.id("P") + "&status=PROBATIONARY");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type").orElseThrow()).contains("spreadsheetml");
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(file.body()))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(rows.get(0).getCellText(0)).startsWith("Danh sách đảng viên");
            assertThat(rows.get(1).getCellText(0)).isEqualTo("STT");
            assertThat(rows.get(1).getCellText(1)).isEqualTo("Họ và tên");
            assertThat(rows.get(1).getCellText(3)).isEqualTo("Ngày sinh");
            assertThat(rows).hasSize(3);
            Row lanRow = rows.get(2);
            assertThat(lanRow.getCellAsNumber(0)).hasValueSatisfying(n -> assertThat(n.intValue()).isEqualTo(1));
            assertThat(lanRow.getCellText(1)).isEqualTo("Phạm Thị Lan");
            assertThat(lanRow.getCellText(2)).isEqualTo("Nữ");
            assertThat(lanRow.getCellAsDate(3)).hasValueSatisfying(d -> assertThat(d.toLocalDate()).isEqualTo(LocalDate.of(1998, 7, 2)));
            assertThat(lanRow.getCellAsDate(10)).hasValueSatisfying(d -> assertThat(d.toLocalDate()).isEqualTo(LocalDate.of(2023, 1, 10)));
        }
        HttpResponse<byte[]> full = downloadAs(userP, "/members/export?unit=" + tree.id("P") + "&status=FULL");
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(full.body()))) {
            assertThat(wb.getFirstSheet().read()).hasSize(2);
        }
    }

    /** Logs in with a fresh cookie session and downloads the bytes of a page URL. */
    private HttpResponse<byte[]> downloadAs(String username, String path) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://localhost:" + port;
        String login = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login);
        assertThat(csrf.find()).isTrue();
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        client.send(HttpRequest.newBuilder(URI.create(base + "/login")).POST(HttpRequest.BodyPublishers.ofString(form))
                .header("Content-Type", "application/x-www-form-urlencoded").build(), HttpResponse.BodyHandlers.discarding());
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
