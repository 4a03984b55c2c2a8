package vn.tcxd.members.bulk;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.tcxd.IntegrationTest;
import vn.tcxd.members.MemberFilter;
import vn.tcxd.members.MemberImport;
import vn.tcxd.members.MemberImportOutcome;
import vn.tcxd.members.MemberImportRowError;
import vn.tcxd.members.MemberSummary;
import vn.tcxd.members.Members;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.TreeFixture;
import vn.tcxd.shared.scope.AccessScope;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tcxd.jooq.members.Tables.MEMBER;

/**
 * Excel/CSV import: every row checked, all or nothing, problems named by row and column in
 * Vietnamese.
 */
@IntegrationTest
class MemberImportTests {

    static final LocalDate ADMITTED = LocalDate.of(2018, 1, 2);

    @Autowired
    MemberImport imports;

    @Autowired
    Members members;

    @Autowired
    OrgStructure org;

    @Autowired
    DSLContext db;

    @Autowired
    Clock clock;

    TreeFixture tree;
    AccessScope everything = AccessScope.system("importer");

    @BeforeEach
    void buildTree() {
        tree = TreeFixture.standard(org);
    }

    private int memberRows() {
        return db.fetchCount(MEMBER);
    }

    private static MemberImportRowError errorOn(MemberImportOutcome outcome, int row) {
        return outcome.errors().stream().filter(e -> e.row() == row).findFirst().orElseThrow();
    }

    @Test
    void shouldWriteNothingAndNameTheThreeBadRowsWhenOneFileOf10000RowsHasThem() {
        List<Map<String, Object>> rows = ImportFiles.rows(10_000, tree.code("X1C1"), ADMITTED);
        // data row i sits on spreadsheet row i + 2 (the header is row 1)
        rows.get(1_233).put("Số CCCD", "09712345678");
        rows.get(5_000).put("Ngày sinh", LocalDate.now(clock).plusDays(3));
        LocalDate admittedOn = (LocalDate) rows.get(9_997).get("Ngày quyết định kết nạp");
        rows.get(9_997).put("Ngày công nhận chính thức", admittedOn.minusDays(5));
        int before = memberRows();

        MemberImportOutcome refused = imports.run("dang-vien.xlsx", ImportFiles.xlsx(rows), everything);

        assertThat(refused.succeeded()).isFalse();
        assertThat(refused.imported()).isZero();
        assertThat(refused.rows()).isEqualTo(10_000);
        assertThat(refused.badRows()).containsExactly(1_235, 5_002, 9_999);
        assertThat(errorOn(refused, 1_235).column()).isEqualTo("Số CCCD");
        assertThat(errorOn(refused, 1_235).message()).contains("12 chữ số");
        assertThat(errorOn(refused, 5_002).column()).isEqualTo("Ngày sinh");
        assertThat(errorOn(refused, 5_002).message()).contains("tương lai");
        assertThat(errorOn(refused, 9_999).column()).isEqualTo("Ngày công nhận chính thức");
        assertThat(memberRows()).isEqualTo(before);

        rows.get(1_233).put("Số CCCD", ImportFiles.citizenId());
        rows.get(5_000).put("Ngày sinh", LocalDate.of(1985, 6, 1));
        rows.get(9_997).put("Ngày công nhận chính thức", admittedOn.plusYears(1).plusMonths(1));

        MemberImportOutcome imported = imports.run("dang-vien.xlsx", ImportFiles.xlsx(rows), everything);

        assertThat(imported.errors()).isEmpty();
        assertThat(imported.imported()).isEqualTo(10_000);
        assertThat(memberRows()).isEqualTo(before + 10_000);
        assertThat(members.list(tree.id("P"), LocalDate.of(2020, 1, 1), MemberFilter.NONE, 0, 1).total()).isEqualTo(10_000);
    }

    @Test
    void shouldRejectDuplicateCitizenIdsWhenRepeatedInTheFileOrAlreadyRegistered() {
        List<Map<String, Object>> first = ImportFiles.rows(1, tree.code("X1C1"), ADMITTED);
        assertThat(imports.run("a.xlsx", ImportFiles.xlsx(first), everything).imported()).isEqualTo(1);
        List<Map<String, Object>> rows = ImportFiles.rows(3, tree.code("X1C2"), ADMITTED);
        rows.get(1).put("Số CCCD", rows.get(0).get("Số CCCD"));
        rows.get(2).put("Số CCCD", first.get(0).get("Số CCCD"));

        MemberImportOutcome outcome = imports.run("b.xlsx", ImportFiles.xlsx(rows), everything);

        assertThat(outcome.badRows()).containsExactly(3, 4);
        assertThat(errorOn(outcome, 3).message()).contains("trùng với dòng 2");
        assertThat(errorOn(outcome, 4).message()).contains("đã có trong hệ thống");
    }

    @Test
    void shouldRejectFormulaCellsWhenTheFileHasThem() {
        List<Map<String, Object>> rows = ImportFiles.rows(3, tree.code("X1C1"), ADMITTED);
        rows.get(1).put("Họ và tên", "=CONCATENATE(\"Nguyễn \",\"An\")");
        int before = memberRows();

        MemberImportOutcome xlsx = imports.run("f.xlsx", ImportFiles.xlsx(rows), everything);
        MemberImportOutcome csv = imports.run("f.csv", ImportFiles.csv(rows), everything);

        for (MemberImportOutcome outcome : List.of(xlsx, csv)) {
            assertThat(outcome.badRows()).containsExactly(3);
            assertThat(errorOn(outcome, 3).column()).isEqualTo("Họ và tên");
            assertThat(errorOn(outcome, 3).message()).startsWith("Ô công thức không được chấp nhận");
        }
        assertThat(memberRows()).isEqualTo(before);
    }

    @Test
    void shouldRejectDecomposedTextWhenNamesAreNfd() {
        List<Map<String, Object>> rows = ImportFiles.rows(2, tree.code("X1C1"), ADMITTED);
        rows.get(0).put("Họ và tên", Normalizer.normalize("Nguyễn Thị Hằng", Normalizer.Form.NFD));

        MemberImportOutcome outcome = imports.run("n.xlsx", ImportFiles.xlsx(rows), everything);

        assertThat(outcome.badRows()).containsExactly(2);
        assertThat(errorOn(outcome, 2).message()).contains("NFD");
    }

    @Test
    void shouldRejectOversizedFilesWithAClearMessage() {
        MemberImportOutcome tooBig = imports.run("big.xlsx", new byte[(int) MemberImport.MAX_BYTES + 1], everything);
        StringBuilder csv = new StringBuilder(String.join(",", ImportFiles.HEADERS)).append('\n');
        for (int i = 0; i <= MemberImport.MAX_ROWS; i++) {
            csv.append("x\n");
        }
        MemberImportOutcome tooLong = imports.run("long.csv", csv.toString().getBytes(StandardCharsets.UTF_8), everything);

        assertThat(tooBig.fileError()).isEqualTo("error.memberImport.tooLarge");
        assertThat(tooBig.fileErrorArgs()).containsExactly(20L);
        assertThat(tooLong.fileError()).isEqualTo("error.memberImport.tooManyRows");
        assertThat(tooBig.imported() + tooLong.imported()).isZero();
    }

    @Test
    void shouldRejectCellsThatAreUnknownOutsideTheWriteScopeOrNotYetFounded() {
        TreeFixture other = TreeFixture.standard(org);
        long province = tree.id("P");
        AccessScope provinceStaff = new AccessScope("staff", false, Set.of(province), Set.of(province), Set.of());
        List<Map<String, Object>> rows = ImportFiles.rows(4, tree.code("X1C1"), ADMITTED);
        rows.get(0).put("Mã chi bộ", "KHONG.CO.CHI.BO");
        rows.get(1).put("Mã chi bộ", other.code("X1C1"));
        rows.get(2).put("Ngày quyết định kết nạp", TreeFixture.FOUNDED.minusDays(30));
        rows.get(2).put("Ngày lễ kết nạp", null);
        rows.get(2).put("Ngày công nhận chính thức", null);

        MemberImportOutcome outcome = imports.run("c.xlsx", ImportFiles.xlsx(rows), provinceStaff);

        assertThat(outcome.badRows()).containsExactly(2, 3, 4);
        assertThat(errorOn(outcome, 2).message()).contains("Không có chi bộ mã");
        assertThat(errorOn(outcome, 3).message()).contains("ngoài phạm vi");
        assertThat(errorOn(outcome, 4).message()).contains("không tồn tại vào ngày");
        assertThat(outcome.errors()).allMatch(e -> !e.column().isBlank());
    }

    @Test
    void shouldImportCsvAndWriteOneAuditEntryForTheBatch() {
        List<Map<String, Object>> rows = ImportFiles.rows(5, tree.code("X2C1"), ADMITTED);
        rows.get(0).put("Họ và tên", "Phạm Thị Ánh Tuyết");
        int audits = db.fetchCount(DSL.table("security.audit_entry"), DSL.field("action").eq("members.IMPORTED"));

        MemberImportOutcome outcome = imports.run("d.csv", ImportFiles.csv(rows), everything);

        assertThat(outcome.imported()).isEqualTo(5);
        assertThat(db.fetchCount(DSL.table("security.audit_entry"), DSL.field("action").eq("members.IMPORTED")))
                .isEqualTo(audits + 1);
        List<MemberSummary> found = members.search("pham thi anh tuyet", List.of(tree.id("P")), LocalDate.of(2020, 1, 1), 5);
        assertThat(found).extracting(MemberSummary::fullName).containsExactly("Phạm Thị Ánh Tuyết");
    }
}
