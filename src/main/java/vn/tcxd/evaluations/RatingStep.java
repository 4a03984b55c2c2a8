package vn.tcxd.evaluations;

import vn.tcxd.shared.DecisionRef;

import java.math.BigDecimal;
import java.time.Instant;

/** One recorded step of a rating: who, when, what level, with which decision or reason. */
public record RatingStep(long id, StepKind step, RatingLevel level, BigDecimal score, Integer votesFor,
                         Integer votesTotal, DecisionRef decision, String reason, String actor, Instant at) {

    public enum StepKind {
        SELF, PROPOSAL, DECISION, OVERRIDE, REOPEN
    }
}
