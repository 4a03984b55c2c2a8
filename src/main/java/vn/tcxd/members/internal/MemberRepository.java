package vn.tcxd.members.internal;

import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import vn.tcxd.jooq.members.tables.records.MemberRecord;
import vn.tcxd.jooq.orgstructure.tables.UnitTree;
import vn.tcxd.members.CodeItem;
import vn.tcxd.members.CodeList;
import vn.tcxd.members.Gender;
import vn.tcxd.members.MemberEventEntry;
import vn.tcxd.members.MemberEventKind;
import vn.tcxd.members.MemberFilter;
import vn.tcxd.members.MemberPage;
import vn.tcxd.members.MemberStatus;
import vn.tcxd.members.MemberSummary;
import vn.tcxd.members.TransferKind;
import vn.tcxd.members.TransferSummary;
import vn.tcxd.shared.DecisionRef;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static vn.tcxd.jooq.members.Tables.BADGE_AWARD;
import static vn.tcxd.jooq.members.Tables.CODE_ITEM;
import static vn.tcxd.jooq.members.Tables.MEMBER;
import static vn.tcxd.jooq.members.Tables.MEMBER_EVENT;
import static vn.tcxd.jooq.members.Tables.MEMBER_NAME_KEY;
import static vn.tcxd.jooq.members.Tables.MEMBER_STATE;
import static vn.tcxd.jooq.members.Tables.TRANSFER;

/**
 * Typed SQL over the member registry. Subtree filters join the public view
 * {@code orgstructure.unit_tree} as at the same date.
 */
@Repository
class MemberRepository {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final UnitTree TREE = UnitTree.UNIT_TREE;

    private final DSLContext db;
    private final ObjectMapper json;

    MemberRepository(DSLContext db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    static Condition stateValidOn(LocalDate date) {
        return MEMBER_STATE.VALID_FROM.le(date).and(MEMBER_STATE.VALID_TO.isNull().or(MEMBER_STATE.VALID_TO.gt(date)));
    }

    static Condition treeValidOn(UnitTree t, LocalDate date) {
        return t.VALID_FROM.le(date).and(t.VALID_TO.isNull().or(t.VALID_TO.gt(date)));
    }

    // ---- member record ----------------------------------------------------------------------

    Optional<MemberRecord> member(long id) {
        return db.selectFrom(MEMBER).where(MEMBER.ID.eq(id)).fetchOptional();
    }

    boolean citizenIdTaken(String citizenId, Long exceptMemberId) {
        return db.fetchExists(MEMBER, MEMBER.CITIZEN_ID.eq(citizenId)
                .and(exceptMemberId == null ? DSL.trueCondition() : MEMBER.ID.ne(exceptMemberId)));
    }

    boolean cardNumberTaken(String cardNumber, Long exceptMemberId) {
        return db.fetchExists(MEMBER, MEMBER.CARD_NUMBER.eq(cardNumber)
                .and(exceptMemberId == null ? DSL.trueCondition() : MEMBER.ID.ne(exceptMemberId)));
    }

    long insertMember(MemberRecord record) {
        record.attach(db.configuration());
        record.changed(MEMBER.ID, false);
        record.insert();
        return record.getId();
    }

    void updateMember(MemberRecord record) {
        record.attach(db.configuration());
        record.update();
    }

    List<CodeItem> codes(CodeList list) {
        return db.selectFrom(CODE_ITEM).where(CODE_ITEM.LIST.eq(list.name())).orderBy(CODE_ITEM.SORT)
                .fetch(r -> new CodeItem(list, r.getCode(), r.getLabel(), r.getLabelEn()));
    }

    boolean codeExists(CodeList list, String code) {
        return db.fetchExists(CODE_ITEM, CODE_ITEM.LIST.eq(list.name()).and(CODE_ITEM.CODE.eq(code)));
    }

    // ---- states -----------------------------------------------------------------------------

    Optional<StateRow> stateOn(long memberId, LocalDate date) {
        return db.selectFrom(MEMBER_STATE).where(MEMBER_STATE.MEMBER_ID.eq(memberId).and(stateValidOn(date)))
                .fetchOptional(this::toState);
    }

    Optional<StateRow> latestState(long memberId) {
        return db.selectFrom(MEMBER_STATE).where(MEMBER_STATE.MEMBER_ID.eq(memberId))
                .orderBy(MEMBER_STATE.VALID_FROM.desc()).limit(1).fetchOptional(this::toState);
    }

    List<StateRow> statesFrom(long memberId, LocalDate date) {
        return db.selectFrom(MEMBER_STATE)
                .where(MEMBER_STATE.MEMBER_ID.eq(memberId)
                        .and(MEMBER_STATE.VALID_TO.isNull().or(MEMBER_STATE.VALID_TO.gt(date))))
                .orderBy(MEMBER_STATE.VALID_FROM).fetch(this::toState);
    }

    void insertState(long memberId, LocalDate from, LocalDate to, long unitId, MemberStatus status, boolean exempt,
                     boolean inTransit, Long awayUnitId, long eventId) {
        db.insertInto(MEMBER_STATE)
                .set(MEMBER_STATE.MEMBER_ID, memberId)
                .set(MEMBER_STATE.VALID_FROM, from)
                .set(MEMBER_STATE.VALID_TO, to)
                .set(MEMBER_STATE.UNIT_ID, unitId)
                .set(MEMBER_STATE.STATUS, status.name())
                .set(MEMBER_STATE.EXEMPT, exempt)
                .set(MEMBER_STATE.IN_TRANSIT, inTransit)
                .set(MEMBER_STATE.AWAY_UNIT_ID, awayUnitId)
                .set(MEMBER_STATE.EVENT_ID, eventId)
                .execute();
    }

    void closeState(long stateId, LocalDate on) {
        db.update(MEMBER_STATE).set(MEMBER_STATE.VALID_TO, on).where(MEMBER_STATE.ID.eq(stateId)).execute();
    }

    void rewriteState(StateRow row, long eventId) {
        db.update(MEMBER_STATE)
                .set(MEMBER_STATE.UNIT_ID, row.unitId())
                .set(MEMBER_STATE.STATUS, row.status().name())
                .set(MEMBER_STATE.EXEMPT, row.exempt())
                .set(MEMBER_STATE.IN_TRANSIT, row.inTransit())
                .set(MEMBER_STATE.AWAY_UNIT_ID, row.awayUnitId())
                .set(MEMBER_STATE.EVENT_ID, eventId)
                .where(MEMBER_STATE.ID.eq(row.id())).execute();
    }

    /** Members on the roll of, or hosted by, {@code unitId} on {@code date} or later (for reorganisations). */
    List<Long> membersOfUnitFrom(long unitId, LocalDate date) {
        Condition live = MEMBER_STATE.VALID_TO.isNull().or(MEMBER_STATE.VALID_TO.gt(date))
                .and(MEMBER_STATE.STATUS.in(MemberStatus.PROBATIONARY.name(), MemberStatus.FULL.name()));
        return db.selectDistinct(MEMBER_STATE.MEMBER_ID).from(MEMBER_STATE)
                .where(MEMBER_STATE.UNIT_ID.eq(unitId).and(live))
                .union(DSL.selectDistinct(MEMBER_STATE.MEMBER_ID).from(MEMBER_STATE)
                        .where(MEMBER_STATE.AWAY_UNIT_ID.eq(unitId).and(live)))
                .orderBy(1).fetch(MEMBER_STATE.MEMBER_ID);
    }

    /** Transfers still open towards {@code unitId}: letters in transit, temporary stays not ended. */
    List<TransferSummary> openTransfersTo(long unitId) {
        return transfers(TRANSFER.TO_UNIT_ID.eq(unitId).and(TRANSFER.STATUS.eq("IN_TRANSIT")
                .or(TRANSFER.KIND.eq("TEMPORARY").and(TRANSFER.STATUS.eq("RECEIVED")))));
    }

    void redirectTransfer(long transferId, long toUnitId) {
        db.update(TRANSFER).set(TRANSFER.TO_UNIT_ID, toUnitId).where(TRANSFER.ID.eq(transferId)).execute();
    }

    // ---- events -----------------------------------------------------------------------------

    long insertEvent(long memberId, MemberEventKind kind, LocalDate on, DecisionRef decision, Map<String, Object> details,
                     String actor) {
        return db.insertInto(MEMBER_EVENT)
                .set(MEMBER_EVENT.MEMBER_ID, memberId)
                .set(MEMBER_EVENT.KIND, kind.name())
                .set(MEMBER_EVENT.EFFECTIVE_ON, on)
                .set(MEMBER_EVENT.DECISION_NUMBER, decision.number())
                .set(MEMBER_EVENT.DECISION_DATE, decision.date())
                .set(MEMBER_EVENT.DECISION_BODY, decision.issuingBody())
                .set(MEMBER_EVENT.DETAILS, details == null ? null : JSONB.valueOf(json.writeValueAsString(details)))
                .set(MEMBER_EVENT.RECORDED_BY, actor)
                .returning(MEMBER_EVENT.ID).fetchOne(MEMBER_EVENT.ID);
    }

    List<MemberEventEntry> events(long memberId) {
        return db.selectFrom(MEMBER_EVENT).where(MEMBER_EVENT.MEMBER_ID.eq(memberId))
                .orderBy(MEMBER_EVENT.EFFECTIVE_ON, MEMBER_EVENT.ID)
                .fetch(r -> new MemberEventEntry(r.getId(), MemberEventKind.valueOf(r.getKind()), r.getEffectiveOn(),
                        new DecisionRef(r.getDecisionNumber(), r.getDecisionDate(), r.getDecisionBody()),
                        r.getDetails() == null ? Map.of() : json.readValue(r.getDetails().data(), MAP)));
    }

    List<StateRow> allStates(long memberId) {
        return db.selectFrom(MEMBER_STATE).where(MEMBER_STATE.MEMBER_ID.eq(memberId))
                .orderBy(MEMBER_STATE.VALID_FROM).fetch(this::toState);
    }

    Map<Long, List<StateRow>> statesOf(List<Long> memberIds) {
        Map<Long, List<StateRow>> byMember = new java.util.HashMap<>();
        for (int i = 0; i < memberIds.size(); i += 5_000) {
            db.selectFrom(MEMBER_STATE).where(MEMBER_STATE.MEMBER_ID.in(memberIds.subList(i, Math.min(i + 5_000, memberIds.size()))))
                    .orderBy(MEMBER_STATE.MEMBER_ID, MEMBER_STATE.VALID_FROM)
                    .forEach(r -> byMember.computeIfAbsent(r.getMemberId(), k -> new ArrayList<>()).add(toState(r)));
        }
        return byMember;
    }

    Map<Long, java.util.Set<Integer>> awardedYears(List<Long> memberIds) {
        Map<Long, java.util.Set<Integer>> byMember = new java.util.HashMap<>();
        for (int i = 0; i < memberIds.size(); i += 5_000) {
            db.select(BADGE_AWARD.MEMBER_ID, BADGE_AWARD.YEARS).from(BADGE_AWARD)
                    .where(BADGE_AWARD.MEMBER_ID.in(memberIds.subList(i, Math.min(i + 5_000, memberIds.size()))))
                    .forEach(r -> byMember.computeIfAbsent(r.value1(), k -> new java.util.HashSet<>()).add(r.value2()));
        }
        return byMember;
    }

    record RollRow(long memberId, String fullName, long unitId, LocalDate admissionDecisionDate, LocalDate ceremonyDate) {
    }

    /** Members of the subtree on the date with the given status, admitted on or before {@code admittedBy}. */
    List<RollRow> roll(String rootPath, LocalDate date, MemberStatus status, LocalDate admittedBy) {
        Field<String> order = DSL.field("{0} collate \"vi-VN-x-icu\"", String.class, MEMBER.SORT_NAME);
        return db.select(MEMBER.ID, MEMBER.FULL_NAME, MEMBER_STATE.UNIT_ID, MEMBER.ADMISSION_DECISION_DATE, MEMBER.CEREMONY_DATE)
                .from(MEMBER_STATE)
                .join(MEMBER).on(MEMBER.ID.eq(MEMBER_STATE.MEMBER_ID))
                .join(TREE).on(TREE.UNIT_ID.eq(MEMBER_STATE.UNIT_ID))
                .where(stateValidOn(date).and(treeValidOn(TREE, date)).and(inSubtree(TREE, rootPath))
                        .and(MEMBER_STATE.STATUS.eq(status.name()))
                        .and(admittedBy == null ? DSL.trueCondition() : MEMBER.ADMISSION_DECISION_DATE.le(admittedBy)))
                .orderBy(order, MEMBER.ID)
                .fetch(r -> new RollRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    List<TransferSummary> outgoing(String rootPath, LocalDate date) {
        return transfers(TRANSFER.STATUS.eq("IN_TRANSIT").and(TRANSFER.FROM_UNIT_ID.in(
                DSL.select(TREE.UNIT_ID).from(TREE).where(treeValidOn(TREE, date)).and(inSubtree(TREE, rootPath)))));
    }

    // ---- badges -----------------------------------------------------------------------------

    void insertBadgeAward(long memberId, vn.tcxd.members.BadgeEligibility eligibility, long eventId) {
        db.insertInto(BADGE_AWARD)
                .set(BADGE_AWARD.MEMBER_ID, memberId)
                .set(BADGE_AWARD.YEARS, eligibility.milestoneYears())
                .set(BADGE_AWARD.OCCASION, eligibility.occasion())
                .set(BADGE_AWARD.EARLY, eligibility.early())
                .set(BADGE_AWARD.MONTHS_EARLY, eligibility.monthsEarly())
                .set(BADGE_AWARD.POSTHUMOUS, eligibility.posthumous())
                .set(BADGE_AWARD.RULE_SET_CODE, eligibility.ruleSetCode())
                .set(BADGE_AWARD.EVENT_ID, eventId)
                .execute();
    }

    List<vn.tcxd.members.BadgeAward> badgeAwards(long memberId) {
        return db.select(BADGE_AWARD.fields()).select(MEMBER_EVENT.DECISION_NUMBER, MEMBER_EVENT.DECISION_DATE,
                        MEMBER_EVENT.DECISION_BODY)
                .from(BADGE_AWARD).join(MEMBER_EVENT).on(MEMBER_EVENT.ID.eq(BADGE_AWARD.EVENT_ID))
                .where(BADGE_AWARD.MEMBER_ID.eq(memberId)).orderBy(BADGE_AWARD.YEARS)
                .fetch(r -> new vn.tcxd.members.BadgeAward(memberId, r.get(BADGE_AWARD.YEARS), r.get(BADGE_AWARD.OCCASION),
                        r.get(BADGE_AWARD.EARLY), r.get(BADGE_AWARD.MONTHS_EARLY), r.get(BADGE_AWARD.POSTHUMOUS),
                        r.get(BADGE_AWARD.RULE_SET_CODE), new DecisionRef(r.get(MEMBER_EVENT.DECISION_NUMBER),
                        r.get(MEMBER_EVENT.DECISION_DATE), r.get(MEMBER_EVENT.DECISION_BODY))));
    }

    // ---- transfers --------------------------------------------------------------------------

    long insertTransfer(long memberId, TransferKind kind, long fromUnitId, long toUnitId, String letterNumber,
                        LocalDate issuedOn) {
        return db.insertInto(TRANSFER)
                .set(TRANSFER.MEMBER_ID, memberId)
                .set(TRANSFER.KIND, kind.name())
                .set(TRANSFER.FROM_UNIT_ID, fromUnitId)
                .set(TRANSFER.TO_UNIT_ID, toUnitId)
                .set(TRANSFER.LETTER_NUMBER, letterNumber)
                .set(TRANSFER.ISSUED_ON, issuedOn)
                .set(TRANSFER.STATUS, "IN_TRANSIT")
                .returning(TRANSFER.ID).fetchOne(TRANSFER.ID);
    }

    void markTransfer(long transferId, String status, LocalDate receivedOn, LocalDate endedOn) {
        db.update(TRANSFER).set(TRANSFER.STATUS, status)
                .set(TRANSFER.RECEIVED_ON, DSL.coalesce(DSL.val(receivedOn), TRANSFER.RECEIVED_ON))
                .set(TRANSFER.ENDED_ON, DSL.coalesce(DSL.val(endedOn), TRANSFER.ENDED_ON))
                .where(TRANSFER.ID.eq(transferId)).execute();
    }

    Optional<TransferSummary> transfer(long transferId) {
        return transfers(TRANSFER.ID.eq(transferId)).stream().findFirst();
    }

    List<TransferSummary> transfersOf(long memberId) {
        return transfers(TRANSFER.MEMBER_ID.eq(memberId));
    }

    Optional<TransferSummary> openTransfer(long memberId) {
        return transfers(TRANSFER.MEMBER_ID.eq(memberId).and(TRANSFER.STATUS.eq("IN_TRANSIT")
                        .or(TRANSFER.KIND.eq("TEMPORARY").and(TRANSFER.STATUS.eq("RECEIVED")))))
                .stream().findFirst();
    }

    List<TransferSummary> incoming(String rootPath, LocalDate date) {
        return transfers(TRANSFER.STATUS.eq("IN_TRANSIT").and(TRANSFER.TO_UNIT_ID.in(
                DSL.select(TREE.UNIT_ID).from(TREE).where(treeValidOn(TREE, date)).and(inSubtree(TREE, rootPath)))));
    }

    /** Temporary transfers received into the subtree and not ended (the member is hosted there). */
    List<TransferSummary> hosted(String rootPath, LocalDate date) {
        return transfers(TRANSFER.KIND.eq(TransferKind.TEMPORARY.name()).and(TRANSFER.STATUS.eq("RECEIVED"))
                .and(TRANSFER.TO_UNIT_ID.in(DSL.select(TREE.UNIT_ID).from(TREE).where(treeValidOn(TREE, date))
                        .and(inSubtree(TREE, rootPath)))));
    }

    private List<TransferSummary> transfers(Condition where) {
        return db.select(TRANSFER.fields()).select(MEMBER.FULL_NAME).from(TRANSFER)
                .join(MEMBER).on(MEMBER.ID.eq(TRANSFER.MEMBER_ID))
                .where(where).orderBy(TRANSFER.ISSUED_ON, TRANSFER.ID)
                .fetch(r -> new TransferSummary(r.get(TRANSFER.ID), r.get(TRANSFER.MEMBER_ID), r.get(MEMBER.FULL_NAME),
                        TransferKind.valueOf(r.get(TRANSFER.KIND)), r.get(TRANSFER.FROM_UNIT_ID),
                        r.get(TRANSFER.TO_UNIT_ID), r.get(TRANSFER.LETTER_NUMBER), r.get(TRANSFER.ISSUED_ON),
                        r.get(TRANSFER.RECEIVED_ON), r.get(TRANSFER.ENDED_ON), r.get(TRANSFER.STATUS)));
    }

    // ---- lists and search -------------------------------------------------------------------

    Optional<String> pathOf(long unitId, LocalDate date) {
        return db.select(TREE.PATH).from(TREE).where(TREE.UNIT_ID.eq(unitId).and(treeValidOn(TREE, date)))
                .fetchOptional(TREE.PATH);
    }

    static Condition inSubtree(UnitTree t, String rootPath) {
        return t.PATH.ge(rootPath).and(t.PATH.lt(rootPath.substring(0, rootPath.length() - 1) + "0"));
    }

    MemberPage list(String rootPath, LocalDate date, MemberFilter filter, int page, int size) {
        List<Condition> conditions = new ArrayList<>();
        conditions.add(stateValidOn(date));
        conditions.add(treeValidOn(TREE, date));
        conditions.add(inSubtree(TREE, rootPath));
        if (filter.status() != null) {
            conditions.add(MEMBER_STATE.STATUS.eq(filter.status().name()));
        } else {
            conditions.add(MEMBER_STATE.STATUS.in(MemberStatus.PROBATIONARY.name(), MemberStatus.FULL.name()));
        }
        if (filter.gender() != null) {
            conditions.add(MEMBER.GENDER.eq(filter.gender().name()));
        }
        if (filter.ageFrom() != null) {
            conditions.add(MEMBER.BIRTH_DATE.le(date.minusYears(filter.ageFrom())));
        }
        if (filter.ageTo() != null) {
            conditions.add(MEMBER.BIRTH_DATE.gt(date.minusYears(filter.ageTo() + 1L)));
        }
        if (filter.ethnicity() != null) {
            conditions.add(MEMBER.ETHNICITY.eq(filter.ethnicity()));
        }
        if (filter.theory() != null) {
            conditions.add(MEMBER.THEORY.eq(filter.theory()));
        }
        if (filter.education() != null) {
            conditions.add(MEMBER.EDUCATION.eq(filter.education()));
        }
        if (filter.exempt() != null) {
            conditions.add(MEMBER_STATE.EXEMPT.eq(filter.exempt()));
        }
        Condition where = DSL.and(conditions);
        // without a filter on the record sheet the count needs no member row: index-only on the states
        // (member_state_unit_cover_idx), not 800,000 table reads for a large province
        boolean sheetFilter = filter.gender() != null || filter.ageFrom() != null || filter.ageTo() != null
                || filter.ethnicity() != null || filter.theory() != null || filter.education() != null;
        var count = db.selectCount().from(MEMBER_STATE);
        long total = (sheetFilter ? count.join(MEMBER).on(MEMBER.ID.eq(MEMBER_STATE.MEMBER_ID)) : count)
                .join(TREE).on(TREE.UNIT_ID.eq(MEMBER_STATE.UNIT_ID))
                .where(where).fetchOne(0, Long.class);
        List<MemberSummary> rows = summaries(where, date, vn.tcxd.shared.Paging.offset(page, size), size);
        return new MemberPage(rows, total, page, size);
    }

    /** More distinct keys than this ("tran": 19,285) and merging one ordered run per key no longer pays. */
    private static final int MERGE_KEYS = 128;
    /** Up to this many matching keys, sorting them all is cheaper than walking the Vietnamese order. */
    private static final int SORT_MATCHES = 20_000;
    /** In a commune or below, the scope's members are read first when the text matches at least this many keys. */
    private static final int SCOPE_FIRST_MATCHES = 1_000;

    /**
     * Members whose folded name contains {@code folded} from the start of a word ("van an" finds "Nguyễn Văn
     * An" and "Trần Văn Anh", not "Đoàn Văn Xuân"), or whose CCCD / card number is {@code digits}, valid on the
     * date within the scope, in Vietnamese order. Names are found through {@code member_name_key} (one row per
     * word start, V202611222350), by the cheapest of four plans for the query's spread (docs/performance.md).
     */
    List<MemberSummary> search(String folded, String digits, List<String> rootPaths, LocalDate date, int limit) {
        // the patterns and paths are inlined (escaped literals): their selectivity decides the plan, and a
        // generic plan of a prepared statement would treat "nguyen" like "Lò Văn Pao"
        Condition scope = rootPaths == null ? DSL.trueCondition()
                : DSL.or(rootPaths.stream().map(p -> TREE.PATH.ge(DSL.inline(p))
                        .and(TREE.PATH.lt(DSL.inline(p.substring(0, p.length() - 1) + "0")))).toList());
        Condition valid = stateValidOn(date).and(treeValidOn(TREE, date)).and(scope);
        if (digits != null) {
            // the identifier first (unique indexes), then its state and scope; in one query the planner
            // sometimes read a commune's 1,000 members to find one
            List<Long> ids = db.select(MEMBER.ID).from(MEMBER)
                    .where(MEMBER.CITIZEN_ID.eq(digits).or(MEMBER.CARD_NUMBER.eq(digits))).fetch(MEMBER.ID);
            return ids.isEmpty() ? List.of() : summaries(MEMBER.ID.in(ids).and(valid), date, 0, limit);
        }
        String escaped = folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        Field<String> prefix = DSL.inline(escaped + "%");
        Condition keyMatches = MEMBER_NAME_KEY.NAME_KEY.like(prefix, '\\');
        boolean smallScope = rootPaths != null && rootPaths.stream().allMatch(p -> p.chars().filter(c -> c == '/').count() > 3);
        if (smallScope) {
            // a commune or below (~1,300 members): its members first (member_state_unit_cover_idx), then the
            // text, unless the text alone is rarer than that
            if (countKeys(keyMatches, SCOPE_FIRST_MATCHES) >= SCOPE_FIRST_MATCHES) {
                return summaries(wordStart(MEMBER.SEARCH_TEXT, escaped).and(valid), date, 0, limit);
            }
            return page(sortedKeys(keyMatches), valid, SCOPE_FIRST_MATCHES, limit);
        }
        // nationally nearly every candidate is valid; in the largest province one in seven
        int firstChunk = rootPaths == null ? limit * 2 : limit * 16;
        List<String> keys = distinctKeys(prefix, MERGE_KEYS + 1);
        if (keys.isEmpty()) {
            return List.of();
        }
        if (keys.size() <= MERGE_KEYS) {
            // a few distinct keys, however many members ("thi huo": 1 key, 48,000 members): one ordered run per key
            return page(mergedRuns(keys), valid, firstChunk, limit);
        }
        if (countKeys(keyMatches, SORT_MATCHES) < SORT_MATCHES) {
            return page(sortedKeys(keyMatches), valid, firstChunk, limit);
        }
        // many keys and many members ("tran", "van", "h"): dense from the start of the order
        return page(orderWalk(wordStart(MEMBER.as("walked").SEARCH_TEXT, escaped)), valid, firstChunk, limit);
    }

    /** {@code field} contains the escaped text at the start of a word (search_text has single spaces). */
    private static Condition wordStart(Field<String> field, String escaped) {
        return field.like(DSL.inline(escaped + "%"), '\\').or(field.like(DSL.inline("% " + escaped + "%"), '\\'));
    }

    private int countKeys(Condition keyMatches, int cap) {
        return db.fetchCount(DSL.selectOne().from(MEMBER_NAME_KEY).where(keyMatches).limit(cap));
    }

    /** The distinct keys with the prefix, up to {@code max}: one index descent each (a loose index scan). */
    private List<String> distinctKeys(Field<String> prefix, int max) {
        var next = MEMBER_NAME_KEY.as("next_key");
        Field<String> key = DSL.field(DSL.name("keys", "name_key"), String.class);
        CommonTableExpression<Record1<String>> keys = DSL.name("keys").fields("name_key").as(
                DSL.select(DSL.min(MEMBER_NAME_KEY.NAME_KEY)).from(MEMBER_NAME_KEY)
                        .where(MEMBER_NAME_KEY.NAME_KEY.like(prefix, '\\'))
                        .unionAll(DSL.select(DSL.field(DSL.select(DSL.min(next.NAME_KEY)).from(next)
                                        .where(next.NAME_KEY.gt(key)).and(next.NAME_KEY.like(prefix, '\\'))))
                                .from(DSL.table(DSL.name("keys"))).where(key.isNotNull())));
        return db.withRecursive(keys).select(key).from(keys).where(key.isNotNull()).limit(max).fetch(key);
    }

    /** Candidates (member id, sort name) in Vietnamese order after a keyset position, at most {@code n}. */
    @FunctionalInterface
    private interface Candidates {
        List<org.jooq.Record2<Long, String>> after(String sortName, long memberId, int n);
    }

    /** All matching keys, sorted (top-N on member_name_key_idx, index-only). */
    private Candidates sortedKeys(Condition keyMatches) {
        return (sortName, memberId, n) -> db.select(MEMBER_NAME_KEY.MEMBER_ID, MEMBER_NAME_KEY.SORT_NAME)
                .from(MEMBER_NAME_KEY)
                .where(keyMatches).and(after(MEMBER_NAME_KEY.SORT_NAME, MEMBER_NAME_KEY.MEMBER_ID, sortName, memberId))
                .orderBy(viOrder(MEMBER_NAME_KEY.SORT_NAME), MEMBER_NAME_KEY.MEMBER_ID).limit(n).fetch();
    }

    /** The first {@code n} of each key's run (already in Vietnamese order in the index), merged. */
    private Candidates mergedRuns(List<String> keys) {
        return (sortName, memberId, n) -> {
            var k = DSL.values(keys.stream().map(key -> DSL.row(DSL.inline(key))).toList()
                    .toArray(org.jooq.Row1[]::new)).as("k", "name_key");
            Field<String> kKey = k.field("name_key", String.class);
            var run = DSL.lateral(DSL.select(MEMBER_NAME_KEY.MEMBER_ID, MEMBER_NAME_KEY.SORT_NAME).from(MEMBER_NAME_KEY)
                    .where(MEMBER_NAME_KEY.NAME_KEY.eq(kKey))
                    .and(after(MEMBER_NAME_KEY.SORT_NAME, MEMBER_NAME_KEY.MEMBER_ID, sortName, memberId))
                    .orderBy(viOrder(MEMBER_NAME_KEY.SORT_NAME), MEMBER_NAME_KEY.MEMBER_ID).limit(n)).as("run");
            Field<Long> runId = run.field(MEMBER_NAME_KEY.MEMBER_ID);
            Field<String> runSort = run.field(MEMBER_NAME_KEY.SORT_NAME);
            return db.select(runId, runSort).from(k).crossJoin(run).orderBy(viOrder(runSort), runId).limit(n).fetch();
        };
    }

    /**
     * The Vietnamese order walked index-only (member_sort_search_idx), filtered on the included search_text:
     * with a LIMIT the planner always walks; without one it sometimes sorted all 400,000 "pham" instead.
     */
    private Candidates orderWalk(Condition matches) {
        var walked = MEMBER.as("walked");
        return (sortName, memberId, n) -> db.select(walked.ID, walked.SORT_NAME).from(walked)
                .where(matches).and(after(walked.SORT_NAME, walked.ID, sortName, memberId))
                .orderBy(viOrder(walked.SORT_NAME), walked.ID).limit(n).fetch();
    }

    private static Condition after(Field<String> sort, Field<Long> id, String sortName, long memberId) {
        return sortName == null ? DSL.trueCondition()
                : DSL.condition("({0}, {1}) > ({2} collate \"vi-VN-x-icu\", {3})", viOrder(sort), id, DSL.val(sortName),
                DSL.val(memberId));
    }

    private static Field<String> viOrder(Field<String> sort) {
        return DSL.field("{0} collate \"vi-VN-x-icu\"", String.class, sort);
    }

    /**
     * The first {@code limit} candidates that are valid in the scope, read in keyset chunks (the first of
     * {@code firstChunk}, then 4 times larger up to 10,000): nationally and in a province the first chunk is nearly
     * always enough. A member matching at two word starts is kept once.
     */
    private List<MemberSummary> page(Candidates candidates, Condition valid, int firstChunk, int limit) {
        List<MemberSummary> found = new ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        String afterSort = null;
        long afterId = 0;
        for (int chunk = firstChunk; found.size() < limit; chunk = Math.min(chunk * 4, 10_000)) { // 2 binds a row, < 32,767
            var keys = candidates.after(afterSort, afterId, chunk);
            if (keys.isEmpty()) {
                break;
            }
            var table = DSL.values(keys.stream().map(k -> DSL.row(k.value1(), k.value2())).toList()
                    .toArray(org.jooq.Row2[]::new)).as("candidate", "id", "sort_name");
            for (MemberSummary s : candidatePage(table, valid, limit - found.size())) {
                if (seen.add(s.id())) {
                    found.add(s);
                }
            }
            afterSort = keys.getLast().value2();
            afterId = keys.getLast().value1();
            if (keys.size() < chunk) {
                break;
            }
        }
        return found;
    }

    /**
     * The first {@code limit} distinct candidates ({@code id, sort_name}) that satisfy {@code valid}, in Vietnamese
     * order: state and tree are checked for every candidate, the member row is read only for those returned.
     */
    private List<MemberSummary> candidatePage(org.jooq.Table<?> candidates, Condition valid, int limit) {
        var distinct = DSL.selectDistinct(candidates.fields()).from(candidates).asTable("distinct_candidate");
        Field<Long> candidateId = distinct.field(0, Long.class);
        Field<String> candidateSort = distinct.field(1, String.class);
        var page = DSL.select(candidateId, candidateSort, MEMBER_STATE.STATUS, MEMBER_STATE.EXEMPT,
                        MEMBER_STATE.IN_TRANSIT, MEMBER_STATE.UNIT_ID)
                .from(distinct)
                .join(MEMBER_STATE).on(MEMBER_STATE.MEMBER_ID.eq(candidateId))
                .join(TREE).on(TREE.UNIT_ID.eq(MEMBER_STATE.UNIT_ID))
                .where(valid)
                .orderBy(viOrder(candidateSort), candidateId)
                .limit(limit)
                .asTable("page");
        Field<Long> pageId = page.field(candidateId);
        return db.select(MEMBER.ID, MEMBER.FULL_NAME, MEMBER.GENDER, MEMBER.BIRTH_DATE, MEMBER.ETHNICITY, MEMBER.THEORY,
                        page.field(MEMBER_STATE.STATUS), page.field(MEMBER_STATE.EXEMPT),
                        page.field(MEMBER_STATE.IN_TRANSIT), page.field(MEMBER_STATE.UNIT_ID),
                        MEMBER.CARD_NUMBER, MEMBER.ADMISSION_DECISION_DATE)
                .from(page)
                .join(MEMBER).on(MEMBER.ID.eq(pageId))
                .orderBy(viOrder(page.field(candidateSort)), pageId)
                .fetch(this::toSummary);
    }

    /**
     * The page in two steps: ids, sort names and states of the page first (index-only when {@code where} needs
     * no more of the member than its name and folded text: member_name_cover_idx), then the member rows of the
     * page only. A commune's list or search no longer reads its ~1,400 members from the table.
     */
    private List<MemberSummary> summaries(Condition where, LocalDate date, long offset, int limit) {
        var page = DSL.select(MEMBER.ID, MEMBER.SORT_NAME, MEMBER_STATE.STATUS, MEMBER_STATE.EXEMPT,
                        MEMBER_STATE.IN_TRANSIT, MEMBER_STATE.UNIT_ID)
                .from(MEMBER_STATE)
                .join(MEMBER).on(MEMBER.ID.eq(MEMBER_STATE.MEMBER_ID))
                .join(TREE).on(TREE.UNIT_ID.eq(MEMBER_STATE.UNIT_ID))
                .where(where)
                .orderBy(viOrder(MEMBER.SORT_NAME), MEMBER.ID)
                .offset(offset).limit(limit)
                .asTable("page");
        var shown = MEMBER.as("shown");
        Field<Long> pageId = page.field(MEMBER.ID);
        return db.select(shown.ID, shown.FULL_NAME, shown.GENDER, shown.BIRTH_DATE, shown.ETHNICITY, shown.THEORY,
                        page.field(MEMBER_STATE.STATUS), page.field(MEMBER_STATE.EXEMPT),
                        page.field(MEMBER_STATE.IN_TRANSIT), page.field(MEMBER_STATE.UNIT_ID),
                        shown.CARD_NUMBER, shown.ADMISSION_DECISION_DATE)
                .from(page)
                .join(shown).on(shown.ID.eq(pageId))
                .orderBy(viOrder(page.field(MEMBER.SORT_NAME)), pageId)
                .fetch(this::toSummary);
    }

    private MemberSummary toSummary(org.jooq.Record12<Long, String, String, java.time.LocalDate, String, String, String,
            Boolean, Boolean, Long, String, java.time.LocalDate> r) {
        return new MemberSummary(r.value1(), r.value2(), Gender.valueOf(r.value3()), r.value4(), r.value5(),
                r.value6(), MemberStatus.valueOf(r.value7()), r.value8(), r.value9(), r.value10(), r.value11(),
                r.value12());
    }

    private StateRow toState(Record r) {
        var s = r.into(MEMBER_STATE);
        return new StateRow(s.getId(), s.getMemberId(), s.getValidFrom(), s.getValidTo(), s.getUnitId(),
                MemberStatus.valueOf(s.getStatus()), s.getExempt(), s.getInTransit(), s.getAwayUnitId());
    }
}
