package vn.tcxd.members.bulk;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.tcxd.IntegrationTest;
import vn.tcxd.members.MemberImport;
import vn.tcxd.members.MemberImportOutcome;
import vn.tcxd.members.MemberImportRowError;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.TreeFixture;
import vn.tcxd.shared.scope.AccessScope;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tcxd.jooq.members.Tables.MEMBER;

/**
 * The bad-input corpus (src/test/resources/bad-input, made by its make-corpus.py; the large files are
 * generated here): every file is refused with a clear Vietnamese message, within seconds, with nothing
 * written and the heap bounded while it is judged.
 */
@IntegrationTest
class ImportBadInputTests {

    /** What judging one bad file may add to the heap; the shared-string bomb used to add gigabytes. */
    static final long HEAP_BOUND = 256L * 1024 * 1024;
    static final Duration TIME_BOUND = Duration.ofSeconds(15);

    @Autowired
    MemberImport imports;
    @Autowired
    OrgStructure org;
    @Autowired
    DSLContext db;

    TreeFixture tree;
    AccessScope everything = AccessScope.system("importer");

    @BeforeEach
    void buildTree() {
        tree = TreeFixture.standard(org);
    }

    /** The outcome of importing the file, asserted to write nothing, to be quick and to keep the heap bounded. */
    private MemberImportOutcome judged(String fileName, byte[] content) {
        int before = db.fetchCount(MEMBER);
        System.gc();
        var heap = ManagementFactory.getMemoryMXBean();
        long baseline = heap.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(heap.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long started = System.nanoTime();
        MemberImportOutcome outcome;
        try {
            outcome = imports.run(fileName, content, everything);
        } finally {
            sampler.interrupt();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(outcome.imported()).as(fileName).isZero();
        assertThat(db.fetchCount(MEMBER)).as(fileName).isEqualTo(before);
        assertThat(took).as(fileName + " judged in").isLessThan(TIME_BOUND);
        assertThat(peak.get() - baseline).as(fileName + " heap added (bytes)").isLessThan(HEAP_BOUND);
        return outcome;
    }

    private static byte[] corpus(String name) {
        try (InputStream in = ImportBadInputTests.class.getResourceAsStream("/bad-input/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void shouldRefuseAnXlsxZipBombWithoutInflatingIt() {
        MemberImportOutcome outcome = judged("zip-bomb.xlsx", corpus("zip-bomb.xlsx"));

        assertThat(outcome.fileError()).isEqualTo("error.memberImport.zipBomb");
    }

    @Test
    void shouldRefuseASharedStringTableThatInflatesToHundredsOfMegabytes() {
        byte[] bomb = sharedStringsWorkbook(300_000, index -> "A".repeat(1_000));

        MemberImportOutcome outcome = judged("shared-strings-bomb.xlsx", bomb);

        assertThat(outcome.fileError()).isIn("error.memberImport.zipBomb", "error.memberImport.sharedStrings");
    }

    @Test
    void shouldRefuseASharedStringTableOfMoreStringsThanAnyImportNeeds() {
        Random random = new Random(18);
        char[] letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
        byte[] bomb = sharedStringsWorkbook(2_100_000, index -> {
            char[] text = new char[6];
            for (int i = 0; i < text.length; i++) {
                text[i] = letters[random.nextInt(letters.length)];
            }
            return new String(text);
        });
        assertThat(bomb.length).isLessThan((int) MemberImport.MAX_BYTES);

        MemberImportOutcome outcome = judged("shared-strings-count.xlsx", bomb);

        assertThat(outcome.fileError()).isEqualTo("error.memberImport.sharedStrings");
    }

    @Test
    void shouldRefuseAnExternalEntityInsideAWorkbookPart() {
        MemberImportOutcome outcome = judged("xxe.xlsx", corpus("xxe.xlsx"));

        assertThat(outcome.fileError()).isEqualTo("error.memberImport.doctype");
        assertThat(outcome.fileErrorArgs()).containsExactly("xl/worksheets/sheet1.xml");
    }

    @Test
    void shouldRefuseFormulaCellsWhereValuesBelong() {
        MemberImportOutcome outcome = judged("formula.xlsx", corpus("formula.xlsx"));

        assertThat(outcome.badRows()).containsExactly(2, 3);
        assertThat(outcome.errors()).filteredOn(e -> e.column().equals("Họ và tên")).extracting(MemberImportRowError::message)
                .allSatisfy(m -> assertThat(m).startsWith("Ô công thức không được chấp nhận")).hasSize(2);
    }

    @Test
    void shouldRefuseHtmlAndSqlInjectionInNames() {
        String csv = new String(corpus("injection.csv"), StandardCharsets.UTF_8).replace("@CELL@", tree.code("X1C1"));
        while (csv.contains("@CCCD@")) {
            csv = csv.replaceFirst("@CCCD@", ImportFiles.citizenId());
        }

        MemberImportOutcome outcome = judged("injection.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(outcome.badRows()).containsExactly(2, 3, 4, 5);
        assertThat(outcome.errors()).filteredOn(e -> e.column().equals("Họ và tên")).extracting(MemberImportRowError::message)
                .hasSize(4).allSatisfy(m -> assertThat(m).contains("không được chứa ký tự"));
        assertThat(db.fetchCount(MEMBER, MEMBER.FULL_NAME.contains("<"))).isZero();
    }

    @Test
    void shouldRefuseCsvFilesThatAreNotUtf8ByTheirEncoding() {
        MemberImportOutcome utf16 = judged("utf-16.csv", corpus("utf-16.csv"));
        MemberImportOutcome windows1258 = judged("windows-1258.csv", corpus("windows-1258.csv"));

        assertThat(utf16.fileError()).isEqualTo("error.memberImport.utf16");
        assertThat(windows1258.fileError()).isEqualTo("error.memberImport.notUtf8");
    }

    @Test
    void shouldRefuseCellsOfOneMegabyte() {
        var rows = ImportFiles.rows(2, tree.code("X1C1"), java.time.LocalDate.of(2018, 1, 2));
        rows.get(0).put("Họ và tên", "A".repeat(1024 * 1024));

        MemberImportOutcome outcome = judged("big-cells.csv", ImportFiles.csv(rows));

        assertThat(outcome.badRows()).containsExactly(2);
        assertThat(outcome.errors()).filteredOn(e -> e.column().equals("Họ và tên")).extracting(MemberImportRowError::message)
                .singleElement().asString().contains("dài quá 100 ký tự");
    }

    @Test
    void shouldRefuseAFileOf60Megabytes() {
        byte[] big = new byte[60 * 1024 * 1024];
        Arrays.fill(big, (byte) 'x');

        MemberImportOutcome outcome = judged("big.csv", big);

        assertThat(outcome.fileError()).isEqualTo("error.memberImport.tooLarge");
    }

    /** A workbook whose shared-string table holds {@code count} strings, the last one used by the data row. */
    private static byte[] sharedStringsWorkbook(int count, java.util.function.IntFunction<String> text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            String ns = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";
            put(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/><Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>");
            put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            put(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook " + ns + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Đảng viên\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            put(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");
            StringBuilder header = new StringBuilder();
            for (int c = 0; c < ImportFiles.HEADERS.size(); c++) {
                header.append("<c r=\"").append((char) ('A' + c)).append("1\" t=\"inlineStr\"><is><t>")
                        .append(ImportFiles.HEADERS.get(c)).append("</t></is></c>");
            }
            put(zip, "xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet " + ns + "><sheetData><row r=\"1\">"
                    + header + "</row><row r=\"2\"><c r=\"A2\" t=\"s\"><v>" + (count - 1) + "</v></c></row></sheetData></worksheet>");
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst " + ns + " count=\"" + count + "\" uniqueCount=\""
                    + count + "\">").getBytes(StandardCharsets.UTF_8));
            StringBuilder chunk = new StringBuilder();
            for (int i = 0; i < count; i++) {
                chunk.append("<si><t>").append(text.apply(i)).append("</t></si>");
                if (chunk.length() > 1 << 20) {
                    zip.write(chunk.toString().getBytes(StandardCharsets.UTF_8));
                    chunk.setLength(0);
                }
            }
            chunk.append("</sst>");
            zip.write(chunk.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
