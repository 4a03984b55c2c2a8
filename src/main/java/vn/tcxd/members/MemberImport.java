package vn.tcxd.members;

import vn.tcxd.shared.scope.AccessScope;

import java.util.Optional;

/**
 * Excel (or CSV) import of members from the downloadable template (Vietnamese column names): every
 * row checked, all or nothing, a per-row error report in Vietnamese. Runs as a job whose progress
 * can be polled, or synchronously for the API.
 */
public interface MemberImport {

    /** Most bytes an import file may have. */
    long MAX_BYTES = 20L * 1024 * 1024;

    /** Most data rows an import file may have. */
    int MAX_ROWS = 200_000;

    /** The template workbook: one sheet with the column headers and one example row. */
    byte[] template();

    /** Reads, checks and writes the file in this thread. */
    MemberImportOutcome run(String fileName, byte[] content, AccessScope scope);

    /** Starts the import in the background; poll {@link #status}. */
    MemberImportStatus start(String fileName, byte[] content, AccessScope scope);

    /** The job's progress, for the user who started it. */
    Optional<MemberImportStatus> status(String jobId, String username);

    /** The per-row error report (xlsx: row, column, message in Vietnamese) of a refused import. */
    Optional<byte[]> errorReport(String jobId, String username);

    /** The error report of an outcome, for callers that ran the import themselves. */
    byte[] errorReport(MemberImportOutcome outcome);
}
