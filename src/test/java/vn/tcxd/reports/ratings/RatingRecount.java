package vn.tcxd.reports.ratings;

import org.springframework.jdbc.core.simple.JdbcClient;
import vn.tcxd.evaluations.NotRatedReason;
import vn.tcxd.evaluations.Period;
import vn.tcxd.reports.RatingClass;
import vn.tcxd.reports.RatingDistribution;
import vn.tcxd.reports.RatingFigures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A brute-force recount of rating distributions that shares no code or SQL with the engine: every
 * rating of the period from {@code evaluations.rating_result}, each placed under a unit by walking
 * parent links of {@code orgstructure.unit_tree} as at its campaign's roll date.
 */
final class RatingRecount {

    /** What a distribution says, in a form both sides can be compared on: class → bucket → count. */
    static Map<String, Map<String, Long>> of(RatingDistribution d) {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        for (RatingFigures f : d.classes()) {
            Map<String, Long> buckets = new TreeMap<>();
            f.levels().forEach(l -> { if (l.count() > 0) buckets.put(l.level().name(), l.count()); });
            f.notRated().forEach((reason, n) -> { if (n > 0) buckets.put("NR_" + reason, n); });
            if (f.open() > 0) buckets.put("OPEN", f.open());
            long sum = buckets.values().stream().mapToLong(Long::longValue).sum();
            if (sum != f.total()) throw new AssertionError("total of " + f.subjectClass() + " is " + f.total() + ", parts " + sum);
            if (!buckets.isEmpty()) out.put(f.subjectClass().name(), buckets);
        }
        return out;
    }

    private record Row(String kind, String unitType, long unitId, LocalDate rollDate, String status, String level,
                       String reason) {
    }

    private final List<Row> rows;
    private final Map<LocalDate, Map<Long, Long>> parents = new HashMap<>();
    private final JdbcClient jdbc;

    RatingRecount(JdbcClient jdbc, Period period) {
        this.jdbc = jdbc;
        this.rows = jdbc.sql("""
                        select subject_kind, unit_type, unit_id, roll_date, status, decided_level, not_rated_reason
                        from evaluations.rating_result where period_kind = ? and year = ? and period_no = ?""")
                .params(period.kind().name(), period.year(), period.no())
                .query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getDate(4).toLocalDate(),
                        rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
    }

    private Map<Long, Long> parentsOn(LocalDate date) {
        return parents.computeIfAbsent(date, d -> {
            Map<Long, Long> map = new HashMap<>();
            jdbc.sql("select unit_id, parent_id from orgstructure.unit_tree where valid_from <= ? and (valid_to is null or valid_to > ?)")
                    .params(d, d).query((rs, i) -> {
                        long parent = rs.getLong(2);
                        map.put(rs.getLong(1), rs.wasNull() ? null : parent);
                        return null;
                    }).list();
            return map;
        });
    }

    private boolean under(long unitId, long ancestor, LocalDate date) {
        Map<Long, Long> p = parentsOn(date);
        Long at = unitId;
        while (at != null) {
            if (at == ancestor) return true;
            at = p.get(at);
        }
        return false;
    }

    Map<String, Map<String, Long>> count(long unitId) {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        for (Row r : rows) {
            if (!under(r.unitId(), unitId, r.rollDate())) continue;
            String bucket = "DECIDED".equals(r.status()) ? r.level() : "NOT_RATED".equals(r.status()) ? "NR_" + r.reason() : "OPEN";
            out.computeIfAbsent(classOf(r).name(), k -> new TreeMap<>()).merge(bucket, 1L, Long::sum);
        }
        return out;
    }

    /** Units that hold at least one rating of the period (for sampling). */
    List<Long> units() {
        return new ArrayList<>(rows.stream().map(Row::unitId).distinct().toList());
    }

    private static RatingClass classOf(Row r) {
        return switch (r.kind()) {
            case "MEMBER" -> RatingClass.MEMBER;
            case "LEADER" -> RatingClass.LEADER;
            case "COLLECTIVE" -> RatingClass.COLLECTIVE;
            default -> switch (r.unitType()) {
                case "GRASSROOTS_COMMITTEE", "GRASSROOTS_CELL" -> RatingClass.GRASSROOTS;
                case "CELL" -> RatingClass.CELL;
                case "PARTIAL_COMMITTEE" -> RatingClass.PARTIAL;
                default -> RatingClass.UPPER;
            };
        };
    }

    static Map<NotRatedReason, Long> none() {
        return new EnumMap<>(NotRatedReason.class);
    }
}
