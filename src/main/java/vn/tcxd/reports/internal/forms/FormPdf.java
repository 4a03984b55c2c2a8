package vn.tcxd.reports.internal.forms;

import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import vn.tcxd.orgstructure.UnitDetails;
import vn.tcxd.orgstructure.UnitType;
import vn.tcxd.reports.forms.FormTable;
import vn.tcxd.reports.forms.FormTable.Cell;
import vn.tcxd.reports.forms.FormTable.Row;
import vn.tcxd.shared.VietnameseFormat;
import vn.tcxd.shared.document.PartyDocumentPdf;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;

/**
 * Forms as a PDF in the layout of party documents ({@link PartyDocumentPdf}; HD 36-HD/VPTW on the format of party
 * documents): the issuing organisation top left with its star, "ĐẢNG CỘNG SẢN VIỆT NAM" top right
 * with place and date, the form's title, the table, notes and the signature block. Each form starts
 * on a new page with its own heading. Liberation Serif (metric-compatible with Times New Roman, the
 * font of party documents; SIL OFL) ships in the openpdf-fonts-extra jar, so the PDF renders the
 * same anywhere; text is normalised to NFC because decomposed tone marks render misplaced.
 */
public final class FormPdf {

    private static final Color HEADER_FILL = new Color(0xE8, 0xEE, 0xF7);

    private final Texts t;
    private final PartyDocumentPdf layout = new PartyDocumentPdf();
    private final Font regular;
    private final Font small;
    private final Font bold;
    private final Font boldSmall;
    private final Font italic;
    private final Font italicSmall;
    private final Font titleFont;

    public FormPdf(Texts texts) {
        this.t = texts;
        regular = layout.regular;
        small = layout.small;
        bold = layout.bold;
        boldSmall = layout.boldSmall;
        italic = layout.italic;
        italicSmall = layout.italicSmall;
        titleFont = layout.title;
    }

    static String nfc(String text) {
        return PartyDocumentPdf.nfc(text);
    }

    private static String upper(String text) {
        return PartyDocumentPdf.upper(text);
    }

    public byte[] write(UnitDetails unit, UnitDetails parent, List<FormTable> tables, LocalDate issuedOn) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = layout.open(out, tables.isEmpty() ? unit.name() : tables.getFirst().code() + " " + unit.name(),
                n -> t.text("forms.pdf.page", String.valueOf(n)));
        boolean first = true;
        for (FormTable table : tables) {
            if (!first) document.newPage();
            first = false;
            heading(document, unit, parent, issuedOn);
            title(document, table);
            document.add(body(table));
            notes(document, table);
            signatures(document, unit);
        }
        if (tables.isEmpty()) document.add(new Paragraph(nfc(unit.name()), regular));
        document.close();
        return out.toByteArray();
    }

    private void heading(Document document, UnitDetails unit, UnitDetails parent, LocalDate issuedOn) {
        boolean top = parent == null || parent.type() == UnitType.CENTRAL;
        String line1 = top ? unit.name() : parent.name();
        String line2 = top ? (unit.shortName() == null ? "" : unit.shortName()) : unit.name();
        String place = place(unit, parent);
        layout.heading(document, line1, line2, t.text("forms.pdf.party"),
                t.text(place == null ? "forms.pdf.placeDateNoPlace" : "forms.pdf.placeDate", place,
                        String.valueOf(issuedOn.getDayOfMonth()), String.valueOf(issuedOn.getMonthValue()),
                        String.valueOf(issuedOn.getYear())));
    }

    /** The place of the date line: the unit's commune or province, or the place in its name. */
    static String place(UnitDetails unit, UnitDetails parent) {
        if (unit.area() != null) {
            if (unit.area().commune() != null && !unit.area().commune().isBlank()) return unit.area().commune();
            if (unit.area().province() != null && !unit.area().province().isBlank()) return unit.area().province();
        }
        for (UnitDetails u : new UnitDetails[]{unit, parent}) {
            if (u == null) continue;
            String level = NarrativeWriter.level(u.name());
            if (level != null) {
                // "Đảng bộ tỉnh Lam Sơn" → "Lam Sơn": the name after "Đảng bộ <level>"
                String name = nfc(u.name());
                String[] words = name.split(" ");
                int skip = switch (level) {
                    case "CITY", "TOWN", "TOWNSHIP", "SPECIAL_ZONE" -> 4;
                    default -> 3;
                };
                if (words.length > skip) return String.join(" ", java.util.Arrays.copyOfRange(words, skip, words.length));
            }
        }
        return null;
    }

    private void title(Document document, FormTable table) {
        Paragraph code = new Paragraph(upper(table.code()), bold);
        code.setAlignment(Element.ALIGN_CENTER);
        code.setSpacingBefore(14);
        document.add(code);
        Paragraph title = new Paragraph(upper(table.title()), titleFont);
        title.setAlignment(Element.ALIGN_CENTER);
        document.add(title);
        Paragraph date = new Paragraph(nfc(table.dateLine()), italic);
        date.setAlignment(Element.ALIGN_CENTER);
        date.setSpacingAfter(8);
        document.add(date);
    }

    private PdfPTable body(FormTable table) {
        int figures = table.columns().size();
        float[] widths = new float[figures + 2];
        widths[0] = 7;
        widths[1] = 45;
        for (int i = 0; i < figures; i++) widths[i + 2] = (100f - 52f) / figures;
        PdfPTable pdf = new PdfPTable(widths);
        pdf.setWidthPercentage(100);
        pdf.setHeaderRows(1);
        pdf.addCell(headerCell(t.text("forms.col.number")));
        pdf.addCell(headerCell(t.text("forms.col.label")));
        for (FormTable.Column column : table.columns()) pdf.addCell(headerCell(column.label()));
        for (Row row : table.rows()) {
            boolean heading = row.level() == 0;
            Font font = heading ? boldSmall : small;
            PdfPCell number = new PdfPCell(new Phrase(nfc(row.number()), font));
            number.setHorizontalAlignment(Element.ALIGN_CENTER);
            pad(number);
            pdf.addCell(number);
            PdfPCell label = new PdfPCell(new Phrase(nfc(row.label()), font));
            label.setPaddingLeft(heading ? 4 : 14);
            pad(label);
            pdf.addCell(label);
            for (Cell cell : row.cells()) {
                String text = cell.isEmpty() ? "" : cell.isShare() ? VietnameseFormat.percent(cell.value(), cell.base())
                        : VietnameseFormat.number(cell.value());
                PdfPCell c = new PdfPCell(new Phrase(text, font));
                c.setHorizontalAlignment(Element.ALIGN_RIGHT);
                pad(c);
                pdf.addCell(c);
            }
        }
        return pdf;
    }

    private static void pad(PdfPCell cell) {
        cell.setPaddingTop(1.5f);
        cell.setPaddingBottom(3.5f);
    }

    private PdfPCell headerCell(String text) {
        PdfPCell cell = new PdfPCell(new Phrase(nfc(text), boldSmall));
        cell.setHorizontalAlignment(Element.ALIGN_CENTER);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        cell.setBackgroundColor(HEADER_FILL);
        cell.setPaddingBottom(5);
        return cell;
    }

    private void notes(Document document, FormTable table) {
        if (table.notes().isEmpty()) return;
        Paragraph notes = new Paragraph();
        notes.setSpacingBefore(6);
        notes.add(new Chunk(nfc(t.text("forms.pdf.notes")) + " ", italicSmall));
        notes.add(new Chunk(nfc(String.join(" ", table.notes())), italicSmall));
        document.add(notes);
    }

    private void signatures(Document document, UnitDetails unit) {
        PdfPTable block = new PdfPTable(new float[]{45, 55});
        block.setWidthPercentage(100);
        block.setSpacingBefore(16);
        block.setKeepTogether(true);
        Paragraph left = new Paragraph();
        left.setAlignment(Element.ALIGN_CENTER);
        left.add(new Chunk(nfc(t.text("forms.pdf.preparer")), bold));
        left.add(Chunk.NEWLINE);
        left.add(new Chunk(nfc(t.text("forms.pdf.preparerHint")), italicSmall));
        Paragraph right = new Paragraph();
        right.setAlignment(Element.ALIGN_CENTER);
        String signKey = switch (unit.type()) {
            case CENTRAL, PROVINCIAL, UPPER_GRASSROOTS -> "forms.pdf.sign.board";
            case GRASSROOTS_COMMITTEE, PARTIAL_COMMITTEE -> "forms.pdf.sign.committee";
            default -> "forms.pdf.sign.cell";
        };
        right.add(new Chunk(nfc(t.text(signKey)), bold));
        right.add(Chunk.NEWLINE);
        right.add(new Chunk(nfc(t.text("forms.pdf.sign.hint")), italicSmall));
        PdfPCell l = plain(left);
        PdfPCell r = plain(right);
        r.setMinimumHeight(PartyDocumentPdf.mm(30));
        block.addCell(l);
        block.addCell(r);
        document.add(block);
    }

    private static PdfPCell plain(Paragraph content) {
        return PartyDocumentPdf.plain(content);
    }
}
