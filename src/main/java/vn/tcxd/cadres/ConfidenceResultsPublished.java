package vn.tcxd.cadres;

import java.time.LocalDate;
import java.util.List;

/**
 * The outcomes of a concluded confidence vote, published by {@code votes} in its transaction. Cadre work
 * keeps them: a removal outcome (over half low votes, QĐ 96) puts the cadre among the removals the
 * planning check proposes; a dismissal outcome (two thirds low, QĐ 41) flags the dismissal procedure.
 * The type lives here because cadre work is its consumer and {@code votes} depends on {@code cadres}.
 */
public record ConfidenceResultsPublished(long sessionId, String sessionName, long unitId, LocalDate votedOn,
                                         String ruleSetCode, List<Outcome> outcomes) {

    public ConfidenceResultsPublished {
        outcomes = List.copyOf(outcomes);
    }

    /**
     * @param low         low-confidence votes
     * @param base        the number the share is of
     * @param legalBasis  the rule that gives the consequence, as the vote's rule set words it
     */
    public record Outcome(long memberId, int low, int base, boolean removal, boolean dismissal, String legalBasis) {
    }
}
