package vn.tcxd.cadres.internal;

import org.jooq.DSLContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.tcxd.cadres.ConfidenceResultsPublished;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import static vn.tcxd.jooq.cadres.Tables.CONFIDENCE_OUTCOME;

/**
 * Keeps the outcomes of confidence votes as they are published, in the publisher's transaction (a
 * failure rolls the conclusion back). Reading them is the planning check's and the cadre file's.
 */
@Component
class ConfidenceOutcomes {

    private final DSLContext db;

    ConfidenceOutcomes(DSLContext db) {
        this.db = db;
    }

    @EventListener
    void on(ConfidenceResultsPublished event) {
        for (ConfidenceResultsPublished.Outcome o : event.outcomes()) {
            db.insertInto(CONFIDENCE_OUTCOME)
                    .set(CONFIDENCE_OUTCOME.VOTE_SESSION_ID, event.sessionId())
                    .set(CONFIDENCE_OUTCOME.MEMBER_ID, o.memberId())
                    .set(CONFIDENCE_OUTCOME.VOTED_ON, event.votedOn())
                    .set(CONFIDENCE_OUTCOME.SESSION_NAME, event.sessionName())
                    .set(CONFIDENCE_OUTCOME.UNIT_ID, event.unitId())
                    .set(CONFIDENCE_OUTCOME.LOW, o.low())
                    .set(CONFIDENCE_OUTCOME.BASE, o.base())
                    .set(CONFIDENCE_OUTCOME.REMOVAL, o.removal())
                    .set(CONFIDENCE_OUTCOME.DISMISSAL, o.dismissal())
                    .set(CONFIDENCE_OUTCOME.RULE_SET_CODE, event.ruleSetCode())
                    .set(CONFIDENCE_OUTCOME.LEGAL_BASIS, o.legalBasis())
                    .execute();
        }
    }

    record Row(long sessionId, long memberId, LocalDate votedOn, String sessionName, int low, int base, boolean removal,
               boolean dismissal, String legalBasis) {
    }

    /** Every outcome of a member's votes up to a date, newest first. */
    List<Row> of(long memberId, LocalDate upTo) {
        return db.select(CONFIDENCE_OUTCOME.VOTE_SESSION_ID, CONFIDENCE_OUTCOME.MEMBER_ID, CONFIDENCE_OUTCOME.VOTED_ON,
                        CONFIDENCE_OUTCOME.SESSION_NAME, CONFIDENCE_OUTCOME.LOW, CONFIDENCE_OUTCOME.BASE,
                        CONFIDENCE_OUTCOME.REMOVAL, CONFIDENCE_OUTCOME.DISMISSAL, CONFIDENCE_OUTCOME.LEGAL_BASIS)
                .from(CONFIDENCE_OUTCOME)
                .where(CONFIDENCE_OUTCOME.MEMBER_ID.eq(memberId)).and(CONFIDENCE_OUTCOME.VOTED_ON.le(upTo))
                .orderBy(CONFIDENCE_OUTCOME.VOTED_ON.desc())
                .fetch(org.jooq.Records.mapping(Row::new));
    }

    /** The outcomes with a consequence (removal or dismissal) of these members, voted on up to a date. */
    List<Row> consequential(Collection<Long> memberIds, LocalDate upTo) {
        if (memberIds.isEmpty()) return List.of();
        return db.select(CONFIDENCE_OUTCOME.VOTE_SESSION_ID, CONFIDENCE_OUTCOME.MEMBER_ID, CONFIDENCE_OUTCOME.VOTED_ON,
                        CONFIDENCE_OUTCOME.SESSION_NAME, CONFIDENCE_OUTCOME.LOW, CONFIDENCE_OUTCOME.BASE,
                        CONFIDENCE_OUTCOME.REMOVAL, CONFIDENCE_OUTCOME.DISMISSAL, CONFIDENCE_OUTCOME.LEGAL_BASIS)
                .from(CONFIDENCE_OUTCOME)
                .where(CONFIDENCE_OUTCOME.MEMBER_ID.eq(org.jooq.impl.DSL.any(memberIds.toArray(Long[]::new))))
                .and(CONFIDENCE_OUTCOME.VOTED_ON.le(upTo))
                .and(CONFIDENCE_OUTCOME.REMOVAL.isTrue().or(CONFIDENCE_OUTCOME.DISMISSAL.isTrue()))
                .orderBy(CONFIDENCE_OUTCOME.VOTED_ON)
                .fetch(org.jooq.Records.mapping(Row::new));
    }
}
