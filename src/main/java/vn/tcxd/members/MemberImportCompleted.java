package vn.tcxd.members;

import java.time.LocalDate;
import java.util.List;

/**
 * Published in the transaction of a batch write (import or demo load) instead of one
 * {@link MemberChanged} per act: the rolls of these cells changed, from {@code earliestChange} on.
 */
public record MemberImportCompleted(int members, List<Long> unitIds, LocalDate earliestChange) {

    public MemberImportCompleted {
        unitIds = List.copyOf(unitIds);
    }

    /** The first day whose roll the batch changed (figures of earlier days stand), or empty when unknown. */
    public java.util.Optional<LocalDate> earliest() {
        return java.util.Optional.ofNullable(earliestChange);
    }
}
