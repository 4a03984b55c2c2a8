package vn.tcxd.bench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import vn.tcxd.evaluations.EvaluationAct;
import vn.tcxd.evaluations.Evaluations;
import vn.tcxd.evaluations.Period;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Rates the national dataset for one year, as the provinces would: each province (and central
 * committee) opens its campaign through the facade — subjects from the roll and tree of the period
 * end — then every subject is decided in bulk, consistent with the scheme's rules: members by a stable
 * hash (≈ 15 % HTXSNV, 64 % HTTNV, 20 % HTNV, 1 % KHTNV; disciplined → KHTNV), HTXSNV above 20 % of
 * HTTNV per TCCSĐ demoted; cells from their members and committees from their subordinates bottom up
 * (100 % ≥ HTNV and ≥ 50 % ≥ HTTNV to be HTTNV or better; a cell with > 20 % KHTNV fails; an excellent
 * cell has no disciplined member); organisations' and collectives' quota per group. Test data only.
 */
final class NationalRatingsGenerator {

    private static final Logger log = LoggerFactory.getLogger(NationalRatingsGenerator.class);

    private NationalRatingsGenerator() {
    }

    record Result(int campaigns, long ratings, double seconds) {
    }

    /**
     * Rates {@code year}: opens the campaigns unless they exist, then decides whatever is still pending,
     * campaign by campaign (a run that was stopped resumes where it was).
     */
    static Result generate(ApplicationContext context, DataSource dataSource, int year) throws SQLException {
        long start = System.nanoTime();
        Evaluations evaluations = context.getBean(Evaluations.class);
        Period period = Period.year(year);
        LocalDate end = period.end();
        List<Long> campaigns = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "select id from evaluations.campaign where period_kind = 'YEAR' and year = ? order by id")) {
            st.setInt(1, year);
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    campaigns.add(rs.getLong(1));
                }
            }
        }
        if (BenchSupport.queryLong(dataSource, "select count(*) from evaluations.rating r join evaluations.campaign c on c.id ="
                + " r.campaign_id where c.year = " + year + " and r.status in ('PENDING', 'SELF_ASSESSED', 'PROPOSED')") == 0
                && !campaigns.isEmpty()) {
            return new Result(0, 0, 0);
        }
        List<Long> roots = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "select unit_id from orgstructure.unit_tree where depth = 1 and valid_from <= ? and (valid_to is null or valid_to > ?) order by unit_id")) {
            st.setObject(1, end);
            st.setObject(2, end);
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    roots.add(rs.getLong(1));
                }
            }
        }
        // the campaigns are independent (their own rows and tallies): two at a time, one per core
        if (campaigns.isEmpty()) {
            campaigns.addAll(eachInParallel(roots, root -> evaluations.apply(new EvaluationAct.OpenCampaign(root, period))));
        }
        log.info("National ratings {}: {} campaigns opened in {} s", year, campaigns.size(), Math.round((System.nanoTime() - start) / 1e9));
        eachInParallel(campaigns, campaign -> {
            try (Connection c = dataSource.getConnection()) {
                try (var st = c.createStatement()) {
                    st.execute("set work_mem = '256MB'"); // the quota windows and child counts sort millions of rows
                }
                decideAll(c, c.createArrayOf("bigint", new Object[] {campaign}), year, dataSource);
                return campaign;
            }
        });
        long ratings = BenchSupport.queryLong(dataSource, "select count(*) from evaluations.rating r join evaluations.campaign c"
                + " on c.id = r.campaign_id where c.year = " + year);
        double seconds = (System.nanoTime() - start) / 1e9;
        log.info("National ratings {}: {} ratings decided in {} s", year, ratings, Math.round(seconds));
        return new Result(campaigns.size(), ratings, seconds);
    }

    interface Work<T, R> {
        R apply(T item) throws Exception;
    }

    /** Applies {@code work} to every item on as many threads as there are cores; the results in the items' order. */
    private static <T, R> List<R> eachInParallel(List<T> items, Work<T, R> work) {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) futures.add(pool.submit(() -> work.apply(item)));
            List<R> results = new ArrayList<>();
            for (Future<R> f : futures) results.add(f.get());
            return results;
        } catch (ExecutionException e) {
            throw new IllegalStateException("national ratings: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void decideAll(Connection c, Array ids, int year, DataSource dataSource) throws SQLException {
        {
            String decision = "decision_number = 'QĐ-" + year + "/ĐG', decision_date = date '" + (year + 1) + "-01-20',"
                    + " decision_body = decider_name, decided_at = now(), decided_by = 'generator', status = 'DECIDED'";
            execute(c, ids, """
                    update evaluations.rating r set decided_level = case
                        when r.disciplined is not null then 'NOT_COMPLETED'
                        when h < 0.01 then 'NOT_COMPLETED' when h < 0.21 then 'COMPLETED' when h < 0.85 then 'GOOD'
                        else 'EXCELLENT' end, %s
                    from (select id, (hashtext(id::text || 'm') & 2147483647)::float8 / 2147483647 as h
                          from evaluations.rating where campaign_id = any(?) and subject_kind = 'MEMBER' and status = 'PENDING') x
                    where r.id = x.id""".formatted(decision));
            demoteAboveQuota(c, ids, "MEMBER");
            // cells (members are their children), then committees from the deepest up
            execute(c, ids, """
                    update evaluations.rating o set decided_level = case
                        when k.n > 0 and k.fail * 100 > 20 * k.n then 'NOT_COMPLETED'
                        when k.fail > 0 or k.good * 2 < k.n then 'COMPLETED'
                        when k.disc = 0 and (hashtext(o.id::text || 'o') & 2147483647)::float8 / 2147483647 < 0.17 then 'EXCELLENT'
                        else 'GOOD' end, %s
                    from (select o.id, count(m.decided_level) n, count(*) filter (where m.decided_level = 'NOT_COMPLETED') fail,
                                 count(*) filter (where m.decided_level in ('EXCELLENT', 'GOOD')) good, count(m.disciplined) disc
                          from evaluations.rating o
                          left join evaluations.rating m on m.campaign_id = o.campaign_id and m.subject_kind = 'MEMBER'
                               and m.unit_id = o.unit_id
                          where o.campaign_id = any(?) and o.subject_kind = 'ORGANISATION' and o.status = 'PENDING'
                            and o.unit_type in ('CELL', 'GRASSROOTS_CELL')
                          group by o.id) k
                    where o.id = k.id""".formatted(decision.replace("decider_name", "o.decider_name")));
            int maxDepth = (int) BenchSupport.queryLong(dataSource, "select coalesce(max(depth), 0) from orgstructure.unit_tree");
            for (int depth = maxDepth; depth >= 1; depth--) {
                execute(c, ids, """
                        update evaluations.rating o set decided_level = case
                            when k.fail > 0 or k.good * 2 < k.n then 'COMPLETED'
                            when (hashtext(o.id::text || 'o') & 2147483647)::float8 / 2147483647 < 0.17 then 'EXCELLENT'
                            else 'GOOD' end, %s
                        from (select o.id, count(s.decided_level) n, count(*) filter (where s.decided_level = 'NOT_COMPLETED') fail,
                                     count(*) filter (where s.decided_level in ('EXCELLENT', 'GOOD')) good
                              from evaluations.rating o
                              left join evaluations.rating s on s.campaign_id = o.campaign_id and s.subject_kind = 'ORGANISATION'
                                   and s.parent_unit_id = o.unit_id
                              where o.campaign_id = any(?) and o.subject_kind = 'ORGANISATION' and o.status = 'PENDING'
                                and o.unit_type not in ('CELL', 'GRASSROOTS_CELL')
                                and length(o.unit_path) - length(replace(o.unit_path, '/', '')) = %d
                              group by o.id) k
                        where o.id = k.id""".formatted(decision.replace("decider_name", "o.decider_name"), depth + 2));
            }
            execute(c, ids, """
                    update evaluations.rating r set decided_level = case
                        when (hashtext(id::text || 'c') & 2147483647)::float8 / 2147483647 < 0.15 then 'EXCELLENT' else 'GOOD' end, %s
                    where campaign_id = any(?) and subject_kind = 'COLLECTIVE' and status = 'PENDING'""".formatted(decision));
            demoteAboveQuota(c, ids, "ORGANISATION");
            demoteAboveQuota(c, ids, "COLLECTIVE");
        }
    }

    /** QĐ 124 Art. 12: HTXSNV ≤ floor(20 % × HTTNV) in each quota group; the excess, by a stable order, becomes HTTNV. */
    private static void demoteAboveQuota(Connection c, Array ids, String kind) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                update evaluations.rating r set decided_level = 'GOOD'
                from (select e.id, row_number() over (partition by e.campaign_id, e.quota_group
                                                      order by hashtext(e.id::text || 'q')) rn, g.good
                      from evaluations.rating e
                      join (select campaign_id, quota_group, count(*) filter (where decided_level = 'GOOD') good
                            from evaluations.rating where campaign_id = any(?) and subject_kind = ? group by 1, 2) g
                        on g.campaign_id = e.campaign_id and g.quota_group = e.quota_group
                      where e.campaign_id = any(?) and e.subject_kind = ? and e.decided_level = 'EXCELLENT') x
                where r.id = x.id and x.rn > floor(0.2 * x.good)""")) {
            st.setArray(1, ids);
            st.setString(2, kind);
            st.setArray(3, ids);
            st.setString(4, kind);
            st.executeUpdate();
        }
    }

    private static void execute(Connection c, Array ids, String sql) throws SQLException {
        long start = System.nanoTime();
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setArray(1, ids);
            int n = st.executeUpdate();
            log.info("National ratings: {} rows in {} ms: {}", n, (System.nanoTime() - start) / 1_000_000,
                    sql.strip().lines().findFirst().orElse(""));
        }
    }
}
