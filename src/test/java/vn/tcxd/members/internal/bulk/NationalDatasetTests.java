package vn.tcxd.members.internal.bulk;

import org.flywaydb.core.Flyway;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.annotation.Autowired;
import vn.tcxd.IntegrationTest;
import vn.tcxd.bench.NationalCadresGenerator;
import vn.tcxd.bench.NationalDatasetChecks;
import vn.tcxd.bench.NationalTreeGenerator;
import vn.tcxd.members.CodeList;
import vn.tcxd.members.DeadlineRules;
import vn.tcxd.members.DisciplineForm;
import vn.tcxd.members.Gender;
import vn.tcxd.members.MemberHistory;
import vn.tcxd.members.MemberRecord;
import vn.tcxd.members.RemovalGround;
import vn.tcxd.members.TransferKind;
import vn.tcxd.members.internal.NationalMemberHistoryGenerator;
import vn.tcxd.members.internal.RecordValidator;
import vn.tcxd.shared.DecisionRef;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The national dataset generator at about 1 % of its size (3,000 units, 30,000 members on the roll
 * today), in a database of its own on the test server: the invariants hold over the whole dataset
 * ({@link NationalDatasetChecks}), every member's stored states, events and transfers are exactly
 * what the registry's rules make of the stored events ({@link HistoryReplay}, the in-memory twin of
 * {@code MemberService}), the provinces keep the configured skew, and the same seeds give the same rows — the
 * cadre work ({@link NationalCadresGenerator}) included.
 */
@IntegrationTest
class NationalDatasetTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final LocalDate HISTORY_FROM = NationalMemberHistoryGenerator.HISTORY_FROM;
    private static final LocalDate ORIGIN = NationalTreeGenerator.ORIGIN;
    private static final NationalMemberHistoryGenerator.Plan PLAN = NationalMemberHistoryGenerator.Plan.small(11);

    @Autowired
    DataSource dataSource;

    @Autowired
    DeadlineRules deadlines;

    @Autowired
    vn.tcxd.members.AdmissionRules admissions;

    @Test
    void shouldGenerateAConsistentReproducibleHistoryWhenSmall() throws Exception {
        DataSource small = database("national_small");
        DataSource twin = database("national_small_twin");
        try {
            NationalTreeGenerator.Result tree = NationalTreeGenerator.generate(small, 7, NationalTreeGenerator.SMALL);
            NationalMemberHistoryGenerator.Result result = NationalMemberHistoryGenerator.generate(small, PLAN, TODAY);
            assertThat(tree.units()).isBetween(2_900, 3_300);
            NationalCadresGenerator.Result cadres = NationalCadresGenerator.generate(small, TODAY, NationalCadresGenerator.SEED);
            System.out.println("small national dataset, cadre work: " + cadres.figures());
            assertThat(cadres.generated()).isTrue();
            for (String figure : List.of("cadres.terms", "cadres.seats.today", "cadres.incumbencies.today",
                    "cadres.plan.LOCAL_2030_2035.active", "cadres.training", "cadres.rotations")) {
                assertThat(Long.parseLong(cadres.figures().get(figure))).as(figure).isPositive();
            }

            assertThat(NationalDatasetChecks.run(small, TODAY, true)).allSatisfy((check, violations) ->
                    assertThat(violations).as(check).isZero());
            replayEveryMember(small);
            assertShape(small, result);

            NationalTreeGenerator.generate(twin, 7, NationalTreeGenerator.SMALL);
            NationalMemberHistoryGenerator.generate(twin, PLAN, TODAY);
            NationalCadresGenerator.generate(twin, TODAY, NationalCadresGenerator.SEED);
            for (String table : List.of("term", "committee_seat", "incumbency", "plan_entry", "training", "rotation")) {
                String digest = "select md5(string_agg(t::text, '|' order by t.id)) from cadres." + table + " t";
                assertThat(query(twin, digest)).as("cadres." + table + " for the same seeds").isEqualTo(query(small, digest));
            }
            for (String table : List.of("member (id, full_name, gender, birth_date, ethnicity, religion, citizen_id,"
                    + " card_number, admission_decision_date, ceremony_date, full_member_date, search_text, sort_name)",
                    "member_event (id, member_id, kind, effective_on, decision_number, decision_date, decision_body, details)",
                    "member_state (*)", "transfer (*)")) {
                String name = table.substring(0, table.indexOf(' '));
                String columns = table.substring(table.indexOf('(') + 1, table.length() - 1);
                String digest = "select md5(string_agg(t::text, '|' order by t.id)) from (select " + columns
                        + " from members." + name + ") t";
                assertThat(query(twin, digest)).as(table + " for the same seeds").isEqualTo(query(small, digest));
            }
        } finally {
            drop("national_small");
            drop("national_small_twin");
        }
    }

    private void assertShape(DataSource small, NationalMemberHistoryGenerator.Result result) throws SQLException {
        System.out.printf("small national dataset: %,d members, %,d events, %,d states, %,d transfers; roll today %,d%n",
                result.members(), result.events(), result.states(), result.transfers(), result.rollToday());
        result.byYear().forEach((year, f) -> System.out.println(year + " " + java.util.Arrays.toString(f)));
        assertThat(result.rollToday()).isBetween(28_500, 31_500);
        assertThat(Long.parseLong(query(small, "select count(*) from members.member_state where valid_to is null"
                + " and status in ('PROBATIONARY', 'FULL')"))).isEqualTo(result.rollToday());
        for (NationalMemberHistoryGenerator.TopUnit top : result.tops()) {
            if (top.province()) {
                assertThat(top.roll()).as(top.name()).isBetween(PLAN.provinceMinimum() * 8 / 10, PLAN.provinceMaximum() * 12 / 10);
            }
            assertThat(top.roll()).as(top.name()).isBetween((int) (top.target() * 0.8) - 30, (int) (top.target() * 1.2) + 30);
        }
        int smallest = result.tops().stream().filter(NationalMemberHistoryGenerator.TopUnit::province)
                .mapToInt(NationalMemberHistoryGenerator.TopUnit::roll).min().orElseThrow();
        int largest = result.tops().stream().filter(NationalMemberHistoryGenerator.TopUnit::province)
                .mapToInt(NationalMemberHistoryGenerator.TopUnit::roll).max().orElseThrow();
        assertThat((double) largest / smallest).as("skew of the provinces").isGreaterThan(5);
        // the national rates, scaled: admissions 143–195k a year on 5.6 M, deaths 1–1.5 % of the roll
        for (int year = 2012; year <= 2025; year++) {
            long[] f = result.byYear().get(year);
            long roll = result.byYear().get(year - 1)[NationalMemberHistoryGenerator.Figure.ROLL_31_12.ordinal()];
            assertThat(f[NationalMemberHistoryGenerator.Figure.ADMITTED.ordinal()]).as("admitted in " + year)
                    .isBetween(700L, 1_100L);
            double deaths = (double) f[NationalMemberHistoryGenerator.Figure.DIED.ordinal()] / roll;
            assertThat(deaths).as("death rate in " + year).isBetween(0.006, 0.02);
        }
        assertThat(Long.parseLong(query(small, "select count(*) from members.member_event where kind = 'READMITTED'")))
                .isPositive();
        assertThat(Long.parseLong(query(small, "select count(*) from members.transfer where status = 'ENDED'"))).isPositive();
        assertThat(Long.parseLong(query(small, "select count(*) from members.member_state s join members.member_event e"
                + " on e.id = s.event_id where e.kind = 'NOT_RECOGNISED'"))).isPositive();
    }

    // ---- every history replayed with the registry's rules -------------------------------------

    private record StoredEvent(long id, String kind, LocalDate on, DecisionRef decision, Map<String, String> details) {
    }

    private record StoredState(LocalDate from, LocalDate to, long unit, String status, boolean exempt, boolean inTransit,
                               Long away, long event) {
    }

    private record StoredTransfer(long id, String kind, long from, long to, String letter, LocalDate issued,
                                  LocalDate received, LocalDate ended, String status) {
    }

    private record StoredMember(MemberRecord record, LocalDate admission, LocalDate ceremony, LocalDate full) {
    }

    private void replayEveryMember(DataSource small) throws SQLException {
        Map<Long, StoredMember> members = new LinkedHashMap<>();
        Map<Long, List<StoredEvent>> events = new HashMap<>();
        Map<Long, List<StoredState>> states = new HashMap<>();
        Map<Long, List<StoredTransfer>> transfers = new HashMap<>();
        try (Connection c = small.getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select id, full_name, gender, birth_date, ethnicity, religion, citizen_id,"
                    + " card_number, admission_decision_date, ceremony_date, full_member_date from members.member order by id")) {
                while (rs.next()) {
                    members.put(rs.getLong(1), new StoredMember(new MemberRecord(rs.getString(2), null,
                            Gender.valueOf(rs.getString(3)), date(rs, 4), null, null, rs.getString(5), rs.getString(6),
                            rs.getString(7), rs.getString(8), null, null, null, null, null, null, null, null, null),
                            date(rs, 9), date(rs, 10), date(rs, 11)));
                }
            }
            try (ResultSet rs = st.executeQuery("select member_id, id, kind, effective_on, decision_number, decision_date,"
                    + " decision_body, details::text from members.member_event order by member_id, id")) {
                while (rs.next()) {
                    events.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new StoredEvent(rs.getLong(2),
                            rs.getString(3), date(rs, 4), new DecisionRef(rs.getString(5), date(rs, 6), rs.getString(7)),
                            flatJson(rs.getString(8))));
                }
            }
            try (ResultSet rs = st.executeQuery("select member_id, valid_from, valid_to, unit_id, status, exempt, in_transit,"
                    + " away_unit_id, event_id from members.member_state order by member_id, valid_from, id")) {
                while (rs.next()) {
                    states.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new StoredState(date(rs, 2), date(rs, 3),
                            rs.getLong(4), rs.getString(5), rs.getBoolean(6), rs.getBoolean(7),
                            (Long) rs.getObject(8, Long.class), rs.getLong(9)));
                }
            }
            try (ResultSet rs = st.executeQuery("select member_id, id, kind, from_unit_id, to_unit_id, letter_number, issued_on,"
                    + " received_on, ended_on, status from members.transfer order by member_id, id")) {
                while (rs.next()) {
                    transfers.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new StoredTransfer(rs.getLong(2),
                            rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getString(6), date(rs, 7), date(rs, 8),
                            date(rs, 9), rs.getString(10)));
                }
            }
        }
        CellCalendar calendar = CellCalendar.load(DSL.using(small, SQLDialect.POSTGRES));
        RecordValidator.Lookups lookups = new RecordValidator.Lookups() {
            @Override
            public boolean codeExists(CodeList list, String code) {
                return true;
            }

            @Override
            public boolean citizenIdTaken(String citizenId, Long exceptMemberId) {
                return false;
            }

            @Override
            public boolean cardNumberTaken(String cardNumber, Long exceptMemberId) {
                return false;
            }
        };
        // an opening balance replays an admission of decades ago on the tree's origin: its age was judged
        // then, under the rules of then, so the replay does not judge it again at the origin
        vn.tcxd.members.AdmissionRules admittedLongAgo = new vn.tcxd.members.AdmissionRules() {
            @Override
            public vn.tcxd.members.AdmissionRuleSet ruleSetOn(LocalDate date) {
                vn.tcxd.members.AdmissionRuleSet rules = admissions.ruleSetOn(date);
                return new vn.tcxd.members.AdmissionRuleSet(rules.ruleSet(), 0, null, rules.ageReference(),
                        rules.readmissionMinMonthsOut(), rules.readmissionMaxTimes(), rules.readmissionReference(),
                        rules.readmissionExclusions());
            }

            @Override
            public List<vn.tcxd.members.AdmissionRuleSet> ruleSets() {
                return admissions.ruleSets();
            }
        };
        int opening = 0;
        for (Map.Entry<Long, StoredMember> entry : members.entrySet()) {
            long id = entry.getKey();
            StoredMember member = entry.getValue();
            List<StoredEvent> stored = events.get(id);
            List<StoredTransfer> storedTransfers = transfers.getOrDefault(id, List.of());
            assertThat(stored).as("events of member %d", id).isNotEmpty();
            // the opening balance (admitted before the tree's origin, FULL from 2011-01-01) is replayed as an
            // admission, ceremony and recognition that make the member full from 2011-01-01
            boolean openingBalance = stored.getFirst().on().isBefore(ORIGIN);
            List<MemberHistory.Step> steps = new ArrayList<>();
            List<Integer> storedIndex = new ArrayList<>(); // replay event -> stored event (-1: none)
            DecisionRef first = stored.getFirst().decision();
            long firstCell = Long.parseLong(stored.getFirst().details().get("unitId"));
            if (openingBalance) {
                opening++;
                steps.add(new MemberHistory.Admit(firstCell, ORIGIN, first));
                steps.add(new MemberHistory.HoldCeremony(ORIGIN.minusDays(0), first));
                steps.add(new MemberHistory.Recognise(new DecisionRef(first.number(), HISTORY_FROM, first.issuingBody())));
                storedIndex.addAll(List.of(0, -1, 0));
            } else {
                steps.add(new MemberHistory.Admit(firstCell, stored.getFirst().on(), first));
                storedIndex.add(0);
            }
            for (int k = 1; k < stored.size(); k++) {
                steps.add(step(stored.get(k)));
                storedIndex.add(k);
            }
            HistoryReplay replay;
            try {
                replay = HistoryReplay.play(new MemberHistory(member.record(), steps), TODAY, calendar, deadlines,
                        openingBalance ? admittedLongAgo : admissions, lookups);
            } catch (HistoryReplay.StepFailed e) {
                fail("member %d: the registry refuses step %d %s: %s %s", id, e.step, steps.get(e.step), e.violation.messageKey(),
                        java.util.Arrays.toString(e.violation.args()));
                return;
            }
            // states: the replay from the opening admission is cut at 2011-01-01
            List<StoredState> expected = new ArrayList<>();
            for (HistoryReplay.StateOut s : replay.states) {
                if (openingBalance && s.to != null && !s.to.isAfter(HISTORY_FROM)) {
                    continue;
                }
                LocalDate from = openingBalance && s.from.isBefore(HISTORY_FROM) ? HISTORY_FROM : s.from;
                int index = storedIndex.get(s.event);
                expected.add(new StoredState(from, s.to, s.values.unitId(), s.values.status().name(), s.values.exempt(),
                        s.values.inTransit(), s.values.awayUnitId(), index < 0 ? -1 : stored.get(index).id()));
            }
            assertThat(states.get(id)).as("states of member %d", id).containsExactlyElementsOf(expected);
            // events: kinds, dates and details (with the stored transfer ids)
            for (int k = 0; k < replay.events.size(); k++) {
                HistoryReplay.EventOut e = replay.events.get(k);
                int index = storedIndex.get(k);
                if (openingBalance && k < 3) {
                    continue;
                }
                StoredEvent s = stored.get(index);
                Map<String, String> details = new HashMap<>();
                e.details().forEach((key, value) -> details.put(key, String.valueOf(value)));
                if (openingBalance && ORIGIN.toString().equals(details.get("previousCeremonyDate"))) {
                    // the real ceremony of the opening balance lies before the replay's stand-in admission
                    details.put("previousCeremonyDate", s.details().get("previousCeremonyDate"));
                }
                if (e.transfer() >= 0) {
                    details.put("transferId", Long.toString(storedTransfers.get(e.transfer()).id()));
                }
                assertThat(List.of(s.kind(), s.on(), s.details())).as("event %d of member %d", k, id)
                        .isEqualTo(List.of(e.kind().name(), e.on(), details));
            }
            assertThat(replay.transfers).hasSameSizeAs(storedTransfers);
            for (int k = 0; k < storedTransfers.size(); k++) {
                HistoryReplay.TransferOut t = replay.transfers.get(k);
                StoredTransfer s = storedTransfers.get(k);
                assertThat(new StoredTransfer(s.id(), t.kind.name(), t.fromUnitId, t.toUnitId, t.letterNumber, t.issuedOn,
                        t.receivedOn, t.endedOn, t.status)).as("transfer %d of member %d", k, id).isEqualTo(s);
            }
            boolean readmitted = stored.stream().anyMatch(e -> e.kind().equals("READMITTED"));
            if (!openingBalance || readmitted) {
                assertThat(List.of(Objects.toString(replay.ceremonyDate), Objects.toString(replay.fullMemberDate)))
                        .as("ceremony and recognition of member %d", id)
                        .isEqualTo(List.of(Objects.toString(member.ceremony()), Objects.toString(member.full())));
            }
            if (!openingBalance) {
                assertThat(replay.admissionDecisionDate).isEqualTo(member.admission());
            }
        }
        assertThat(opening).as("members of the opening balance").isBetween(members.size() / 3, members.size() * 2 / 3);
    }

    private static MemberHistory.Step step(StoredEvent e) {
        Map<String, String> d = e.details();
        return switch (e.kind()) {
            case "CEREMONY_HELD" -> new MemberHistory.HoldCeremony(e.on(), e.decision());
            case "RECOGNISED" -> new MemberHistory.Recognise(e.decision());
            case "NOT_RECOGNISED" -> new MemberHistory.RefuseRecognition(e.on(), e.decision());
            case "TRANSFER_ISSUED", "TEMPORARY_TRANSFER_ISSUED" -> new MemberHistory.IssueTransfer(
                    e.kind().equals("TRANSFER_ISSUED") ? TransferKind.PERMANENT : TransferKind.TEMPORARY,
                    Long.parseLong(d.get("toUnitId")), d.get("letterNumber"), e.on(), e.decision());
            case "TRANSFER_RECEIVED" -> new MemberHistory.ReceiveTransfer(e.on(), e.decision());
            case "TEMPORARY_TRANSFER_ENDED" -> new MemberHistory.EndTemporaryTransfer(e.on(), e.decision());
            case "EXEMPTED" -> new MemberHistory.Exempt(e.on(), d.get("reason"), e.decision());
            case "EXEMPTION_ENDED" -> new MemberHistory.EndExemption(e.on(), e.decision());
            case "DISCIPLINED" -> new MemberHistory.Discipline(DisciplineForm.valueOf(d.get("form")), e.on(), e.decision());
            case "REMOVED_FROM_LIST" -> new MemberHistory.RemoveFromList(RemovalGround.valueOf(d.get("ground")), e.on(),
                    e.decision());
            case "LEFT_PARTY" -> new MemberHistory.Leave(e.on(), e.decision());
            case "DIED" -> new MemberHistory.Die(e.on(), e.decision());
            case "READMITTED" -> new MemberHistory.Readmit(Long.parseLong(d.get("unitId")), e.on(), e.decision());
            default -> throw new IllegalStateException("unexpected event " + e);
        };
    }

    /** A flat JSON object as jsonb prints it (string and number values only), values as strings. */
    private static Map<String, String> flatJson(String json) {
        Map<String, String> map = new HashMap<>();
        String body = json.strip();
        body = body.substring(1, body.length() - 1).strip();
        int i = 0;
        while (i < body.length()) {
            int keyEnd = body.indexOf('"', i + 1);
            String key = body.substring(i + 1, keyEnd);
            i = body.indexOf(':', keyEnd) + 1;
            while (body.charAt(i) == ' ') {
                i++;
            }
            String value;
            if (body.charAt(i) == '"') {
                int end = body.indexOf('"', i + 1);
                value = body.substring(i + 1, end);
                i = end + 1;
            } else {
                int end = body.indexOf(',', i);
                end = end < 0 ? body.length() : end;
                value = body.substring(i, end).strip();
                i = end;
            }
            map.put(key, value);
            i = body.indexOf('"', i);
            if (i < 0) {
                break;
            }
        }
        return map;
    }

    // ---- a database of its own on the test server -----------------------------------------------

    private DataSource database(String name) throws SQLException {
        drop(name);
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("create database " + name);
        }
        PGSimpleDataSource db = new PGSimpleDataSource();
        db.setUrl(url(name));
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        return db;
    }

    private void drop(String name) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("drop database if exists " + name + " with (force)");
        }
    }

    private String url(String database) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            String url = c.getMetaData().getURL();
            int slash = url.indexOf('/', "jdbc:postgresql://".length());
            int query = url.indexOf('?', slash);
            return url.substring(0, slash + 1) + database + (query < 0 ? "?user=postgres" : url.substring(query));
        }
    }

    private static String query(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }
}
