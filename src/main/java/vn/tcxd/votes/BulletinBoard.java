package vn.tcxd.votes;

import java.util.List;

/**
 * The public record of a session's electronic vote (bảng công bố phiếu), enough for anybody in scope to
 * recompute the tally without trusting the server: the people voted on, the tags of the credentials
 * issued, every cast ballot by its hash with the content the hash covers, the counting board's paper
 * figures and the published tally. Sorted by tag and hash, so the order says nothing about who or when.
 * Format {@value #FORMAT}: see {@link BallotCodec}.
 */
public record BulletinBoard(String format, long sessionId, String sessionName, SessionState state,
                            List<Long> people, List<String> credentialTags, List<Ballot> ballots,
                            VoteSession.PaperCount paper, List<Tally> published) {

    public static final String FORMAT = "tcxd-board-v1";

    public BulletinBoard {
        people = List.copyOf(people);
        credentialTags = List.copyOf(credentialTags);
        ballots = List.copyOf(ballots);
        published = List.copyOf(published);
    }

    /** A cast ballot: its hash (the voter's receipt), the credential's tag, the nonce and the content. */
    public record Ballot(String hash, String credentialTag, String nonce, String content) {
    }

    /** The published counts of a person, electronic and paper together. */
    public record Tally(long memberId, int high, int confidence, int low, int blank) {
    }
}
