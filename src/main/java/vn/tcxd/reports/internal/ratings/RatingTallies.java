package vn.tcxd.reports.internal.ratings;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import vn.tcxd.evaluations.Period;
import vn.tcxd.jooq.reports.tables.CountedCampaign;
import vn.tcxd.jooq.reports.tables.CountedRating;
import vn.tcxd.jooq.reports.tables.RatingTally;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Set-based counting of ratings over the public views {@code evaluations.rating_result} and
 * {@code orgstructure.unit_tree} (each subject placed in the tree as at its campaign's roll date),
 * and the tallies of the upper units kept from it: per unit at depth ≤ the counter depth, period,
 * subject class and bucket (a decided level, {@code NR_<reason>}, or {@code OPEN}).
 */
@Repository
class RatingTallies {

    private static final RatingTally TALLY = RatingTally.RATING_TALLY;
    private static final CountedRating COUNTED = CountedRating.COUNTED_RATING;
    private static final CountedCampaign CAMPAIGN = CountedCampaign.COUNTED_CAMPAIGN;

    static final String OPEN = "OPEN";
    static final String NOT_RATED = "NR_";

    /** The class of a row of evaluations.rating_result {@code r} (see RatingClass). */
    static final String CLASS_SQL = """
            case r.subject_kind when 'MEMBER' then 'MEMBER' when 'LEADER' then 'LEADER' when 'COLLECTIVE' then 'COLLECTIVE'
              else case r.unit_type when 'GRASSROOTS_COMMITTEE' then 'GRASSROOTS' when 'GRASSROOTS_CELL' then 'GRASSROOTS'
                when 'CELL' then 'CELL' when 'PARTIAL_COMMITTEE' then 'PARTIAL' else 'UPPER' end end""";

    static final String BUCKET_SQL = """
            case when r.status = 'DECIDED' then r.decided_level
                 when r.status = 'NOT_RATED' then 'NR_' || r.not_rated_reason else 'OPEN' end""";


    private final DSLContext db;

    RatingTallies(DSLContext db) {
        this.db = db;
    }

    /** '^((/[0-9]+){1,3}/)' for depth 2: the path cut after the unit at {@code depth}. */
    private static String chainPattern(int depth) {
        return "^((/[0-9]+){1," + (depth + 1) + "}/)";
    }

    // ---- keeping the tallies ------------------------------------------------------------------

    /** A campaign seen in the tallies, with the roll date whose tree placed its subjects. */
    record Counted(long campaignId, LocalDate rollDate, int depth) {
    }

    Set<Long> countedCampaigns(Collection<Long> campaignIds) {
        return new HashSet<>(db.select(CAMPAIGN.CAMPAIGN_ID).from(CAMPAIGN)
                .where(CAMPAIGN.CAMPAIGN_ID.in(campaignIds)).fetch(CAMPAIGN.CAMPAIGN_ID));
    }

    /** Counts every rating of the campaign (after removing what was counted for it before); returns how many. */
    int countCampaign(long campaignId, int depth) {
        uncountCampaign(campaignId);
        int rows = db.execute("""
                insert into reports.counted_rating (rating_id, campaign_id, period_kind, year, period_no, subject_class, bucket, chain)
                select r.rating_id, r.campaign_id, r.period_kind, r.year, r.period_no, %s, %s,
                       coalesce(substring(r.unit_path from ?), '')
                from evaluations.rating_result r
                where r.campaign_id = ?""".formatted(CLASS_SQL, BUCKET_SQL),
                chainPattern(depth), campaignId);
        if (rows == 0) return 0;
        db.execute("""
                insert into reports.counted_campaign (campaign_id, period_kind, year, period_no, roll_date, depth)
                select r.campaign_id, r.period_kind, r.year, r.period_no, r.roll_date, ?
                from evaluations.rating_result r where r.campaign_id = ? limit 1""", depth, campaignId);
        addCampaign(campaignId, 1);
        return rows;
    }

    /** Takes the campaign out of the tallies. */
    void uncountCampaign(long campaignId) {
        addCampaign(campaignId, -1);
        db.deleteFrom(COUNTED).where(COUNTED.CAMPAIGN_ID.eq(campaignId)).execute();
        db.deleteFrom(CAMPAIGN).where(CAMPAIGN.CAMPAIGN_ID.eq(campaignId)).execute();
        db.deleteFrom(TALLY).where(TALLY.N.eq(0L)).execute();
    }

    /** Adds (sign 1) or subtracts (-1) what is counted for the campaign to every unit on the chains. */
    private void addCampaign(long campaignId, int sign) {
        db.execute("""
                insert into reports.rating_tally as x (unit_id, period_kind, year, period_no, subject_class, bucket, n)
                select a.id::bigint, c.period_kind, c.year, c.period_no, c.subject_class, c.bucket, ?::int * count(*)
                from reports.counted_rating c
                cross join lateral unnest(string_to_array(trim(both '/' from c.chain), '/')) as a(id)
                where c.campaign_id = ? and c.chain <> ''
                group by 1, 2, 3, 4, 5, 6
                on conflict (unit_id, period_kind, year, period_no, subject_class, bucket)
                do update set n = x.n + excluded.n""", sign, campaignId);
    }

    private record Fact(long ratingId, long campaignId, String periodKind, int year, int periodNo, String subjectClass,
                        String bucket, String chain) {
    }

    private record Key(long unitId, String periodKind, int year, int periodNo, String subjectClass, String bucket) {
    }

    /**
     * Brings the tallies in line with the ratings for these ids: what was counted for each comes out,
     * what the ratings say now goes in. Ratings of campaigns not counted yet count their whole campaign.
     */
    void reconcile(Collection<Long> ratingIds, int depth) {
        if (ratingIds.isEmpty()) return;
        Long[] ids = ratingIds.toArray(Long[]::new);
        Map<Long, Fact> now = new HashMap<>();
        db.fetch("""
                select r.rating_id, r.campaign_id, r.period_kind, r.year, r.period_no, %s as subject_class, %s as bucket,
                       coalesce(substring(r.unit_path from ?), '') as chain
                from evaluations.rating_result r
                where r.rating_id = any(?)""".formatted(CLASS_SQL, BUCKET_SQL), chainPattern(depth), ids)
                .forEach(r -> now.put(r.get(0, Long.class), fact(r)));
        Set<Long> campaigns = new LinkedHashSet<>();
        now.values().forEach(f -> campaigns.add(f.campaignId()));
        Set<Long> counted = countedCampaigns(campaigns);
        for (long campaign : campaigns) {
            if (!counted.contains(campaign)) countCampaign(campaign, depth);
        }
        Map<Long, Fact> before = new HashMap<>();
        db.selectFrom(COUNTED).where(COUNTED.RATING_ID.in(ratingIds)).forEach(r -> before.put(r.getRatingId(),
                new Fact(r.getRatingId(), r.getCampaignId(), r.getPeriodKind(), r.getYear(), r.getPeriodNo(),
                        r.getSubjectClass(), r.getBucket(), r.getChain())));
        Map<Key, Long> delta = new HashMap<>();
        List<Fact> changed = new ArrayList<>();
        Set<Long> gone = new HashSet<>();
        for (long id : ratingIds) {
            Fact was = before.get(id);
            Fact is = now.get(id);
            if (is != null && !counted.contains(is.campaignId())) continue; // counted with its campaign just now
            if (Objects.equals(was, is)) continue;
            add(delta, was, -1);
            add(delta, is, 1);
            gone.add(id);
            if (is != null) changed.add(is);
        }
        if (gone.isEmpty()) return;
        apply(delta);
        db.deleteFrom(COUNTED).where(COUNTED.RATING_ID.in(gone)).execute();
        var insert = db.insertInto(COUNTED, COUNTED.RATING_ID, COUNTED.CAMPAIGN_ID, COUNTED.PERIOD_KIND, COUNTED.YEAR,
                COUNTED.PERIOD_NO, COUNTED.SUBJECT_CLASS, COUNTED.BUCKET, COUNTED.CHAIN);
        for (Fact f : changed) {
            insert = insert.values(f.ratingId(), f.campaignId(), f.periodKind(), f.year(), f.periodNo(), f.subjectClass(),
                    f.bucket(), f.chain());
        }
        if (!changed.isEmpty()) insert.execute();
    }

    private static Fact fact(Record r) {
        return new Fact(r.get(0, Long.class), r.get(1, Long.class), r.get(2, String.class), r.get(3, Integer.class),
                r.get(4, Integer.class), r.get(5, String.class), r.get(6, String.class), r.get(7, String.class));
    }

    private static void add(Map<Key, Long> delta, Fact f, int sign) {
        if (f == null) return;
        for (String part : f.chain().split("/")) {
            if (part.isEmpty()) continue;
            delta.merge(new Key(Long.parseLong(part), f.periodKind(), f.year(), f.periodNo(), f.subjectClass(), f.bucket()),
                    (long) sign, Long::sum);
        }
    }

    private void apply(Map<Key, Long> delta) {
        var insert = db.insertInto(TALLY, TALLY.UNIT_ID, TALLY.PERIOD_KIND, TALLY.YEAR, TALLY.PERIOD_NO, TALLY.SUBJECT_CLASS,
                TALLY.BUCKET, TALLY.N);
        boolean any = false;
        for (var e : delta.entrySet()) {
            if (e.getValue() == 0) continue;
            Key k = e.getKey();
            insert = insert.values(k.unitId(), k.periodKind(), k.year(), k.periodNo(), k.subjectClass(), k.bucket(), e.getValue());
            any = true;
        }
        if (!any) return;
        insert.onConflict(TALLY.UNIT_ID, TALLY.PERIOD_KIND, TALLY.YEAR, TALLY.PERIOD_NO, TALLY.SUBJECT_CLASS, TALLY.BUCKET)
                .doUpdate().set(TALLY.N, TALLY.N.plus(DSL.excluded(TALLY.N))).execute();
        db.deleteFrom(TALLY).where(TALLY.N.eq(0L)).execute();
    }

    /** Forgets every tally and counts every campaign that has ratings again; returns the ratings counted. */
    int rebuild(int depth) {
        db.truncate(TALLY).execute();
        db.truncate(COUNTED).execute();
        db.truncate(CAMPAIGN).execute();
        // campaigns are few; the distinct scan runs once per rebuild
        List<Long> campaigns = db.fetch("select distinct r.campaign_id from evaluations.rating_result r")
                .getValues(0, Long.class);
        int total = 0;
        for (long c : campaigns) total += countCampaign(c, depth);
        return total;
    }

    /** Whether some rating is not counted (a database restored or upgraded without its tallies). */
    boolean anyUncounted() {
        return Boolean.TRUE.equals(db.fetchValue("""
                select exists (select 1 from evaluations.rating_result r
                               where not exists (select 1 from reports.counted_rating c where c.rating_id = r.rating_id))"""));
    }

    // ---- reading ------------------------------------------------------------------------------

    /** The counted campaigns of the period. */
    List<Counted> counted(Period period) {
        return db.select(CAMPAIGN.CAMPAIGN_ID, CAMPAIGN.ROLL_DATE, CAMPAIGN.DEPTH).from(CAMPAIGN)
                .where(CAMPAIGN.PERIOD_KIND.eq(period.kind().name()).and(CAMPAIGN.YEAR.eq(period.year()))
                        .and(CAMPAIGN.PERIOD_NO.eq(period.no())))
                .fetch(r -> new Counted(r.value1(), r.value2(), r.value3()));
    }

    /**
     * Whether the tallies hold the unit's figures for the period: every counted campaign was kept to
     * {@code depth} and the unit was at most that deep (or did not exist) on each roll date.
     */
    boolean covers(long unitId, List<Counted> campaigns, int depth) {
        if (campaigns.isEmpty()) return false;
        Set<LocalDate> dates = new HashSet<>();
        for (Counted c : campaigns) {
            if (c.depth() != depth) return false;
            dates.add(c.rollDate());
        }
        for (LocalDate date : dates) {
            Integer unitDepth = db.fetchOptional("""
                    select t.depth from orgstructure.unit_tree t
                    where t.unit_id = ? and t.valid_from <= ? and (t.valid_to is null or t.valid_to > ?)""",
                    unitId, date, date).map(r -> r.get(0, Integer.class)).orElse(null);
            if (unitDepth != null && unitDepth > depth) return false;
        }
        return true;
    }

    /** class → bucket → count from the tallies. */
    Map<String, Map<String, Long>> read(long unitId, Period period) {
        Map<String, Map<String, Long>> result = new HashMap<>();
        db.select(TALLY.SUBJECT_CLASS, TALLY.BUCKET, TALLY.N).from(TALLY)
                .where(TALLY.UNIT_ID.eq(unitId).and(TALLY.PERIOD_KIND.eq(period.kind().name()))
                        .and(TALLY.YEAR.eq(period.year())).and(TALLY.PERIOD_NO.eq(period.no())))
                .forEach(r -> result.computeIfAbsent(r.value1(), k -> new HashMap<>()).merge(r.value2(), r.value3(), Long::sum));
        return result;
    }

    /** The unit's path on a date, if it existed then. */
    String pathOn(long unitId, LocalDate date) {
        return db.fetchOptional("""
                select t.path from orgstructure.unit_tree t
                where t.unit_id = ? and t.valid_from <= ? and (t.valid_to is null or t.valid_to > ?)""", unitId, date, date)
                .map(r -> r.get(0, String.class)).orElse(null);
    }

    static String upper(String path) {
        return path.substring(0, path.length() - 1) + "0";
    }

    /** The campaign's ratings ({@code r}) whose unit was in the subtree of a path on the roll date. */
    private static final String SUBTREE_RATINGS = """
            from evaluations.rating_result r
            where r.campaign_id = ? and r.unit_path >= ? and r.unit_path < ?""";

    /** class → bucket → count, counted from the ratings of one campaign in the subtree. */
    void count(long campaignId, String path, Map<String, Map<String, Long>> into) {
        db.fetch("select %s, %s, count(*) %s group by 1, 2".formatted(CLASS_SQL, BUCKET_SQL, SUBTREE_RATINGS),
                        campaignId, path, upper(path))
                .forEach(r -> into.computeIfAbsent(r.get(0, String.class), k -> new HashMap<>())
                        .merge(r.get(1, String.class), r.get(2, Long.class), Long::sum));
    }

    record NotRatedRow(String subjectClass, Long memberId, String name, long unitId, String unitName, String reason) {
    }

    List<NotRatedRow> notRated(long campaignId, String path, int limit) {
        return db.fetch("""
                        select %s, r.member_id, coalesce(m.full_name, r.unit_name), r.unit_id, r.unit_name, r.not_rated_reason
                        from evaluations.rating_result r
                        left join members.member_name m on m.member_id = r.member_id
                        where r.campaign_id = ? and r.unit_path >= ? and r.unit_path < ? and r.status = 'NOT_RATED'
                        order by r.unit_path, 3 limit ?""".formatted(CLASS_SQL),
                        campaignId, path, upper(path), limit)
                .map(r -> new NotRatedRow(r.get(0, String.class), r.get(1, Long.class), r.get(2, String.class),
                        r.get(3, Long.class), r.get(4, String.class), r.get(5, String.class)));
    }

    record CandidateRow(long memberId, String name, long cellId, String cellName, String years) {
    }

    /**
     * Members of the subtree decided at one of {@code levels} in the campaign, with their decided
     * levels of years [{@code fromYear}, {@code toYear}] among {@code levels} ("2020:NOT_COMPLETED,…").
     */
    List<CandidateRow> candidates(long campaignId, String path, String[] levels, int fromYear, int toYear,
                                  int yearsNeeded) {
        return db.fetch("""
                        select r.member_id, m.full_name, r.unit_id, r.unit_name, h.years
                        from evaluations.rating_result r
                        join lateral (select count(distinct p.year) as n,
                                             string_agg(p.year || ':' || p.decided_level, ',' order by p.year) as years
                                      from evaluations.rating_result p
                                      where p.member_id = r.member_id and p.subject_kind = 'MEMBER' and p.period_kind = 'YEAR'
                                        and p.year between ? and ? and p.decided_level = any(?)) h on h.n = ?
                        left join members.member_name m on m.member_id = r.member_id
                        where r.campaign_id = ? and r.unit_path >= ? and r.unit_path < ?
                          and r.subject_kind = 'MEMBER' and r.decided_level = any(?)
                        order by r.unit_path, m.full_name""",
                        fromYear, toYear, levels, yearsNeeded, campaignId, path, upper(path), levels)
                .map(r -> new CandidateRow(r.get(0, Long.class), r.get(1, String.class), r.get(2, Long.class),
                        r.get(3, String.class), r.get(4, String.class)));
    }
}
