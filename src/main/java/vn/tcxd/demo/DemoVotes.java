package vn.tcxd.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tcxd.cadres.CadreAct;
import vn.tcxd.cadres.Cadres;
import vn.tcxd.cadres.Incumbency;
import vn.tcxd.cadres.Term;
import vn.tcxd.members.Gender;
import vn.tcxd.members.Members;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.UnitSummary;
import vn.tcxd.orgstructure.UnitType;
import vn.tcxd.shared.DecisionRef;
import vn.tcxd.shared.RuleViolation;
import vn.tcxd.shared.VietnameseFormat;
import vn.tcxd.votes.SessionBody;
import vn.tcxd.votes.VoteAct;
import vn.tcxd.votes.VoteSession;
import vn.tcxd.votes.Votes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Lam Sơn's mid-term confidence vote of 2023 under QĐ 96-QĐ/TW, counted on paper as it was then: the
 * provincial committee votes on the province's key titles, and two district committees (the level above
 * the communes until 2025; the demo's communes have no titles before 1/7/2025) on theirs. One deputy
 * commission head planned for a higher title gets more than half low votes, so the planning check of
 * 2025–2030 proposes the removal. A fourth session, of a commune committee today, is left convened with
 * its window open for a month, for a new user to take attendance and vote on a phone.
 */
@Component
class DemoVotes {

    private static final Logger log = LoggerFactory.getLogger(DemoVotes.class);

    static final LocalDate MID_TERM = LocalDate.of(2023, 10, 20);

    private final ObjectProvider<Votes> votesProvider;
    private final ObjectProvider<Cadres> cadresProvider;
    private final Members members;
    private final OrgStructure org;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DemoVotes(ObjectProvider<Votes> votes, ObjectProvider<Cadres> cadres, Members members, OrgStructure org,
              PlatformTransactionManager tm, Clock clock) {
        this.votesProvider = votes;
        this.cadresProvider = cadres;
        this.members = members;
        this.org = org;
        this.transaction = new TransactionTemplate(tm);
        this.clock = clock;
    }

    void load(long lamSon) {
        Votes votes = votesProvider.getIfAvailable();
        Cadres cadres = cadresProvider.getIfAvailable();
        if (votes == null || cadres == null) {
            log.info("Demo data: no votes module in this build, demo confidence votes skipped");
            return;
        }
        if (!votes.sessions(lamSon).isEmpty()) {
            log.info("Demo data: Lam Sơn has confidence votes, not loaded again");
            return;
        }
        long started = System.nanoTime();
        Random random = new Random(20_231_020L);
        Optional<Long> lowOne = plannedDeputyHead(cadres, lamSon);
        int sessions = 0;
        String board = "Ban Thường vụ Tỉnh ủy Lam Sơn";
        if (paperSession(votes, cadres, lamSon, "Lấy phiếu tín nhiệm giữa nhiệm kỳ 2020–2025 đối với các chức danh chủ chốt của Tỉnh ủy",
                new DecisionRef("512-TB/TU", MID_TERM.minusDays(10), board), lowOne.orElse(null), random)) {
            sessions++;
        }
        int districts = 0;
        for (UnitSummary d : org.children(lamSon, MID_TERM)) {
            if (districts == 2) break;
            if (d.type() != UnitType.UPPER_GRASSROOTS || !d.code().matches(".*\\.H\\d\\d")) continue;
            if (paperSession(votes, cadres, d.id(), "Lấy phiếu tín nhiệm giữa nhiệm kỳ 2020–2025 – " + d.name(),
                    new DecisionRef("88-TB/HU", MID_TERM.minusDays(7), "Ban Thường vụ " + d.name().replace("Đảng bộ", "Huyện ủy")),
                    null, random)) {
                districts++;
                sessions++;
            }
        }
        if (openSession(votes, cadres, lamSon)) sessions++;
        log.info("Demo data: {} confidence-vote sessions of Lam Sơn in {} ms", sessions, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * A deputy head of a provincial commission in 2023, young enough, planned in 2023 for a higher title
     * of 2025–2030 (the head of the Inspection Commission has room for a third planned cadre).
     */
    private Optional<Long> plannedDeputyHead(Cadres cadres, long lamSon) {
        LocalDate planned = LocalDate.of(2023, 7, 3);
        DecisionRef decision = new DecisionRef("1450-QĐ/TU", planned, "Ban Thường vụ Tỉnh ủy Lam Sơn");
        for (var post : cadres.posts(lamSon, MID_TERM).posts()) {
            if (!post.title().code().equals("PROVINCIAL.DEPUTY_COMMISSION_HEAD")) continue;
            for (Incumbency holder : post.holders()) {
                var m = members.member(holder.memberId(), MID_TERM).orElse(null);
                if (m == null || m.record().birthDate().getYear() < (m.record().gender() == Gender.MALE ? 1972 : 1975)) continue;
                for (String title : List.of("PROVINCIAL.INSPECTION_HEAD", "PROVINCIAL.FRONT_CHAIR", "PROVINCIAL.OFFICE_CHIEF")) {
                    try {
                        transaction.executeWithoutResult(s -> cadres.apply(new CadreAct.AddToPlan("LOCAL_2025_2030", lamSon, title,
                                holder.memberId(), planned, decision)));
                        return Optional.of(holder.memberId());
                    } catch (RuleViolation e) {
                        // the cap or the age rule: try the next title or cadre
                    }
                }
            }
        }
        log.info("Demo data: no deputy commission head could be planned; the low-confidence example is skipped");
        return Optional.empty();
    }

    /** A 2023 session counted on paper: all but two present, the counts drawn, one person over half low. */
    private boolean paperSession(Votes votes, Cadres cadres, long unitId, String name, DecisionRef convening, Long lowOne,
                                 Random random) {
        Optional<Term> term = cadres.terms(unitId).stream().filter(t -> t.covers(MID_TERM)).findFirst();
        if (term.isEmpty()) return false;
        List<Long> holders = new ArrayList<>();
        Set<Long> people = new HashSet<>();
        for (var post : cadres.posts(unitId, MID_TERM).posts()) {
            if (post.title().rank() > 5) continue;
            for (Incumbency h : post.holders()) {
                if (people.add(h.memberId())) holders.add(h.id());
            }
        }
        if (holders.isEmpty()) return false;
        Instant opens = MID_TERM.atTime(LocalTime.of(8, 0)).atZone(VietnameseFormat.ZONE).toInstant();
        return transaction.execute(tx -> {
            long s = votes.convene(new VoteAct.Convene(unitId, SessionBody.COMMITTEE, name, MID_TERM, opens,
                    opens.plus(Duration.ofHours(3)), holders, null, convening));
            VoteSession session = votes.session(s).orElseThrow();
            List<Long> voters = session.voters().stream().map(VoteSession.Voter::memberId).toList();
            Set<Long> present = new HashSet<>(voters.subList(0, voters.size() - 2));
            List<Long> here = new ArrayList<>(present);
            votes.takeAttendance(new VoteAct.TakeAttendance(s, present, present, here.get(0), Set.of(here.get(1), here.get(2))));
            int collected = present.size();
            int invalid = 1;
            int valid = collected - invalid;
            List<VoteSession.PaperTally> tallies = new ArrayList<>();
            for (VoteSession.Candidate c : session.candidates()) {
                if (lowOne != null && c.memberId() == lowOne) {
                    // more than half of those convened: the rule set's denominator
                    int low = voters.size() / 2 + 3;
                    int high = 4;
                    tallies.add(new VoteSession.PaperTally(c.memberId(), high, valid - low - high, low));
                } else {
                    int low = random.nextInt(3);
                    int confidence = valid / 10 + random.nextInt(Math.max(1, valid / 5));
                    tallies.add(new VoteSession.PaperTally(c.memberId(), valid - low - confidence, confidence, low));
                }
            }
            votes.recordPaperCount(new VoteAct.RecordPaperCount(s, new VoteSession.PaperCount(collected, 0, 0, 0, invalid, tallies)));
            votes.conclude(new VoteAct.Conclude(s, MID_TERM.plusDays(3),
                    new DecisionRef("520-BC/TU", MID_TERM.plusDays(3), convening.issuingBody())));
            return true;
        });
    }

    /** Today's session of a commune committee, convened with a month to vote: for trying the electronic ballot. */
    private boolean openSession(Votes votes, Cadres cadres, long lamSon) {
        LocalDate today = LocalDate.now(clock);
        for (UnitSummary u : org.children(lamSon, today)) {
            if (u.type() != UnitType.UPPER_GRASSROOTS || !u.code().matches(".*\\.X\\d\\d")) continue;
            if (cadres.terms(u.id()).stream().noneMatch(t -> t.covers(today))) continue;
            List<Long> holders = new ArrayList<>();
            Set<Long> people = new HashSet<>();
            for (var post : cadres.posts(u.id(), today).posts()) {
                if (post.title().rank() > 2) continue;
                for (Incumbency h : post.holders()) {
                    if (people.add(h.memberId())) holders.add(h.id());
                }
            }
            if (holders.isEmpty()) continue;
            Instant now = clock.instant();
            String body = "Ban Thường vụ " + u.name().replace("Đảng bộ", "Đảng ủy");
            transaction.executeWithoutResult(tx -> votes.convene(new VoteAct.Convene(u.id(), SessionBody.COMMITTEE,
                    "Lấy phiếu tín nhiệm thử nghiệm bằng phiếu điện tử – " + u.name(), today, now, now.plus(Duration.ofDays(30)),
                    holders, null, new DecisionRef("15-TB/ĐU", today, body))));
            return true;
        }
        return false;
    }
}
