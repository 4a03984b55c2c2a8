package vn.tcxd.bench;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import vn.tcxd.shared.VietnameseText;

import javax.sql.DataSource;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Test data only: a national party tree of about 313,000 units in the post-2025 shape with its
 * 2020–2025 history, written straight into {@code orgstructure.operation / unit / unit_version /
 * unit_event} with COPY. The rows have exactly the shape {@code OrgStructureService} writes for the
 * same acts replayed in date order:
 * <ul>
 *   <li>2010-01-01 ({@link #ORIGIN}; the Centre 1930-02-03): ESTABLISH of the Centre, 34 provinces + 6
 *       central committees, ~700 district committees (huyện ủy) and ~320 provincial/central agencies
 *       (UPPER_GRASSROOTS), ~55,000 TCCSĐ, a few thousand partial committees, the cells and party groups;
 *       some cells and groups are established on later dates from 2020-01-02 up to 2025-12-31;</li>
 *   <li>2025-07-01 (Quy định 294-QĐ/TW, no district level): ESTABLISH of ~3,000 commune committees,
 *       MOVE of every TCCSĐ under a district to its commune (the whole subtree gets a second version,
 *       re-inserted rows carry the MOVE operation like {@code TreeRepository.moveSubtree}), DISSOLVE
 *       of every district;</li>
 * </ul>
 * One operation per act, one ESTABLISHED / MOVED / DISSOLVED event per act with the same JSON
 * states the service records. Province sizes are skewed, and eight large agencies under the central
 * committees have subtrees of about 5,000 units (the move benchmark's subjects). Deterministic for a seed.
 */
public final class NationalTreeGenerator {

    /**
     * Units that exist from the start exist from this date: a year before the members' history
     * (2011-01-01, {@code NationalMemberHistoryGenerator}), so every member state from then on lies on a
     * unit that existed on its dates. The tree itself does not change before {@link #BASELINE}.
     */
    public static final LocalDate ORIGIN = LocalDate.of(2010, 1, 1);
    /** Later establishments fall between this date and {@link #LAST_CHANGE}. */
    static final LocalDate BASELINE = LocalDate.of(2020, 1, 1);
    static final LocalDate CENTRE_FOUNDED = LocalDate.of(1930, 2, 3);
    public static final LocalDate REFORM = LocalDate.of(2025, 7, 1);
    static final LocalDate LAST_CHANGE = LocalDate.of(2025, 12, 31);

    static final byte CENTRAL = 0, PROVINCIAL = 1, UPPER_GRASSROOTS = 2, GRASSROOTS_COMMITTEE = 3,
            GRASSROOTS_CELL = 4, PARTIAL_COMMITTEE = 5, CELL = 6, PARTY_GROUP = 7;
    static final String[] TYPE_NAMES = {"CENTRAL", "PROVINCIAL", "UPPER_GRASSROOTS", "GRASSROOTS_COMMITTEE",
            "GRASSROOTS_CELL", "PARTIAL_COMMITTEE", "CELL", "PARTY_GROUP"};

    private static final String[] PROVINCES = {"Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn",
            "Quảng Ninh", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên",
            "Phú Thọ", "Bắc Ninh", "Hưng Yên", "Hải Phòng", "Ninh Bình", "Quảng Trị", "Đà Nẵng", "Quảng Ngãi",
            "Gia Lai", "Khánh Hòa", "Lâm Đồng", "Đắk Lắk", "Thành phố Hồ Chí Minh", "Đồng Nai", "Tây Ninh",
            "Cần Thơ", "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang"};
    /** Relative sizes: the two big cities and the big merged provinces dwarf the mountain provinces. */
    private static final double[] PROVINCE_WEIGHT = {4.0, 1.0, 0.35, 0.4, 0.8, 0.6, 1.2, 2.4, 2.3, 1.0, 0.4, 0.9,
            0.9, 1.2, 2.0, 1.9, 1.8, 2.2, 1.8, 1.0, 1.3, 1.3, 1.4, 1.1, 1.5, 1.4, 4.5, 1.9, 1.5, 1.6, 1.6, 1.5,
            1.0, 1.8};
    private static final String[] CENTRAL_COMMITTEES = {"Đảng bộ Chính phủ", "Đảng bộ Quốc hội",
            "Đảng bộ các cơ quan Đảng Trung ương", "Đảng bộ Mặt trận Tổ quốc, các đoàn thể Trung ương",
            "Đảng bộ Quân đội", "Đảng bộ Công an Trung ương"};
    private static final double[] CENTRAL_WEIGHT = {2.5, 0.3, 0.3, 0.3, 3.0, 2.0};
    private static final String[][] LARGE_AGENCIES = {
            {"0", "Đảng bộ Tập đoàn Điện lực Việt Nam"}, {"0", "Đảng bộ Tập đoàn Công nghiệp Năng lượng Quốc gia Việt Nam"},
            {"0", "Đảng bộ Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam"},
            {"0", "Đảng bộ Tập đoàn Bưu chính Viễn thông Việt Nam"},
            {"4", "Đảng bộ Quân khu 1"}, {"4", "Đảng bộ Quân khu 7"},
            {"4", "Đảng bộ Tập đoàn Công nghiệp - Viễn thông Quân đội"}, {"5", "Đảng bộ Công an Thành phố Hà Nội"}};
    private static final String[] PROVINCIAL_AGENCIES = {"Đảng bộ các cơ quan Đảng", "Đảng bộ Ủy ban nhân dân",
            "Đảng bộ Quân sự", "Đảng bộ Công an", "Đảng bộ Bộ đội Biên phòng", "Đảng bộ Khối doanh nghiệp"};
    private static final String[] PLACE = {"An", "Bình", "Phú", "Tân", "Hòa", "Thạnh", "Long", "Mỹ", "Phước",
            "Đông", "Tây", "Nam", "Bắc", "Trung", "Hưng", "Thịnh", "Quang", "Minh", "Đức", "Thái", "Lộc", "Sơn",
            "Hải", "Giang", "Hiệp", "Lợi", "Vĩnh", "Xuân", "Cẩm", "Định", "Hồng", "Kim", "Lạc", "Nghĩa", "Ninh",
            "Phong", "Quý", "Thuận", "Tiến", "Trường", "Yên", "Đồng", "Thủy", "Hà", "Hội", "Khánh", "Linh", "Vân"};
    private static final String[] COMMITTEE_KIND = {"Đảng bộ Công ty Cổ phần", "Đảng bộ Bệnh viện Đa khoa",
            "Đảng bộ Trường Trung học phổ thông", "Đảng bộ Công ty TNHH", "Đảng bộ Trường Cao đẳng",
            "Đảng bộ Tổng công ty", "Đảng bộ Trung tâm Y tế", "Đảng bộ Khu dân cư"};
    private static final String[] GRASSROOTS_CELL_KIND = {"Chi bộ Trường Tiểu học", "Chi bộ Trường Trung học cơ sở",
            "Chi bộ Trường Mầm non", "Chi bộ Trạm Y tế", "Chi bộ Công ty TNHH", "Chi bộ Hợp tác xã",
            "Chi bộ Ngân hàng Chính sách xã hội", "Chi bộ Kho bạc Nhà nước"};
    private static final String[] CELL_KIND = {"Chi bộ thôn", "Chi bộ khu phố", "Chi bộ tổ dân phố", "Chi bộ ấp",
            "Chi bộ bản", "Chi bộ Phòng", "Chi bộ Phân xưởng", "Chi bộ Khoa", "Chi bộ Tổ bộ môn", "Chi bộ Đội"};

    /**
     * The counts that set the size of the tree. {@link #NATIONAL} is the national tree of the benchmarks
     * (its random draws, and so its tree, are those of the generator before the shape was a parameter);
     * {@link #SMALL} has the same levels, history and skew at about 1 % of the size, for tests.
     */
    public record Shape(String name, int districts, int districtMinimum, int communes, int communeMinimum,
                        int provincialAgencies, int centralAgencyFactor, int largeTccsd, int largePartials,
                        int largeTarget, int largeTargetJitter, int tccsd, int tccsdMinimum, int partials, int groups,
                        int units) {
    }

    public static final Shape NATIONAL = new Shape("national", 700, 3, 3_003, 20, 6, 12, 350, 60, 4_900, 200,
            55_000, 3, 4_000, 15_000, 313_000);
    public static final Shape SMALL = new Shape("small", 68, 2, 136, 4, 1, 2, 10, 2, 40, 10, 1_000, 1, 40, 150, 3_000);

    private final Random random;
    private final Shape shape;

    // one entry per unit; unit id = index + 1
    private int size;
    private byte[] type = new byte[1 << 19];
    private int[] parentBefore = new int[1 << 19]; // parent index until REFORM (or -1)
    private int[] parentAfter = new int[1 << 19];  // parent index from REFORM (or -1)
    private int[] established = new int[1 << 19];  // epoch day
    private int[] dissolved = new int[1 << 19];    // epoch day or 0
    private int[] province = new int[1 << 19];     // index into PROVINCES, -1 for central units
    private String[] name = new String[1 << 19];
    private String[] code = new String[1 << 19];
    private int[] communeOf = new int[1 << 19];    // commune unit index for area_commune, or -1

    private final List<Integer> largeAgencies = new ArrayList<>();

    NationalTreeGenerator(long seed, Shape shape) {
        this.random = new Random(seed);
        this.shape = shape;
    }

    /** What was written, for the harness's report and its consistency checks. */
    public record Result(int units, long versions, long events, long operations, int[] currentByType,
                         List<Long> provinceIds, List<Long> largeAgencyIds, long centreId, double seconds) {
    }

    private static final java.util.Map<Long, Result> WRITTEN = new java.util.HashMap<>();

    /**
     * The tree for this seed, written on the first call only: the benchmark classes of one
     * {@code -Pbench} run share one embedded server (one per JVM) and so one data set.
     */
    public static synchronized Result generateOnce(DataSource dataSource, long seed) {
        return WRITTEN.computeIfAbsent(seed, s -> generate(dataSource, s));
    }

    public static Result generate(DataSource dataSource, long seed) {
        return generate(dataSource, seed, NATIONAL);
    }

    public static Result generate(DataSource dataSource, long seed, Shape shape) {
        long start = System.nanoTime();
        NationalTreeGenerator generator = new NationalTreeGenerator(seed, shape);
        generator.build();
        try (Connection connection = dataSource.getConnection()) {
            Result result = generator.write(connection, start);
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- the tree ---------------------------------------------------------------------------

    private int add(byte unitType, int before, int after, LocalDate on, int provinceIndex, String unitName,
                    String unitCode, int commune) {
        if (size == type.length) {
            int grown = size * 2;
            type = Arrays.copyOf(type, grown);
            parentBefore = Arrays.copyOf(parentBefore, grown);
            parentAfter = Arrays.copyOf(parentAfter, grown);
            established = Arrays.copyOf(established, grown);
            dissolved = Arrays.copyOf(dissolved, grown);
            province = Arrays.copyOf(province, grown);
            name = Arrays.copyOf(name, grown);
            code = Arrays.copyOf(code, grown);
            communeOf = Arrays.copyOf(communeOf, grown);
        }
        int i = size++;
        type[i] = unitType;
        parentBefore[i] = before;
        parentAfter[i] = after;
        established[i] = (int) on.toEpochDay();
        province[i] = provinceIndex;
        name[i] = unitName;
        code[i] = unitCode;
        communeOf[i] = commune;
        return i;
    }

    private String place() {
        String a = PLACE[random.nextInt(PLACE.length)];
        String b = PLACE[random.nextInt(PLACE.length)];
        return a.equals(b) ? a : a + " " + b;
    }

    private double logNormal(double sigma) {
        return Math.exp(random.nextGaussian() * sigma);
    }

    /** A date in [from, to] that is never REFORM (nothing else happens on the reform day). */
    private LocalDate dateBetween(LocalDate from, LocalDate to) {
        long days = to.toEpochDay() - from.toEpochDay();
        LocalDate d = from.plusDays(days <= 0 ? 0 : (long) random.nextInt((int) days + 1));
        return d.equals(REFORM) ? d.plusDays(1) : d;
    }

    /** Establishment date of a unit under {@code parent}: usually the baseline, sometimes later. */
    private LocalDate childDate(int parent, double laterShare) {
        LocalDate parentDate = LocalDate.ofEpochDay(established[parent]);
        LocalDate d = ORIGIN;
        double r = random.nextDouble();
        if (r < laterShare * 0.8) {
            d = dateBetween(BASELINE.plusDays(1), REFORM.minusDays(1));
        } else if (r < laterShare) {
            d = dateBetween(REFORM.plusDays(1), LAST_CHANGE);
        }
        if (d.isBefore(parentDate)) {
            d = parentDate.equals(REFORM) ? dateBetween(REFORM.plusDays(1), LAST_CHANGE) : parentDate;
        }
        return d;
    }

    private static int[] apportion(double[] weights, int total, int minimum) {
        double sum = Arrays.stream(weights).sum();
        int[] counts = new int[weights.length];
        int assigned = 0;
        for (int i = 0; i < weights.length; i++) {
            counts[i] = Math.max(minimum, (int) Math.floor(total * weights[i] / sum));
            assigned += counts[i];
        }
        for (int i = 0; assigned < total; i = (i + 1) % weights.length) {
            counts[i]++;
            assigned++;
        }
        return counts;
    }

    void build() {
        int centre = add(CENTRAL, -1, -1, CENTRE_FOUNDED, -1, "Đảng Cộng sản Việt Nam", "TW", -1);

        int[] provinces = new int[PROVINCES.length];
        for (int p = 0; p < PROVINCES.length; p++) {
            String title = PROVINCES[p].startsWith("Thành phố") ? "Đảng bộ " + PROVINCES[p]
                    : List.of("Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Cần Thơ").contains(PROVINCES[p])
                    ? "Đảng bộ Thành phố " + PROVINCES[p] : "Đảng bộ tỉnh " + PROVINCES[p];
            provinces[p] = add(PROVINCIAL, centre, centre, ORIGIN, p, title, "T%02d".formatted(p + 1), -1);
        }
        int[] committees = new int[CENTRAL_COMMITTEES.length];
        for (int c = 0; c < CENTRAL_COMMITTEES.length; c++) {
            committees[c] = add(PROVINCIAL, centre, centre, ORIGIN, -1, CENTRAL_COMMITTEES[c],
                    "TW%02d".formatted(c + 1), -1);
        }

        // districts before 2025-07-01 (about 700), communes after (about 3,000), proportional to size
        int[] districtsPerProvince = apportion(PROVINCE_WEIGHT, shape.districts(), shape.districtMinimum());
        int[] communesPerProvince = apportion(PROVINCE_WEIGHT, shape.communes(), shape.communeMinimum());
        List<Integer> upper = new ArrayList<>();          // every UPPER_GRASSROOTS that holds TCCSĐ
        List<Double> upperWeight = new ArrayList<>();
        List<int[]> districtsOfProvince = new ArrayList<>();
        int districtNo = 0, communeNo = 0, agencyNo = 0;
        for (int p = 0; p < PROVINCES.length; p++) {
            int[] districts = new int[districtsPerProvince[p]];
            for (int d = 0; d < districts.length; d++) {
                districts[d] = add(UPPER_GRASSROOTS, provinces[p], -1, ORIGIN, p,
                        (d == 0 ? "Đảng bộ thị xã " : d % 7 == 1 ? "Đảng bộ quận " : "Đảng bộ huyện ") + place(),
                        "H%04d".formatted(++districtNo), -1);
                dissolved[districts[d]] = (int) REFORM.toEpochDay();
            }
            districtsOfProvince.add(districts);
            for (String agency : Arrays.copyOf(PROVINCIAL_AGENCIES, shape.provincialAgencies())) {
                int a = add(UPPER_GRASSROOTS, provinces[p], provinces[p], ORIGIN, p, agency + " " + PROVINCES[p],
                        "K%04d".formatted(++agencyNo), -1);
                upper.add(a);
                upperWeight.add(PROVINCE_WEIGHT[p] * logNormal(0.5) * 2.0);
            }
        }
        for (int c = 0; c < committees.length; c++) {
            int agencies = (int) Math.round(CENTRAL_WEIGHT[c] * shape.centralAgencyFactor());
            for (int k = 0; k < agencies; k++) {
                int a = add(UPPER_GRASSROOTS, committees[c], committees[c], ORIGIN, -1,
                        "Đảng bộ " + (c == 4 ? "Sư đoàn " + (300 + k) : c == 5 ? "Cục " + place() : "Bộ " + place()),
                        "K%04d".formatted(++agencyNo), -1);
                upper.add(a);
                upperWeight.add(CENTRAL_WEIGHT[c] * logNormal(0.6) * 2.0);
            }
        }
        for (String[] large : LARGE_AGENCIES) {
            int a = add(UPPER_GRASSROOTS, committees[Integer.parseInt(large[0])], committees[Integer.parseInt(large[0])],
                    ORIGIN, -1, large[1], "K%04d".formatted(++agencyNo), -1);
            largeAgencies.add(a);
        }
        // communes: new on 2025-07-01; each lies in the area of one former district
        List<Integer> communeDistrict = new ArrayList<>();
        List<Integer> communes = new ArrayList<>();
        for (int p = 0; p < PROVINCES.length; p++) {
            int[] districts = districtsOfProvince.get(p);
            for (int k = 0; k < communesPerProvince[p]; k++) {
                String placeName = place();
                int commune = add(UPPER_GRASSROOTS, -1, provinces[p], REFORM, p,
                        (k % 5 == 0 ? "Đảng bộ phường " : "Đảng bộ xã ") + placeName, "X%04d".formatted(++communeNo), -1);
                communeOf[commune] = commune;
                communes.add(commune);
                communeDistrict.add(districts[k % districts.length]);
                upper.add(commune);
                upperWeight.add(PROVINCE_WEIGHT[p] * logNormal(0.5));
            }
        }

        // TCCSĐ: 350 in each large agency, the rest (about 52,200) spread over the other upper units
        List<Integer> grassrootsCommittees = new ArrayList<>();
        List<Double> committeeWeight = new ArrayList<>();
        List<Integer> cellParents = new ArrayList<>();   // units that may hold party groups (non-large)
        int tccsdNo = 0;
        int tccsdTotal = shape.tccsd() - shape.largeTccsd() * LARGE_AGENCIES.length;
        double[] weights = upperWeight.stream().mapToDouble(Double::doubleValue).toArray();
        int[] perUpper = apportion(weights, tccsdTotal, shape.tccsdMinimum());
        java.util.Map<Integer, Integer> districtOfCommune = new java.util.HashMap<>();
        for (int k = 0; k < communes.size(); k++) {
            districtOfCommune.put(communes.get(k), communeDistrict.get(k));
        }
        for (int u = 0; u < upper.size(); u++) {
            int parent = upper.get(u);
            Integer district = districtOfCommune.get(parent);
            for (int k = 0; k < perUpper[u]; k++) {
                boolean committee = random.nextDouble() < 0.40;
                LocalDate on = district == null ? childDate(parent, 0.03) : random.nextDouble() < 0.02
                        ? dateBetween(REFORM.plusDays(1), LAST_CHANGE) : ORIGIN;
                int before = !on.isBefore(REFORM) ? -1 : district == null ? parent : district;
                String unitName = (committee ? COMMITTEE_KIND[random.nextInt(COMMITTEE_KIND.length)]
                        : GRASSROOTS_CELL_KIND[random.nextInt(GRASSROOTS_CELL_KIND.length)]) + " " + place();
                int t = add(committee ? GRASSROOTS_COMMITTEE : GRASSROOTS_CELL, before, parent, on, province[parent],
                        unitName, "CS%05d".formatted(++tccsdNo), communeOf[parent]);
                if (committee) {
                    grassrootsCommittees.add(t);
                    committeeWeight.add(logNormal(1.0));
                } else {
                    cellParents.add(t);
                }
            }
        }

        // partial committees (about 4,000) under the larger committees
        int partialNo = 0, cellNo = 0, groupNo = 0;
        List<Integer> partials = new ArrayList<>();
        List<Integer> partialOwner = new ArrayList<>();
        double[] cw = committeeWeight.stream().mapToDouble(Double::doubleValue).toArray();
        double[] cumulative = cumulative(cw);
        for (int k = 0; k < shape.partials(); k++) {
            int owner = grassrootsCommittees.get(pick(cumulative));
            int partial = add(PARTIAL_COMMITTEE, -1, -1, childDate(owner, 0.02), province[owner],
                    "Đảng bộ bộ phận " + place(), "BP%05d".formatted(++partialNo), communeOf[owner]);
            fixParent(partial, owner);
            partials.add(partial);
            partialOwner.add(owner);
        }
        java.util.Map<Integer, List<Integer>> partialsOf = new java.util.HashMap<>();
        for (int k = 0; k < partials.size(); k++) {
            partialsOf.computeIfAbsent(partialOwner.get(k), x -> new ArrayList<>()).add(partials.get(k));
        }

        // the large agencies: their own TCCSĐ, partial committees and cells, about 5,000 units each
        for (int large : largeAgencies) {
            int target = shape.largeTarget() + random.nextInt(shape.largeTargetJitter());
            int inSubtree = 0;
            List<Integer> own = new ArrayList<>();
            for (int k = 0; k < shape.largeTccsd(); k++) {
                boolean committee = random.nextDouble() < 0.7;
                int t = add(committee ? GRASSROOTS_COMMITTEE : GRASSROOTS_CELL, large, large, ORIGIN, -1,
                        (committee ? COMMITTEE_KIND[random.nextInt(COMMITTEE_KIND.length)]
                                : GRASSROOTS_CELL_KIND[random.nextInt(GRASSROOTS_CELL_KIND.length)]) + " " + place(),
                        "CS%05d".formatted(++tccsdNo), -1);
                inSubtree++;
                if (committee) {
                    own.add(t);
                }
            }
            if (own.isEmpty()) { // only possible in a small shape: cells need a committee to hold them
                own.add(add(GRASSROOTS_COMMITTEE, large, large, ORIGIN, -1, COMMITTEE_KIND[0] + " " + place(),
                        "CS%05d".formatted(++tccsdNo), -1));
                inSubtree++;
            }
            List<Integer> holders = new ArrayList<>(own);
            for (int k = 0; k < shape.largePartials(); k++) {
                int owner = own.get(random.nextInt(own.size()));
                holders.add(add(PARTIAL_COMMITTEE, owner, owner, ORIGIN, -1, "Đảng bộ bộ phận " + place(),
                        "BP%05d".formatted(++partialNo), -1));
                inSubtree++;
            }
            while (inSubtree < target - 1) {
                int holder = holders.get(random.nextInt(holders.size()));
                add(CELL, holder, holder, childDate(holder, 0.1), -1,
                        CELL_KIND[random.nextInt(CELL_KIND.length)] + " " + (1 + random.nextInt(30)),
                        "CB%06d".formatted(++cellNo), -1);
                inSubtree++;
            }
        }

        // cells: fill up to about 298,000 units, heavy-tailed over the committees (at least 2 each)
        int groupsTotal = shape.groups();
        int cellsTotal = shape.units() - groupsTotal - size;
        int minimumCells = 2 * grassrootsCommittees.size();
        for (int k = 0; k < grassrootsCommittees.size(); k++) {
            int owner = grassrootsCommittees.get(k);
            for (int j = 0; j < 2; j++) {
                cellParents.add(addCell(owner, ++cellNo));
            }
        }
        for (int k = 0; k < cellsTotal - minimumCells; k++) {
            int owner = grassrootsCommittees.get(pick(cumulative));
            List<Integer> ownPartials = partialsOf.get(owner);
            int holder = ownPartials != null && random.nextDouble() < 0.5
                    ? ownPartials.get(random.nextInt(ownPartials.size())) : owner;
            cellParents.add(addCell(holder, ++cellNo));
        }
        for (int k = 0; k < groupsTotal; k++) {
            int holder = cellParents.get(random.nextInt(cellParents.size()));
            add(PARTY_GROUP, parentBefore[holder], parentAfter[holder], childDate(holder, 0.15), province[holder],
                    "Tổ đảng " + (1 + random.nextInt(12)), "TD%05d".formatted(++groupNo), communeOf[holder]);
            fixParent(size - 1, holder);
        }
    }

    private int addCell(int holder, int cellNo) {
        int cell = add(CELL, -1, -1, childDate(holder, 0.12), province[holder],
                CELL_KIND[random.nextInt(CELL_KIND.length)] + " " + (random.nextBoolean() ? place() : 1 + random.nextInt(40)),
                "CB%06d".formatted(cellNo), communeOf[holder]);
        fixParent(cell, holder);
        return cell;
    }

    /** Below the TCCSĐ level the parent never changes; it only did not exist before its establishment. */
    private void fixParent(int unit, int holder) {
        parentAfter[unit] = holder;
        parentBefore[unit] = established[unit] < REFORM.toEpochDay() ? holder : -1;
    }

    private static double[] cumulative(double[] weights) {
        double[] c = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            c[i] = sum;
        }
        return c;
    }

    private int pick(double[] cumulative) {
        double r = random.nextDouble() * cumulative[cumulative.length - 1];
        int i = Arrays.binarySearch(cumulative, r);
        return Math.min(i < 0 ? -i - 1 : i, cumulative.length - 1);
    }

    // ---- the rows ---------------------------------------------------------------------------

    private boolean existsBefore(int i) {
        return established[i] < REFORM.toEpochDay();
    }

    private boolean existsAfter(int i) {
        return dissolved[i] == 0;
    }

    private String[] paths(boolean before) {
        String[] paths = new String[size];
        for (int i = 0; i < size; i++) { // parents always precede children
            int parent = before ? parentBefore[i] : parentAfter[i];
            boolean exists = before ? existsBefore(i) : existsAfter(i);
            if (!exists) {
                continue;
            }
            paths[i] = (parent < 0 ? "/" : paths[parent]) + (i + 1) + "/";
        }
        return paths;
    }

    private static int depth(String path) {
        int slashes = 0;
        for (int k = 0; k < path.length(); k++) {
            if (path.charAt(k) == '/') {
                slashes++;
            }
        }
        return slashes - 2;
    }

    /** One act in date order, as the service would have recorded it. */
    private record Act(int day, int phase, int unit, String kind) {
    }

    Result write(Connection connection, long start) throws SQLException, IOException {
        String[] before = paths(true);
        String[] after = paths(false);
        int reform = (int) REFORM.toEpochDay();

        // a unit moved on REFORM when it is a TCCSĐ whose parent then changed
        boolean[] movedRoot = new boolean[size];
        List<Act> acts = new ArrayList<>(size + 60_000);
        for (int i = 0; i < size; i++) {
            acts.add(new Act(established[i], 0, i, "ESTABLISH"));
            if (existsBefore(i) && existsAfter(i) && parentBefore[i] != parentAfter[i]) {
                movedRoot[i] = true;
                acts.add(new Act(reform, 1, i, "MOVE"));
            }
            if (dissolved[i] != 0) {
                acts.add(new Act(dissolved[i], 2, i, "DISSOLVE"));
            }
        }
        acts.sort(Comparator.comparingInt(Act::day).thenComparingInt(Act::phase).thenComparingInt(Act::unit));
        long[] establishOp = new long[size];
        long[] moveOp = new long[size];
        long[] dissolveOp = new long[size];
        for (int k = 0; k < acts.size(); k++) {
            Act act = acts.get(k);
            long op = k + 1L;
            switch (act.phase()) {
                case 0 -> establishOp[act.unit()] = op;
                case 1 -> moveOp[act.unit()] = op;
                default -> dissolveOp[act.unit()] = op;
            }
        }
        // the MOVE operation that re-inserted each unit's second version: its moved ancestor's
        long[] versionMoveOp = new long[size];
        for (int i = 0; i < size; i++) {
            if (movedRoot[i]) {
                versionMoveOp[i] = moveOp[i];
            } else if (parentAfter[i] >= 0 && existsBefore(i) && existsAfter(i)) {
                versionMoveOp[i] = versionMoveOp[parentAfter[i]];
            }
        }

        String[] searchText = new String[size];
        for (int i = 0; i < size; i++) {
            searchText[i] = VietnameseText.fold(name[i] + " " + code[i]);
        }

        PGConnection pg = connection.unwrap(PGConnection.class);
        connection.setAutoCommit(false);
        long versions = 0;
        long events = 0;
        try (Statement st = connection.createStatement()) {
            st.execute("set local synchronous_commit = off");
        }
        try (Writer w = copy(pg, "copy orgstructure.operation (id, kind, effective_on, decision_number, decision_date,"
                + " decision_body, recorded_by) from stdin")) {
            for (int k = 0; k < acts.size(); k++) {
                Act act = acts.get(k);
                LocalDate on = LocalDate.ofEpochDay(act.day());
                int i = act.unit();
                // the issuing body: the parent's standing committee; for the 2025 moves the province's
                int body = switch (act.phase()) {
                    case 0 -> existsBefore(i) ? parentBefore[i] : parentAfter[i];
                    case 1 -> parentAfter[parentAfter[i]];
                    default -> parentBefore[i];
                };
                row(w, Long.toString(k + 1L), act.kind(), on.toString(), decisionNumber(k, body),
                        on.minusDays(1 + (k % 20)).toString(), decisionBody(body), "system");
            }
        }
        try (Writer w = copy(pg, "copy orgstructure.unit (id, code, established_on, dissolved_on, established_by,"
                + " dissolved_by) from stdin")) {
            for (int i = 0; i < size; i++) {
                row(w, Integer.toString(i + 1), code[i], LocalDate.ofEpochDay(established[i]).toString(),
                        dissolved[i] == 0 ? null : LocalDate.ofEpochDay(dissolved[i]).toString(),
                        Long.toString(establishOp[i]), dissolved[i] == 0 ? null : Long.toString(dissolveOp[i]));
            }
        }
        // versions in the order the service would have inserted them: by date, then by act
        try (Writer w = copy(pg, "copy orgstructure.unit_version (unit_id, valid_from, valid_to, parent_id, path, depth,"
                + " name, short_name, type, area_province, area_commune, area_village, search_text, operation_id)"
                + " from stdin")) {
            for (Act act : acts) {
                int i = act.unit();
                if (act.phase() == 0) {
                    boolean early = existsBefore(i);
                    String path = early ? before[i] : after[i];
                    int parent = early ? parentBefore[i] : parentAfter[i];
                    boolean closes = early && (dissolved[i] != 0 || versionMoveOp[i] != 0);
                    version(w, i, LocalDate.ofEpochDay(established[i]), closes ? REFORM : null, parent, path,
                            searchText[i], establishOp[i]);
                    versions++;
                } else if (act.phase() == 1) {
                    versions += reinsertSubtree(w, i, after, searchText, versionMoveOp);
                }
            }
        }
        try (Writer w = copy(pg, "copy orgstructure.unit_event (operation_id, unit_id, kind, effective_on,"
                + " before_state, after_state) from stdin")) {
            for (int k = 0; k < acts.size(); k++) {
                Act act = acts.get(k);
                int i = act.unit();
                String on = LocalDate.ofEpochDay(act.day()).toString();
                switch (act.phase()) {
                    case 0 -> {
                        int parent = existsBefore(i) ? parentBefore[i] : parentAfter[i];
                        row(w, Long.toString(k + 1L), Integer.toString(i + 1), "ESTABLISHED", on, null,
                                state(i, parent, null, code[i]));
                    }
                    case 1 -> row(w, Long.toString(k + 1L), Integer.toString(i + 1), "MOVED", on,
                            state(i, parentBefore[i], name[parentBefore[i]], null),
                            state(i, parentAfter[i], name[parentAfter[i]], null));
                    default -> row(w, Long.toString(k + 1L), Integer.toString(i + 1), "DISSOLVED", on,
                            state(i, parentBefore[i], null, null), null);
                }
                events++;
            }
        }
        try (Statement st = connection.createStatement()) {
            st.execute("select setval(pg_get_serial_sequence('orgstructure.operation', 'id'), (select max(id) from orgstructure.operation))");
            st.execute("select setval(pg_get_serial_sequence('orgstructure.unit', 'id'), (select max(id) from orgstructure.unit))");
        }
        connection.commit();
        connection.setAutoCommit(true);
        try (Statement st = connection.createStatement()) {
            // autovacuum would do the same on a live system; the visibility map enables index-only scans
            st.execute("vacuum (analyze) orgstructure.operation, orgstructure.unit, orgstructure.unit_version,"
                    + " orgstructure.unit_event");
            // an autoanalyze running meanwhile (set off by the COPYs) holds back the xmin horizon, and
            // VACUUM then leaves the new pages not all-visible: repeat until they are
            for (int attempt = 0; attempt < 10 && allVisibleShare(st) < 0.98; attempt++) {
                sleep(1_000);
                st.execute("vacuum orgstructure.unit_version");
            }
        }

        int[] currentByType = new int[TYPE_NAMES.length];
        for (int i = 0; i < size; i++) {
            if (existsAfter(i)) {
                currentByType[type[i]]++;
            }
        }
        List<Long> provinceIds = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (type[i] == PROVINCIAL) {
                provinceIds.add(i + 1L);
            }
        }
        return new Result(size, versions, events, acts.size(), currentByType, provinceIds,
                largeAgencies.stream().map(i -> i + 1L).toList(), 1L, (System.nanoTime() - start) / 1e9);
    }

    static double allVisibleShare(Statement st) throws SQLException {
        try (var rs = st.executeQuery("select relallvisible::float8 / greatest(relpages, 1) from pg_class"
                + " where oid = 'orgstructure.unit_version'::regclass")) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The second versions of a moved TCCSĐ's subtree (its descendants follow it in index order). */
    private int reinsertSubtree(Writer w, int root, String[] after, String[] searchText, long[] versionMoveOp)
            throws IOException {
        int written = 0;
        // descendants of a TCCSĐ have larger indexes; collect them lazily through a child index
        for (int i : subtreeOf(root)) {
            if (existsBefore(i) && existsAfter(i)) {
                version(w, i, REFORM, null, parentAfter[i], after[i], searchText[i], versionMoveOp[i]);
                written++;
            }
        }
        return written;
    }

    private int[][] children;

    private int[] subtreeOf(int root) {
        if (children == null) {
            int[] count = new int[size];
            for (int i = 0; i < size; i++) {
                if (parentAfter[i] >= 0) {
                    count[parentAfter[i]]++;
                }
            }
            children = new int[size][];
            for (int i = 0; i < size; i++) {
                children[i] = new int[count[i]];
            }
            int[] fill = new int[size];
            for (int i = 0; i < size; i++) {
                if (parentAfter[i] >= 0) {
                    children[parentAfter[i]][fill[parentAfter[i]]++] = i;
                }
            }
        }
        List<Integer> out = new ArrayList<>();
        java.util.ArrayDeque<Integer> stack = new java.util.ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            int u = stack.pop();
            out.add(u);
            for (int c : children[u]) {
                stack.push(c);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private void version(Writer w, int i, LocalDate from, LocalDate to, int parent, String path, String search,
                         long operationId) throws IOException {
        String provinceName = province[i] >= 0 ? PROVINCES[province[i]] : null;
        String communeName = communeOf[i] >= 0 ? name[communeOf[i]].replaceFirst("^Đảng bộ (xã|phường) ", "") : null;
        row(w, Integer.toString(i + 1), from.toString(), to == null ? null : to.toString(),
                parent < 0 ? null : Integer.toString(parent + 1), path, Integer.toString(depth(path)), name[i], null,
                TYPE_NAMES[type[i]], provinceName, communeName, null, search, Long.toString(operationId));
    }

    /** {@code VersionRow.state()} (+ parentName / code as the service adds them), as JSON. */
    private String state(int i, int parent, String parentName, String unitCode) {
        StringBuilder s = new StringBuilder(160).append("{\"name\": ").append(json(name[i]))
                .append(", \"type\": \"").append(TYPE_NAMES[type[i]]).append("\", \"parentId\": ")
                .append(parent < 0 ? "null" : Integer.toString(parent + 1));
        if (parentName != null) {
            s.append(", \"parentName\": ").append(json(parentName));
        }
        if (unitCode != null) {
            s.append(", \"code\": ").append(json(unitCode));
        }
        return s.append('}').toString();
    }

    private String decisionNumber(int act, int issuer) {
        String suffix = issuer < 0 ? "TW" : type[issuer] == CENTRAL ? "TW" : type[issuer] == PROVINCIAL ? "TU" : "ĐU";
        return (act % 997 + 1) + "-QĐ/" + suffix;
    }

    private String decisionBody(int issuer) {
        if (issuer < 0 || type[issuer] == CENTRAL) {
            return "Bộ Chính trị";
        }
        return "Ban Thường vụ " + name[issuer];
    }

    private static String json(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static Writer copy(PGConnection pg, String sql) throws SQLException {
        return new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(pg, sql, 1 << 20),
                StandardCharsets.UTF_8), 1 << 20);
    }

    /** One row in COPY text format: tab-separated, \N for null, backslash escapes. */
    private static void row(Writer w, String... values) throws IOException {
        for (int k = 0; k < values.length; k++) {
            if (k > 0) {
                w.write('\t');
            }
            String v = values[k];
            if (v == null) {
                w.write("\\N");
                continue;
            }
            for (int c = 0; c < v.length(); c++) {
                char ch = v.charAt(c);
                switch (ch) {
                    case '\\' -> w.write("\\\\");
                    case '\t' -> w.write("\\t");
                    case '\n' -> w.write("\\n");
                    case '\r' -> w.write("\\r");
                    default -> w.write(ch);
                }
            }
        }
        w.write('\n');
    }
}
