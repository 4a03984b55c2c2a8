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
 */
@ConfigurationProperties("tcxd.db")
public record DatabaseProperties(String url, String user, String password, Path dataDir, boolean ephemeral) {

    public DatabaseProperties {
        if (dataDir == null) {
            dataDir = Path.of("data");
        }
    }

    public boolean external() {
        return url != null && !url.isBlank();
    }
}
