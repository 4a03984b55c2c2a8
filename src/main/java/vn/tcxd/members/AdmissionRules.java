package vn.tcxd.members;

import java.time.LocalDate;
import java.util.List;

/**
 * Who may be admitted and re-admitted, under the rule set valid on the date of the (re-)admission
 * decision; see {@link AdmissionRuleSet} for the checks.
 */
public interface AdmissionRules {

    /** The rule set valid on {@code date}; a {@link vn.tcxd.shared.RuleViolation} when none is. */
    AdmissionRuleSet ruleSetOn(LocalDate date);

    /** Every rule set, oldest first. */
    List<AdmissionRuleSet> ruleSets();
}
