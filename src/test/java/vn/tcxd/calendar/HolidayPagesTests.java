package vn.tcxd.calendar;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.tcxd.Http;
import vn.tcxd.IntegrationTest;
import vn.tcxd.members.DeadlineKind;
import vn.tcxd.members.DeadlineRules;

import java.net.http.HttpResponse;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The holiday calendar page and API (/admin/holidays, /api/v1/holidays): administrators keep the
 * calendar behind the working-day deadlines of QĐ 24 / QĐ 29 in line with the Government's announcements.
 */
@IntegrationTest
class HolidayPagesTests {

    static final String ADMIN = "admin";
    static final String PASSWORD = "test-admin-Pa55word";
    static final LocalDate EXTRA = LocalDate.of(2029, 6, 15);

    @LocalServerPort
    int port;

    @Autowired
    DeadlineRules deadlines;

    @Autowired
    HolidayCalendar calendar;

    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void login() {
        http = Http.on(port);
        assertThat(http.login(ADMIN, PASSWORD).statusCode()).isEqualTo(302);
    }

    @Test
    @DisplayName("QĐ 24 mục 4.1: thêm một ngày nghỉ trên trang quản trị thì hạn tổ chức lễ kết nạp lùi một ngày làm việc; xóa thì trở lại")
    void shouldMoveTheCeremonyDeadlineWhenAHolidayIsAdded() {
        LocalDate decision = LocalDate.of(2029, 6, 1);
        LocalDate before = deadlines.due(DeadlineKind.ADMISSION_CEREMONY, decision).due();

        HttpResponse<String> added = http.postForm("/admin/holidays?year=2029", "/admin/holidays",
                Map.of("date", EXTRA.toString(), "name", "Ngày nghỉ đột xuất thử nghiệm", "kind", "PUBLIC_HOLIDAY"));
        try {
            assertThat(added.statusCode()).isEqualTo(302);
            assertThat(added.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("year=2029"));
            HttpResponse<String> page = http.get("/admin/holidays?year=2029");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Ngày nghỉ đột xuất thử nghiệm").contains("15/6/2029")
                    .contains("Lịch nghỉ lễ, Tết năm 2029");
            LocalDate after = deadlines.due(DeadlineKind.ADMISSION_CEREMONY, decision).due();
            assertThat(after).isAfter(before);
            assertThat(jdbc.sql("select count(*) from security.audit_entry where action = 'calendar.HOLIDAY_ADDED' and entity_id = ?")
                    .param(EXTRA.toString()).query(Long.class).single()).isEqualTo(1L);
        } finally {
            HttpResponse<String> removed = http.postForm("/admin/holidays?year=2029", "/admin/holidays/" + EXTRA + "/delete", Map.of());
            assertThat(removed.statusCode()).isEqualTo(302);
        }
        assertThat(deadlines.due(DeadlineKind.ADMISSION_CEREMONY, decision).due()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from security.audit_entry where action = 'calendar.HOLIDAY_REMOVED' and entity_id = ?")
                .param(EXTRA.toString()).query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    @DisplayName("Dữ liệu sai (trùng ngày, ngoài phạm vi lịch, tên trống, chữ NFD, làm bù ngày thường): báo lỗi tiếng Việt, không ghi gì")
    void shouldRejectBadInputWithVietnameseErrorsAndWriteNothing() {
        int before2024 = calendar.year(2024).size();
        int before2029 = calendar.year(2029).size();

        assertThat(post("2024-02-08", "Tết", "PUBLIC_HOLIDAY")).contains("Ngày 8/2/2024 đã có trong lịch");
        assertThat(post("2036-01-01", "Tết Dương lịch", "PUBLIC_HOLIDAY"))
                .contains("Ngày 1/1/2036 nằm ngoài phạm vi lịch (từ năm 2010 đến năm 2035)");
        assertThat(post("2029-06-14", "   ", "PUBLIC_HOLIDAY")).contains("Tên là bắt buộc.");
        assertThat(post("2029-06-14", Normalizer.normalize("Nghỉ lễ đặc biệt", Normalizer.Form.NFD), "PUBLIC_HOLIDAY"))
                .contains("dạng tổ hợp (NFD)");
        assertThat(post("2029-06-14", "Làm bù", "MAKEUP_WORKDAY"))
                .contains("không phải thứ Bảy hoặc Chủ nhật nên không thể là ngày làm bù");
        assertThat(post("không-phải-ngày", "Nghỉ", "PUBLIC_HOLIDAY")).contains("Ngày không hợp lệ");

        assertThat(calendar.year(2024)).hasSize(before2024);
        assertThat(calendar.year(2029)).hasSize(before2029);
    }

    @Test
    @DisplayName("API /api/v1/holidays: đọc theo năm; thêm trùng ngày trả 422 với thông báo tiếng Việt")
    void shouldServeTheCalendarAsJsonAndRejectDuplicates() {
        HttpResponse<String> year = http.getBasic("/api/v1/holidays?year=2024", ADMIN, PASSWORD);
        HttpResponse<String> duplicate = http.postJsonBasic("/api/v1/holidays",
                "{\"date\":\"2024-02-08\",\"name\":\"Tết\",\"kind\":\"PUBLIC_HOLIDAY\"}", ADMIN, PASSWORD);

        assertThat(year.statusCode()).isEqualTo(200);
        assertThat(year.body()).contains("\"date\":\"2024-02-08\"").contains("\"kind\":\"MAKEUP_WORKDAY\"");
        assertThat(duplicate.statusCode()).isEqualTo(422);
        assertThat(duplicate.body()).contains("error.holiday.duplicate").contains("đã có trong lịch");
    }

    @Test
    @DisplayName("Trang lịch nghỉ chỉ dành cho quản trị viên: chưa đăng nhập thì chuyển tới trang đăng nhập")
    void shouldRequireLoginForTheHolidayPage() {
        HttpResponse<String> anonymous = Http.on(port).get("/admin/holidays");

        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login"));
    }

    private String post(String date, String name, String kind) {
        HttpResponse<String> response = http.postForm("/admin/holidays?year=2029", "/admin/holidays",
                Map.of("date", date, "name", name, "kind", kind));
        assertThat(response.statusCode()).as("re-rendered form, not a redirect").isEqualTo(200);
        return response.body();
    }
}
