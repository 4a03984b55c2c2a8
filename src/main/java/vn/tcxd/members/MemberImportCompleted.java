package vn.tcxd.members;

import java.util.List;

/**
 * Published in the transaction of a batch write (import or demo load) instead of one
 * {@link MemberChanged} per act: the rolls of these cells changed.
 */
public record MemberImportCompleted(int members, List<Long> unitIds) {

    public MemberImportCompleted {
        unitIds = List.copyOf(unitIds);
    }
}
