package vn.tcxd.bench;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.tcxd.evaluations.EvaluationAct;
import vn.tcxd.evaluations.Evaluations;
import vn.tcxd.shared.DecisionRef;
import java.time.LocalDate;
import vn.tcxd.evaluations.Period;
import vn.tcxd.evaluations.RatingViolation;
import vn.tcxd.reports.RatingClass;
import vn.tcxd.reports.RatingDistribution;
import vn.tcxd.reports.RatingResults;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rating benchmark on the national dataset ({@code ./mvnw verify -Pbench -Dtest=RatingBenchmark}):
 * rates 2024 nationally if it is not rated yet (each province's campaign through the facade, then bulk
 * decisions consistent with the rules), then measures the check a committee sees before deciding —
 * quota, blocking, caps — for the largest grassroots committees (target ≤ 200 ms). Writes
 * p50/p95/p99 to {@code target/bench/ratings-national.txt}; asserts correctness only (the generated
 * decisions break no rule).
 */
@Tag("benchmark")
@SpringBootTest
class RatingBenchmark {

    private static final int SAMPLES = Integer.getInteger("bench.samples", 100);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 10);
    static final int YEAR = 2024;

    @DynamicPropertySource
    static void dataset(DynamicPropertyRegistry registry) {
        NationalDataset.properties().forEach((key, value) -> registry.add(key, () -> value));
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    DataSource dataSource;
    @Autowired
    Evaluations evaluations;
    @Autowired
    RatingResults results;

    private final StringBuilder report = new StringBuilder();

    @Test
    void benchmark() throws Exception {
        line("Rating benchmark on the national dataset (%s), load %s", NationalDataset.directory(), BenchSupport.loadAverage());
        NationalRatingsGenerator.Result generated = NationalRatingsGenerator.generate(context, dataSource, YEAR);
        if (generated.campaigns() > 0) {
            line("rated %d nationally: %d campaigns, %,d ratings in %.0f s", YEAR, generated.campaigns(), generated.ratings(),
                    generated.seconds());
        }
        if (generated.campaigns() > 0) {
            long t = System.nanoTime();
            int counted = results.rebuildTallies(); // the generator decided in SQL, past RatingsChanged
            line("rating tallies recounted (%,d ratings) in %.0f s", counted, (System.nanoTime() - t) / 1e9);
        }
        line("%,d ratings of %d", BenchSupport.queryLong(dataSource, "select count(*) from evaluations.rating r join"
                + " evaluations.campaign c on c.id = r.campaign_id where c.year = " + YEAR), YEAR);

        // the grassroots committees with the most members to decide
        List<long[]> largest = pairs("""
                select r.campaign_id, r.decider_id, count(*) from evaluations.rating r
                join evaluations.campaign c on c.id = r.campaign_id and c.year = %d
                where r.subject_kind = 'MEMBER' group by 1, 2 order by 3 desc limit 20""".formatted(YEAR));
        long[] top = largest.getFirst();
        line("largest grassroots committee: %,d members to decide (unit %d)", top[2], top[1]);
        List<RatingViolation> found = evaluations.check(top[0], top[1]);
        assertThat(found).as("the generated decisions break no rule").isEmpty();

        // the national distribution through the statistics engine, checked against a count of the view
        long centre = BenchSupport.queryLong(dataSource, "select unit_id from orgstructure.unit_tree where type = 'CENTRAL'"
                + " and valid_to is null limit 1");
        long largestProvince = BenchSupport.queryLong(dataSource, """
                select c.unit_id from evaluations.campaign c join evaluations.rating r on r.campaign_id = c.id
                where c.year = %d group by c.unit_id order by count(*) desc limit 1""".formatted(YEAR));
        RatingDistribution nation = results.distribution(centre, Period.year(YEAR));
        long members = nation.of(RatingClass.MEMBER).rated();
        assertThat(members).isEqualTo(BenchSupport.queryLong(dataSource, "select count(*) from evaluations.rating_result"
                + " where year = " + YEAR + " and period_kind = 'YEAR' and subject_kind = 'MEMBER' and decided_level is not null"));
        line("nation %d (%s): %,d members rated, %,d HTXSNV, %,d good or better; %,d TCCSĐ rated", YEAR, nation.source(),
                members, nation.of(RatingClass.MEMBER).atRank(1), nation.of(RatingClass.MEMBER).goodOrBetter(),
                nation.of(RatingClass.GRASSROOTS).rated());
        line("");
        line("%-62s %9s %9s %9s %6s", "RatingResults.distribution (statistics engine)", "p50 ms", "p95 ms", "p99 ms", "n");
        measure("national rating distribution of " + YEAR, i -> results.distribution(centre, Period.year(YEAR)));
        measure("largest province's rating distribution of " + YEAR, i -> results.distribution(largestProvince, Period.year(YEAR)));

        line("");
        line("%-62s %9s %9s %9s %6s", "Evaluations.check (before a decision)", "p50 ms", "p95 ms", "p99 ms", "n");
        measure("quota + blocking check: the largest grassroots committee", i -> evaluations.check(top[0], top[1]));
        measure("quota + blocking check: one of the 20 largest", i -> {
            long[] p = largest.get(i % largest.size());
            evaluations.check(p[0], p[1]);
        });

        // the same committee the day before its decision: every rating it decides back to proposed
        try (var c = dataSource.getConnection(); var st = c.prepareStatement("""
                update evaluations.rating set status = 'PROPOSED', proposed_level = decided_level, decided_level = null,
                    decided_score = null, decision_number = null, decision_date = null, decision_body = null,
                    decided_at = null, decided_by = null, quota_override = null
                where campaign_id = ? and decider_id = ? and status = 'DECIDED'""")) {
            st.setLong(1, top[0]);
            st.setLong(2, top[1]);
            line("%,d ratings of that committee set back to proposed", st.executeUpdate());
        }
        assertThat(evaluations.check(top[0], top[1])).as("proposals that were valid decisions break no rule").isEmpty();
        measure("quota + blocking check: the largest, every rating proposed", i -> evaluations.check(top[0], top[1]));

        // and it decides them all at once, through the facade, with every rule checked
        List<EvaluationAct.DecisionItem> all = evaluations.toDecide(top[0], top[1]).stream()
                .filter(r -> r.status().isOpen()).map(r -> EvaluationAct.DecisionItem.asProposed(r.id())).toList();
        long t = System.nanoTime();
        evaluations.apply(new EvaluationAct.Decide(all, new DecisionRef("99-QĐ/ĐU", LocalDate.of(YEAR + 1, 1, 25), "Đảng ủy")));
        line("one decision on all %,d ratings of the largest committee (checks, writes, steps, tallies): %.2f s", all.size(),
                (System.nanoTime() - t) / 1e9);
        write();
    }

    private void measure(String label, IntConsumer action) {
        for (int i = 0; i < WARMUP; i++) action.accept(i);
        long[] nanos = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long t = System.nanoTime();
            action.accept(i);
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        line("%-62s %9.2f %9.2f %9.2f %6d", label, pct(nanos, 50), pct(nanos, 95), pct(nanos, 99), SAMPLES);
    }

    private static double pct(long[] sorted, int p) {
        int index = Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[index] / 1e6;
    }

    private List<long[]> pairs(String sql) throws Exception {
        try (var c = dataSource.getConnection(); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            List<long[]> rows = new java.util.ArrayList<>();
            while (rs.next()) rows.add(new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
            return rows;
        }
    }

    private void line(String format, Object... args) {
        String s = args.length == 0 ? format : String.format(format, args);
        System.out.println(s);
        report.append(s).append('\n');
    }

    private void write() throws IOException {
        Path out = Path.of("target/bench/ratings-national.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }
}
