package vn.tcxd.bench;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Properties;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command {@code ./mvnw verify -Pnational}: generates the national dataset into
 * {@code ./data-national} (or opens it when it is there already) and prints its figures and how to
 * serve it. Options: {@code -Dnational.regenerate=true} (delete and generate again),
 * {@code -Dnational.dir=…}, {@code -Dnational.today=2026-11-22}, {@code -Dnational.adminPassword=…},
 * {@code -Dnational.verify=quick|full|none} (consistency checks after generating; the full set takes
 * minutes), {@code -Dnational.check=true} (run every check on the existing dataset). See docs/performance.md.
 */
@Tag("national")
class NationalDatasetCommand {

    @Test
    void generateOrOpen() {
        Properties figures = NationalDataset.ensure();
        StringBuilder out = new StringBuilder("\n==== TCXD national dataset in ").append(NationalDataset.directory()).append('\n');
        for (String key : new TreeSet<>(figures.stringPropertyNames())) {
            if (!key.equals("admin.password")) {
                out.append(key).append(" = ").append(figures.getProperty(key)).append('\n');
            }
        }
        out.append("\nServe it:  TCXD_DATA_DIR=").append(NationalDataset.directory())
                .append(" ./mvnw spring-boot:run\n")
                .append("Log in:    admin / ").append(figures.getProperty("admin.password")).append('\n');
        System.out.println(out);
        if (Boolean.getBoolean("national.check")) { // every check, on the dataset as it is now
            assertThat(NationalDataset.check()).allSatisfy((check, violations) -> assertThat(violations).as(check).isZero());
        }
        assertThat(figures.getProperty("members")).isNotBlank();
        figures.stringPropertyNames().stream().filter(k -> k.startsWith("check."))
                .forEach(k -> assertThat(figures.getProperty(k)).as(k).isEqualTo("0"));
    }
}
