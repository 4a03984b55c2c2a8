package vn.tcxd.members.internal.bulk;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the first sheet of an xlsx workbook (streaming, fastexcel) or a CSV file (UTF-8, comma or
 * semicolon) into rows of raw cells: text, a number, or {@link #FORMULA}. CSV values starting
 * with "=" count as formulas too (they would run when the file is opened in a spreadsheet).
 */
final class ImportSheetReader {

    /** Marks a formula cell, refused whatever its cached value. */
    static final Object FORMULA = new Object() {
        @Override
        public String toString() {
            return "FORMULA";
        }
    };

    /** A data row; {@code number} as the spreadsheet shows it (header = 1). */
    record SheetRow(int number, Object[] cells) {
    }

    /** The file has more data rows than allowed. */
    static final class TooManyRows extends RuntimeException {
        TooManyRows() {
            super(null, null, false, false);
        }
    }

    /** Receives the header row first (before any data row), then every non-empty data row. */
    interface Rows {
        void header(List<String> header);

        void row(SheetRow row);
    }

    private ImportSheetReader() {
    }

    /**
     * Streams the file: the header to {@link Rows#header} as soon as it is read, then every non-empty
     * data row, so that rows can be checked (and written) while the rest of the file is still read.
     */
    static List<String> read(String fileName, byte[] content, int maxRows, Rows sink) throws IOException {
        return isXlsx(fileName, content) ? readXlsx(content, maxRows, sink) : readCsv(content, maxRows, sink);
    }

    /** A zip that is not named .csv is read as a workbook. */
    static boolean isXlsx(String fileName, byte[] content) {
        boolean zip = content.length > 1 && content[0] == 'P' && content[1] == 'K';
        return zip && !(fileName != null && fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".csv"));
    }

    private static List<String> readXlsx(byte[] content, int maxRows, Rows sink) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content));
             Stream<Row> rows = workbook.getFirstSheet().openStream()) {
            Iterator<Row> iterator = rows.iterator();
            List<String> header = null;
            int count = 0;
            while (iterator.hasNext()) {
                Row row = iterator.next();
                Object[] cells = new Object[row.getCellCount()];
                boolean empty = true;
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = value(row.getCell(i));
                    empty &= cells[i] == null;
                }
                if (header == null) {
                    if (empty) {
                        continue;
                    }
                    header = new ArrayList<>();
                    for (Object cell : cells) {
                        header.add(cell == null ? "" : cell.toString());
                    }
                    sink.header(header);
                    continue;
                }
                if (empty) {
                    continue;
                }
                if (++count > maxRows) {
                    throw new TooManyRows();
                }
                sink.row(new SheetRow(row.getRowNum(), cells));
            }
            return header == null ? List.of() : header;
        }
    }

    private static Object value(Cell cell) {
        if (cell == null) {
            return null;
        }
        if (cell.getType() == CellType.FORMULA || cell.getFormula() != null) {
            return FORMULA;
        }
        return switch (cell.getType()) {
            case EMPTY -> null;
            case NUMBER -> cell.asNumber();
            case STRING, BOOLEAN, ERROR -> {
                String text = cell.getText();
                yield text == null || text.isEmpty() ? null : text;
            }
            default -> cell.getText();
        };
    }

    private static List<String> readCsv(byte[] content, int maxRows, Rows sink) {
        String text = utf8(content);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int firstLineEnd = text.indexOf('\n');
        String firstLine = firstLineEnd < 0 ? text : text.substring(0, firstLineEnd);
        char delimiter = firstLine.chars().filter(c -> c == ';').count() > firstLine.chars().filter(c -> c == ',').count()
                ? ';' : ',';
        List<String> header = null;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int line = 1;
        int rowStart = 1;
        int count = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            boolean end = i == text.length();
            if (quoted && !end) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                continue;
            }
            if (c == '"' && field.isEmpty()) {
                quoted = true;
                wasQuoted = true;
            } else if (c == delimiter) {
                fields.add(csvValue(field, wasQuoted));
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\n') {
                fields.add(csvValue(field, wasQuoted));
                field.setLength(0);
                wasQuoted = false;
                boolean empty = fields.stream().allMatch(f -> f == null);
                if (!empty || end) {
                    if (header == null) {
                        if (!empty) {
                            header = new ArrayList<>();
                            for (String f : fields) {
                                header.add(f == null ? "" : f);
                            }
                            sink.header(header);
                        }
                    } else if (!empty) {
                        if (++count > maxRows) {
                            throw new TooManyRows();
                        }
                        Object[] cells = new Object[fields.size()];
                        for (int k = 0; k < cells.length; k++) {
                            String f = fields.get(k);
                            cells[k] = f != null && f.startsWith("=") ? FORMULA : f;
                        }
                        sink.row(new SheetRow(rowStart, cells));
                    }
                }
                fields.clear();
                line++;
                rowStart = line;
            } else if (c != '\r') {
                field.append(c);
            }
        }
        return header == null ? List.of() : header;
    }

    /**
     * A CSV must be UTF-8 (Excel's "CSV UTF-8"). UTF-16 (Excel's "Unicode text") and the legacy Vietnamese code
     * pages (Windows-1258, TCVN3) would read as garbled names that look valid, so they are refused by name.
     */
    static String utf8(byte[] content) {
        boolean bom16 = content.length >= 2 && (content[0] == (byte) 0xFF && content[1] == (byte) 0xFE
                || content[0] == (byte) 0xFE && content[1] == (byte) 0xFF);
        int zeros = 0;
        for (int i = 0; i < Math.min(content.length, 4096); i++) {
            if (content[i] == 0) {
                zeros++;
            }
        }
        if (bom16 || zeros > 0) {
            throw new ImportRefused("error.memberImport.utf16");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(content)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ImportRefused("error.memberImport.notUtf8");
        }
    }

    private static String csvValue(StringBuilder field, boolean quoted) {
        String value = field.toString();
        return value.isEmpty() && !quoted ? null : value.isEmpty() ? null : value;
    }

    static String text(Object cell) {
        if (cell == null) {
            return null;
        }
        if (cell instanceof BigDecimal number) {
            return number.stripTrailingZeros().toPlainString();
        }
        return cell.toString();
    }
}
