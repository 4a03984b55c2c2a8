package vn.tcxd.bench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.tcxd.TcxdApplication;
import vn.tcxd.members.internal.NationalMemberHistoryGenerator;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The national dataset in a persistent embedded database directory ({@code ./data-national}, or
 * {@code -Dnational.dir=…}): the generated tree ({@link NationalTreeGenerator}, ~313,000 units),
 * 5.6 million members with their history since 2011 ({@link NationalMemberHistoryGenerator}), the ratings
 * of 2024 ({@link NationalRatingsGenerator}) and the cadre work ({@link NationalCadresGenerator}).
 * <p>
 * {@link #ensure()} opens the dataset when the directory holds a finished one (its marker file
 * {@value #MARKER}), generates it into an absent or empty directory, and refuses a directory with
 * anything else in it unless {@code -Dnational.regenerate=true}, which deletes the directory first.
 * Afterwards {@code TCXD_DATA_DIR=./data-national ./mvnw spring-boot:run} serves it (the admin login is
 * printed and kept in the marker file), and benchmarks can run on it with {@link #properties()}
 * instead of generating their own data. A benchmark that changes data (a reorganisation) must not.
 */
public final class NationalDataset {

    private static final Logger log = LoggerFactory.getLogger(NationalDataset.class);

    public static final String MARKER = "tcxd-national-dataset.properties";
    /** The tree of the benchmarks (the same seed, so the same units). */
    public static final long TREE_SEED = 2025_07_01L;
    public static final long MEMBER_SEED = 5_600_000L;

    private static Properties opened;

    private NationalDataset() {
    }

    public static Path directory() {
        return Path.of(System.getProperty("national.dir", "data-national")).toAbsolutePath();
    }

    /** "Today" of the generated history (the app Clock through {@code tcxd.today}); default 2026-11-22. */
    public static LocalDate today() {
        return LocalDate.parse(System.getProperty("national.today", "2026-11-22"));
    }

    /** The dataset's figures (the marker file), generating the dataset first when the directory has none. */
    public static synchronized Properties ensure() {
        if (opened != null) {
            return opened;
        }
        Path dir = directory();
        Path marker = dir.resolve(MARKER);
        boolean regenerate = Boolean.getBoolean("national.regenerate");
        try {
            if (regenerate && Files.exists(dir)) {
                log.warn("national.regenerate=true: deleting {}", dir);
                delete(dir);
            }
            if (Files.exists(marker)) {
                opened = read(marker);
                log.info("National dataset found in {} (generated {}): not generated again; -Dnational.regenerate=true"
                        + " to start over", dir, opened.getProperty("generated.at"));
                return opened;
            }
            if (Files.isDirectory(dir)) {
                try (Stream<Path> entries = Files.list(dir)) {
                    if (entries.findAny().isPresent()) {
                        throw new IllegalStateException(dir + " holds a database but no finished national dataset ("
                                + MARKER + " is missing: an interrupted run, or another database). Run with"
                                + " -Dnational.regenerate=true to delete it and generate again, or choose -Dnational.dir=…");
                    }
                }
            }
            opened = generate(dir, marker);
            return opened;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Spring properties of a context on the dataset (ensured first): its data directory, today, no demo
     * data, the admin password it was generated with.
     */
    public static Map<String, Object> properties() {
        Properties figures = ensure();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("tcxd.db.ephemeral", "false");
        properties.put("tcxd.db.data-dir", directory().toString());
        properties.put("tcxd.demo.enabled", "false");
        // derived figures are rebuilt once the data is written (rebuildDerivedFigures), never half-way
        properties.put("tcxd.reports.freeze-on-start", "false");
        properties.put("tcxd.today", figures.getProperty("today"));
        properties.put("tcxd.admin-password", figures.getProperty("admin.password"));
        return properties;
    }

    private static Properties generate(Path dir, Path marker) throws IOException {
        long start = System.nanoTime();
        Files.createDirectories(dir);
        String password = System.getProperty("national.adminPassword", randomPassword());
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("tcxd.db.ephemeral", "false");
        properties.put("tcxd.db.data-dir", dir.toString());
        properties.put("tcxd.demo.enabled", "false");
        properties.put("tcxd.reports.freeze-on-start", "false");
        properties.put("tcxd.today", today().toString());
        properties.put("tcxd.admin-password", password);
        properties.put("server.port", "0");
        Properties figures = new Properties();
        // as command-line arguments: they take precedence over application.yml (TCXD_DATA_DIR, TCXD_DEMO …)
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TcxdApplication.class).run(arguments)) {
            double startupSeconds = (System.nanoTime() - start) / 1e9;
            DataSource dataSource = context.getBean(DataSource.class);
            LocalDate today = LocalDate.now(context.getBean(Clock.class));
            String served = BenchSupport.queryString(dataSource, "show data_directory");
            if (!Path.of(served).toAbsolutePath().normalize().equals(dir.normalize())) {
                throw new IllegalStateException("this JVM's embedded server runs on " + served + ", not on " + dir
                        + ": generate the national dataset before any other Spring context starts");
            }
            if (BenchSupport.queryLong(dataSource, "select count(*) from orgstructure.unit") > 0) {
                throw new IllegalStateException(dir + " already has units: the national dataset is written into an empty database");
            }
            log.info("National dataset: generating the tree into {}", dir);
            NationalTreeGenerator.Result tree = NationalTreeGenerator.generate(dataSource, TREE_SEED);
            log.info("National dataset: tree of {} units in {} s; now the members", tree.units(), Math.round(tree.seconds()));
            NationalMemberHistoryGenerator.Result members = NationalMemberHistoryGenerator.generate(dataSource,
                    NationalMemberHistoryGenerator.Plan.national(MEMBER_SEED), today);
            long hookStart = System.nanoTime();
            rebuildDerivedFigures(context);
            double hookSeconds = (System.nanoTime() - hookStart) / 1e9;
            // the ratings issue: the national review of 2024, decided by the rules, and its tallies
            NationalRatingsGenerator.Result ratings = NationalRatingsGenerator.generate(context, dataSource, 2024);
            context.getBean(vn.tcxd.reports.RatingResults.class).rebuildTallies();
            log.info("National dataset: {} ratings of 2024 in {} campaigns, {} s", ratings.ratings(), ratings.campaigns(),
                    Math.round(ratings.seconds()));
            // the cadres issue: committees, titles, planning, training and rotations, from the members written above
            NationalCadresGenerator.Result cadres = NationalCadresGenerator.generate(dataSource, today, NationalCadresGenerator.SEED);
            long checkStart = System.nanoTime();
            String verify = System.getProperty("national.verify", "quick");
            Map<String, Long> checks = verify.equals("none") ? Map.of()
                    : NationalDatasetChecks.run(dataSource, today, verify.equals("full"));
            double checkSeconds = (System.nanoTime() - checkStart) / 1e9;
            figures.setProperty("generated.at", java.time.LocalDateTime.now().withNano(0).toString());
            figures.setProperty("today", today.toString());
            figures.setProperty("seed.tree", Long.toString(TREE_SEED));
            figures.setProperty("seed.members", Long.toString(MEMBER_SEED));
            figures.setProperty("admin.username", "admin");
            figures.setProperty("admin.password", password);
            figures.setProperty("units", Integer.toString(tree.units()));
            figures.setProperty("unit.versions", Long.toString(tree.versions()));
            figures.setProperty("members", Long.toString(members.members()));
            figures.setProperty("member.events", Long.toString(members.events()));
            figures.setProperty("member.states", Long.toString(members.states()));
            figures.setProperty("transfers", Long.toString(members.transfers()));
            figures.setProperty("roll.today", Integer.toString(members.rollToday()));
            figures.setProperty("roll.today.probationary", Integer.toString(members.probationaryToday()));
            figures.setProperty("roll.today.exempt", Integer.toString(members.exemptToday()));
            figures.setProperty("roll.today.inTransit", Integer.toString(members.inTransitToday()));
            int minProvince = Integer.MAX_VALUE, maxProvince = 0;
            for (NationalMemberHistoryGenerator.TopUnit top : members.tops()) {
                if (top.province()) {
                    minProvince = Math.min(minProvince, top.roll());
                    maxProvince = Math.max(maxProvince, top.roll());
                }
                figures.setProperty("roll.unit." + top.id(), top.roll() + " " + top.name());
            }
            figures.setProperty("roll.province.min", Integer.toString(minProvince));
            figures.setProperty("roll.province.max", Integer.toString(maxProvince));
            members.byYear().forEach((year, values) -> {
                StringBuilder s = new StringBuilder();
                for (NationalMemberHistoryGenerator.Figure f : NationalMemberHistoryGenerator.Figure.values()) {
                    s.append(f.name()).append('=').append(values[f.ordinal()]).append(' ');
                }
                figures.setProperty("year." + year, s.toString().strip());
            });
            cadres.figures().forEach(figures::setProperty);
            checks.forEach((name, count) -> figures.setProperty(checkKey(name), Long.toString(count)));
            figures.setProperty("seconds.startup", format(startupSeconds));
            figures.setProperty("seconds.tree", format(tree.seconds()));
            figures.setProperty("seconds.members", format(members.seconds()));
            figures.setProperty("seconds.members.copy", format(members.copySeconds()));
            figures.setProperty("seconds.members.indexes", format(members.indexSeconds()));
            figures.setProperty("seconds.members.vacuum", format(members.vacuumSeconds()));
            figures.setProperty("seconds.derivedFigures", format(hookSeconds));
            figures.setProperty("seconds.checks", format(checkSeconds));
            figures.setProperty("seconds.total", format((System.nanoTime() - start) / 1e9));
            long failed = checks.values().stream().filter(v -> v != 0).count();
            if (failed > 0) {
                throw new IllegalStateException("national dataset inconsistent (no marker written): " + checks);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        try (Writer w = Files.newBufferedWriter(marker, StandardCharsets.UTF_8)) {
            figures.store(w, "TCXD national dataset (test data; generated by ./mvnw verify -Pnational)");
        }
        return figures;
    }

    /**
     * HOOK for the derived figures of the {@code reports} module (statistics counters, period-end
     * snapshots), called once after the members and their history are written, with the application
     * context on the new dataset.
     */
    static void rebuildDerivedFigures(ApplicationContext context) {
        vn.tcxd.reports.Statistics statistics = context.getBean(vn.tcxd.reports.Statistics.class);
        long start = System.nanoTime();
        int units = statistics.rebuildLive();
        long live = System.nanoTime();
        int periods = statistics.freezePeriodEnds(LocalDate.parse(System.getProperty("national.snapshotsFrom", "2016-01-01")));
        log.info("National dataset: live statistics for {} upper units in {} s; {} period ends frozen in {} s", units,
                String.format("%.1f", (live - start) / 1e9), periods, String.format("%.1f", (System.nanoTime() - live) / 1e9));
    }

    /**
     * Runs the consistency checks on the existing dataset (all of them; ~10 min at national size) with a
     * context of its own: call before any other context starts in the JVM.
     */
    public static Map<String, Long> check() {
        Map<String, Object> properties = new LinkedHashMap<>(properties());
        properties.put("server.port", "0");
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TcxdApplication.class).run(arguments)) {
            return NationalDatasetChecks.run(context.getBean(DataSource.class), LocalDate.now(context.getBean(Clock.class)),
                    true);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The dataset's figures once its cadre work is there: a dataset generated before the cadres module gets it now
     * ({@link NationalCadresGenerator} on the open database, then the cadre checks), and its marker file the figures;
     * {@code -Dnational.cadres.regenerate=true} deletes the cadre work and writes it again. Call with the data source of
     * a context on the dataset ({@link #properties()}).
     */
    public static synchronized Properties ensureCadres(DataSource dataSource) {
        Properties figures = ensure();
        boolean again = Boolean.getBoolean("national.cadres.regenerate");
        if (figures.getProperty("cadres.terms") != null && !again) {
            return figures;
        }
        try {
            LocalDate today = LocalDate.parse(figures.getProperty("today"));
            if (again) { // the cadre work only, written again (the rest of the dataset is left as it is)
                log.warn("national.cadres.regenerate=true: deleting the cadre work of {}", directory());
                try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement st = c.createStatement()) {
                    st.execute("truncate cadres.term, cadres.committee_seat, cadres.incumbency, cadres.plan_entry, cadres.training,"
                            + " cadres.rotation restart identity");
                }
                figures.stringPropertyNames().stream().filter(k -> k.startsWith("cadres.") || k.startsWith("seconds.cadres")
                        || k.startsWith("check.cadres")).forEach(figures::remove);
            }
            NationalCadresGenerator.Result cadres = NationalCadresGenerator.generate(dataSource, today, NationalCadresGenerator.SEED);
            if (!cadres.generated()) {
                throw new IllegalStateException(directory() + " has cadre work but its marker has no cadre figures: regenerate it"
                        + " (-Dnational.regenerate=true)");
            }
            long start = System.nanoTime();
            Map<String, Long> checks = NationalDatasetChecks.runCadres(dataSource);
            if (checks.values().stream().anyMatch(v -> v != 0)) {
                throw new IllegalStateException("cadre work inconsistent (marker not updated): " + checks);
            }
            cadres.figures().forEach(figures::setProperty);
            checks.forEach((name, count) -> figures.setProperty(checkKey(name), Long.toString(count)));
            figures.setProperty("seconds.checks.cadres", format((System.nanoTime() - start) / 1e9));
            figures.setProperty("cadres.added.at", java.time.LocalDateTime.now().withNano(0).toString());
            try (Writer w = Files.newBufferedWriter(directory().resolve(MARKER), StandardCharsets.UTF_8)) {
                figures.store(w, "TCXD national dataset (test data; generated by ./mvnw verify -Pnational)");
            }
            return figures;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String checkKey(String name) {
        return "check." + name.replace(' ', '_');
    }

    private static String format(double seconds) {
        return String.format(java.util.Locale.ROOT, "%.1f", seconds);
    }

    private static String randomPassword() {
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private static Properties read(Path marker) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(marker, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
