package vn.tcxd.evaluations.web;

import vn.tcxd.evaluations.EvaluationAct;
import vn.tcxd.evaluations.RatingLevel;
import vn.tcxd.shared.DecisionRef;
import vn.tcxd.shared.RuleViolation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The committee's decision: the ratings ticked, each at the level chosen (the proposal by default),
 * an override reason where an HTXSNV exceeds the quota, and the decision that covers them all.
 */
public class DecideRatingsForm {

    private List<Item> items = new ArrayList<>();
    private String decisionNumber;
    private LocalDate decisionDate;
    private String decisionBody;

    List<EvaluationAct.DecisionItem> decisionItems() {
        List<EvaluationAct.DecisionItem> chosen = items.stream().filter(i -> i.isChosen() && i.getRatingId() != null)
                .map(i -> new EvaluationAct.DecisionItem(i.getRatingId(), i.getLevel(), i.getScore(), i.getOverrideReason()))
                .toList();
        if (chosen.isEmpty()) {
            throw new RuleViolation("rating.error.nothingToDecide");
        }
        return chosen;
    }

    DecisionRef decision() {
        if ((decisionNumber == null || decisionNumber.isBlank()) && decisionDate == null) {
            throw RuleViolation.onField("decisionNumber", "error.decision.required");
        }
        return new DecisionRef(decisionNumber, decisionDate, decisionBody);
    }

    public List<Item> getItems() {
        return items;
    }

    public void setItems(List<Item> items) {
        this.items = items;
    }

    public String getDecisionNumber() {
        return decisionNumber;
    }

    public void setDecisionNumber(String decisionNumber) {
        this.decisionNumber = decisionNumber;
    }

    public LocalDate getDecisionDate() {
        return decisionDate;
    }

    public void setDecisionDate(LocalDate decisionDate) {
        this.decisionDate = decisionDate;
    }

    public String getDecisionBody() {
        return decisionBody;
    }

    public void setDecisionBody(String decisionBody) {
        this.decisionBody = decisionBody;
    }

    /** For the shared decision fieldset, which reads record-style accessors. */
    public String decisionNumber() {
        return decisionNumber;
    }

    public LocalDate decisionDate() {
        return decisionDate;
    }

    public String decisionBody() {
        return decisionBody;
    }

    public static class Item {
        private Long ratingId;
        private boolean chosen;
        private RatingLevel level;
        private BigDecimal score;
        private String overrideReason;

        public Long getRatingId() {
            return ratingId;
        }

        public void setRatingId(Long ratingId) {
            this.ratingId = ratingId;
        }

        public boolean isChosen() {
            return chosen;
        }

        public void setChosen(boolean chosen) {
            this.chosen = chosen;
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

        public String getOverrideReason() {
            return overrideReason;
        }

        public void setOverrideReason(String overrideReason) {
            this.overrideReason = overrideReason;
        }
    }
}
