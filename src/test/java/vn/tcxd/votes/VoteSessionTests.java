package vn.tcxd.votes;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.tcxd.IntegrationTest;
import vn.tcxd.cadres.CadreAct;
import vn.tcxd.cadres.Cadres;
import vn.tcxd.cadres.PlanCheck;
import vn.tcxd.cadres.RemovalReason;
import vn.tcxd.members.Members;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.shared.DecisionRef;
import vn.tcxd.shared.RuleViolation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static vn.tcxd.votes.ConfidenceLevel.CONFIDENCE;
import static vn.tcxd.votes.ConfidenceLevel.HIGH;
import static vn.tcxd.votes.ConfidenceLevel.LOW;

/**
 * A confidence vote from convening to the published result, on the real database: quorum, credentials,
 * electronic and paper ballots adding up, the board recomputing the tally, the outcome reaching the
 * planning, and every bad input refused in Vietnamese with nothing written.
 */
@IntegrationTest
class VoteSessionTests {

    @Autowired
    Votes votes;

    @Autowired
    Cadres cadres;

    @Autowired
    Members members;

    @Autowired
    OrgStructure org;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    VoteFixture f;

    @BeforeEach
    void setUp() {
        f = new VoteFixture(org, members, cadres, votes, jdbc, clock, 9);
    }

    private static RuleViolation violation(Runnable act) {
        try {
            act.run();
        } catch (RuleViolation e) {
            return e;
        }
        throw new AssertionError("no rule violation");
    }

    private long a() {
        return f.committee.get(0);
    }

    private long b() {
        return f.committee.get(1);
    }

    private long c() {
        return f.committee.get(2);
    }

    private static Map<Long, ConfidenceLevel> ballot(Object... pairs) {
        Map<Long, ConfidenceLevel> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) m.put((Long) pairs[i], (ConfidenceLevel) pairs[i + 1]);
        }
        return m;
    }

    @Test
    @DisplayName("Phiếu điện tử và phiếu giấy của một đợt cộng thành một kết quả; trên 1/2 phiếu thấp (5/9) thì đưa ra khỏi quy hoạch")
    void shouldAddPaperAndElectronicBallotsIntoOneResultAndProposeRemovalFromPlanning() {
        // the Front chair is planned for head of the Organisation Commission before the vote
        DecisionRef planning = new DecisionRef("120-QĐ/TU", LocalDate.of(2026, 3, 2), "Ban Thường vụ Tỉnh ủy");
        cadres.apply(new CadreAct.AddToPlan("LOCAL_2030_2035", f.unit(), "PROVINCIAL.ORGANISATION_HEAD", c(), planning.date(), planning));

        long s = f.convene("Lấy phiếu tín nhiệm giữa nhiệm kỳ");
        List<Long> all = f.committee;
        Set<Long> paper = Set.of(all.get(6), all.get(7), all.get(8));
        Votes.IssuedCredentials issued = votes.takeAttendance(new VoteAct.TakeAttendance(s, Set.copyOf(all), paper,
                all.get(3), Set.of(all.get(4), all.get(5))));
        assertThat(issued.codes()).hasSize(6).doesNotHaveDuplicates();
        assertThat(issued.paperBallots()).isEqualTo(3);

        List<Map<Long, ConfidenceLevel>> ballots = List.of(
                ballot(a(), HIGH, b(), HIGH, c(), LOW),
                ballot(a(), HIGH, b(), HIGH, c(), LOW),
                ballot(a(), HIGH, b(), HIGH, c(), LOW),
                ballot(a(), HIGH, b(), CONFIDENCE, c(), LOW),
                ballot(a(), HIGH, b(), CONFIDENCE, c(), CONFIDENCE),
                ballot(a(), HIGH, b(), CONFIDENCE, c(), null));
        List<String> receipts = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) receipts.add(votes.cast(issued.codes().get(i), ballots.get(i)));
        assertThat(receipts).allSatisfy(r -> assertThat(r).matches("[0-9a-f]{64}"));
        assertThat(votes.receipt(receipts.getFirst())).hasValueSatisfying(r -> assertThat(r.sessionId()).isEqualTo(s));

        // while the window is open there is no result, and the board shows only hashes
        assertThat(violation(() -> votes.results(s)).messageKey()).isEqualTo("error.vote.windowOpen");
        assertThat(votes.board(s).ballots()).hasSize(6).allSatisfy(b -> assertThat(b.content()).isNull());

        votes.recordPaperCount(new VoteAct.RecordPaperCount(s, new VoteSession.PaperCount(3, 0, 0, 0, 0, List.of(
                new VoteSession.PaperTally(a(), 2, 1, 0), new VoteSession.PaperTally(b(), 1, 1, 0),
                new VoteSession.PaperTally(c(), 1, 1, 1)))));
        f.closeWindow(s);

        VoteResults r = votes.results(s);
        assertThat(r.concluded()).isFalse();
        assertThat(r.base()).isEqualTo(9);
        assertThat(r.ballots()).isEqualTo(9);
        assertThat(r.people()).extracting(VoteResults.PersonResult::memberId, VoteResults.PersonResult::high,
                        VoteResults.PersonResult::confidence, VoteResults.PersonResult::low, VoteResults.PersonResult::blank,
                        VoteResults.PersonResult::outcome)
                .containsExactly(
                        tuple(a(), 8, 1, 0, 0, VoteOutcome.NONE),
                        tuple(b(), 4, 4, 0, 1, VoteOutcome.NONE),
                        tuple(c(), 1, 2, 5, 1, VoteOutcome.REMOVAL));
        assertThat(r.people().get(2).lowPct()).hasToString("55.56");

        // anybody in scope recomputes the same tally from the board alone
        BoardVerifier.Report report = BoardVerifier.verify(votes.board(s));
        assertThat(report.problems()).isEmpty();
        assertThat(report.recomputed()).contains(new BulletinBoard.Tally(c(), 1, 2, 5, 1));
        assertThat(receipts).allSatisfy(receipt -> assertThat(BoardVerifier.counted(votes.board(s), receipt)).isTrue());

        votes.conclude(new VoteAct.Conclude(s, f.today(), VoteFixture.PUBLISHED));
        assertThat(votes.results(s).concluded()).isTrue();
        assertThat(BoardVerifier.verify(votes.board(s)).ok()).isTrue();
        assertThat(votes.session(s)).hasValueSatisfying(x -> assertThat(x.state()).isEqualTo(SessionState.CONCLUDED));

        PlanCheck check = cadres.planCheck(f.unit(), "LOCAL_2030_2035", f.today());
        assertThat(check.removals()).filteredOn(x -> x.entry().memberId() == c()).singleElement().satisfies(x -> {
            assertThat(x.reason()).isEqualTo(RemovalReason.LOW_CONFIDENCE);
            assertThat(x.vote().low()).isEqualTo(5);
            assertThat(x.vote().base()).isEqualTo(9);
            assertThat(x.vote().dismissal()).isFalse();
            assertThat(x.legalBasis()).contains("96-QĐ/TW");
        });

        assertThat(cadres.file(c(), f.today()).orElseThrow().confidenceVotes()).singleElement().satisfies(v -> {
            assertThat(v.low()).isEqualTo(5);
            assertThat(v.removal()).isTrue();
            assertThat(v.dismissal()).isFalse();
        });
        assertThat(cadres.file(a(), f.today()).orElseThrow().confidenceVotes()).singleElement()
                .satisfies(v -> assertThat(v.removal()).isFalse());

        byte[] pdf = votes.minutes(s);
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        try {
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "exports"));
            java.nio.file.Files.write(java.nio.file.Path.of("target", "exports", "bien-ban-kiem-phieu.pdf"), pdf);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(violation(() -> votes.conclude(new VoteAct.Conclude(s, f.today(), VoteFixture.PUBLISHED))).messageKey())
                .isEqualTo("error.vote.concluded");
    }

    @Test
    @DisplayName("Phiếu không có mã hợp lệ, phiếu thứ hai cùng mã, phiếu ngoài giờ, phiếu ghi người ngoài danh sách: đều bị từ chối, không ghi gì")
    void shouldRefuseBadBallotsAndWriteNothing() {
        long s = f.convene("Lấy phiếu");
        Votes.IssuedCredentials issued = votes.takeAttendance(new VoteAct.TakeAttendance(s, Set.copyOf(f.committee), Set.of(),
                null, Set.of()));
        String code = issued.codes().getFirst();
        assertThat(violation(() -> votes.cast("ABCDE-FGHJK-MNPQR-STVWX", ballot(a(), HIGH))).messageKey())
                .isEqualTo("error.vote.credentialInvalid");
        assertThat(violation(() -> votes.cast("not a code", ballot(a(), HIGH))).messageKey()).isEqualTo("error.vote.credentialInvalid");
        long outsider = f.committee.get(5);
        assertThat(violation(() -> votes.cast(code, ballot(a(), HIGH, outsider, LOW))).messageKey()).isEqualTo("error.vote.notVotedOn");
        assertThat(votes.board(s).ballots()).isEmpty();

        votes.cast(code.toLowerCase().replace("-", " "), ballot(a(), HIGH));
        assertThat(violation(() -> votes.cast(code, ballot(a(), LOW))).messageKey()).isEqualTo("error.vote.credentialUsed");
        assertThat(votes.board(s).ballots()).hasSize(1);

        f.closeWindow(s);
        assertThat(violation(() -> votes.cast(issued.codes().get(1), ballot(a(), LOW))).messageKey()).isEqualTo("error.vote.outsideWindow");
        jdbc.sql("update votes.session set opens_at = now() + interval '1 hour', closes_at = now() + interval '2 hours' where id = ?")
                .param(s).update();
        assertThat(violation(() -> votes.cast(issued.codes().get(1), ballot(a(), LOW))).messageKey()).isEqualTo("error.vote.outsideWindow");
        assertThat(votes.board(s).ballots()).hasSize(1);
    }

    @Test
    @DisplayName("Ban kiểm phiếu nhập số phiếu giấy vượt số đã phát: bị từ chối, không ghi gì")
    void shouldRefusePaperCountsOverTheBallotsIssued() {
        long s = f.convene("Lấy phiếu giấy");
        votes.takeAttendance(new VoteAct.TakeAttendance(s, Set.copyOf(f.committee), Set.of(f.committee.get(7), f.committee.get(8)),
                null, Set.of()));
        RuleViolation e = violation(() -> votes.recordPaperCount(new VoteAct.RecordPaperCount(s,
                new VoteSession.PaperCount(3, 0, 0, 0, 0, List.of()))));
        assertThat(e.messageKey()).isEqualTo("error.vote.collectedOverIssued");
        assertThat(e.args()).containsExactly(3, 2);
        e = violation(() -> votes.recordPaperCount(new VoteAct.RecordPaperCount(s,
                new VoteSession.PaperCount(2, 0, 0, 0, 0, List.of(new VoteSession.PaperTally(a(), 2, 1, 0))))));
        assertThat(e.messageKey()).isEqualTo("error.vote.countsOverValid");
        assertThat(votes.session(s).orElseThrow().paperCount()).isNull();
    }

    @Test
    @DisplayName("QĐ 96: có mặt 5/9 (dưới 2/3) thì không phát phiếu, đợt không có kết quả và nói rõ lý do; 6/9 thì đủ")
    void shouldGiveNoResultWithoutQuorum() {
        long s = f.convene("Thiếu số lượng");
        Votes.IssuedCredentials issued = votes.takeAttendance(new VoteAct.TakeAttendance(s, Set.copyOf(f.committee.subList(0, 5)),
                Set.of(), null, Set.of()));
        assertThat(issued.codes()).isEmpty();
        f.closeWindow(s);
        RuleViolation e = violation(() -> votes.results(s));
        assertThat(e.messageKey()).isEqualTo("error.vote.noQuorum");
        assertThat(e.args()).containsExactly(5, 9, "2/3");
        assertThat(violation(() -> votes.conclude(new VoteAct.Conclude(s, f.today(), VoteFixture.PUBLISHED))).messageKey())
                .isEqualTo("error.vote.noQuorum");
        assertThat(jdbc.sql("select count(*) from votes.credential where session_id = ?").param(s).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from votes.voter where session_id = ? and credential_received").param(s)
                .query(Long.class).single()).isZero();

        long enough = f.convene("Đủ số lượng");
        assertThat(votes.takeAttendance(new VoteAct.TakeAttendance(enough, Set.copyOf(f.committee.subList(0, 6)), Set.of(), null,
                Set.of())).codes()).hasSize(6);
        f.closeWindow(enough);
        assertThat(votes.results(enough).present()).isEqualTo(6);
    }

    @Test
    @DisplayName("Bộ quy định theo ngày: QĐ 262 đến 01/02/2023, QĐ 96 từ 02/02/2023; đợt lấy phiếu giữ quy định của ngày tổ chức")
    void shouldSwitchTheRuleSetOnTheSecondOfFebruary2023() {
        assertThat(votes.ruleSetOn(LocalDate.of(2023, 2, 1)).code()).isEqualTo("QD262-2014");
        assertThat(votes.ruleSetOn(LocalDate.of(2023, 2, 2)).code()).isEqualTo("QD96-2023");
        assertThat(votes.ruleSetOn(LocalDate.of(2023, 2, 1)).dismissal()).isNull();
        assertThat(votes.ruleSetOn(LocalDate.of(2023, 2, 2)).dismissal()).isEqualTo(
                new VoteRuleSet.Threshold(2, 3, VoteRuleSet.Comparison.GE));
        assertThat(votes.session(f.convene("Hôm nay")).orElseThrow().ruleSetCode()).isEqualTo("QD96-2023");
    }

    @Test
    @DisplayName("Tỷ lệ tính trên số có mặt khi cấu hình: 4 phiếu thấp trên 7 người có mặt là trên 1/2, trên 9 người triệu tập thì không")
    void shouldUseTheConfiguredDenominator() {
        Instant now = clock.instant();
        long s = votes.convene(new VoteAct.Convene(f.unit(), SessionBody.COMMITTEE, "Theo số có mặt " + f.tree.prefix(), f.today(),
                now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)), List.of(f.incumbencies.get(2)),
                VoteRuleSet.Denominator.PRESENT, VoteFixture.CONVENING));
        Votes.IssuedCredentials issued = votes.takeAttendance(new VoteAct.TakeAttendance(s, Set.copyOf(f.committee.subList(0, 7)),
                Set.of(), null, Set.of()));
        for (int i = 0; i < 7; i++) votes.cast(issued.codes().get(i), ballot(c(), i < 4 ? LOW : HIGH));
        f.closeWindow(s);
        VoteResults r = votes.results(s);
        assertThat(r.base()).isEqualTo(7);
        assertThat(r.people().getFirst().outcome()).isEqualTo(VoteOutcome.REMOVAL);
    }

    @Test
    @DisplayName("QĐ 96: một cán bộ được lấy phiếu tối đa 2 nơi trong năm; nơi thứ ba bị từ chối")
    void shouldRefuseAThirdPlaceInAYear() {
        f.convene("Nơi thứ nhất");
        f.convene("Nơi thứ hai");
        assertThat(violation(() -> f.convene("Nơi thứ ba")).messageKey()).isEqualTo("error.vote.tooManyPlaces");
    }

    @Test
    @DisplayName("Bảng công bố bị sửa trong cơ sở dữ liệu (đổi nội dung một phiếu): lệnh kiểm tra chỉ ra đúng phiếu đó")
    void shouldNameATamperedBallotOnTheBoard() {
        long s = f.convene("Kiểm tra bảng");
        Votes.IssuedCredentials issued = votes.takeAttendance(new VoteAct.TakeAttendance(s, Set.copyOf(f.committee), Set.of(),
                null, Set.of()));
        String honest = votes.cast(issued.codes().get(0), ballot(a(), HIGH, b(), HIGH, c(), HIGH));
        String tampered = votes.cast(issued.codes().get(1), ballot(a(), HIGH, b(), HIGH, c(), LOW));
        f.closeWindow(s);
        assertThat(BoardVerifier.verify(votes.board(s)).ok()).isTrue();

        // an administrator turns a low vote into a high one, directly in the table
        jdbc.sql("update votes.ballot set content = replace(content, '=L', '=H') where hash = ?").param(tampered).update();
        BoardVerifier.Report report = BoardVerifier.verify(votes.board(s));
        assertThat(report.ok()).isFalse();
        assertThat(report.problems()).singleElement().asString().contains(tampered, "hash does not match");
        assertThat(report.problems()).noneMatch(p -> p.contains(honest));
    }
}
