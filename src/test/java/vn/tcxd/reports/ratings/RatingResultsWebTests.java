package vn.tcxd.reports.ratings;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.tcxd.Http;
import vn.tcxd.IntegrationTest;
import vn.tcxd.evaluations.Period;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.reports.RatingClass;
import vn.tcxd.reports.RatingDistribution;
import vn.tcxd.reports.RatingFigures;
import vn.tcxd.reports.RatingResults;
import vn.tcxd.security.Accounts;
import vn.tcxd.security.Role;
import vn.tcxd.security.ScopeGrant;
import vn.tcxd.shared.VietnameseFormat;

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
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * The rating results of Lam Sơn for 2021 over HTTP: the page and its htmx fragment, the JSON API,
 * the workbook read back cell by cell (numbers as numbers, one sheet per table), the PDF's text with
 * its diacritics, and nothing of it for a user of another province.
 */
@IntegrationTest
class RatingResultsWebTests {

    static final String PASSWORD = "xep-loai-Pa55word";

    @LocalServerPort
    int port;
    @Autowired
    RatingResults results;
    @Autowired
    OrgStructure org;
    @Autowired
    Accounts accounts;
    @Autowired
    ObjectMapper json;

    long lamSon;
    String userLs;
    String userHg;

    @BeforeEach
    void setUp() {
        lamSon = org.idOfCode("LS").orElseThrow();
        String suffix = Long.toString(System.nanoTime(), 36);
        userLs = "xl.ls." + suffix;
        userHg = "xl.hg." + suffix;
        accounts.create(userLs, "Cán bộ Lam Sơn", PASSWORD, false, List.of(new ScopeGrant(lamSon, Role.VIEWER)));
        accounts.create(userHg, "Cán bộ Hòa Giang", PASSWORD, false,
                List.of(new ScopeGrant(org.idOfCode("HG").orElseThrow(), Role.STAFF)));
    }

    @Test
    void shouldAnswerTheDistributionAndParagraphAsJson() {
        HttpResponse<String> response = Http.on(port).getBasic("/api/v1/units/" + lamSon + "/ratings?year=2021", userLs, PASSWORD);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        RatingDistribution d = results.distribution(lamSon, Period.year(2021));
        assertThat(body.get("current").get("scheme").asString()).isEqualTo("QD132_2018");
        assertThat(body.get("current").get("period").asString()).isEqualTo("YEAR-2021");
        JsonNode member = body.get("current").get("classes").get(RatingClass.MEMBER.ordinal());
        assertThat(member.get("subjectClass").asString()).isEqualTo("MEMBER");
        assertThat(member.get("rated").asLong()).isEqualTo(d.of(RatingClass.MEMBER).rated());
        assertThat(member.get("levels").get(0).get("level").asString()).isEqualTo("EXCELLENT");
        assertThat(body.get("paragraph").asString()).startsWith("Toàn tỉnh có ");
        assertThat(body.get("previous").get("period").asString()).isEqualTo("YEAR-2020");
        assertThat(body.get("removal").size()).isEqualTo(results.removalCandidates(lamSon, 2021).size());
        // the same through ?period= and the English paragraph
        HttpResponse<String> byPeriod = Http.on(port).getBasic("/api/v1/units/" + lamSon + "/ratings?period=YEAR-2021",
                userLs, PASSWORD);
        assertThat(json.readTree(byPeriod.body()).get("paragraph").asString()).isEqualTo(body.get("paragraph").asString());
        assertThat(Http.on(port).getBasic("/api/v1/units/" + lamSon + "/ratings?period=YEAR-20x1", userLs, PASSWORD)
                .statusCode()).isEqualTo(422);
    }

    @Test
    void shouldExportAWorkbookWithOneSheetPerTableReadBackAsNumbers() throws IOException {
        byte[] xlsx = bytes("/api/v1/units/" + lamSon + "/ratings.xlsx?year=2021", userLs);
        Files.createDirectories(Path.of("target", "reports"));
        Files.write(Path.of("target", "reports", "xep-loai-lam-son-2021.xlsx"), xlsx);
        RatingDistribution d = results.distribution(lamSon, Period.year(2021));
        RatingFigures members = d.of(RatingClass.MEMBER);
        RatingFigures grassroots = d.of(RatingClass.GRASSROOTS);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Sheet> sheets = wb.getSheets().toList();
            assertThat(sheets).extracting(Sheet::getName).startsWith("Tổng hợp", "TCCSĐ", "Chi bộ trực thuộc")
                    .contains("Đảng viên", "Tập thể lãnh đạo", "KHTNV 2 năm liền");
            Map<String, Row> summary = rowsByNumber(sheets.getFirst());
            // STT, Chỉ tiêu, Tổng số, Được xếp loại, Hai mức đầu, Tỷ lệ, Mức cao nhất, Tỷ lệ
            Row tccsd = summary.get("1");
            assertThat(tccsd.getCellText(1)).isEqualTo("Tổ chức cơ sở đảng");
            assertThat(tccsd.getCellAsNumber(2)).contains(BigDecimal.valueOf(grassroots.total()));
            assertThat(tccsd.getCellAsNumber(3)).contains(BigDecimal.valueOf(grassroots.rated()));
            assertThat(tccsd.getCellAsNumber(4)).contains(BigDecimal.valueOf(grassroots.goodOrBetter()));
            assertThat(tccsd.getCellAsNumber(6)).contains(BigDecimal.valueOf(grassroots.atRank(1)));
            assertThat(tccsd.getCellAsNumber(7).orElseThrow().doubleValue())
                    .isCloseTo(grassroots.atRank(1) / (double) grassroots.rated(), offset(1e-9));
            Sheet memberSheet = sheets.stream().filter(s -> s.getName().equals("Đảng viên")).findFirst().orElseThrow();
            Map<String, Row> rows = rowsByNumber(memberSheet);
            assertThat(rows.get("1").getCellText(1).trim()).isEqualTo("Hoàn thành xuất sắc nhiệm vụ");
            assertThat(rows.get("1").getCellAsNumber(2)).contains(BigDecimal.valueOf(members.atRank(1)));
            assertThat(rows.get("2").getCellAsNumber(2)).contains(BigDecimal.valueOf(members.atRank(2)));
            assertThat(rows.get("5").getCellText(1)).isEqualTo("Được xếp loại");
            assertThat(rows.get("5").getCellAsNumber(2)).contains(BigDecimal.valueOf(members.rated()));
            // the year before in the next columns
            RatingFigures before = results.distribution(lamSon, Period.year(2020)).of(RatingClass.MEMBER);
            assertThat(rows.get("1").getCellAsNumber(4)).contains(BigDecimal.valueOf(before.atRank(1)));
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
    void shouldExportAPartyDocumentPdfWithVietnameseText() throws IOException {
        byte[] pdf = bytes("/api/v1/units/" + lamSon + "/ratings?year=2021&format=pdf", userLs);
        Files.createDirectories(Path.of("target", "reports"));
        Files.write(Path.of("target", "reports", "xep-loai-lam-son-2021.pdf"), pdf);
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        PdfReader reader = new PdfReader(pdf);
        StringBuilder pages = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            pages.append(new PdfTextExtractor(reader).getTextFromPage(page)).append('\n');
        }
        reader.close();
        String text = pages.toString();
        RatingFigures members = results.distribution(lamSon, Period.year(2021)).of(RatingClass.MEMBER);
        assertThat(text).contains("ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG BỘ TỈNH LAM SƠN",
                "KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG NĂM 2021", "Hoàn thành xuất sắc nhiệm vụ",
                "Đảng viên", VietnameseFormat.number(members.rated()), "Toàn tỉnh có", "T/M BAN THƯỜNG VỤ");
    }

    @Test
    void shouldShowThePageAndAnswerNotFoundOutsideTheScope() {
        String base = "/api/v1/units/" + lamSon + "/ratings";
        for (String path : List.of("?year=2021", ".xlsx?year=2021", ".pdf?year=2021", "?year=2021&format=xlsx")) {
            assertThat(status(base + path, userHg)).as(path).isEqualTo(404);
            assertThat(status(base + path, userLs)).as(path).isEqualTo(200);
        }
        Http hg = Http.on(port);
        hg.login(userHg, PASSWORD);
        for (String path : List.of("/units/" + lamSon + "/ratings?year=2021", "/units/" + lamSon + "/ratings.xlsx?year=2021",
                "/units/" + lamSon + "/ratings.pdf?period=YEAR-2021")) {
            assertThat(hg.get(path).statusCode()).as(path).isEqualTo(404);
        }
        Http ls = Http.on(port);
        ls.login(userLs, PASSWORD);
        var page = ls.get("/units/" + lamSon + "/ratings?year=2021");
        assertThat(page.statusCode()).isEqualTo(200);
        String paragraph = results.report(lamSon, Period.year(2021), Locale.forLanguageTag("vi")).paragraph();
        assertThat(page.body()).contains("id=\"rating-paragraph\"", paragraph.substring(0, 60).replace("/", "/"),
                "Đảng viên 2 năm liền không hoàn thành nhiệm vụ", "id=\"rating-MEMBER\"");
        var fragment = ls.getFragment("/units/" + lamSon + "/ratings?year=2011");
        assertThat(fragment.body()).doesNotContain("<html").contains("id=\"results\"", "Trong sạch vững mạnh tiêu biểu");
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
