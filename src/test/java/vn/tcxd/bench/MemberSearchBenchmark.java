package vn.tcxd.bench;

import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.conf.ParamType;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.tcxd.members.MemberFilter;
import vn.tcxd.members.MemberPage;
import vn.tcxd.members.MemberSummary;
import vn.tcxd.members.Members;
import vn.tcxd.members.internal.NationalMemberGenerator;
import vn.tcxd.shared.VietnameseText;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The member search benchmark ({@code ./mvnw verify -Pbench -Dtest=MemberSearchBenchmark},
 * docs/performance.md): on the national tree ({@link NationalTreeGenerator}, shared with
 * {@link OrgStructureBenchmark} when both run in one JVM) writes ~5.6 million members
 * ({@link NationalMemberGenerator}), then measures {@code Members.search} by name (with and without
 * diacritics, common, rare, family name only, partial given name), by CCCD and by card number,
 * nationally, in the largest province and in a commune, and {@code Members.list} (first page) of a
 * cell, a commune and a province. Results go to {@code target/bench/members.txt}, the plans of
 * the SQL the repository issued to {@code target/bench/members-plans.txt}. Assertions are on
 * correctness only (results within scope, matching, in Vietnamese order), never on time. The same
 * Spring context as {@link OrgStructureBenchmark} (same annotation and properties), so one server and one tree.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tcxd.db.ephemeral=true", "tcxd.demo.enabled=false", "tcxd.admin-password=bench-admin-Pa55word",
        "tcxd.db.shared-buffers=2GB"}) // a throw-away database, but sized like a served one (docs/performance.md)
class MemberSearchBenchmark {

    private static final int MEMBERS = Integer.getInteger("bench.members", 5_600_000);
    private static final int SAMPLES = Integer.getInteger("bench.samples", 200);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 20);
    /** Stop a slow case after this many seconds of samples (the percentiles then use fewer samples). */
    private static final double CASE_SECONDS = Double.parseDouble(System.getProperty("bench.caseSeconds", "20"));

    private static final List<String> COMMON = List.of("Nguyễn Văn An", "Nguyễn Thị Hương", "Trần Văn Hùng",
            "Lê Thị Lan", "Phạm Văn Minh", "Nguyễn Văn Nam", "Nguyễn Thị Trang", "Hoàng Văn Dũng");
    private static final List<String> FAMILY_ONLY = List.of("tran", "pham", "hoang", "dang", "nguyen");
    private static final List<String> PARTIAL_GIVEN = List.of("nguyen van hu", "nguyen thi huo", "tran thi th",
            "le van du", "pham ngoc lin");
    /** Fragments from the middle of a name: no prefix, tens of thousands of matches spread deep in the order. */
    private static final List<String> MID_NAME = List.of("thi huo", "van hun", "thi th");

    /**
     * {@code -Dbench.dataset=national}: search the persistent national dataset ({@link NationalDataset}, members
     * with their history; generated first when absent) instead of generating current members here. Read-only.
     */
    private static final boolean NATIONAL = "national".equals(System.getProperty("bench.dataset"));

    @DynamicPropertySource
    static void dataset(DynamicPropertyRegistry registry) {
        if (NATIONAL) {
            NationalDataset.properties().forEach((key, value) -> registry.add(key, () -> value));
        }
    }

    @Autowired
    private Members members;

    @Autowired
    private DataSource dataSource;

    @Autowired
    private DSLContext dsl;

    @Autowired
    private Clock clock;

    private final Random random = new Random(560);
    private final StringBuilder report = new StringBuilder();
    private final StringBuilder plans = new StringBuilder();
    private LocalDate today;

    /** A sample of members with their cell, commune (null when not under a commune) and province. */
    private record Sample(long id, String fullName, String citizenId, String cardNumber, long cell, Long commune,
                          long province) {
    }

    private List<Sample> samples;
    private long largestProvince;
    private long[] communes;
    private List<String> rareNames;
    private volatile boolean capture;
    private final List<String> captured = new ArrayList<>();

    @Test
    void benchmark() throws Exception {
        try {
            run();
        } finally {
            int hold = Integer.getInteger("bench.holdSeconds", 0);
            if (hold > 0) { // keep the loaded server up for EXPLAIN by hand (psql on the URL printed)
                try (Connection c = dataSource.getConnection()) {
                    System.out.println("Holding " + hold + " s: " + c.getMetaData().getURL());
                }
                Thread.sleep(hold * 1000L);
            }
        }
    }

    private void run() throws Exception {
        today = LocalDate.now(clock);
        line("TCXD member search benchmark, %s", LocalDateTime.now(clock).withNano(0));
        line("machine: %d cores, JVM max heap %d MB, Java %s; today = %s", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"), today);
        line("PostgreSQL: %s", BenchSupport.queryString(dataSource, "select version()"));
        line("load average before: %s (the 2 cores are shared: compare runs with care)", BenchSupport.loadAverage());

        long treeStart = System.nanoTime();
        if (NATIONAL) {
            line("");
            line("dataset: the national dataset in %s (members with history since 2011)", NationalDataset.directory());
        } else {
            NationalTreeGenerator.Result tree = NationalTreeGenerator.generateOnce(dataSource, 2025_07_01L);
            line("");
            line("tree: %,d units (%s, %.1f s)", tree.units(),
                    (System.nanoTime() - treeStart) / 1e9 < 1 ? "reused from this JVM's earlier benchmark" : "generated",
                    (System.nanoTime() - treeStart) / 1e9);
        }
        if (!NATIONAL && BenchSupport.queryLong(dataSource, "select count(*) from members.member") == 0) {
            NationalMemberGenerator.Result generated = NationalMemberGenerator.generate(dataSource, 5_600_000L, MEMBERS, today);
            line("generated %,d members on %,d cells in %.1f s (COPY %.1f s, indexes %.1f s, VACUUM ANALYZE %.1f s)",
                    generated.members(), generated.cells(), generated.seconds(), generated.copySeconds(),
                    generated.indexSeconds(), generated.vacuumSeconds());
        }
        line("members.member: %s, member_state: %s, member_event: %s (table + indexes)",
                BenchSupport.queryString(dataSource, "select pg_size_pretty(pg_total_relation_size('members.member'))"),
                BenchSupport.queryString(dataSource, "select pg_size_pretty(pg_total_relation_size('members.member_state'))"),
                BenchSupport.queryString(dataSource, "select pg_size_pretty(pg_total_relation_size('members.member_event'))"));
        describeData();
        installCapture();

        line("");
        line("%-62s %8s %8s %8s %8s %6s %6s", "operation", "p50 ms", "p95 ms", "p99 ms", "max ms", "rows", "n");
        List<Long> national = null;
        Supplier<List<Long>> province = () -> List.of(largestProvince);
        Supplier<List<Long>> commune = () -> List.of(communes[random.nextInt(communes.length)]);
        Object[][] scopes = {{"national", (Supplier<List<Long>>) () -> national}, {"largest province", province},
                {"commune", commune}};
        for (Object[] scope : scopes) {
            String where = (String) scope[0];
            @SuppressWarnings("unchecked")
            Supplier<List<Long>> roots = (Supplier<List<Long>>) scope[1];
            line("-- search, scope: %s", where);
            search("common full name, no diacritics (\"nguyen van an\" …)", roots,
                    k -> VietnameseText.fold(COMMON.get(k % COMMON.size())));
            search("common full name, diacritics (\"Nguyễn Thị Hương\" …)", roots, k -> COMMON.get(k % COMMON.size()));
            search("rare full name (<= 2 nationally)", roots, k -> rareNames.get(k % rareNames.size()));
            search("family name only (\"tran\" …)", roots, k -> FAMILY_ONLY.get(k % FAMILY_ONLY.size()));
            search("partial given name (\"nguyen van hu\", \"nguyen thi huo\" …)", roots,
                    k -> PARTIAL_GIVEN.get(k % PARTIAL_GIVEN.size()));
            search("mid-name fragment (\"thi huo\", \"van hun\", \"thi th\")", roots,
                    k -> MID_NAME.get(k % MID_NAME.size()));
            // identifiers of members inside the scope, so that each search finds one
            search("CCCD exact", () -> List.of(-1L), k -> "citizen:" + where);
            search("card number exact", () -> List.of(-1L), k -> "card:" + where);
        }
        line("-- list, first page of 50 (total counted)");
        list("list, random cell", () -> samples.get(random.nextInt(samples.size())).cell());
        list("list, random commune", () -> communes[random.nextInt(communes.length)]);
        list("list, the largest province", () -> largestProvince);

        line("");
        line("load average after: %s", BenchSupport.loadAverage());
        Path dir = Path.of("target", "bench");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("members.txt"), report, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("members-plans.txt"), plans, StandardCharsets.UTF_8);
        System.out.println("Benchmark written to " + dir.resolve("members.txt").toAbsolutePath());
    }

    // ---- the cases --------------------------------------------------------------------------

    private void search(String label, Supplier<List<Long>> roots, IntFunction<String> query) throws SQLException {
        String byId = query.apply(0);
        boolean identifier = byId.startsWith("citizen:") || byId.startsWith("card:");
        String scopeName = identifier ? byId.substring(byId.indexOf(':') + 1) : null;
        IntFunction<Object[]> call = k -> {
            if (!identifier) {
                return new Object[] {query.apply(k), roots.get()};
            }
            Sample s = samples.get(random.nextInt(samples.size()));
            while ("commune".equals(scopeName) && s.commune() == null
                    || "largest province".equals(scopeName) && s.province() != largestProvince) {
                s = samples.get(random.nextInt(samples.size()));
            }
            List<Long> within = switch (scopeName) {
                case "national" -> null;
                case "largest province" -> List.of(s.province());
                default -> List.of(s.commune());
            };
            return new Object[] {byId.startsWith("citizen:") ? s.citizenId() : s.cardNumber(), within, s};
        };
        long[] rows = {0};
        measure(label, k -> {
            Object[] args = call.apply(k);
            @SuppressWarnings("unchecked")
            List<Long> within = (List<Long>) args[1];
            List<MemberSummary> found = members.search((String) args[0], within, today, 20);
            rows[0] += found.size();
            if (k < 3) {
                check((String) args[0], within, found, args.length > 2 ? (Sample) args[2] : null);
            }
        }, rows);
        explain(label, () -> {
            Object[] args = call.apply(0);
            @SuppressWarnings("unchecked")
            List<Long> within = (List<Long>) args[1];
            members.search((String) args[0], within, today, 20);
            return args[0] + " within " + within;
        });
    }

    private void list(String label, Supplier<Long> unit) throws SQLException {
        long[] rows = {0};
        long[] totals = {0, 0};
        measure(label, k -> {
            MemberPage page = members.list(unit.get(), today, MemberFilter.NONE, 0, 50);
            rows[0] += page.rows().size();
            totals[0] += page.total();
            totals[1]++;
            if (k < 3) {
                assertThat(page.rows()).hasSizeLessThanOrEqualTo(50);
                assertVietnameseOrder(page.rows());
            }
        }, rows);
        line("%-62s (mean total %,.0f members)", "", totals[0] / (double) totals[1]);
        explain(label, () -> {
            long id = unit.get();
            members.list(id, today, MemberFilter.NONE, 0, 50);
            return "unit " + id;
        });
    }

    /** Every result matches the query and lies in the scope; the rows are in Vietnamese order. */
    private void check(String query, List<Long> within, List<MemberSummary> found, Sample expected) {
        if (expected != null) {
            assertThat(found).extracting(MemberSummary::id).contains(expected.id());
        }
        String folded = VietnameseText.fold(query);
        for (MemberSummary s : found) {
            if (expected == null) {
                assertThat(VietnameseText.fold(s.fullName())).contains(folded);
            }
            if (within != null) {
                assertThat(inScope(s.unitId(), within.getFirst())).as("%s in scope of %s", s.fullName(), within).isTrue();
            }
        }
        assertVietnameseOrder(found);
    }

    private void assertVietnameseOrder(List<MemberSummary> rows) {
        for (int k = 1; k < rows.size(); k++) {
            String a = sortName(rows.get(k - 1).fullName());
            String b = sortName(rows.get(k).fullName());
            assertThat(VietnameseText.order().compare(a, b)).as("%s before %s", a, b).isLessThanOrEqualTo(0);
        }
    }

    /** As {@code Records.sortName}: given name, then the full name. */
    private static String sortName(String fullName) {
        String[] words = fullName.strip().split("\\s+");
        return words[words.length - 1] + " " + fullName;
    }

    private boolean inScope(long unit, long root) {
        try {
            return BenchSupport.queryLong(dataSource, "select count(*) from orgstructure.unit_version u join orgstructure.unit_version r"
                    + " on r.unit_id = " + root + " and r.valid_to is null where u.unit_id = " + unit
                    + " and u.valid_to is null and u.path like r.path || '%'") == 1;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the data ---------------------------------------------------------------------------

    private void describeData() throws SQLException {
        largestProvince = BenchSupport.queryLong(dataSource, "select p.unit_id from orgstructure.unit_version p join orgstructure.unit_version d"
                + " on d.path >= p.path and d.path < left(p.path, -1) || '0' and d.valid_to is null"
                + " join members.member_state s on s.unit_id = d.unit_id and s.valid_to is null"
                + " where p.depth = 1 and p.valid_to is null group by p.unit_id order by count(*) desc limit 1");
        List<Long> communeIds = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select v.unit_id from orgstructure.unit_version v join orgstructure.unit u"
                     + " on u.id = v.unit_id where v.valid_to is null and u.code like 'X%' order by v.unit_id")) {
            while (rs.next()) {
                communeIds.add(rs.getLong(1));
            }
        }
        communes = communeIds.stream().mapToLong(Long::longValue).toArray();
        samples = new ArrayList<>();
        java.util.Set<Long> communeSet = new java.util.HashSet<>(communeIds);
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select m.id, m.full_name, m.citizen_id, m.card_number, s.unit_id, v.path"
                     + " from members.member m tablesample system (0.2) repeatable (7)"
                     + " join members.member_state s on s.member_id = m.id and s.valid_to is null"
                     + " join orgstructure.unit_version v on v.unit_id = s.unit_id and v.valid_to is null")) {
            while (rs.next()) {
                String[] path = rs.getString(6).split("/"); // "", centre, province, commune or agency, …
                long upper = Long.parseLong(path[3]);
                samples.add(new Sample(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        communeSet.contains(upper) ? upper : null, Long.parseLong(path[2])));
            }
        }
        rareNames = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select full_name from members.member where full_name in ("
                     + " select full_name from members.member group by full_name having count(*) <= 2)"
                     + " order by md5(full_name) limit 500")) {
            while (rs.next()) {
                rareNames.add(rs.getString(1));
            }
        }
        line("largest province: unit %d, %,d members; %,d communes; sample of %,d members; %,d rare names",
                largestProvince, BenchSupport.queryLong(dataSource, "select count(*) from members.member_state s join orgstructure.unit_version v"
                        + " on v.unit_id = s.unit_id and v.valid_to is null and s.valid_to is null"
                        + " where v.path like '/1/" + largestProvince + "/%'"), communes.length, samples.size(),
                rareNames.size());
        line("family names: %s", topShares("split_part(full_name, ' ', 1)"));
        line("full names: %s", topShares("full_name"));
        line("\"nguyen van an\" (substring, as searched) matches %,d members; \"tran\" %,d",
                BenchSupport.queryLong(dataSource, "select count(*) from members.member where search_text like '%nguyen van an%'"),
                BenchSupport.queryLong(dataSource, "select count(*) from members.member where search_text like '%tran%'"));
    }

    private String topShares(String expression) throws SQLException {
        StringBuilder s = new StringBuilder();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select " + expression + ", count(*) * 100.0 / sum(count(*)) over ()"
                     + " from members.member group by 1 order by 2 desc limit 6")) {
            while (rs.next()) {
                s.append(String.format(Locale.ROOT, "%s %.2f%%, ", rs.getString(1), rs.getDouble(2)));
            }
        }
        return s.append('…').toString();
    }

    // ---- measuring --------------------------------------------------------------------------

    private void measure(String label, IntConsumerWithRows call, long[] rows) {
        long warmupEnd = System.nanoTime() + 5_000_000_000L;
        for (int k = 0; k < WARMUP && (k < 2 || System.nanoTime() < warmupEnd); k++) {
            call.accept(k);
        }
        rows[0] = 0;
        long[] nanos = new long[SAMPLES];
        int n = 0;
        long deadline = System.nanoTime() + (long) (CASE_SECONDS * 1e9);
        for (; n < SAMPLES && (n < 20 || System.nanoTime() < deadline); n++) {
            long t0 = System.nanoTime();
            call.accept(WARMUP + n);
            nanos[n] = System.nanoTime() - t0;
        }
        long[] sorted = Arrays.copyOf(nanos, n);
        Arrays.sort(sorted);
        line("%-62s %8.2f %8.2f %8.2f %8.2f %6.1f %6d", label, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99),
                sorted[n - 1] / 1e6, rows[0] / (double) n, n);
    }

    @FunctionalInterface
    private interface IntConsumerWithRows {
        void accept(int k);
    }

    /** Nearest-rank percentile, in milliseconds. */
    private static double pct(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    // ---- plans: the SQL the repository issued, with EXPLAIN ANALYZE ---------------------------

    private void installCapture() {
        ExecuteListener listener = new ExecuteListener() {
            @Override
            public void executeStart(ExecuteContext ctx) {
                if (capture && ctx.query() != null) {
                    synchronized (captured) {
                        captured.add(ctx.query().getSQL(ParamType.INLINED));
                    }
                }
            }
        };
        ExecuteListenerProvider[] existing = dsl.configuration().executeListenerProviders();
        ExecuteListenerProvider[] all = Arrays.copyOf(existing, existing.length + 1);
        all[existing.length] = new DefaultExecuteListenerProvider(listener);
        dsl.configuration().set(all);
    }

    private void explain(String label, Supplier<String> call) throws SQLException {
        captured.clear();
        capture = true;
        String what;
        try {
            what = call.get();
        } finally {
            capture = false;
        }
        plans.append("==== ").append(label).append(": ").append(what).append('\n');
        for (String sql : captured) {
            if (!sql.startsWith("select") || !sql.contains("member")) {
                continue;
            }
            plans.append(sql).append('\n');
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
