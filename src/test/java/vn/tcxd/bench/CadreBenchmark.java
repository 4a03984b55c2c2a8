package vn.tcxd.bench;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.tcxd.Http;
import vn.tcxd.cadres.CadreFile;
import vn.tcxd.cadres.Cadres;
import vn.tcxd.cadres.Committee;
import vn.tcxd.cadres.PlanCheck;
import vn.tcxd.security.Accounts;
import vn.tcxd.security.Role;
import vn.tcxd.security.ScopeGrant;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cadre benchmark on the national dataset ({@code ./mvnw verify -Pbench -Dtest=CadreBenchmark}; the dataset is
 * generated first when ./data-national has none, and its cadre work is added when it has none, see
 * docs/performance.md). Measures through the facade the planning check of the largest province for 2030–2035
 * (target p95 ≤ 200 ms) and a cadre's file (p95 ≤ 50 ms) for random province leaders and commune and grassroots
 * secretaries; over HTTP, logged in through the login form as the largest province's organisation commission
 * (STAFF on the province), a cadre's file and the pages the commission opens for the province, a commune and a
 * grassroots committee (p95 ≤ 300 ms each). Writes p50/p95/p99 to {@code target/bench/cadres.txt}. Asserts
 * correctness only: the generated planning breaks no cap, the committees have their sizes, every page answers 200.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CadreBenchmark {

    private static final int SAMPLES = Integer.getInteger("bench.samples", 200);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 20);
    static final String PERIOD = "LOCAL_2030_2035";
    static final String PASSWORD = "bench-cadres-Pa55word-long";

    @DynamicPropertySource
    static void dataset(DynamicPropertyRegistry registry) {
        NationalDataset.properties().forEach((key, value) -> registry.add(key, () -> value));
    }

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    Cadres cadres;
    @Autowired
    Accounts accounts;
    @Autowired
    Clock clock;

    private final StringBuilder report = new StringBuilder();
    private final Random random = new Random(2030);
    private Http http;

    @Test
    void benchmark() throws Exception {
        long started = System.nanoTime();
        Properties dataset = NationalDataset.ensureCadres(dataSource);
        double ensured = (System.nanoTime() - started) / 1e9;
        LocalDate today = LocalDate.now(clock);
        line("Cadre benchmark on the national dataset (%s), today %s, load %s", NationalDataset.directory(), today,
                BenchSupport.loadAverage());
        if (ensured > 5) {
            line("cadre work added to the dataset in %.0f s (generator %s s)", ensured, dataset.getProperty("seconds.cadres"));
        }
        line("cadre work: %s terms, %s seats, %s incumbencies, planning %s (2025–2030) + %s (2030–2035), %s training records,"
                        + " %s rotations", dataset.getProperty("cadres.terms"), dataset.getProperty("cadres.seats"),
                dataset.getProperty("cadres.incumbencies"), dataset.getProperty("cadres.plan.LOCAL_2025_2030"),
                dataset.getProperty("cadres.plan.LOCAL_2030_2035"), dataset.getProperty("cadres.training"),
                dataset.getProperty("cadres.rotations"));

        // the largest province by its roll today (the marker's figures), its communes and grassroots committees
        long province = largestProvince(dataset);
        String provinceName = BenchSupport.queryString(dataSource, "select name from orgstructure.unit_tree where unit_id = "
                + province + " and valid_to is null");
        String provincePath = BenchSupport.queryString(dataSource, "select path from orgstructure.unit_tree where unit_id = "
                + province + " and valid_to is null");
        String day = "date '" + today + "'";
        long[] communes = ids("select u.unit_id from orgstructure.unit_tree u join cadres.term t on t.unit_id = u.unit_id"
                + " and t.starts_on <= " + day + " and t.ends_on > " + day + " where u.parent_id = " + province
                + " and u.valid_to is null and u.code like 'X%' order by u.unit_id");
        long[] committees = ids("select u.unit_id from orgstructure.unit_tree u join cadres.term t on t.unit_id = u.unit_id"
                + " and t.starts_on <= " + day + " and t.ends_on > " + day + " where u.type = 'GRASSROOTS_COMMITTEE'"
                + " and u.valid_to is null and u.path like '" + provincePath + "%' order by md5(u.unit_id::text) limit 500");
        line("largest province: %s (unit %d), %d communes, %d grassroots committees sampled", provinceName, province,
                communes.length, committees.length);

        // correctness: the planning keeps the caps, the committee has its size
        PlanCheck check = cadres.planCheck(province, PERIOD, today);
        assertThat(check.overflows()).as("caps of the generated planning").isEmpty();
        assertThat(check.plannedCadres()).isPositive();
        long planned = check.posts().stream().mapToLong(p -> p.entries().size()).sum();
        line("planning check %s: %d posts, %,d entries, %,d planned cadres, %d proposed removals, shares %s", PERIOD,
                check.posts().size(), planned, check.plannedCadres(), check.removals().size(),
                check.shares().stream().map(s -> s.kind() + " " + s.count() + "/" + s.base()).toList());
        long provinceTerm = currentTerm(province);
        Committee committee = cadres.committee(provinceTerm, today);
        assertThat(committee.members()).hasSizeBetween(15, 40);
        line("province committee today: %d members (term %s)", committee.members().size(), committee.term().label());

        // cadres whose files are opened: province leaders, commune and grassroots secretaries holding their post today
        long[] leaders = ids("select distinct member_id from cadres.incumbency where title_code like 'PROVINCIAL.%'"
                + " and starts_on <= " + day + " and (ended_on is null or ended_on > " + day + ") order by member_id");
        long[] secretaries = ids("select member_id from cadres.incumbency where title_code in ('UPPER_GRASSROOTS.SECRETARY',"
                + " 'GRASSROOTS_COMMITTEE.SECRETARY', 'GRASSROOTS_CELL.SECRETARY') and starts_on <= " + day
                + " and (ended_on is null or ended_on > " + day + ") order by md5(member_id::text) limit 5000");
        // the files the province's commission keeps: its communes' and grassroots organisations' secretaries, its officials
        long[] provinceFiles = ids("select i.member_id from cadres.incumbency i join orgstructure.unit_tree u on u.unit_id = i.unit_id"
                + " and u.valid_to is null and u.path like '" + provincePath + "%'"
                + " where i.title_code in ('UPPER_GRASSROOTS.SECRETARY', 'GRASSROOTS_COMMITTEE.SECRETARY', 'GRASSROOTS_CELL.SECRETARY',"
                + " 'PROVINCIAL.DEPARTMENT_DIRECTOR', 'PROVINCIAL.DEPUTY_COMMISSION_HEAD') and i.starts_on <= " + day
                + " and (i.ended_on is null or i.ended_on > " + day + ") order by md5(i.member_id::text) limit 2000");
        CadreFile sample = cadres.file(leaders[0], today).orElseThrow();
        assertThat(sample.positions()).isNotEmpty();

        List<vn.tcxd.cadres.CadreDue> due = cadres.due(province, today, 90);
        assertThat(due).isNotEmpty();
        line("due work of the largest province within 90 days: %d items (%d reappointment notices, %d retirements, %d rotations)",
                due.size(), due.stream().filter(d -> d.kind() == vn.tcxd.cadres.CadreDue.Kind.REAPPOINTMENT_NOTICE).count(),
                due.stream().filter(d -> d.kind() == vn.tcxd.cadres.CadreDue.Kind.RETIREMENT).count(),
                due.stream().filter(d -> d.kind() == vn.tcxd.cadres.CadreDue.Kind.ROTATION_END).count());
        List<vn.tcxd.cadres.CadreDue> own = cadres.dueManagedBy(province, today, 90);
        assertThat(own).isNotEmpty().allSatisfy(d -> assertThat(d.managerId()).isEqualTo(province));
        assertThat(due.stream().filter(d -> d.managerId() == province).count()).as("the province's own work, both ways")
                .isEqualTo(own.size());
        line("of which the province's own work (titles of the level it manages): %d items", own.size());
        line("");
        line("%-70s %9s %9s %9s %6s", "Cadres facade", "p50 ms", "p95 ms", "p99 ms", "n");
        measure("planCheck(largest province, " + PERIOD + ", today)  [target p95 ≤ 200]",
                i -> cadres.planCheck(province, PERIOD, today));
        measure("planCheck(largest province, LOCAL_2025_2030, today)",
                i -> cadres.planCheck(province, "LOCAL_2025_2030", today));
        // the parts of the province's planning and due-work pages that are the facade's
        List<Long> plannedIds = check.posts().stream().flatMap(p -> p.entries().stream()).map(e -> e.memberId()).distinct().toList();
        measure("fileManagers(" + plannedIds.size() + " planned cadres of it, today)  [planning page]",
                i -> cadres.fileManagers(plannedIds, today));
        measure("dueManagedBy(largest province, today, 90 days)  [due-work page]", i -> cadres.dueManagedBy(province, today, 90));
        measure("due(largest province, today, 90 days)  [due-work page, all levels]", i -> cadres.due(province, today, 90));
        measure("file(random province leader, today)  [target p95 ≤ 50]",
                i -> cadres.file(leaders[random.nextInt(leaders.length)], today).orElseThrow());
        measure("file(random commune / grassroots secretary, today)  [target p95 ≤ 50]",
                i -> cadres.file(secretaries[random.nextInt(secretaries.length)], today).orElseThrow());

        // over HTTP as the province's organisation commission
        String user = "bench.cadres." + province;
        if (accounts.find(user).isEmpty()) {
            accounts.create(user, "Ban Tổ chức " + provinceName.replace("Đảng bộ ", ""), PASSWORD, false,
                    List.of(new ScopeGrant(province, Role.STAFF)));
        }
        http = Http.on(port);
        HttpResponse<String> login = http.login(user, PASSWORD);
        assertThat(login.statusCode()).as("form login").isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");

        int hold = Integer.getInteger("bench.holdSeconds", 0);
        if (hold > 0) { // keep the server up for EXPLAIN by hand (psql on the URL printed) and the pages (the port)
            try (var c = dataSource.getConnection()) {
                System.out.println("Holding " + hold + " s: " + c.getMetaData().getURL() + " ; http://localhost:" + port
                        + " as " + user + " / " + PASSWORD + " (province " + province + ", communes " + communes[0] + "…)");
            }
            Thread.sleep(hold * 1000L);
        }
        line("");
        line("%-70s %9s %9s %9s %6s", "HTTP (HTML, session of the province's commission)  [target p95 ≤ 300]", "p50 ms",
                "p95 ms", "p99 ms", "n");
        get("GET /cadres/{memberId}: a file the province keeps", k -> "/cadres/" + provinceFiles[random.nextInt(provinceFiles.length)]);
        pages("the largest province", k -> province, Map.of(province, provinceTerm));
        Map<Long, Long> communeTerms = terms(communes);
        pages("a random commune of it", k -> communes[random.nextInt(communes.length)], communeTerms);
        Map<Long, Long> committeeTerms = terms(committees);
        pages("a random grassroots committee of it", k -> committees[random.nextInt(committees.length)], committeeTerms);
        write();
    }

    /** The pages the commission opens for a unit (the unit chosen per sample). */
    private void pages(String label, IntFunction<Long> unit, Map<Long, Long> currentTerms) {
        get("/units/{id}/cadres — " + label, k -> "/units/" + unit.apply(k) + "/cadres");
        get("/units/{id}/committees — " + label, k -> "/units/" + unit.apply(k) + "/committees");
        get("/committees/{current term} — " + label, k -> "/committees/" + currentTerms.get(unit.apply(k)));
        get("/units/{id}/posts — " + label, k -> "/units/" + unit.apply(k) + "/posts");
        get("/units/{id}/planning?period=" + PERIOD + " — " + label, k -> "/units/" + unit.apply(k) + "/planning?period=" + PERIOD);
        get("/units/{id}/cadres/due (its own work) — " + label, k -> "/units/" + unit.apply(k) + "/cadres/due");
        get("/units/{id}/cadres/due?levels=all — " + label, k -> "/units/" + unit.apply(k) + "/cadres/due?levels=all");
        get("/units/{id}/rotations — " + label, k -> "/units/" + unit.apply(k) + "/rotations");
        get("/units/{id}/cadre-statistics — " + label, k -> "/units/" + unit.apply(k) + "/cadre-statistics");
    }

    private void get(String label, IntFunction<String> path) {
        for (int i = 0; i < WARMUP; i++) {
            fetch(path.apply(i));
        }
        long[] nanos = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            String p = path.apply(i);
            long t = System.nanoTime();
            fetch(p);
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        line("%-70s %9.2f %9.2f %9.2f %6d", label, pct(nanos, 50), pct(nanos, 95), pct(nanos, 99), SAMPLES);
    }

    private void fetch(String path) {
        HttpResponse<String> r = http.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
    }

    private void measure(String label, IntConsumer action) {
        for (int i = 0; i < WARMUP; i++) {
            action.accept(i);
        }
        long[] nanos = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long t = System.nanoTime();
            action.accept(i);
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        line("%-70s %9.2f %9.2f %9.2f %6d", label, pct(nanos, 50), pct(nanos, 95), pct(nanos, 99), SAMPLES);
    }

    private static double pct(long[] sorted, int p) {
        return BenchSupport.percentileMs(sorted, p);
    }

    private long largestProvince(Properties dataset) throws Exception {
        long best = -1;
        long bestRoll = -1;
        for (long id : ids("select unit_id from orgstructure.unit_tree where depth = 1 and valid_to is null and code ~ '^T[0-9]+$'")) {
            String figure = dataset.getProperty("roll.unit." + id);
            long roll = figure == null ? 0 : Long.parseLong(figure.substring(0, figure.indexOf(' ')));
            if (roll > bestRoll) {
                bestRoll = roll;
                best = id;
            }
        }
        return best;
    }

    private long currentTerm(long unit) {
        return cadres.terms(unit).stream().filter(t -> t.covers(LocalDate.now(clock))).findFirst().orElseThrow().id();
    }

    private Map<Long, Long> terms(long[] units) {
        Map<Long, Long> terms = new HashMap<>();
        for (long u : units) {
            terms.put(u, currentTerm(u));
        }
        return terms;
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
        Path out = Path.of("target/bench/cadres.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }
}
