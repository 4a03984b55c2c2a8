package vn.tcxd.reports;

import vn.tcxd.evaluations.RatingLevel;

import java.util.List;

/**
 * A member a rating consequence applies to: two years running "không hoàn thành nhiệm vụ" (or
 * "vi phạm tư cách") — to consider removal; or five years running at the top level — a commendation
 * candidate (HD 21-HD/BTCTW (2019)). {@code years} are the decided levels that make it, oldest first.
 */
public record RatingCandidate(long memberId, String name, long cellId, String cellName, List<YearLevel> years) {

    public RatingCandidate {
        years = List.copyOf(years);
    }

    public record YearLevel(int year, RatingLevel level) {
    }
}
