package vn.tcxd.members.internal.bulk;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;
import vn.tcxd.members.CodeList;
import vn.tcxd.members.AdmissionRules;
import vn.tcxd.members.DeadlineRules;
import vn.tcxd.members.MemberHistory;
import vn.tcxd.members.MemberHistoryCell;
import vn.tcxd.members.MemberHistoryProblem;
import vn.tcxd.members.MemberHistoryRejected;
import vn.tcxd.members.MemberHistoryResult;
import vn.tcxd.members.MemberHistoryWriter;
import vn.tcxd.members.MemberImportCompleted;
import vn.tcxd.members.MemberRecord;
import vn.tcxd.members.internal.RecordValidator;
import vn.tcxd.members.internal.Records;
import vn.tcxd.shared.RuleViolation;
import vn.tcxd.shared.audit.AuditedChange;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static vn.tcxd.jooq.members.Tables.CODE_ITEM;
import static vn.tcxd.jooq.members.Tables.MEMBER;
import static vn.tcxd.jooq.members.Tables.MEMBER_NAME_KEY;

/**
 * The bulk path of the registry: every history is played in memory with the registry's rules
 * ({@link HistoryReplay}), then all rows go to PostgreSQL with COPY on the transaction's
 * connection, ids reserved from the tables' identity sequences beforehand (COPY writes given
 * values into identity columns). One audit entry summarises the batch.
 */
@Service
class BulkMemberWriter implements MemberHistoryWriter {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BulkMemberWriter.class);

    private final DSLContext db;
    private final DeadlineRules deadlines;
    private final AdmissionRules admissions;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;

    BulkMemberWriter(DSLContext db, DeadlineRules deadlines, AdmissionRules admissions, ApplicationEventPublisher events,
                     ObjectMapper json, Clock clock) {
        this.db = db;
        this.deadlines = deadlines;
        this.admissions = admissions;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** Histories played and checked; {@code problems} empty when every one passed. */
    record Checked(List<HistoryReplay> replays, List<MemberHistoryProblem> problems) {
    }

    @Override
    @Transactional(readOnly = true)
    public List<MemberHistoryProblem> check(List<MemberHistory> histories) {
        return play(histories).problems();
    }

    @Override
    @Transactional(readOnly = true)
    public List<MemberHistoryCell> cells(long rootUnitId) {
        return CellCalendar.load(db).cells(rootUnitId);
    }

    @Override
    @Transactional
    public MemberHistoryResult write(List<MemberHistory> histories, String actor, Long auditUnitId) {
        long started = System.nanoTime();
        Checked checked = play(histories);
        if (!checked.problems().isEmpty()) {
            throw new MemberHistoryRejected(checked.problems());
        }
        long played = System.nanoTime();
        MemberHistoryResult result = db.connectionResult(c -> copy(c, checked.replays(), actor));
        log.info("Bulk write of {} members: checked in {} ms, copied in {} ms", histories.size(),
                (played - started) / 1_000_000, (System.nanoTime() - played) / 1_000_000);
        Set<Long> units = new TreeSet<>();
        for (HistoryReplay replay : checked.replays()) {
            replay.states.forEach(s -> units.add(s.values.unitId()));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("count", result.memberIds().size());
        summary.put("events", result.events());
        summary.put("states", result.states());
        summary.put("transfers", result.transfers());
        summary.put("unit", auditUnitId);
        summary.put("cells", units.size());
        if (!result.memberIds().isEmpty()) {
            summary.put("firstMemberId", result.memberIds().getFirst());
            summary.put("lastMemberId", result.memberIds().getLast());
        }
        events.publishEvent(new AuditedChange("members.IMPORTED", "member",
                result.memberIds().isEmpty() ? "-" : result.memberIds().getFirst() + ".." + result.memberIds().getLast(),
                auditUnitId, null, summary, null));
        events.publishEvent(new MemberImportCompleted(result.memberIds().size(), List.copyOf(units)));
        return result;
    }

    // ---- checking -------------------------------------------------------------------------------

    private Checked play(List<MemberHistory> histories) {
        LocalDate today = LocalDate.now(clock);
        CellCalendar cells = CellCalendar.load(db);
        BatchLookups lookups = new BatchLookups(histories);
        List<HistoryReplay> replays = new ArrayList<>(histories.size());
        List<MemberHistoryProblem> problems = new ArrayList<>();
        for (int i = 0; i < histories.size(); i++) {
            MemberHistory history = histories.get(i);
            try {
                if (history == null) {
                    throw new RuleViolation("error.member.recordRequired");
                }
                HistoryReplay replay = HistoryReplay.play(history, today, cells, deadlines, admissions, lookups);
                lookups.claim(replay.record);
                replays.add(replay);
            } catch (HistoryReplay.StepFailed e) {
                problems.add(problem(i, e.step, e.violation));
            } catch (RuleViolation e) {
                problems.add(problem(i, -1, e));
            }
        }
        return new Checked(replays, problems);
    }

    private static MemberHistoryProblem problem(int index, int step, RuleViolation e) {
        return new MemberHistoryProblem(index, step, e.field(), e.messageKey(), Arrays.asList(e.args()));
    }

    /**
     * The record checks' lookups for a whole batch: code lists and the identifiers already taken in
     * the database, loaded in one query each, plus those claimed by earlier histories of the batch.
     */
    private final class BatchLookups implements RecordValidator.Lookups {

        private final Set<String> codes = new HashSet<>();
        private final Set<String> citizenIds = new HashSet<>();
        private final Set<String> cardNumbers = new HashSet<>();

        BatchLookups(List<MemberHistory> histories) {
            db.select(CODE_ITEM.LIST, CODE_ITEM.CODE).from(CODE_ITEM).forEach(r -> codes.add(r.value1() + "|" + r.value2()));
            List<String> ids = new ArrayList<>();
            List<String> cards = new ArrayList<>();
            for (MemberHistory h : histories) {
                if (h != null && h.record() != null) {
                    if (h.record().citizenId() != null) {
                        ids.add(h.record().citizenId().strip());
                    }
                    if (h.record().cardNumber() != null) {
                        cards.add(h.record().cardNumber().strip());
                    }
                }
            }
            if (!ids.isEmpty()) {
                citizenIds.addAll(db.select(MEMBER.CITIZEN_ID).from(MEMBER)
                        .where(MEMBER.CITIZEN_ID.eq(org.jooq.impl.DSL.any(ids.toArray(String[]::new))))
                        .fetch(MEMBER.CITIZEN_ID));
            }
            if (!cards.isEmpty()) {
                cardNumbers.addAll(db.select(MEMBER.CARD_NUMBER).from(MEMBER)
                        .where(MEMBER.CARD_NUMBER.eq(org.jooq.impl.DSL.any(cards.toArray(String[]::new))))
                        .fetch(MEMBER.CARD_NUMBER));
            }
        }

        void claim(MemberRecord record) {
            if (record.citizenId() != null) {
                citizenIds.add(record.citizenId());
            }
            if (record.cardNumber() != null) {
                cardNumbers.add(record.cardNumber());
            }
        }

        @Override
        public boolean codeExists(CodeList list, String code) {
            return codes.contains(list.name() + "|" + code);
        }

        @Override
        public boolean citizenIdTaken(String citizenId, Long exceptMemberId) {
            return citizenIds.contains(citizenId);
        }

        @Override
        public boolean cardNumberTaken(String cardNumber, Long exceptMemberId) {
            return cardNumbers.contains(cardNumber);
        }
    }

    // ---- writing --------------------------------------------------------------------------------

    private MemberHistoryResult copy(Connection connection, List<HistoryReplay> replays, String actor)
            throws SQLException {
        int eventCount = 0;
        int stateCount = 0;
        int transferCount = 0;
        for (HistoryReplay r : replays) {
            eventCount += r.events.size();
            stateCount += r.states.size();
            transferCount += r.transfers.size();
        }
        boolean checksSkipped = skipRowTriggers();
        long[] memberIds = reserve(connection, "members.member", replays.size());
        long[] eventIds = reserve(connection, "members.member_event", eventCount);
        long[] stateIds = reserve(connection, "members.member_state", stateCount);
        long[] transferIds = reserve(connection, "members.transfer", transferCount);
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        long[] lap = {System.nanoTime()};
        StringBuilder timing = new StringBuilder();
        Runnable mark = () -> {
            long now = System.nanoTime();
            timing.append(' ').append((now - lap[0]) / 1_000_000).append("ms");
            lap[0] = now;
        };
        mark.run();

        try (CopyWriter out = new CopyWriter(copy, "copy members.member (id, full_name, other_names, gender, birth_date, "
                + "birth_place, hometown, ethnicity, religion, citizen_id, card_number, history_number, residence, phone, "
                + "occupation, education, professional, academic_title, theory, state_management, admission_decision_date, "
                + "ceremony_date, full_member_date, search_text, sort_name) from stdin")) {
            for (int m = 0; m < replays.size(); m++) {
                HistoryReplay r = replays.get(m);
                MemberRecord rec = r.record;
                out.value(memberIds[m]).value(rec.fullName()).value(rec.otherNames()).value(rec.gender().name())
                        .value(rec.birthDate()).value(rec.birthPlace()).value(rec.hometown()).value(rec.ethnicity())
                        .value(rec.religion()).value(rec.citizenId()).value(rec.cardNumber()).value(rec.historyNumber())
                        .value(rec.residence()).value(rec.phone()).value(rec.occupation()).value(rec.education())
                        .value(rec.professional()).value(rec.academicTitle()).value(rec.theory())
                        .value(rec.stateManagement()).value(r.admissionDecisionDate).value(r.ceremonyDate)
                        .value(r.fullMemberDate).value(Records.searchText(rec.fullName(), rec.otherNames()))
                        .value(Records.sortName(rec.fullName())).endRow();
            }
        }
        mark.run();
        int e = 0;
        int t = 0;
        try (CopyWriter out = new CopyWriter(copy, "copy members.member_event (id, member_id, kind, effective_on, "
                + "decision_number, decision_date, decision_body, details, recorded_by) from stdin")) {
            for (int m = 0; m < replays.size(); m++) {
                HistoryReplay r = replays.get(m);
                for (HistoryReplay.EventOut event : r.events) {
                    Map<String, Object> details = event.details();
                    if (event.transfer() >= 0) {
                        details = new LinkedHashMap<>(details);
                        details.put("transferId", transferIds[t + event.transfer()]);
                    }
                    out.value(eventIds[e++]).value(memberIds[m]).value(event.kind().name()).value(event.on())
                            .value(event.decision().number()).value(event.decision().date())
                            .value(event.decision().issuingBody()).value(json.writeValueAsString(details)).value(actor)
                            .endRow();
                }
                t += r.transfers.size();
            }
        }
        mark.run();
        t = 0;
        try (CopyWriter out = new CopyWriter(copy, "copy members.transfer (id, member_id, kind, from_unit_id, to_unit_id, "
                + "letter_number, issued_on, received_on, ended_on, status) from stdin")) {
            for (int m = 0; m < replays.size(); m++) {
                for (HistoryReplay.TransferOut tr : replays.get(m).transfers) {
                    out.value(transferIds[t++]).value(memberIds[m]).value(tr.kind.name()).value(tr.fromUnitId)
                            .value(tr.toUnitId).value(tr.letterNumber).value(tr.issuedOn).value(tr.receivedOn)
                            .value(tr.endedOn).value(tr.status).endRow();
                }
            }
        }
        mark.run();
        e = 0;
        int s = 0;
        try (CopyWriter out = new CopyWriter(copy, "copy members.member_state (id, member_id, valid_from, valid_to, unit_id, "
                + "status, exempt, in_transit, away_unit_id, event_id) from stdin")) {
            for (int m = 0; m < replays.size(); m++) {
                HistoryReplay r = replays.get(m);
                for (HistoryReplay.StateOut state : r.states) {
                    HistoryReplay.Values v = state.values;
                    out.value(stateIds[s++]).value(memberIds[m]).value(state.from).value(state.to).value(v.unitId())
                            .value(v.status().name()).value(v.exempt()).value(v.inTransit()).value(v.awayUnitId())
                            .value(eventIds[e + state.event]).endRow();
                }
                e += r.events.size();
            }
        }
        mark.run();
        if (checksSkipped) {
            writeNameKeys(memberIds);
            db.setLocal(DSL.name("session_replication_role"), DSL.inline("origin")).execute();
            mark.run();
        }
        log.info("Bulk copy (ids, member, event, transfer, state{}):{}", checksSkipped ? ", name keys" : "", timing);
        List<Long> ids = new ArrayList<>(memberIds.length);
        for (long id : memberIds) {
            ids.add(id);
        }
        return new MemberHistoryResult(ids, eventCount, stateCount, transferCount);
    }

    /**
     * Turns off the row triggers for the COPY when allowed ({@code session_replication_role = replica}, until
     * {@code origin} is set again after it): the per-row foreign-key checks of events and states cost more than
     * everything else together (400,000 look-ups for 100,000 members), and every row they check refers to a row
     * this transaction wrote from ids it reserved itself, which no other transaction can see, let alone delete.
     * Not when the role may not set it, or when a table has a trigger other than the foreign keys and the name
     * keys (written by {@link #writeNameKeys} instead): such a trigger is obeyed, at the slower pace.
     */
    private boolean skipRowTriggers() {
        Boolean allowed = db.fetchValue(DSL.field("has_parameter_privilege('session_replication_role', 'SET')"
                + " and not exists (select 1 from pg_trigger where tgrelid in ('members.member'::regclass,"
                + " 'members.member_event'::regclass, 'members.member_state'::regclass, 'members.transfer'::regclass)"
                + " and not tgisinternal and tgname not in ('member_name_keys_added', 'member_name_keys_changed',"
                + " 'member_name_keys_removed'))", Boolean.class));
        if (Boolean.TRUE.equals(allowed)) {
            db.setLocal(DSL.name("session_replication_role"), DSL.inline("replica")).execute();
            return true;
        }
        return false;
    }

    /** What the trigger member_name_keys_added writes, for the members just copied (V202611222350). */
    private void writeNameKeys(long[] memberIds) {
        Long[] ids = Arrays.stream(memberIds).boxed().toArray(Long[]::new);
        var keys = DSL.table("members.name_keys({0})", MEMBER.SEARCH_TEXT).as("k", "name_key");
        db.insertInto(MEMBER_NAME_KEY, MEMBER_NAME_KEY.MEMBER_ID, MEMBER_NAME_KEY.NAME_KEY, MEMBER_NAME_KEY.SORT_NAME)
                .select(DSL.select(MEMBER.ID, DSL.field(DSL.name("k", "name_key"), String.class), MEMBER.SORT_NAME)
                        .from(MEMBER, keys).where(MEMBER.ID.eq(DSL.any(ids))))
                .execute();
    }

    /** {@code n} ids from the identity sequence of {@code table}, in one round trip. */
    private static long[] reserve(Connection connection, String table, int n) throws SQLException {
        long[] ids = new long[n];
        if (n == 0) {
            return ids;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "select nextval(pg_get_serial_sequence(?, 'id')) from generate_series(1, ?)")) {
            statement.setString(1, table);
            statement.setInt(2, n);
            try (ResultSet rows = statement.executeQuery()) {
                int i = 0;
                while (rows.next()) {
                    ids[i++] = rows.getLong(1);
                }
            }
        }
        return ids;
    }

    /** COPY text format, streamed in chunks: tab-separated, {@code \N} for null, backslash escapes. */
    private static final class CopyWriter implements AutoCloseable {

        private static final int CHUNK = 1 << 20;

        private final CopyIn copyIn;
        private final StringBuilder row = new StringBuilder(CHUNK + 4096);
        private boolean first = true;

        CopyWriter(CopyManager manager, String sql) throws SQLException {
            this.copyIn = manager.copyIn(sql);
        }

        CopyWriter value(Object value) {
            if (!first) {
                row.append('\t');
            }
            first = false;
            if (value == null) {
                row.append("\\N");
            } else if (value instanceof Boolean b) {
                row.append(b ? 't' : 'f');
            } else if (value instanceof String text) {
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    switch (c) {
                        case '\\' -> row.append("\\\\");
                        case '\t' -> row.append("\\t");
                        case '\n' -> row.append("\\n");
                        case '\r' -> row.append("\\r");
                        default -> row.append(c);
                    }
                }
            } else {
                row.append(value);
            }
            return this;
        }

        void endRow() throws SQLException {
            row.append('\n');
            first = true;
            if (row.length() >= CHUNK) {
                flush();
            }
        }

        private void flush() throws SQLException {
            byte[] bytes = row.toString().getBytes(StandardCharsets.UTF_8);
            copyIn.writeToCopy(bytes, 0, bytes.length);
            row.setLength(0);
        }

        @Override
        public void close() throws SQLException {
            if (row.length() > 0) {
                flush();
            }
            copyIn.endCopy();
        }
    }
}
