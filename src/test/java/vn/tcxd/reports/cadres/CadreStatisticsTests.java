package vn.tcxd.reports.cadres;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.tcxd.Http;
import vn.tcxd.IntegrationTest;
import vn.tcxd.cadres.CadreAct;
import vn.tcxd.cadres.Cadres;
import vn.tcxd.cadres.CommitteeRole;
import vn.tcxd.cadres.SeatEntry;
import vn.tcxd.cadres.SeatExit;
import vn.tcxd.members.Gender;
import vn.tcxd.members.MemberAct;
import vn.tcxd.members.MemberMother;
import vn.tcxd.members.MemberRecord;
import vn.tcxd.members.Members;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.TreeFixture;
import vn.tcxd.reports.CadreReports;
import vn.tcxd.reports.forms.FormTable;
import vn.tcxd.security.Accounts;
import vn.tcxd.security.Role;
import vn.tcxd.security.ScopeGrant;
import vn.tcxd.shared.DecisionRef;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cadre statistics on a committee of known make-up: five elected at the congress of 2025 (two women,
 * one Tày, one under 40, three re-elected from 2020), one added later; every share is a percentage of
 * a base the column names; the same tables as .xlsx (numbers) and PDF (party-document layout).
 */
@IntegrationTest
class CadreStatisticsTests {

    static final String PASSWORD = "thong-ke-can-bo-2025";
    static final LocalDate CONGRESS_2020 = LocalDate.of(2020, 10, 15);
    static final LocalDate CONGRESS_2025 = LocalDate.of(2025, 10, 10);

    @LocalServerPort
    int port;

    @Autowired
    OrgStructure org;

    @Autowired
    Members members;

    @Autowired
    Cadres cadres;

    @Autowired
    CadreReports reports;

    @Autowired
    Accounts accounts;

    TreeFixture tree;
    String user;

    private long member(String name, Gender gender, LocalDate born, String ethnicity, String theory) {
        MemberRecord r = MemberMother.record(name, gender, born);
        MemberRecord record = new MemberRecord(r.fullName(), null, gender, born, r.birthPlace(), r.hometown(), ethnicity,
                r.religion(), r.citizenId(), null, null, r.residence(), r.phone(), r.occupation(), "THPT", "DAI_HOC",
                null, theory, null);
        return members.apply(new MemberAct.Admit(record, tree.id("X1C1"), LocalDate.of(2015, 6, 1),
                MemberMother.decision("1-QĐ/HU", LocalDate.of(2015, 6, 1))));
    }

    @BeforeEach
    void committees() {
        tree = TreeFixture.standard(org);
        long p = tree.id("P");
        user = "tk.p." + tree.prefix().toLowerCase();
        accounts.create(user, "Ban Tổ chức Tỉnh ủy", PASSWORD, false, List.of(new ScopeGrant(p, Role.STAFF)));
        long a = member("Ủy Viên A", Gender.MALE, LocalDate.of(1968, 2, 1), "01", "CAO_CAP");
        long b = member("Ủy Viên B", Gender.FEMALE, LocalDate.of(1972, 3, 1), "01", "CAO_CAP");
        long c = member("Ủy Viên C", Gender.MALE, LocalDate.of(1975, 4, 1), "02", "CAO_CAP");
        long d = member("Ủy Viên D", Gender.FEMALE, LocalDate.of(1988, 5, 1), "01", "TRUNG_CAP");
        long e = member("Ủy Viên E", Gender.MALE, LocalDate.of(1980, 6, 1), "01", "CU_NHAN");
        long f = member("Ủy Viên F", Gender.MALE, LocalDate.of(1979, 7, 1), "01", "CAO_CAP");
        DecisionRef approved = new DecisionRef("1230-QĐ/TW", CONGRESS_2020.plusDays(10), "Ban Bí thư");
        long t2020 = cadres.apply(new CadreAct.OpenTerm(p, "2020–2025", CONGRESS_2020, CONGRESS_2025, true,
                "Đại hội đại biểu Đảng bộ tỉnh lần thứ XX", CONGRESS_2020, 350, approved));
        for (long m : List.of(a, b, c, f)) {
            cadres.apply(new CadreAct.JoinCommittee(t2020, m, m == a ? CommitteeRole.SECRETARY : CommitteeRole.MEMBER,
                    SeatEntry.ELECTED, CONGRESS_2020, approved));
        }
        long t2025 = cadres.apply(new CadreAct.OpenTerm(p, "2025–2030", CONGRESS_2025, CONGRESS_2025.plusYears(5), true,
                "Đại hội đại biểu Đảng bộ tỉnh lần thứ XXI", CONGRESS_2025, 420,
                new DecisionRef("1450-QĐ/TW", CONGRESS_2025.plusDays(10), "Ban Bí thư")));
        DecisionRef elected = new DecisionRef("01-NQ/ĐH", CONGRESS_2025, "Đại hội đại biểu Đảng bộ tỉnh lần thứ XXI");
        for (long m : List.of(a, b, c, d, e)) {
            cadres.apply(new CadreAct.JoinCommittee(t2025, m, m == a ? CommitteeRole.SECRETARY : CommitteeRole.MEMBER,
                    SeatEntry.ELECTED, CONGRESS_2025, elected));
        }
        long added = cadres.apply(new CadreAct.JoinCommittee(t2025, f, CommitteeRole.MEMBER, SeatEntry.ADDED,
                LocalDate.of(2026, 3, 2), new DecisionRef("1500-QĐ/TW", LocalDate.of(2026, 2, 25), "Ban Bí thư")));
        cadres.apply(new CadreAct.LeaveCommittee(added, SeatExit.MOVED, LocalDate.of(2026, 9, 1),
                new DecisionRef("1600-QĐ/TW", LocalDate.of(2026, 8, 25), "Ban Bí thư")));
    }

    private static Map<String, FormTable.Row> rows(FormTable t) {
        Map<String, FormTable.Row> rows = new HashMap<>();
        t.rows().forEach(r -> rows.put(r.number(), r));
        return rows;
    }

    @Test
    @DisplayName("Cơ cấu cấp ủy tại ngày và cơ cấu cấp ủy khóa mới: số lượng và tỷ lệ trên tổng số, tái cử so với khóa trước")
    void shouldCountTheCommitteeAndTheNewlyElectedCommitteeWithTheirBases() {
        List<FormTable> tables = reports.tables(tree.id("P"), LocalDate.of(2026, 6, 1), "LOCAL_2030_2035", Locale.forLanguageTag("vi"));
        assertThat(tables).hasSize(3);

        FormTable committee = tables.getFirst();
        assertThat(committee.columns().get(1).label()).isEqualTo("Tỷ lệ (%) trên tổng số cấp ủy viên");
        Map<String, FormTable.Row> c = rows(committee);
        assertThat(c.get("1").cell(0).value()).isEqualTo(6);   // five elected + the one added in 3/2026
        assertThat(c.get("2").cell(0).value()).isEqualTo(2);   // women
        assertThat(c.get("2").cell(1).base()).isEqualTo(6);
        assertThat(c.get("3").cell(0).value()).isEqualTo(1);   // Tày
        assertThat(c.get("4.2").cell(0).value()).isEqualTo(1); // 35 to under 40 on 1/6/2026: born 1988
        assertThat(c.get("4.4").cell(0).value()).isEqualTo(2); // 45 to 50: born 1979, 1980
        assertThat(c.get("4.5").cell(0).value()).isEqualTo(3); // over 50: born 1968, 1972, 1975
        assertThat(committee.rows()).filteredOn(r -> r.label().equals("Cao cấp")).singleElement()
                .satisfies(r -> assertThat(r.cell(0).value()).isEqualTo(4));

        // after the added member moved away, five
        assertThat(rows(reports.tables(tree.id("P"), LocalDate.of(2026, 10, 1), "LOCAL_2030_2035", Locale.forLanguageTag("vi"))
                .getFirst()).get("1").cell(0).value()).isEqualTo(5);

        FormTable congress = tables.get(2);
        assertThat(congress.title()).contains("2025–2030");
        Map<String, FormTable.Row> k = rows(congress);
        assertThat(k.get("1").cell(0).value()).isEqualTo(5);   // elected at the congress
        assertThat(k.get("2").cell(0).value()).isEqualTo(3);   // re-elected from 2020–2025: A, B, C
        assertThat(k.get("3").cell(0).value()).isEqualTo(2);   // new: D, E
        assertThat(k.get("4").cell(0).value()).isEqualTo(2);   // women: B, D
        assertThat(k.get("5").cell(0).value()).isEqualTo(1);   // under 40 on 10/10/2025: D
        assertThat(k.get("6").cell(0).value()).isEqualTo(1);   // Tày: C
        assertThat(k.get("2").cell(1).base()).isEqualTo(5);
        assertThat(congress.columns().get(1).label()).isEqualTo("Tỷ lệ (%) trên số cấp ủy viên được bầu");
    }

    @Test
    @DisplayName("Xuất .xlsx (số đọc lại được) và PDF thể thức văn bản Đảng; trang và API trả 404 ngoài phạm vi")
    void shouldExportTheSameTablesAsXlsxAndPdf() throws IOException {
        Http http = Http.on(port);
        String base = "/api/v1/units/" + tree.id("P") + "/cadre-statistics?asOf=2026-06-01&period=LOCAL_2030_2035";
        HttpResponse<String> json = http.getBasic(base, user, PASSWORD);
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).contains("Tái cử").contains("\"base\":5");

        byte[] xlsx = bytes(base + "&format=xlsx");
        Files.createDirectories(Path.of("target", "reports"));
        Files.write(Path.of("target", "reports", "thong-ke-can-bo.xlsx"), xlsx);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Sheet> sheets = wb.getSheets().toList();
            assertThat(sheets).extracting(Sheet::getName).containsExactly("Cấp ủy", "Quy hoạch", "Đại hội");
            Map<String, Row> congress = new HashMap<>();
            for (Row r : sheets.get(2).read()) {
                if (r.getCellCount() > 1 && r.getCell(0) != null) congress.put(r.getCellText(0), r);
            }
            assertThat(congress.get("2").getCellText(1).trim()).isEqualTo("Tái cử");
            assertThat(congress.get("2").getCellAsNumber(2)).contains(BigDecimal.valueOf(3));
            assertThat(congress.get("2").getCellAsNumber(3).orElseThrow().doubleValue()).isEqualTo(0.6);
        }

        byte[] pdf = bytes(base + "&format=pdf");
        Files.write(Path.of("target", "reports", "thong-ke-can-bo.pdf"), pdf);
        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(new PdfTextExtractor(reader).getTextFromPage(page)).append('\n');
        }
        reader.close();
        assertThat(text.toString()).contains("ĐẢNG CỘNG SẢN VIỆT NAM", "CƠ CẤU CẤP ỦY", "Tái cử",
                "trên số cấp ủy viên được bầu");

        // outside the scope: like a unit that does not exist
        assertThat(http.getBasic("/api/v1/units/" + tree.id("Q") + "/cadre-statistics", user, PASSWORD).statusCode()).isEqualTo(404);
        assertThat(http.getBasic("/api/v1/units/" + tree.id("Q") + "/cadre-statistics?format=xlsx", user, PASSWORD).statusCode())
                .isEqualTo(404);
    }

    private byte[] bytes(String path) {
        try {
            var client = java.net.http.HttpClient.newHttpClient();
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                            .encodeToString((user + ":" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .GET().build();
            var response = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
