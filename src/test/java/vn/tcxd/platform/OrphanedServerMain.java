package vn.tcxd.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Path;
import java.sql.Connection;

/**
 * Started in a separate JVM by {@link EmbeddedPostgresServerTests} and killed with SIGKILL, which
 * leaves its postmaster running: the situation after {@code kill -9} of TCXD.
 */
public final class OrphanedServerMain {

    private OrphanedServerMain() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(Path.of(args[0]))
                .setCleanDataDirectory(false).start();
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("create table kept (v text); insert into kept values ('còn nguyên')");
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
