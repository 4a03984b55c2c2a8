package vn.tcxd.reports.forms;

import java.util.List;

/**
 * A filled report form, labelled in the reader's language: the heading, the columns after "STT" and
 * "Chỉ tiêu", the rows and the notes (every percentage column names its base in its header).
 *
 * @param code     e.g. "Biểu 3-TCTW" (empty for the structure sheet)
 * @param dateLine e.g. "Có đến ngày 31/12/2021" or "Từ ngày 1/1/2021 đến ngày 31/12/2021"
 */
public record FormTable(ReportForm form, String code, String title, long unitId, String unitName,
                        ReportPeriod period, String dateLine, List<Column> columns, List<Row> rows,
                        List<String> notes) {

    public FormTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
    }

    /** A figure column; {@code percent} columns hold shares of a base named in the label. */
    public record Column(String label, boolean percent) {
    }

    /**
     * One line of the form: its number ("2", "2.1"), label, depth (0 for group headings and totals,
     * 1 for their parts) and one cell per column.
     */
    public record Row(String number, String label, int level, List<Cell> cells) {

        public Row {
            cells = List.copyOf(cells);
        }

        public Cell cell(int column) {
            return cells.get(column);
        }
    }

    /**
     * A figure: a count, or a share {@code value / base} shown as a percentage; {@code value} null for
     * a cell left empty (a heading without a figure of its own).
     */
    public record Cell(Long value, Long base) {

        public static Cell count(long value) {
            return new Cell(value, null);
        }

        public static Cell share(long value, long base) {
            return new Cell(value, base);
        }

        public static Cell empty() {
            return new Cell(null, null);
        }

        public boolean isShare() {
            return base != null;
        }

        public boolean isEmpty() {
            return value == null;
        }

        /** The share as a fraction (0.1922 for 19,22%), or null when the base is 0. */
        public Double fraction() {
            return base == null || base == 0 || value == null ? null : value / (double) base;
        }
    }

    /** The row with the given number; for tests and the narrative. */
    public Row row(String number) {
        return rows.stream().filter(r -> r.number().equals(number)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no row " + number));
    }
}
