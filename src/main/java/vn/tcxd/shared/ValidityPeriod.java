package vn.tcxd.shared;

import java.time.LocalDate;

/**
 * The dates a rule set is valid: from {@code from} inclusive to {@code to} exclusive (open when null).
 * A decision is judged by the rule set valid on the date of the act.
 */
public record ValidityPeriod(LocalDate from, LocalDate to) {

    public ValidityPeriod {
        if (from == null) {
            throw new IllegalArgumentException("from is required");
        }
        if (to != null && !to.isAfter(from)) {
            throw new IllegalArgumentException("to must be after from");
        }
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && (to == null || date.isBefore(to));
    }
}
