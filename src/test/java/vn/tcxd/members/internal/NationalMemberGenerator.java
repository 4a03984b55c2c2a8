package vn.tcxd.members.internal;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

import javax.sql.DataSource;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Test data only: about 5.6 million party members on the current cells (CELL, GRASSROOTS_CELL) of
 * the generated national tree, written with COPY into {@code members.member / member_event /
 * member_state} in the shape {@code MemberService.admit} writes: one member row (search_text and
 * sort_name from {@link Records}, as the service computes them), one ADMITTED event with the unit
 * in its details, one current state row (FULL, or PROBATIONARY when admitted within the last year).
 * <p>
 * Names follow the real frequency skew (Nguyễn ≈ 38 %, Trần ≈ 11 %, Lê ≈ 9.5 %, …, "Văn" and "Thị"
 * the usual middle names, some minority names), so "Nguyễn Văn An" is common and the rare names are
 * rare. Members per cell are heavy-tailed; provinces get members in proportion to their cells, so the
 * big provinces are big. Members are written in random cell order (no physical clustering by unit,
 * as on a live system). Deterministic for a seed.
 * <p>
 * Shortcuts of a bulk load, not of the data: the non-unique indexes of the three tables (and of the
 * derived {@code member_name_key}, filled with the same {@code members.name_keys} as its trigger) are dropped
 * and re-created from their own definitions after the COPY, foreign-key triggers are skipped
 * ({@code session_replication_role = replica}; the ids are consistent by construction), and a state
 * begins on the later of the admission and its cell's establishment (no earlier history is generated).
 */
public final class NationalMemberGenerator {

    /** Family names with their share in per cent (Vietnamese population figures, rounded). */
    private static final Object[][] FAMILY = {
            {"Nguyễn", 38.0}, {"Trần", 11.0}, {"Lê", 9.5}, {"Phạm", 7.0}, {"Hoàng", 3.0}, {"Huỳnh", 2.1},
            {"Phan", 4.5}, {"Vũ", 2.0}, {"Võ", 1.9}, {"Đặng", 2.1}, {"Bùi", 2.0}, {"Đỗ", 1.4}, {"Hồ", 1.3},
            {"Ngô", 1.3}, {"Dương", 1.0}, {"Lý", 0.5}, {"Đinh", 0.6}, {"Trương", 0.6}, {"Đào", 0.5},
            {"Lương", 0.4}, {"Mai", 0.4}, {"Cao", 0.4}, {"Tô", 0.3}, {"Hà", 0.6}, {"Lâm", 0.3}, {"Chu", 0.2},
            {"Lò", 0.3}, {"Quách", 0.1}, {"Triệu", 0.2}, {"Tạ", 0.2}, {"Thái", 0.1}, {"Kiều", 0.1},
            {"Nông", 0.3}, {"Vi", 0.1}, {"Giàng", 0.15}, {"Vàng", 0.1}, {"Sùng", 0.08}, {"Lù", 0.05},
            {"Âu", 0.03}, {"Khổng", 0.02}, {"Mạc", 0.03}, {"Thân", 0.05}, {"Lục", 0.02}, {"Ông", 0.02},
            {"Đàm", 0.05}, {"Phùng", 0.15}, {"Văn", 0.05}, {"Doãn", 0.03}, {"Tăng", 0.03}, {"Khúc", 0.01},
            {"Ninh", 0.02}, {"Diệp", 0.02}, {"Yên", 0.005}, {"Ưng", 0.005}};
    private static final Object[][] MALE_MIDDLE = {
            {"Văn", 40.0}, {"Đức", 7.0}, {"Minh", 7.0}, {"Hữu", 5.0}, {"Quang", 5.0}, {"Công", 4.0},
            {"Xuân", 3.0}, {"Thanh", 4.0}, {"Ngọc", 3.0}, {"Đình", 4.0}, {"Quốc", 3.0}, {"Mạnh", 2.0},
            {"Trung", 2.0}, {"Hoàng", 2.0}, {"Anh", 2.0}, {"Tiến", 1.5}, {"Thế", 1.5}, {"Việt", 1.5},
            {"Bá", 1.0}, {"Duy", 1.5}, {"Tuấn", 1.0}, {"Trọng", 1.0}, {"Kim", 0.5}, {"A", 0.8}};
    private static final Object[][] FEMALE_MIDDLE = {
            {"Thị", 55.0}, {"Thu", 6.0}, {"Ngọc", 6.0}, {"Thanh", 5.0}, {"Minh", 3.0}, {"Kim", 3.0},
            {"Hồng", 3.0}, {"Thùy", 3.0}, {"Phương", 2.5}, {"Mai", 2.0}, {"Bích", 2.0}, {"Lan", 1.5},
            {"Hoài", 1.5}, {"Khánh", 1.5}, {"Diệu", 1.0}, {"Hải", 1.0}, {"Quỳnh", 1.0}, {"Mỹ", 1.0}};
    private static final Object[][] MALE_GIVEN = {
            {"Anh", 5.0}, {"Hùng", 4.0}, {"Dũng", 4.0}, {"Tuấn", 4.0}, {"Minh", 3.5}, {"Hải", 3.5},
            {"Nam", 3.5}, {"Thắng", 3.0}, {"Sơn", 3.0}, {"Long", 3.0}, {"Cường", 3.0}, {"Hoàng", 2.5},
            {"Huy", 2.5}, {"Hưng", 2.5}, {"Thành", 3.0}, {"Trung", 2.5}, {"Đức", 2.5}, {"Quang", 2.0},
            {"Tùng", 2.0}, {"Việt", 2.0}, {"Bình", 2.0}, {"Hiếu", 2.0}, {"Khánh", 1.5}, {"Phong", 1.5},
            {"Tâm", 1.5}, {"Thịnh", 1.5}, {"Toàn", 1.5}, {"Vinh", 1.5}, {"Đạt", 1.5}, {"An", 1.5},
            {"Duy", 1.2}, {"Nghĩa", 1.2}, {"Phúc", 1.0}, {"Quân", 1.2}, {"Lâm", 1.0}, {"Khoa", 1.0},
            {"Giang", 0.8}, {"Tài", 1.0}, {"Thái", 1.0}, {"Tiến", 1.0}, {"Chiến", 0.8}, {"Hòa", 0.8},
            {"Lợi", 0.6}, {"Phương", 0.5}, {"Sáng", 0.5}, {"Quý", 0.5}, {"Vượng", 0.3}, {"Ước", 0.05},
            {"Khuê", 0.05}, {"Pao", 0.05}, {"Chứ", 0.03}, {"Ỷ", 0.01}};
    private static final Object[][] FEMALE_GIVEN = {
            {"Hương", 4.0}, {"Lan", 3.5}, {"Hoa", 3.0}, {"Hằng", 3.0}, {"Linh", 3.5}, {"Trang", 3.5},
            {"Thảo", 3.0}, {"Huyền", 3.0}, {"Nga", 2.5}, {"Mai", 2.5}, {"Hà", 2.5}, {"Phương", 2.5},
            {"Thủy", 2.5}, {"Dung", 2.0}, {"Hạnh", 2.0}, {"Hồng", 2.0}, {"Anh", 3.0}, {"Ngọc", 2.0},
            {"Nhung", 2.0}, {"Yến", 2.0}, {"Loan", 1.5}, {"Liên", 1.5}, {"Oanh", 1.5}, {"Vân", 1.5},
            {"Chi", 1.5}, {"Quỳnh", 1.5}, {"Tuyết", 1.2}, {"Huệ", 1.2}, {"Thúy", 1.2}, {"Hiền", 1.5},
            {"Nhàn", 0.8}, {"Duyên", 1.0}, {"Giang", 1.0}, {"Thu", 1.2}, {"Lệ", 0.6}, {"Xuân", 0.8},
            {"Tâm", 0.8}, {"An", 0.6}, {"Bích", 0.5}, {"Diệp", 0.2}, {"Khuyên", 0.1}, {"Ngát", 0.1},
            {"Sợi", 0.02}, {"Dợn", 0.01}};
    /** Share of the members who have a second middle name ("Nguyễn Thị Thu Hương"). */
    private static final double SECOND_MIDDLE = 0.18;
    private static final String[] SECOND_MIDDLE_NAMES = {"Thu", "Ngọc", "Thanh", "Minh", "Hồng", "Kim", "Quốc",
            "Xuân", "Hải", "Bảo", "Mỹ", "Phương"};

    private final Random random;
    private final Picker family, maleMiddle, femaleMiddle, maleGiven, femaleGiven;
    private final Map<String, String[]> keys = new HashMap<>(); // full name -> {search_text, sort_name}

    NationalMemberGenerator(long seed) {
        random = new Random(seed);
        family = new Picker(FAMILY);
        maleMiddle = new Picker(MALE_MIDDLE);
        femaleMiddle = new Picker(FEMALE_MIDDLE);
        maleGiven = new Picker(MALE_GIVEN);
        femaleGiven = new Picker(FEMALE_GIVEN);
    }

    /** What was written, for the harness's report. */
    public record Result(int members, int cells, String[] ethnicities, double seconds, double copySeconds,
                         double indexSeconds, double vacuumSeconds) {
    }

    /**
     * Writes {@code count} members on the cells that are current on {@code today} (the tree must be
     * there already), then re-creates the indexes and runs VACUUM ANALYZE.
     */
    public static Result generate(DataSource dataSource, long seed, int count, LocalDate today) {
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            return new NationalMemberGenerator(seed).write(connection, count, today, start);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Result write(Connection connection, int count, LocalDate today, long start) throws SQLException, IOException {
        // the cells and their establishment dates; heavy-tailed sizes (log-normal weights)
        List<long[]> cellRows = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
                "select unit_id, valid_from - date '1970-01-01' from orgstructure.unit_version"
                        + " where type in ('CELL', 'GRASSROOTS_CELL') and valid_to is null and valid_from <= date '" + today
                        + "' order by unit_id")) {
            while (rs.next()) {
                cellRows.add(new long[] {rs.getLong(1), rs.getLong(2)});
            }
        }
        int cells = cellRows.size();
        long[] cellId = new long[cells];
        int[] cellFrom = new int[cells];
        double[] cumulative = new double[cells];
        double sum = 0;
        for (int k = 0; k < cells; k++) {
            cellId[k] = cellRows.get(k)[0];
            cellFrom[k] = (int) cellRows.get(k)[1];
            sum += Math.exp(random.nextGaussian() * 0.8);
            cumulative[k] = sum;
        }
        String[] ethnicity = codes(connection, "ETHNICITY");
        String[] religion = codes(connection, "RELIGION");

        connection.setAutoCommit(false);
        List<String> indexes = new ArrayList<>();
        try (Statement st = connection.createStatement()) {
            st.execute("set local synchronous_commit = off");
            st.execute("set local session_replication_role = replica"); // no FK triggers during the load
            st.execute("set local maintenance_work_mem = '1GB'");
            try (ResultSet rs = st.executeQuery("select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)"
                    + " from pg_index i where i.indrelid in ('members.member'::regclass, 'members.member_event'::regclass,"
                    + " 'members.member_state'::regclass, 'members.member_name_key'::regclass) and not exists (select 1 from pg_constraint c"
                    + " where c.conindid = i.indexrelid)")) {
                while (rs.next()) {
                    indexes.add(rs.getString(1) + "\u0000" + rs.getString(2));
                }
            }
            for (String index : indexes) {
                st.execute("drop index " + index.substring(0, index.indexOf('\u0000')));
            }
        }

        int todayDay = (int) today.toEpochDay();
        int[] admitted = new int[count];
        int[] cellOf = new int[count];
        PGConnection pg = connection.unwrap(PGConnection.class);
        String[] values = new String[26];
        // CCCD: 3-digit province code, century/gender digit, 2-digit birth year, 6 digits unique per prefix
        Map<Integer, Integer> serial = new HashMap<>();
        try (Writer w = copy(pg, "copy members.member (id, full_name, gender, birth_date, birth_place, hometown,"
                + " ethnicity, religion, citizen_id, card_number, history_number, residence, phone, occupation,"
                + " education, professional, theory, admission_decision_date, ceremony_date, full_member_date,"
                + " search_text, sort_name) from stdin")) {
            for (int m = 0; m < count; m++) {
                boolean male = random.nextDouble() < 0.64;
                String fullName = name(male);
                String[] key = keys.computeIfAbsent(fullName,
                        n -> new String[] {Records.searchText(n, null), Records.sortName(n)});
                // age pyramid of the party: admitted at 18–40, born 1935–2006
                int admissionAge = 18 + (int) Math.min(30, Math.abs(random.nextGaussian() * 7) + random.nextInt(6));
                LocalDate admission = LocalDate.of(1960, 1, 1).plusDays(random.nextInt(
                        (int) (today.minusDays(30).toEpochDay() - LocalDate.of(1960, 1, 1).toEpochDay())));
                if (random.nextDouble() < 0.55) { // most of the living members joined after 1995
                    admission = LocalDate.of(1995, 1, 1).plusDays(random.nextInt(
                            (int) (today.minusDays(30).toEpochDay() - LocalDate.of(1995, 1, 1).toEpochDay())));
                }
                LocalDate birth = admission.minusYears(admissionAge).minusDays(random.nextInt(365));
                if (birth.isBefore(LocalDate.of(1935, 1, 1))) {
                    birth = LocalDate.of(1935, 1, 1).plusDays(random.nextInt(3650));
                    admission = birth.plusYears(admissionAge);
                }
                admitted[m] = (int) admission.toEpochDay();
                int cell = pick(cumulative);
                cellOf[m] = cell;
                int province = 1 + random.nextInt(96);
                int centuryGender = (birth.getYear() >= 2000 ? 2 : 0) + (male ? 0 : 1);
                int next = serial.merge(province * 1000 + centuryGender * 100 + birth.getYear() % 100, 1, Integer::sum);
                // a multiplier coprime to 10^6 permutes 0..999,999: unique per prefix, not sequential
                String citizenId = "%03d%d%02d%06d".formatted(province, centuryGender, birth.getYear() % 100,
                        (next * 387_433L + 17) % 1_000_000);
                String card = "%08d".formatted((m * 48_271L + 10_000_019L) % 100_000_000L);
                boolean probationary = admitted[m] > todayDay - 365;
                String eth = random.nextDouble() < 0.85 ? ethnicity[0] : ethnicity[1 + random.nextInt(ethnicity.length - 1)];
                String rel = random.nextDouble() < 0.9 ? religion[0] : religion[1 + random.nextInt(religion.length - 1)];
                values[0] = Integer.toString(m + 1);
                values[1] = fullName;
                values[2] = male ? "MALE" : "FEMALE";
                values[3] = birth.toString();
                values[4] = null;
                values[5] = null;
                values[6] = eth;
                values[7] = rel;
                values[8] = citizenId;
                values[9] = card;
                values[10] = null;
                values[11] = null;
                values[12] = null;
                values[13] = null;
                values[14] = null;
                values[15] = null;
                values[16] = null;
                values[17] = admission.toString();
                values[18] = admission.plusDays(7 + random.nextInt(60)).toString();
                values[19] = probationary ? null : admission.plusYears(1).toString();
                values[20] = key[0];
                values[21] = key[1];
                row(w, values, 22);
            }
        }
        try (Writer w = copy(pg, "copy members.member_event (id, member_id, kind, effective_on, decision_number,"
                + " decision_date, decision_body, details, recorded_by) from stdin")) {
            for (int m = 0; m < count; m++) {
                LocalDate on = LocalDate.ofEpochDay(admitted[m]);
                values[0] = Integer.toString(m + 1);
                values[1] = values[0];
                values[2] = "ADMITTED";
                values[3] = on.toString();
                values[4] = (m % 997 + 1) + "-QĐ/HU";
                values[5] = on.minusDays(m % 20).toString();
                values[6] = "Ban Thường vụ Đảng ủy";
                values[7] = "{\"unitId\": " + cellId[cellOf[m]] + "}";
                values[8] = "system";
                row(w, values, 9);
            }
        }
        try (Writer w = copy(pg, "copy members.member_state (id, member_id, valid_from, valid_to, unit_id, status, exempt,"
                + " in_transit, away_unit_id, event_id) from stdin")) {
            for (int m = 0; m < count; m++) {
                int cell = cellOf[m];
                values[0] = Integer.toString(m + 1);
                values[1] = values[0];
                values[2] = LocalDate.ofEpochDay(Math.max(admitted[m], cellFrom[cell])).toString();
                values[3] = null;
                values[4] = Long.toString(cellId[cell]);
                values[5] = admitted[m] > todayDay - 365 ? "PROBATIONARY" : "FULL";
                values[6] = random.nextDouble() < 0.04 ? "t" : "f"; // exempt from activity (old age, illness)
                values[7] = "f";
                values[8] = null;
                values[9] = values[0];
                row(w, values, 10);
            }
        }
        try (Statement st = connection.createStatement()) {
            // what the member_name_keys_added trigger writes (it does not fire in replica mode)
            st.execute("insert into members.member_name_key (member_id, name_key, sort_name)"
                    + " select m.id, k, m.sort_name from members.member m, members.name_keys(m.search_text) as k");
        }
        double copySeconds = (System.nanoTime() - start) / 1e9;
        long indexStart = System.nanoTime();
        try (Statement st = connection.createStatement()) {
            for (String index : indexes) {
                st.execute(index.substring(index.indexOf('\u0000') + 1));
            }
            for (String table : List.of("member", "member_event", "member_state")) {
                st.execute("select setval(pg_get_serial_sequence('members." + table + "', 'id'), " + count + ")");
            }
        }
        connection.commit();
        connection.setAutoCommit(true);
        double indexSeconds = (System.nanoTime() - indexStart) / 1e9;
        long vacuumStart = System.nanoTime();
        try (Statement st = connection.createStatement()) {
            st.execute("vacuum (analyze) members.member, members.member_event, members.member_state, members.member_name_key");
        }
        double vacuumSeconds = (System.nanoTime() - vacuumStart) / 1e9;
        return new Result(count, cells, ethnicity, (System.nanoTime() - start) / 1e9, copySeconds, indexSeconds,
                vacuumSeconds);
    }

    /** A full name with the national skew (also used by {@link NationalMemberHistoryGenerator}). */
    String name(boolean male) {
        StringBuilder s = new StringBuilder(32).append(family.pick(random)).append(' ')
                .append((male ? maleMiddle : femaleMiddle).pick(random)).append(' ');
        if (random.nextDouble() < SECOND_MIDDLE) {
            s.append(SECOND_MIDDLE_NAMES[random.nextInt(SECOND_MIDDLE_NAMES.length)]).append(' ');
        }
        return s.append((male ? maleGiven : femaleGiven).pick(random)).toString();
    }

    private int pick(double[] cumulative) {
        double r = random.nextDouble() * cumulative[cumulative.length - 1];
        int i = java.util.Arrays.binarySearch(cumulative, r);
        return Math.min(i < 0 ? -i - 1 : i, cumulative.length - 1);
    }

    static String[] codes(Connection connection, String list) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
                "select code from members.code_item where list = '" + list + "' order by sort")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out.toArray(String[]::new);
    }

    /** Weighted choice over {name, per cent} pairs. */
    private static final class Picker {
        private final String[] names;
        private final double[] cumulative;

        Picker(Object[][] weighted) {
            names = new String[weighted.length];
            cumulative = new double[weighted.length];
            double sum = 0;
            for (int k = 0; k < weighted.length; k++) {
                names[k] = (String) weighted[k][0];
                sum += (Double) weighted[k][1];
                cumulative[k] = sum;
            }
        }

        String pick(Random random) {
            double r = random.nextDouble() * cumulative[cumulative.length - 1];
            int i = java.util.Arrays.binarySearch(cumulative, r);
            return names[Math.min(i < 0 ? -i - 1 : i, names.length - 1)];
        }
    }

    private static Writer copy(PGConnection pg, String sql) throws SQLException {
        return new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(pg, sql, 1 << 20),
                StandardCharsets.UTF_8), 1 << 20);
    }

    /** One row in COPY text format (the values here hold no tabs, newlines or backslashes). */
    private static void row(Writer w, String[] values, int n) throws IOException {
        for (int k = 0; k < n; k++) {
            if (k > 0) {
                w.write('\t');
            }
            w.write(values[k] == null ? "\\N" : values[k]);
        }
        w.write('\n');
    }
}
