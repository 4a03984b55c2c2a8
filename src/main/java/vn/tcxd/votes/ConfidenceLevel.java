package vn.tcxd.votes;

/**
 * The three levels of a confidence ballot (QĐ 262 Art. 7; QĐ 96): tín nhiệm cao, tín nhiệm, tín nhiệm
 * thấp (labels: {@code confidenceLevel.<NAME>}). {@code code} is the letter of the ballot's content.
 */
public enum ConfidenceLevel {
    HIGH('H'),
    CONFIDENCE('C'),
    LOW('L');

    private final char code;

    ConfidenceLevel(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }

    public static ConfidenceLevel ofCode(char c) {
        for (ConfidenceLevel l : values()) {
            if (l.code == c) return l;
        }
        throw new IllegalArgumentException("level " + c);
    }
}
