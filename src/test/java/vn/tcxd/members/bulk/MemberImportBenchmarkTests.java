package vn.tcxd.members.bulk;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.tcxd.IntegrationTest;
import vn.tcxd.members.MemberImport;
import vn.tcxd.members.MemberImportOutcome;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.TreeFixture;
import vn.tcxd.shared.scope.AccessScope;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Import throughput with every check (target ≥ 50,000 rows/s), measured, printed, never asserted:
 * {@code ./mvnw verify -Pbench -Dtest=MemberImportBenchmarkTests}.
 */
@Tag("benchmark")
@IntegrationTest
class MemberImportBenchmarkTests {

    @Autowired
    MemberImport imports;

    @Autowired
    OrgStructure org;

    @Test
    void shouldImportAFullFileWhenMeasuringThroughput() throws java.io.IOException {
        StringBuilder report = new StringBuilder();
        // the CSV of 100,000 rows (27 MB) is over the 20 MB upload limit: 70,000 rows is the largest that passes
        for (int size : new int[] {10_000, 70_000, 100_000}) {
            for (String format : size == 100_000 ? new String[] {"xlsx"} : new String[] {"xlsx", "csv"}) {
                // each file into a cell of its own: the statistics' listener recounts the members of the cells imported into
                TreeFixture tree = TreeFixture.standard(org);
                List<Map<String, Object>> rows = ImportFiles.rows(size, tree.code("X1C1"), LocalDate.of(2018, 1, 2));
                byte[] file = format.equals("xlsx") ? ImportFiles.xlsx(rows) : ImportFiles.csv(rows);

                long started = System.nanoTime();
                MemberImportOutcome outcome = imports.run("bench." + format, file, AccessScope.system("bench"));
                double seconds = (System.nanoTime() - started) / 1e9;

                assertThat(outcome.imported()).as("%s %s", outcome.fileError(), outcome.errors()).isEqualTo(size);
                String line = String.format(java.util.Locale.ROOT,
                        "member import: %d rows (%d KB %s) in %.2f s = %.0f rows/s%n", size, file.length / 1024, format,
                        seconds, size / seconds);
                System.out.print("BENCHMARK " + line);
                report.append(line);
            }
        }
        java.nio.file.Path out = java.nio.file.Path.of("target", "bench", "member-import.txt");
        java.nio.file.Files.createDirectories(out.getParent());
        java.nio.file.Files.writeString(out, report);
    }
}
