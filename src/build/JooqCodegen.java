import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Build-time jOOQ code generation: applies the real Flyway migrations to a throwaway embedded
 * PostgreSQL 18 and generates classes for every application schema. Skipped when neither the
 * migrations nor this program changed since the last run (hash stored beside the output).
 */
public class JooqCodegen {

    public static void main(String[] args) throws Exception {
        Path migrations = Path.of(args[0]);
        Path output = Path.of(args[1]);
        Path hashFile = output.resolve(".migrations.sha256");
        String hash = hash(migrations, Path.of("src/build/JooqCodegen.java"));
        if (Files.exists(hashFile) && Files.readString(hashFile).equals(hash)) {
            System.out.println("[jooq-codegen] migrations unchanged, skipping");
            return;
        }
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            var dataSource = pg.getPostgresDatabase();
            Flyway.configure().dataSource(dataSource)
                    .locations("filesystem:" + migrations.toAbsolutePath())
                    .load().migrate();
            List<String> schemas = new ArrayList<>();
            try (Connection c = dataSource.getConnection();
                 ResultSet rs = c.createStatement().executeQuery("""
                         select nspname from pg_namespace
                         where nspname not like 'pg\\_%' and nspname not in ('information_schema', 'public')
                         order by nspname""")) {
                while (rs.next()) schemas.add(rs.getString(1));
            }
            deleteRecursively(output);
            var database = new Database()
                    .withName("org.jooq.meta.postgres.PostgresDatabase")
                    .withIncludes(".*")
                    .withExcludes("flyway_schema_history")
                    .withIncludeRoutines(false)
                    .withIncludeUDTs(false)
                    .withSchemata(schemas.stream().map(s -> new SchemaMappingType().withInputSchema(s)).toList());
            var configuration = new Configuration()
                    .withJdbc(new Jdbc().withDriver("org.postgresql.Driver")
                            .withUrl(pg.getJdbcUrl("postgres", "postgres"))
                            .withUser("postgres"))
                    .withGenerator(new Generator()
                            .withDatabase(database)
                            .withGenerate(new Generate().withRecords(true).withPojos(false)
                                    .withJavaTimeTypes(true).withFluentSetters(true))
                            .withTarget(new Target().withPackageName("vn.tcxd.jooq")
                                    .withDirectory(output.toString())));
            GenerationTool.generate(configuration);
        }
        Files.createDirectories(output);
        Files.writeString(hashFile, hash);
    }

    private static String hash(Path migrations, Path self) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(migrations)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            digest.update(migrations.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
            digest.update(Files.readAllBytes(f));
        }
        if (Files.exists(self)) digest.update(Files.readAllBytes(self));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void deleteRecursively(Path dir) throws Exception {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted((a, b) -> b.compareTo(a)).toList()) Files.delete(p);
        }
    }
}
