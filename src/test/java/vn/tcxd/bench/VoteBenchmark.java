package vn.tcxd.bench;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.tcxd.Http;
import vn.tcxd.cadres.CadreAct;
import vn.tcxd.cadres.Cadres;
import vn.tcxd.cadres.CommitteeRole;
import vn.tcxd.cadres.IncumbencyKind;
import vn.tcxd.cadres.SeatEntry;
import vn.tcxd.cadres.Title;
import vn.tcxd.members.MemberImport;
import vn.tcxd.members.MemberImportOutcome;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.Reorganisation;
import vn.tcxd.orgstructure.TreeFixture;
import vn.tcxd.orgstructure.UnitType;
import vn.tcxd.security.Accounts;
import vn.tcxd.security.Role;
import vn.tcxd.security.ScopeGrant;
import vn.tcxd.shared.DecisionRef;
import vn.tcxd.shared.scope.AccessScope;
import vn.tcxd.votes.BoardVerifier;
import vn.tcxd.votes.BulletinBoard;
import vn.tcxd.votes.ConfidenceLevel;
import vn.tcxd.votes.SessionBody;
import vn.tcxd.votes.VoteAct;
import vn.tcxd.votes.VoteOutcome;
import vn.tcxd.votes.VoteResults;
import vn.tcxd.votes.VoteSession;
import vn.tcxd.votes.Votes;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The confidence-vote benchmark ({@code ./mvnw verify -Pbench -Dtest=VoteBenchmark}, docs/performance.md), on a
 * throw-away embedded database without the national dataset or the demo data. Builds a province committee of 2,050
 * members (imported through {@link MemberImport}, seated through the cadres facade), 200 people voted on (holders of
 * the province's titles and of its communes', single-holder flags kept), and one session whose attendance issues
 * 2,000 credentials (40 more voters on paper, 10 absent). Then measures:
 * <ul>
 *   <li>a) 2,000 ballots naming all 200 people cast over HTTP ({@code POST /api/v1/ballots}, anonymous JSON) by a pool
 *       of concurrent clients (target: all within one minute), and asserts no lost or double ballot;</li>
 *   <li>b) the tally {@code Votes.results} with the paper count (target p95 ≤ 500 ms) and, logged in through the login
 *       form as STAFF of the province, the session, board and sessions pages and the anonymous ballot page (target p95
 *       ≤ 300 ms each), and the board's JSON (HTTP Basic).</li>
 * </ul>
 * Writes {@code target/bench/votes.txt}, the plans of the tally's queries to {@code target/bench/votes-plans.txt} and the
 * session and board pages as served to {@code target/bench/votes-*.html}. Asserts correctness only, never time.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tcxd.db.ephemeral=true", "tcxd.demo.enabled=false", "tcxd.admin-password=bench-admin-Pa55word"})
class VoteBenchmark {

    private static final int VOTERS = Integer.getInteger("bench.voters", 2_000);
    private static final int PAPER = 40;
    private static final int ABSENT = 10;
    private static final int PEOPLE = Integer.getInteger("bench.people", 200);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 50);
    private static final int SAMPLES = Integer.getInteger("bench.samples", 50);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 10);
    private static final String PASSWORD = "bench-votes-Pa55word-long";
    private static final LocalDate CONGRESS = LocalDate.of(2025, 10, 10);
    private static final DecisionRef ELECTED = new DecisionRef("01-NQ/ĐH", CONGRESS, "Đại hội đại biểu Đảng bộ tỉnh lần thứ XXI");
    private static final Pattern RECEIPT = Pattern.compile("\"receipt\"\\s*:\\s*\"([0-9a-f]{64})\"");

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    OrgStructure org;
    @Autowired
    MemberImport imports;
    @Autowired
    Cadres cadres;
    @Autowired
    Votes votes;
    @Autowired
    Accounts accounts;
    @Autowired
    Clock clock;

    private final StringBuilder report = new StringBuilder();
    private final StringBuilder plans = new StringBuilder();
    private final List<String> missed = new ArrayList<>();
    private Http http;

    @Test
    void benchmark() throws Exception {
        LocalDate today = LocalDate.now(clock);
        line("TCXD confidence-vote benchmark, %s", LocalDateTime.now(clock).withNano(0));
        line("machine: %d cores, JVM max heap %d MB, Java %s; %s", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"),
                BenchSupport.queryString(dataSource, "select version()"));
        line("load average before: %s (the 2 cores are shared: compare runs with care)", BenchSupport.loadAverage());
        int convened = VOTERS + PAPER + ABSENT;

        // ---- setup, each step timed -------------------------------------------------------------------------------
        line("");
        line("Setup (not part of the measurements)");
        long t = System.nanoTime();
        TreeFixture tree = TreeFixture.standard(org);
        long province = tree.id("P");
        List<Long> communes = new ArrayList<>(List.of(tree.id("D1"), tree.id("D2")));
        for (int i = 1; i <= 7; i++) {
            communes.add(org.apply(new Reorganisation.Establish(new Reorganisation.NewUnit(tree.code("W" + i),
                    "Đảng bộ phường Số " + i + " " + tree.prefix(), null, UnitType.UPPER_GRASSROOTS, province, null),
                    TreeFixture.FOUNDED, TreeFixture.decision(TreeFixture.FOUNDED))));
        }
        step("tree: the standard fixture + 7 wards (%d units of level UPPER_GRASSROOTS under the province)", t, communes.size());

        t = System.nanoTime();
        MemberImportOutcome imported = imports.run("bench-votes.csv", membersCsv(convened, tree.code("X1C1")),
                AccessScope.system("bench"));
        assertThat(imported.imported()).as("%s %s", imported.fileError(), imported.errors().stream().limit(5).toList()).isEqualTo(convened);
        long[] members = BenchSupport.queryIds(dataSource, "select s.member_id from members.member_state s where s.valid_to is null"
                + " and s.unit_id = " + tree.id("X1C1") + " order by s.member_id");
        assertThat(members).hasSize(convened);
        step("members: %,d imported through MemberImport.run (CSV, every check)", t, convened);

        t = System.nanoTime();
        long termId = cadres.apply(new CadreAct.OpenTerm(province, "2025–2030", CONGRESS, CONGRESS.plusYears(5), true,
                "Đại hội đại biểu Đảng bộ tỉnh lần thứ XXI", CONGRESS, 450, new DecisionRef("1500-QĐ/TW", CONGRESS.plusDays(10), "Ban Bí thư")));
        for (int i = 0; i < convened; i++) {
            CommitteeRole role = i == 0 ? CommitteeRole.SECRETARY : i < 4 ? CommitteeRole.DEPUTY_SECRETARY
                    : i < 15 ? CommitteeRole.STANDING : CommitteeRole.MEMBER;
            cadres.apply(new CadreAct.JoinCommittee(termId, members[i], role, SeatEntry.ELECTED, CONGRESS, ELECTED));
        }
        step("committee: term opened, %,d seats through Cadres.apply(JoinCommittee), one by one", t, convened);

        t = System.nanoTime();
        List<Long> incumbencies = appoint(province, communes, members);
        assertThat(incumbencies).hasSize(PEOPLE);
        step("people voted on: %d incumbencies through Cadres.apply(Appoint) at the province and %d communes/wards", t,
                incumbencies.size(), communes.size());

        t = System.nanoTime();
        Instant now = clock.instant();
        long session = votes.convene(new VoteAct.Convene(province, SessionBody.COMMITTEE, "Lấy phiếu tín nhiệm giữa nhiệm kỳ "
                + tree.prefix(), today, now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofHours(3)), incumbencies, null,
                new DecisionRef("45-TB/TU", today.minusDays(10), "Ban Thường vụ Tỉnh ủy")));
        step("session convened (Votes.convene): %,d voters, %d people voted on", t, convened, incumbencies.size());

        t = System.nanoTime();
        Set<Long> present = new HashSet<>();
        Set<Long> paper = new HashSet<>();
        for (int i = 0; i < convened - ABSENT; i++) {
            present.add(members[i]);
            if (i >= VOTERS) paper.add(members[i]);
        }
        Votes.IssuedCredentials issued = votes.takeAttendance(new VoteAct.TakeAttendance(session, present, paper,
                members[20], Set.of(members[21], members[22])));
        assertThat(issued.codes()).hasSize(VOTERS).doesNotHaveDuplicates();
        assertThat(issued.paperBallots()).isEqualTo(PAPER);
        step("attendance (Votes.takeAttendance): %,d present, %,d credentials issued, %d paper ballots", t, present.size(),
                issued.codes().size(), issued.paperBallots());

        VoteSession s = votes.session(session).orElseThrow();
        List<Long> people = s.candidates().stream().map(VoteSession.Candidate::memberId).toList();
        assertThat(people).hasSize(PEOPLE);

        // ---- a) throughput ----------------------------------------------------------------------------------------
        line("");
        line("a) %,d ballots over HTTP (POST /api/v1/ballots, anonymous JSON, each naming all %d people), %d concurrent"
                + " clients (virtual threads)", VOTERS, PEOPLE, CLIENTS);
        List<Map<Long, ConfidenceLevel>> ballots = new ArrayList<>(VOTERS);
        for (int i = 0; i < VOTERS; i++) ballots.add(ballot(new Random(1000L + i), people));
        String[] bodies = new String[VOTERS];
        for (int i = 0; i < VOTERS; i++) bodies[i] = json(issued.codes().get(i), ballots.get(i));
        line("request body: %,d bytes on average", Arrays.stream(bodies).mapToInt(String::length).sum() / VOTERS);

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        // a handful of casts that are not part of the run would hide the JIT; the run is meant cold, as on the day
        long[] nanos = new long[VOTERS];
        String[] receipts = new String[VOTERS];
        int[] status = new int[VOTERS];
        AtomicInteger next = new AtomicInteger();
        String load = BenchSupport.loadAverage();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < VOTERS; i = next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        HttpResponse<String> r = post(client, "/api/v1/ballots", bodies[i]);
                        nanos[i] = System.nanoTime() - t0;
                        status[i] = r.statusCode();
                        Matcher m = RECEIPT.matcher(r.body());
                        receipts[i] = m.find() ? m.group(1) : null;
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) w.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        line("load average before the run: %s; after: %s", load, BenchSupport.loadAverage());
        line("");
        line("%-72s %9s %9s %9s %9s %6s", "a) casting", "p50 ms", "p95 ms", "p99 ms", "max ms", "n");
        line("%-72s %9.1f %9.1f %9.1f %9.1f %6d", "one cast: POST /api/v1/ballots (201 with the receipt)", pct(sorted, 50),
                pct(sorted, 95), pct(sorted, 99), sorted[VOTERS - 1] / 1e6, VOTERS);
        line("all %,d ballots cast in %.1f s = %.0f ballots/s  [target: within 60 s]", VOTERS, seconds, VOTERS / seconds);
        if (seconds > 60) missed.add(String.format(Locale.ROOT, "2,000 ballots within 60 s: %.1f s (%.2f ×)", seconds, seconds / 60));

        // no lost or double ballot
        assertThat(status).as("every cast answered 201").containsOnly(201);
        assertThat(receipts).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(BenchSupport.queryLong(dataSource, "select count(*) from votes.ballot where session_id = " + session))
                .as("rows in votes.ballot").isEqualTo(VOTERS);
        Random pick = new Random(7);
        for (int k = 0; k < 5; k++) {
            int i = pick.nextInt(VOTERS);
            HttpResponse<String> again = post(client, "/api/v1/ballots", json(issued.codes().get(i), ballots.get((i + 1) % VOTERS)));
            assertThat(again.statusCode()).as("a second cast with a used credential").isEqualTo(422);
        }
        assertThat(BenchSupport.queryLong(dataSource, "select count(*) from votes.ballot where session_id = " + session))
                .as("rows in votes.ballot after the refused second casts").isEqualTo(VOTERS);
        BulletinBoard sealedBoard = votes.board(session);
        assertThat(sealedBoard.ballots()).hasSize(VOTERS).allSatisfy(b -> assertThat(b.content()).isNull());

        // the counting board's paper count, then the window closes (time passes)
        List<VoteSession.PaperTally> tallies = new ArrayList<>();
        for (long p : people) tallies.add(new VoteSession.PaperTally(p, 28, 7, 2));
        votes.recordPaperCount(new VoteAct.RecordPaperCount(session, new VoteSession.PaperCount(PAPER, 0, 1, 0, 1, tallies)));
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "update votes.session set closes_at = now() - interval '1 second', opens_at = now() - interval '2 hours' where id = ?")) {
            st.setLong(1, session);
            assertThat(st.executeUpdate()).isEqualTo(1);
        }

        BulletinBoard board = votes.board(session);
        Set<String> onBoard = new HashSet<>();
        board.ballots().forEach(b -> onBoard.add(b.hash()));
        assertThat(onBoard).as("every receipt on the board, nothing else").containsExactlyInAnyOrder(receipts);
        BoardVerifier.Report verified = BoardVerifier.verify(board);
        assertThat(verified.problems()).as("BoardVerifier on the closed board").isEmpty();
        assertThat(verified.ballots()).isEqualTo(VOTERS);
        assertThat(verified.sealed()).isZero();

        // the tally equals what the clients sent, plus the paper count
        Map<Long, int[]> expected = new HashMap<>();
        people.forEach(p -> expected.put(p, new int[] {28, 7, 2, 38 - 37}));
        for (Map<Long, ConfidenceLevel> b : ballots) {
            for (long p : people) {
                ConfidenceLevel l = b.get(p);
                expected.get(p)[l == null ? 3 : l.ordinal()]++;
            }
        }
        VoteResults results = votes.results(session);
        assertThat(results.ballots()).isEqualTo(VOTERS + 38);
        assertThat(results.base()).isEqualTo(convened);
        for (VoteResults.PersonResult r : results.people()) {
            int[] e = expected.get(r.memberId());
            assertThat(new int[] {r.high(), r.confidence(), r.low(), r.blank()}).as("tally of %d", r.memberId()).containsExactly(e);
        }
        assertThat(verified.recomputed()).allSatisfy(x -> assertThat(new int[] {x.high(), x.confidence(), x.low(), x.blank()})
                .containsExactly(expected.get(x.memberId())));
        long flagged = results.people().stream().filter(r -> r.outcome() != VoteOutcome.NONE).count();
        line("checked: %,d rows in votes.ballot, %,d receipts all on the board, 5 second casts refused (422),"
                + " BoardVerifier ok after the window closed, the tally equals the ballots sent + the paper count"
                + " (%d of %d people over 1/2 low)", VOTERS, receipts.length, flagged, PEOPLE);

        // ---- b) tally and pages -----------------------------------------------------------------------------------
        line("");
        line("b) the tally: %,d electronic ballots + %d paper (%d valid), %d people voted on", VOTERS, PAPER, 38, PEOPLE);
        line("%-72s %9s %9s %9s %9s %6s", "Votes facade", "p50 ms", "p95 ms", "p99 ms", "max ms", "n");
        measure("Votes.results(session), window closed, not concluded  [target p95 ≤ 500]", 500,
                i -> votes.results(session));
        // its parts, to see where the time goes
        measure("  part: the ballots' contents over JDBC (select content ... where session_id)", 0, i -> contents(session));
        List<String> contents = contents(session);
        // the parse the tally did before BallotTally (a map per ballot), as BoardVerifier still does
        measure("  for comparison: BallotCodec.parse of every content (2,000 × 200 entries)", 0,
                i -> contents.forEach(vn.tcxd.votes.BallotCodec::parse));
        measure("Votes.board(session) (every ballot with its content, every tag)", 0, i -> votes.board(session));
        measure("BoardVerifier.verify(board) (in memory)", 0, i -> BoardVerifier.verify(board));
        measure("Votes.session(session) (2,050 voters, 200 people)", 0, i -> votes.session(session));
        // what the two heaviest pages ask of the facade; the rest of their time is rendering and writing the HTML
        measure("the session page's facade calls: session + results", 0, i -> {
            votes.session(session);
            votes.results(session);
        });
        measure("the board page's facade calls: session + board + BoardVerifier.verify", 0, i -> {
            votes.session(session);
            BoardVerifier.verify(votes.board(session));
        });
        explain("select content from votes.ballot where session_id = " + session);
        explain("select * from votes.voter where session_id = " + session + " order by full_name collate \"vi-VN-x-icu\", member_id");

        String user = "bench.votes." + province;
        accounts.create(user, "Ban Tổ chức tỉnh " + tree.prefix(), PASSWORD, false, List.of(new ScopeGrant(province, Role.STAFF)));
        http = Http.on(port);
        HttpResponse<String> login = http.login(user, PASSWORD);
        assertThat(login.statusCode()).as("form login").isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        Http anonymous = Http.on(port);
        // -Dbench.jfr=true: a Flight Recorder profile of the server while the pages are measured (same JVM)
        jdk.jfr.Recording recording = null;
        if (Boolean.getBoolean("bench.jfr")) {
            recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
            recording.start();
        }
        line("");
        line("%-72s %9s %9s %9s %9s %6s", "HTTP (HTML: session of STAFF on the province)", "p50 ms", "p95 ms", "p99 ms", "max ms", "n");
        get("GET /votes/{id} (the session page with the results)  [target p95 ≤ 300]", 300, i -> http.get("/votes/" + session));
        get("GET /votes/{id}/board (the board page, verified)  [target p95 ≤ 300]", 300, i -> http.get("/votes/" + session + "/board"));
        get("GET /units/{province}/votes (sessions, the convening form)  [target p95 ≤ 300]", 300,
                i -> http.get("/units/" + province + "/votes"));
        get("GET /public/ballot (anonymous)  [target p95 ≤ 300]", 300, i -> anonymous.get("/public/ballot"));
        get("GET /api/v1/vote-sessions/{id}/board (JSON, HTTP Basic)", 0,
                i -> http.getBasic("/api/v1/vote-sessions/" + session + "/board", user, PASSWORD));
        get("GET /api/v1/vote-sessions/{id}/results (JSON, HTTP Basic)", 0,
                i -> http.getBasic("/api/v1/vote-sessions/" + session + "/results", user, PASSWORD));
        get("GET /api/v1/vote-rule-sets (JSON, HTTP Basic, reads no session: the Basic check alone)", 0,
                i -> http.getBasic("/api/v1/vote-rule-sets", user, PASSWORD));
        if (recording != null) {
            recording.stop();
            Path jfr = Path.of("target/bench/votes-pages.jfr");
            Files.createDirectories(jfr.getParent());
            recording.dump(jfr);
            recording.close();
            line("profile of the pages: %s (jfr print --events jdk.ExecutionSample)", jfr);
        }
        // the two pages as served, to see what their bytes are (target/bench/votes-*.html)
        String sessionPage = http.get("/votes/" + session).body();
        String boardPage = http.get("/votes/" + session + "/board").body();
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/votes-session-page.html"), sessionPage);
        Files.writeString(Path.of("target/bench/votes-board-page.html"), boardPage);
        int votersList = sectionBytes(sessionPage, "<section class=\"card\" id=\"voting\"");
        line("page sizes: /votes/{id} %,d bytes (of which the voters' list %,d), /votes/{id}/board %,d bytes, board JSON %,d bytes",
                sessionPage.getBytes(StandardCharsets.UTF_8).length, votersList, boardPage.getBytes(StandardCharsets.UTF_8).length,
                http.getBasic("/api/v1/vote-sessions/" + session + "/board", user, PASSWORD).body().getBytes(StandardCharsets.UTF_8).length);

        votes.conclude(new VoteAct.Conclude(session, today, new DecisionRef("46-BC/TU", today, "Ban Thường vụ Tỉnh ủy")));
        assertThat(BoardVerifier.verify(votes.board(session)).ok()).as("the concluded board verifies").isTrue();
        line("");
        measure("Votes.results(session), concluded (frozen rows)", 0, i -> votes.results(session));

        line("");
        line("load average after: %s", BenchSupport.loadAverage());
        if (missed.isEmpty()) {
            line("Targets: all met.");
        } else {
            line("Targets MISSED:");
            missed.forEach(m -> line("  - %s", m));
        }
        write();
    }

    // ---- setup helpers --------------------------------------------------------------------------------------------

    /** The import template's columns (vn.tcxd.members.bulk.ImportFiles has the same layout). */
    private static final List<String> HEADERS = List.of("Họ và tên", "Giới tính", "Ngày sinh", "Nơi sinh", "Quê quán", "Dân tộc",
            "Tôn giáo", "Số CCCD", "Số thẻ đảng viên", "Số lý lịch", "Nơi cư trú", "Điện thoại", "Nghề nghiệp",
            "Trình độ GDPT", "Chuyên môn", "Lý luận chính trị", "Ngày quyết định kết nạp", "Ngày lễ kết nạp",
            "Ngày công nhận chính thức", "Mã chi bộ", "Số quyết định kết nạp", "Cơ quan ban hành");
    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ"};
    private static final String[] GIVEN = {"An", "Bình", "Cường", "Dũng", "Hà", "Lan", "Minh", "Nga", "Sơn", "Thủy", "Tuấn",
            "Hương", "Hải", "Linh", "Quang", "Yến", "Khánh", "Phúc", "Trang", "Vinh"};

    /** Members born 1976–1990 (every one may still be appointed), admitted 2016–2023 (after the tree's founding), all in one cell. */
    private static byte[] membersCsv(int n, String cellCode) {
        StringBuilder csv = new StringBuilder(String.join(",", HEADERS)).append('\n');
        for (int i = 0; i < n; i++) {
            boolean woman = i % 3 == 1;
            LocalDate born = LocalDate.of(1976 + i % 15, 1 + i % 12, 1 + i % 28);
            LocalDate admitted = LocalDate.of(2016 + i % 8, 1 + (i / 7) % 12, 1 + (i / 3) % 28);
            Map<String, String> row = new LinkedHashMap<>();
            row.put("Họ và tên", FAMILY[i % FAMILY.length] + (woman ? " Thị " : " Văn ") + GIVEN[(i / FAMILY.length) % GIVEN.length]);
            row.put("Giới tính", woman ? "Nữ" : "Nam");
            row.put("Ngày sinh", d(born));
            row.put("Nơi sinh", "Xã Tân Lập");
            row.put("Quê quán", "Tân Lập");
            row.put("Dân tộc", "Kinh");
            row.put("Tôn giáo", "Không");
            row.put("Trình độ GDPT", "THPT");
            row.put("Chuyên môn", "Đại học");
            row.put("Lý luận chính trị", "Cao cấp");
            row.put("Ngày quyết định kết nạp", d(admitted));
            row.put("Ngày lễ kết nạp", d(admitted.plusDays(18)));
            row.put("Ngày công nhận chính thức", d(admitted.plusDays(18).plusYears(1).plusDays(10)));
            row.put("Mã chi bộ", cellCode);
            row.put("Số quyết định kết nạp", (100 + i) + "-QĐ/HU");
            row.put("Cơ quan ban hành", "Ban Thường vụ Huyện ủy");
            List<String> cells = new ArrayList<>();
            for (String h : HEADERS) cells.add(row.getOrDefault(h, ""));
            csv.append(String.join(",", cells)).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String d(LocalDate date) {
        return date.getDayOfMonth() + "/" + date.getMonthValue() + "/" + date.getYear();
    }

    /**
     * {@code PEOPLE} incumbencies: every title of the province and then of each commune, in rank order, one holder for a
     * single-holder title and several for the others; elected for elected titles, appointed for appointed ones.
     */
    private List<Long> appoint(long province, List<Long> communes, long[] members) {
        Map<String, Integer> several = Map.of("PROVINCIAL.DEPUTY_SECRETARY", 3, "PROVINCIAL.STANDING_MEMBER", 10,
                "PROVINCIAL.COMMITTEE_VICE_CHAIR", 4, "PROVINCIAL.DEPUTY_COMMISSION_HEAD", 12, "PROVINCIAL.DEPARTMENT_DIRECTOR", 20,
                "UPPER_GRASSROOTS.STANDING_MEMBER", 3);
        List<Long> ids = new ArrayList<>();
        List<Long> units = new ArrayList<>();
        units.add(province);
        units.addAll(communes);
        int holder = 0;
        for (long unit : units) {
            UnitType type = unit == province ? UnitType.PROVINCIAL : UnitType.UPPER_GRASSROOTS;
            List<Title> titles = cadres.titles(type).stream().sorted(java.util.Comparator.comparingInt(Title::rank)).toList();
            for (Title title : titles) {
                int n = title.singleHolder() ? 1 : several.getOrDefault(title.code(), 2);
                for (int k = 0; k < n && ids.size() < PEOPLE; k++) {
                    ids.add(cadres.apply(new CadreAct.Appoint(unit, title.code(), members[holder++],
                            title.appointed() ? IncumbencyKind.APPOINTED : IncumbencyKind.ELECTED, CONGRESS.plusDays(20), null,
                            null, new DecisionRef((300 + holder) + "-QĐ/TU", CONGRESS.plusDays(20), "Ban Thường vụ Tỉnh ủy"))));
                }
            }
        }
        return ids;
    }

    /** Mostly high confidence; every 25th person gets a majority of low votes, so that outcomes show. */
    private static Map<Long, ConfidenceLevel> ballot(Random random, List<Long> people) {
        Map<Long, ConfidenceLevel> choices = new HashMap<>();
        for (int j = 0; j < people.size(); j++) {
            double x = random.nextDouble();
            ConfidenceLevel level = j % 25 == 5
                    ? (x < 0.15 ? ConfidenceLevel.HIGH : x < 0.35 ? ConfidenceLevel.CONFIDENCE : x < 0.98 ? ConfidenceLevel.LOW : null)
                    : (x < 0.72 ? ConfidenceLevel.HIGH : x < 0.92 ? ConfidenceLevel.CONFIDENCE : x < 0.98 ? ConfidenceLevel.LOW : null);
            if (level != null) choices.put(people.get(j), level);
        }
        return choices;
    }

    private static String json(String credential, Map<Long, ConfidenceLevel> choices) {
        StringBuilder b = new StringBuilder("{\"credential\":\"").append(credential).append("\",\"choices\":{");
        boolean first = true;
        for (Map.Entry<Long, ConfidenceLevel> e : choices.entrySet()) {
            if (!first) b.append(',');
            first = false;
            b.append('"').append(e.getKey()).append("\":\"").append(e.getValue().name()).append('"');
        }
        return b.append("}}").toString();
    }

    private HttpResponse<String> post(HttpClient client, String path, String body) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json")
                    .header("Accept", "application/json").timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<String> contents(long session) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("select content from votes.ballot where session_id = ?")) {
            st.setLong(1, session);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- measuring ------------------------------------------------------------------------------------------------

    private void step(String what, long startedNanos, Object... args) {
        line("  %-100s %7.1f s", String.format(Locale.ROOT, what, args), (System.nanoTime() - startedNanos) / 1e9);
    }

    private void measure(String label, double targetP95, IntConsumer action) {
        for (int i = 0; i < WARMUP; i++) action.accept(i);
        long[] nanos = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long t0 = System.nanoTime();
            action.accept(i);
            nanos[i] = System.nanoTime() - t0;
        }
        row(label, targetP95, nanos);
    }

    private void get(String label, double targetP95, IntFunction<HttpResponse<String>> request) {
        measure(label, targetP95, i -> {
            HttpResponse<String> r = request.apply(i);
            assertThat(r.statusCode()).as(label).isEqualTo(200);
        });
    }

    private void row(String label, double targetP95, long[] nanos) {
        Arrays.sort(nanos);
        double p95 = pct(nanos, 95);
        line("%-72s %9.1f %9.1f %9.1f %9.1f %6d", label, pct(nanos, 50), p95, pct(nanos, 99), nanos[nanos.length - 1] / 1e6,
                nanos.length);
        if (targetP95 > 0 && p95 > targetP95) {
            missed.add(String.format(Locale.ROOT, "%s: p95 %.1f ms (%.2f × the target)", label.replaceAll("\\s+\\[.*", ""),
                    p95, p95 / targetP95));
        }
    }

    /** The UTF-8 size of the section of a page that starts with {@code opening}, up to its closing tag. */
    private static int sectionBytes(String page, String opening) {
        int from = page.indexOf(opening);
        if (from < 0) return 0;
        int to = page.indexOf("</section>", from);
        return page.substring(from, to < 0 ? page.length() : to).getBytes(StandardCharsets.UTF_8).length;
    }

    private static double pct(long[] sorted, int p) {
        return BenchSupport.percentileMs(sorted, p);
    }

    private void explain(String sql) throws java.sql.SQLException {
        plans.append("-- ").append(sql).append('\n');
        BenchSupport.explain(dataSource, sql, plans);
    }

    private void line(String format, Object... args) {
        String s = args.length == 0 ? format : String.format(Locale.ROOT, format, args);
        System.out.println(s);
        report.append(s).append('\n');
    }

    private void write() throws IOException {
        Path out = Path.of("target/bench/votes.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        Files.writeString(Path.of("target/bench/votes-plans.txt"), plans);
    }
}
