package vn.tcxd.bench;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.Reorganisation;
import vn.tcxd.orgstructure.StructureCounts;
import vn.tcxd.orgstructure.UnitType;
import vn.tcxd.shared.DecisionRef;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntConsumer;
import java.util.function.LongConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark command of the organisation tree ({@code ./mvnw verify -Pbench}, docs/performance.md):
 * generates the national tree ({@link NationalTreeGenerator}), then measures, through the
 * {@link OrgStructure} facade and over HTTP when the pages exist, the unit page reads, the as-at
 * tree reads, the Centre's counts and moves of 5,000-unit subtrees. Results go to
 * {@code target/bench/orgstructure.txt}, query plans to {@code target/bench/orgstructure-plans.txt}.
 * The only assertions are on correctness of the generated data and of the moves, never on time.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tcxd.db.ephemeral=true", "tcxd.demo.enabled=false", "tcxd.admin-password=bench-admin-Pa55word",
        "tcxd.db.shared-buffers=2GB"}) // a throw-away database, but sized like a served one (docs/performance.md)
class OrgStructureBenchmark {

    private static final String ADMIN = System.getProperty("bench.admin", "admin");
    private static final String ADMIN_PASSWORD = "bench-admin-Pa55word";
    private static final int WARMUP = Integer.getInteger("bench.warmup", 200);
    private static final int SAMPLES = Integer.getInteger("bench.samples", 1000);
    private static final LocalDate HISTORY_FROM = LocalDate.of(2020, 1, 1);
    private static final LocalDate HISTORY_TO = LocalDate.of(2025, 12, 31);

    @Autowired
    private OrgStructure orgStructure;

    @Autowired
    private DataSource dataSource;

    @Autowired
    private Clock clock;

    @LocalServerPort
    private int port;

    private final Random random = new Random(20251);
    private final StringBuilder report = new StringBuilder();
    private final StringBuilder plans = new StringBuilder();

    // every stored version: (unit, from, to) for choosing units and dates
    private long[] versionUnit;
    private int[] versionFrom;
    private int[] versionTo;
    private long[] currentUnits;

    @Test
    void benchmark() throws Exception {
        LocalDate today = LocalDate.now(clock);
        line("TCXD orgstructure benchmark, %s", LocalDateTime.now(clock).withNano(0));
        line("machine: %d cores, JVM max heap %d MB, Java %s, %s %s; today = %s", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"), System.getProperty("os.name"),
                System.getProperty("os.arch"), today);
        line("PostgreSQL: %s", BenchSupport.queryString(dataSource, "select version()"));
        line("load average before: %s (the 2 cores are shared: compare runs with care)", BenchSupport.loadAverage());

        NationalTreeGenerator.Result tree = NationalTreeGenerator.generateOnce(dataSource, 2025_07_01L);
        line("");
        line("generated %,d units, %,d versions, %,d events, %,d operations in %.1f s (COPY + VACUUM ANALYZE)",
                tree.units(), tree.versions(), tree.events(), tree.operations(), tree.seconds());
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            line("unit_version pages all-visible (index-only scans): %.1f%%", 100 * NationalTreeGenerator.allVisibleShare(st));
        }
        verifyGenerated(tree, today);
        loadVersions();

        long centre = tree.centreId();
        List<Long> provinces = tree.provinceIds();
        line("");
        line("%-58s %8s %8s %8s %8s %8s %6s", "operation", "p50 ms", "p95 ms", "p99 ms", "max ms", "mean ms", "n");

        // b) the unit page: unit + children + counts + history, as of today
        LongConsumer unitPage = id -> {
            orgStructure.unit(id, today).orElseThrow();
            orgStructure.children(id, today);
            orgStructure.counts(id, today);
            orgStructure.history(id);
        };
        measure("unit page, random current unit", WARMUP, SAMPLES, k -> unitPage.accept(randomCurrentUnit()));
        measure("unit page, random province / central committee", 20, Math.min(SAMPLES, 200),
                k -> unitPage.accept(provinces.get(random.nextInt(provinces.size()))));
        long largestProvince = BenchSupport.queryLong(dataSource, "select p.unit_id from orgstructure.unit_version p join orgstructure.unit_version d"
                + " on d.path >= p.path and d.path < left(p.path, -1) || '0' and d.valid_to is null"
                + " where p.depth = 1 and p.valid_to is null group by p.unit_id order by count(*) desc limit 1");
        measure("unit page, the largest province", 5, 50, k -> unitPage.accept(largestProvince));
        measure("unit page, the Centre", 3, 20, k -> unitPage.accept(centre));

        // c) the tree as at a past date: children + counts
        measure("as-at tree, random unit, random date 2020-2025", WARMUP, SAMPLES, k -> {
            long[] pick = randomVersionAndDate(k % 3 == 0);
            LocalDate date = LocalDate.ofEpochDay(pick[1]);
            orgStructure.children(pick[0], date);
            orgStructure.counts(pick[0], date);
        });
        measure("as-at tree, random province, random date 2020-2025", 20, Math.min(SAMPLES, 200), k -> {
            long id = provinces.get(random.nextInt(provinces.size()));
            LocalDate date = randomDate(k % 3 == 0);
            orgStructure.children(id, date);
            orgStructure.counts(id, date);
        });

        // the largest subtree, reported on its own
        measure("counts(largest province, today)", 5, 50, k -> orgStructure.counts(largestProvince, today));
        measure("counts(Centre, today)", 3, 20, k -> orgStructure.counts(centre, today));
        measure("counts(Centre, 2024-06-30)", 3, 20, k -> orgStructure.counts(centre, LocalDate.of(2024, 6, 30)));
        measure("children(Centre, today)", 3, 20, k -> orgStructure.children(centre, today));

        // the same pages over HTTP, once they exist (the web layer is built in parallel)
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
        String session = formLogin(browser);
        HttpClient api = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String basic = "Basic " + Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        http(browser, session, "GET /units/{id} (HTML page, logged-in session)", "/units/", () -> randomCurrentUnit() + "");
        http(browser, session, "GET /units/{id}?asOf=<2020-2025> (HTML, session)", "/units/", () -> {
            long[] pick = randomVersionAndDate(random.nextInt(3) == 0);
            return pick[0] + "?asOf=" + LocalDate.ofEpochDay(pick[1]);
        });
        http(browser, session, "GET /units/{largest province} (HTML, session)", "/units/", () -> largestProvince + "");
        // what the web stack costs without a tree read: security filters, session, layout rendering
        http(browser, session, "GET /units/search (HTML, session, no tree read)", "/units/search", () -> "");
        http(api, basic, "GET /api/v1/units/{id} (JSON, HTTP Basic)", "/api/v1/units/", () -> randomCurrentUnit() + "");
        // what HTTP Basic itself costs: a stateless API checks the password hash on every request
        http(api, basic, "GET /api/v1/link-rules (JSON, HTTP Basic, no tree read)", "/api/v1/link-rules", () -> "");

        explainPlans(centre, largestProvince, today);

        // a) moving subtrees of about 5,000 units between central committees
        line("");
        line("a) moving a subtree of ~5,000 units (OrgStructure.apply(Move)), one run each:");
        List<Long> large = tree.largeAgencyIds();
        LocalDate on = LocalDate.of(2026, 1, 1);
        List<Double> moveTimes = new ArrayList<>();
        for (int k = 0; k < Math.min(5, large.size()); k++) {
            long unit = large.get(k);
            StructureCounts before = orgStructure.counts(unit, on.minusDays(1));
            long oldParent = orgStructure.unit(unit, on.minusDays(1)).orElseThrow().parent().id();
            LocalDate day = on;
            long newParent = provinces.stream().filter(p -> p != oldParent)
                    .filter(p -> orgStructure.unit(p, day).orElseThrow().code().startsWith("TW"))
                    .skip(k % 3).findFirst().orElseThrow();
            DecisionRef decision = new DecisionRef((100 + k) + "-QĐ/TW", on.minusDays(10), "Bộ Chính trị");
            long t0 = System.nanoTime();
            orgStructure.apply(new Reorganisation.Move(unit, newParent, on, decision));
            double ms = (System.nanoTime() - t0) / 1e6;
            moveTimes.add(ms);
            StructureCounts after = orgStructure.counts(unit, on);
            assertThat(after.byType()).isEqualTo(before.byType());
            assertThat(orgStructure.unit(unit, on).orElseThrow().parent().id()).isEqualTo(newParent);
            assertThat(orgStructure.unit(unit, on.minusDays(1)).orElseThrow().parent().id()).isEqualTo(oldParent);
            line("   move %-55s %,6d units on %s: %8.1f ms", "'" + orgStructure.unit(unit, on).orElseThrow().name() + "'",
                    after.total() + 1, on, ms);
            on = on.plusMonths(1);
        }
        double[] sorted = moveTimes.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        line("   move ~5,000 units: median %.1f ms, max %.1f ms (target <= 5,000 ms)", sorted[sorted.length / 2],
                sorted[sorted.length - 1]);

        measure("unit page, random current unit (after the moves)", 50, Math.min(SAMPLES, 300),
                k -> unitPage.accept(randomCurrentUnit()));

        line("");
        line("load average after: %s", BenchSupport.loadAverage());
        Path dir = Path.of("target", "bench");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("orgstructure.txt"), report, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("orgstructure-plans.txt"), plans, StandardCharsets.UTF_8);
        System.out.println("Benchmark written to " + dir.resolve("orgstructure.txt").toAbsolutePath());
    }

    // ---- measuring --------------------------------------------------------------------------

    private void measure(String label, int warmup, int samples, IntConsumer call) {
        for (int k = 0; k < warmup; k++) {
            call.accept(k);
        }
        long[] nanos = new long[samples];
        for (int k = 0; k < samples; k++) {
            long t0 = System.nanoTime();
            call.accept(k);
            nanos[k] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
        line("%-58s %8.2f %8.2f %8.2f %8.2f %8.2f %6d", label, pct(nanos, 50), pct(nanos, 95), pct(nanos, 99),
                nanos[nanos.length - 1] / 1e6, mean, samples);
    }

    /** Nearest-rank percentile, in milliseconds. */
    private static double pct(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    /**
     * Logs in through the login form (session cookie kept by the client's cookie manager); null
     * when there is no such form in this branch.
     */
    private String formLogin(HttpClient client) throws IOException, InterruptedException {
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        var csrf = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"")
                .matcher(page.body());
        if (page.statusCode() != 200 || !csrf.find()) {
            line("(no login form: GET /login answered %d)", page.statusCode());
            return null;
        }
        String token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
        String form = "username=" + ADMIN + "&password=" + ADMIN_PASSWORD + "&_csrf="
                + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8);
        HttpResponse<Void> login = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        String location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || location.contains("error")) {
            line("(form login as %s failed: %d %s)", ADMIN, login.statusCode(), location);
            return null;
        }
        return "";
    }

    /** {@code auth}: an Authorization header value, "" for the client's session cookie, null when not logged in. */
    private void http(HttpClient client, String auth, String label, String prefix, java.util.function.Supplier<String> target)
            throws IOException, InterruptedException {
        if (auth == null) {
            line("%-58s skipped: not logged in (see the line above)", label);
            return;
        }
        int status = get(client, auth, prefix + target.get());
        if (status != 200) {
            line("%-58s skipped: GET %s… answered %d (%s)", label, prefix, status, status == 404
                    ? "endpoint not in this branch yet" : "not served to the admin in this branch");
            return;
        }
        measure(label, WARMUP, Math.min(SAMPLES, 500), k -> {
            try {
                int s = get(client, auth, prefix + target.get());
                if (s != 200) {
                    throw new IllegalStateException(prefix + " answered " + s);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    private int get(HttpClient client, String auth, String path) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Language", "vi").GET();
        if (!auth.isEmpty()) {
            request.header("Authorization", auth);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    // ---- choosing units and dates -----------------------------------------------------------

    private long randomCurrentUnit() {
        return currentUnits[random.nextInt(currentUnits.length)];
    }

    private LocalDate randomDate(boolean aroundReform) {
        if (aroundReform) {
            return NationalTreeGenerator.REFORM.plusDays(random.nextInt(21) - 10);
        }
        long from = HISTORY_FROM.toEpochDay();
        return LocalDate.ofEpochDay(from + random.nextInt((int) (HISTORY_TO.toEpochDay() - from + 1)));
    }

    /** A unit and a date on which it existed: {unitId, epochDay}. */
    private long[] randomVersionAndDate(boolean aroundReform) {
        while (true) {
            LocalDate date = randomDate(aroundReform);
            int day = (int) date.toEpochDay();
            int v = random.nextInt(versionUnit.length);
            if (versionFrom[v] <= day && (versionTo[v] == 0 || versionTo[v] > day)) {
                return new long[] {versionUnit[v], day};
            }
        }
    }

    private void loadVersions() throws SQLException {
        List<long[]> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select unit_id, valid_from - date '1970-01-01',"
                     + " coalesce(valid_to - date '1970-01-01', 0) from orgstructure.unit_version")) {
            while (rs.next()) {
                rows.add(new long[] {rs.getLong(1), rs.getInt(2), rs.getInt(3)});
            }
        }
        versionUnit = rows.stream().mapToLong(r -> r[0]).toArray();
        versionFrom = rows.stream().mapToInt(r -> (int) r[1]).toArray();
        versionTo = rows.stream().mapToInt(r -> (int) r[2]).toArray();
        currentUnits = rows.stream().filter(r -> r[2] == 0).mapToLong(r -> r[0]).toArray();
    }

    // ---- correctness of the generated data --------------------------------------------------

    private void verifyGenerated(NationalTreeGenerator.Result tree, LocalDate today) throws SQLException {
        StructureCounts now = orgStructure.counts(tree.centreId(), today);
        StructureCounts before = orgStructure.counts(tree.centreId(), LocalDate.of(2025, 6, 30));
        for (UnitType type : UnitType.values()) {
            if (type != UnitType.CENTRAL) {
                assertThat(now.count(type)).as("current %s", type).isEqualTo(tree.currentByType()[type.ordinal()]);
            }
        }
        line("as at %s under the Centre: %s", today, describe(now));
        line("as at 2025-06-30 under the Centre: %s", describe(before));
        assertThat(before.count(UnitType.UPPER_GRASSROOTS)).isLessThan(now.count(UnitType.UPPER_GRASSROOTS));
        // the subtree range of every current path holds exactly its descendants (no broken paths)
        assertThat(BenchSupport.queryLong(dataSource, "select count(*) from orgstructure.unit_version v join orgstructure.unit_version p"
                + " on p.unit_id = v.parent_id and p.valid_to is null where v.valid_to is null"
                + " and (v.path <> p.path || v.unit_id || '/' or v.depth <> p.depth + 1)")).isZero();
        assertThat(BenchSupport.queryLong(dataSource, "select count(*) from orgstructure.unit_version a join orgstructure.unit_version b"
                + " on a.unit_id = b.unit_id and a.id < b.id and a.valid_from < coalesce(b.valid_to, 'infinity')"
                + " and b.valid_from < coalesce(a.valid_to, 'infinity')")).as("overlapping versions").isZero();
        line("units with 2+ versions: %,d; largest province subtree: %,d units", BenchSupport.queryLong(dataSource, 
                "select count(*) from (select unit_id from orgstructure.unit_version group by unit_id having count(*) > 1) x"),
                BenchSupport.queryLong(dataSource, "select max(n) from (select count(*) n from orgstructure.unit_version p join orgstructure.unit_version d"
                        + " on d.path >= p.path and d.path < left(p.path, -1) || '0' and d.valid_to is null"
                        + " where p.depth = 1 and p.valid_to is null group by p.unit_id) x"));
    }

    private static String describe(StructureCounts counts) {
        StringBuilder s = new StringBuilder();
        for (UnitType type : UnitType.values()) {
            if (counts.count(type) > 0) {
                s.append(type.name()).append('=').append(String.format(Locale.ROOT, "%,d", counts.count(type))).append(' ');
            }
        }
        return s.append("total=").append(String.format(Locale.ROOT, "%,d", counts.total())).toString();
    }

    // ---- plans ------------------------------------------------------------------------------

    /** EXPLAIN ANALYZE of the reads behind the numbers (SQL as TreeRepository issues it). */
    private void explainPlans(long centre, long largestProvince, LocalDate today) throws SQLException {
        long province = largestProvince;
        long cell = randomCurrentUnit();
        String countSubtree = """
                select v.type, count(*) from orgstructure.unit_version v
                where v.path >= '%3$s' and v.path < '%4$s'
                  and v.valid_from <= date '%2$s' and (v.valid_to is null or v.valid_to > date '%2$s')
                  and v.unit_id <> %1$d
                group by v.type""";
        String children = """
                select v.unit_id, u.code, v.name, v.short_name, v.type, v.parent_id, v.depth,
                  (select count(*) from orgstructure.unit_version c where c.parent_id = v.unit_id
                     and c.valid_from <= date '%2$s' and (c.valid_to is null or c.valid_to > date '%2$s'))
                from orgstructure.unit_version v join orgstructure.unit u on u.id = v.unit_id
                where v.parent_id = %1$d and v.valid_from <= date '%2$s' and (v.valid_to is null or v.valid_to > date '%2$s')
                order by v.name collate "vi-VN-x-icu", u.code""";
        for (Object[] q : List.of(
                new Object[] {"countSubtree(Centre, today)", countSubtree, centre, today},
                new Object[] {"countSubtree(Centre, 2024-06-30)", countSubtree, centre, LocalDate.of(2024, 6, 30)},
                new Object[] {"countSubtree(province, today)", countSubtree, province, today},
                new Object[] {"countSubtree(province, 2025-06-30)", countSubtree, province, LocalDate.of(2025, 6, 30)},
                new Object[] {"countSubtree(random unit, today)", countSubtree, cell, today},
                new Object[] {"children(province, today)", children, province, today},
                new Object[] {"children(province, 2025-06-30)", children, province, LocalDate.of(2025, 6, 30)})) {
            String path = BenchSupport.queryString(dataSource, "select path from orgstructure.unit_version where unit_id = " + q[2]
                    + " and valid_from <= date '" + q[3] + "' and (valid_to is null or valid_to > date '" + q[3] + "')");
            String sql = ((String) q[1]).formatted(q[2], q[3], path, path.substring(0, path.length() - 1) + "0");
            plans.append("==== ").append(q[0]).append('\n').append(sql).append('\n');
            BenchSupport.explain(dataSource, sql, plans);
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        report.append(text).append('\n');
        System.out.println(text);
    }
}
