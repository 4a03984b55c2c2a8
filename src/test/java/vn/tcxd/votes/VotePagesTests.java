package vn.tcxd.votes;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.tcxd.Http;
import vn.tcxd.IntegrationTest;
import vn.tcxd.cadres.Cadres;
import vn.tcxd.members.Members;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.security.Accounts;
import vn.tcxd.security.Role;
import vn.tcxd.security.ScopeGrant;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages and API of a confidence vote as their users meet them: the province's commission convenes a
 * session and takes attendance in the browser's forms, the codes appear once, a voter with no account
 * casts on the public ballot page and keeps the receipt, bad ballots get Vietnamese errors, the result and
 * the minutes come after the window, and a lower unit's user sees none of it.
 */
@IntegrationTest
class VotePagesTests {

    static final String PASSWORD = "votes-Pa55word-long";
    static final Pattern SLIP = Pattern.compile("<code class=\"slip\">([0-9A-Z-]{23})</code>");
    static final Pattern RECEIPT = Pattern.compile("id=\"receipt-hash\">([0-9a-f]{64})<");

    @LocalServerPort
    int port;

    @Autowired
    Votes votes;

    @Autowired
    Cadres cadres;

    @Autowired
    Members members;

    @Autowired
    OrgStructure org;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    VoteFixture f;
    String provinceUser;
    String districtUser;

    @BeforeEach
    void setUp() {
        f = new VoteFixture(org, members, cadres, votes, jdbc, clock, 6);
        String suffix = f.tree.prefix().toLowerCase();
        provinceUser = "bt.v." + suffix;
        districtUser = "bt.vd." + suffix;
        accounts.create(provinceUser, "Ban Tổ chức Tỉnh ủy", PASSWORD, false, List.of(new ScopeGrant(f.unit(), Role.STAFF)));
        accounts.create(districtUser, "Ban Xây dựng Đảng", PASSWORD, false, List.of(new ScopeGrant(f.tree.id("D1"), Role.STAFF)));
    }

    private Http as(String user) {
        Http http = Http.on(port);
        assertThat(http.login(user, PASSWORD).statusCode()).isEqualTo(302);
        return http;
    }

    private static long idOf(HttpResponse<String> redirect) {
        Matcher m = Pattern.compile("/votes/(\\d+)").matcher(redirect.headers().firstValue("Location").orElseThrow());
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    @DisplayName("Ban Tổ chức tổ chức đợt, điểm danh, phát mã; đảng viên bỏ phiếu trên trang công khai, giữ mã biên nhận; kết quả và biên bản sau giờ đóng")
    void shouldRunAVoteThroughThePages() throws Exception {
        Http http = as(provinceUser);
        String page = "/units/" + f.unit() + "/votes";
        assertThat(http.get(page).body()).contains("Tổ chức đợt lấy phiếu", "Ủy Viên A " + f.tree.prefix());

        // a session without anybody to vote on is refused in Vietnamese, and nothing is written
        LocalDateTime now = LocalDateTime.now(clock);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "Lấy phiếu giữa nhiệm kỳ " + f.tree.prefix());
        fields.put("body", "COMMITTEE");
        fields.put("heldOn", f.today().toString());
        fields.put("opensAt", now.minusHours(1).withSecond(0).withNano(0).toString());
        fields.put("closesAt", now.plusHours(1).withSecond(0).withNano(0).toString());
        fields.put("decisionNumber", "45-TB/TU");
        fields.put("decisionDate", "2026-11-20");
        fields.put("decisionBody", "Ban Thường vụ Tỉnh ủy");
        HttpResponse<String> refused = http.postForm(page, page, fields);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Cần chọn ít nhất một người được lấy phiếu.");
        assertThat(votes.sessions(f.unit())).isEmpty();

        fields.put("incumbencyIds", Long.toString(f.incumbencies.get(0)));
        HttpResponse<String> convened = http.postForm(page, page, fields);
        assertThat(convened.statusCode()).isEqualTo(302);
        long s = idOf(convened);

        // attendance in the page's form: everyone present, the last one heads the counting board
        assertThat(http.get("/votes/" + s).body()).contains("Điểm danh", "Chốt điểm danh và phát phiếu");
        List<Map.Entry<String, String>> attendance = new ArrayList<>();
        f.committee.forEach(m -> attendance.add(Map.entry("present", m.toString())));
        attendance.add(Map.entry("countingHead", f.committee.get(5).toString()));
        HttpResponse<String> closed = http.postForm("/votes/" + s, "/votes/" + s + "/attendance", attendance);
        assertThat(closed.statusCode()).isEqualTo(302);
        String slips = http.get("/votes/" + s).body();
        List<String> codes = new ArrayList<>();
        Matcher code = SLIP.matcher(slips);
        while (code.find()) codes.add(code.group(1));
        assertThat(codes).hasSize(6).doesNotHaveDuplicates();
        // shown once: the next visit has no code
        assertThat(SLIP.matcher(http.get("/votes/" + s).body()).find()).isFalse();
        assertThat(jdbc.sql("select count(*) from votes.voter where session_id = ? and counting = 'HEAD'").param(s)
                .query(Long.class).single()).isEqualTo(1);

        // a voter without an account, on the public page
        Http voter = Http.on(port);
        assertThat(voter.get("/public/ballot").body()).contains("Nhập mã trên phiếu được phát");
        HttpResponse<String> opened = voter.postForm("/public/ballot", "/public/ballot", Map.of("credential", codes.getFirst()));
        assertThat(opened.body()).contains("Ủy Viên A " + f.tree.prefix(), "Tín nhiệm cao");
        String levelField = "level-" + f.committee.getFirst();
        HttpResponse<String> cast = voter.postForm("/public/ballot", "/public/ballot/cast",
                Map.of("credential", codes.getFirst(), levelField, "HIGH"));
        Matcher receipt = RECEIPT.matcher(cast.body());
        assertThat(receipt.find()).as(cast.body()).isTrue();
        assertThat(voter.postForm("/public/ballot", "/public/ballot/receipt", Map.of("receipt", receipt.group(1))).body())
                .contains("Phiếu có trong bảng công bố");
        assertThat(voter.postForm("/public/ballot", "/public/ballot/cast", Map.of("credential", codes.getFirst(), levelField, "LOW"))
                .body()).contains("Mã bỏ phiếu này đã được dùng");

        // the anonymous API: a used code and a made-up code are refused with Problem Details in Vietnamese
        HttpResponse<String> again = voter.postJson("/api/v1/ballots",
                "{\"credential\":\"" + codes.getFirst() + "\",\"choices\":{\"" + f.committee.getFirst() + "\":\"LOW\"}}");
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("Mã bỏ phiếu này đã được dùng");
        HttpResponse<String> made = voter.postJson("/api/v1/ballots", "{\"credential\":\"00000-00000-00000-00000\",\"choices\":{}}");
        assertThat(made.statusCode()).isEqualTo(422);
        assertThat(made.body()).contains("Mã bỏ phiếu không hợp lệ");
        HttpResponse<String> api = voter.postJson("/api/v1/ballots",
                "{\"credential\":\"" + codes.get(1) + "\",\"choices\":{\"" + f.committee.getFirst() + "\":\"LOW\"}}");
        assertThat(api.statusCode()).isEqualTo(201);
        assertThat(api.body()).containsPattern("\"receipt\":\"[0-9a-f]{64}\"");

        // while the window is open: no result yet, the reason said
        assertThat(http.get("/votes/" + s).body()).contains("Chưa hết thời gian bỏ phiếu");
        HttpResponse<String> early = http.getBasic("/api/v1/vote-sessions/" + s + "/results", provinceUser, PASSWORD);
        assertThat(early.statusCode()).isEqualTo(422);

        f.closeWindow(s);
        HttpResponse<String> results = http.getBasic("/api/v1/vote-sessions/" + s + "/results", provinceUser, PASSWORD);
        assertThat(results.statusCode()).isEqualTo(200);
        assertThat(results.body()).contains("\"high\":1", "\"low\":1", "\"base\":6");
        HttpResponse<String> concluded = http.postJsonBasic("/api/v1/vote-sessions/" + s + "/conclusion",
                "{\"on\":\"" + f.today() + "\",\"decision\":{\"number\":\"46-BC/TU\",\"date\":\"" + f.today()
                        + "\",\"issuingBody\":\"Ban Thường vụ Tỉnh ủy\"}}", provinceUser, PASSWORD);
        assertThat(concluded.statusCode()).isEqualTo(204);
        assertThat(http.get("/votes/" + s).body()).contains("Kết quả lấy phiếu", "Biên bản kiểm phiếu (PDF)");
        // the voter sees only the totals
        String totals = voter.postForm("/public/ballot", "/public/ballot/receipt", Map.of("receipt", receipt.group(1))).body();
        assertThat(totals).contains("6 người được triệu tập, 6 có mặt, 2 phiếu hợp lệ").doesNotContain("Ủy Viên A");
        assertThat(http.get("/votes/" + s + "/board").body()).contains("Đã kiểm tra: 2 phiếu khớp mã băm", receipt.group(1));
        HttpResponse<String> pdf = http.get("/votes/" + s + "/minutes.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");

        // the verification command recomputes every board the account may read and finds the voter's receipt
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        int exit = vn.tcxd.votes.verify.VerifyBoards.run(new String[]{"http://localhost:" + port, provinceUser, PASSWORD,
                receipt.group(1)}, new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
        String report = printed.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(exit).as(report).isZero();
        assertThat(report).contains("session " + s + "  CONCLUDED", "2 ballots", "receipt " + receipt.group(1) + "  counted");
        int missing = vn.tcxd.votes.verify.VerifyBoards.run(new String[]{"http://localhost:" + port, provinceUser, PASSWORD,
                "0".repeat(64)}, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        assertThat(missing).isEqualTo(1);

        // those convened: a fragment the session page opens on demand, or a page of its own
        assertThat(http.getFragment("/votes/" + s + "/voters").body()).doesNotContain("<html").contains("Ủy Viên A " + f.tree.prefix());
        assertThat(http.get("/votes/" + s + "/voters").body()).contains("<html", "Ủy Viên F " + f.tree.prefix());

        // the lower unit's user sees nothing of it: 404 as if it did not exist
        Http lower = as(districtUser);
        assertThat(lower.get("/votes/" + s).statusCode()).isEqualTo(404);
        assertThat(lower.get("/votes/" + s + "/board").statusCode()).isEqualTo(404);
        assertThat(lower.get("/votes/" + s + "/voters").statusCode()).isEqualTo(404);
        assertThat(lower.getBasic("/api/v1/vote-sessions/" + s + "/results", districtUser, PASSWORD).statusCode()).isEqualTo(404);
        assertThat(lower.getBasic("/api/v1/vote-sessions/" + s + "/board", districtUser, PASSWORD).statusCode()).isEqualTo(404);
        assertThat(lower.get("/units/" + f.unit() + "/votes").statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("Điểm danh thiếu số lượng (1/6) trên trang: không phát mã, trang nói rõ lý do")
    void shouldIssueNothingWithoutQuorumOnThePage() {
        long s = f.convene("Điểm danh trên trang");
        Http http = as(provinceUser);
        HttpResponse<String> closed = http.postForm("/votes/" + s, "/votes/" + s + "/attendance", Map.of("present", f.committee.get(0).toString()));
        assertThat(closed.statusCode()).isEqualTo(302);
        // 1 of 6 present: no quorum, the page says so and shows no code
        String after = http.get("/votes/" + s).body();
        assertThat(after).contains("Không đủ số lượng để lấy phiếu: có mặt 1/6");
        assertThat(SLIP.matcher(after).find()).isFalse();

    }
}
