package vn.tcxd.reports.internal.forms;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.tcxd.reports.forms.FormTable;
import vn.tcxd.reports.forms.FormTable.Cell;
import vn.tcxd.reports.forms.FormTable.Row;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Forms as an .xlsx workbook with fastexcel, one sheet per form: heading lines, the header row
 * (STT, Chỉ tiêu, the figure columns), then one row per line of the form. Counts are numbers and
 * shares are fractions formatted as percentages, so the sheet can be summed and charted.
 */
public final class FormWorkbook {

    /** Row (0-based) of the column headers; the form's lines follow. */
    static final int HEADER_ROW = 4;

    private final Texts t;

    public FormWorkbook(Texts texts) {
        this.t = texts;
    }

    byte[] write(List<FormTable> tables) {
        return write(tables, tables.stream().map(table -> t.text("reportForm." + table.form() + ".sheet")).toList());
    }

    /** The tables on sheets of these names (tables of other reports than the HD 11 forms, e.g. rating results). */
    public byte[] write(List<FormTable> tables, List<String> sheetNames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "TCXD", "1.0");
            for (int i = 0; i < tables.size(); i++) sheet(wb, tables.get(i), sheetNames.get(i));
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void sheet(Workbook wb, FormTable table, String sheetName) {
        Worksheet ws = wb.newWorksheet(sheetName);
        int columns = table.columns().size() + 2;
        ws.value(0, 0, table.unitName());
        ws.style(0, 0).bold().set();
        ws.value(1, 0, table.code().isEmpty() ? table.title() : table.code() + ": " + table.title());
        ws.style(1, 0).bold().fontSize(13).set();
        ws.value(2, 0, table.dateLine());
        ws.style(2, 0).italic().set();
        ws.value(HEADER_ROW, 0, t.text("forms.col.number"));
        ws.value(HEADER_ROW, 1, t.text("forms.col.label"));
        for (int c = 0; c < table.columns().size(); c++) {
            ws.value(HEADER_ROW, c + 2, table.columns().get(c).label());
        }
        ws.range(HEADER_ROW, 0, HEADER_ROW, columns - 1).style().bold().wrapText(true).horizontalAlignment("center")
                .verticalAlignment("center").fillColor("E8EEF7").borderStyle("thin").set();
        ws.rowHeight(HEADER_ROW, 45);
        ws.width(0, 7);
        ws.width(1, 48);
        for (int c = 2; c < columns; c++) ws.width(c, 16);
        int r = HEADER_ROW + 1;
        for (Row row : table.rows()) {
            ws.value(r, 0, row.number());
            ws.value(r, 1, row.level() == 0 ? row.label() : "    " + row.label());
            boolean heading = row.level() == 0;
            cellStyle(ws, r, 0, heading, null, true);
            cellStyle(ws, r, 1, heading, null, false);
            for (int c = 0; c < row.cells().size(); c++) {
                Cell cell = row.cell(c);
                if (cell.isShare()) {
                    Double fraction = cell.fraction();
                    if (fraction != null) ws.value(r, c + 2, fraction);
                    ws.style(r, c + 2).format("0.00%").borderStyle("thin").set();
                } else {
                    if (!cell.isEmpty()) ws.value(r, c + 2, cell.value());
                    cellStyle(ws, r, c + 2, heading, "#,##0", false);
                }
            }
            r++;
        }
        r++;
        for (String note : table.notes()) {
            ws.value(r++, 0, note);
        }
        ws.freezePane(2, HEADER_ROW + 1);
    }

    private static void cellStyle(Worksheet ws, int r, int c, boolean bold, String format, boolean centered) {
        String align = centered ? "center" : "general";
        String numberFormat = format == null ? "General" : format;
        if (bold) {
            ws.style(r, c).bold().format(numberFormat).horizontalAlignment(align).borderStyle("thin").set();
        } else {
            ws.style(r, c).format(numberFormat).horizontalAlignment(align).borderStyle("thin").set();
        }
    }
}
