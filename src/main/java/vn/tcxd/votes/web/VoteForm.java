package vn.tcxd.votes.web;

import org.springframework.format.annotation.DateTimeFormat;
import vn.tcxd.shared.DecisionRef;
import vn.tcxd.votes.SessionBody;
import vn.tcxd.votes.VoteRuleSet;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** The fields of the session pages' forms (convening and concluding), as typed. */
record VoteForm(String name, SessionBody body, LocalDate heldOn,
                @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime opensAt,
                @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime closesAt,
                VoteRuleSet.Denominator denominator, List<Long> incumbencyIds, LocalDate on,
                String decisionNumber, LocalDate decisionDate, String decisionBody) {

    /** The decision, or null when none of its fields was filled (the act then says one is required). */
    DecisionRef decision() {
        boolean blank = (decisionNumber == null || decisionNumber.isBlank()) && (decisionBody == null || decisionBody.isBlank());
        return blank ? null : new DecisionRef(decisionNumber, decisionDate, decisionBody);
    }

    /** A blank form for a session held today, its window the working day. */
    static VoteForm blank(LocalDate today) {
        return new VoteForm(null, SessionBody.COMMITTEE, today, today.atTime(8, 0), today.atTime(17, 0), null, List.of(),
                today, null, null, null);
    }
}
