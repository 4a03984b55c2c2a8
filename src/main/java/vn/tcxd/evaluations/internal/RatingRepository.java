package vn.tcxd.evaluations.internal;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import vn.tcxd.evaluations.CampaignSummary;
import vn.tcxd.evaluations.NotRatedReason;
import vn.tcxd.evaluations.Period;
import vn.tcxd.evaluations.PeriodKind;
import vn.tcxd.evaluations.RatingLevel;
import vn.tcxd.evaluations.RatingRow;
import vn.tcxd.evaluations.RatingStatus;
import vn.tcxd.evaluations.RatingStep;
import vn.tcxd.evaluations.SubjectKind;
import vn.tcxd.jooq.evaluations.tables.records.RatingRecord;
import vn.tcxd.jooq.evaluations.tables.records.RatingStepRecord;
import vn.tcxd.orgstructure.UnitType;
import vn.tcxd.shared.DecisionRef;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static vn.tcxd.jooq.evaluations.Tables.CAMPAIGN;
import static vn.tcxd.jooq.evaluations.Tables.RATING;
import static vn.tcxd.jooq.evaluations.Tables.RATING_STEP;
import static vn.tcxd.jooq.members.tables.DisciplineRecord.DISCIPLINE_RECORD;
import static vn.tcxd.jooq.members.tables.MemberName.MEMBER_NAME;
import static vn.tcxd.jooq.members.tables.RollState.ROLL_STATE;
import static vn.tcxd.jooq.orgstructure.tables.UnitTree.UNIT_TREE;

/** Campaigns, ratings and their steps; the tree and the roll only through their public views. */
@Repository
class RatingRepository {

    private final DSLContext db;

    RatingRepository(DSLContext db) {
        this.db = db;
    }

    // ---- the tree and the roll on a date (public views) --------------------------------------------

    /** A unit as at a date, from orgstructure.unit_tree. */
    record TreeUnit(long id, Long parentId, String path, UnitType type, String name) {
    }

    Optional<TreeUnit> unitOn(long unitId, LocalDate on) {
        return db.select(UNIT_TREE.UNIT_ID, UNIT_TREE.PARENT_ID, UNIT_TREE.PATH, UNIT_TREE.TYPE, UNIT_TREE.NAME)
                .from(UNIT_TREE).where(UNIT_TREE.UNIT_ID.eq(unitId)).and(validOn(on))
                .fetchOptional(r -> new TreeUnit(r.value1(), r.value2(), r.value3(), UnitType.valueOf(r.value4()), r.value5()));
    }

    /** The subtree of the path on the date, and the ancestors of its root. */
    List<TreeUnit> subtreeAndAncestors(String rootPath, LocalDate on) {
        List<Long> ancestors = new ArrayList<>();
        for (String part : rootPath.split("/")) {
            if (!part.isEmpty()) {
                ancestors.add(Long.parseLong(part));
            }
        }
        return db.select(UNIT_TREE.UNIT_ID, UNIT_TREE.PARENT_ID, UNIT_TREE.PATH, UNIT_TREE.TYPE, UNIT_TREE.NAME)
                .from(UNIT_TREE).where(validOn(on))
                .and(inSubtree(rootPath).or(UNIT_TREE.UNIT_ID.in(ancestors)))
                .fetch(r -> new TreeUnit(r.value1(), r.value2(), r.value3(), UnitType.valueOf(r.value4()), r.value5()));
    }

    /** The first day of each unit of the subtree (its earliest version). */
    Map<Long, LocalDate> establishedOn(String rootPath, LocalDate on) {
        var ids = DSL.select(UNIT_TREE.UNIT_ID).from(UNIT_TREE).where(validOn(on)).and(inSubtree(rootPath));
        Map<Long, LocalDate> result = new HashMap<>();
        db.select(UNIT_TREE.UNIT_ID, DSL.min(UNIT_TREE.VALID_FROM)).from(UNIT_TREE)
                .where(UNIT_TREE.UNIT_ID.in(ids)).groupBy(UNIT_TREE.UNIT_ID)
                .forEach(r -> result.put(r.value1(), r.value2()));
        return result;
    }

    /**
     * Adds the members on the roll of the subtree on {@code on} who are not yet subjects of the campaign,
     * in one set-based statement (a province of 400,000 members opens in seconds): each with its cell,
     * the enclosing grassroots organisation as decider and quota group (a cell's parent or grandparent:
     * chi bộ trực thuộc sit under a grassroots or a partial committee), and the not-rated reason —
     * exempted (QĐ 45 item 14.2) or admitted after {@code admittedCutoff} (HD 21 II.6.2). Then marks the
     * disciplines decided in [from, to]. Returns the number added.
     */
    int insertMembers(long campaignId, String rootPath, LocalDate on, LocalDate admittedCutoff, LocalDate from, LocalDate to) {
        var c = UNIT_TREE.as("c");
        var p = UNIT_TREE.as("p");
        var pp = UNIT_TREE.as("pp");
        List<String> grassroots = List.of(UnitType.GRASSROOTS_COMMITTEE.name(), UnitType.GRASSROOTS_CELL.name());
        Field<Long> grassrootsId = DSL.when(c.TYPE.in(grassroots), c.UNIT_ID).when(p.TYPE.in(grassroots), p.UNIT_ID)
                .when(pp.TYPE.in(grassroots), pp.UNIT_ID);
        Field<Long> deciderId = DSL.coalesce(grassrootsId, c.PARENT_ID);
        Field<String> deciderName = DSL.when(c.TYPE.in(grassroots), c.NAME).when(p.TYPE.in(grassroots), p.NAME)
                .when(pp.TYPE.in(grassroots), pp.NAME).otherwise(p.NAME);
        Condition recent = admittedCutoff == null ? DSL.falseCondition() : MEMBER_NAME.ADMISSION_DECISION_DATE.gt(admittedCutoff);
        Field<String> reason = DSL.when(ROLL_STATE.EXEMPT, DSL.inline(NotRatedReason.EXEMPT.name()))
                .when(recent, DSL.inline(NotRatedReason.ADMITTED_RECENTLY.name()));
        int added = db.insertInto(RATING, RATING.CAMPAIGN_ID, RATING.SUBJECT_KIND, RATING.MEMBER_ID, RATING.UNIT_ID,
                        RATING.UNIT_PATH, RATING.UNIT_NAME, RATING.UNIT_TYPE, RATING.PARENT_UNIT_ID, RATING.GRASSROOTS_ID,
                        RATING.DECIDER_ID, RATING.DECIDER_NAME, RATING.QUOTA_GROUP, RATING.SUBJECT_NAME, RATING.STATUS,
                        RATING.NOT_RATED_REASON, RATING.NOT_RATED_SINCE, RATING.DEGRADATION, RATING.PUBLIC_SERVANT_FAILED,
                        RATING.VERSION)
                .select(DSL.select(DSL.inline(campaignId), DSL.inline(SubjectKind.MEMBER.name()), ROLL_STATE.MEMBER_ID,
                                c.UNIT_ID, c.PATH, c.NAME, c.TYPE, c.PARENT_ID, grassrootsId, deciderId, deciderName,
                                DSL.inline("M:").concat(deciderId.cast(String.class)), MEMBER_NAME.FULL_NAME,
                                DSL.when(reason.isNull(), DSL.inline(RatingStatus.PENDING.name()))
                                        .otherwise(DSL.inline(RatingStatus.NOT_RATED.name())),
                                reason,
                                DSL.when(ROLL_STATE.EXEMPT.isFalse().and(recent), MEMBER_NAME.ADMISSION_DECISION_DATE),
                                DSL.inline(false), DSL.inline(false), DSL.inline(0))
                        .from(ROLL_STATE)
                        .join(MEMBER_NAME).on(MEMBER_NAME.MEMBER_ID.eq(ROLL_STATE.MEMBER_ID))
                        .join(c).on(c.UNIT_ID.eq(ROLL_STATE.UNIT_ID)).and(validOn(c, on))
                        .and(c.PATH.ge(rootPath)).and(c.PATH.lt(upperBound(rootPath)))
                        .leftJoin(p).on(p.UNIT_ID.eq(c.PARENT_ID)).and(validOn(p, on))
                        .leftJoin(pp).on(pp.UNIT_ID.eq(p.PARENT_ID)).and(validOn(pp, on))
                        .where(ROLL_STATE.VALID_FROM.le(on)).and(ROLL_STATE.VALID_TO.isNull().or(ROLL_STATE.VALID_TO.gt(on)))
                        .and(ROLL_STATE.STATUS.in("PROBATIONARY", "FULL"))
                        .and(deciderId.isNotNull())
                        .andNotExists(DSL.selectOne().from(RATING).where(RATING.CAMPAIGN_ID.eq(campaignId))
                                .and(RATING.SUBJECT_KIND.eq(SubjectKind.MEMBER.name()))
                                .and(RATING.MEMBER_ID.eq(ROLL_STATE.MEMBER_ID))))
                .execute();
        // HD 16 & 21: a member disciplined during the year is rated KHTNV; the latest decision is shown
        var d = DISCIPLINE_RECORD.as("d");
        var later = DISCIPLINE_RECORD.as("later");
        db.update(RATING)
                .set(RATING.DISCIPLINED, d.DECISION_NUMBER.concat(DSL.inline(" (")).concat(DSL.toChar(d.DECISION_DATE, DSL.inline("FMDD/FMMM/YYYY")))
                        .concat(DSL.inline(", ")).concat(d.DECISION_BODY).concat(DSL.inline(")")))
                .from(d)
                .where(RATING.CAMPAIGN_ID.eq(campaignId)).and(RATING.SUBJECT_KIND.eq(SubjectKind.MEMBER.name()))
                .and(RATING.DISCIPLINED.isNull())
                .and(d.MEMBER_ID.eq(RATING.MEMBER_ID)).and(d.EFFECTIVE_ON.between(from, to))
                .andNotExists(DSL.selectOne().from(later).where(later.MEMBER_ID.eq(d.MEMBER_ID))
                        .and(later.EFFECTIVE_ON.between(from, to))
                        .and(later.EFFECTIVE_ON.gt(d.EFFECTIVE_ON).or(later.EFFECTIVE_ON.eq(d.EFFECTIVE_ON)
                                .and(later.DECISION_NUMBER.gt(d.DECISION_NUMBER)))))
                .execute();
        return added;
    }

    private static Condition validOn(vn.tcxd.jooq.orgstructure.tables.UnitTree t, LocalDate on) {
        return t.VALID_FROM.le(on).and(t.VALID_TO.isNull().or(t.VALID_TO.gt(on)));
    }

    /** The member's name if they are on the roll of the subtree on the date. */
    Optional<String> memberOnRoll(long memberId, String rootPath, LocalDate on) {
        return db.select(MEMBER_NAME.FULL_NAME).from(ROLL_STATE)
                .join(MEMBER_NAME).on(MEMBER_NAME.MEMBER_ID.eq(ROLL_STATE.MEMBER_ID))
                .join(UNIT_TREE).on(UNIT_TREE.UNIT_ID.eq(ROLL_STATE.UNIT_ID)).and(validOn(on)).and(inSubtree(rootPath))
                .where(ROLL_STATE.MEMBER_ID.eq(memberId))
                .and(ROLL_STATE.VALID_FROM.le(on)).and(ROLL_STATE.VALID_TO.isNull().or(ROLL_STATE.VALID_TO.gt(on)))
                .and(ROLL_STATE.STATUS.in("PROBATIONARY", "FULL"))
                .fetchOptional(Record1::value1);
    }

    private static Condition validOn(LocalDate on) {
        return UNIT_TREE.VALID_FROM.le(on).and(UNIT_TREE.VALID_TO.isNull().or(UNIT_TREE.VALID_TO.gt(on)));
    }

    private static Condition inSubtree(String rootPath) {
        return UNIT_TREE.PATH.ge(rootPath).and(UNIT_TREE.PATH.lt(upperBound(rootPath)));
    }

    static String upperBound(String path) {
        return path.substring(0, path.length() - 1) + "0";
    }

    // ---- campaigns ------------------------------------------------------------------------------

    long insertCampaign(long unitId, Period period, String scheme, LocalDate openedOn, String actor, LocalDate rollDate) {
        return db.insertInto(CAMPAIGN)
                .set(CAMPAIGN.UNIT_ID, unitId).set(CAMPAIGN.PERIOD_KIND, period.kind().name())
                .set(CAMPAIGN.YEAR, period.year()).set(CAMPAIGN.PERIOD_NO, period.no())
                .set(CAMPAIGN.PERIOD_START, period.start()).set(CAMPAIGN.PERIOD_END, period.end())
                .set(CAMPAIGN.SCHEME_CODE, scheme).set(CAMPAIGN.OPENED_ON, openedOn).set(CAMPAIGN.OPENED_BY, actor)
                .set(CAMPAIGN.ROLL_DATE, rollDate)
                .returning(CAMPAIGN.ID).fetchOne(CAMPAIGN.ID);
    }

    void setRollDate(long campaignId, LocalDate rollDate) {
        db.update(CAMPAIGN).set(CAMPAIGN.ROLL_DATE, rollDate).where(CAMPAIGN.ID.eq(campaignId)).execute();
    }

    /** Campaign rows with the unit's name as at its roll date. */
    private List<CampaignSummary> campaigns(Condition where, Map<String, String> schemeNames) {
        return db.select(CAMPAIGN.ID, CAMPAIGN.UNIT_ID, UNIT_TREE.NAME, CAMPAIGN.PERIOD_KIND, CAMPAIGN.YEAR,
                        CAMPAIGN.PERIOD_NO, CAMPAIGN.SCHEME_CODE, CAMPAIGN.OPENED_ON, CAMPAIGN.OPENED_BY, CAMPAIGN.ROLL_DATE)
                .from(CAMPAIGN)
                .leftJoin(UNIT_TREE).on(UNIT_TREE.UNIT_ID.eq(CAMPAIGN.UNIT_ID)).and(UNIT_TREE.VALID_FROM.le(CAMPAIGN.ROLL_DATE))
                .and(UNIT_TREE.VALID_TO.isNull().or(UNIT_TREE.VALID_TO.gt(CAMPAIGN.ROLL_DATE)))
                .where(where)
                .orderBy(CAMPAIGN.PERIOD_END.desc(), CAMPAIGN.ID.desc())
                .fetch(r -> new CampaignSummary(r.value1(), r.value2(), r.value3(),
                        new Period(PeriodKind.valueOf(r.value4()), r.value5(), r.value6()), r.value7(),
                        schemeNames.getOrDefault(r.value7(), r.value7()), r.value8(), r.value9(), r.value10()));
    }

    Optional<CampaignSummary> campaign(long id, Map<String, String> schemeNames) {
        return campaigns(CAMPAIGN.ID.eq(id), schemeNames).stream().findFirst();
    }

    /** Campaigns whose root lies on the unit's path (itself or an ancestor) or inside its subtree. */
    List<CampaignSummary> campaignsAround(String unitPath, Collection<Long> ancestorsAndSelf, LocalDate today,
                                          Map<String, String> schemeNames) {
        var inside = DSL.select(UNIT_TREE.UNIT_ID).from(UNIT_TREE).where(inSubtree(unitPath));
        return campaigns(CAMPAIGN.UNIT_ID.in(ancestorsAndSelf).or(CAMPAIGN.UNIT_ID.in(inside)), schemeNames);
    }

    Optional<Long> lockCampaign(long id) {
        return db.select(CAMPAIGN.ID).from(CAMPAIGN).where(CAMPAIGN.ID.eq(id)).forUpdate().fetchOptional(Record1::value1);
    }

    // ---- ratings --------------------------------------------------------------------------------

    Set<String> unitSubjects(long campaignId) {
        return new HashSet<>(db.select(RATING.SUBJECT_KIND.concat(":").concat(RATING.UNIT_ID.cast(String.class)))
                .from(RATING).where(RATING.CAMPAIGN_ID.eq(campaignId))
                .and(RATING.SUBJECT_KIND.in(SubjectKind.ORGANISATION.name(), SubjectKind.COLLECTIVE.name()))
                .fetch(Record1::value1));
    }

    RatingRecord newRating() {
        return db.newRecord(RATING);
    }

    void insertAll(List<RatingRecord> records) {
        for (int from = 0; from < records.size(); from += 2000) {
            db.batchInsert(records.subList(from, Math.min(records.size(), from + 2000))).execute();
        }
    }

    Optional<RatingRow> rating(long id) {
        return db.selectFrom(RATING).where(RATING.ID.eq(id)).fetchOptional(RatingRepository::row);
    }

    List<RatingRow> lockRatings(Collection<Long> ids) {
        return db.selectFrom(RATING).where(RATING.ID.in(ids)).orderBy(RATING.ID).forUpdate().fetch(RatingRepository::row);
    }

    List<RatingRow> inSubtree(long campaignId, String unitPath, SubjectKind kind) {
        Condition where = RATING.CAMPAIGN_ID.eq(campaignId)
                .and(RATING.UNIT_PATH.ge(unitPath)).and(RATING.UNIT_PATH.lt(upperBound(unitPath)));
        if (kind != null) {
            where = where.and(RATING.SUBJECT_KIND.eq(kind.name()));
        }
        return db.selectFrom(RATING).where(where).orderBy(RATING.UNIT_PATH, RATING.SUBJECT_NAME, RATING.ID)
                .fetch(RatingRepository::row);
    }

    Map<SubjectKind, Map<RatingStatus, Integer>> progress(long campaignId, String unitPath) {
        Map<SubjectKind, Map<RatingStatus, Integer>> counts = new java.util.EnumMap<>(SubjectKind.class);
        db.select(RATING.SUBJECT_KIND, RATING.STATUS, DSL.count()).from(RATING)
                .where(RATING.CAMPAIGN_ID.eq(campaignId))
                .and(RATING.UNIT_PATH.ge(unitPath)).and(RATING.UNIT_PATH.lt(upperBound(unitPath)))
                .groupBy(RATING.SUBJECT_KIND, RATING.STATUS)
                .forEach(r -> counts.computeIfAbsent(SubjectKind.valueOf(r.value1()), k -> new java.util.EnumMap<>(RatingStatus.class))
                        .put(RatingStatus.valueOf(r.value2()), r.value3()));
        return counts;
    }

    boolean anyDecidedBy(long campaignId, long deciderId) {
        return db.fetchExists(RATING, RATING.CAMPAIGN_ID.eq(campaignId).and(RATING.DECIDER_ID.eq(deciderId)));
    }

    List<RatingRow> decidedBy(long campaignId, long deciderId) {
        return db.selectFrom(RATING).where(RATING.CAMPAIGN_ID.eq(campaignId)).and(RATING.DECIDER_ID.eq(deciderId))
                .orderBy(RATING.UNIT_PATH, RATING.SUBJECT_NAME, RATING.ID).fetch(RatingRepository::row);
    }

    /** Ratings in the given quota groups of the campaign. */
    List<RatingRow> inQuotaGroups(long campaignId, Collection<String> groups) {
        return db.selectFrom(RATING).where(RATING.CAMPAIGN_ID.eq(campaignId)).and(RATING.QUOTA_GROUP.in(groups))
                .fetch(RatingRepository::row);
    }

    /**
     * The members of each cell and the subordinate organisations of each committee among {@code orgs}, for
     * their ratings: two indexed reads whatever the number of organisations. Keyed by the organisation's unit.
     */
    Map<Long, List<RatingRow>> childrenOf(long campaignId, Collection<RatingRow> orgs) {
        List<Long> cells = orgs.stream().filter(RatingRules::isCell).map(RatingRow::unitId).toList();
        List<Long> committees = orgs.stream().filter(o -> !RatingRules.isCell(o)).map(RatingRow::unitId).toList();
        Map<Long, List<RatingRow>> children = new HashMap<>();
        if (!cells.isEmpty()) {
            db.selectFrom(RATING).where(RATING.CAMPAIGN_ID.eq(campaignId)).and(RATING.SUBJECT_KIND.eq(SubjectKind.MEMBER.name()))
                    .and(RATING.UNIT_ID.in(cells)).orderBy(RATING.SUBJECT_NAME, RATING.ID)
                    .forEach(r -> children.computeIfAbsent(r.getUnitId(), k -> new ArrayList<>()).add(row(r)));
        }
        if (!committees.isEmpty()) {
            db.selectFrom(RATING).where(RATING.CAMPAIGN_ID.eq(campaignId)).and(RATING.SUBJECT_KIND.eq(SubjectKind.ORGANISATION.name()))
                    .and(RATING.PARENT_UNIT_ID.in(committees)).orderBy(RATING.SUBJECT_NAME, RATING.ID)
                    .forEach(r -> children.computeIfAbsent(r.getParentUnitId(), k -> new ArrayList<>()).add(row(r)));
        }
        return children;
    }

    /** The organisation rating a member (its cell) or a subordinate organisation (its parent) counts in. */
    Optional<RatingRow> parentOrganisation(RatingRow r) {
        long unit;
        if (r.kind() == SubjectKind.MEMBER) {
            unit = r.unitId();
        } else if (r.kind() == SubjectKind.ORGANISATION && r.parentUnitId() != null) {
            unit = r.parentUnitId();
        } else {
            return Optional.empty();
        }
        return db.selectFrom(RATING).where(RATING.CAMPAIGN_ID.eq(r.campaignId()))
                .and(RATING.SUBJECT_KIND.eq(SubjectKind.ORGANISATION.name())).and(RATING.UNIT_ID.eq(unit))
                .fetchOptional(RatingRepository::row);
    }

    void recordInputs(long id, RatingRow.Inputs in) {
        db.update(RATING).set(RATING.SICK_LEAVE_DAYS, in.sickLeaveDays()).set(RATING.TARGETS_PCT, in.targetsPct())
                .set(RATING.DEGRADATION, in.degradation()).set(RATING.PUBLIC_SERVANT_FAILED, in.publicServantFailed())
                .set(RATING.VERSION, RATING.VERSION.plus(1)).where(RATING.ID.eq(id)).execute();
    }

    void selfAssess(long id, RatingLevel level, java.math.BigDecimal score, RatingStatus status) {
        db.update(RATING).set(RATING.SELF_LEVEL, level.name()).set(RATING.SELF_SCORE, score)
                .set(RATING.STATUS, status.name()).set(RATING.VERSION, RATING.VERSION.plus(1))
                .where(RATING.ID.eq(id)).execute();
    }

    void propose(long id, RatingLevel level, java.math.BigDecimal score, Integer votesFor, Integer votesTotal) {
        db.update(RATING).set(RATING.PROPOSED_LEVEL, level.name()).set(RATING.PROPOSED_SCORE, score)
                .set(RATING.VOTES_FOR, votesFor).set(RATING.VOTES_TOTAL, votesTotal)
                .set(RATING.STATUS, RatingStatus.PROPOSED.name()).set(RATING.VERSION, RATING.VERSION.plus(1))
                .where(RATING.ID.eq(id)).execute();
    }

    /** A rating as the committee decides it: level, score, the reason for exceeding the quota if any. */
    record Decided(long id, RatingLevel level, java.math.BigDecimal score, String quotaOverride) {
    }

    /**
     * Writes a committee's decision on many ratings in two round trips: the updates as one JDBC batch, then
     * their DECISION (and OVERRIDE) steps as one batch insert — a committee of 6,000 members decides at once.
     */
    void decideAll(List<Decided> decided, DecisionRef d, String actor, OffsetDateTime at) {
        List<org.jooq.Query> updates = new ArrayList<>();
        List<RatingStepRecord> steps = new ArrayList<>();
        for (Decided x : decided) {
            updates.add(db.update(RATING).set(RATING.DECIDED_LEVEL, x.level().name()).set(RATING.DECIDED_SCORE, x.score())
                    .set(RATING.QUOTA_OVERRIDE, x.quotaOverride())
                    .set(RATING.DECISION_NUMBER, d.number()).set(RATING.DECISION_DATE, d.date()).set(RATING.DECISION_BODY, d.issuingBody())
                    .set(RATING.DECIDED_AT, at).set(RATING.DECIDED_BY, actor)
                    .set(RATING.STATUS, RatingStatus.DECIDED.name()).set(RATING.VERSION, RATING.VERSION.plus(1))
                    .where(RATING.ID.eq(x.id())));
            steps.add(stepRecord(x.id(), RatingStep.StepKind.DECISION, x.level(), x.score(), d, null, actor));
            if (x.quotaOverride() != null) {
                steps.add(stepRecord(x.id(), RatingStep.StepKind.OVERRIDE, x.level(), x.score(), d, x.quotaOverride(), actor));
            }
        }
        for (int from = 0; from < updates.size(); from += 2000) {
            db.batch(updates.subList(from, Math.min(updates.size(), from + 2000))).execute();
        }
        for (int from = 0; from < steps.size(); from += 2000) {
            db.batchInsert(steps.subList(from, Math.min(steps.size(), from + 2000))).execute();
        }
    }

    private RatingStepRecord stepRecord(long ratingId, RatingStep.StepKind step, RatingLevel level, java.math.BigDecimal score,
                                        DecisionRef d, String reason, String actor) {
        RatingStepRecord r = db.newRecord(RATING_STEP);
        r.setRatingId(ratingId);
        r.setStep(step.name());
        r.setLevel(level == null ? null : level.name());
        r.setScore(score);
        if (d != null) {
            r.setDecisionNumber(d.number());
            r.setDecisionDate(d.date());
            r.setDecisionBody(d.issuingBody());
        }
        r.setReason(reason);
        r.setActor(actor);
        return r;
    }

    void reopen(long id, RatingStatus back) {
        db.update(RATING).setNull(RATING.DECIDED_LEVEL).setNull(RATING.DECIDED_SCORE).setNull(RATING.QUOTA_OVERRIDE)
                .setNull(RATING.DECISION_NUMBER).setNull(RATING.DECISION_DATE).setNull(RATING.DECISION_BODY)
                .setNull(RATING.DECIDED_AT).setNull(RATING.DECIDED_BY)
                .set(RATING.STATUS, back.name()).set(RATING.VERSION, RATING.VERSION.plus(1))
                .where(RATING.ID.eq(id)).execute();
    }

    void step(long ratingId, RatingStep.StepKind step, RatingLevel level, java.math.BigDecimal score, Integer votesFor,
              Integer votesTotal, DecisionRef d, String reason, String actor) {
        RatingStepRecord r = stepRecord(ratingId, step, level, score, d, reason, actor);
        r.setVotesFor(votesFor);
        r.setVotesTotal(votesTotal);
        r.insert();
    }

    List<RatingStep> steps(long ratingId) {
        return db.selectFrom(RATING_STEP).where(RATING_STEP.RATING_ID.eq(ratingId)).orderBy(RATING_STEP.ID)
                .fetch(r -> new RatingStep(r.getId(), RatingStep.StepKind.valueOf(r.getStep()),
                        r.getLevel() == null ? null : RatingLevel.valueOf(r.getLevel()), r.getScore(), r.getVotesFor(),
                        r.getVotesTotal(), r.getDecisionNumber() == null ? null
                        : new DecisionRef(r.getDecisionNumber(), r.getDecisionDate(), r.getDecisionBody()),
                        r.getReason(), r.getActor(), r.getAt().toInstant()));
    }

    static RatingRow row(RatingRecord r) {
        return new RatingRow(r.getId(), r.getCampaignId(), SubjectKind.valueOf(r.getSubjectKind()), r.getMemberId(),
                r.getUnitId(), r.getUnitName(), UnitType.valueOf(r.getUnitType()), r.getParentUnitId(), r.getSubjectName(),
                r.getPosition(), r.getGrassrootsId(), r.getDeciderId(), r.getDeciderName(), r.getQuotaGroup(),
                RatingStatus.valueOf(r.getStatus()),
                r.getNotRatedReason() == null ? null : NotRatedReason.valueOf(r.getNotRatedReason()), r.getDisciplined(),
                new RatingRow.Inputs(r.getSickLeaveDays(), r.getTargetsPct(), r.getDegradation(), r.getPublicServantFailed()),
                level(r.getSelfLevel()), r.getSelfScore(), level(r.getProposedLevel()), r.getProposedScore(),
                r.getVotesFor(), r.getVotesTotal(), level(r.getDecidedLevel()), r.getDecidedScore(),
                r.getDecisionNumber() == null ? null : new DecisionRef(r.getDecisionNumber(), r.getDecisionDate(), r.getDecisionBody()),
                r.getQuotaOverride(), r.getVersion());
    }

    private static RatingLevel level(String code) {
        return code == null ? null : RatingLevel.valueOf(code);
    }
}
