package vn.tcxd.votes;

import org.springframework.jdbc.core.simple.JdbcClient;
import vn.tcxd.cadres.CadreAct;
import vn.tcxd.cadres.Cadres;
import vn.tcxd.cadres.CommitteeRole;
import vn.tcxd.cadres.IncumbencyKind;
import vn.tcxd.cadres.SeatEntry;
import vn.tcxd.members.Gender;
import vn.tcxd.members.MemberAct;
import vn.tcxd.members.MemberMother;
import vn.tcxd.members.Members;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.TreeFixture;
import vn.tcxd.shared.DecisionRef;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A province of the standard tree with its committee of the 2025–2030 term seated ({@code size} members,
 * the first three the secretary, a deputy and the Front chair (a standing member), each holding that title), ready for a
 * confidence vote today with a window open from an hour ago to an hour ahead.
 */
public final class VoteFixture {

    static final LocalDate CONGRESS = LocalDate.of(2025, 10, 10);
    static final DecisionRef CONVENING = new DecisionRef("45-TB/TU", LocalDate.of(2026, 11, 20), "Ban Thường vụ Tỉnh ủy");
    static final DecisionRef PUBLISHED = new DecisionRef("46-BC/TU", LocalDate.of(2026, 12, 1), "Ban Thường vụ Tỉnh ủy");

    public final TreeFixture tree;
    public final List<Long> committee = new ArrayList<>();
    public final List<Long> incumbencies = new ArrayList<>();
    public final long termId;
    private final Votes votes;
    private final JdbcClient jdbc;
    private final Clock clock;

    public VoteFixture(OrgStructure org, Members members, Cadres cadres, Votes votes, JdbcClient jdbc, Clock clock, int size) {
        this.votes = votes;
        this.jdbc = jdbc;
        this.clock = clock;
        tree = TreeFixture.standard(org);
        termId = cadres.apply(new CadreAct.OpenTerm(tree.id("P"), "2025–2030", CONGRESS, CONGRESS.plusYears(5), true,
                "Đại hội đại biểu Đảng bộ tỉnh lần thứ XXI", CONGRESS, 300,
                new DecisionRef("1500-QĐ/TW", CONGRESS.plusDays(10), "Ban Bí thư")));
        DecisionRef elected = new DecisionRef("01-NQ/ĐH", CONGRESS, "Đại hội đại biểu Đảng bộ tỉnh lần thứ XXI");
        String[] titles = {"PROVINCIAL.SECRETARY", "PROVINCIAL.DEPUTY_SECRETARY", "PROVINCIAL.FRONT_CHAIR"};
        CommitteeRole[] roles = {CommitteeRole.SECRETARY, CommitteeRole.DEPUTY_SECRETARY, CommitteeRole.STANDING};
        for (int i = 0; i < size; i++) {
            long m = members.apply(new MemberAct.Admit(MemberMother.record("Ủy Viên " + (char) ('A' + i) + " " + tree.prefix(),
                    i % 3 == 0 ? Gender.FEMALE : Gender.MALE, LocalDate.of(1975 + i % 10, 1 + i % 12, 1 + i)), tree.id("X1C1"),
                    LocalDate.of(2016, 5, 19), MemberMother.decision("3-QĐ/HU", LocalDate.of(2016, 5, 19))));
            committee.add(m);
            cadres.apply(new CadreAct.JoinCommittee(termId, m, i < 3 ? roles[i] : CommitteeRole.MEMBER, SeatEntry.ELECTED,
                    CONGRESS, elected));
            if (i < 3) {
                incumbencies.add(cadres.apply(new CadreAct.Appoint(tree.id("P"), titles[i], m, IncumbencyKind.ELECTED, CONGRESS,
                        null, null, elected)));
            }
        }
    }

    public long unit() {
        return tree.id("P");
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public long convene(String name) {
        Instant now = clock.instant();
        return votes.convene(new VoteAct.Convene(unit(), SessionBody.COMMITTEE, name + " " + tree.prefix(), today(),
                now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)), incumbencies, null, CONVENING));
    }

    /** Time passes: the session's window has closed. */
    public void closeWindow(long sessionId) {
        jdbc.sql("update votes.session set closes_at = now() - interval '1 second', opens_at = now() - interval '2 hours' where id = ?")
                .param(sessionId).update();
    }
}
