package vn.tcxd.votes.internal;

import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.tcxd.orgstructure.UnitDetails;
import vn.tcxd.shared.VietnameseFormat;
import vn.tcxd.shared.document.PartyDocumentPdf;
import vn.tcxd.votes.VoteResults;
import vn.tcxd.votes.VoteSession;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;

import static vn.tcxd.shared.document.PartyDocumentPdf.nfc;

/**
 * The counting minutes (biên bản kiểm phiếu) of a session as a party document, in Vietnamese: who was
 * convened and present, the counting board, the ballots issued, cast, valid and invalid by reason, and
 * each person's counts and shares of the stated base with the outcome under the session's rule set.
 */
@Component
class MinutesPdf {

    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final Color HEADER_FILL = new Color(0xE8, 0xEE, 0xF7);

    private final MessageSource messages;

    MinutesPdf(MessageSource messages) {
        this.messages = messages;
    }

    private String t(String key, Object... args) {
        return messages.getMessage(key, args, VI);
    }

    byte[] write(VoteSession s, VoteResults r, UnitDetails unit) {
        PartyDocumentPdf pdf = new PartyDocumentPdf();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = pdf.open(out, t("votes.minutes.title") + " " + s.name(), n -> t("votes.minutes.page", n));
        var on = s.concludedOn() != null ? s.concludedOn() : s.heldOn();
        pdf.heading(document, unit.name(), t("votes.minutes.board"), t("votes.minutes.party"),
                t("votes.minutes.placeDate", String.valueOf(on.getDayOfMonth()), String.valueOf(on.getMonthValue()), String.valueOf(on.getYear())));
        pdf.title(document, t("votes.minutes.title"), s.name());
        line(document, pdf.regular, t("votes.minutes.basis", r.ruleSet().legalBasis()));
        line(document, pdf.regular, t("votes.minutes.held", t("sessionBody." + s.body()), unit.name(),
                VietnameseFormat.date(s.heldOn())));
        line(document, pdf.regular, t("votes.minutes.attendance", r.convened(), r.present(),
                VietnameseFormat.percent(r.present(), r.convened()), r.ruleSet().quorum().display()));
        List<VoteSession.Voter> board = s.voters().stream().filter(v -> v.counting() != null)
                .sorted(java.util.Comparator.comparing(VoteSession.Voter::counting)).toList();
        if (!board.isEmpty()) {
            line(document, pdf.regular, t("votes.minutes.countingBoard", String.join(", ", board.stream()
                    .map(v -> v.fullName() + " (" + t("countingRole." + v.counting()) + ")").toList())));
        }
        int electronic = s.electronic() == null ? 0 : s.electronic();
        int paper = s.paper() == null ? 0 : s.paper();
        int collected = s.paperCount() == null ? 0 : s.paperCount().collected();
        line(document, pdf.regular, t("votes.minutes.ballots", electronic + paper, electronic, paper,
                r.electronicBallots() + collected, r.electronicBallots(), collected));
        line(document, pdf.regular, t("votes.minutes.valid", r.ballots(), r.paperInvalid()));
        if (s.paperCount() != null && s.paperCount().invalid() > 0) {
            VoteSession.PaperCount p = s.paperCount();
            line(document, pdf.small, t("votes.minutes.invalidReasons", p.invalidNotIssued(), p.invalidStruck(),
                    p.invalidAdded(), p.invalidBoxes()));
        }
        document.add(table(pdf, r));
        Paragraph note = new Paragraph(nfc(t("votes.minutes.base", t("voteDenominator." + r.denominator()), r.base(),
                r.ruleSet().removal().display(), r.ruleSet().dismissal() == null ? "–" : r.ruleSet().dismissal().display())),
                pdf.italicSmall);
        note.setSpacingBefore(6);
        document.add(note);
        signatures(pdf, document, board);
        document.close();
        return out.toByteArray();
    }

    private static void line(Document document, Font font, String text) {
        Paragraph p = new Paragraph(nfc(text), font);
        p.setSpacingAfter(3);
        document.add(p);
    }

    private PdfPTable table(PartyDocumentPdf pdf, VoteResults r) {
        PdfPTable table = new PdfPTable(new float[]{6, 34, 12, 12, 12, 24});
        table.setWidthPercentage(100);
        table.setSpacingBefore(8);
        table.setHeaderRows(1);
        for (String key : List.of("votes.minutes.col.number", "votes.minutes.col.person", "confidenceLevel.HIGH",
                "confidenceLevel.CONFIDENCE", "confidenceLevel.LOW", "votes.minutes.col.outcome")) {
            PdfPCell c = new PdfPCell(new Phrase(nfc(t(key)), pdf.boldSmall));
            c.setHorizontalAlignment(Element.ALIGN_CENTER);
            c.setBackgroundColor(HEADER_FILL);
            c.setPaddingBottom(5);
            table.addCell(c);
        }
        int n = 0;
        for (VoteResults.PersonResult p : r.people()) {
            table.addCell(cell(pdf.small, Integer.toString(++n), Element.ALIGN_CENTER));
            Paragraph who = new Paragraph();
            who.add(new Chunk(nfc(p.fullName()), pdf.boldSmall));
            who.add(Chunk.NEWLINE);
            who.add(new Chunk(nfc(p.titleName()), pdf.small));
            PdfPCell whoCell = new PdfPCell();
            whoCell.addElement(who);
            table.addCell(whoCell);
            table.addCell(cell(pdf.small, count(p.high(), p.highPct()), Element.ALIGN_RIGHT));
            table.addCell(cell(pdf.small, count(p.confidence(), p.confidencePct()), Element.ALIGN_RIGHT));
            table.addCell(cell(pdf.small, count(p.low(), p.lowPct()), Element.ALIGN_RIGHT));
            table.addCell(cell(pdf.small, t("voteOutcome." + p.outcome()), Element.ALIGN_LEFT));
        }
        return table;
    }

    private static String count(int n, java.math.BigDecimal pct) {
        return VietnameseFormat.number(n) + "\n" + VietnameseFormat.percent(pct);
    }

    private static PdfPCell cell(Font font, String text, int align) {
        PdfPCell c = new PdfPCell(new Phrase(nfc(text), font));
        c.setHorizontalAlignment(align);
        c.setPaddingBottom(4);
        return c;
    }

    private void signatures(PartyDocumentPdf pdf, Document document, List<VoteSession.Voter> board) {
        PdfPTable block = new PdfPTable(new float[]{50, 50});
        block.setWidthPercentage(100);
        block.setSpacingBefore(16);
        block.setKeepTogether(true);
        Paragraph left = new Paragraph();
        left.setAlignment(Element.ALIGN_CENTER);
        left.add(new Chunk(nfc(t("votes.minutes.members")), pdf.bold));
        for (VoteSession.Voter v : board) {
            if (v.counting() == VoteSession.CountingRole.MEMBER) {
                left.add(Chunk.NEWLINE);
                left.add(new Chunk(nfc(v.fullName()), pdf.regular));
            }
        }
        Paragraph right = new Paragraph();
        right.setAlignment(Element.ALIGN_CENTER);
        right.add(new Chunk(nfc(t("votes.minutes.head")), pdf.bold));
        right.add(Chunk.NEWLINE);
        right.add(new Chunk(nfc(t("votes.minutes.signHint")), pdf.italicSmall));
        board.stream().filter(v -> v.counting() == VoteSession.CountingRole.HEAD).findFirst().ifPresent(v -> {
            right.add(Chunk.NEWLINE);
            right.add(Chunk.NEWLINE);
            right.add(Chunk.NEWLINE);
            right.add(new Chunk(nfc(v.fullName()), pdf.bold));
        });
        block.addCell(PartyDocumentPdf.plain(left));
        PdfPCell r = PartyDocumentPdf.plain(right);
        r.setMinimumHeight(PartyDocumentPdf.mm(30));
        block.addCell(r);
        document.add(block);
    }
}
