package vn.tcxd.shared;

import java.time.LocalDate;

/** Số, ngày, cơ quan ban hành of the decision behind an act, as the JSON API receives it. */
public record DecisionRequest(String number, LocalDate date, String issuingBody) {

    /** The decision; a Vietnamese error on the field when it is missing or incomplete. */
    public static DecisionRef required(DecisionRequest r) {
        if (r == null) {
            throw RuleViolation.onField("decision", "error.decision.required");
        }
        return r.toDecision();
    }

    public DecisionRef toDecision() {
        return new DecisionRef(number, date, issuingBody);
    }
}
