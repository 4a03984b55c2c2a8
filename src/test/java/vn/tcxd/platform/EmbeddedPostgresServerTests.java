package vn.tcxd.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded database keeps its data between runs and recovers from a killed JVM, whose
 * postmaster outlives it and would otherwise block the next start on postmaster.pid.
 */
class EmbeddedPostgresServerTests {

    @Test
    void shouldStopAnOrphanedPostmasterAndKeepTheData(@TempDir Path dataDir) throws Exception {
        // a JVM that started the server is killed with SIGKILL; its postmaster stays behind
        Process jvm = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), OrphanedServerMain.class.getName(), dataDir.toString())
                .redirectErrorStream(true).start();
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(jvm.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null && !line.contains("READY")) {
                // wait until the server runs and holds data
            }
        }
        jvm.destroyForcibly().waitFor();
        long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).getFirst().strip());
        assertThat(ProcessHandle.of(pid)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

        EmbeddedPostgresServer.stopOrphan(dataDir);

        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(dataDir.resolve("postmaster.pid")).doesNotExist();
        try (EmbeddedPostgres restarted = EmbeddedPostgres.builder().setDataDirectory(dataDir)
                .setCleanDataDirectory(false).start();
             Connection c = restarted.getPostgresDatabase().getConnection();
             ResultSet rs = c.createStatement().executeQuery("select v from kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("còn nguyên");
        }
    }

    @Test
    void shouldRemoveAStalePidFileOfAProcessThatIsGone(@TempDir Path dataDir) throws Exception {
        Files.writeString(dataDir.resolve("postmaster.pid"), "999999999\n" + dataDir + "\n");
        EmbeddedPostgresServer.stopOrphan(dataDir);
        assertThat(dataDir.resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void shouldGiveAKeptDatabaseAQuarterOfTheMemoryForItsBuffersWithinBounds() {
        long gb = 1024L * 1024 * 1024;
        DatabaseProperties kept = new DatabaseProperties(null, null, null, Path.of("data"), false, null);
        assertThat(kept.embeddedSharedBuffers(23 * gb)).isEqualTo("4096MB");
        assertThat(kept.embeddedSharedBuffers(8 * gb)).isEqualTo("2048MB");
        assertThat(kept.embeddedSharedBuffers(gb / 4)).isEqualTo("128MB");
        assertThat(new DatabaseProperties(null, null, null, Path.of("data"), true, null).embeddedSharedBuffers(23 * gb))
                .as("a throw-away test database").isEqualTo("128MB");
        assertThat(new DatabaseProperties(null, null, null, Path.of("data"), false, " 1GB ").embeddedSharedBuffers(23 * gb))
                .as("TCXD_DB_SHARED_BUFFERS").isEqualTo("1GB");
    }
}
