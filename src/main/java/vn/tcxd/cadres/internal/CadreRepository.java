package vn.tcxd.cadres.internal;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import vn.tcxd.cadres.CommitteeRole;
import vn.tcxd.cadres.IncumbencyEnd;
import vn.tcxd.cadres.IncumbencyKind;
import vn.tcxd.cadres.RemovalReason;
import vn.tcxd.cadres.RotationKind;
import vn.tcxd.cadres.SeatEntry;
import vn.tcxd.cadres.SeatExit;
import vn.tcxd.cadres.TrainingKind;
import vn.tcxd.jooq.cadres.tables.records.CommitteeSeatRecord;
import vn.tcxd.jooq.cadres.tables.records.IncumbencyRecord;
import vn.tcxd.jooq.cadres.tables.records.PlanEntryRecord;
import vn.tcxd.jooq.cadres.tables.records.RotationRecord;
import vn.tcxd.jooq.cadres.tables.records.TermRecord;
import vn.tcxd.jooq.cadres.tables.records.TrainingRecord;
import vn.tcxd.members.DisciplineForm;
import vn.tcxd.members.Gender;
import vn.tcxd.shared.DecisionRef;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static vn.tcxd.jooq.cadres.Tables.COMMITTEE_SEAT;
import static vn.tcxd.jooq.cadres.Tables.INCUMBENCY;
import static vn.tcxd.jooq.cadres.Tables.PLAN_ENTRY;
import static vn.tcxd.jooq.cadres.Tables.PLAN_PERIOD;
import static vn.tcxd.jooq.cadres.Tables.ROTATION;
import static vn.tcxd.jooq.cadres.Tables.TERM;
import static vn.tcxd.jooq.cadres.Tables.TRAINING;
import static vn.tcxd.jooq.evaluations.tables.RatingResult.RATING_RESULT;
import static vn.tcxd.jooq.members.tables.DisciplineRecord.DISCIPLINE_RECORD;
import static vn.tcxd.jooq.members.tables.MemberProfile.MEMBER_PROFILE;
import static vn.tcxd.jooq.orgstructure.tables.UnitTree.UNIT_TREE;

/**
 * The cadres tables, and members' and evaluations' public views (member_profile, discipline_record,
 * rating_result) for the facts a cadre's file and the statistics show. Rows stay internal; the
 * service names them.
 */
@Repository
class CadreRepository {

    private final DSLContext db;

    CadreRepository(DSLContext db) {
        this.db = db;
    }

    static DecisionRef decision(String number, LocalDate date, String body) {
        return number == null ? null : new DecisionRef(number, date, body);
    }

    /** Serialises acts on one thing (a unit's terms, a post, a term's seats) until the transaction ends. */
    void lock(int kind, long key) {
        db.execute("select pg_advisory_xact_lock(?, ?)", kind, (int) (key ^ (key >>> 32)));
    }

    // ---- people (members' public view) ------------------------------------------------------------

    record Person(long memberId, String fullName, Gender gender, LocalDate birthDate, String ethnicity, String education,
                  String professional, String theory, String stateManagement) {
    }

    Map<Long, Person> people(Collection<Long> memberIds) {
        Map<Long, Person> people = new HashMap<>();
        if (memberIds.isEmpty()) {
            return people;
        }
        db.selectFrom(MEMBER_PROFILE).where(MEMBER_PROFILE.MEMBER_ID.eq(DSL.any(memberIds.toArray(Long[]::new)))).forEach(r -> people.put(r.getMemberId(),
                new Person(r.getMemberId(), r.getFullName(), Gender.valueOf(r.getGender()), r.getBirthDate(),
                        r.getEthnicity(), r.getEducation(), r.getProfessional(), r.getTheory(), r.getStateManagement())));
        return people;
    }

    Optional<Person> person(long memberId) {
        return Optional.ofNullable(people(List.of(memberId)).get(memberId));
    }

    record DisciplineRow(long memberId, LocalDate on, DisciplineForm form, DecisionRef decision) {
    }

    List<DisciplineRow> disciplines(Collection<Long> memberIds, LocalDate upTo) {
        if (memberIds.isEmpty()) {
            return List.of();
        }
        return db.selectFrom(DISCIPLINE_RECORD).where(DISCIPLINE_RECORD.MEMBER_ID.in(memberIds))
                .and(DISCIPLINE_RECORD.EFFECTIVE_ON.le(upTo)).orderBy(DISCIPLINE_RECORD.EFFECTIVE_ON)
                .fetch(r -> new DisciplineRow(r.getMemberId(), r.getEffectiveOn(), DisciplineForm.valueOf(r.getForm()),
                        decision(r.getDecisionNumber(), r.getDecisionDate(), r.getDecisionBody())));
    }

    record RatingRow(int year, String periodKind, String subjectKind, String unitName, String level, LocalDate decidedOn) {
    }

    /** Decided ratings of the person as a member and as a leader, latest first. */
    List<RatingRow> ratings(long memberId) {
        return db.select(RATING_RESULT.YEAR, RATING_RESULT.PERIOD_KIND, RATING_RESULT.SUBJECT_KIND, RATING_RESULT.UNIT_NAME,
                        RATING_RESULT.DECIDED_LEVEL, RATING_RESULT.DECISION_DATE)
                .from(RATING_RESULT).where(RATING_RESULT.MEMBER_ID.eq(memberId)).and(RATING_RESULT.DECIDED_LEVEL.isNotNull())
                .orderBy(RATING_RESULT.YEAR.desc(), RATING_RESULT.SUBJECT_KIND)
                .fetch(r -> new RatingRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    // ---- terms and seats ---------------------------------------------------------------------------

    record TermRow(long id, long unitId, String label, LocalDate startsOn, LocalDate endsOn, boolean congress,
                   String congressName, LocalDate congressDate, Integer delegates, DecisionRef decision) {
    }

    private static TermRow term(TermRecord r) {
        return new TermRow(r.getId(), r.getUnitId(), r.getLabel(), r.getStartsOn(), r.getEndsOn(),
                "CONGRESS".equals(r.getFormedBy()), r.getCongressName(), r.getCongressDate(), r.getDelegates(),
                decision(r.getDecisionNumber(), r.getDecisionDate(), r.getDecisionBody()));
    }

    List<TermRow> terms(long unitId) {
        return db.selectFrom(TERM).where(TERM.UNIT_ID.eq(unitId)).orderBy(TERM.STARTS_ON.desc()).fetch(CadreRepository::term);
    }

    Optional<TermRow> term(long termId) {
        return db.selectFrom(TERM).where(TERM.ID.eq(termId)).fetchOptional(CadreRepository::term);
    }

    Optional<TermRow> termCovering(long unitId, LocalDate date) {
        return db.selectFrom(TERM).where(TERM.UNIT_ID.eq(unitId)).and(TERM.STARTS_ON.le(date)).and(TERM.ENDS_ON.gt(date))
                .fetchOptional(CadreRepository::term);
    }

    /** The unit's terms that share a day with [from, to). */
    List<TermRow> overlapping(long unitId, LocalDate from, LocalDate to) {
        return db.selectFrom(TERM).where(TERM.UNIT_ID.eq(unitId)).and(TERM.STARTS_ON.lt(to)).and(TERM.ENDS_ON.gt(from))
                .fetch(CadreRepository::term);
    }

    Optional<TermRow> previousTerm(long unitId, LocalDate before) {
        return db.selectFrom(TERM).where(TERM.UNIT_ID.eq(unitId)).and(TERM.STARTS_ON.lt(before))
                .orderBy(TERM.STARTS_ON.desc()).limit(1).fetchOptional(CadreRepository::term);
    }

    long insertTerm(long unitId, String label, LocalDate startsOn, LocalDate endsOn, boolean congress, String congressName,
                    LocalDate congressDate, Integer delegates, DecisionRef decision) {
        return db.insertInto(TERM).set(TERM.UNIT_ID, unitId).set(TERM.LABEL, label).set(TERM.STARTS_ON, startsOn)
                .set(TERM.ENDS_ON, endsOn).set(TERM.FORMED_BY, congress ? "CONGRESS" : "APPOINTMENT")
                .set(TERM.CONGRESS_NAME, congressName).set(TERM.CONGRESS_DATE, congressDate).set(TERM.DELEGATES, delegates)
                .set(TERM.DECISION_NUMBER, decision.number()).set(TERM.DECISION_DATE, decision.date())
                .set(TERM.DECISION_BODY, decision.issuingBody()).returning(TERM.ID).fetchSingle().getId();
    }

    record SeatRow(long id, long termId, long memberId, CommitteeRole role, SeatEntry entry, LocalDate joinedOn,
                   DecisionRef joinDecision, Long followsId, LocalDate leftOn, SeatExit exit, DecisionRef leaveDecision) {

        boolean heldOn(LocalDate date) {
            return !date.isBefore(joinedOn) && (leftOn == null || date.isBefore(leftOn));
        }
    }

    private static SeatRow seat(CommitteeSeatRecord r) {
        return new SeatRow(r.getId(), r.getTermId(), r.getMemberId(), CommitteeRole.valueOf(r.getRole()),
                SeatEntry.valueOf(r.getEntry()), r.getJoinedOn(),
                decision(r.getJoinDecisionNumber(), r.getJoinDecisionDate(), r.getJoinDecisionBody()), r.getFollowsId(),
                r.getLeftOn(), r.getLeaveReason() == null ? null : SeatExit.valueOf(r.getLeaveReason()),
                decision(r.getLeaveDecisionNumber(), r.getLeaveDecisionDate(), r.getLeaveDecisionBody()));
    }

    List<SeatRow> seats(long termId) {
        return db.selectFrom(COMMITTEE_SEAT).where(COMMITTEE_SEAT.TERM_ID.eq(termId))
                .orderBy(COMMITTEE_SEAT.JOINED_ON, COMMITTEE_SEAT.ID).fetch(CadreRepository::seat);
    }

    List<SeatRow> seats(Collection<Long> termIds) {
        return termIds.isEmpty() ? List.of() : db.selectFrom(COMMITTEE_SEAT).where(COMMITTEE_SEAT.TERM_ID.in(termIds))
                .orderBy(COMMITTEE_SEAT.JOINED_ON, COMMITTEE_SEAT.ID).fetch(CadreRepository::seat);
    }

    Optional<SeatRow> seat(long seatId) {
        return db.selectFrom(COMMITTEE_SEAT).where(COMMITTEE_SEAT.ID.eq(seatId)).fetchOptional(CadreRepository::seat);
    }

    /** Seats of the members held on the date in a term not ended by then. */
    List<SeatRow> seatsHeld(Collection<Long> memberIds, LocalDate date) {
        if (memberIds.isEmpty()) {
            return List.of();
        }
        return db.select(COMMITTEE_SEAT.fields()).from(COMMITTEE_SEAT).join(TERM).on(TERM.ID.eq(COMMITTEE_SEAT.TERM_ID))
                .where(COMMITTEE_SEAT.MEMBER_ID.in(memberIds)).and(COMMITTEE_SEAT.JOINED_ON.le(date))
                .and(COMMITTEE_SEAT.LEFT_ON.isNull().or(COMMITTEE_SEAT.LEFT_ON.gt(date))).and(TERM.ENDS_ON.gt(date))
                .fetch(r -> seat(r.into(COMMITTEE_SEAT)));
    }

    /** The members' open incumbencies (held on the date or starting later). */
    List<IncRow> openIncumbencies(Collection<Long> memberIds, LocalDate date) {
        if (memberIds.isEmpty()) {
            return List.of();
        }
        return db.selectFrom(INCUMBENCY).where(INCUMBENCY.MEMBER_ID.in(memberIds))
                .and(INCUMBENCY.ENDED_ON.isNull().or(INCUMBENCY.ENDED_ON.gt(date))).fetch(CadreRepository::inc);
    }

    List<PlanRow> activePlans(Collection<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return List.of();
        }
        return db.selectFrom(PLAN_ENTRY).where(PLAN_ENTRY.MEMBER_ID.in(memberIds)).and(PLAN_ENTRY.REMOVED_ON.isNull())
                .fetch(CadreRepository::plan);
    }

    List<SeatRow> seatsOfMember(long memberId) {
        return db.selectFrom(COMMITTEE_SEAT).where(COMMITTEE_SEAT.MEMBER_ID.eq(memberId))
                .orderBy(COMMITTEE_SEAT.JOINED_ON).fetch(CadreRepository::seat);
    }

    List<TermRow> termsById(Collection<Long> termIds) {
        return termIds.isEmpty() ? List.of() : db.selectFrom(TERM).where(TERM.ID.in(termIds)).fetch(CadreRepository::term);
    }

    long insertSeat(long termId, long memberId, CommitteeRole role, SeatEntry entry, LocalDate on, DecisionRef decision,
                    Long followsId) {
        return db.insertInto(COMMITTEE_SEAT).set(COMMITTEE_SEAT.TERM_ID, termId).set(COMMITTEE_SEAT.MEMBER_ID, memberId)
                .set(COMMITTEE_SEAT.ROLE, role.name()).set(COMMITTEE_SEAT.ENTRY, entry.name())
                .set(COMMITTEE_SEAT.JOINED_ON, on).set(COMMITTEE_SEAT.JOIN_DECISION_NUMBER, decision.number())
                .set(COMMITTEE_SEAT.JOIN_DECISION_DATE, decision.date())
                .set(COMMITTEE_SEAT.JOIN_DECISION_BODY, decision.issuingBody()).set(COMMITTEE_SEAT.FOLLOWS_ID, followsId)
                .returning(COMMITTEE_SEAT.ID).fetchSingle().getId();
    }

    void closeSeat(long seatId, LocalDate on, SeatExit exit, DecisionRef decision) {
        db.update(COMMITTEE_SEAT).set(COMMITTEE_SEAT.LEFT_ON, on).set(COMMITTEE_SEAT.LEAVE_REASON, exit.name())
                .set(COMMITTEE_SEAT.LEAVE_DECISION_NUMBER, decision.number())
                .set(COMMITTEE_SEAT.LEAVE_DECISION_DATE, decision.date())
                .set(COMMITTEE_SEAT.LEAVE_DECISION_BODY, decision.issuingBody())
                .where(COMMITTEE_SEAT.ID.eq(seatId)).and(COMMITTEE_SEAT.LEFT_ON.isNull()).execute();
    }

    // ---- incumbencies ----------------------------------------------------------------------------------

    record IncRow(long id, long unitId, String titleCode, long memberId, IncumbencyKind kind, LocalDate startsOn,
                  LocalDate termEndsOn, LocalDate dossierReceivedOn, String ruleSetCode, DecisionRef decision,
                  Long followsId, LocalDate endedOn, IncumbencyEnd end, DecisionRef endDecision, String endReason) {

        boolean heldOn(LocalDate date) {
            return !date.isBefore(startsOn) && (endedOn == null || date.isBefore(endedOn));
        }
    }

    private static IncRow inc(IncumbencyRecord r) {
        return new IncRow(r.getId(), r.getUnitId(), r.getTitleCode(), r.getMemberId(), IncumbencyKind.valueOf(r.getKind()),
                r.getStartsOn(), r.getTermEndsOn(), r.getDossierReceivedOn(), r.getRuleSetCode(),
                decision(r.getDecisionNumber(), r.getDecisionDate(), r.getDecisionBody()), r.getFollowsId(), r.getEndedOn(),
                r.getEndKind() == null ? null : IncumbencyEnd.valueOf(r.getEndKind()),
                decision(r.getEndDecisionNumber(), r.getEndDecisionDate(), r.getEndDecisionBody()), r.getEndReason());
    }

    Optional<IncRow> incumbency(long id) {
        return db.selectFrom(INCUMBENCY).where(INCUMBENCY.ID.eq(id)).fetchOptional(CadreRepository::inc);
    }

    List<IncRow> incumbencies(long unitId, LocalDate heldOn) {
        return db.selectFrom(INCUMBENCY).where(INCUMBENCY.UNIT_ID.eq(unitId)).and(heldOn(heldOn))
                .orderBy(INCUMBENCY.STARTS_ON).fetch(CadreRepository::inc);
    }

    /** The post's incumbencies that share a day with [from, open end). */
    List<IncRow> postFrom(long unitId, String titleCode, LocalDate from) {
        return db.selectFrom(INCUMBENCY).where(INCUMBENCY.UNIT_ID.eq(unitId)).and(INCUMBENCY.TITLE_CODE.eq(titleCode))
                .and(INCUMBENCY.ENDED_ON.isNull().or(INCUMBENCY.ENDED_ON.gt(from))).fetch(CadreRepository::inc);
    }

    List<IncRow> incumbenciesOfMember(long memberId) {
        return db.selectFrom(INCUMBENCY).where(INCUMBENCY.MEMBER_ID.eq(memberId)).orderBy(INCUMBENCY.STARTS_ON)
                .fetch(CadreRepository::inc);
    }

    List<IncRow> incumbenciesOfMembers(Collection<Long> memberIds, LocalDate heldOn) {
        return memberIds.isEmpty() ? List.of() : db.selectFrom(INCUMBENCY).where(INCUMBENCY.MEMBER_ID.in(memberIds))
                .and(heldOn(heldOn)).fetch(CadreRepository::inc);
    }

    /** Incumbencies held on the date at units of the subtree (paths in the tree of that date). */
    List<IncRow> incumbenciesInSubtree(String rootPath, LocalDate heldOn) {
        return db.select(INCUMBENCY.fields()).from(INCUMBENCY)
                .join(UNIT_TREE).on(UNIT_TREE.UNIT_ID.eq(INCUMBENCY.UNIT_ID)).and(Tree.validOn(heldOn))
                .and(Tree.inSubtree(rootPath))
                .where(heldOn(heldOn)).fetch(r -> inc(r.into(INCUMBENCY)));
    }

    /**
     * Open appointments at units of the subtree on the date whose term ends by {@code endsBy}, and open
     * incumbencies of people born on or before {@code bornBy} of their gender (retirement comes), each with its unit's path;
     * only of the titles and at units of the types given, when given.
     */
    Map<IncRow, String> dueCandidatesInSubtree(String rootPath, LocalDate date, LocalDate endsBy,
                                               Map<vn.tcxd.members.Gender, LocalDate> bornBy,
                                               java.util.Set<String> titleCodes, java.util.Set<String> unitTypes) {
        Map<IncRow, String> result = new java.util.LinkedHashMap<>();
        // The subtree's open incumbencies first (narrow, from incumbency_open_unit_idx), then the two tests on those
        // alone, then their rows. As one query the planner tested every open incumbency of the country against its
        // holder's birth date before joining the subtree: 0.7–1.3 s for the largest province, ~200 ms for a commune.
        var open = DSL.name("subtree_open").fields("id", "member_id", "kind", "term_ends_on", "path").asMaterialized(
                DSL.select(INCUMBENCY.ID, INCUMBENCY.MEMBER_ID, INCUMBENCY.KIND, INCUMBENCY.TERM_ENDS_ON, UNIT_TREE.PATH)
                        .from(INCUMBENCY).join(UNIT_TREE).on(UNIT_TREE.UNIT_ID.eq(INCUMBENCY.UNIT_ID)).and(Tree.validOn(date))
                        .and(Tree.inSubtree(rootPath))
                        .and(unitTypes == null ? DSL.noCondition() : UNIT_TREE.TYPE.in(unitTypes))
                        .where(INCUMBENCY.ENDED_ON.isNull()).and(INCUMBENCY.STARTS_ON.le(date))
                        .and(titleCodes == null ? DSL.noCondition() : INCUMBENCY.TITLE_CODE.in(titleCodes))
                        // in member order, the birth-date probes below walk the members' index in order (40 % faster)
                        .orderBy(INCUMBENCY.MEMBER_ID));
        var openId = open.field("id", Long.class);
        var openMember = open.field("member_id", Long.class);
        var openPath = open.field("path", String.class);
        Condition appointment = open.field("kind", String.class).in(IncumbencyKind.APPOINTED.name(), IncumbencyKind.REAPPOINTED.name())
                .and(open.field("term_ends_on", LocalDate.class).le(endsBy));
        Condition retiring = DSL.exists(DSL.selectOne().from(MEMBER_PROFILE)
                .where(MEMBER_PROFILE.MEMBER_ID.eq(openMember)).and(DSL.or(bornBy.entrySet().stream()
                        .map(g -> MEMBER_PROFILE.GENDER.eq(g.getKey().name()).and(MEMBER_PROFILE.BIRTH_DATE.le(g.getValue())))
                        .toList())));
        Map<Long, String> due = new java.util.HashMap<>();
        db.with(open).select(openId, openPath).from(open).where(appointment.or(retiring))
                .forEach(r -> due.put(r.value1(), r.value2()));
        // then the due rows by their keys: in one query the planner hashed all 266,000 incumbencies for ~1,000
        if (!due.isEmpty()) {
            db.selectFrom(INCUMBENCY).where(INCUMBENCY.ID.eq(DSL.any(due.keySet().toArray(Long[]::new))))
                    .orderBy(INCUMBENCY.ID).forEach(r -> result.put(inc(r), due.get(r.getId())));
        }
        return result;
    }

    List<IncRow> incumbenciesAt(Collection<Long> unitIds, LocalDate heldOn) {
        return unitIds.isEmpty() ? List.of() : db.selectFrom(INCUMBENCY).where(INCUMBENCY.UNIT_ID.in(unitIds))
                .and(heldOn(heldOn)).fetch(CadreRepository::inc);
    }

    private static Condition heldOn(LocalDate date) {
        return INCUMBENCY.STARTS_ON.le(date).and(INCUMBENCY.ENDED_ON.isNull().or(INCUMBENCY.ENDED_ON.gt(date)));
    }

    long insertIncumbency(long unitId, String titleCode, long memberId, IncumbencyKind kind, LocalDate startsOn,
                          LocalDate termEndsOn, LocalDate dossierReceivedOn, String ruleSetCode, DecisionRef decision,
                          Long followsId) {
        return db.insertInto(INCUMBENCY).set(INCUMBENCY.UNIT_ID, unitId).set(INCUMBENCY.TITLE_CODE, titleCode)
                .set(INCUMBENCY.MEMBER_ID, memberId).set(INCUMBENCY.KIND, kind.name()).set(INCUMBENCY.STARTS_ON, startsOn)
                .set(INCUMBENCY.TERM_ENDS_ON, termEndsOn).set(INCUMBENCY.DOSSIER_RECEIVED_ON, dossierReceivedOn)
                .set(INCUMBENCY.RULE_SET_CODE, ruleSetCode).set(INCUMBENCY.DECISION_NUMBER, decision.number())
                .set(INCUMBENCY.DECISION_DATE, decision.date()).set(INCUMBENCY.DECISION_BODY, decision.issuingBody())
                .set(INCUMBENCY.FOLLOWS_ID, followsId).returning(INCUMBENCY.ID).fetchSingle().getId();
    }

    void endIncumbency(long id, LocalDate on, IncumbencyEnd end, String reason, DecisionRef decision) {
        db.update(INCUMBENCY).set(INCUMBENCY.ENDED_ON, on).set(INCUMBENCY.END_KIND, end.name())
                .set(INCUMBENCY.END_REASON, reason).set(INCUMBENCY.END_DECISION_NUMBER, decision.number())
                .set(INCUMBENCY.END_DECISION_DATE, decision.date()).set(INCUMBENCY.END_DECISION_BODY, decision.issuingBody())
                .where(INCUMBENCY.ID.eq(id)).and(INCUMBENCY.ENDED_ON.isNull()).execute();
    }

    // ---- planning --------------------------------------------------------------------------------------

    record PlanRow(long id, String periodCode, long unitId, String titleCode, long memberId, LocalDate addedOn,
                   String ruleSetCode, DecisionRef decision, LocalDate removedOn, RemovalReason removalReason,
                   String removalNote, DecisionRef removalDecision) {

        boolean active() {
            return removedOn == null;
        }
    }

    private static PlanRow plan(PlanEntryRecord r) {
        return new PlanRow(r.getId(), r.getPeriodCode(), r.getUnitId(), r.getTitleCode(), r.getMemberId(), r.getAddedOn(),
                r.getRuleSetCode(), decision(r.getDecisionNumber(), r.getDecisionDate(), r.getDecisionBody()),
                r.getRemovedOn(), r.getRemovalReason() == null ? null : RemovalReason.valueOf(r.getRemovalReason()),
                r.getRemovalNote(), decision(r.getRemovalDecisionNumber(), r.getRemovalDecisionDate(), r.getRemovalDecisionBody()));
    }

    /** Locks the period's row: additions to one period are checked against its caps one at a time. */
    void lockPeriod(String periodCode) {
        db.select(PLAN_PERIOD.CODE).from(PLAN_PERIOD).where(PLAN_PERIOD.CODE.eq(periodCode)).forUpdate().fetch();
    }

    Optional<PlanRow> planEntry(long id) {
        return db.selectFrom(PLAN_ENTRY).where(PLAN_ENTRY.ID.eq(id)).fetchOptional(CadreRepository::plan);
    }

    List<PlanRow> activeForPost(String periodCode, long unitId, String titleCode) {
        return db.selectFrom(PLAN_ENTRY).where(PLAN_ENTRY.PERIOD_CODE.eq(periodCode)).and(PLAN_ENTRY.UNIT_ID.eq(unitId))
                .and(PLAN_ENTRY.TITLE_CODE.eq(titleCode)).and(PLAN_ENTRY.REMOVED_ON.isNull())
                .orderBy(PLAN_ENTRY.ADDED_ON, PLAN_ENTRY.ID).fetch(CadreRepository::plan);
    }

    List<PlanRow> activeForMember(String periodCode, long memberId) {
        return db.selectFrom(PLAN_ENTRY).where(PLAN_ENTRY.PERIOD_CODE.eq(periodCode)).and(PLAN_ENTRY.MEMBER_ID.eq(memberId))
                .and(PLAN_ENTRY.REMOVED_ON.isNull()).fetch(CadreRepository::plan);
    }

    List<PlanRow> plansOfMember(long memberId) {
        return db.selectFrom(PLAN_ENTRY).where(PLAN_ENTRY.MEMBER_ID.eq(memberId)).orderBy(PLAN_ENTRY.ADDED_ON)
                .fetch(CadreRepository::plan);
    }

    /** Entries of the period active on the date for posts at units of the subtree, with each unit's path. */
    Map<PlanRow, String> activeInSubtree(String periodCode, String rootPath, LocalDate date) {
        Map<PlanRow, String> result = new java.util.LinkedHashMap<>();
        db.select(PLAN_ENTRY.fields()).select(UNIT_TREE.PATH).from(PLAN_ENTRY)
                .join(UNIT_TREE).on(UNIT_TREE.UNIT_ID.eq(PLAN_ENTRY.UNIT_ID)).and(Tree.validOn(date))
                .and(Tree.inSubtree(rootPath))
                .where(PLAN_ENTRY.PERIOD_CODE.eq(periodCode)).and(PLAN_ENTRY.ADDED_ON.le(date))
                .and(PLAN_ENTRY.REMOVED_ON.isNull().or(PLAN_ENTRY.REMOVED_ON.gt(date)))
                .orderBy(PLAN_ENTRY.ADDED_ON, PLAN_ENTRY.ID)
                .forEach(r -> result.put(plan(r.into(PLAN_ENTRY)), r.get(UNIT_TREE.PATH)));
        return result;
    }

    long insertPlan(String periodCode, long unitId, String titleCode, long memberId, LocalDate on, String ruleSetCode,
                    DecisionRef decision) {
        return db.insertInto(PLAN_ENTRY).set(PLAN_ENTRY.PERIOD_CODE, periodCode).set(PLAN_ENTRY.UNIT_ID, unitId)
                .set(PLAN_ENTRY.TITLE_CODE, titleCode).set(PLAN_ENTRY.MEMBER_ID, memberId).set(PLAN_ENTRY.ADDED_ON, on)
                .set(PLAN_ENTRY.RULE_SET_CODE, ruleSetCode).set(PLAN_ENTRY.DECISION_NUMBER, decision.number())
                .set(PLAN_ENTRY.DECISION_DATE, decision.date()).set(PLAN_ENTRY.DECISION_BODY, decision.issuingBody())
                .returning(PLAN_ENTRY.ID).fetchSingle().getId();
    }

    void removePlan(long id, LocalDate on, RemovalReason reason, String note, DecisionRef decision) {
        db.update(PLAN_ENTRY).set(PLAN_ENTRY.REMOVED_ON, on).set(PLAN_ENTRY.REMOVAL_REASON, reason.name())
                .set(PLAN_ENTRY.REMOVAL_NOTE, note).set(PLAN_ENTRY.REMOVAL_DECISION_NUMBER, decision.number())
                .set(PLAN_ENTRY.REMOVAL_DECISION_DATE, decision.date())
                .set(PLAN_ENTRY.REMOVAL_DECISION_BODY, decision.issuingBody())
                .where(PLAN_ENTRY.ID.eq(id)).and(PLAN_ENTRY.REMOVED_ON.isNull()).execute();
    }

    // ---- training and rotation ------------------------------------------------------------------------

    record TrainingRow(long id, long memberId, TrainingKind kind, String level, String name, String institution,
                       LocalDate startsOn, LocalDate endsOn, String certificate) {
    }

    private static TrainingRow training(TrainingRecord r) {
        return new TrainingRow(r.getId(), r.getMemberId(), TrainingKind.valueOf(r.getKind()), r.getLevel(), r.getName(),
                r.getInstitution(), r.getStartsOn(), r.getEndsOn(), r.getCertificate());
    }

    List<TrainingRow> training(long memberId) {
        return db.selectFrom(TRAINING).where(TRAINING.MEMBER_ID.eq(memberId)).orderBy(TRAINING.STARTS_ON.desc())
                .fetch(CadreRepository::training);
    }

    long insertTraining(long memberId, TrainingKind kind, String level, String name, String institution,
                        LocalDate startsOn, LocalDate endsOn, String certificate) {
        return db.insertInto(TRAINING).set(TRAINING.MEMBER_ID, memberId).set(TRAINING.KIND, kind.name())
                .set(TRAINING.LEVEL, level).set(TRAINING.NAME, name).set(TRAINING.INSTITUTION, institution)
                .set(TRAINING.STARTS_ON, startsOn).set(TRAINING.ENDS_ON, endsOn).set(TRAINING.CERTIFICATE, certificate)
                .returning(TRAINING.ID).fetchSingle().getId();
    }

    record RotationRow(long id, long memberId, RotationKind kind, long fromUnitId, long toUnitId, String position,
                       LocalDate startsOn, LocalDate plannedEnd, Long returnUnitId, String ruleSetCode,
                       DecisionRef decision, LocalDate endedOn, DecisionRef endDecision) {
    }

    private static RotationRow rotation(RotationRecord r) {
        return new RotationRow(r.getId(), r.getMemberId(), RotationKind.valueOf(r.getKind()), r.getFromUnitId(),
                r.getToUnitId(), r.getPosition(), r.getStartsOn(), r.getPlannedEnd(), r.getReturnUnitId(),
                r.getRuleSetCode(), decision(r.getDecisionNumber(), r.getDecisionDate(), r.getDecisionBody()),
                r.getEndedOn(), decision(r.getEndDecisionNumber(), r.getEndDecisionDate(), r.getEndDecisionBody()));
    }

    Optional<RotationRow> rotation(long id) {
        return db.selectFrom(ROTATION).where(ROTATION.ID.eq(id)).fetchOptional(CadreRepository::rotation);
    }

    List<RotationRow> rotationsOfMember(long memberId) {
        return db.selectFrom(ROTATION).where(ROTATION.MEMBER_ID.eq(memberId)).orderBy(ROTATION.STARTS_ON.desc())
                .fetch(CadreRepository::rotation);
    }

    /** Rotations from or into units of the subtree (in the tree of the date) that had not ended by the date. */
    List<RotationRow> rotationsInSubtree(String rootPath, LocalDate date) {
        var from = UNIT_TREE.as("f");
        var to = UNIT_TREE.as("t");
        Condition fromIn = DSL.exists(DSL.selectOne().from(from).where(from.UNIT_ID.eq(ROTATION.FROM_UNIT_ID))
                .and(Tree.inSubtree(from, rootPath)));
        Condition toIn = DSL.exists(DSL.selectOne().from(to).where(to.UNIT_ID.eq(ROTATION.TO_UNIT_ID))
                .and(Tree.inSubtree(to, rootPath)));
        return db.selectFrom(ROTATION).where(fromIn.or(toIn))
                .and(ROTATION.ENDED_ON.isNull().or(ROTATION.ENDED_ON.gt(date)))
                .orderBy(ROTATION.PLANNED_END.asc().nullsLast(), ROTATION.ID).fetch(CadreRepository::rotation);
    }

    long insertRotation(long memberId, RotationKind kind, long fromUnitId, long toUnitId, String position,
                        LocalDate startsOn, LocalDate plannedEnd, Long returnUnitId, String ruleSetCode,
                        DecisionRef decision) {
        return db.insertInto(ROTATION).set(ROTATION.MEMBER_ID, memberId).set(ROTATION.KIND, kind.name())
                .set(ROTATION.FROM_UNIT_ID, fromUnitId).set(ROTATION.TO_UNIT_ID, toUnitId).set(ROTATION.POSITION, position)
                .set(ROTATION.STARTS_ON, startsOn).set(ROTATION.PLANNED_END, plannedEnd)
                .set(ROTATION.RETURN_UNIT_ID, returnUnitId).set(ROTATION.RULE_SET_CODE, ruleSetCode)
                .set(ROTATION.DECISION_NUMBER, decision.number()).set(ROTATION.DECISION_DATE, decision.date())
                .set(ROTATION.DECISION_BODY, decision.issuingBody()).returning(ROTATION.ID).fetchSingle().getId();
    }

    void endRotation(long id, LocalDate on, DecisionRef decision) {
        db.update(ROTATION).set(ROTATION.ENDED_ON, on).set(ROTATION.END_DECISION_NUMBER, decision.number())
                .set(ROTATION.END_DECISION_DATE, decision.date()).set(ROTATION.END_DECISION_BODY, decision.issuingBody())
                .where(ROTATION.ID.eq(id)).and(ROTATION.ENDED_ON.isNull()).execute();
    }

    /** Whether the member has any post, seat or planning (a cadre, not only a member). */
    java.util.Set<Long> withCadreRows(Collection<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(db.select(INCUMBENCY.MEMBER_ID).from(INCUMBENCY).where(INCUMBENCY.MEMBER_ID.in(memberIds))
                .union(DSL.select(COMMITTEE_SEAT.MEMBER_ID).from(COMMITTEE_SEAT).where(COMMITTEE_SEAT.MEMBER_ID.in(memberIds)))
                .union(DSL.select(PLAN_ENTRY.MEMBER_ID).from(PLAN_ENTRY).where(PLAN_ENTRY.MEMBER_ID.in(memberIds)))
                .fetch(r -> r.value1()));
    }
}
