package vn.tcxd.votes;


import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts ballot contents per person and level (high, confidence, low, blank), with the same result as
 * counting {@link BallotCodec#parse} of each content, for the people given (others are ignored).
 * A performance shortcut: the tally of a province committee is 2,000 ballots × 200 people, and a map per
 * ballot made parsing most of {@code results()} (docs/performance.md, "Confidence votes"). A content the
 * server wrote lists every person voted on in ascending id order, so it is read in one pass against the
 * sorted ids; a content of any other shape is counted through {@link BallotCodec#parse}, which also keeps
 * refusing a malformed one.
 */
public final class BallotTally {

    private final long[] ids;
    private final int[][] counts;
    private final int[] scratch;

    public BallotTally(Collection<Long> people) {
        ids = people.stream().mapToLong(Long::longValue).distinct().sorted().toArray();
        counts = new int[ids.length][4];
        scratch = new int[ids.length];
    }

    public void add(String content) {
        if (!addIfCanonical(content)) {
            BallotCodec.parse(content).forEach((p, level) -> {
                int i = Arrays.binarySearch(ids, p);
                if (i >= 0) counts[i][level == null ? 3 : level.ordinal()]++;
            });
        }
    }

    /**
     * Counts a content of exactly {@code id=L;id=L…} over the sorted ids, that is one naming every person
     * once in order; false, counting nothing, otherwise.
     */
    public boolean addIfCanonical(String content) {
        int pos = 0;
        int n = content.length();
        for (int k = 0; k < ids.length; k++) {
            if (k > 0) {
                if (pos >= n || content.charAt(pos) != ';') return false;
                pos++;
            }
            long id = 0;
            int start = pos;
            while (pos < n && content.charAt(pos) >= '0' && content.charAt(pos) <= '9' && pos - start < 18) {
                id = id * 10 + (content.charAt(pos) - '0');
                pos++;
            }
            if (pos == start || id != ids[k]) return false;
            if (pos + 1 >= n || content.charAt(pos) != '=') return false;
            int level = switch (content.charAt(pos + 1)) {
                case 'H' -> ConfidenceLevel.HIGH.ordinal();
                case 'C' -> ConfidenceLevel.CONFIDENCE.ordinal();
                case 'L' -> ConfidenceLevel.LOW.ordinal();
                case '-' -> 3;
                default -> -1;
            };
            if (level < 0) return false;
            scratch[k] = level;
            pos += 2;
        }
        if (pos != n) return false;
        for (int k = 0; k < ids.length; k++) counts[k][scratch[k]]++;
        return true;
    }

    /** Per person: high, confidence, low, blank. */
    public Map<Long, int[]> counts() {
        Map<Long, int[]> out = new HashMap<>();
        for (int k = 0; k < ids.length; k++) out.put(ids[k], counts[k].clone());
        return out;
    }
}
