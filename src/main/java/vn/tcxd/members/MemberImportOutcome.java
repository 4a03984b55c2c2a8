package vn.tcxd.members;

import java.util.List;

/**
 * How an import ended: {@code imported} members written, or nothing written with the reasons.
 *
 * @param rows       data rows read from the file
 * @param fileError  message key of a problem with the whole file (too large, unreadable, columns
 *                   missing), with {@code fileErrorArgs}; null when the file could be read
 * @param errors     per-row problems, in row order (empty when imported)
 */
public record MemberImportOutcome(int rows, int imported, String fileError, List<Object> fileErrorArgs,
                                  List<MemberImportRowError> errors) {

    public MemberImportOutcome {
        fileErrorArgs = fileErrorArgs == null ? List.of() : List.copyOf(fileErrorArgs);
        errors = List.copyOf(errors);
    }

    public boolean succeeded() {
        return fileError == null && errors.isEmpty();
    }

    /** Distinct row numbers with problems, in order. */
    public List<Integer> badRows() {
        return errors.stream().map(MemberImportRowError::row).distinct().toList();
    }
}
