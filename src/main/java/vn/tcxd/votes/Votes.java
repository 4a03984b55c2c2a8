package vn.tcxd.votes;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Facade of confidence votes. Reads do not check the caller's scope; the web layer does. Casting and
 * checking a receipt are anonymous by design: they take the credential or receipt and nothing else.
 */
public interface Votes {

    List<VoteRuleSet> ruleSets();

    /** The rule set valid on a date (QĐ 262 before 02/02/2023, QĐ 96 from that day). */
    VoteRuleSet ruleSetOn(LocalDate date);

    /** The sessions held by a unit's bodies, newest first. */
    List<VoteSession.Summary> sessions(long unitId);

    /** Every session of every unit, newest first (the web layer keeps those in the caller's scope). */
    List<VoteSession.Summary> allSessions();

    Optional<VoteSession> session(long sessionId);

    long convene(VoteAct.Convene act);

    /** Takes attendance and returns the credentials issued, shown once and never stored. */
    IssuedCredentials takeAttendance(VoteAct.TakeAttendance act);

    void recordPaperCount(VoteAct.RecordPaperCount act);

    void conclude(VoteAct.Conclude act);

    /**
     * The result: frozen once concluded; before that computed as the board and paper count stand, once
     * the window has closed. Refused without quorum (the reason in the message) or while ballots may
     * still be cast.
     */
    VoteResults results(long sessionId);

    BulletinBoard board(long sessionId);

    /** The ballot a credential opens: the session and the people voted on. Refused like {@link #cast}. */
    OpenBallot openBallot(String credential);

    /**
     * Casts a ballot with a credential: one level or a blank per person voted on. Returns the receipt,
     * the ballot's hash. Refused for an unknown or used credential, outside the window, or naming someone
     * not voted on; nothing is written then, and nothing links the ballot to a voter when it is.
     */
    String cast(String credential, Map<Long, ConfidenceLevel> choices);

    /** The session whose board holds the receipt, if any. */
    Optional<ReceiptCheck> receipt(String receipt);

    /** The counting minutes (biên bản kiểm phiếu) as a party-document PDF; refused before a result exists. */
    byte[] minutes(long sessionId);

    /** Credentials of a session: the codes, in random order, to be printed on slips and handed out. */
    record IssuedCredentials(long sessionId, List<String> codes, int paperBallots) {
        public IssuedCredentials {
            codes = List.copyOf(codes);
        }
    }

    record OpenBallot(long sessionId, String sessionName, String unitName, java.time.Instant closesAt,
                      List<VoteSession.Candidate> candidates) {
        public OpenBallot {
            candidates = List.copyOf(candidates);
        }
    }

    /**
     * What a voter may learn from a receipt: the session and, once it is concluded, only the totals
     * ({@code convened}, {@code present}, {@code ballots} valid, electronic and paper), never a person's result.
     */
    record ReceiptCheck(long sessionId, String sessionName, SessionState state, Integer convened, Integer present,
                        Integer ballots) {
    }
}
