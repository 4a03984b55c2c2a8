package vn.tcxd.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Database settings. Without {@code url} TCXD runs its own embedded PostgreSQL 18 with data in
 * {@code dataDir}; {@code ephemeral} (tests, benchmarks) uses a throw-away directory instead.
 *
 * @param url      external JDBC URL (env {@code TCXD_DB_URL})
 * @param user     external user (env {@code TCXD_DB_USER})
 * @param password external password (env {@code TCXD_DB_PASSWORD})
 * @param dataDir  embedded data directory (env {@code TCXD_DATA_DIR}, default {@code ./data})
 * @param sharedBuffers embedded server's {@code shared_buffers} (env {@code TCXD_DB_SHARED_BUFFERS}, e.g.
 *                 {@code 2GB}); by default a quarter of the machine's memory, at most 4 GB, for a kept data
 *                 directory, and PostgreSQL's 128 MB for a throw-away one
 */
@ConfigurationProperties("tcxd.db")
public record DatabaseProperties(String url, String user, String password, Path dataDir, boolean ephemeral,
                                 String sharedBuffers) {

    private static final long MB = 1024 * 1024;

    public DatabaseProperties {
        if (dataDir == null) {
            dataDir = Path.of("data");
        }
    }

    /**
     * The {@code shared_buffers} of the embedded server. PostgreSQL's default of 128 MB keeps little of a
     * national dataset (21 GB) between requests: the indexes every statistics or search request starts
     * from are read from disk again. A quarter of the memory is PostgreSQL's own advice for a dedicated server.
     */
    public String embeddedSharedBuffers(long physicalMemoryBytes) {
        if (sharedBuffers != null && !sharedBuffers.isBlank()) return sharedBuffers.strip();
        if (ephemeral) return "128MB";
        long quarter = physicalMemoryBytes / 4 / MB;
        return Math.clamp(quarter, 128, 4096) + "MB";
    }

    public boolean external() {
        return url != null && !url.isBlank();
    }
}
