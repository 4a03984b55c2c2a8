package vn.tcxd.reports.forms;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.tcxd.Http;
import vn.tcxd.IntegrationTest;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.reports.Dimension;
import vn.tcxd.reports.MemberTally;
import vn.tcxd.reports.MovementKind;
import vn.tcxd.reports.Movements;
import vn.tcxd.reports.Statistics;
import vn.tcxd.reports.UnitStatistics;
import vn.tcxd.security.Accounts;
import vn.tcxd.security.Role;
import vn.tcxd.security.ScopeGrant;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report forms of the demo province Lam Sơn as at the seed report's date (10/11/2021): the
 * narrative reproduces the seed's sentence, the workbook read back cell by cell and the PDF's text
 * carry exactly the engine's figures, and a user of another province gets none of it.
 */
@IntegrationTest
class ReportFormsTests {

    static final LocalDate SEED_DAY = LocalDate.of(2021, 11, 10);
    static final String PASSWORD = "bao-cao-Pa55word";
    static final String SEED_SENTENCE = "Đảng bộ tỉnh có 15 đảng bộ trực thuộc (trong đó có 2 đảng bộ cơ sở trực thuộc "
            + "Tỉnh ủy), 686 tổ chức cơ sở đảng (259 đảng bộ cơ sở, 427 chi bộ cơ sở), 13 đảng bộ bộ phận và 2.538 chi "
            + "bộ trực thuộc với 45.239 đảng viên.";

    @LocalServerPort
    int port;
    @Autowired
    ReportForms reports;
    @Autowired
    Statistics statistics;
    @Autowired
    OrgStructure org;
    @Autowired
    Accounts accounts;

    long lamSon;
    String userLs;
    String userHg;

    @BeforeEach
    void setUp() {
        lamSon = org.idOfCode("LS").orElseThrow();
        String suffix = Long.toString(System.nanoTime(), 36);
        userLs = "bc.ls." + suffix;
        userHg = "bc.hg." + suffix;
        accounts.create(userLs, "Cán bộ Lam Sơn", PASSWORD, false, List.of(new ScopeGrant(lamSon, Role.VIEWER)));
        accounts.create(userHg, "Cán bộ Hòa Giang", PASSWORD, false,
                List.of(new ScopeGrant(org.idOfCode("HG").orElseThrow(), Role.STAFF)));
    }

    @Test
    void shouldWriteTheSeedSentenceWhenProvinceLamSonAsAt10November2021() {
        Narrative narrative = reports.narrative(lamSon, ReportPeriod.asOf(SEED_DAY), Locale.forLanguageTag("vi"));
        assertThat(narrative.structure()).isEqualTo(SEED_SENTENCE);
        assertThat(narrative.text()).startsWith(SEED_SENTENCE);
        Movements m = statistics.movements(lamSon, LocalDate.of(2021, 1, 1), SEED_DAY);
        assertThat(narrative.movements()).startsWith("Từ ngày 1/1/2021 đến ngày 10/11/2021, ")
                .contains("đến ngày 10/11/2021 có 45.239 đảng viên")
                .contains("so với " + vn.tcxd.shared.VietnameseFormat.number(m.opening()) + " đảng viên đầu kỳ");
        assertThat(narrative.composition()).startsWith("Trong tổng số 45.239 đảng viên có ");
        Narrative english = reports.narrative(lamSon, ReportPeriod.asOf(SEED_DAY), Locale.ENGLISH);
        assertThat(english.structure()).startsWith("The provincial party organisation has 15 directly subordinate")
                .contains("45.239 members");
    }

    @Test
    void shouldFillEveryFormWithTheEnginesFiguresWhenLamSonAsAt10November2021() {
        ReportPeriod period = ReportPeriod.asOf(SEED_DAY);
        UnitStatistics s = statistics.of(lamSon, SEED_DAY);
        MemberTally women = statistics.of(lamSon, SEED_DAY, Dimension.GENDER, "FEMALE");
        FormTable quality = reports.fill(ReportForm.QUALITY, lamSon, period, Locale.forLanguageTag("vi"));
        assertThat(quality.row("1").cell(0).value()).isEqualTo(45_239L);
        assertThat(quality.row("1").cell(2).value()).isEqualTo(s.members().female()).isEqualTo(women.total());
        assertThat(quality.row("1").cell(3).value()).isEqualTo(s.members().probationary());
        assertThat(quality.columns().get(1).label()).isEqualTo("Tỷ lệ % (trên tổng số 45.239 đảng viên)");
        // the age bands add up to the total, in every column
        Row2 ages = sumOfParts(quality, "2");
        assertThat(ages.values()).containsExactly(45_239L, s.members().female(), s.members().probationary());
        FormTable ethnicity = reports.fill(ReportForm.ETHNICITY_RELIGION, lamSon, period, Locale.forLanguageTag("vi"));
        assertThat(ethnicity.rows()).filteredOn(r -> r.number().startsWith("2.")).hasSizeGreaterThanOrEqualTo(56);
        assertThat(ethnicity.row("2.2").label()).isEqualTo("Kinh");
        assertThat(ethnicity.row("2.2").cell(0).value()).isEqualTo(s.members().count(Dimension.ETHNICITY, "01"));
        FormTable movements = reports.fill(ReportForm.MOVEMENTS, lamSon, period, Locale.forLanguageTag("vi"));
        Movements m = statistics.movements(lamSon, period.from(), period.to());
        assertThat(movements.row("1").cell(0).value()).isEqualTo(m.opening());
        assertThat(movements.row("2.1").cell(0).value()).isEqualTo(m.count(MovementKind.ADMITTED));
        assertThat(movements.row("5").cell(0).value()).isEqualTo(m.closing()).isEqualTo(45_239L);
        FormTable admitted = reports.fill(ReportForm.ADMITTED, lamSon, period, Locale.forLanguageTag("vi"));
        assertThat(admitted.row("1").cell(0).value()).isEqualTo(statistics.admitted(lamSon, period.from(), period.to()).total())
                .isEqualTo(m.count(MovementKind.ADMITTED));
        FormTable structure = reports.fill(ReportForm.STRUCTURE, lamSon, period, Locale.forLanguageTag("vi"));
        assertThat(structure.row("2").cell(0).value()).isEqualTo(686L);
        FormTable english = reports.fill(ReportForm.QUALITY, lamSon, period, Locale.ENGLISH);
        assertThat(english.code()).isEqualTo("Form 3-TCTW");
        assertThat(english.row("1").label()).isEqualTo("All members");
    }

    private record Row2(List<Long> values) {
    }

    private static Row2 sumOfParts(FormTable table, String group) {
        long[] sums = new long[table.columns().size()];
        for (FormTable.Row r : table.rows()) {
            if (!r.number().startsWith(group + ".")) continue;
            for (int c = 0; c < sums.length; c++) {
                if (!table.columns().get(c).percent() && !r.cell(c).isEmpty()) sums[c] += r.cell(c).value();
            }
        }
        return new Row2(List.of(sums[0], sums[2], sums[3]));
    }

    @Test
    void shouldExportAWorkbookWhoseNumbersAreTheEnginesWhenReadBack() throws IOException {
        byte[] xlsx = bytes("/api/v1/units/" + lamSon + "/reports/all.xlsx?asOf=2021-11-10&from=2021-01-01", userLs);
        Files.createDirectories(Path.of("target", "reports"));
        Files.write(Path.of("target", "reports", "r-lam-son-all.xlsx"), xlsx);
        UnitStatistics s = statistics.of(lamSon, SEED_DAY);
        Movements m = statistics.movements(lamSon, LocalDate.of(2021, 1, 1), SEED_DAY);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Sheet> sheets = wb.getSheets().toList();
            assertThat(sheets).extracting(Sheet::getName)
                    .containsExactly("Cơ cấu tổ chức", "Biểu 1-TCTW", "Biểu 2-TCTW", "Biểu 3-TCTW", "Biểu 4-TCTW");
            Map<String, Row> quality = rowsByNumber(sheets.get(3));
            assertThat(quality.get("STT").getCellText(1)).isEqualTo("Chỉ tiêu");
            assertThat(quality.get("STT").getCellText(2)).isEqualTo("Tổng số");
            assertThat(quality.get("1").getCellAsNumber(2)).contains(BigDecimal.valueOf(45_239));
            assertThat(quality.get("1").getCellAsNumber(4)).contains(BigDecimal.valueOf(s.members().female()));
            assertThat(quality.get("1").getCellAsNumber(5)).contains(BigDecimal.valueOf(s.members().probationary()));
            assertThat(quality.get("1").getCellAsNumber(3).orElseThrow().doubleValue()).isEqualTo(1.0);
            Map<String, Row> ethnicity = rowsByNumber(sheets.get(4));
            assertThat(ethnicity.get("2.2").getCellText(1).trim()).isEqualTo("Kinh");
            assertThat(ethnicity.get("2.2").getCellAsNumber(2))
                    .contains(BigDecimal.valueOf(s.members().count(Dimension.ETHNICITY, "01")));
            Map<String, Row> structure = rowsByNumber(sheets.get(0));
            assertThat(structure.get("2").getCellAsNumber(2)).contains(BigDecimal.valueOf(686));
            assertThat(structure.get("2.1").getCellAsNumber(2)).contains(BigDecimal.valueOf(259));
            Map<String, Row> movements = rowsByNumber(sheets.get(1));
            assertThat(movements.get("1").getCellAsNumber(2)).contains(BigDecimal.valueOf(m.opening()));
            assertThat(movements.get("2.1").getCellAsNumber(2)).contains(BigDecimal.valueOf(m.count(MovementKind.ADMITTED)));
            assertThat(movements.get("5").getCellAsNumber(2)).contains(BigDecimal.valueOf(45_239));
        }
    }

    private static Map<String, Row> rowsByNumber(Sheet sheet) throws IOException {
        Map<String, Row> rows = new HashMap<>();
        for (Row r : sheet.read()) {
            if (r.getCellCount() > 1 && r.getCell(0) != null) rows.put(r.getCellText(0), r);
        }
        return rows;
    }

    @Test
    void shouldExportAPartyDocumentPdfWithVietnameseTextWhenFormThree() throws IOException {
        byte[] pdf = bytes("/api/v1/units/" + lamSon + "/reports/3.pdf?asOf=2021-11-10", userLs);
        Files.createDirectories(Path.of("target", "reports"));
        Files.write(Path.of("target", "reports", "r-lam-son-3.pdf"), pdf);
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        PdfReader reader = new PdfReader(pdf);
        StringBuilder pages = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            pages.append(new PdfTextExtractor(reader).getTextFromPage(page)).append('\n');
        }
        reader.close();
        String text = pages.toString();
        assertThat(text).contains("ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG BỘ TỈNH LAM SƠN", "BIỂU 3-TCTW",
                "CHẤT LƯỢNG ĐẢNG VIÊN", "Có đến ngày 10/11/2021", "45.239", "Trình độ lý luận chính trị",
                "Cao cấp, cử nhân", "T/M BAN THƯỜNG VỤ", "ngày");
    }

    @Test
    void shouldAnswerNotFoundWhenAnotherProvincesUserAsksForLamSonForms() {
        String base = "/api/v1/units/" + lamSon + "/reports/";
        for (String path : List.of("3?asOf=2021-11-10", "3.xlsx", "all.pdf", "narrative")) {
            assertThat(status(base + path, userHg)).as(path).isEqualTo(404);
            assertThat(status(base + path, userLs)).as(path).isEqualTo(200);
        }
        assertThat(status("/api/v1/units/999999999/reports/3", userLs)).isEqualTo(404);
        Http hg = Http.on(port);
        hg.login(userHg, PASSWORD);
        for (String path : List.of("/units/" + lamSon + "/reports?form=3&asOf=2021-11-10", "/units/" + lamSon + "/reports/3.xlsx",
                "/units/" + lamSon + "/reports/all.pdf")) {
            assertThat(hg.get(path).statusCode()).as(path).isEqualTo(404);
        }
        Http ls = Http.on(port);
        ls.login(userLs, PASSWORD);
        var page = ls.get("/units/" + lamSon + "/reports?form=3&asOf=2021-11-10");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(SEED_SENTENCE.substring(0, 40), "Biểu 3-TCTW", "45.239");
        var fragment = ls.getFragment("/units/" + lamSon + "/reports?form=1&from=2021-01-01&to=2021-11-10");
        assertThat(fragment.body()).doesNotContain("<html").contains("id=\"report\"", "Đảng viên đầu kỳ");
        assertThat(ls.get("/units/" + lamSon + "/reports?form=9").statusCode()).isEqualTo(404);
    }

    private byte[] bytes(String path, String user) {
        HttpResponse<byte[]> response = send(path, user);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private int status(String path, String user) {
        return send(path, user).statusCode();
    }

    private HttpResponse<byte[]> send(String path, String user) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
