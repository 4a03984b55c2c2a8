package vn.tcxd.reports.web;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import vn.tcxd.reports.KeyFigures;
import vn.tcxd.reports.UnitComparison;
import vn.tcxd.shared.VietnameseFormat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A group comparison as an .xlsx workbook (fastexcel): a title row with the date, the header row in the
 * user's language, one row per unit and the total; counts as numbers, shares as percentages of the
 * unit's members.
 */
@Component
class UnitGroupSpreadsheet {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final MessageSource messages;

    UnitGroupSpreadsheet(MessageSource messages) {
        this.messages = messages;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    /** Columns after code and name: each figure, and after the member figures with a share, that share. */
    private static final List<KeyFigures.Figure> FIGURES = List.of(KeyFigures.Figure.values());

    ResponseEntity<byte[]> workbook(UnitComparison c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "TCXD", "1.0");
            Worksheet ws = wb.newWorksheet(text("groups.export.sheet"));
            ws.value(0, 0, text("groups.export.title", c.name(), VietnameseFormat.date(c.asOf())));
            ws.style(0, 0).bold().set();
            ws.value(1, 0, text("groups.shareBase"));
            int col = 0;
            header(ws, col++, text("groups.col.code"), 14);
            header(ws, col++, text("groups.col.unit"), 36);
            for (KeyFigures.Figure f : FIGURES) {
                header(ws, col++, text("dashboard.figure." + f.name()), 14);
                if (f == KeyFigures.Figure.MEMBERS) {
                    header(ws, col++, text("groups.col.membersYearEarlier", VietnameseFormat.date(c.yearEarlier())), 16);
                }
                if (f.share()) header(ws, col++, text("groups.col.share", text("dashboard.figure." + f.name())), 12);
            }
            int r = 3;
            for (UnitComparison.Row row : c.rows()) {
                ws.value(r, 0, row.unit().code());
                ws.value(r, 1, row.unit().name());
                figures(ws, r, row.figures(), row.yearEarlier());
                r++;
            }
            if (c.total() != null) {
                ws.value(r, 1, text("groups.total"));
                ws.style(r, 1).bold().set();
                figures(ws, r, c.total(), c.totalYearEarlier());
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("so-sanh-" + c.groupId() + "-" + c.asOf() + ".xlsx", StandardCharsets.UTF_8)
                        .build().toString())
                .body(out.toByteArray());
    }

    private static void header(Worksheet ws, int col, String title, int width) {
        ws.value(2, col, title);
        ws.style(2, col).bold().wrapText(true).set();
        ws.width(col, width);
    }

    private static void figures(Worksheet ws, int r, KeyFigures k, KeyFigures before) {
        int col = 2;
        for (KeyFigures.Figure f : FIGURES) {
            if (k != null) ws.value(r, col, f.of(k));
            col++;
            if (f == KeyFigures.Figure.MEMBERS) {
                if (before != null) ws.value(r, col, before.members());
                col++;
            }
            if (k == null) continue;
            if (f.share()) {
                if (k.members() > 0) {
                    ws.value(r, col, (double) f.of(k) / k.members());
                    ws.style(r, col).format("0.00%").set();
                }
                col++;
            }
        }
    }
}
