package vn.tcxd.reports;

import vn.tcxd.evaluations.NotRatedReason;
import vn.tcxd.evaluations.RatingLevel;

import java.util.List;
import java.util.Map;

/**
 * The ratings of one class of subjects in a subtree for a period: how many were decided at each
 * level (best first, the scheme's ranks 1–4), how many are rated in all, still open, not rated by
 * reason, and the total subjects. Every share the reports state is of {@link #rated()}.
 */
public record RatingFigures(RatingClass subjectClass, List<LevelCount> levels, long rated, long open,
                            Map<NotRatedReason, Long> notRated, long total) {

    public RatingFigures {
        levels = List.copyOf(levels);
        notRated = Map.copyOf(notRated);
    }

    /** A level with its rank in the scheme (0: a level of another scheme) and how many were decided at it. */
    public record LevelCount(RatingLevel level, int rank, long count) {
    }

    /** Decided at this rank (1 the top level … 4 the failed level). */
    public long atRank(int rank) {
        return levels.stream().filter(l -> l.rank() == rank).mapToLong(LevelCount::count).sum();
    }

    /** Decided at rank 1 or 2: "hoàn thành tốt nhiệm vụ trở lên", or "trong sạch vững mạnh" under the old schemes. */
    public long goodOrBetter() {
        return atRank(1) + atRank(2);
    }

    public long count(RatingLevel level) {
        return levels.stream().filter(l -> l.level() == level).mapToLong(LevelCount::count).sum();
    }

    public long notRatedTotal() {
        return notRated.values().stream().mapToLong(Long::longValue).sum();
    }

    public long notRated(NotRatedReason reason) {
        return notRated.getOrDefault(reason, 0L);
    }

    public boolean isEmpty() {
        return total == 0;
    }
}
