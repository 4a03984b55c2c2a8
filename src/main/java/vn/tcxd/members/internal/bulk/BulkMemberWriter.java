package vn.tcxd.members.internal.bulk;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
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
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static vn.tcxd.jooq.members.Tables.CODE_ITEM;
import static vn.tcxd.jooq.members.Tables.MEMBER;

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
    private final TransactionTemplate transaction;

    BulkMemberWriter(DSLContext db, DeadlineRules deadlines, AdmissionRules admissions, ApplicationEventPublisher events,
                     ObjectMapper json, Clock clock, PlatformTransactionManager transactions) {
        this.db = db;
        this.deadlines = deadlines;
        this.admissions = admissions;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** A history and the caller's reference for it (a row number): problems name the reference. */
    record Numbered(int ref, MemberHistory history) {
    }

    /**
     * Histories arriving while they are still being read: chunks until {@code null}. A source that
     * {@link #failed} (a row it could not even turn into a history) gets every history checked, none written.
     */
    interface HistorySource {
        /** The next chunk, or null at the end; may block until the reader has one. */
        List<Numbered> next();

        boolean failed();

        /** {@code rows} more histories written (for progress). */
        default void written(int rows) {
        }
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
        List<Numbered> all = new ArrayList<>(histories.size());
        for (int i = 0; i < histories.size(); i++) {
            all.add(new Numbered(i, histories.get(i)));
        }
        // one chunk: every history is checked before anything is written
        Iterator<List<Numbered>> chunks = List.of(all).iterator();
        return write(new HistorySource() {
            @Override
            public List<Numbered> next() {
                return chunks.hasNext() ? chunks.next() : null;
            }

            @Override
            public boolean failed() {
                return false;
            }
        }, actor, auditUnitId);
    }

    /**
     * Checks and writes the histories chunk by chunk as they arrive, in one transaction on the calling
     * thread: while the source reads and parses the next rows, PostgreSQL inserts the previous chunk. All or
     * nothing as {@link #write(List, String, Long)}: after the first problem (or a failed source) nothing more
     * is written but every history is still checked, and the transaction is rolled back by the
     * {@link MemberHistoryRejected} naming every problem ({@link MemberHistoryProblem#index()} = the reference).
     */
    MemberHistoryResult write(HistorySource source, String actor, Long auditUnitId) {
        return transaction.execute(status -> db.connectionResult(c -> writeChunks(c, source, actor, auditUnitId)));
    }

    private MemberHistoryResult writeChunks(Connection connection, HistorySource source, String actor, Long auditUnitId)
            throws SQLException {
        long started = System.nanoTime();
        LocalDate today = LocalDate.now(clock);
        CellCalendar cells = CellCalendar.load(db);
        BatchLookups lookups = new BatchLookups();
        List<MemberHistoryProblem> problems = new ArrayList<>();
        Copier copier = null;
        Set<Long> units = new TreeSet<>();
        LocalDate[] earliest = {null}; // the first day of any state written: earlier figures stand
        List<Long> memberIds = new ArrayList<>();
        int[] counts = new int[3];
        long waited = 0;
        long checking = 0;
        long copying = 0;
        for (List<Numbered> chunk; ; ) {
            long before = System.nanoTime();
            chunk = source.next();
            long got = System.nanoTime();
            waited += got - before;
            if (chunk == null) {
                break;
            }
            lookups.load(chunk);
            List<HistoryReplay> replays = new ArrayList<>(chunk.size());
            for (Numbered item : chunk) {
                try {
                    if (item.history() == null) {
                        throw new RuleViolation("error.member.recordRequired");
                    }
                    HistoryReplay replay = HistoryReplay.play(item.history(), today, cells, deadlines, admissions, lookups);
                    lookups.claim(replay.record);
                    replays.add(replay);
                } catch (HistoryReplay.StepFailed e) {
                    problems.add(problem(item.ref(), e.step, e.violation));
                } catch (RuleViolation e) {
                    problems.add(problem(item.ref(), -1, e));
                }
            }
            long played = System.nanoTime();
            checking += played - got;
            if (problems.isEmpty() && !source.failed()) {
                if (copier == null) {
                    copier = new Copier(connection, actor);
                }
                copier.copy(replays, memberIds, counts);
                for (HistoryReplay replay : replays) {
                    for (var s : replay.states) {
                        units.add(s.values.unitId());
                        if (earliest[0] == null || s.from.isBefore(earliest[0])) earliest[0] = s.from;
                    }
                }
                source.written(replays.size());
            }
            copying += System.nanoTime() - played;
        }
        if (!problems.isEmpty() || source.failed()) {
            throw new MemberHistoryRejected(problems);
        }
        if (copier != null) {
            copier.finish();
        }
        long copied = System.nanoTime();
        MemberHistoryResult result = new MemberHistoryResult(memberIds, counts[0], counts[1], counts[2]);
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
        long audited = System.nanoTime();
        events.publishEvent(new MemberImportCompleted(result.memberIds().size(), List.copyOf(units), earliest[0]));
        log.info("Bulk write of {} members: waited for rows {} ms, checked {} ms, copied {} ms ({}), audit {} ms,"
                        + " listeners of the import {} ms, in all {} ms", memberIds.size(), waited / 1_000_000,
                checking / 1_000_000, copying / 1_000_000, copier == null ? "-" : copier.timing(),
                (audited - copied) / 1_000_000, (System.nanoTime() - audited) / 1_000_000,
                (System.nanoTime() - started) / 1_000_000);
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

        BatchLookups() {
            db.select(CODE_ITEM.LIST, CODE_ITEM.CODE).from(CODE_ITEM).forEach(r -> codes.add(r.value1() + "|" + r.value2()));
        }

        BatchLookups(List<MemberHistory> histories) {
            this();
            load(histories.stream().map(h -> new Numbered(0, h)).toList());
        }

        /** The identifiers of these histories already taken in the database (one query each). */
        void load(List<Numbered> chunk) {
            List<String> ids = new ArrayList<>();
            List<String> cards = new ArrayList<>();
            for (Numbered n : chunk) {
                MemberHistory h = n.history();
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

    /**
     * Writes chunks of played histories with COPY on the transaction's connection: ids reserved from the
     * identity sequences per chunk, then members, events, transfers, states and (when the row triggers are
     * off) the name keys, each a COPY of the chunk.
     */
    private final class Copier {

        private static final String MEMBER_COPY = "copy members.member (id, full_name, other_names, gender, birth_date, "
                + "birth_place, hometown, ethnicity, religion, citizen_id, card_number, history_number, residence, phone, "
                + "occupation, education, professional, academic_title, theory, state_management, admission_decision_date, "
                + "ceremony_date, full_member_date, search_text, sort_name) from stdin";
        private static final String EVENT_COPY = "copy members.member_event (id, member_id, kind, effective_on, "
                + "decision_number, decision_date, decision_body, details, recorded_by) from stdin";
        private static final String TRANSFER_COPY = "copy members.transfer (id, member_id, kind, from_unit_id, "
                + "to_unit_id, letter_number, issued_on, received_on, ended_on, status) from stdin";
        private static final String STATE_COPY = "copy members.member_state (id, member_id, valid_from, valid_to, "
                + "unit_id, status, exempt, in_transit, away_unit_id, event_id) from stdin";
        private static final String NAME_KEY_COPY = "copy members.member_name_key (member_id, name_key, sort_name) "
                + "from stdin";

        private final Connection connection;
        private final CopyManager copy;
        private final String actor;
        private final boolean checksSkipped;
        private final long[] spent = new long[6];

        Copier(Connection connection, String actor) throws SQLException {
            this.connection = connection;
            this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
            this.actor = actor;
            this.checksSkipped = skipRowTriggers();
        }

        void copy(List<HistoryReplay> replays, List<Long> writtenIds, int[] counts) throws SQLException {
            long lap = System.nanoTime();
            int eventCount = 0;
            int stateCount = 0;
            int transferCount = 0;
            for (HistoryReplay r : replays) {
                eventCount += r.events.size();
                stateCount += r.states.size();
                transferCount += r.transfers.size();
            }
            long[] memberIds = reserve(connection, "members.member", replays.size());
            long[] eventIds = reserve(connection, "members.member_event", eventCount);
            long[] stateIds = reserve(connection, "members.member_state", stateCount);
            long[] transferIds = reserve(connection, "members.transfer", transferCount);
            lap = lap(0, lap);

            String[] searchTexts = new String[replays.size()];
            String[] sortNames = new String[replays.size()];
            try (CopyWriter out = new CopyWriter(copy, MEMBER_COPY)) {
                for (int m = 0; m < replays.size(); m++) {
                    HistoryReplay r = replays.get(m);
                    MemberRecord rec = r.record;
                    searchTexts[m] = Records.searchText(rec.fullName(), rec.otherNames());
                    sortNames[m] = Records.sortName(rec.fullName());
                    out.value(memberIds[m]).value(rec.fullName()).value(rec.otherNames()).value(rec.gender().name())
                            .value(rec.birthDate()).value(rec.birthPlace()).value(rec.hometown()).value(rec.ethnicity())
                            .value(rec.religion()).value(rec.citizenId()).value(rec.cardNumber()).value(rec.historyNumber())
                            .value(rec.residence()).value(rec.phone()).value(rec.occupation()).value(rec.education())
                            .value(rec.professional()).value(rec.academicTitle()).value(rec.theory())
                            .value(rec.stateManagement()).value(r.admissionDecisionDate).value(r.ceremonyDate)
                            .value(r.fullMemberDate).value(searchTexts[m]).value(sortNames[m]).endRow();
                }
            }
            lap = lap(1, lap);
            int e = 0;
            int t = 0;
            try (CopyWriter out = new CopyWriter(copy, EVENT_COPY)) {
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
                                .value(event.decision().issuingBody()).value(details(details)).value(actor)
                                .endRow();
                    }
                    t += r.transfers.size();
                }
            }
            lap = lap(2, lap);
            if (transferCount > 0) {
                t = 0;
                try (CopyWriter out = new CopyWriter(copy, TRANSFER_COPY)) {
                    for (int m = 0; m < replays.size(); m++) {
                        for (HistoryReplay.TransferOut tr : replays.get(m).transfers) {
                            out.value(transferIds[t++]).value(memberIds[m]).value(tr.kind.name()).value(tr.fromUnitId)
                                    .value(tr.toUnitId).value(tr.letterNumber).value(tr.issuedOn).value(tr.receivedOn)
                                    .value(tr.endedOn).value(tr.status).endRow();
                        }
                    }
                }
            }
            lap = lap(3, lap);
            e = 0;
            int s = 0;
            try (CopyWriter out = new CopyWriter(copy, STATE_COPY)) {
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
            lap = lap(4, lap);
            if (checksSkipped) {
                copyNameKeys(memberIds, searchTexts, sortNames);
            }
            lap(5, lap);
            for (long id : memberIds) {
                writtenIds.add(id);
            }
            counts[0] += eventCount;
            counts[1] += stateCount;
            counts[2] += transferCount;
        }

        /**
         * What the trigger member_name_keys_added writes ({@code members.name_keys}, V202611222350: the text from
         * each word of search_text on), computed here and copied sorted by key, so that consecutive rows land on
         * neighbouring pages of the key index.
         */
        private void copyNameKeys(long[] memberIds, String[] searchTexts, String[] sortNames) throws SQLException {
            record Key(String key, int member) {
            }
            List<Key> keys = new ArrayList<>(searchTexts.length * 4);
            for (int m = 0; m < searchTexts.length; m++) {
                String text = searchTexts[m];
                if (text.isEmpty()) {
                    continue;
                }
                keys.add(new Key(text, m));
                for (int i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) {
                    keys.add(new Key(text.substring(i + 1), m));
                }
            }
            keys.sort(Comparator.comparing(Key::key));
            try (CopyWriter out = new CopyWriter(copy, NAME_KEY_COPY)) {
                for (Key key : keys) {
                    out.value(memberIds[key.member()]).value(key.key()).value(sortNames[key.member()]).endRow();
                }
            }
        }

        /** Turns the row triggers on again before anything else runs in the transaction. */
        void finish() {
            if (checksSkipped) {
                db.setLocal(DSL.name("session_replication_role"), DSL.inline("origin")).execute();
            }
        }

        private long lap(int step, long since) {
            long now = System.nanoTime();
            spent[step] += now - since;
            return now;
        }

        String timing() {
            return String.format(java.util.Locale.ROOT, "ids %d, member %d, event %d, transfer %d, state %d, name keys%s %d",
                    spent[0] / 1_000_000, spent[1] / 1_000_000, spent[2] / 1_000_000, spent[3] / 1_000_000,
                    spent[4] / 1_000_000, checksSkipped ? "" : " (by trigger)", spent[5] / 1_000_000);
        }
    }

    /** The details as JSON; the common empty one without the mapper. */
    private String details(Map<String, Object> details) {
        return details == null ? null : details.isEmpty() ? "{}" : json.writeValueAsString(details);
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

    /** {@code n} ids from the identity sequence of {@code table}, in one round trip. */
    private static long[] reserve(Connection connection, String table, int n) throws SQLException {
        long[] ids = new long[n];
        if (n == 0) {
            return ids;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                // the sequence resolved once: pg_get_serial_sequence per row made 400,000 ids cost seconds
                "select nextval(s) from (select pg_get_serial_sequence(?, 'id')::regclass s offset 0) sequence,"
                        + " generate_series(1, ?)")) {
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
