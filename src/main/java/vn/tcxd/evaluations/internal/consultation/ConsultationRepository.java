package vn.tcxd.evaluations.internal.consultation;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import vn.tcxd.evaluations.SubjectKind;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import static vn.tcxd.jooq.evaluations.tables.Consultation.CONSULTATION;
import static vn.tcxd.jooq.evaluations.tables.ConsultationFeedback.CONSULTATION_FEEDBACK;
import static vn.tcxd.jooq.evaluations.tables.ConsultationSecret.CONSULTATION_SECRET;

/** The windows, their feedback and the server secret. */
@Repository
class ConsultationRepository {

    private static final long LOCK_NAMESPACE = 2620L << 40;

    private final DSLContext db;

    ConsultationRepository(DSLContext db) {
        this.db = db;
    }

    record WindowRow(long id, long campaignId, long unitId, String token, Instant opensAt, Instant closesAt,
                     String openedBy, Instant openedAt, Instant closedEarlyAt, String closedEarlyBy,
                     String closeReason, int feedbackCount) {

        Instant endsAt() {
            return closedEarlyAt != null ? closedEarlyAt : closesAt;
        }

        boolean openAt(Instant now) {
            return !opensAt.isAfter(now) && endsAt().isAfter(now);
        }
    }

    record FeedbackRow(long id, long consultationId, long windowUnitId, String subjectKind, String subjectName,
                       long addressedUnitId, String text, String authorName, Instant submittedAt) {
    }

    private static Field<Integer> feedbackCount() {
        return DSL.field(DSL.selectCount().from(CONSULTATION_FEEDBACK)
                .where(CONSULTATION_FEEDBACK.CONSULTATION_ID.eq(CONSULTATION.ID)));
    }

    private List<WindowRow> windows(Condition where, boolean forUpdate) {
        var select = db.select(CONSULTATION.ID, CONSULTATION.CAMPAIGN_ID, CONSULTATION.UNIT_ID, CONSULTATION.TOKEN,
                        CONSULTATION.OPENS_AT, CONSULTATION.CLOSES_AT, CONSULTATION.OPENED_BY, CONSULTATION.OPENED_AT,
                        CONSULTATION.CLOSED_EARLY_AT, CONSULTATION.CLOSED_EARLY_BY, CONSULTATION.CLOSE_REASON,
                        forUpdate ? DSL.inline(0) : feedbackCount())
                .from(CONSULTATION).where(where).orderBy(CONSULTATION.OPENS_AT.desc(), CONSULTATION.ID.desc());
        var rows = forUpdate ? select.forUpdate().of(CONSULTATION) : select;
        return rows.fetch(r -> new WindowRow(r.value1(), r.value2(), r.value3(), r.value4(), instant(r.value5()),
                instant(r.value6()), r.value7(), instant(r.value8()), instant(r.value9()), r.value10(), r.value11(),
                r.value12()));
    }

    Optional<WindowRow> find(long id) {
        return windows(CONSULTATION.ID.eq(id), false).stream().findFirst();
    }

    /** The window, its row locked until the transaction ends (feedback and closing queue up behind it). */
    Optional<WindowRow> lock(long id) {
        return windows(CONSULTATION.ID.eq(id), true).stream().findFirst();
    }

    Optional<WindowRow> byToken(String token) {
        return windows(CONSULTATION.TOKEN.eq(token), false).stream().findFirst();
    }

    Optional<WindowRow> lockByToken(String token) {
        return windows(CONSULTATION.TOKEN.eq(token), true).stream().findFirst();
    }

    List<WindowRow> ofUnits(Collection<Long> unitIds) {
        return windows(CONSULTATION.UNIT_ID.eq(DSL.any(unitIds.toArray(Long[]::new))), false);
    }

    /**
     * Serialises openings for one organisation and campaign across instances (an advisory lock held
     * until the transaction ends): the check for a window not yet ended and the insert become atomic.
     */
    void lockOpening(long campaignId, long unitId) {
        db.select(DSL.field("pg_advisory_xact_lock({0})", Object.class,
                DSL.val(LOCK_NAMESPACE ^ (campaignId * 1_000_003L) ^ unitId))).fetch();
    }

    Optional<WindowRow> notEnded(long campaignId, long unitId, Instant now) {
        OffsetDateTime at = offset(now);
        return windows(CONSULTATION.CAMPAIGN_ID.eq(campaignId).and(CONSULTATION.UNIT_ID.eq(unitId))
                .and(DSL.coalesce(CONSULTATION.CLOSED_EARLY_AT, CONSULTATION.CLOSES_AT).gt(at)), false)
                .stream().findFirst();
    }

    long insert(long campaignId, long unitId, String token, Instant opensAt, Instant closesAt, String openedBy,
                Instant openedAt) {
        return db.insertInto(CONSULTATION)
                .set(CONSULTATION.CAMPAIGN_ID, campaignId).set(CONSULTATION.UNIT_ID, unitId)
                .set(CONSULTATION.TOKEN, token).set(CONSULTATION.OPENS_AT, offset(opensAt))
                .set(CONSULTATION.CLOSES_AT, offset(closesAt)).set(CONSULTATION.OPENED_BY, openedBy)
                .set(CONSULTATION.OPENED_AT, offset(openedAt))
                .returning(CONSULTATION.ID).fetchOne(CONSULTATION.ID);
    }

    void closeEarly(long id, Instant at, String by, String reason) {
        db.update(CONSULTATION).set(CONSULTATION.CLOSED_EARLY_AT, offset(at)).set(CONSULTATION.CLOSED_EARLY_BY, by)
                .set(CONSULTATION.CLOSE_REASON, reason).where(CONSULTATION.ID.eq(id)).execute();
    }

    int countFromClient(long consultationId, String clientKey, Instant since) {
        return db.fetchCount(CONSULTATION_FEEDBACK, CONSULTATION_FEEDBACK.CONSULTATION_ID.eq(consultationId)
                .and(CONSULTATION_FEEDBACK.CLIENT_KEY.eq(clientKey))
                .and(CONSULTATION_FEEDBACK.SUBMITTED_AT.gt(offset(since))));
    }

    int countForWindow(long consultationId, Instant since) {
        return db.fetchCount(CONSULTATION_FEEDBACK, CONSULTATION_FEEDBACK.CONSULTATION_ID.eq(consultationId)
                .and(CONSULTATION_FEEDBACK.SUBMITTED_AT.gt(offset(since))));
    }

    long insertFeedback(long consultationId, long ratingId, SubjectKind kind, String subjectName,
                        long addressedUnitId, String text, String authorName, Instant at, String clientKey) {
        return db.insertInto(CONSULTATION_FEEDBACK)
                .set(CONSULTATION_FEEDBACK.CONSULTATION_ID, consultationId)
                .set(CONSULTATION_FEEDBACK.RATING_ID, ratingId)
                .set(CONSULTATION_FEEDBACK.SUBJECT_KIND, kind.name())
                .set(CONSULTATION_FEEDBACK.SUBJECT_NAME, subjectName)
                .set(CONSULTATION_FEEDBACK.ADDRESSED_UNIT_ID, addressedUnitId)
                .set(CONSULTATION_FEEDBACK.TEXT, text)
                .set(CONSULTATION_FEEDBACK.AUTHOR_NAME, authorName)
                .set(CONSULTATION_FEEDBACK.SUBMITTED_AT, offset(at))
                .set(CONSULTATION_FEEDBACK.CLIENT_KEY, clientKey)
                .returning(CONSULTATION_FEEDBACK.ID).fetchOne(CONSULTATION_FEEDBACK.ID);
    }

    List<FeedbackRow> feedback(Condition where, int limit) {
        return db.select(CONSULTATION_FEEDBACK.ID, CONSULTATION_FEEDBACK.CONSULTATION_ID, CONSULTATION.UNIT_ID,
                        CONSULTATION_FEEDBACK.SUBJECT_KIND, CONSULTATION_FEEDBACK.SUBJECT_NAME,
                        CONSULTATION_FEEDBACK.ADDRESSED_UNIT_ID, CONSULTATION_FEEDBACK.TEXT,
                        CONSULTATION_FEEDBACK.AUTHOR_NAME, CONSULTATION_FEEDBACK.SUBMITTED_AT)
                .from(CONSULTATION_FEEDBACK)
                .join(CONSULTATION).on(CONSULTATION.ID.eq(CONSULTATION_FEEDBACK.CONSULTATION_ID))
                .where(where)
                .orderBy(CONSULTATION_FEEDBACK.SUBMITTED_AT.desc(), CONSULTATION_FEEDBACK.ID.desc())
                .limit(limit)
                .fetch(r -> new FeedbackRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), instant(r.value9())));
    }

    List<FeedbackRow> feedbackAddressedTo(Collection<Long> unitIds, int limit) {
        return feedback(CONSULTATION_FEEDBACK.ADDRESSED_UNIT_ID.eq(DSL.any(unitIds.toArray(Long[]::new))), limit);
    }

    List<FeedbackRow> feedbackOf(long consultationId, int limit) {
        return feedback(CONSULTATION_FEEDBACK.CONSULTATION_ID.eq(consultationId), limit);
    }

    /** The stored secret, made by whichever instance comes first. */
    byte[] secret(byte[] candidate) {
        db.insertInto(CONSULTATION_SECRET).set(CONSULTATION_SECRET.ID, (short) 1)
                .set(CONSULTATION_SECRET.SECRET, candidate).onConflictDoNothing().execute();
        return db.select(CONSULTATION_SECRET.SECRET).from(CONSULTATION_SECRET)
                .where(CONSULTATION_SECRET.ID.eq((short) 1)).fetchSingle(CONSULTATION_SECRET.SECRET);
    }

    private static OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
