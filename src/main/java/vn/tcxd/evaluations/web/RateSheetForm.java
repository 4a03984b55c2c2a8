package vn.tcxd.evaluations.web;

import vn.tcxd.evaluations.EvaluationAct;
import vn.tcxd.evaluations.RatingLevel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The cell's sheet: one line per member (and the cell itself) with the self-assessment handed in and
 * the cell's proposal with its vote. Lines with nothing entered are skipped.
 */
public class RateSheetForm {

    private List<Line> lines = new ArrayList<>();

    public List<Line> getLines() {
        return lines;
    }

    public void setLines(List<Line> lines) {
        this.lines = lines;
    }

    List<EvaluationAct.Proposal> proposals() {
        return lines.stream().filter(l -> l.getRatingId() != null)
                .filter(l -> l.getSelfLevel() != null || l.getLevel() != null)
                .map(l -> new EvaluationAct.Proposal(l.getRatingId(), l.getSelfLevel(), l.getSelfScore(), l.getLevel(),
                        l.getScore(), l.getVotesFor(), l.getVotesTotal()))
                .toList();
    }

    public static class Line {
        private Long ratingId;
        private RatingLevel selfLevel;
        private BigDecimal selfScore;
        private RatingLevel level;
        private BigDecimal score;
        private Integer votesFor;
        private Integer votesTotal;

        public Long getRatingId() {
            return ratingId;
        }

        public void setRatingId(Long ratingId) {
            this.ratingId = ratingId;
        }

        public RatingLevel getSelfLevel() {
            return selfLevel;
        }

        public void setSelfLevel(RatingLevel selfLevel) {
            this.selfLevel = selfLevel;
        }

        public BigDecimal getSelfScore() {
            return selfScore;
        }

        public void setSelfScore(BigDecimal selfScore) {
            this.selfScore = selfScore;
        }

        public RatingLevel getLevel() {
            return level;
        }

        public void setLevel(RatingLevel level) {
            this.level = level;
        }

        public BigDecimal getScore() {
            return score;
        }

        public void setScore(BigDecimal score) {
            this.score = score;
        }

        public Integer getVotesFor() {
            return votesFor;
        }

        public void setVotesFor(Integer votesFor) {
            this.votesFor = votesFor;
        }

        public Integer getVotesTotal() {
            return votesTotal;
        }

        public void setVotesTotal(Integer votesTotal) {
            this.votesTotal = votesTotal;
        }
    }
}
