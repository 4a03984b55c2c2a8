package vn.tcxd.demo;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.tcxd.IntegrationTest;
import vn.tcxd.cadres.Cadres;
import vn.tcxd.cadres.RemovalReason;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.votes.BoardVerifier;
import vn.tcxd.votes.SessionState;
import vn.tcxd.votes.VoteOutcome;
import vn.tcxd.votes.VoteResults;
import vn.tcxd.votes.VoteSession;
import vn.tcxd.votes.Votes;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's confidence votes: Lam Sơn's mid-term vote of 2023 under QĐ 96, concluded, with one person
 * over half low whose planning shows the proposal; and today's session left open for trying.
 */
@IntegrationTest
class DemoVotesTests {

    @Autowired
    Votes votes;

    @Autowired
    Cadres cadres;

    @Autowired
    OrgStructure org;

    @Test
    @DisplayName("Lấy phiếu giữa nhiệm kỳ 2023 của Lam Sơn theo QĐ 96: có mặt đủ 2/3, một người trên 1/2 phiếu thấp, quy hoạch đề xuất đưa ra")
    void shouldHoldTheMidTermVoteOf2023WithItsConsequenceInPlanning() {
        long lamSon = org.idOfCode("LS").orElseThrow();
        List<VoteSession.Summary> sessions = votes.sessions(lamSon);
        VoteSession.Summary midTerm = sessions.stream().filter(s -> s.heldOn().equals(DemoVotes.MID_TERM)).findFirst().orElseThrow();
        assertThat(midTerm.state()).isEqualTo(SessionState.CONCLUDED);
        assertThat(midTerm.ruleSetCode()).isEqualTo("QD96-2023");
        assertThat(midTerm.present() * 3).isGreaterThanOrEqualTo(midTerm.convened() * 2);

        VoteResults r = votes.results(midTerm.id());
        assertThat(r.concluded()).isTrue();
        assertThat(r.base()).isEqualTo(midTerm.convened());
        VoteResults.PersonResult low = r.people().stream().filter(p -> p.outcome() == VoteOutcome.REMOVAL).findFirst().orElseThrow();
        assertThat(low.low() * 2).isGreaterThan(r.base());
        assertThat(BoardVerifier.verify(votes.board(midTerm.id())).ok()).isTrue();
        assertThat(votes.minutes(midTerm.id())).isNotEmpty();

        assertThat(cadres.planCheck(lamSon, "LOCAL_2025_2030", DemoVotes.MID_TERM.plusDays(10)).removals())
                .anySatisfy(x -> {
                    assertThat(x.reason()).isEqualTo(RemovalReason.LOW_CONFIDENCE);
                    assertThat(x.entry().memberId()).isEqualTo(low.memberId());
                });
        // two districts voted on their key titles too, and today's commune session is open for trying
        long districts = org.children(lamSon, DemoVotes.MID_TERM).stream()
                .filter(u -> votes.sessions(u.id()).stream().anyMatch(s -> s.heldOn().equals(DemoVotes.MID_TERM))).count();
        assertThat(districts).isEqualTo(2);
        assertThat(org.children(lamSon, java.time.LocalDate.now()).stream()
                .flatMap(u -> votes.sessions(u.id()).stream()).filter(s -> s.state() == SessionState.SETUP)).isNotEmpty();
    }
}
