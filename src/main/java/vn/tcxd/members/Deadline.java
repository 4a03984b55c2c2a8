package vn.tcxd.members;

import vn.tcxd.shared.RuleSet;

import java.time.LocalDate;

/**
 * A legal deadline worked out under the rule set valid on its start date: the act is on time when
 * done on or before {@code due}.
 *
 * @param reference the provision of the rule, e.g. "QĐ 24-QĐ/TW mục 4.1 …"
 */
public record Deadline(DeadlineKind kind, LocalDate start, LocalDate due, int amount, DeadlineUnit unit,
                       RuleSet ruleSet, String reference) {

    public String ruleSetCode() {
        return ruleSet.code();
    }

    /** The rule set's documents and the provision, for display next to the date. */
    public String legalBasis() {
        return ruleSet.legalBasis() + " — " + reference;
    }

    /** Overdue on {@code today} when not yet done: today is after the due date. */
    public boolean overdueOn(LocalDate today) {
        return today.isAfter(due);
    }

    /** Done late: the act happened after the due date. */
    public boolean lateWhenDoneOn(LocalDate doneOn) {
        return doneOn.isAfter(due);
    }
}
