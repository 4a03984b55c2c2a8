package vn.tcxd.members.bulk;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds import files in the template's layout: rows of column → value, written as xlsx (a value
 * starting with "=" becomes a formula cell) or CSV.
 */
final class ImportFiles {

    static final List<String> HEADERS = List.of("Họ và tên", "Giới tính", "Ngày sinh", "Nơi sinh", "Quê quán", "Dân tộc",
            "Tôn giáo", "Số CCCD", "Số thẻ đảng viên", "Số lý lịch", "Nơi cư trú", "Điện thoại", "Nghề nghiệp",
            "Trình độ GDPT", "Chuyên môn", "Lý luận chính trị", "Ngày quyết định kết nạp", "Ngày lễ kết nạp",
            "Ngày công nhận chính thức", "Mã chi bộ", "Số quyết định kết nạp", "Cơ quan ban hành");

    private static final AtomicLong CITIZEN = new AtomicLong(ProcessHandle.current().pid() % 1000 * 100_000L);
    private static final String[] GIVEN = {"An", "Bình", "Cường", "Dũng", "Hà", "Lan", "Minh", "Nga", "Sơn", "Thủy"};

    private ImportFiles() {
    }

    /** A unique 12-digit citizen id no other test uses. */
    static String citizenId() {
        return "0020" + String.format("%08d", CITIZEN.incrementAndGet() % 100_000_000L);
    }

    /** A valid row: admitted on {@code admitted} in {@code cellCode}, ceremony 18 days later, full a year on. */
    static Map<String, Object> row(int i, String cellCode, LocalDate admitted) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("Họ và tên", (i % 3 == 0 ? "Nguyễn Văn " : i % 3 == 1 ? "Trần Thị " : "Lê Đức ") + GIVEN[i % GIVEN.length]);
        row.put("Giới tính", i % 3 == 1 ? "Nữ" : "Nam");
        row.put("Ngày sinh", LocalDate.of(1970 + i % 30, 1 + i % 12, 1 + i % 28));
        row.put("Nơi sinh", "Xã Tân Lập, huyện Sông Cầu");
        row.put("Quê quán", "Tân Lập");
        row.put("Dân tộc", i % 10 == 0 ? "Mường" : "Kinh");
        row.put("Tôn giáo", i % 20 == 0 ? "PHAT_GIAO" : "Không");
        row.put("Số CCCD", citizenId());
        row.put("Nơi cư trú", "Thôn Đông, xã Tân Lập");
        row.put("Điện thoại", "0912345678");
        row.put("Nghề nghiệp", "Nông dân");
        row.put("Trình độ GDPT", "THPT");
        row.put("Chuyên môn", "Đại học");
        row.put("Lý luận chính trị", "Sơ cấp");
        row.put("Ngày quyết định kết nạp", admitted);
        row.put("Ngày lễ kết nạp", admitted.plusDays(18));
        row.put("Ngày công nhận chính thức", admitted.plusDays(18).plusYears(1).plusDays(10));
        row.put("Mã chi bộ", cellCode);
        row.put("Số quyết định kết nạp", (100 + i) + "-QĐ/HU");
        row.put("Cơ quan ban hành", "Ban Thường vụ Huyện ủy");
        return row;
    }

    static List<Map<String, Object>> rows(int n, String cellCode, LocalDate admitted) {
        List<Map<String, Object>> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(row(i, cellCode, admitted.plusDays(i % 200)));
        }
        return rows;
    }

    static byte[] xlsx(List<Map<String, Object>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(out, "test", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("Đảng viên");
            for (int c = 0; c < HEADERS.size(); c++) {
                sheet.value(0, c, HEADERS.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Map<String, Object> row = rows.get(r);
                for (int c = 0; c < HEADERS.size(); c++) {
                    Object value = row.get(HEADERS.get(c));
                    if (value instanceof LocalDate date) {
                        sheet.value(r + 1, c, date);
                        sheet.style(r + 1, c).format("d/m/yyyy").set();
                    } else if (value instanceof String text && text.startsWith("=")) {
                        sheet.formula(r + 1, c, text.substring(1));
                    } else if (value != null) {
                        sheet.value(r + 1, c, value.toString());
                    }
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] csv(List<Map<String, Object>> rows) {
        StringBuilder csv = new StringBuilder(String.join(",", HEADERS)).append('\n');
        for (Map<String, Object> row : rows) {
            List<String> cells = new ArrayList<>();
            for (String header : HEADERS) {
                Object value = row.get(header);
                String text = value == null ? "" : value instanceof LocalDate d
                        ? d.getDayOfMonth() + "/" + d.getMonthValue() + "/" + d.getYear() : value.toString();
                cells.add(text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text);
            }
            csv.append(String.join(",", cells)).append('\n');
        }
        return csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
