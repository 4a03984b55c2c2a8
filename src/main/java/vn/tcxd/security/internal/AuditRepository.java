package vn.tcxd.security.internal;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import vn.tcxd.security.AuditChainReport;
import vn.tcxd.shared.DecisionRef;
import vn.tcxd.shared.audit.AuditedChange;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static vn.tcxd.jooq.security.Tables.AUDIT_ENTRY;

/**
 * Typed SQL over {@code security.audit_entry}.
 */
@Repository
class AuditRepository {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    /** A stored entry; the time is still an instant, the unit name not yet resolved. */
    record StoredEntry(long id, OffsetDateTime occurredAt, String actor, String action, String entityType,
                       String entityId, Long unitId, Map<String, Object> before, Map<String, Object> after,
                       DecisionRef decision) {
    }

    private final DSLContext db;
    private final ObjectMapper json;

    AuditRepository(DSLContext db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    void insert(String actor, AuditedChange change) {
        DecisionRef decision = change.decision();
        db.insertInto(AUDIT_ENTRY)
                .set(AUDIT_ENTRY.ACTOR, actor)
                .set(AUDIT_ENTRY.ACTION, change.action())
                .set(AUDIT_ENTRY.ENTITY_TYPE, change.entityType())
                .set(AUDIT_ENTRY.ENTITY_ID, change.entityId())
                .set(AUDIT_ENTRY.UNIT_ID, change.unitId())
                .set(AUDIT_ENTRY.BEFORE_STATE, jsonb(change.before()))
                .set(AUDIT_ENTRY.AFTER_STATE, jsonb(change.after()))
                .set(AUDIT_ENTRY.DECISION_NUMBER, decision == null ? null : decision.number())
                .set(AUDIT_ENTRY.DECISION_DATE, decision == null ? null : decision.date())
                .set(AUDIT_ENTRY.DECISION_BODY, decision == null ? null : decision.issuingBody())
                .execute();
    }

    /**
     * Entries newest first.
     *
     * @param unitIds the units the reader may see, or null for all (entries without a unit only then)
     */
    List<StoredEntry> find(Long unitId, String actor, OffsetDateTime from, OffsetDateTime before,
                           Collection<Long> unitIds, long offset, int limit) {
        List<Condition> conditions = new ArrayList<>();
        if (unitId != null) {
            conditions.add(AUDIT_ENTRY.UNIT_ID.eq(unitId));
        }
        if (actor != null) {
            conditions.add(AUDIT_ENTRY.ACTOR.eq(actor));
        }
        if (from != null) {
            conditions.add(AUDIT_ENTRY.OCCURRED_AT.ge(from));
        }
        if (before != null) {
            conditions.add(AUDIT_ENTRY.OCCURRED_AT.lt(before));
        }
        if (unitIds != null) {
            conditions.add(AUDIT_ENTRY.UNIT_ID.eq(DSL.any(unitIds.toArray(Long[]::new))));
        }
        return db.selectFrom(AUDIT_ENTRY)
                .where(conditions)
                .orderBy(AUDIT_ENTRY.OCCURRED_AT.desc(), AUDIT_ENTRY.ID.desc())
                .offset(offset)
                .limit(limit)
                .fetch(r -> new StoredEntry(r.getId(), r.getOccurredAt(), r.getActor(), r.getAction(),
                        r.getEntityType(), r.getEntityId(), r.getUnitId(), map(r.getBeforeState()),
                        map(r.getAfterState()), r.getDecisionNumber() == null ? null
                        : new DecisionRef(r.getDecisionNumber(), r.getDecisionDate(), r.getDecisionBody())));
    }


    /** The chain check of the whole log, by the database function that also serves psql (docs/operations.md). */
    AuditChainReport checkChain() {
        org.jooq.Record r = db.fetchSingle("select * from security.audit_chain_check()");
        String problem = r.get("problem", String.class);
        return new AuditChainReport(r.get("checked", Long.class), r.get("first_broken_id", Long.class),
                r.get("first_broken_seq", Long.class),
                problem == null ? null : AuditChainReport.Problem.valueOf(problem.toUpperCase(java.util.Locale.ROOT)),
                r.get("head_seq", Long.class), r.get("head_hash", String.class));
    }

    private JSONB jsonb(Map<String, Object> value) {
        return value == null ? null : JSONB.valueOf(json.writeValueAsString(value));
    }

    private Map<String, Object> map(JSONB value) {
        return value == null ? null : json.readValue(value.data(), MAP);
    }
}
