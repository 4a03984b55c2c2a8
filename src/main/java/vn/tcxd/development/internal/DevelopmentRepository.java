package vn.tcxd.development.internal;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import vn.tcxd.development.Candidate;
import vn.tcxd.development.CandidateRecord;
import vn.tcxd.development.CandidateState;
import vn.tcxd.development.DevelopmentRuleSet;
import vn.tcxd.development.FileDocument;
import vn.tcxd.development.SponsorKind;
import vn.tcxd.members.Gender;
import vn.tcxd.shared.DecisionRef;
import vn.tcxd.shared.RuleSet;
import vn.tcxd.shared.ValidityPeriod;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static vn.tcxd.jooq.development.Tables.ADMISSION_TARGET;
import static vn.tcxd.jooq.development.Tables.AWARENESS_CLASS;
import static vn.tcxd.jooq.development.Tables.CANDIDATE;
import static vn.tcxd.jooq.development.Tables.CANDIDATE_STEP;
import static vn.tcxd.jooq.development.Tables.CLASS_ATTENDEE;
import static vn.tcxd.jooq.development.Tables.FILE_DOCUMENT;
import static vn.tcxd.jooq.development.Tables.RULE_SET;
import static vn.tcxd.jooq.development.Tables.SPONSOR;

/** The development tables. */
@Repository
class DevelopmentRepository {

    private final DSLContext db;

    DevelopmentRepository(DSLContext db) {
        this.db = db;
    }

    List<DevelopmentRuleSet> ruleSets() {
        return db.selectFrom(RULE_SET).orderBy(RULE_SET.VALID_FROM).fetch(r -> new DevelopmentRuleSet(
                new RuleSet(r.getCode(), r.getName(), r.getLegalBasis(), new ValidityPeriod(r.getValidFrom(), r.getValidTo())),
                r.getMinAgeMonths(), r.getMaxAgeMonths(), r.getAgeBasis(), r.getCertificateMonths(), r.getCertificateBasis(),
                r.getFileMonths(), r.getFileBasis(),
                new DevelopmentRuleSet.Share(r.getCellVoteNum(), r.getCellVoteDen()),
                new DevelopmentRuleSet.Share(r.getCommitteeVoteNum(), r.getCommitteeVoteDen()), r.getVoteBasis(),
                r.getDecisionWorkingDays(), r.getDecisionBasis(), r.getSponsorsFullMembers(),
                r.getSponsorsWithResolution(), r.getSponsorBasis()));
    }

    // ---- candidates --------------------------------------------------------------------------------------

    record CandidateRow(long id, long unitId, CandidateRecord person, CandidateState state, LocalDate proposedOn,
                        Long memberId) {
    }

    long insertCandidate(long unitId, CandidateRecord p, LocalDate proposedOn) {
        return db.insertInto(CANDIDATE)
                .set(CANDIDATE.UNIT_ID, unitId).set(CANDIDATE.FULL_NAME, p.fullName()).set(CANDIDATE.BIRTH_DATE, p.birthDate())
                .set(CANDIDATE.GENDER, p.gender().name()).set(CANDIDATE.ETHNICITY, p.ethnicity())
                .set(CANDIDATE.RELIGION, p.religion()).set(CANDIDATE.CITIZEN_ID, p.citizenId())
                .set(CANDIDATE.EDUCATION, p.education()).set(CANDIDATE.OCCUPATION, p.occupation())
                .set(CANDIDATE.WORKPLACE, p.workplace()).set(CANDIDATE.RESIDENCE, p.residence())
                .set(CANDIDATE.STATE, CandidateState.PROPOSED.name()).set(CANDIDATE.PROPOSED_ON, proposedOn)
                .returning(CANDIDATE.ID).fetchOne(CANDIDATE.ID);
    }

    Optional<CandidateRow> candidate(long id, boolean forUpdate) {
        var q = db.selectFrom(CANDIDATE).where(CANDIDATE.ID.eq(id));
        return (forUpdate ? q.forUpdate() : q).fetchOptional(r -> new CandidateRow(r.getId(), r.getUnitId(),
                new CandidateRecord(r.getFullName(), r.getBirthDate(), Gender.valueOf(r.getGender()), r.getEthnicity(),
                        r.getReligion(), r.getCitizenId(), r.getEducation(), r.getOccupation(), r.getWorkplace(),
                        r.getResidence()),
                CandidateState.valueOf(r.getState()), r.getProposedOn(), r.getMemberId()));
    }

    /** A candidacy of the person still running or admitted (refused ones do not count). */
    boolean liveCandidacy(String citizenId) {
        return db.fetchExists(CANDIDATE, CANDIDATE.CITIZEN_ID.eq(citizenId)
                .and(CANDIDATE.STATE.ne(CandidateState.REFUSED.name())));
    }

    void setState(long id, CandidateState state, Long memberId) {
        db.update(CANDIDATE).set(CANDIDATE.STATE, state.name()).set(CANDIDATE.MEMBER_ID, memberId)
                .where(CANDIDATE.ID.eq(id)).execute();
    }

    List<Candidate.Summary> candidatesOf(Collection<Long> unitIds) {
        var last = db.select(CANDIDATE_STEP.CANDIDATE_ID, org.jooq.impl.DSL.max(CANDIDATE_STEP.ON_DATE).as("last_on"))
                .from(CANDIDATE_STEP).groupBy(CANDIDATE_STEP.CANDIDATE_ID).asTable("last");
        var lastOn = last.field("last_on", LocalDate.class);
        return db.select(CANDIDATE.ID, CANDIDATE.UNIT_ID, CANDIDATE.FULL_NAME, CANDIDATE.BIRTH_DATE, CANDIDATE.STATE,
                        CANDIDATE.PROPOSED_ON, lastOn)
                .from(CANDIDATE).leftJoin(last).on(last.field(CANDIDATE_STEP.CANDIDATE_ID).eq(CANDIDATE.ID))
                .where(CANDIDATE.UNIT_ID.in(unitIds))
                .orderBy(CANDIDATE.PROPOSED_ON.desc(), CANDIDATE.ID.desc())
                .fetch(r -> new Candidate.Summary(r.value1(), r.value2(), r.value3(), r.value4(),
                        CandidateState.valueOf(r.value5()), r.value6(), r.value7()));
    }

    // ---- steps -------------------------------------------------------------------------------------------

    void insertStep(long candidateId, CandidateState state, LocalDate on, String actor, String ruleSetCode,
                    DecisionRef decision, Integer votesFor, Integer votesBase, String note) {
        db.insertInto(CANDIDATE_STEP)
                .set(CANDIDATE_STEP.CANDIDATE_ID, candidateId).set(CANDIDATE_STEP.STATE, state.name())
                .set(CANDIDATE_STEP.ON_DATE, on).set(CANDIDATE_STEP.ACTOR, actor)
                .set(CANDIDATE_STEP.RULE_SET_CODE, ruleSetCode)
                .set(CANDIDATE_STEP.DECISION_NUMBER, decision.number()).set(CANDIDATE_STEP.DECISION_DATE, decision.date())
                .set(CANDIDATE_STEP.DECISION_BODY, decision.issuingBody())
                .set(CANDIDATE_STEP.VOTES_FOR, votesFor).set(CANDIDATE_STEP.VOTES_BASE, votesBase)
                .set(CANDIDATE_STEP.NOTE, note).execute();
    }

    List<Candidate.Step> steps(long candidateId) {
        return db.selectFrom(CANDIDATE_STEP).where(CANDIDATE_STEP.CANDIDATE_ID.eq(candidateId)).orderBy(CANDIDATE_STEP.ID)
                .fetch(r -> new Candidate.Step(CandidateState.valueOf(r.getState()), r.getOnDate(), r.getActor(),
                        r.getRuleSetCode(), new DecisionRef(r.getDecisionNumber(), r.getDecisionDate(), r.getDecisionBody()),
                        r.getVotesFor(), r.getVotesBase(), r.getNote()));
    }

    // ---- classes and certificates ------------------------------------------------------------------------

    record ClassRow(long id, long unitId, String name, LocalDate startsOn, LocalDate endsOn) {
    }

    long insertClass(long unitId, String name, LocalDate startsOn, LocalDate endsOn) {
        return db.insertInto(AWARENESS_CLASS).set(AWARENESS_CLASS.UNIT_ID, unitId).set(AWARENESS_CLASS.NAME, name)
                .set(AWARENESS_CLASS.STARTS_ON, startsOn).set(AWARENESS_CLASS.ENDS_ON, endsOn)
                .returning(AWARENESS_CLASS.ID).fetchOne(AWARENESS_CLASS.ID);
    }

    Optional<ClassRow> awarenessClass(long id) {
        return db.selectFrom(AWARENESS_CLASS).where(AWARENESS_CLASS.ID.eq(id)).fetchOptional(r ->
                new ClassRow(r.getId(), r.getUnitId(), r.getName(), r.getStartsOn(), r.getEndsOn()));
    }

    void insertAttendee(long classId, long candidateId, String number, LocalDate on) {
        db.insertInto(CLASS_ATTENDEE).set(CLASS_ATTENDEE.CLASS_ID, classId).set(CLASS_ATTENDEE.CANDIDATE_ID, candidateId)
                .set(CLASS_ATTENDEE.CERTIFICATE_NUMBER, number).set(CLASS_ATTENDEE.CERTIFICATE_ON, on).execute();
    }

    /** The candidate's latest certificate. */
    Optional<Candidate.Certificate> certificate(long candidateId) {
        return db.selectFrom(CLASS_ATTENDEE).where(CLASS_ATTENDEE.CANDIDATE_ID.eq(candidateId))
                .orderBy(CLASS_ATTENDEE.CERTIFICATE_ON.desc()).limit(1)
                .fetchOptional(r -> new Candidate.Certificate(r.getClassId(), r.getCertificateNumber(), r.getCertificateOn()));
    }

    // ---- sponsors and file -------------------------------------------------------------------------------

    void insertSponsor(long candidateId, SponsorKind kind, Long memberId, String document, LocalDate on) {
        db.insertInto(SPONSOR).set(SPONSOR.CANDIDATE_ID, candidateId).set(SPONSOR.KIND, kind.name())
                .set(SPONSOR.MEMBER_ID, memberId).set(SPONSOR.DOCUMENT, document).set(SPONSOR.SPONSORED_ON, on).execute();
    }

    List<Candidate.Sponsor> sponsors(long candidateId) {
        return db.selectFrom(SPONSOR).where(SPONSOR.CANDIDATE_ID.eq(candidateId)).orderBy(SPONSOR.SPONSORED_ON, SPONSOR.KIND)
                .fetch(r -> new Candidate.Sponsor(SponsorKind.valueOf(r.getKind()), r.getMemberId(), r.getDocument(),
                        r.getSponsoredOn()));
    }

    void replaceFile(long candidateId, Map<FileDocument, Boolean> file, LocalDate on) {
        db.deleteFrom(FILE_DOCUMENT).where(FILE_DOCUMENT.CANDIDATE_ID.eq(candidateId)).execute();
        var insert = db.insertInto(FILE_DOCUMENT, FILE_DOCUMENT.CANDIDATE_ID, FILE_DOCUMENT.DOCUMENT,
                FILE_DOCUMENT.PRESENT, FILE_DOCUMENT.RECORDED_ON);
        file.forEach((d, present) -> insert.values(candidateId, d.name(), present, on));
        insert.execute();
    }

    Map<FileDocument, Boolean> file(long candidateId) {
        Map<FileDocument, Boolean> file = new EnumMap<>(FileDocument.class);
        db.selectFrom(FILE_DOCUMENT).where(FILE_DOCUMENT.CANDIDATE_ID.eq(candidateId))
                .forEach(r -> file.put(FileDocument.valueOf(r.getDocument()), r.getPresent()));
        return file;
    }

    // ---- targets -----------------------------------------------------------------------------------------

    void upsertTarget(long unitId, int year, int admissions, DecisionRef d) {
        db.insertInto(ADMISSION_TARGET).set(ADMISSION_TARGET.UNIT_ID, unitId).set(ADMISSION_TARGET.YEAR, year)
                .set(ADMISSION_TARGET.ADMISSIONS, admissions).set(ADMISSION_TARGET.DECISION_NUMBER, d.number())
                .set(ADMISSION_TARGET.DECISION_DATE, d.date()).set(ADMISSION_TARGET.DECISION_BODY, d.issuingBody())
                .onConflict(ADMISSION_TARGET.UNIT_ID, ADMISSION_TARGET.YEAR).doUpdate()
                .set(ADMISSION_TARGET.ADMISSIONS, admissions).set(ADMISSION_TARGET.DECISION_NUMBER, d.number())
                .set(ADMISSION_TARGET.DECISION_DATE, d.date()).set(ADMISSION_TARGET.DECISION_BODY, d.issuingBody())
                .execute();
    }

    Optional<Integer> target(long unitId, int year) {
        return db.select(ADMISSION_TARGET.ADMISSIONS).from(ADMISSION_TARGET)
                .where(ADMISSION_TARGET.UNIT_ID.eq(unitId).and(ADMISSION_TARGET.YEAR.eq(year)))
                .fetchOptional(ADMISSION_TARGET.ADMISSIONS);
    }
}
