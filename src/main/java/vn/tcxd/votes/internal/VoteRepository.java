package vn.tcxd.votes.internal;

import org.jooq.DSLContext;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import vn.tcxd.shared.DecisionRef;
import vn.tcxd.shared.RuleSet;
import vn.tcxd.shared.ValidityPeriod;
import vn.tcxd.votes.BulletinBoard;
import vn.tcxd.votes.SessionBody;
import vn.tcxd.votes.SessionState;
import vn.tcxd.votes.VoteOutcome;
import vn.tcxd.votes.VoteRuleSet;
import vn.tcxd.votes.VoteSession;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import static vn.tcxd.jooq.votes.Tables.BALLOT;
import static vn.tcxd.jooq.votes.Tables.CANDIDATE;
import static vn.tcxd.jooq.votes.Tables.CREDENTIAL;
import static vn.tcxd.jooq.votes.Tables.PAPER_COUNT;
import static vn.tcxd.jooq.votes.Tables.RESULT;
import static vn.tcxd.jooq.votes.Tables.RULE_SET;
import static vn.tcxd.jooq.votes.Tables.SESSION;
import static vn.tcxd.jooq.votes.Tables.VOTER;

/** The votes tables. Nothing here reads or writes a voter and a ballot in one statement. */
@Repository
class VoteRepository {

    private final DSLContext db;

    VoteRepository(DSLContext db) {
        this.db = db;
    }

    // ---- rule sets -------------------------------------------------------------------------------------

    List<VoteRuleSet> ruleSets() {
        return db.selectFrom(RULE_SET).orderBy(RULE_SET.VALID_FROM).fetch(r -> new VoteRuleSet(
                new RuleSet(r.getCode(), r.getName(), r.getLegalBasis(), new ValidityPeriod(r.getValidFrom(), r.getValidTo())),
                new VoteRuleSet.Threshold(r.getQuorumNum(), r.getQuorumDen(), VoteRuleSet.Comparison.GE),
                VoteRuleSet.Denominator.valueOf(r.getDenominator()),
                new VoteRuleSet.Threshold(r.getRemovalNum(), r.getRemovalDen(), VoteRuleSet.Comparison.valueOf(r.getRemovalOp())),
                r.getRemovalBasis(),
                r.getDismissalNum() == null ? null : new VoteRuleSet.Threshold(r.getDismissalNum(), r.getDismissalDen(),
                        VoteRuleSet.Comparison.valueOf(r.getDismissalOp())),
                r.getDismissalBasis(), r.getMaxPlaces(), r.getNotes()));
    }

    // ---- sessions ----------------------------------------------------------------------------------------

    record SessionRow(long id, long unitId, Long termId, SessionBody body, String name, LocalDate heldOn, Instant opensAt,
                      Instant closesAt, String ruleSetCode, VoteRuleSet.Denominator denominator, SessionState state,
                      DecisionRef decision, int convened, Integer present, Integer electronic, Integer paper,
                      VoteSession.PaperCount paperCount, LocalDate concludedOn, DecisionRef resultDecision) {
    }

    long insertSession(long unitId, Long termId, SessionBody body, String name, LocalDate heldOn, Instant opensAt,
                       Instant closesAt, String ruleSetCode, VoteRuleSet.Denominator denominator, DecisionRef decision) {
        return db.insertInto(SESSION)
                .set(SESSION.UNIT_ID, unitId).set(SESSION.TERM_ID, termId).set(SESSION.BODY, body.name())
                .set(SESSION.NAME, name).set(SESSION.HELD_ON, heldOn)
                .set(SESSION.OPENS_AT, opensAt.atOffset(ZoneOffset.UTC)).set(SESSION.CLOSES_AT, closesAt.atOffset(ZoneOffset.UTC))
                .set(SESSION.RULE_SET_CODE, ruleSetCode).set(SESSION.DENOMINATOR, denominator.name())
                .set(SESSION.DECISION_NUMBER, decision.number()).set(SESSION.DECISION_DATE, decision.date())
                .set(SESSION.DECISION_BODY, decision.issuingBody())
                .returning(SESSION.ID).fetchOne(SESSION.ID);
    }

    Optional<SessionRow> session(long id, boolean forUpdate) {
        var q = db.selectFrom(SESSION).where(SESSION.ID.eq(id));
        return (forUpdate ? q.forUpdate() : q).fetchOptional(r -> {
            VoteSession.PaperCount paper = r.getPaperCollected() == null ? null : new VoteSession.PaperCount(
                    r.getPaperCollected(), r.getInvalidNotIssued(), r.getInvalidStruck(), r.getInvalidAdded(),
                    r.getInvalidBoxes(), paperTallies(id));
            return new SessionRow(r.getId(), r.getUnitId(), r.getTermId(), SessionBody.valueOf(r.getBody()), r.getName(),
                    r.getHeldOn(), r.getOpensAt().toInstant(), r.getClosesAt().toInstant(), r.getRuleSetCode(),
                    VoteRuleSet.Denominator.valueOf(r.getDenominator()), SessionState.valueOf(r.getState()),
                    new DecisionRef(r.getDecisionNumber(), r.getDecisionDate(), r.getDecisionBody()), r.getConvened(),
                    r.getPresent(), r.getElectronic(), r.getPaper(), paper, r.getConcludedOn(),
                    r.getResultNumber() == null ? null : new DecisionRef(r.getResultNumber(), r.getResultDate(), r.getResultBody()));
        });
    }

    /** The sessions of a unit, or of every unit when {@code unitId} is null. */
    List<VoteSession.Summary> sessionsOf(Long unitId) {
        var candidates = DSL.field(DSL.selectCount().from(CANDIDATE).where(CANDIDATE.SESSION_ID.eq(SESSION.ID)));
        return db.select(SESSION.ID, SESSION.UNIT_ID, SESSION.NAME, SESSION.BODY, SESSION.HELD_ON, SESSION.STATE,
                        SESSION.CONVENED, SESSION.PRESENT, candidates, SESSION.RULE_SET_CODE)
                .from(SESSION).where(unitId == null ? DSL.noCondition() : SESSION.UNIT_ID.eq(unitId))
                .orderBy(SESSION.HELD_ON.desc(), SESSION.ID.desc())
                .fetch(r -> new VoteSession.Summary(r.value1(), r.value2(), r.value3(), SessionBody.valueOf(r.value4()),
                        r.value5(), SessionState.valueOf(r.value6()), r.value7(), r.value8(), r.value9(), r.value10()));
    }

    /** Sessions (other than {@code except}) in the year of {@code year} in which the member is voted on. */
    int placesOf(long memberId, int year, long except) {
        return db.fetchCount(db.select(CANDIDATE.SESSION_ID).from(CANDIDATE).join(SESSION).on(SESSION.ID.eq(CANDIDATE.SESSION_ID))
                .where(CANDIDATE.MEMBER_ID.eq(memberId)).and(CANDIDATE.SESSION_ID.ne(except))
                .and(SESSION.HELD_ON.between(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))));
    }

    void insertVoter(long sessionId, long memberId, String fullName, String position) {
        db.insertInto(VOTER).set(VOTER.SESSION_ID, sessionId).set(VOTER.MEMBER_ID, memberId)
                .set(VOTER.FULL_NAME, fullName).set(VOTER.POSITION, position).execute();
    }

    void insertCandidate(long sessionId, long memberId, long incumbencyId, String fullName, String titleName,
                         String unitName, int ordinal) {
        db.insertInto(CANDIDATE).set(CANDIDATE.SESSION_ID, sessionId).set(CANDIDATE.MEMBER_ID, memberId)
                .set(CANDIDATE.INCUMBENCY_ID, incumbencyId).set(CANDIDATE.FULL_NAME, fullName)
                .set(CANDIDATE.TITLE_NAME, titleName).set(CANDIDATE.UNIT_NAME, unitName).set(CANDIDATE.ORDINAL, ordinal)
                .execute();
    }

    void setConvened(long sessionId, int convened) {
        db.update(SESSION).set(SESSION.CONVENED, convened).where(SESSION.ID.eq(sessionId)).execute();
    }

    List<VoteSession.Voter> voters(long sessionId) {
        return db.selectFrom(VOTER).where(VOTER.SESSION_ID.eq(sessionId))
                .orderBy(VOTER.FULL_NAME.collate("vi-VN-x-icu"), VOTER.MEMBER_ID)
                .fetch(r -> new VoteSession.Voter(r.getMemberId(), r.getFullName(), r.getPosition(), r.getPresent(),
                        r.getMode() == null ? null : VoteSession.BallotMode.valueOf(r.getMode()),
                        r.getCredentialReceived(), r.getCounting() == null ? null : VoteSession.CountingRole.valueOf(r.getCounting())));
    }

    List<VoteSession.Candidate> candidates(long sessionId) {
        return db.select(CANDIDATE.MEMBER_ID, CANDIDATE.INCUMBENCY_ID, CANDIDATE.FULL_NAME, CANDIDATE.TITLE_NAME,
                        CANDIDATE.UNIT_NAME, CANDIDATE.ORDINAL)
                .from(CANDIDATE).where(CANDIDATE.SESSION_ID.eq(sessionId)).orderBy(CANDIDATE.ORDINAL)
                .fetch(Records.mapping(VoteSession.Candidate::new));
    }

    /** Attendance of one voter; {@code credential}: a credential was handed over (never which). */
    void attend(long sessionId, long memberId, boolean present, VoteSession.BallotMode mode, boolean credential,
                VoteSession.CountingRole counting) {
        db.update(VOTER).set(VOTER.PRESENT, present).set(VOTER.MODE, mode == null ? null : mode.name())
                .set(VOTER.CREDENTIAL_RECEIVED, credential).set(VOTER.COUNTING, counting == null ? null : counting.name())
                .where(VOTER.SESSION_ID.eq(sessionId)).and(VOTER.MEMBER_ID.eq(memberId)).execute();
    }

    void startVoting(long sessionId, int present, int electronic, int paper) {
        db.update(SESSION).set(SESSION.STATE, SessionState.VOTING.name()).set(SESSION.PRESENT, present)
                .set(SESSION.ELECTRONIC, electronic).set(SESSION.PAPER, paper).where(SESSION.ID.eq(sessionId)).execute();
    }

    /** All of a session's credential tags in one statement, in the (random) order given. */
    void insertCredentials(long sessionId, List<String> tags) {
        if (tags.isEmpty()) return;
        var insert = db.insertInto(CREDENTIAL, CREDENTIAL.TAG, CREDENTIAL.SESSION_ID);
        for (String t : tags) insert = insert.values(t, sessionId);
        insert.execute();
    }

    Optional<Long> sessionOfCredential(String tag) {
        return db.select(CREDENTIAL.SESSION_ID).from(CREDENTIAL).where(CREDENTIAL.TAG.eq(tag)).fetchOptional(CREDENTIAL.SESSION_ID);
    }

    boolean credentialUsed(String tag) {
        return db.fetchExists(BALLOT, BALLOT.CREDENTIAL_TAG.eq(tag));
    }

    /** Stores a ballot; false when the credential has a ballot already (a concurrent second cast). */
    boolean insertBallot(long sessionId, String hash, String tag, String nonce, String content) {
        return db.insertInto(BALLOT).set(BALLOT.HASH, hash).set(BALLOT.SESSION_ID, sessionId)
                .set(BALLOT.CREDENTIAL_TAG, tag).set(BALLOT.NONCE, nonce).set(BALLOT.CONTENT, content)
                .onConflict(BALLOT.CREDENTIAL_TAG).doNothing().execute() == 1;
    }

    int ballotCount(long sessionId) {
        return db.fetchCount(BALLOT, BALLOT.SESSION_ID.eq(sessionId));
    }

    List<BulletinBoard.Ballot> ballots(long sessionId) {
        return db.select(BALLOT.HASH, BALLOT.CREDENTIAL_TAG, BALLOT.NONCE, BALLOT.CONTENT).from(BALLOT)
                .where(BALLOT.SESSION_ID.eq(sessionId)).orderBy(BALLOT.HASH)
                .fetch(Records.mapping(BulletinBoard.Ballot::new));
    }

    /** Only the contents, for the tally. */
    List<String> ballotContents(long sessionId) {
        return db.select(BALLOT.CONTENT).from(BALLOT).where(BALLOT.SESSION_ID.eq(sessionId)).fetch(BALLOT.CONTENT);
    }

    List<String> credentialTags(long sessionId) {
        return db.select(CREDENTIAL.TAG).from(CREDENTIAL).where(CREDENTIAL.SESSION_ID.eq(sessionId))
                .orderBy(CREDENTIAL.TAG).fetch(CREDENTIAL.TAG);
    }

    Optional<Long> sessionOfBallot(String hash) {
        return db.select(BALLOT.SESSION_ID).from(BALLOT).where(BALLOT.HASH.eq(hash)).fetchOptional(BALLOT.SESSION_ID);
    }

    // ---- paper and results ---------------------------------------------------------------------------------

    List<VoteSession.PaperTally> paperTallies(long sessionId) {
        return db.select(PAPER_COUNT.MEMBER_ID, PAPER_COUNT.HIGH, PAPER_COUNT.CONFIDENCE, PAPER_COUNT.LOW)
                .from(PAPER_COUNT).where(PAPER_COUNT.SESSION_ID.eq(sessionId)).orderBy(PAPER_COUNT.MEMBER_ID)
                .fetch(Records.mapping(VoteSession.PaperTally::new));
    }

    void savePaper(long sessionId, VoteSession.PaperCount count) {
        db.update(SESSION).set(SESSION.PAPER_COLLECTED, count.collected())
                .set(SESSION.INVALID_NOT_ISSUED, count.invalidNotIssued()).set(SESSION.INVALID_STRUCK, count.invalidStruck())
                .set(SESSION.INVALID_ADDED, count.invalidAdded()).set(SESSION.INVALID_BOXES, count.invalidBoxes())
                .where(SESSION.ID.eq(sessionId)).execute();
        db.deleteFrom(PAPER_COUNT).where(PAPER_COUNT.SESSION_ID.eq(sessionId)).execute();
        for (VoteSession.PaperTally t : count.tallies()) {
            db.insertInto(PAPER_COUNT).set(PAPER_COUNT.SESSION_ID, sessionId).set(PAPER_COUNT.MEMBER_ID, t.memberId())
                    .set(PAPER_COUNT.HIGH, t.high()).set(PAPER_COUNT.CONFIDENCE, t.confidence()).set(PAPER_COUNT.LOW, t.low())
                    .execute();
        }
    }

    record ResultRow(long memberId, int high, int confidence, int low, int blank, int base, VoteOutcome outcome) {
    }

    void saveResults(long sessionId, Collection<ResultRow> rows, LocalDate on, DecisionRef decision) {
        for (ResultRow r : rows) {
            db.insertInto(RESULT).set(RESULT.SESSION_ID, sessionId).set(RESULT.MEMBER_ID, r.memberId())
                    .set(RESULT.HIGH, r.high()).set(RESULT.CONFIDENCE, r.confidence()).set(RESULT.LOW, r.low())
                    .set(RESULT.BLANK, r.blank()).set(RESULT.BASE, r.base()).set(RESULT.OUTCOME, r.outcome().name())
                    .execute();
        }
        db.update(SESSION).set(SESSION.STATE, SessionState.CONCLUDED.name()).set(SESSION.CONCLUDED_ON, on)
                .set(SESSION.RESULT_NUMBER, decision.number()).set(SESSION.RESULT_DATE, decision.date())
                .set(SESSION.RESULT_BODY, decision.issuingBody()).where(SESSION.ID.eq(sessionId)).execute();
    }

    List<ResultRow> results(long sessionId) {
        return db.select(RESULT.MEMBER_ID, RESULT.HIGH, RESULT.CONFIDENCE, RESULT.LOW, RESULT.BLANK, RESULT.BASE, RESULT.OUTCOME)
                .from(RESULT).where(RESULT.SESSION_ID.eq(sessionId))
                .fetch(r -> new ResultRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        VoteOutcome.valueOf(r.value7())));
    }

    static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
