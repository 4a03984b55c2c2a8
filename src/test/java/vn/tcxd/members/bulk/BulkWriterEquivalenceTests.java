package vn.tcxd.members.bulk;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.tcxd.IntegrationTest;
import vn.tcxd.members.DisciplineForm;
import vn.tcxd.members.Gender;
import vn.tcxd.members.MemberAct;
import vn.tcxd.members.MemberDetails;
import vn.tcxd.members.MemberEventEntry;
import vn.tcxd.members.MemberHistory;
import vn.tcxd.members.MemberHistoryProblem;
import vn.tcxd.members.MemberHistoryRejected;
import vn.tcxd.members.MemberHistoryWriter;
import vn.tcxd.members.MemberRecord;
import vn.tcxd.members.MemberState;
import vn.tcxd.members.Members;
import vn.tcxd.members.RemovalGround;
import vn.tcxd.members.TransferKind;
import vn.tcxd.members.TransferSummary;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.TreeFixture;
import vn.tcxd.shared.DecisionRef;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static vn.tcxd.jooq.members.Tables.MEMBER;
import static vn.tcxd.jooq.members.Tables.MEMBER_STATE;

/**
 * The bulk writer writes what the registry writes act by act: the same history applied through
 * {@link Members#apply} in one fixture tree and through {@link MemberHistoryWriter} in a twin tree
 * reads back the same on every date.
 */
@IntegrationTest
class BulkWriterEquivalenceTests {

    private static final List<LocalDate> DATES = List.of(LocalDate.of(2019, 3, 3), LocalDate.of(2019, 3, 4),
            LocalDate.of(2019, 6, 1), LocalDate.of(2020, 1, 10), LocalDate.of(2020, 2, 1), LocalDate.of(2020, 3, 24),
            LocalDate.of(2020, 3, 25), LocalDate.of(2020, 4, 1), LocalDate.of(2020, 9, 1), LocalDate.of(2021, 2, 1),
            LocalDate.of(2021, 2, 14), LocalDate.of(2021, 2, 15), LocalDate.of(2021, 6, 1), LocalDate.of(2021, 9, 1),
            LocalDate.of(2022, 6, 1), LocalDate.of(2024, 9, 5), LocalDate.of(2024, 9, 20), LocalDate.of(2025, 2, 3),
            LocalDate.of(2025, 1, 1));

    @Autowired
    Members members;

    @Autowired
    MemberHistoryWriter writer;

    @Autowired
    OrgStructure org;

    @Autowired
    DSLContext db;

    private static DecisionRef decision(String number, LocalDate date) {
        return new DecisionRef(number, date, "Ban Thường vụ Huyện ủy");
    }

    private static MemberRecord record(String citizenId) {
        return new MemberRecord("  Đỗ Thị Ngọc Ánh ", "Ánh Đỗ", Gender.FEMALE, LocalDate.of(1992, 8, 30), "Xã Tân Lập",
                "Tân Lập", "06", "khong", citizenId, null, "LL-77", "Thôn Đông", "0912 345 678", "VIEN_CHUC", "THPT",
                "DAI_HOC", null, "SO_CAP", null);
    }

    /** The life applied act by act through the registry. */
    private long applyOneByOne(TreeFixture t, String citizenId) {
        long id = members.apply(new MemberAct.Admit(record(citizenId), t.id("X1C1"), LocalDate.of(2019, 3, 4),
                decision("101-QĐ/HU", LocalDate.of(2019, 3, 4))));
        members.apply(new MemberAct.HoldCeremony(id, LocalDate.of(2019, 3, 25), decision("BB-1", LocalDate.of(2019, 3, 25))));
        members.apply(new MemberAct.IssueTransfer(id, TransferKind.TEMPORARY, t.id("X2C1"), "GGT-1",
                LocalDate.of(2020, 1, 10), decision("1-GGT", LocalDate.of(2020, 1, 10))));
        members.apply(new MemberAct.EndTemporaryTransfer(members.transfers(id).getLast().id(), LocalDate.of(2020, 3, 1),
                decision("2-GGT", LocalDate.of(2020, 3, 1))));
        members.apply(new MemberAct.Exempt(id, LocalDate.of(2020, 4, 1), "Ốm dài ngày", decision("3-QĐ", LocalDate.of(2020, 4, 1))));
        // recognised from the end of probation (25/3/2020), after the exemption was recorded: later versions are rewritten
        members.apply(new MemberAct.Recognise(id, decision("15-QĐ/HU", LocalDate.of(2020, 4, 15))));
        members.apply(new MemberAct.EndExemption(id, LocalDate.of(2020, 9, 1), decision("4-QĐ", LocalDate.of(2020, 9, 1))));
        members.apply(new MemberAct.IssueTransfer(id, TransferKind.PERMANENT, t.id("X1C2"), "GGT-2",
                LocalDate.of(2021, 2, 1), decision("5-GGT", LocalDate.of(2021, 2, 1))));
        members.apply(new MemberAct.ReceiveTransfer(members.transfers(id).getLast().id(), LocalDate.of(2021, 2, 15),
                decision("XN-5", LocalDate.of(2021, 2, 15))));
        members.apply(new MemberAct.Discipline(id, DisciplineForm.WARNING, LocalDate.of(2021, 6, 1),
                decision("6-QĐ/KL", LocalDate.of(2021, 6, 1))));
        members.apply(new MemberAct.RemoveFromList(id, RemovalGround.SKIPPED_ACTIVITY_OR_DUES, LocalDate.of(2021, 9, 1),
                decision("7-QĐ", LocalDate.of(2021, 9, 1))));
        members.apply(new MemberAct.Readmit(id, t.id("X1BC1"), LocalDate.of(2024, 9, 5), decision("8-QĐ", LocalDate.of(2024, 9, 5))));
        members.apply(new MemberAct.HoldCeremony(id, LocalDate.of(2024, 9, 20), decision("BB-2", LocalDate.of(2024, 9, 20))));
        members.apply(new MemberAct.Die(id, LocalDate.of(2025, 2, 3), decision("9-TB", LocalDate.of(2025, 2, 3))));
        return id;
    }

    /** The same life as one history for the bulk writer. */
    private static MemberHistory asHistory(TreeFixture t, String citizenId) {
        return new MemberHistory(record(citizenId), List.of(
                new MemberHistory.Admit(t.id("X1C1"), LocalDate.of(2019, 3, 4), decision("101-QĐ/HU", LocalDate.of(2019, 3, 4))),
                new MemberHistory.HoldCeremony(LocalDate.of(2019, 3, 25), decision("BB-1", LocalDate.of(2019, 3, 25))),
                new MemberHistory.IssueTransfer(TransferKind.TEMPORARY, t.id("X2C1"), "GGT-1", LocalDate.of(2020, 1, 10),
                        decision("1-GGT", LocalDate.of(2020, 1, 10))),
                new MemberHistory.EndTemporaryTransfer(LocalDate.of(2020, 3, 1), decision("2-GGT", LocalDate.of(2020, 3, 1))),
                new MemberHistory.Exempt(LocalDate.of(2020, 4, 1), "Ốm dài ngày", decision("3-QĐ", LocalDate.of(2020, 4, 1))),
                new MemberHistory.Recognise(decision("15-QĐ/HU", LocalDate.of(2020, 4, 15))),
                new MemberHistory.EndExemption(LocalDate.of(2020, 9, 1), decision("4-QĐ", LocalDate.of(2020, 9, 1))),
                new MemberHistory.IssueTransfer(TransferKind.PERMANENT, t.id("X1C2"), "GGT-2", LocalDate.of(2021, 2, 1),
                        decision("5-GGT", LocalDate.of(2021, 2, 1))),
                new MemberHistory.ReceiveTransfer(LocalDate.of(2021, 2, 15), decision("XN-5", LocalDate.of(2021, 2, 15))),
                new MemberHistory.Discipline(DisciplineForm.WARNING, LocalDate.of(2021, 6, 1),
                        decision("6-QĐ/KL", LocalDate.of(2021, 6, 1))),
                new MemberHistory.RemoveFromList(RemovalGround.SKIPPED_ACTIVITY_OR_DUES, LocalDate.of(2021, 9, 1),
                        decision("7-QĐ", LocalDate.of(2021, 9, 1))),
                new MemberHistory.Readmit(t.id("X1BC1"), LocalDate.of(2024, 9, 5), decision("8-QĐ", LocalDate.of(2024, 9, 5))),
                new MemberHistory.HoldCeremony(LocalDate.of(2024, 9, 20), decision("BB-2", LocalDate.of(2024, 9, 20))),
                new MemberHistory.Die(LocalDate.of(2025, 2, 3), decision("9-TB", LocalDate.of(2025, 2, 3)))));
    }

    @Test
    void shouldReadBackTheSameAsTheRegistryWhenTheSameHistoryIsWrittenInBulk() {
        TreeFixture one = TreeFixture.standard(org);
        TreeFixture bulk = TreeFixture.standard(org);
        Map<Long, Long> units = new HashMap<>();
        for (String key : List.of("X1C1", "X1C2", "X1BC1", "X2C1")) {
            units.put(bulk.id(key), one.id(key));
        }
        long viaRegistry = applyOneByOne(one, ImportFiles.citizenId());
        long viaBulk = writer.write(List.of(asHistory(bulk, ImportFiles.citizenId())), "importer", null).memberIds().getFirst();

        for (LocalDate date : DATES) {
            MemberDetails expected = members.member(viaRegistry, date).orElseThrow();
            MemberDetails actual = members.member(viaBulk, date).orElseThrow();
            assertThat(withoutIds(actual.record())).as("record").isEqualTo(withoutIds(expected.record()));
            assertThat(actual.admissionDecisionDate()).isEqualTo(expected.admissionDecisionDate());
            assertThat(actual.ceremonyDate()).isEqualTo(expected.ceremonyDate());
            assertThat(actual.fullMemberDate()).isEqualTo(expected.fullMemberDate());
            assertThat(mapped(members.stateOn(viaBulk, date).orElse(null), units)).as("state on %s", date)
                    .isEqualTo(members.stateOn(viaRegistry, date).orElse(null));
        }
        assertThat(events(viaBulk, units)).isEqualTo(events(viaRegistry, Map.of()));
        assertThat(transfers(viaBulk, units)).isEqualTo(transfers(viaRegistry, Map.of()));
        assertThat(db.select(MEMBER.SEARCH_TEXT, MEMBER.SORT_NAME).from(MEMBER).where(MEMBER.ID.eq(viaBulk)).fetchOne().intoList())
                .isEqualTo(db.select(MEMBER.SEARCH_TEXT, MEMBER.SORT_NAME).from(MEMBER).where(MEMBER.ID.eq(viaRegistry))
                        .fetchOne().intoList());
        assertThat(db.fetchCount(MEMBER_STATE, MEMBER_STATE.MEMBER_ID.eq(viaBulk)))
                .isEqualTo(db.fetchCount(MEMBER_STATE, MEMBER_STATE.MEMBER_ID.eq(viaRegistry)));
    }

    @Test
    void shouldRefuseTheWholeBatchWhenOneHistoryBreaksARule() {
        TreeFixture t = TreeFixture.standard(org);
        MemberHistory good = asHistory(t, ImportFiles.citizenId());
        List<MemberHistory.Step> steps = new ArrayList<>(asHistory(t, ImportFiles.citizenId()).steps());
        // a ceremony before the admission decision: as for the registry, the member is not on the roll that day
        steps.set(1, new MemberHistory.HoldCeremony(LocalDate.of(2019, 3, 1), decision("BB-0", LocalDate.of(2019, 3, 1))));
        MemberHistory bad = new MemberHistory(record(ImportFiles.citizenId()), steps);
        int before = db.fetchCount(MEMBER);

        assertThatThrownBy(() -> writer.write(List.of(good, bad), "importer", null))
                .isInstanceOfSatisfying(MemberHistoryRejected.class, e -> assertThat(e.problems())
                        .extracting(MemberHistoryProblem::index, MemberHistoryProblem::step, MemberHistoryProblem::messageKey)
                        .containsExactly(tuple(1, 1, "error.member.notMemberOn")));
        assertThat(db.fetchCount(MEMBER)).isEqualTo(before);
    }

    private static MemberRecord withoutIds(MemberRecord r) {
        return new MemberRecord(r.fullName(), r.otherNames(), r.gender(), r.birthDate(), r.birthPlace(), r.hometown(),
                r.ethnicity(), r.religion(), null, r.cardNumber(), r.historyNumber(), r.residence(), r.phone(),
                r.occupation(), r.education(), r.professional(), r.academicTitle(), r.theory(), r.stateManagement());
    }

    private static MemberState mapped(MemberState s, Map<Long, Long> units) {
        if (s == null) {
            return null;
        }
        return new MemberState(s.validFrom(), s.validTo(), units.getOrDefault(s.unitId(), s.unitId()), s.status(), s.exempt(),
                s.inTransit(), s.awayUnitId() == null ? null : units.getOrDefault(s.awayUnitId(), s.awayUnitId()));
    }

    /** Events without their ids, unit ids mapped to the twin tree and transfer ids to their order. */
    private List<List<Object>> events(long memberId, Map<Long, Long> units) {
        List<Long> transferIds = members.transfers(memberId).stream().map(TransferSummary::id).toList();
        List<List<Object>> events = new ArrayList<>();
        for (MemberEventEntry e : members.events(memberId)) {
            Map<String, Object> details = new HashMap<>();
            e.details().forEach((key, value) -> {
                long number = value instanceof Number n ? n.longValue() : -1;
                details.put(key, switch (key) {
                    case "unitId", "fromUnitId", "toUnitId" -> units.getOrDefault(number, number);
                    case "transferId" -> transferIds.indexOf(number);
                    default -> value;
                });
            });
            events.add(List.of(e.kind(), e.effectiveOn(), e.decision(), details));
        }
        return events;
    }

    private List<List<Object>> transfers(long memberId, Map<Long, Long> units) {
        return members.transfers(memberId).stream().map(t -> List.<Object>of(t.kind(),
                units.getOrDefault(t.fromUnitId(), t.fromUnitId()), units.getOrDefault(t.toUnitId(), t.toUnitId()),
                t.letterNumber(), t.issuedOn(), String.valueOf(t.receivedOn()), String.valueOf(t.endedOn()), t.status(),
                t.memberName())).toList();
    }
}
