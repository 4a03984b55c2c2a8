package vn.tcxd.reports.ratings;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.tcxd.Http;
import vn.tcxd.IntegrationTest;
import vn.tcxd.evaluations.Period;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.reports.FigureSource;
import vn.tcxd.reports.RatingDistribution;
import vn.tcxd.reports.RatingResults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rating results benchmark ({@code ./mvnw verify -Pbench -Dtest=RatingResultsBenchmark}) on the
 * demo data (eight years of Lam Sơn, ≈ 360,000 ratings): the national distribution of a year
 * through the statistics engine (target ≤ 10 ms), a province's, a commune's (counted, below the
 * counter depth), the whole report of the province and the JSON API as a client sees it. Writes
 * p50/p95/p99 to {@code target/bench/ratings.txt}; asserts correctness only.
 */
@Tag("benchmark")
@IntegrationTest
class RatingResultsBenchmark {

    private static final int SAMPLES = Integer.getInteger("bench.samples", 500);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 50);

    @LocalServerPort
    int port;
    @Autowired
    RatingResults results;
    @Autowired
    OrgStructure org;

    private final StringBuilder report = new StringBuilder();

    @Test
    void benchmark() throws IOException {
        long centre = org.idOfCode("TW").orElseThrow();
        long lamSon = org.idOfCode("LS").orElseThrow();
        Period y2021 = Period.year(2021);
        RatingDistribution nation = results.distribution(centre, y2021);
        assertThat(nation.source()).isEqualTo(FigureSource.LIVE);
        assertThat(RatingRecount.of(nation)).isEqualTo(RatingRecount.of(results.distribution(lamSon, y2021)));
        long commune = org.children(org.children(lamSon, java.time.LocalDate.of(2021, 12, 31)).getFirst().id(),
                java.time.LocalDate.of(2021, 12, 31)).getFirst().id();
        assertThat(results.distribution(commune, y2021).source()).isEqualTo(FigureSource.HISTORY);

        line("Rating results benchmark on the demo data, %d samples after %d warm-up", SAMPLES, WARMUP);
        measure("national distribution of a year 2018–2024 (tallies)", SAMPLES, i -> results.distribution(centre, Period.year(2018 + i % 7)));
        measure("province distribution of 2021 (tallies)", SAMPLES, i -> results.distribution(lamSon, y2021));
        measure("commune distribution of 2021 (counted)", SAMPLES, i -> results.distribution(commune, y2021));
        measure("province report of 2021 (distributions, paragraph, lists)", SAMPLES / 10,
                i -> results.report(lamSon, y2021, Locale.forLanguageTag("vi")));
        Http http = Http.on(port);
        measure("GET /api/v1/units/{TW}/ratings?year=2021 (JSON: the whole report)", SAMPLES / 10, i -> {
            var response = http.getBasic("/api/v1/units/" + centre + "/ratings?year=2021", "admin", "test-admin-Pa55word");
            assertThat(response.statusCode()).isEqualTo(200);
        });
        Path out = Path.of("target", "bench", "ratings.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private void measure(String name, int samples, IntConsumer call) {
        for (int i = 0; i < Math.min(WARMUP, samples); i++) call.accept(i);
        long[] nanos = new long[samples];
        for (int i = 0; i < samples; i++) {
            long started = System.nanoTime();
            call.accept(i);
            nanos[i] = System.nanoTime() - started;
        }
        Arrays.sort(nanos);
        line("%-66s n %4d  p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms", name, samples, nanos[samples / 2] / 1e6,
                nanos[(int) (samples * 0.95)] / 1e6, nanos[(int) (samples * 0.99)] / 1e6);
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        System.out.println(text);
        report.append(text).append('\n');
    }
}
