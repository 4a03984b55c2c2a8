package vn.tcxd.members;

/**
 * Progress of an import job.
 *
 * @param processed rows handled in the current phase
 * @param total     rows in the file (0 while reading)
 * @param outcome   null until {@link MemberImportPhase#DONE}
 */
public record MemberImportStatus(String id, String fileName, MemberImportPhase phase, int processed, int total,
                                 MemberImportOutcome outcome) {

    public boolean done() {
        return phase == MemberImportPhase.DONE;
    }

    /** Per cent of the current phase, 0–100. */
    public int percent() {
        return total <= 0 ? 0 : (int) Math.min(100, processed * 100L / total);
    }
}
