package vn.tcxd.development;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Facade of party development. Reads do not check the caller's scope; the web layer does, with
 * {@link vn.tcxd.orgstructure.OrgScope} on the candidate's cell.
 */
public interface Development {

    List<DevelopmentRuleSet> ruleSets();

    /** The rule set valid on a date; a {@link vn.tcxd.shared.RuleViolation} when none is. */
    DevelopmentRuleSet ruleSetOn(LocalDate date);

    Optional<Candidate> candidate(long candidateId);

    /** The candidates proposed by the unit or below it (refused and admitted included), newest first. */
    List<Candidate.Summary> candidates(long unitId);

    /** The last day the competent committee may decide on a candidate the cell approved on {@code cellOn}. */
    LocalDate decisionDeadline(LocalDate cellOn);

    OptionalInt target(long unitId, int year);

    /** Applies an act; returns the id of the candidate (or class, or unit) it concerns. */
    long apply(DevelopmentAct act);
}
