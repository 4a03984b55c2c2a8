package vn.tcxd.members.web;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes a list as an .xlsx workbook with fastexcel: headers from message keys in the user's
 * language, numbers as numbers and dates as dates (shown d/m/yyyy).
 */
@Component
class MemberSpreadsheet {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final MessageSource messages;

    MemberSpreadsheet(MessageSource messages) {
        this.messages = messages;
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    /** A workbook of one sheet: a title row, the header row, then the rows (cells may be null). */
    ResponseEntity<byte[]> workbook(String fileName, String title, List<String> headerKeys, List<List<Object>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "TCXD", "1.0");
            Worksheet ws = wb.newWorksheet(text("members.export.sheet"));
            ws.value(0, 0, title);
            ws.style(0, 0).bold().set();
            for (int c = 0; c < headerKeys.size(); c++) {
                ws.value(1, c, text(headerKeys.get(c)));
                ws.style(1, c).bold().set();
                ws.width(c, c == 1 ? 30 : 16);
            }
            int r = 2;
            for (List<Object> row : rows) {
                for (int c = 0; c < row.size(); c++) {
                    Object v = row.get(c);
                    switch (v) {
                        case null -> { }
                        case Number n -> ws.value(r, c, n);
                        case LocalDate d -> {
                            ws.value(r, c, d);
                            ws.style(r, c).format("d/m/yyyy").set();
                        }
                        case Boolean b -> ws.value(r, c, text(b ? "common.yes" : "common.no"));
                        default -> ws.value(r, c, v.toString());
                    }
                }
                r++;
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(out.toByteArray());
    }
}
