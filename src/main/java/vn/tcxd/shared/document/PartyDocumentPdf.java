package vn.tcxd.shared.document;

import org.librepdf.openpdf.fonts.Liberation;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * The layout of a party document (HD 36-HD/VPTW on the format of party documents) for every module
 * that writes one: A4 with margins 30/15/20/20 mm, the issuing organisation top left with its star,
 * "ĐẢNG CỘNG SẢN VIỆT NAM" top right with place and date, a centred title, and the page number at the
 * foot. Liberation Serif (metric-compatible with Times New Roman; SIL OFL) ships in openpdf-fonts-extra;
 * text is normalised to NFC, because decomposed tone marks render misplaced.
 */
public final class PartyDocumentPdf {

    public final Font regular;
    public final Font small;
    public final Font bold;
    public final Font boldSmall;
    public final Font italic;
    public final Font italicSmall;
    public final Font title;

    public PartyDocumentPdf() {
        try {
            regular = Liberation.SERIF.create(11);
            small = Liberation.SERIF.create(10);
            bold = Liberation.SERIF_BOLD.create(11);
            boldSmall = Liberation.SERIF_BOLD.create(10);
            italic = Liberation.SERIF_ITALIC.create(11);
            italicSmall = Liberation.SERIF_ITALIC.create(9);
            title = Liberation.SERIF_BOLD.create(13);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String nfc(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    public static String upper(String text) {
        return nfc(text).toUpperCase(Locale.forLanguageTag("vi"));
    }

    public static float mm(float millimetres) {
        return millimetres * 72f / 25.4f;
    }

    /** An open A4 document writing to {@code out}, numbering its pages with {@code pageLabel}. */
    public Document open(OutputStream out, String documentTitle, IntFunction<String> pageLabel) {
        Document document = new Document(PageSize.A4, mm(30), mm(15), mm(20), mm(20));
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setPageEvent(new PdfPageEventHelper() {
            @Override
            public void onEndPage(PdfWriter w, Document d) {
                Phrase page = new Phrase(nfc(pageLabel.apply(w.getPageNumber())), italicSmall);
                ColumnText.showTextAligned(w.getDirectContent(), Element.ALIGN_CENTER, page,
                        (d.left() + d.right()) / 2, d.bottom() - 18, 0);
            }
        });
        document.addTitle(nfc(documentTitle));
        document.addCreator("TCXD");
        document.open();
        return document;
    }

    /**
     * The heading: {@code issuer} (upper-cased; {@code issuerBold} below it in bold, may be blank) with the
     * star on the left; {@code party} underlined and {@code placeDate} in italics on the right.
     */
    public void heading(Document document, String issuer, String issuerBold, String party, String placeDate) {
        PdfPTable header = new PdfPTable(new float[]{45, 55});
        header.setWidthPercentage(100);
        Paragraph left = new Paragraph();
        left.setAlignment(Element.ALIGN_CENTER);
        left.add(new Chunk(upper(issuer), regular));
        if (issuerBold != null && !issuerBold.isBlank()) {
            left.add(Chunk.NEWLINE);
            left.add(new Chunk(upper(issuerBold), bold));
        }
        left.add(Chunk.NEWLINE);
        left.add(new Chunk("*", regular));
        Paragraph right = new Paragraph();
        right.setAlignment(Element.ALIGN_CENTER);
        Chunk partyChunk = new Chunk(nfc(party), bold);
        partyChunk.setUnderline(0.6f, -2f);
        right.add(partyChunk);
        right.add(Chunk.NEWLINE);
        right.add(Chunk.NEWLINE);
        right.add(new Chunk(nfc(placeDate), italic));
        header.addCell(plain(left));
        header.addCell(plain(right));
        document.add(header);
    }

    /** A centred title in capitals with an optional italic line under it. */
    public void title(Document document, String text, String subtitle) {
        Paragraph t = new Paragraph(upper(text), title);
        t.setAlignment(Element.ALIGN_CENTER);
        t.setSpacingBefore(14);
        document.add(t);
        if (subtitle != null && !subtitle.isBlank()) {
            Paragraph s = new Paragraph(nfc(subtitle), italic);
            s.setAlignment(Element.ALIGN_CENTER);
            s.setSpacingAfter(8);
            document.add(s);
        }
    }

    public static PdfPCell plain(Paragraph content) {
        PdfPCell cell = new PdfPCell();
        cell.addElement(content);
        cell.setBorder(Rectangle.NO_BORDER);
        return cell;
    }
}
