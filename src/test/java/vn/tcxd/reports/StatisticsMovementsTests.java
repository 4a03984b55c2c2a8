package vn.tcxd.reports;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.tcxd.Http;
import vn.tcxd.IntegrationTest;
import vn.tcxd.members.Gender;
import vn.tcxd.members.MemberAct;
import vn.tcxd.members.MemberMother;
import vn.tcxd.members.Members;
import vn.tcxd.members.RemovalGround;
import vn.tcxd.members.TransferKind;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.Reorganisation;
import vn.tcxd.orgstructure.TreeFixture;
import vn.tcxd.orgstructure.UnitType;
import vn.tcxd.security.Accounts;
import vn.tcxd.security.Role;
import vn.tcxd.security.ScopeGrant;
import vn.tcxd.shared.RuleViolation;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Movements of biểu 1-TCTW (HD 11-HD/BTCTW) read from the roll: each act lands on its line, seen
 * from the commune, the district and the province; transfers are "within the province" or "from /
 * to another province" by where both cells stand; opening + increases − decreases ± reorganisation
 * = closing. And the statistics API answers only within the caller's scope.
 */
@IntegrationTest
class StatisticsMovementsTests {

    private static final String PASSWORD = "mat-khau-thong-ke-9";
    private static final LocalDate START = LocalDate.of(2023, 1, 1);
    private static final LocalDate END = LocalDate.of(2023, 12, 31);

    @Autowired
    Statistics statistics;
    @Autowired
    Members members;
    @Autowired
    OrgStructure org;
    @Autowired
    Accounts accounts;
    @Autowired
    ObjectMapper json;
    @LocalServerPort
    int port;

    TreeFixture tree;
    long qCell;

    @BeforeEach
    void setUp() {
        tree = TreeFixture.standard(org);
        qCell = org.apply(new Reorganisation.Establish(new Reorganisation.NewUnit(tree.code("QXC1"), "Chi bộ thôn Mồi",
                null, UnitType.CELL, tree.id("QX"), null), TreeFixture.FOUNDED, TreeFixture.decision(TreeFixture.FOUNDED)));
    }

    private long admit(String name, String cell, LocalDate on) {
        return members.apply(new MemberAct.Admit(MemberMother.record(name, Gender.MALE, LocalDate.of(1990, 6, 1)),
                cell.equals("QXC1") ? qCell : tree.id(cell), on, MemberMother.decision("1-QĐ/HU", on)));
    }

    private void transfer(long member, long toCell, LocalDate issued, LocalDate received) {
        members.apply(new MemberAct.IssueTransfer(member, TransferKind.PERMANENT, toCell, "GT-" + member, issued,
                MemberMother.decision("2-GT", issued)));
        long id = members.incomingTransfers(toCell).stream().filter(t -> t.memberId() == member).findFirst()
                .orElseThrow().id();
        members.apply(new MemberAct.ReceiveTransfer(id, received, MemberMother.decision("3-QĐ", received)));
    }

    @Test
    void shouldPutEachActOnItsLineOfForm1TctwForTheCommuneDistrictAndProvince() {
        List<Long> before = new ArrayList<>();
        for (int i = 0; i < 4; i++) before.add(admit("Đảng Viên Cũ " + i, "X1C1", LocalDate.of(2022, 3, 1)));
        long a = admit("Lê Văn Mới", "X1C1", LocalDate.of(2023, 2, 10));
        admit("Lê Văn Mới Hai", "X1C2", LocalDate.of(2023, 3, 10));
        members.apply(new MemberAct.Die(before.get(0), LocalDate.of(2023, 4, 1), MemberMother.decision("4-QĐ", LocalDate.of(2023, 4, 2))));
        members.apply(new MemberAct.RemoveFromList(before.get(1), RemovalGround.values()[0], LocalDate.of(2023, 5, 1),
                MemberMother.decision("5-QĐ", LocalDate.of(2023, 5, 1))));
        // within the province: commune X1 → commune X2 (another district); to another province: → Q
        transfer(before.get(2), tree.id("X2C1"), LocalDate.of(2023, 6, 1), LocalDate.of(2023, 6, 20));
        transfer(before.get(3), qCell, LocalDate.of(2023, 7, 1), LocalDate.of(2023, 7, 15));
        // and one inside the commune, which is not a movement of the commune at all
        transfer(a, tree.id("X1C2"), LocalDate.of(2023, 8, 1), LocalDate.of(2023, 8, 5));

        Movements commune = statistics.movements(tree.id("X1"), START, END);
        assertThat(commune.opening()).isEqualTo(4);
        assertThat(commune.count(MovementKind.ADMITTED)).isEqualTo(2);
        assertThat(commune.count(MovementKind.DIED)).isEqualTo(1);
        assertThat(commune.count(MovementKind.REMOVED)).isEqualTo(1);
        assertThat(commune.count(MovementKind.TRANSFERRED_OUT_WITHIN_PROVINCE)).isEqualTo(1);
        assertThat(commune.count(MovementKind.TRANSFERRED_OUT_TO_OTHER_PROVINCE)).isEqualTo(1);
        assertThat(commune.transferredIn()).isZero();
        assertThat(commune.count(MovementKind.REORGANISED)).isZero();
        assertThat(commune.closing()).isEqualTo(2).isEqualTo(commune.opening() + commune.increases() - commune.decreases());

        Movements district2 = statistics.movements(tree.id("D2"), START, END);
        assertThat(district2.count(MovementKind.TRANSFERRED_IN_WITHIN_PROVINCE)).isEqualTo(1);
        assertThat(district2.closing()).isEqualTo(1);

        Movements province = statistics.movements(tree.id("P"), START, END);
        assertThat(province.transferredIn()).as("a move between two of its communes is not a movement of the province").isZero();
        assertThat(province.count(MovementKind.TRANSFERRED_OUT_TO_OTHER_PROVINCE)).isEqualTo(1);
        assertThat(province.closing()).isEqualTo(3);

        Movements other = statistics.movements(tree.id("Q"), START, END);
        assertThat(other.count(MovementKind.TRANSFERRED_IN_FROM_OTHER_PROVINCE)).isEqualTo(1);

        MemberTally admitted = statistics.admitted(tree.id("P"), START, END);
        assertThat(admitted.total()).isEqualTo(2);
        assertThat(admitted.by(Dimension.BIRTH_YEAR)).containsEntry("1990", 2L);
    }

    @Test
    void shouldCountMembersOfACellMovedByReorganisationOnTheReorganisationLine() {
        admit("Phạm Văn Theo Chi Bộ", "X1C1", LocalDate.of(2022, 3, 1));
        admit("Phạm Văn Theo Chi Bộ Hai", "X1BC1", LocalDate.of(2022, 3, 1));
        LocalDate moved = LocalDate.of(2023, 9, 1);
        org.apply(new Reorganisation.Move(tree.id("X1"), tree.id("D2"), moved, TreeFixture.decision(moved)));

        Movements district1 = statistics.movements(tree.id("D1"), START, END);
        assertThat(district1.opening()).isEqualTo(2);
        assertThat(district1.count(MovementKind.REORGANISED)).isEqualTo(-2);
        assertThat(district1.closing()).isZero();
        assertThat(statistics.movements(tree.id("D2"), START, END).count(MovementKind.REORGANISED)).isEqualTo(2);
    }

    @Test
    void shouldRefuseAFuturePeriodAndAReversedPeriodInVietnamese() {
        assertThatThrownBy(() -> statistics.movements(tree.id("P"), END, START))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("error.statistics.periodReversed");
        assertThatThrownBy(() -> statistics.of(tree.id("P"), LocalDate.of(2999, 1, 1)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("error.statistics.futureDate");
        assertThatThrownBy(() -> statistics.of(tree.id("P"), LocalDate.of(2000, 1, 1)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("error.statistics.unitNotOnDate");
    }

    @Test
    void shouldAnswerStatisticsOnlyWithinTheCallersScopeThroughTheApi() throws Exception {
        admit("Võ Văn Phạm Vi", "X1C1", LocalDate.of(2022, 3, 1));
        String suffix = tree.prefix().toLowerCase();
        accounts.create("r.p." + suffix, "Cán bộ P", PASSWORD, false, List.of(new ScopeGrant(tree.id("P"), Role.VIEWER)));
        accounts.create("r.q." + suffix, "Cán bộ Q", PASSWORD, false, List.of(new ScopeGrant(tree.id("Q"), Role.VIEWER)));
        Http http = Http.on(port);

        HttpResponse<String> own = http.getBasic("/api/v1/units/" + tree.id("P") + "/statistics?asOf=2023-01-01",
                "r.p." + suffix, PASSWORD);
        assertThat(own.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(own.body());
        assertThat(body.get("members").get("total").asLong()).isEqualTo(1);
        assertThat(body.get("members").get("ageBands").get("31–35").asLong()).isEqualTo(1);

        for (String path : List.of("/statistics", "/movements?from=2023-01-01&to=2023-12-31",
                "/admitted?from=2023-01-01&to=2023-12-31")) {
            HttpResponse<String> other = http.getBasic("/api/v1/units/" + tree.id("P") + path, "r.q." + suffix, PASSWORD);
            assertThat(other.statusCode()).as(path).isEqualTo(404);
            assertThat(other.body()).doesNotContain("Thử Nghiệm");
        }
        HttpResponse<String> reversed = http.getBasic("/api/v1/units/" + tree.id("P")
                + "/movements?from=2023-12-31&to=2023-01-01", "r.p." + suffix, PASSWORD);
        assertThat(reversed.statusCode()).isEqualTo(422);
        assertThat(reversed.body()).contains("Kỳ báo cáo không hợp lệ");
    }
}
