package vn.tcxd.reports;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Members counted by every {@link Dimension}: {@code total} members on the roll (đảng số:
 * probationary and full), and for each dimension how many have each key. Immutable.
 */
public record MemberTally(long total, Map<Dimension, Map<String, Long>> counts) {

    /** The key of a blank field (e.g. no academic title). */
    public static final String NONE = "";
    public static final String EXEMPT = "EXEMPT";
    /** On temporary transfer elsewhere (sinh hoạt tạm thời nơi khác), still on the home roll. */
    public static final String AWAY = "AWAY";
    /** A permanent transfer letter is out, not yet received; still counted here. */
    public static final String IN_TRANSIT = "IN_TRANSIT";

    public static final MemberTally EMPTY = new MemberTally(0, Map.of());

    public MemberTally {
        EnumMap<Dimension, Map<String, Long>> copy = new EnumMap<>(Dimension.class);
        counts.forEach((dimension, byKey) -> {
            Map<String, Long> nonZero = new TreeMap<>();
            byKey.forEach((key, n) -> {
                if (n != 0) nonZero.put(key, n);
            });
            if (!nonZero.isEmpty()) copy.put(dimension, Map.copyOf(nonZero));
        });
        counts = Map.copyOf(copy);
    }

    public long count(Dimension dimension, String key) {
        return counts.getOrDefault(dimension, Map.of()).getOrDefault(key, 0L);
    }

    /** Counts of one dimension by key (codes in their natural order). */
    public Map<String, Long> by(Dimension dimension) {
        return new TreeMap<>(counts.getOrDefault(dimension, Map.of()));
    }

    public long probationary() {
        return count(Dimension.STATUS, "PROBATIONARY");
    }

    public long full() {
        return count(Dimension.STATUS, "FULL");
    }

    public long female() {
        return count(Dimension.GENDER, "FEMALE");
    }

    public long exempt() {
        return count(Dimension.FLAG, EXEMPT);
    }

    public long away() {
        return count(Dimension.FLAG, AWAY);
    }

    public long inTransit() {
        return count(Dimension.FLAG, IN_TRANSIT);
    }

    /** This tally plus {@code other}, key by key. */
    public MemberTally plus(MemberTally other) {
        return combine(other, 1);
    }

    public MemberTally minus(MemberTally other) {
        return combine(other, -1);
    }

    private MemberTally combine(MemberTally other, int sign) {
        EnumMap<Dimension, Map<String, Long>> sum = new EnumMap<>(Dimension.class);
        counts.forEach((d, m) -> sum.put(d, new TreeMap<>(m)));
        other.counts.forEach((d, m) -> m.forEach((k, n) ->
                sum.computeIfAbsent(d, x -> new TreeMap<>()).merge(k, sign * n, Long::sum)));
        return new MemberTally(total + sign * other.total, sum);
    }
}
