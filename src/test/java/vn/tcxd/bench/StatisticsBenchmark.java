package vn.tcxd.bench;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.tcxd.Http;
import vn.tcxd.reports.Statistics;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statistics benchmark on the national dataset ({@code ./mvnw verify -Pbench -Dtest=StatisticsBenchmark};
 * the dataset is generated first when ./data-national has none, see docs/performance.md). Measures over
 * HTTP (JSON API, Basic authentication, as a client sees it): live figures of the nation, the largest
 * province, a random commune and a random cell; the nation as at past period ends (frozen) and as at
 * arbitrary past dates; the national annual report as xlsx and PDF. Writes p50/p95/p99 to
 * {@code target/bench/statistics.txt}. Asserts correctness only (the nation equals the sum of its
 * provinces and central committees; a date's figures do not depend on the path that answered).
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StatisticsBenchmark {

    private static final int SAMPLES = Integer.getInteger("bench.samples", 200);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 20);

    @DynamicPropertySource
    static void dataset(DynamicPropertyRegistry registry) {
        NationalDataset.properties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("tcxd.reports.freeze-on-start", () -> "false");
    }

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    Statistics statistics;
    @Autowired
    ObjectMapper json;
    @Autowired
    Clock clock;

    private final StringBuilder report = new StringBuilder();
    private final Random random = new Random(1111);
    private Http http;
    private String password;

    @Test
    void benchmark() throws Exception {
        Properties dataset = NationalDataset.ensure();
        password = dataset.getProperty("admin.password");
        http = Http.on(port);
        LocalDate today = LocalDate.now(clock);
        line("Statistics benchmark on the national dataset (%s), today %s, load %s", NationalDataset.directory(),
                today, BenchSupport.loadAverage());

        long started = System.nanoTime();
        if (Boolean.getBoolean("bench.rebuild")) { // the dataset's generator has done it already
            int units = statistics.rebuildLive();
            line("live counters rebuilt for %,d upper units in %.1f s", units, (System.nanoTime() - started) / 1e9);
            started = System.nanoTime();
        }
        int frozen = statistics.freezePeriodEnds(LocalDate.of(2016, 1, 1));
        line("froze %d period ends missing since 2016-01 in %.1f s", frozen, (System.nanoTime() - started) / 1e9);

        long centre = BenchSupport.queryLong(dataSource, "select unit_id from orgstructure.unit_tree"
                + " where type = 'CENTRAL' and valid_to is null limit 1");
        long largest = BenchSupport.queryLong(dataSource, """
                select p.unit_id from orgstructure.unit_tree p
                join orgstructure.unit_tree c on c.path >= p.path and c.path < overlay(p.path placing '0' from length(p.path))
                join members.member_state s on s.unit_id = c.unit_id and s.valid_to is null and s.status in ('PROBATIONARY', 'FULL')
                where p.depth = 1 and p.valid_to is null and c.valid_to is null
                group by p.unit_id order by count(*) desc limit 1""");
        long[] communes = ids("select unit_id from orgstructure.unit_tree where depth = 2 and valid_to is null"
                + " and type = 'UPPER_GRASSROOTS' order by unit_id");
        long[] cells = ids("select unit_id from orgstructure.unit_tree where type = 'CELL' and valid_to is null"
                + " order by random() limit 5000");

        JsonNode nation = get("/api/v1/units/" + centre + "/statistics");
        long provincesSum = 0;
        for (long province : ids("select unit_id from orgstructure.unit_tree where parent_id = " + centre
                + " and valid_to is null")) {
            provincesSum += get("/api/v1/units/" + province + "/statistics").get("members").get("total").asLong();
        }
        line("nation today: %,d members on the roll (sum of provinces and central committees %,d)",
                nation.get("members").get("total").asLong(), provincesSum);
        assertThat(provincesSum).isEqualTo(nation.get("members").get("total").asLong());

        line("");
        line("%-58s %9s %9s %9s %6s", "GET /api/v1/units/{id}/statistics", "p50 ms", "p95 ms", "p99 ms", "n");
        measure("live: the nation (Centre)", k -> "/api/v1/units/" + centre + "/statistics");
        measure("live: the largest province", k -> "/api/v1/units/" + largest + "/statistics");
        measure("live: a random commune", k -> "/api/v1/units/" + communes[random.nextInt(communes.length)] + "/statistics");
        measure("live: a random cell", k -> "/api/v1/units/" + cells[random.nextInt(cells.length)] + "/statistics");
        List<LocalDate> periodEnds = new ArrayList<>();
        for (YearMonth m = YearMonth.of(2016, 1); m.atEndOfMonth().isBefore(today); m = m.plusMonths(1)) {
            periodEnds.add(m.atEndOfMonth());
        }
        measure("nation as at a past period end (month end 2016–)", k -> "/api/v1/units/" + centre
                + "/statistics?asOf=" + periodEnds.get(random.nextInt(periodEnds.size())));
        long span = today.toEpochDay() - LocalDate.of(2016, 2, 1).toEpochDay();
        measure("nation as at an arbitrary past date (2016–)", k -> "/api/v1/units/" + centre
                + "/statistics?asOf=" + LocalDate.of(2016, 2, 1).plusDays(random.nextLong(span)));
        measure("largest province as at an arbitrary past date", k -> "/api/v1/units/" + largest
                + "/statistics?asOf=" + LocalDate.of(2016, 2, 1).plusDays(random.nextLong(span)));

        LocalDate lastYearEnd = LocalDate.of(today.getYear() - 1, 12, 31);
        JsonNode viaSnapshot = get("/api/v1/units/" + centre + "/statistics?asOf=" + lastYearEnd);
        JsonNode viaHistory = get("/api/v1/units/" + centre + "/statistics?asOf=" + lastYearEnd.plusDays(1));
        line("");
        line("nation on %s: %,d (%s); on %s: %,d (%s)", lastYearEnd, viaSnapshot.get("members").get("total").asLong(),
                viaSnapshot.get("source").asString(), lastYearEnd.plusDays(1), viaHistory.get("members").get("total").asLong(),
                viaHistory.get("source").asString());
        // each year's first export fills its forms (cold); the other format then reuses them
        reportExports(centre, lastYearEnd, List.of("xlsx", "pdf"));
        reportExports(centre, lastYearEnd.minusYears(1), List.of("pdf", "xlsx"));
        write();
    }

    /** The national annual report (all forms, year to 31/12) as xlsx and as PDF, if the forms API is there. */
    private void reportExports(long centre, LocalDate yearEnd, List<String> formats) throws IOException {
        line("");
        for (String format : formats) {
            String path = "/api/v1/units/" + centre + "/reports/all." + format + "?from=" + yearEnd.withDayOfYear(1)
                    + "&to=" + yearEnd + "&asOf=" + yearEnd;
            long[] nanos = new long[Integer.getInteger("bench.exportRuns", 1)];
            long bytes = 0;
            for (int i = 0; i < nanos.length; i++) {
                long t = System.nanoTime();
                HttpResponse<String> r = http.getBasic(path, "admin", password);
                nanos[i] = System.nanoTime() - t;
                if (r.statusCode() != 200) {
                    line("national annual report .%s: HTTP %d (%s)", format, r.statusCode(), path);
                    return;
                }
                bytes = r.body().length();
            }
            Arrays.sort(nanos);
            line("national annual report .%s (all forms, %s): slowest %.0f ms, median of %d %.0f ms (%,d chars)", format,
                    yearEnd.getYear(), nanos[nanos.length - 1] / 1e6, nanos.length, nanos[nanos.length / 2] / 1e6, bytes);
        }
    }

    private JsonNode get(String path) {
        HttpResponse<String> r = http.getBasic(path, "admin", password);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private void measure(String label, IntFunction<String> path) {
        for (int i = 0; i < WARMUP; i++) get(path.apply(i));
        long[] nanos = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            String p = path.apply(i);
            long t = System.nanoTime();
            get(p);
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        line("%-58s %9.2f %9.2f %9.2f %6d", label, pct(nanos, 50), pct(nanos, 95), pct(nanos, 99), SAMPLES);
    }

    private static double pct(long[] sorted, int p) {
        return BenchSupport.percentileMs(sorted, p);
    }

    private long[] ids(String sql) throws Exception {
        return BenchSupport.queryIds(dataSource, sql);
    }

    private void line(String format, Object... args) {
        String s = args.length == 0 ? format : String.format(format, args);
        System.out.println(s);
        report.append(s).append('\n');
    }

    private void write() throws IOException {
        Path out = Path.of("target/bench/statistics.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }
}
