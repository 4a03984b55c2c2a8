package vn.tcxd.security;

/**
 * The result of checking the audit log's hash chain from its first entry to its head.
 *
 * @param checked             entries checked
 * @param firstBrokenId       the id of the first entry where the chain breaks, or null when it is intact
 * @param firstBrokenPosition that entry's position in the chain
 * @param problem             what is wrong there, or null
 * @param headPosition        the position of the last entry (null for an empty log); with {@code headHash}, what an
 *                            operator writes down elsewhere to notice later that entries were cut off the end
 * @param headHash            the last entry's hash, hex
 */
public record AuditChainReport(long checked, Long firstBrokenId, Long firstBrokenPosition, Problem problem,
                               Long headPosition, String headHash) {

    public enum Problem {
        /** The entry was changed after it was written: its hash no longer matches its content. */
        CONTENT,
        /** Entries right before it were removed. */
        MISSING,
        /** Its link does not match the hash of the entry before it: that entry was replaced, or this one forged. */
        LINK
    }

    public boolean intact() {
        return firstBrokenId == null;
    }
}
