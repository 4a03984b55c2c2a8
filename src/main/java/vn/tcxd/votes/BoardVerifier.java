package vn.tcxd.votes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recomputes a session's tally from its bulletin board alone, as any verifier may: every ballot's hash
 * from its content, one ballot per issued credential, only the people voted on, and the published
 * counts equal to the electronic ballots plus the paper counts. Uses nothing but the board.
 */
public final class BoardVerifier {

    private BoardVerifier() {
    }

    /** What the check found: no problems means the board is consistent and the tally recomputes. */
    /** {@code sealed}: ballots whose content the board withholds while the window is open (only their hashes are checked then). */
    public record Report(long sessionId, int ballots, int sealed, List<String> problems, List<BulletinBoard.Tally> recomputed) {

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public static Report verify(BulletinBoard board) {
        List<String> problems = new ArrayList<>();
        if (!BulletinBoard.FORMAT.equals(board.format())) {
            problems.add("unknown format " + board.format());
        }
        Set<String> issued = new HashSet<>(board.credentialTags());
        Set<String> usedTags = new HashSet<>();
        Set<String> hashes = new HashSet<>();
        Set<Long> people = new HashSet<>(board.people());
        Map<Long, int[]> counts = new HashMap<>();
        board.people().forEach(p -> counts.put(p, new int[4]));
        int sealed = 0;
        BallotTally tally = new BallotTally(board.people());
        for (BulletinBoard.Ballot b : board.ballots()) {
            if (b.content() == null) {
                sealed++;
                if (!hashes.add(b.hash())) problems.add("ballot " + b.hash() + " twice");
                if (!issued.contains(b.credentialTag())) problems.add("ballot " + b.hash() + ": credential not issued");
                if (!usedTags.add(b.credentialTag())) problems.add("ballot " + b.hash() + ": credential used twice");
                continue;
            }
            String expected = BallotCodec.hash(board.sessionId(), b.credentialTag(), b.nonce(), b.content());
            if (!expected.equals(b.hash())) problems.add("ballot " + b.hash() + ": hash does not match its content");
            if (!hashes.add(b.hash())) problems.add("ballot " + b.hash() + " twice");
            if (!issued.contains(b.credentialTag())) problems.add("ballot " + b.hash() + ": credential not issued");
            if (!usedTags.add(b.credentialTag())) problems.add("ballot " + b.hash() + ": credential used twice");
            // one pass for a ballot naming every person in order (the server writes them so); any other shape is
            // parsed in full, so that a malformed or incomplete ballot is named
            if (tally.addIfCanonical(b.content())) continue;
            try {
                BallotCodec.parse(b.content());
                problems.add("ballot " + b.hash() + ": does not name exactly the people voted on, in order");
            } catch (IllegalArgumentException e) {
                problems.add("ballot " + b.hash() + ": malformed content");
            }
        }
        tally.counts().forEach((person, c) -> {
            int[] sum = counts.get(person);
            for (int i = 0; i < 4; i++) sum[i] += c[i];
        });
        if (board.paper() != null) {
            int blankBase = board.paper().valid();
            for (VoteSession.PaperTally t : board.paper().tallies()) {
                int[] c = counts.get(t.memberId());
                if (c == null) {
                    problems.add("paper count for someone not voted on: " + t.memberId());
                    continue;
                }
                c[0] += t.high();
                c[1] += t.confidence();
                c[2] += t.low();
                c[3] += blankBase - t.high() - t.confidence() - t.low();
            }
        }
        List<BulletinBoard.Tally> recomputed = board.people().stream().sorted()
                .map(p -> new BulletinBoard.Tally(p, counts.get(p)[0], counts.get(p)[1], counts.get(p)[2], counts.get(p)[3]))
                .toList();
        if (!board.published().isEmpty() && !Set.copyOf(board.published()).equals(Set.copyOf(recomputed))) {
            problems.add("the published tally differs from the board's");
        }
        return new Report(board.sessionId(), board.ballots().size(), sealed, List.copyOf(problems), recomputed);
    }

    /** Whether a voter's receipt is among the counted ballots. */
    public static boolean counted(BulletinBoard board, String receipt) {
        String r = receipt == null ? "" : receipt.strip().toLowerCase(java.util.Locale.ROOT);
        return board.ballots().stream().anyMatch(b -> b.hash().equals(r));
    }
}
