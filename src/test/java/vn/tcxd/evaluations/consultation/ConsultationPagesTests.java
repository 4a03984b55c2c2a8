package vn.tcxd.evaluations.consultation;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.tcxd.Http;
import vn.tcxd.IntegrationTest;
import vn.tcxd.evaluations.ConsultationSummary;
import vn.tcxd.evaluations.Consultations;
import vn.tcxd.evaluations.Evaluations;
import vn.tcxd.members.Members;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.security.Accounts;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consultation over real HTTP (seed 002; HD 27-HD/BTCTW (2014) on making results public [R]): the
 * public page from a logged-out client, feedback with CSRF, honeypot, render stamp and the hourly
 * limit counted in the database; the committee pages and API inside the caller's scope only; nothing
 * else public.
 */
@IntegrationTest
class ConsultationPagesTests {

    @LocalServerPort
    int port;

    @Autowired
    Consultations consultations;

    @Autowired
    Evaluations evaluations;

    @Autowired
    OrgStructure org;

    @Autowired
    Members members;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    ConsultationFixture f;
    ConsultationSummary window;
    String page;

    @BeforeEach
    void setUp() {
        f = ConsultationFixture.build(org, members, evaluations, accounts);
        window = consultations.open(f.campaign, f.tree.id("X1"), null, clock.instant().plus(Duration.ofDays(10)));
        page = "/public/consultations/" + window.token();
    }

    private Http staff(String username) {
        Http http = Http.on(port);
        http.login(username, ConsultationFixture.PASSWORD);
        return http;
    }

    private static void waitLikeAPerson() {
        try {
            Thread.sleep(3_200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long stored() {
        return ConsultationFixture.feedbackCount(jdbc, window.id());
    }

    /** Seed 002: without login, only the organisation's proposal and members' names with proposed levels. */
    @Test
    void shouldShowThePublicPageWithoutLoginAndNothingBeyondTheProposals() {
        HttpResponse<String> response = new PublicClient(port).get(page);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Robots-Tag")).contains("noindex, nofollow");
        String body = response.body();
        assertThat(body).contains("Đảng bộ xã Tân Lập").contains("Năm 2024")
                .contains("Trần Văn An").contains("Hoàng Văn Em").contains("Đỗ Thị Giang")
                .contains("Hoàn thành tốt nhiệm vụ").contains("Hoàn thành xuất sắc nhiệm vụ")
                .contains("Chưa có đề xuất").contains("Không xếp loại")
                .contains("name=\"_csrf\"").contains("name=\"website\"").contains("name=\"stamp\"");
        assertThat(body.indexOf("Trần Văn An")).isLessThan(body.indexOf("Nguyễn Thị Bình"));
        assertThat(body.indexOf("Phạm Thị Dung")).isLessThan(body.indexOf("Lê Văn Đức"));
        // no other commune, no decoy province, no birth dates, no ids, no way into the application
        assertThat(body).doesNotContain("Vũ Văn Hải").doesNotContain("Mồi").doesNotContain("1985")
                .doesNotContain("/units/").doesNotContain("/members").doesNotContain("/logout")
                .doesNotContain("value=\"" + f.rating("Trần Văn An").id() + "\"");
    }

    /** CSRF stays on for the anonymous form; a person's feedback is stored and thanked (post/redirect/get). */
    @Test
    void shouldTakeFeedbackFromALoggedOutVisitorWithItsCsrfToken() {
        PublicClient visitor = new PublicClient(port);
        PublicClient.Form form = visitor.form(page);
        Map<String, String> noCsrf = new LinkedHashMap<>(Map.of("stamp", form.stamp(), "subject", "org",
                "text", "Góp ý không có mã CSRF", "website", ""));
        assertThat(visitor.post(page, noCsrf).statusCode()).isEqualTo(403);
        assertThat(new PublicClient(port).leave(page, form, "org", "Phiên khác dùng mã của người khác", "").statusCode())
                .isEqualTo(403);

        waitLikeAPerson();
        HttpResponse<String> sent = visitor.leave(page, form, form.subjects().get("Đỗ Thị Giang"),
                "Đồng chí Giang tích cực trong công tác\nở khu dân cư.", "Nguyễn Văn Dân");
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(sent.headers().firstValue("Location").orElseThrow()).endsWith(page);
        assertThat(visitor.get(page).body()).contains("Cảm ơn");
        assertThat(stored()).isEqualTo(1);

        // the cell sees it; so does the TCCSĐ above; another province sees neither the page nor the text
        Http p = staff(f.staffP);
        String cellPage = p.get("/units/" + f.tree.id("X1BC1") + "/consultations").body();
        assertThat(cellPage).contains("Đồng chí Giang tích cực trong công tác").contains("Nguyễn Văn Dân")
                .contains("Đảng viên: Đỗ Thị Giang");
        assertThat(p.get("/units/" + f.tree.id("X1C1") + "/consultations").body())
                .doesNotContain("Đồng chí Giang tích cực");
        Http q = staff(f.staffQ);
        assertThat(q.get("/units/" + f.tree.id("X1BC1") + "/consultations").statusCode()).isEqualTo(404);
        assertThat(q.getBasic("/api/v1/units/" + f.tree.id("X1BC1") + "/consultations/feedback", f.staffQ,
                ConsultationFixture.PASSWORD).statusCode()).isEqualTo(404);
        HttpResponse<String> api = p.getBasic("/api/v1/units/" + f.tree.id("X1") + "/consultations/feedback", f.staffP,
                ConsultationFixture.PASSWORD);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("Đồng chí Giang tích cực").contains("\"subjectKind\":\"MEMBER\"")
                .doesNotContain("clientKey");
    }

    /** Bad input, feedback floods: 5 per client per window per hour; the 6th refused in Vietnamese, 5 stored. */
    @Test
    void shouldRefuseTheSixthFeedbackFromOneClientWithinTheHour() {
        PublicClient visitor = new PublicClient(port);
        PublicClient.Form form = visitor.form(page);
        waitLikeAPerson();
        for (int i = 1; i <= 5; i++) {
            assertThat(visitor.leave(page, form, "org", "Ý kiến thứ " + i + " về đảng ủy xã", "").statusCode())
                    .as("feedback %d", i).isEqualTo(302);
        }
        HttpResponse<String> sixth = visitor.leave(page, form, "org", "Ý kiến thứ 6 về đảng ủy xã", "");
        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.body()).contains("Mỗi người chỉ gửi được tối đa 5 ý kiến trong một giờ").contains("<form");
        // a new session from the same address is the same client
        PublicClient again = new PublicClient(port);
        PublicClient.Form second = again.form(page);
        waitLikeAPerson();
        assertThat(again.leave(page, second, "org", "Ý kiến thứ 7 về đảng ủy xã", "").statusCode()).isEqualTo(429);
        assertThat(stored()).isEqualTo(5);
    }

    /** Spam-resistant: honeypot, a form sent faster than a person reads, a forged stamp, link spam — nothing written. */
    @Test
    void shouldRefuseRobotsWithAVietnameseMessageAndWriteNothing() {
        PublicClient robot = new PublicClient(port);
        PublicClient.Form form = robot.form(page);
        HttpResponse<String> fast = robot.leave(page, form, "org", "Gửi ngay lập tức không đọc", "");
        assertThat(fast.statusCode()).isEqualTo(422);
        assertThat(fast.body()).contains("Ý kiến được gửi quá nhanh");
        waitLikeAPerson();
        Map<String, String> honeypot = new LinkedHashMap<>(Map.of("_csrf", form.csrf(), "stamp", form.stamp(),
                "subject", "org", "text", "Quảng cáo sản phẩm tốt", "website", "http://spam.example"));
        assertThat(robot.post(page, honeypot).body()).contains("Không nhận được ý kiến");
        Map<String, String> forged = new LinkedHashMap<>(honeypot);
        forged.put("website", "");
        forged.put("stamp", "1000." + "A".repeat(43));
        assertThat(robot.post(page, forged).body()).contains("Biểu mẫu không hợp lệ");
        HttpResponse<String> links = robot.leave(page, form, "org", "Mua ngay http://a.vn http://b.vn http://c.vn", "");
        assertThat(links.statusCode()).isEqualTo(422);
        assertThat(links.body()).contains("không được chứa quá 2 đường liên kết");
        assertThat(robot.leave(page, form, "org", "tốt", "").body()).contains("phải có ít nhất 5 ký tự");
        assertThat(stored()).isZero();
    }

    /** Seed 002: the window closes by itself; closed, not yet open and unknown windows answer the same plain 404. */
    @Test
    void shouldAnswerPlainNotFoundOnceTheWindowHasClosed() {
        PublicClient visitor = new PublicClient(port);
        PublicClient.Form form = visitor.form(page);
        ConsultationFixture.letTimePass(jdbc, window.id(), Duration.ofDays(10).plusMinutes(1));
        HttpResponse<String> closed = visitor.get(page);
        assertThat(closed.statusCode()).isEqualTo(404);
        assertThat(closed.body()).contains("không tồn tại hoặc đã hết thời hạn lấy ý kiến")
                .doesNotContain("Đảng bộ xã Tân Lập").doesNotContain("Trần Văn An").doesNotContain("<form");
        waitLikeAPerson();
        assertThat(visitor.leave(page, form, "org", "Gửi sau khi đã đóng", "").statusCode()).isEqualTo(404);
        assertThat(stored()).isZero();
        HttpResponse<String> unknown = visitor.get("/public/consultations/" + "x".repeat(32));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo(closed.body());
        assertThat(visitor.get("/public/consultations/1").statusCode()).isEqualTo(404);
    }

    /** Nothing else is public: the committee pages and the API without login. */
    @Test
    void shouldLeakNothingElseWithoutLogin() {
        PublicClient visitor = new PublicClient(port);
        HttpResponse<String> pageWithoutLogin = visitor.get("/units/" + f.tree.id("X1") + "/consultations");
        assertThat(pageWithoutLogin.statusCode()).isEqualTo(302);
        assertThat(pageWithoutLogin.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        HttpResponse<String> api = visitor.get("/api/v1/units/" + f.tree.id("X1") + "/consultations");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.body()).doesNotContain(window.token());
        assertThat(visitor.get("/api/v1/units/" + f.tree.id("X1") + "/consultations/feedback").statusCode()).isEqualTo(401);
        assertThat(visitor.get("/public/consultations").statusCode()).isEqualTo(404);
        assertThat(visitor.get("/public/units/" + f.tree.id("X1")).statusCode()).isEqualTo(404);
    }

    /** Open: write scope on the TCCSĐ only — a viewer is refused, another province sees nothing. */
    @Test
    void shouldOpenAndCloseFromTheCommitteePageWithWriteScopeOnly() {
        consultations.closeEarly(window.id(), "Mở lại bằng trang");
        String path = "/units/" + f.tree.id("X1") + "/consultations";
        LocalDateTime start = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES);
        Map<String, String> fields = Map.of("campaignId", Long.toString(f.campaign),
                "opensAt", start.toString(), "closesAt", start.plusDays(45).toString());

        Http viewer = staff(f.viewerP);
        assertThat(viewer.get("/units/" + f.tree.id("X1C1") + "/consultations").statusCode()).isEqualTo(200);
        assertThat(viewer.get(path).body()).doesNotContain("id=\"open-form\"");
        assertThat(viewer.postForm(path, path, fields).statusCode()).isEqualTo(403);
        Http q = staff(f.staffQ);
        assertThat(q.get(path).statusCode()).isEqualTo(404);

        Http p = staff(f.staffP);
        HttpResponse<String> tooLong = p.postForm(path, path, fields);
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.body()).contains("không được dài quá 30 ngày");
        Map<String, String> week = new LinkedHashMap<>(fields);
        week.put("closesAt", start.plusDays(7).toString());
        HttpResponse<String> opened = p.postForm(path, path, week);
        assertThat(opened.statusCode()).isEqualTo(302);
        String listed = p.get(path).body();
        assertThat(listed).contains("Đã mở đợt lấy ý kiến").contains("Đang mở").contains("/public/consultations/");
        ConsultationSummary created = consultations.consultations(f.tree.id("X1")).getFirst();
        assertThat(created.openedBy()).isEqualTo(f.staffP);

        String close = path + "/" + created.id() + "/close";
        assertThat(p.postForm(path, close, Map.of("closeReason", " ")).body()).contains("Hãy ghi lý do đóng sớm");
        assertThat(p.postForm(path, close, Map.of("closeReason", "Kỳ đánh giá phải làm lại")).statusCode()).isEqualTo(302);
        assertThat(consultations.consultation(created.id()).orElseThrow().closedEarlyBy()).isEqualTo(f.staffP);
        assertThat(new PublicClient(port).get("/public/consultations/" + created.token()).statusCode()).isEqualTo(404);
    }

    /** The API: open with write scope on the TCCSĐ; another province gets 404 and nothing is written. */
    @Test
    void shouldOpenAndListThroughTheApiInScopeOnly() {
        consultations.closeEarly(window.id(), "Mở lại qua API");
        String path = "/api/v1/units/" + f.tree.id("X1") + "/consultations";
        String json = "{\"campaignId\": " + f.campaign + ", \"closesAt\": \""
                + clock.instant().plus(Duration.ofDays(5)) + "\"}";
        Http http = Http.on(port);
        assertThat(http.postJsonBasic(path, json, f.staffQ, ConsultationFixture.PASSWORD).statusCode()).isEqualTo(404);
        assertThat(http.postJsonBasic(path, json, f.viewerP, ConsultationFixture.PASSWORD).statusCode()).isEqualTo(403);
        HttpResponse<String> tooLong = http.postJsonBasic(path, "{\"campaignId\": " + f.campaign + ", \"closesAt\": \""
                + clock.instant().plus(Duration.ofDays(31)) + "\"}", f.staffP, ConsultationFixture.PASSWORD);
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.body()).contains("không được dài quá 30 ngày");
        assertThat(consultations.consultations(f.tree.id("X1"))).hasSize(1);
        HttpResponse<String> opened = http.postJsonBasic(path, json, f.staffP, ConsultationFixture.PASSWORD);
        assertThat(opened.statusCode()).isEqualTo(201);
        assertThat(opened.body()).contains("\"status\":\"OPEN\"").contains("\"publicPath\":\"/public/consultations/");
        HttpResponse<String> listed = http.getBasic(path, f.staffP, ConsultationFixture.PASSWORD);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("\"status\":\"CLOSED\"").contains("Mở lại qua API");
        assertThat(http.getBasic(path, f.staffQ, ConsultationFixture.PASSWORD).statusCode()).isEqualTo(404);
    }
}
