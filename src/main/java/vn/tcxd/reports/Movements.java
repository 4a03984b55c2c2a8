package vn.tcxd.reports;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * Movements of a unit's subtree in [{@code from}, {@code to}] (both inclusive): the roll at the end
 * of the day before {@code from}, the movements, the roll at the end of {@code to}. Always
 * {@code opening + increases − decreases + reorganised = closing}: the reorganisation line is the
 * net effect of cells moving in or out of the subtree with their members.
 */
public record Movements(long unitId, LocalDate from, LocalDate to, long opening, Map<MovementKind, Long> counts,
                        long closing) {

    public Movements {
        EnumMap<MovementKind, Long> all = new EnumMap<>(MovementKind.class);
        for (MovementKind kind : MovementKind.values()) all.put(kind, counts.getOrDefault(kind, 0L));
        counts = Map.copyOf(all);
    }

    public long count(MovementKind kind) {
        return counts.get(kind);
    }

    public long increases() {
        return counts.entrySet().stream().filter(e -> e.getKey().sign() > 0).mapToLong(Map.Entry::getValue).sum();
    }

    public long decreases() {
        return counts.entrySet().stream().filter(e -> e.getKey().sign() < 0).mapToLong(Map.Entry::getValue).sum();
    }

    public long transferredIn() {
        return count(MovementKind.TRANSFERRED_IN_WITHIN_PROVINCE) + count(MovementKind.TRANSFERRED_IN_FROM_OTHER_PROVINCE);
    }

    public long transferredOut() {
        return count(MovementKind.TRANSFERRED_OUT_WITHIN_PROVINCE) + count(MovementKind.TRANSFERRED_OUT_TO_OTHER_PROVINCE);
    }
}
