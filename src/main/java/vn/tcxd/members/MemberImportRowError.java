package vn.tcxd.members;

/**
 * One problem of an import file.
 *
 * @param row     the row number as the spreadsheet shows it (the header is row 1)
 * @param column  the column header as in the template (Vietnamese)
 * @param message the explanation in Vietnamese
 */
public record MemberImportRowError(int row, String column, String message) {
}
