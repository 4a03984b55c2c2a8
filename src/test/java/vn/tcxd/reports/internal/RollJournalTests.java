package vn.tcxd.reports.internal;

import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tcxd.IntegrationTest;
import vn.tcxd.members.Gender;
import vn.tcxd.members.MemberAct;
import vn.tcxd.members.MemberMother;
import vn.tcxd.members.MemberRecord;
import vn.tcxd.members.Members;
import vn.tcxd.members.TransferKind;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.Reorganisation;
import vn.tcxd.orgstructure.TreeFixture;
import vn.tcxd.reports.Dimension;
import vn.tcxd.reports.MovementKind;
import vn.tcxd.reports.internal.RollQueries.Position;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journal of the roll ({@code reports.roll_change}) answers every history question exactly as the
 * roll itself does — the change over a window, the movements' boundaries, the admissions — on random
 * windows since 2010 (the demo's history and the 2025 reorganisation included), and what the acts and
 * reorganisations of this test kept in it equals a journal rebuilt from scratch.
 */
@IntegrationTest
class RollJournalTests {

    @Autowired
    RollJournal journal;
    @Autowired
    RollQueries roll;
    @Autowired
    Members members;
    @Autowired
    OrgStructure org;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Clock clock;
    @Autowired
    StatisticsService statistics;
    @Autowired
    Snapshots snapshots;
    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Test
    void shouldAnswerLikeTheRollOnRandomWindowsAndEqualARebuildAfterActsAndReorganisations() {
        LocalDate today = LocalDate.now(clock);
        TreeFixture tree = changeTheRollAndTheTree(today);
        assertThat(journal.isBuilt()).isTrue();

        List<String> kept = rows();
        tx.executeWithoutResult(s -> journal.rebuild());
        assertThat(rows()).as("the journal kept by the acts equals one rebuilt from the roll").isEqualTo(kept);

        // a batch import leaves its cells pending: the roll answers until their rows are written after it
        String cells = String.join(",", jdbc.queryForList(
                "select distinct unit_id::text from members.member_state order by 1 limit 25", String.class));
        tx.executeWithoutResult(s -> {
            jdbc.update("delete from reports.roll_change where member_id in (select member_id from members.member_state"
                    + " where unit_id in (" + cells + "))");
            journal.markPending(java.util.Arrays.stream(cells.split(",")).map(Long::valueOf).toList());
        });
        assertThat(journal.isBuilt()).as("not to be read while cells are pending").isFalse();
        tx.executeWithoutResult(s -> journal.writePending());
        assertThat(journal.isBuilt()).isTrue();
        assertThat(rows()).as("the pending cells' rows written again").isEqualTo(kept);

        Random random = new Random(11_2021);
        LocalDate first = LocalDate.of(2010, 1, 1);
        int span = (int) (today.toEpochDay() - first.toEpochDay());
        List<Long> checked = new ArrayList<>(List.of(tree.id("P"), tree.id("Q"), tree.id("D2")));
        for (int i = 0; i < 60; i++) {
            LocalDate upTo = i < 6 ? today.minusDays(i) : first.plusDays(random.nextInt(span));
            LocalDate after = upTo.minusDays(1 + random.nextInt(i % 3 == 0 ? 400 : 40));
            List<Position> upper = roll.upperUnits(upTo, 2);
            long unitId = i < checked.size() ? checked.get(i) : upper.get(random.nextInt(upper.size())).unitId();
            var position = roll.position(unitId, upTo);
            if (position.isEmpty()) continue;
            String path = position.get().path();
            assertThat(journal.changeBetween(path, after, upTo)).as("change of %d over (%s, %s]", unitId, after, upTo)
                    .isEqualTo(roll.changeBetween(path, after, upTo));
            assertThat(journal.boundaries(unitId, after.plusDays(1), upTo)).as("boundaries of %d", unitId)
                    .containsExactlyInAnyOrderElementsOf(roll.boundaries(unitId, after.plusDays(1), upTo));
            assertThat(journal.admittedIn(path, after, upTo, DSL.noCondition())).as("admissions into %d", unitId)
                    .isEqualTo(roll.admittedIn(path, after, upTo));
            assertThat(journal.admittedIn(path, after, upTo, RollQueries.where(RollJournal.J, Dimension.GENDER, "FEMALE")))
                    .isEqualTo(roll.admittedIn(path, after, upTo, roll.where(Dimension.GENDER, "FEMALE")));
            if (i % 10 == 0) {
                assertThat(journal.changeByHolder(after, upTo, 1, StatisticsService.SUBSETS))
                        .as("change by holder over (%s, %s], all and cross-tabulated", after, upTo)
                        .isEqualTo(roll.changeByHolder(after, upTo, 1, StatisticsService.SUBSETS));
            }
        }
    }

    @Test
    void shouldFreezeEachMonthsMovementsSoThatAYearsFormIsTwelveRowsWithTheSameFigures() {
        statistics.freezePeriodEnds(LocalDate.of(2023, 1, 1));
        LocalDate today = LocalDate.now(clock);
        List<LocalDate[]> periods = List.of(new LocalDate[]{LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31)},
                new LocalDate[]{LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)},
                new LocalDate[]{LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30)},
                new LocalDate[]{LocalDate.of(2025, 8, 1), today.withDayOfMonth(1).minusDays(1)});
        int frozen = 0;
        for (LocalDate[] period : periods) {
            for (Position p : roll.upperUnits(period[1], 1)) {
                var fast = statistics.movements(p.unitId(), period[0], period[1]);
                var slow = statistics.movementsFromHistory(p.unitId(), period[0], period[1]);
                for (MovementKind kind : MovementKind.values()) {
                    if (kind == MovementKind.REORGANISED) continue;
                    assertThat(fast.count(kind)).as("%s of %d over %s–%s", kind, p.unitId(), period[0], period[1])
                            .isEqualTo(slow.getOrDefault(kind, 0L));
                }
                if (snapshots.readMovements(p.unitId(), List.of(period[1])).size() == 1) frozen++;
            }
        }
        assertThat(frozen).as("periods answered from frozen months").isGreaterThan(4);
        long lamSon = roll.upperUnits(LocalDate.of(2024, 12, 31), 1).stream()
                .filter(p -> p.depth() == 1).mapToLong(Position::unitId).filter(id -> statistics
                        .movements(id, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)).count(MovementKind.ADMITTED) > 1000)
                .findFirst().orElseThrow();
        assertThat(snapshots.readMovements(lamSon, List.of(LocalDate.of(2024, 1, 31), LocalDate.of(2024, 12, 31))))
                .as("the demo province's months carry their movements").hasSize(2);
    }

    @Test
    void shouldKeepTheMonthEndsBeforeABatchImportsEarliestDateAndWriteItsCellsAfterItCommits() {
        statistics.freezePeriodEnds(LocalDate.of(2025, 1, 1));
        long cell = jdbc.queryForObject("select min(unit_id) from members.member_state", Long.class);
        tx.executeWithoutResult(s -> {
            events.publishEvent(new vn.tcxd.members.MemberImportCompleted(0, List.of(cell), LocalDate.of(2025, 9, 3)));
            assertThat(journal.isBuilt()).as("pending while the import runs").isFalse();
        });
        for (int i = 0; i < 300 && !journal.isBuilt(); i++) sleep(); // written in the background after the commit
        var frozen = jdbc.queryForList("select distinct period_end from reports.period_snapshot"
                + " where period_end >= '2025-01-01' order by 1", LocalDate.class);
        assertThat(frozen).as("month ends before the import's first day stand").contains(LocalDate.of(2025, 8, 31))
                .allMatch(d -> d.isBefore(LocalDate.of(2025, 9, 3)));
        assertThat(journal.isBuilt()).as("its cells' rows written after it committed").isTrue();
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<String> rows() {
        return jdbc.queryForList("select r::text from reports.roll_change r order by member_id, day, r::text", String.class);
    }

    /** Acts of every kind (a corrected record sheet too) and reorganisations, through the facades. */
    private TreeFixture changeTheRollAndTheTree(LocalDate today) {
        TreeFixture tree = TreeFixture.standard(org);
        LocalDate admitted = today.minusMonths(14);
        List<Long> ids = new ArrayList<>();
        String[] cells = {"X1C1", "X1C2", "X1BC1", "S1", "X2C1"};
        for (int i = 0; i < 8; i++) {
            var record = MemberMother.record("Lê Thị Nhật Ký " + i, i % 2 == 0 ? Gender.FEMALE : Gender.MALE,
                    LocalDate.of(1985 + i, 5, 1));
            ids.add(members.apply(new MemberAct.Admit(record, tree.id(cells[i % cells.length]), admitted,
                    MemberMother.decision(i + "-QĐ/HU", admitted))));
        }
        members.apply(new MemberAct.HoldCeremony(ids.get(0), admitted.plusDays(10),
                MemberMother.decision("80-QĐ/HU", admitted.plusDays(10))));
        members.apply(new MemberAct.Recognise(ids.get(0), MemberMother.decision("81-QĐ/HU", today.minusDays(6))));
        members.apply(new MemberAct.Die(ids.get(1), today.minusDays(3), MemberMother.decision("82-QĐ/HU", today.minusDays(2))));
        members.apply(new MemberAct.Exempt(ids.get(2), today.minusDays(2), "Tuổi cao",
                MemberMother.decision("83-QĐ/HU", today.minusDays(2))));
        members.apply(new MemberAct.IssueTransfer(ids.get(3), TransferKind.PERMANENT, tree.id("X2C1"),
                "13-GGT", today.minusDays(5), MemberMother.decision("84-GGT", today.minusDays(5))));
        long transfer = members.incomingTransfers(tree.id("X2C1")).getFirst().id();
        members.apply(new MemberAct.ReceiveTransfer(transfer, today.minusDays(1), MemberMother.decision("85-QĐ", today.minusDays(1))));
        var record = MemberMother.record("Lê Thị Nhật Ký 4", Gender.FEMALE, LocalDate.of(1989, 5, 1));
        members.apply(new MemberAct.UpdateRecord(ids.get(4), new MemberRecord(record.fullName(), null, record.gender(),
                record.birthDate(), record.birthPlace(), record.hometown(), "02", record.religion(), record.citizenId(),
                null, null, record.residence(), record.phone(), record.occupation(), record.education(),
                record.professional(), null, "TRUNG_CAP", null), MemberMother.decision("86-QĐ/HU", today)));
        org.apply(new Reorganisation.Move(tree.id("X1"), tree.id("D2"), today, TreeFixture.decision(today)));
        org.apply(new Reorganisation.Merge(tree.id("X2"), tree.id("X1"), today, TreeFixture.decision(today)));
        return tree;
    }
}
