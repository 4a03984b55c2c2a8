package vn.tcxd.reports;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tcxd.IntegrationTest;
import vn.tcxd.members.Gender;
import vn.tcxd.members.MemberAct;
import vn.tcxd.members.MemberMother;
import vn.tcxd.members.Members;
import vn.tcxd.members.TransferKind;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.Reorganisation;
import vn.tcxd.orgstructure.TreeFixture;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast answers (live counters, frozen period ends, history through the journal of the roll) equal a
 * brute-force recount on 1,000 random (unit, date) pairs, including dates around the 2025 reorganisation
 * and after acts and reorganisations made in this test; so do the forms' cross-tabulations (women,
 * probationary members) on every fifth pair. The recount reads the raw tables and walks parent links,
 * sharing no code or SQL with the engine.
 */
@IntegrationTest
class StatisticsConsistencyTests {

    private static final LocalDate REFORM = LocalDate.of(2025, 7, 1);

    @Autowired
    Statistics statistics;
    @Autowired
    Members members;
    @Autowired
    OrgStructure org;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    @Test
    void shouldAnswerExactlyLikeABruteForceRecountOnAThousandUnitDates() {
        LocalDate today = LocalDate.now(clock);
        changeTheRollAndTheTreeToday(today);
        long t0 = System.nanoTime();
        statistics.freezePeriodEnds(LocalDate.of(2025, 5, 1));
        long t1 = System.nanoTime();

        Recount recount = new Recount(jdbc);
        Random random = new Random(20211110);
        List<LocalDate> dates = new ArrayList<>(List.of(today, today, today, REFORM.minusDays(1), REFORM,
                REFORM.plusDays(1), LocalDate.of(2021, 11, 10), LocalDate.of(2025, 6, 30), LocalDate.of(2025, 7, 31)));
        for (int i = 0; i < 12; i++) {
            dates.add(YearMonth.of(2025, 5).plusMonths(random.nextInt(18)).atEndOfMonth());
        }
        for (int i = 0; i < 12; i++) { // any day since the first frozen month end: its figures come from the journal
            dates.add(LocalDate.of(2025, 5, 31).plusDays(1 + random.nextInt((int) (today.toEpochDay()
                    - LocalDate.of(2025, 5, 31).toEpochDay()))));
        }
        for (int i = 0; i < 12; i++) {
            dates.add(LocalDate.of(2010, 1, 1).plusDays(random.nextInt((int) (today.toEpochDay() - LocalDate.of(2010, 1, 1).toEpochDay()))));
        }
        long t2 = System.nanoTime();
        Map<LocalDate, Map<Long, MemberTally>> recounts = new HashMap<>();
        Map<LocalDate, Map<Long, MemberTally>> women = new HashMap<>();
        Map<LocalDate, Map<Long, MemberTally>> probationary = new HashMap<>();
        Map<FigureSource, Integer> sources = new EnumMap<>(FigureSource.class);
        Map<FigureSource, Long> nanos = new EnumMap<>(FigureSource.class);
        long recountNanos = 0;
        int pairs = 0;
        for (int round = 0; pairs < 1000; round++) {
            LocalDate date = dates.get(round % dates.size());
            long r0 = System.nanoTime();
            Map<Long, MemberTally> expected = recounts.computeIfAbsent(date, recount::on);
            recountNanos += System.nanoTime() - r0;
            List<Long> units = recount.unitsOn(date);
            // the upper units every time (they take the fast paths), then random ones
            List<Long> upper = recount.upperUnitsOn(date);
            List<Long> sample = new ArrayList<>();
            for (int i = 0; i < 8; i++) sample.add(upper.get(random.nextInt(upper.size())));
            for (int i = 0; i < 17; i++) sample.add(units.get(random.nextInt(units.size())));
            for (long unit : sample) {
                long f0 = System.nanoTime();
                UnitStatistics fast = statistics.of(unit, date);
                nanos.merge(fast.source(), System.nanoTime() - f0, Long::sum);
                assertThat(fast.members())
                        .as("unit %d on %s (%s)", unit, date, fast.source())
                        .isEqualTo(expected.getOrDefault(unit, MemberTally.EMPTY));
                sources.merge(fast.source(), 1, Integer::sum);
                if (pairs % 5 == 0) { // the cross-tabulations of the forms (frozen with period ends, then the journal)
                    assertThat(statistics.of(unit, date, Dimension.GENDER, "FEMALE")).as("women of %d on %s", unit, date)
                            .isEqualTo(women.computeIfAbsent(date, d -> recount.on(d, (st, p) -> p.gender().equals("FEMALE")))
                                    .getOrDefault(unit, MemberTally.EMPTY));
                    assertThat(statistics.of(unit, date, Dimension.STATUS, "PROBATIONARY")).as("probationary of %d on %s", unit, date)
                            .isEqualTo(probationary.computeIfAbsent(date, d -> recount.on(d, (st, p) -> st.status().equals("PROBATIONARY")))
                                    .getOrDefault(unit, MemberTally.EMPTY));
                }
                pairs++;
            }
        }
        System.out.printf("freeze %d ms, load %d ms, recount %d ms, fast %s ns by %s%n", (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000, recountNanos / 1_000_000, nanos, sources);
        assertThat(sources).as("every path is exercised").containsKeys(FigureSource.LIVE, FigureSource.SNAPSHOT,
                FigureSource.HISTORY);
    }

    @Test
    void shouldCountACorrectedRecordSheetInTodaysFiguresWhenTheTheoryLevelChanges() {
        LocalDate today = LocalDate.now(clock);
        TreeFixture tree = TreeFixture.standard(org);
        var record = MemberMother.record("Trần Thị Lý Luận", Gender.FEMALE, LocalDate.of(1990, 1, 1));
        long id = members.apply(new MemberAct.Admit(record, tree.id("X1C1"), today.minusMonths(2),
                MemberMother.decision("1-QĐ/HU", today.minusMonths(2))));
        long province = tree.id("P");
        assertThat(statistics.of(province, today).members().by(Dimension.THEORY)).containsEntry("SO_CAP", 1L);

        members.apply(new MemberAct.UpdateRecord(id, new vn.tcxd.members.MemberRecord(record.fullName(), null,
                record.gender(), record.birthDate(), record.birthPlace(), record.hometown(), record.ethnicity(),
                record.religion(), record.citizenId(), null, null, record.residence(), record.phone(),
                record.occupation(), record.education(), record.professional(), null, "TRUNG_CAP", null),
                MemberMother.decision("2-QĐ/HU", today)));

        UnitStatistics live = statistics.of(province, today);
        assertThat(live.source()).isEqualTo(FigureSource.LIVE);
        assertThat(live.members().by(Dimension.THEORY)).containsEntry("TRUNG_CAP", 1L).doesNotContainKey("SO_CAP");
        assertThat(live.members()).isEqualTo(new Recount(jdbc).on(today).get(province));
    }

    /** Acts and reorganisations through the facades, so the live counters follow them incrementally. */
    private void changeTheRollAndTheTreeToday(LocalDate today) {
        TreeFixture tree = TreeFixture.standard(org);
        LocalDate admitted = today.minusMonths(14);
        List<Long> ids = new ArrayList<>();
        String[] cells = {"X1C1", "X1C2", "X1BC1", "S1", "X1C1"};
        for (int i = 0; i < 10; i++) {
            long id = members.apply(new MemberAct.Admit(MemberMother.record("Nguyễn Văn Thống Kê " + i,
                    i % 3 == 0 ? Gender.FEMALE : Gender.MALE, LocalDate.of(1980 + i, 3, 1)),
                    tree.id(cells[i % cells.length]), admitted, MemberMother.decision(i + "-QĐ/HU", admitted)));
            ids.add(id);
        }
        members.apply(new MemberAct.HoldCeremony(ids.get(0), admitted.plusDays(10),
                MemberMother.decision("89-QĐ/HU", admitted.plusDays(10))));
        members.apply(new MemberAct.Recognise(ids.get(0), MemberMother.decision("90-QĐ/HU", today.minusDays(5))));
        members.apply(new MemberAct.Die(ids.get(1), today.minusDays(3), MemberMother.decision("91-QĐ/HU", today.minusDays(2))));
        members.apply(new MemberAct.Exempt(ids.get(2), today.minusDays(1), "Tuổi cao",
                MemberMother.decision("92-QĐ/HU", today.minusDays(1))));
        members.apply(new MemberAct.IssueTransfer(ids.get(3), TransferKind.PERMANENT, tree.id("X2C1"),
                "12-GGT", today.minusDays(4), MemberMother.decision("93-GGT", today.minusDays(4))));
        long transfer = members.incomingTransfers(tree.id("X2C1")).getFirst().id();
        members.apply(new MemberAct.ReceiveTransfer(transfer, today.minusDays(1), MemberMother.decision("94-QĐ", today.minusDays(1))));
        // a commune committee moves to another district, and one of the districts moves to the other province
        org.apply(new Reorganisation.Move(tree.id("X1"), tree.id("D2"), today, TreeFixture.decision(today)));
        org.apply(new Reorganisation.Move(tree.id("D1"), tree.id("Q"), today, TreeFixture.decision(today)));
        org.apply(new Reorganisation.Merge(tree.id("X2"), tree.id("X1"), today, TreeFixture.decision(today)));
    }

    /** A naive recount from the raw tables: parent links, not paths; one pass per date. */
    static final class Recount {

        record Version(long unitId, Long parentId, int depth, LocalDate from, LocalDate to) {
            boolean on(LocalDate d) {
                return !from.isAfter(d) && (to == null || to.isAfter(d));
            }
        }

        record State(long memberId, long unitId, LocalDate from, LocalDate to, String status, boolean exempt,
                     boolean inTransit, boolean away) {
            boolean on(LocalDate d) {
                return !from.isAfter(d) && (to == null || to.isAfter(d));
            }
        }

        record Person(String gender, int birthYear, Map<Dimension, String> codes) {
        }

        final Map<Long, List<Version>> versions = new HashMap<>();
        final List<State> states;
        final Map<Long, Person> people = new HashMap<>();

        Recount(JdbcTemplate jdbc) {
            jdbc.query("select unit_id, parent_id, depth, valid_from, valid_to from orgstructure.unit_version", rs -> {
                Version v = new Version(rs.getLong(1), (Long) rs.getObject(2), rs.getInt(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class));
                versions.computeIfAbsent(v.unitId(), k -> new ArrayList<>()).add(v);
            });
            states = jdbc.query("select member_id, unit_id, valid_from, valid_to, status, exempt, in_transit,"
                            + " away_unit_id is not null from members.member_state",
                    (rs, i) -> new State(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
                            rs.getObject(4, LocalDate.class), rs.getString(5), rs.getBoolean(6), rs.getBoolean(7),
                            rs.getBoolean(8)));
            jdbc.query("select id, gender, birth_date, ethnicity, religion, education, professional, theory,"
                    + " academic_title, state_management, occupation from members.member", rs -> {
                Map<Dimension, String> codes = new EnumMap<>(Dimension.class);
                Dimension[] coded = {Dimension.ETHNICITY, Dimension.RELIGION, Dimension.EDUCATION,
                        Dimension.PROFESSIONAL, Dimension.THEORY, Dimension.ACADEMIC_TITLE,
                        Dimension.STATE_MANAGEMENT, Dimension.OCCUPATION};
                for (int i = 0; i < coded.length; i++) {
                    String code = rs.getString(4 + i);
                    codes.put(coded[i], code == null ? MemberTally.NONE : code);
                }
                people.put(rs.getLong(1), new Person(rs.getString(2), rs.getObject(3, LocalDate.class).getYear(), codes));
            });
        }

        Version version(long unitId, LocalDate d) {
            for (Version v : versions.getOrDefault(unitId, List.of())) {
                if (v.on(d)) return v;
            }
            return null;
        }

        List<Long> unitsOn(LocalDate d) {
            return versions.keySet().stream().filter(u -> version(u, d) != null).sorted().toList();
        }

        List<Long> upperUnitsOn(LocalDate d) {
            return unitsOn(d).stream().filter(u -> version(u, d).depth() <= 2).toList();
        }

        /** Every unit's subtree tally on {@code d}. */
        Map<Long, MemberTally> on(LocalDate d) {
            return on(d, (state, person) -> true);
        }

        /** The same, only members for whom {@code subset} holds (the forms' women, probationary members). */
        Map<Long, MemberTally> on(LocalDate d, java.util.function.BiPredicate<State, Person> subset) {
            Map<Long, Version> atDate = new HashMap<>();
            versions.forEach((u, list) -> list.stream().filter(v -> v.on(d)).findFirst().ifPresent(v -> atDate.put(u, v)));
            Map<Long, Map<Dimension, Map<String, Long>>> counts = new HashMap<>();
            Map<Long, Long> totals = new HashMap<>();
            for (State s : states) {
                if (!s.on(d) || !(s.status().equals("PROBATIONARY") || s.status().equals("FULL"))) continue;
                Person p = people.get(s.memberId());
                if (!subset.test(s, p)) continue;
                Version v = atDate.get(s.unitId());
                while (v != null) {
                    long u = v.unitId();
                    totals.merge(u, 1L, Long::sum);
                    Map<Dimension, Map<String, Long>> c = counts.computeIfAbsent(u, k -> new EnumMap<>(Dimension.class));
                    add(c, Dimension.STATUS, s.status());
                    add(c, Dimension.GENDER, p.gender());
                    add(c, Dimension.BIRTH_YEAR, Integer.toString(p.birthYear()));
                    if (p.gender().equals("FEMALE")) add(c, Dimension.FEMALE_BIRTH_YEAR, Integer.toString(p.birthYear()));
                    if (s.exempt()) add(c, Dimension.FLAG, MemberTally.EXEMPT);
                    if (s.away()) add(c, Dimension.FLAG, MemberTally.AWAY);
                    if (s.inTransit()) add(c, Dimension.FLAG, MemberTally.IN_TRANSIT);
                    p.codes().forEach((dim, code) -> add(c, dim, code));
                    v = v.parentId() == null ? null : atDate.get(v.parentId());
                }
            }
            Map<Long, MemberTally> result = new HashMap<>();
            totals.forEach((u, n) -> result.put(u, new MemberTally(n, counts.get(u))));
            return result;
        }

        private static void add(Map<Dimension, Map<String, Long>> c, Dimension d, String key) {
            c.computeIfAbsent(d, k -> new TreeMap<>()).merge(key, 1L, Long::sum);
        }
    }
}
