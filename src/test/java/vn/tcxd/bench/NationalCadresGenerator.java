package vn.tcxd.bench;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tcxd.cadres.PlanPeriod;
import vn.tcxd.cadres.Title;
import vn.tcxd.cadres.internal.NationalCadreRules;
import vn.tcxd.members.Gender;

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
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntPredicate;

/**
 * Test data only: the cadre work of the national dataset, written with COPY into {@code cadres.term /
 * committee_seat / incumbency / plan_entry / training / rotation} in the shape {@code CadreActs} writes for
 * the same acts (no audit rows, as the other generators write none). Each act is applied to in-memory rows
 * with the facade's checks — a broken rule stops the generator — and the rules themselves are the module's
 * ({@link NationalCadreRules}: retirement ages, the rule set of a date, the age rules of planning and of a first
 * appointment, "only a higher title"), so the dataset is what the facade would have written:
 * <ul>
 *   <li>the 34 provinces: congresses of 2020 and 2025 electing committees of 15–40 (larger provinces larger),
 *       a mid-term departure, additions and a change of role; secretary, deputies, standing board, organisation
 *       and inspection heads; the People's Council of 2021 and of 2026 (chairs, vice-chairs), the Front, Youth
 *       and Women's chairs; appointed posts (office chief, deputy commission heads, department directors) with
 *       5-year terms from 2018 on, reappointed when the term ran out (so some notices are due now);</li>
 *   <li>the districts' committees of 2020, ended with the district level on 2025-07-01 (QĐ 294), and the
 *       provincial and central agencies' committees of 2020 and 2025;</li>
 *   <li>the communes formed on 2025-07-01: a committee appointed for the rest of the 2020–2025 term, then the
 *       committee their first congress elected (Aug–Sep 2025), the key titles, some rotated provincial cadres
 *       as secretaries;</li>
 *   <li>every TCCSĐ with members: GRASSROOTS_COMMITTEE committees of 5–9 (about 7), GRASSROOTS_CELL a secretary
 *       and a deputy, for 2020–2025 and 2025–2030 (congresses in April–June), appointed committees for units
 *       established later, the heads of agencies and enterprises (appointed, 5-year terms);</li>
 *   <li>planning for LOCAL_2025_2030 and LOCAL_2030_2035 of the titles each province manages (its own and its
 *       communes' secretary, deputy secretary and People's Committee chair): 1–3 per post, the 3 × 3 caps, the
 *       full-term age rule, never the title held and only a higher one, some removed at the 2025 review;</li>
 *   <li>training for the committee members of provinces and communes; a few rotations and secondments.</li>
 * </ul>
 * People are generated members on the roll of the unit's subtree: full members, not exempt, not away, whose
 * current state began before the act (so they are on the roll on every date of their cadre rows), of an age
 * for the post and not past retirement while they hold it. Deterministic for its seed and the dataset.
 */
public final class NationalCadresGenerator {

    private static final Logger log = LoggerFactory.getLogger(NationalCadresGenerator.class);

    public static final long SEED = 2025_10_08L;

    static final LocalDate REFORM = NationalTreeGenerator.REFORM;
    static final LocalDate COMMUNES_FORMED = REFORM;
    static final LocalDate PLANNING_2023 = LocalDate.of(2023, 6, 15);
    static final LocalDate PLANNING_COMMUNES_2025 = LocalDate.of(2025, 7, 15);
    static final LocalDate REVIEW_2025 = LocalDate.of(2025, 12, 20);
    static final LocalDate PLANNING_2026 = LocalDate.of(2026, 3, 10);
    static final LocalDate COUNCIL_2021 = LocalDate.of(2021, 6, 25);
    static final LocalDate COUNCIL_2026 = LocalDate.of(2026, 3, 27);
    static final String P2025 = "LOCAL_2025_2030";
    static final String P2030 = "LOCAL_2030_2035";

    private static final byte PROVINCIAL = 1, UPPER = 2, G_COMMITTEE = 3, G_CELL = 4, CELL = 6;
    private static final String[] PROVINCE_OWN_PLANNED = {"PROVINCIAL.STANDING_MEMBER", "PROVINCIAL.ORGANISATION_HEAD",
            "PROVINCIAL.INSPECTION_HEAD", "PROVINCIAL.COMMITTEE_VICE_CHAIR", "PROVINCIAL.FRONT_CHAIR",
            "PROVINCIAL.OFFICE_CHIEF", "PROVINCIAL.DEPUTY_COMMISSION_HEAD", "PROVINCIAL.DEPARTMENT_DIRECTOR",
            "PROVINCIAL.YOUTH_SECRETARY", "PROVINCIAL.WOMEN_CHAIR"};
    private static final String[] COMMUNE_PLANNED = {"UPPER_GRASSROOTS.SECRETARY", "UPPER_GRASSROOTS.DEPUTY_SECRETARY",
            "UPPER_GRASSROOTS.COMMITTEE_CHAIR"};
    private static final String[] COMMUNE_MASS = {"UPPER_GRASSROOTS.FRONT_CHAIR", "UPPER_GRASSROOTS.YOUTH_SECRETARY",
            "UPPER_GRASSROOTS.WOMEN_CHAIR", "UPPER_GRASSROOTS.FARMERS_CHAIR", "UPPER_GRASSROOTS.VETERANS_CHAIR"};

    /** What was written; {@code figures} go to the dataset's marker file ({@code cadres.*}, {@code seconds.cadres*}). */
    public record Result(boolean generated, Map<String, String> figures, double seconds) {
    }

    private final DataSource dataSource;
    private final LocalDate today;
    private final Random random;
    private final NationalCadreRules rules;
    private final Map<String, Title> titles = new HashMap<>();

    // ---- the tree (arrays by unit id) ----
    private byte[] type;
    private int[] established;
    private int[] ended;          // epoch day of the end, Integer.MAX_VALUE while current
    private int[] provinceOf;     // depth-1 ancestor
    private int[] upperBefore;    // TCCSĐ: its district or agency until 2025-07-01
    private int[] upperAfter;     // TCCSĐ: its commune or agency from 2025-07-01
    private int[] tccsdOf;        // cells and TCCSĐ: the TCCSĐ
    private String[] name;
    private String[] code;

    // ---- the people: full members on the roll today, by member id ----
    private long[] memberId;
    private int[] cellOf;
    private int[] stateFrom;
    private int[] birth;
    private boolean[] female;
    private int[] retire;         // lazily computed retirement day (0 = not yet)
    private final Map<Integer, int[]> poolOfTccsd = new HashMap<>();
    private final BitSet taken2020 = new BitSet();
    private final BitSet taken2025 = new BitSet();
    private final BitSet officials = new BitSet();

    // ---- the rows ----
    private final List<TermRow> terms = new ArrayList<>();
    private final List<SeatRow> seats = new ArrayList<>();
    private final List<IncRow> incs = new ArrayList<>();
    private final List<PlanRow> plans = new ArrayList<>();
    private final List<TrainingRow> trainings = new ArrayList<>();
    private final List<RotationRow> rotations = new ArrayList<>();
    private final Map<Long, List<TermRow>> termsOfUnit = new HashMap<>();
    private final Map<Long, List<SeatRow>> seatsOfTerm = new HashMap<>();
    private final Map<String, List<IncRow>> incsOfPost = new HashMap<>();
    private final Map<Long, List<IncRow>> incsOfMember = new HashMap<>();
    private final Map<String, List<PlanRow>> plansOfPost = new HashMap<>();
    private final Map<Long, List<PlanRow>> plansOfMember = new HashMap<>();
    private final Map<Long, List<RotationRow>> rotationsOfMember = new HashMap<>();
    private final Map<String, Integer> numbers = new HashMap<>();
    private final Map<String, Long> counts = new LinkedHashMap<>();

    private NationalCadresGenerator(DataSource dataSource, LocalDate today, long seed) {
        this.dataSource = dataSource;
        this.today = today;
        this.random = new Random(seed);
        this.rules = new NationalCadreRules(dataSource);
        rules.titles().forEach(t -> titles.put(t.code(), t));
    }

    /** Generates the cadre work unless the dataset has some already (then returns {@code generated = false}). */
    public static Result generate(DataSource dataSource, LocalDate today, long seed) {
        try {
            if (BenchSupport.queryLong(dataSource, "select count(*) from cadres.term") > 0) {
                return new Result(false, Map.of(), 0);
            }
            long start = System.nanoTime();
            NationalCadresGenerator g = new NationalCadresGenerator(dataSource, today, seed);
            g.load();
            long loaded = System.nanoTime();
            g.build();
            long built = System.nanoTime();
            g.write();
            long written = System.nanoTime();
            Map<String, String> figures = g.figures();
            figures.put("seconds.cadres.load", format((loaded - start) / 1e9));
            figures.put("seconds.cadres.generate", format((built - loaded) / 1e9));
            figures.put("seconds.cadres.copy", format((written - built) / 1e9));
            double seconds = (System.nanoTime() - start) / 1e9;
            figures.put("seconds.cadres", format(seconds));
            log.info("National dataset: cadre work in {} s (tree and people {} s, acts {} s, COPY + VACUUM {} s): {}",
                    format(seconds), format((loaded - start) / 1e9), format((built - loaded) / 1e9),
                    format((written - built) / 1e9), figures);
            return new Result(true, figures, seconds);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // =====================================================================================================
    // loading the tree and the people
    // =====================================================================================================

    private void load() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            int max = (int) BenchSupport.queryLong(dataSource, "select max(id) from orgstructure.unit") + 1;
            type = new byte[max];
            Arrays.fill(type, (byte) -1);
            established = new int[max];
            Arrays.fill(established, Integer.MAX_VALUE);
            ended = new int[max];
            provinceOf = new int[max];
            upperBefore = new int[max];
            upperAfter = new int[max];
            tccsdOf = new int[max];
            name = new String[max];
            code = new String[max];
            int reform = (int) REFORM.toEpochDay();
            try (ResultSet rs = st.executeQuery("select unit_id, code, path, type, name, valid_from, valid_to"
                    + " from orgstructure.unit_tree where type in ('PROVINCIAL', 'UPPER_GRASSROOTS', 'GRASSROOTS_COMMITTEE',"
                    + " 'GRASSROOTS_CELL', 'CELL')")) {
                while (rs.next()) {
                    int id = rs.getInt(1);
                    String[] parts = rs.getString(3).split("/");
                    // "/1/2/35/1234/" -> ids from the Centre down: parts[1] is the Centre
                    byte t = switch (rs.getString(4)) {
                        case "PROVINCIAL" -> PROVINCIAL;
                        case "UPPER_GRASSROOTS" -> UPPER;
                        case "GRASSROOTS_COMMITTEE" -> G_COMMITTEE;
                        case "GRASSROOTS_CELL" -> G_CELL;
                        default -> CELL;
                    };
                    type[id] = t;
                    code[id] = rs.getString(2);
                    name[id] = rs.getString(5);
                    int from = (int) rs.getObject(6, LocalDate.class).toEpochDay();
                    LocalDate to = rs.getObject(7, LocalDate.class);
                    established[id] = Math.min(established[id], from);
                    ended[id] = Math.max(ended[id], to == null ? Integer.MAX_VALUE : (int) to.toEpochDay());
                    if (parts.length > 2) {
                        provinceOf[id] = Integer.parseInt(parts[2]);
                    }
                    if ((t == G_COMMITTEE || t == G_CELL || t == CELL) && parts.length > 4) {
                        tccsdOf[id] = Integer.parseInt(parts[4]);
                    }
                    if (t == G_COMMITTEE || t == G_CELL) {
                        int upper = Integer.parseInt(parts[3]);
                        if (from < reform) {
                            upperBefore[id] = upper;
                        }
                        if (to == null || to.toEpochDay() > reform) {
                            upperAfter[id] = upper;
                        }
                    }
                }
            }
        }
        // full members on the roll today, in their current state since a date (the only candidates)
        int n = 0;
        int capacity = 1 << 22;
        long[] ids = new long[capacity];
        int[] cells = new int[capacity], froms = new int[capacity], births = new int[capacity];
        boolean[] women = new boolean[capacity];
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.setFetchSize(50_000);
                try (ResultSet rs = st.executeQuery("""
                        select s.member_id, s.unit_id, s.valid_from, m.birth_date, m.gender = 'FEMALE'
                        from members.member_state s join members.member m on m.id = s.member_id
                        where s.valid_to is null and s.status = 'FULL' and not s.exempt and not s.in_transit
                          and s.away_unit_id is null and s.valid_from <= date '2025-10-31'
                          and m.birth_date between date '1962-01-01' and date '1998-12-31'""")) {
                    while (rs.next()) {
                        if (n == capacity) {
                            capacity *= 2;
                            ids = Arrays.copyOf(ids, capacity);
                            cells = Arrays.copyOf(cells, capacity);
                            froms = Arrays.copyOf(froms, capacity);
                            births = Arrays.copyOf(births, capacity);
                            women = Arrays.copyOf(women, capacity);
                        }
                        ids[n] = rs.getLong(1);
                        cells[n] = rs.getInt(2);
                        froms[n] = (int) rs.getObject(3, LocalDate.class).toEpochDay();
                        births[n] = (int) rs.getObject(4, LocalDate.class).toEpochDay();
                        women[n] = rs.getBoolean(5);
                        n++;
                    }
                }
            }
            c.commit();
        }
        // in member order, whatever order the server sent them in
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = ids[i] << 24 | i;
        }
        Arrays.sort(keys);
        memberId = new long[n];
        cellOf = new int[n];
        stateFrom = new int[n];
        birth = new int[n];
        female = new boolean[n];
        retire = new int[n];
        for (int k = 0; k < n; k++) {
            int i = (int) (keys[k] & 0xFFFFFF);
            memberId[k] = ids[i];
            cellOf[k] = cells[i];
            stateFrom[k] = froms[i];
            birth[k] = births[i];
            female[k] = women[i];
        }
        Map<Integer, Integer> sizes = new HashMap<>();
        for (int k = 0; k < n; k++) {
            sizes.merge(tccsdOf[cellOf[k]], 1, Integer::sum);
        }
        Map<Integer, Integer> fill = new HashMap<>();
        sizes.forEach((t, size) -> poolOfTccsd.put(t, new int[size]));
        for (int k = 0; k < n; k++) {
            int t = tccsdOf[cellOf[k]];
            poolOfTccsd.get(t)[fill.merge(t, 1, Integer::sum) - 1] = k;
        }
        counts.put("cadres.candidates", (long) n);
        log.info("National dataset: cadres: {} candidates (full members on the roll since before 2025-11, born 1962–1998)", n);
    }

    // =====================================================================================================
    // building the acts
    // =====================================================================================================

    private void build() {
        List<Integer> provinces = new ArrayList<>(), districts = new ArrayList<>(), communes = new ArrayList<>(),
                agencies = new ArrayList<>(), grassroots = new ArrayList<>();
        for (int id = 1; id < type.length; id++) {
            switch (type[id]) {
                case PROVINCIAL -> {
                    if (code[id].matches("T\\d\\d")) provinces.add(id);
                }
                case UPPER -> {
                    if (code[id].startsWith("H")) districts.add(id);
                    else if (code[id].startsWith("X")) communes.add(id);
                    else agencies.add(id);
                }
                case G_COMMITTEE, G_CELL -> grassroots.add(id);
                default -> {
                }
            }
        }
        Map<Integer, int[]> provincePools = new HashMap<>();
        Map<Integer, List<Integer>> tccsdByUpperBefore = new HashMap<>(), tccsdByProvince = new HashMap<>();
        for (int t : grassroots) {
            if (upperBefore[t] != 0) tccsdByUpperBefore.computeIfAbsent(upperBefore[t], k -> new ArrayList<>()).add(t);
            if (upperAfter[t] != 0) tccsdByUpperAfter.computeIfAbsent(upperAfter[t], k -> new ArrayList<>()).add(t);
            tccsdByProvince.computeIfAbsent(provinceOf[t], k -> new ArrayList<>()).add(t);
        }
        int largest = 0, smallest = Integer.MAX_VALUE;
        for (int p : provinces) {
            int[] pool = concat(tccsdByProvince.getOrDefault(p, List.of()));
            provincePools.put(p, pool);
            largest = Math.max(largest, pool.length);
            smallest = Math.min(smallest, pool.length);
        }
        Map<Integer, Province> byId = new LinkedHashMap<>();
        for (int p : provinces) {
            int[] pool = provincePools.get(p);
            double share = largest == smallest ? 1 : (pool.length - smallest) / (double) (largest - smallest);
            byId.put(p, province2020(p, pool, 15 + (int) Math.round(25 * Math.sqrt(share))));
        }
        for (int d : districts) {
            district(d, concat(tccsdByUpperBefore.getOrDefault(d, List.of())));
        }
        for (int a : agencies) {
            agency(a, concat(tccsdByUpperAfter.getOrDefault(a, List.of())));
        }
        for (Province p : byId.values()) {
            province2025(p);
        }
        Map<Integer, List<Integer>> communesOf = new LinkedHashMap<>();
        for (int c : communes) {
            communesOf.computeIfAbsent(provinceOf[c], k -> new ArrayList<>()).add(c);
        }
        for (Province p : byId.values()) {
            List<Integer> own = communesOf.getOrDefault(p.id, List.of());
            p.communes.addAll(own);
            List<Integer> rotated = rotatedSecretaries(p, own);
            for (int k = 0; k < own.size(); k++) {
                int c = own.get(k);
                Integer r = k % 15 == 2 && !rotated.isEmpty() ? rotated.removeFirst() : null;
                commune(p, c, concat(tccsdByUpperAfter.getOrDefault(c, List.of())), r);
            }
        }
        for (int t : grassroots) {
            grassroots(t);
        }
        for (Province p : byId.values()) {
            planning(p);
        }
        for (Province p : byId.values()) {
            otherRotations(p);
        }
        counts.put("cadres.provinces", (long) provinces.size());
        counts.put("cadres.districts", (long) districts.size());
        counts.put("cadres.communes", (long) communes.size());
        counts.put("cadres.agencies", (long) agencies.size());
    }

    private int[] concat(List<Integer> tccsd) {
        int size = 0;
        for (int t : tccsd) {
            size += poolOfTccsd.getOrDefault(t, new int[0]).length;
        }
        int[] pool = new int[size];
        int k = 0;
        for (int t : tccsd) {
            int[] own = poolOfTccsd.get(t);
            if (own != null) {
                System.arraycopy(own, 0, pool, k, own.length);
                k += own.length;
            }
        }
        return pool;
    }

    /** What the later steps need to know of a province. */
    private static final class Province {
        final int id;
        final int[] pool;
        int size;
        LocalDate congress2020, congress2025;
        TermRow term2020, term2025;
        final List<Integer> committee2020 = new ArrayList<>(), committee2025 = new ArrayList<>();
        final List<Integer> officials = new ArrayList<>(), deputyHeads = new ArrayList<>(), directors = new ArrayList<>();
        final List<Integer> communes = new ArrayList<>();
        final List<Integer> upperCadres = new ArrayList<>(); // district and commune committee members (planning)
        final Map<Integer, List<Integer>> communeCommittee = new HashMap<>();
        final List<Integer> rotated = new ArrayList<>();

        Province(int id, int[] pool) {
            this.id = id;
            this.pool = pool;
        }
    }

    // ---- provinces ------------------------------------------------------------------------------------

    private Province province2020(int p, int[] pool, int size2025) {
        Province pr = new Province(p, pool);
        pr.size = size2025;
        int index = Integer.parseInt(code[p].substring(1));
        pr.congress2020 = LocalDate.of(2020, 10, 1).plusDays(index % 25);
        pr.congress2025 = LocalDate.of(2025, 9, 25).plusDays((index * 7) % 26);
        LocalDate c20 = pr.congress2020, c25 = pr.congress2025;
        int size = Math.max(15, size2025 - random.nextInt(4));
        String congressName = "Đại hội đại biểu " + name[p] + " lần thứ XX";
        pr.term2020 = openTerm(p, "2020–2025", c20, c25, true, congressName, c20, size * 8 + random.nextInt(40),
                decision("QĐ/TW", "Ban Bí thư", c20.plusDays(12)));
        // the council and Women's Union titles of this term run until 2026
        LocalDate retiresAfter = LocalDate.of(2026, 9, 30);
        List<Integer> people = pick(pool, size, i -> free2020(i) && eligible(i, c20, 40, 57, retiresAfter));
        require(people.size() == size, "province committee", p);
        moveFirst(people, i -> age(i, c20) >= 50);
        int deputies = size >= 30 ? 3 : 2;
        int standing = Math.max(deputies + 3, Math.round(size / 3f));
        DecisionRow elected = new DecisionRow("01-NQ/ĐH", c20, congressName);
        List<SeatRow> seated = committee(pr.term2020, people, deputies, standing, "ELECTED", c20, elected);
        people.forEach(taken2020::set);
        pr.committee2020.addAll(people);
        // mid-term: one moves away (2022), one is added (2023), a member joins the standing board (2023), one resigns (2024)
        String politburo = "Ban Bí thư";
        leave(seated.get(size - 1), "MOVED", LocalDate.of(2022, 6, 1), decision("QĐ/TW", politburo, LocalDate.of(2022, 5, 20)));
        LocalDate added = LocalDate.of(2023, 3, 1);
        DecisionRow addition = decision("QĐ/TW", politburo, LocalDate.of(2023, 2, 24));
        for (int a : pick(pool, 2, i -> free2020(i) && eligible(i, added, 38, 52, retiresAfter))) {
            join(pr.term2020, a, "MEMBER", "ADDED", added, addition);
            taken2020.set(a);
            pr.committee2020.add(a);
        }
        changeRole(seated.get(size - 3), "STANDING", "ELECTED", added, addition);
        leave(seated.get(size - 2), "RESIGNED", LocalDate.of(2024, 1, 15), decision("QĐ/TW", politburo, LocalDate.of(2024, 1, 5)));

        // the key titles of 2020–2025, ended by the congress of 2025
        DecisionRow chosen = new DecisionRow("02-NQ/ĐH", c20, "Ban Chấp hành " + name[p]);
        DecisionRow ending = new DecisionRow("03-NQ/ĐH", c25, "Đại hội đại biểu " + name[p] + " lần thứ XXI");
        List<IncRow> ofTerm = new ArrayList<>();
        ofTerm.add(appoint(p, "PROVINCIAL.SECRETARY", people.get(0), "ELECTED", c20, null, chosen));
        for (int d = 1; d <= deputies; d++) {
            ofTerm.add(appoint(p, "PROVINCIAL.DEPUTY_SECRETARY", people.get(d), "ELECTED", c20, null, chosen));
        }
        for (int s = deputies + 1; s < standing; s++) {
            ofTerm.add(appoint(p, "PROVINCIAL.STANDING_MEMBER", people.get(s), "ELECTED", c20, null, chosen));
        }
        ofTerm.add(appoint(p, "PROVINCIAL.ORGANISATION_HEAD", people.get(deputies + 1), "DESIGNATED", c20.plusDays(2), null,
                decision("QĐ/TU", board(p), c20.plusDays(2))));
        ofTerm.add(appoint(p, "PROVINCIAL.INSPECTION_HEAD", people.get(deputies + 2), "ELECTED", c20, null, chosen));
        for (IncRow i : ofTerm) {
            end(i, "TERM_ENDED", c25, null, ending);
        }
        // the People's Council of 2021–2026 chooses its chair and the People's Committee
        DecisionRow council = new DecisionRow("15-NQ/HĐND", COUNCIL_2021, "Hội đồng nhân dân " + place(p));
        DecisionRow nextCouncil = new DecisionRow("01-NQ/HĐND", COUNCIL_2026, "Hội đồng nhân dân " + place(p));
        LocalDate councilEnds = LocalDate.of(2026, 6, 25);
        List<IncRow> councilTitles = new ArrayList<>();
        councilTitles.add(appoint(p, "PROVINCIAL.COUNCIL_CHAIR", people.get(1), "ELECTED", COUNCIL_2021, councilEnds, council));
        councilTitles.add(appoint(p, "PROVINCIAL.COMMITTEE_CHAIR", people.get(2), "ELECTED", COUNCIL_2021, councilEnds, council));
        for (int v = 0; v < 3; v++) {
            councilTitles.add(appoint(p, "PROVINCIAL.COMMITTEE_VICE_CHAIR", people.get(standing + v), "ELECTED", COUNCIL_2021,
                    councilEnds, council));
        }
        for (IncRow i : councilTitles) {
            end(i, "TERM_ENDED", COUNCIL_2026, null, nextCouncil);
        }
        // the Front (2024), the Youth Union (2022), the Women's Union (2021, again in 2026)
        LocalDate front = LocalDate.of(2024, 8, 20);
        int frontChair = firstOf(people.subList(standing + 3, people.size() - 2), i -> retiresAfter(i, today.plusDays(30)),
                pick(pool, 1, i -> free2020(i) && eligible(i, front, 45, 56, today.plusDays(30))));
        appoint(p, "PROVINCIAL.FRONT_CHAIR", frontChair, "ELECTED", front, front.plusYears(5),
                new DecisionRow("01-NQ/ĐH", front, "Đại hội đại biểu Mặt trận Tổ quốc Việt Nam " + place(p)));
        LocalDate youth = LocalDate.of(2022, 10, 15);
        int youthSecretary = pick(pool, 1, i -> free2020(i) && eligible(i, youth, 30, 37, today.plusDays(30))).getFirst();
        officials.set(youthSecretary);
        appoint(p, "PROVINCIAL.YOUTH_SECRETARY", youthSecretary, "ELECTED", youth, youth.plusYears(5),
                new DecisionRow("01-NQ/ĐH", youth, "Đại hội đại biểu Đoàn Thanh niên " + place(p)));
        LocalDate women = LocalDate.of(2021, 9, 10);
        LocalDate women2026 = LocalDate.of(2026, 9, 10);
        int womenChair = pick(pool, 1, i -> free2020(i) && female[i] && eligible(i, women, 40, 50, today.plusDays(30))).getFirst();
        officials.set(womenChair);
        IncRow w = appoint(p, "PROVINCIAL.WOMEN_CHAIR", womenChair, "ELECTED", women, women2026,
                new DecisionRow("01-NQ/ĐH", women, "Đại hội đại biểu Phụ nữ " + place(p)));
        DecisionRow womenCongress = new DecisionRow("01-NQ/ĐH", women2026, "Đại hội đại biểu Phụ nữ " + place(p));
        end(w, "TERM_ENDED", women2026, null, womenCongress);
        int nextWomenChair = random.nextInt(100) < 40 ? womenChair
                : pick(pool, 1, i -> free2020(i) && !officials.get(i) && female[i] && eligible(i, women2026, 40, 50,
                today.plusDays(30))).getFirst();
        officials.set(nextWomenChair);
        appoint(p, "PROVINCIAL.WOMEN_CHAIR", nextWomenChair, "ELECTED", women2026, women2026.plusYears(5), womenCongress);

        // appointed posts: 5-year terms from 2018 on, reappointed when they ran out
        String ubnd = "Ủy ban nhân dân " + place(p);
        pr.officials.add(appointed(p, pool, "PROVINCIAL.OFFICE_CHIEF", between(LocalDate.of(2018, 3, 1), LocalDate.of(2021, 12, 31)),
                board(p), "QĐ/TU"));
        for (int k = 0; k < 3 + size2025 / 10; k++) {
            int m = appointed(p, pool, "PROVINCIAL.DEPUTY_COMMISSION_HEAD",
                    between(LocalDate.of(2018, 3, 1), LocalDate.of(2026, 9, 30)), board(p), "QĐ/TU");
            pr.officials.add(m);
            pr.deputyHeads.add(m);
        }
        for (int k = 0; k < 8 + size2025 / 3; k++) {
            int m = appointed(p, pool, "PROVINCIAL.DEPARTMENT_DIRECTOR",
                    between(LocalDate.of(2018, 3, 1), LocalDate.of(2026, 9, 30)), ubnd, "QĐ-UBND");
            pr.officials.add(m);
            pr.directors.add(m);
        }
        return pr;
    }

    /** A first appointment to the post on {@code on} and its reappointment when the term ends before today; returns the holder. */
    private int appointed(int unit, int[] pool, String title, LocalDate on, String body, String suffix) {
        LocalDate decided = on.minusDays(4 + random.nextInt(7));
        int m = pick(pool, 1, i -> !officials.get(i) && !taken2025.get(i) && eligible(i, on, 38, 50, null)
                && rules.appointable(on, decided, retirement(i)) && retiresAfter(i, on.plusYears(10))).getFirst();
        officials.set(m);
        IncRow first = appoint(unit, title, m, "APPOINTED", on, null, decision(suffix, body, decided));
        LocalDate again = first.termEndsOn;
        if (!again.isAfter(today)) {
            reappoint(first, again, decision(suffix, body, again.minusDays(7 + random.nextInt(14))));
        }
        return m;
    }

    private void province2025(Province pr) {
        int p = pr.id;
        LocalDate c25 = pr.congress2025;
        int size = pr.size;
        String congressName = "Đại hội đại biểu " + name[p] + " lần thứ XXI";
        pr.term2025 = openTerm(p, "2025–2030", c25, c25.plusYears(5), true, congressName, c25, size * 8 + random.nextInt(40),
                decision("QĐ/TW", "Ban Bí thư", c25.plusDays(10)));
        LocalDate later = today.plusDays(30);
        List<Integer> people = new ArrayList<>();
        // the new secretary is not a local cadre (CT 45): from the province's other members
        people.add(pick(pr.pool, 1, i -> free2025(i) && eligible(i, c25, 48, 57, later)).getFirst());
        taken2025.set(people.getFirst());
        for (int m : pr.committee2020.subList(1, pr.committee2020.size())) {
            if (people.size() < size * 6 / 10 && random.nextInt(100) < 70 && free2025(m) && eligible(m, c25, 38, 57, later)
                    && seatedOn(pr.term2020, m, c25.minusDays(1))) {
                people.add(m);
                taken2025.set(m); // before the fresh picks: nobody twice
            }
        }
        for (int f : pick(pr.pool, size - people.size(), i -> free2025(i) && eligible(i, c25, 38, 54, later))) {
            people.add(f);
        }
        int deputies = size >= 30 ? 3 : 2;
        int standing = Math.max(deputies + 3, Math.round(size / 3f));
        committee(pr.term2025, people, deputies, standing, "ELECTED", c25, new DecisionRow("01-NQ/ĐH", c25, congressName));
        people.forEach(taken2025::set);
        pr.committee2025.addAll(people);
        DecisionRow chosen = new DecisionRow("02-NQ/ĐH", c25, "Ban Chấp hành " + name[p]);
        appoint(p, "PROVINCIAL.SECRETARY", people.get(0), "ELECTED", c25, null, chosen);
        for (int d = 1; d <= deputies; d++) {
            appoint(p, "PROVINCIAL.DEPUTY_SECRETARY", people.get(d), "ELECTED", c25, null, chosen);
        }
        for (int s = deputies + 1; s < standing; s++) {
            appoint(p, "PROVINCIAL.STANDING_MEMBER", people.get(s), "ELECTED", c25, null, chosen);
        }
        appoint(p, "PROVINCIAL.ORGANISATION_HEAD", people.get(deputies + 1), "DESIGNATED", c25.plusDays(2), null,
                decision("QĐ/TU", board(p), c25.plusDays(2)));
        appoint(p, "PROVINCIAL.INSPECTION_HEAD", people.get(deputies + 2), "ELECTED", c25, null, chosen);
        DecisionRow council = new DecisionRow("01-NQ/HĐND", COUNCIL_2026, "Hội đồng nhân dân " + place(p));
        LocalDate councilEnds = COUNCIL_2026.plusYears(5);
        appoint(p, "PROVINCIAL.COUNCIL_CHAIR", people.get(1), "ELECTED", COUNCIL_2026, councilEnds, council);
        appoint(p, "PROVINCIAL.COMMITTEE_CHAIR", people.get(2), "ELECTED", COUNCIL_2026, councilEnds, council);
        for (int v = 0; v < 3; v++) {
            appoint(p, "PROVINCIAL.COMMITTEE_VICE_CHAIR", people.get(standing + v), "ELECTED", COUNCIL_2026, councilEnds, council);
        }
        training(people, p, true);
        training(pr.deputyHeads, p, true);
    }

    // ---- districts (2020 → 2025-07-01) and agencies ------------------------------------------------------

    private void district(int d, int[] pool) {
        LocalDate c = LocalDate.of(2020, 7, 15).plusDays(random.nextInt(60));
        int p = provinceOf[d];
        LocalDate retiresAfter = LocalDate.of(2025, 12, 31);
        List<Integer> people = pick(pool, 25 + random.nextInt(9), i -> free2020(i) && eligible(i, c, 35, 57, retiresAfter));
        if (people.size() < 5) {
            return;
        }
        moveFirst(people, i -> age(i, c) >= 45);
        String congressName = "Đại hội đại biểu " + name[d] + " lần thứ XXIII";
        TermRow term = openTerm(d, "2020–2025", c, REFORM, true, congressName, c, 200 + random.nextInt(80),
                decision("QĐ/TU", board(p), c.plusDays(7)));
        committee(term, people, 2, Math.min(10, people.size()), "ELECTED", c, new DecisionRow("01-NQ/ĐH", c, congressName));
        people.forEach(taken2020::set);
        DecisionRow chosen = new DecisionRow("02-NQ/ĐH", c, "Ban Chấp hành " + name[d]);
        List<IncRow> titles = new ArrayList<>();
        titles.add(appoint(d, "UPPER_GRASSROOTS.SECRETARY", people.get(0), "ELECTED", c, null, chosen));
        titles.add(appoint(d, "UPPER_GRASSROOTS.DEPUTY_SECRETARY", people.get(1), "ELECTED", c, null, chosen));
        titles.add(appoint(d, "UPPER_GRASSROOTS.DEPUTY_SECRETARY", people.get(2), "ELECTED", c, null, chosen));
        LocalDate council = LocalDate.of(2021, 6, 28);
        titles.add(appoint(d, "UPPER_GRASSROOTS.COMMITTEE_CHAIR", people.get(2), "ELECTED", council, council.plusYears(5),
                new DecisionRow("10-NQ/HĐND", council, "Hội đồng nhân dân " + name[d].substring("Đảng bộ ".length()))));
        DecisionRow dissolution = decision("QĐ/TU", board(p), REFORM.minusDays(5));
        for (IncRow i : titles) {
            end(i, "MOVED", REFORM, "Kết thúc hoạt động cấp huyện (QĐ 294-QĐ/TW)", dissolution);
        }
    }

    private void agency(int a, int[] pool) {
        int parent = provinceOf[a];
        LocalDate c20 = LocalDate.of(2020, 7, 20).plusDays(random.nextInt(50));
        LocalDate c25 = LocalDate.of(2025, 7, 15).plusDays(random.nextInt(70));
        LocalDate retiresAfter = LocalDate.of(2025, 12, 31);
        List<Integer> first = pick(pool, 15 + random.nextInt(5), i -> free2020(i) && eligible(i, c20, 32, 57, retiresAfter));
        if (first.size() < 5) {
            return;
        }
        String suffix = type[parent] == PROVINCIAL && code[parent].startsWith("T") ? "QĐ/TU" : "QĐ/ĐU";
        String name20 = "Đại hội đại biểu " + name[a] + " lần thứ V";
        TermRow t20 = openTerm(a, "2020–2025", c20, c25, true, name20, c20, 100 + random.nextInt(100),
                decision(suffix, board(parent), c20.plusDays(7)));
        committee(t20, first, 1, 5, "ELECTED", c20, new DecisionRow("01-NQ/ĐH", c20, name20));
        first.forEach(taken2020::set);
        DecisionRow chosen20 = new DecisionRow("02-NQ/ĐH", c20, "Ban Chấp hành " + name[a]);
        String name25 = "Đại hội đại biểu " + name[a] + " lần thứ VI";
        DecisionRow ending = new DecisionRow("03-NQ/ĐH", c25, name25);
        end(appoint(a, "UPPER_GRASSROOTS.SECRETARY", first.get(0), "ELECTED", c20, null, chosen20), "TERM_ENDED", c25, null, ending);
        end(appoint(a, "UPPER_GRASSROOTS.DEPUTY_SECRETARY", first.get(1), "ELECTED", c20, null, chosen20), "TERM_ENDED", c25, null,
                ending);

        LocalDate later = today.plusDays(30);
        List<Integer> people = new ArrayList<>();
        for (int m : first) {
            if (random.nextInt(100) < 70 && free2025(m) && eligible(m, c25, 32, 57, later)) {
                people.add(m);
                taken2025.set(m); // before the fresh picks: nobody twice
            }
        }
        int size = 15 + random.nextInt(5);
        people.addAll(pick(pool, Math.max(0, size - people.size()), i -> free2025(i) && !taken2020.get(i)
                && eligible(i, c25, 32, 55, later)));
        if (people.size() < 5) {
            return;
        }
        TermRow t25 = openTerm(a, "2025–2030", c25, c25.plusYears(5), true, name25, c25, 100 + random.nextInt(100),
                decision(suffix, board(parent), c25.plusDays(7)));
        committee(t25, people, 1, 5, "ELECTED", c25, new DecisionRow("01-NQ/ĐH", c25, name25));
        people.forEach(taken2025::set);
        DecisionRow chosen25 = new DecisionRow("02-NQ/ĐH", c25, "Ban Chấp hành " + name[a]);
        appoint(a, "UPPER_GRASSROOTS.SECRETARY", people.get(0), "ELECTED", c25, null, chosen25);
        appoint(a, "UPPER_GRASSROOTS.DEPUTY_SECRETARY", people.get(1), "ELECTED", c25, null, chosen25);
        appoint(a, "UPPER_GRASSROOTS.INSPECTION_HEAD", people.get(3), "ELECTED", c25, null, chosen25);
    }

    // ---- communes (from 2025-07-01) ----------------------------------------------------------------------

    /** Three provincial cadres rotated to communes as secretaries on 2025-07-01, for three years. */
    private List<Integer> rotatedSecretaries(Province pr, List<Integer> communes) {
        List<Integer> chosen = pick(pr.pool, Math.min(3, (communes.size() + 12) / 15), i -> free2025(i) && !officials.get(i)
                && eligible(i, REFORM, 40, 50, today.plusDays(30)));
        chosen.forEach(taken2025::set);
        pr.rotated.addAll(chosen);
        return new ArrayList<>(chosen);
    }

    private void commune(Province pr, int c, int[] pool, Integer rotated) {
        int p = pr.id;
        String title = name[c].substring("Đảng bộ ".length());
        LocalDate congress = LocalDate.of(2025, 8, 10).plusDays(random.nextInt(50));
        LocalDate later = today.plusDays(30);
        DecisionRow formed = decision("QĐ/TU", board(p), COMMUNES_FORMED.minusDays(3));
        List<Integer> first = new ArrayList<>();
        if (rotated != null) {
            startRotation(rotated, "ROTATION", cellOf[rotated], c, "Bí thư Đảng ủy " + title, COMMUNES_FORMED,
                    COMMUNES_FORMED.plusYears(3), null, decision("QĐ/TU", board(p), COMMUNES_FORMED.minusDays(10)));
            first.add(rotated);
        }
        first.addAll(pick(pool, 17 + random.nextInt(6) - first.size(), i -> free2025(i) && eligible(i, COMMUNES_FORMED, 30, 56, later)));
        if (first.size() < 7) {
            return;
        }
        if (rotated == null) {
            moveFirst(first, i -> age(i, COMMUNES_FORMED) >= 40);
        }
        // formed by appointment for the rest of the 2020–2025 term (HD 31-HD/BTCTW)
        TermRow appointed = openTerm(c, "2020–2025", COMMUNES_FORMED, congress, false, null, null, null, formed);
        committee(appointed, first, 2, 6, "APPOINTED", COMMUNES_FORMED, formed);
        first.forEach(taken2025::set);
        // the first congress of the new commune
        String congressName = "Đại hội đại biểu " + name[c] + " lần thứ I";
        List<Integer> people = new ArrayList<>();
        for (int m : first) {
            if ((rotated != null && m == rotated) || random.nextInt(100) < 85) {
                people.add(m);
                taken2025.set(m); // before the fresh picks: nobody twice
            }
        }
        int size = 15 + random.nextInt(4);
        while (people.size() > size) {
            people.removeLast();
        }
        // on the roll from the commune's first day: the council and mass-organisation titles begin then
        people.addAll(pick(pool, size - people.size(), i -> free2025(i) && eligible(i, COMMUNES_FORMED, 30, 54, later)));
        if (people.size() < 7) {
            return; // a commune too small for its titles (only in a small dataset): its appointed committee only
        }
        TermRow elected = openTerm(c, "2025–2030", congress, congress.plusYears(5), true, congressName, congress,
                120 + random.nextInt(100), decision("QĐ/TU", board(p), congress.plusDays(5)));
        committee(elected, people, 2, 5, "ELECTED", congress, new DecisionRow("01-NQ/ĐH", congress, congressName));
        people.forEach(taken2025::set);
        pr.communeCommittee.put(c, people);
        pr.upperCadres.addAll(people);

        // the titles (as DemoCadres.communeTitles)
        DecisionRow election = new DecisionRow("02-NQ/ĐH", congress, "Ban Chấp hành " + name[c]);
        DecisionRow council = new DecisionRow("01-NQ/HĐND", COMMUNES_FORMED, "Hội đồng nhân dân " + title);
        IncRow designated = appoint(c, "UPPER_GRASSROOTS.SECRETARY", first.get(0), "DESIGNATED", COMMUNES_FORMED, congress, formed);
        end(designated, "TERM_ENDED", congress, null, election);
        appoint(c, "UPPER_GRASSROOTS.SECRETARY", people.get(0), "ELECTED", congress, null, election);
        appoint(c, "UPPER_GRASSROOTS.DEPUTY_SECRETARY", people.get(1), "ELECTED", congress, null, election);
        appoint(c, "UPPER_GRASSROOTS.DEPUTY_SECRETARY", people.get(2), "ELECTED", congress, null, election);
        LocalDate councilEnds = LocalDate.of(2031, 6, 30);
        appoint(c, "UPPER_GRASSROOTS.COUNCIL_CHAIR", people.get(1), "ELECTED", COMMUNES_FORMED, councilEnds, council);
        appoint(c, "UPPER_GRASSROOTS.COMMITTEE_CHAIR", people.get(2), "ELECTED", COMMUNES_FORMED, councilEnds, council);
        appoint(c, "UPPER_GRASSROOTS.COMMITTEE_VICE_CHAIR", people.get(5), "ELECTED", COMMUNES_FORMED, councilEnds, council);
        appoint(c, "UPPER_GRASSROOTS.BUILDING_HEAD", people.get(3), "DESIGNATED", COMMUNES_FORMED, congress.plusYears(5), formed);
        appoint(c, "UPPER_GRASSROOTS.INSPECTION_HEAD", people.get(4), "ELECTED", congress, null, election);
        int next = 6;
        for (String t : COMMUNE_MASS) {
            if (random.nextInt(100) < 70 && next < people.size()) {
                appoint(c, t, people.get(next++), "ELECTED", COMMUNES_FORMED, LocalDate.of(2030, 7, 1),
                        new DecisionRow("01-NQ/ĐH", COMMUNES_FORMED, "Đại hội " + title));
            }
        }
        training(people, p, false);
    }

    // ---- grassroots organisations (TCCSĐ) -----------------------------------------------------------

    private void grassroots(int t) {
        int[] pool = poolOfTccsd.get(t);
        if (pool == null) {
            return;
        }
        boolean committee = type[t] == G_COMMITTEE;
        String kind = committee ? "GRASSROOTS_COMMITTEE." : "GRASSROOTS_CELL.";
        LocalDate est = LocalDate.ofEpochDay(established[t]);
        LocalDate c20 = LocalDate.of(2020, 4, 1).plusDays(random.nextInt(91));
        LocalDate c25 = LocalDate.of(2025, 4, 1).plusDays(random.nextInt(91));
        LocalDate later = today.plusDays(30);
        LocalDate retiresAfter = LocalDate.of(2025, 12, 31);
        int size = !committee ? 2 : pool.length < 40 ? 5 : pool.length < 400 ? 7 : 9;
        int deputies = 1;
        int standing = size == 9 ? 3 : 2;
        String congressWord = "Đại hội ";
        List<Integer> previous = List.of();
        TermRow term2020 = null;
        if (est.isBefore(c25)) {
            boolean congress = !est.isAfter(c20);
            LocalDate start = congress ? c20 : est;
            List<Integer> people = pick(pool, size, i -> free2020(i) && eligible(i, start, 28, 58, retiresAfter));
            if (!people.isEmpty()) {
                moveFirst(people, i -> age(i, start) >= 35);
                String congressName = congressWord + name[t] + " nhiệm kỳ 2020–2025";
                int upper = upperOn(t, start);
                DecisionRow approval = decision(upperSuffix(upper), board(upper), start.plusDays(congress ? 10 : -3));
                term2020 = openTerm(t, "2020–2025", start, c25, congress, congress ? congressName : null,
                        congress ? start : null, congress && committee ? Math.min(pool.length, 150) : null, approval);
                DecisionRow seat = congress ? new DecisionRow("01-NQ/ĐH", start, congressName) : approval;
                List<SeatRow> seated = committee(term2020, people, deputies, standing, congress ? "ELECTED" : "APPOINTED", start, seat);
                people.forEach(taken2020::set);
                DecisionRow chosen = congress ? new DecisionRow("02-NQ/ĐH", start, "Ban Chấp hành " + name[t]) : approval;
                String incKind = congress ? "ELECTED" : "DESIGNATED";
                DecisionRow ending = new DecisionRow("03-NQ/ĐH", c25, congressWord + name[t] + " nhiệm kỳ 2025–2030");
                end(appoint(t, kind + "SECRETARY", people.get(0), incKind, start, null, chosen), "TERM_ENDED", c25, null, ending);
                if (people.size() > 1) {
                    end(appoint(t, kind + "DEPUTY_SECRETARY", people.get(1), incKind, start, null, chosen), "TERM_ENDED", c25,
                            null, ending);
                }
                // now and then a member resigns mid-term and another is added
                if (committee && people.size() >= 5 && random.nextInt(100) < 3) {
                    LocalDate left = between(LocalDate.of(2022, 3, 1), LocalDate.of(2024, 6, 30));
                    int upperThen = upperOn(t, left);
                    leave(seated.getLast(), "RESIGNED", left, decision(upperSuffix(upperThen), board(upperThen), left.minusDays(5)));
                    LocalDate added = left.plusDays(30 + random.nextInt(90));
                    for (int a : pick(pool, 1, i -> free2020(i) && eligible(i, added, 28, 55, retiresAfter))) {
                        join(term2020, a, "MEMBER", "ADDED", added, decision(upperSuffix(upperThen), board(upperThen), added.minusDays(3)));
                        taken2020.set(a);
                    }
                }
                previous = people;
            }
        }
        boolean congress = est.isBefore(c25) || est.equals(c25);
        LocalDate start = congress ? c25 : est;
        List<Integer> people = new ArrayList<>();
        for (int m : previous) {
            if (random.nextInt(100) < 70 && free2025(m) && eligible(m, start, 28, 58, later)
                    && (term2020 == null || seatedOn(term2020, m, c25.minusDays(1)))) {
                people.add(m);
                taken2025.set(m); // before the fresh picks: nobody twice
            }
        }
        while (people.size() > size) {
            taken2025.clear(people.removeLast());
        }
        people.addAll(pick(pool, size - people.size(), i -> free2025(i) && eligible(i, start, 28, 56, later)));
        if (!people.isEmpty()) {
            String congressName = congressWord + name[t] + " nhiệm kỳ 2025–2030";
            int upper = upperOn(t, start);
            DecisionRow approval = decision(upperSuffix(upper), board(upper), start.plusDays(congress ? 10 : -3));
            TermRow term = openTerm(t, "2025–2030", start, c25.plusYears(5), congress, congress ? congressName : null,
                    congress ? start : null, congress && committee ? Math.min(pool.length, 150) : null, approval);
            DecisionRow seat = congress ? new DecisionRow("01-NQ/ĐH", start, congressName) : approval;
            committee(term, people, deputies, standing, congress ? "ELECTED" : "APPOINTED", start, seat);
            people.forEach(taken2025::set);
            DecisionRow chosen = congress ? new DecisionRow("02-NQ/ĐH", start, "Ban Chấp hành " + name[t]) : approval;
            String incKind = congress ? "ELECTED" : "DESIGNATED";
            appoint(t, kind + "SECRETARY", people.get(0), incKind, start, null, chosen);
            if (people.size() > 1) {
                appoint(t, kind + "DEPUTY_SECRETARY", people.get(1), incKind, start, null, chosen);
            }
        }
        // the head of an agency or enterprise: appointed for 5 years, reappointed when the term ran out
        if (committee && !name[t].startsWith("Đảng bộ Khu dân cư") && random.nextInt(100) < 60) {
            LocalDate from = est.isAfter(LocalDate.of(2018, 3, 1)) ? est : LocalDate.of(2018, 3, 1);
            LocalDate on = between(from, LocalDate.of(2026, 9, 30));
            if (on.isAfter(from)) {
                LocalDate decided = on.minusDays(3 + random.nextInt(8));
                List<Integer> head = pick(pool, 1, i -> !taken2025.get(i) && !officials.get(i) && eligible(i, on, 35, 50, null)
                        && rules.appointable(on, decided, retirement(i)) && retiresAfter(i, on.plusYears(10)));
                if (!head.isEmpty()) {
                    int upper = upperOn(t, decided);
                    officials.set(head.getFirst());
                    IncRow first = appoint(t, "GRASSROOTS_COMMITTEE.HEAD", head.getFirst(), "APPOINTED", on, null,
                            decision(upperSuffix(upper), board(upper), decided));
                    if (!first.termEndsOn.isAfter(today)) {
                        LocalDate again = first.termEndsOn;
                        int upperThen = upperOn(t, again);
                        reappoint(first, again, decision(upperSuffix(upperThen), board(upperThen), again.minusDays(7 + random.nextInt(14))));
                    }
                }
            }
        }
        if (upperAfter[t] != 0 && type[upperAfter[t]] == UPPER && code[upperAfter[t]].startsWith("X") && !people.isEmpty()) {
            secretariesOfCommune.computeIfAbsent(upperAfter[t], k -> new ArrayList<>()).add(people.getFirst());
        }
    }

    private final Map<Integer, List<Integer>> secretariesOfCommune = new HashMap<>();
    private final Map<Integer, List<Integer>> tccsdByUpperAfter = new HashMap<>();

    /** The TCCSĐ's upper unit on the date (its district or agency before 2025-07-01, its commune or agency after). */
    private int upperOn(int t, LocalDate date) {
        return date.isBefore(REFORM) && upperBefore[t] != 0 ? upperBefore[t] : upperAfter[t] != 0 ? upperAfter[t] : upperBefore[t];
    }

    private String upperSuffix(int upper) {
        return code[upper].startsWith("H") ? "QĐ/HU" : "QĐ/ĐU";
    }

    // ---- planning -------------------------------------------------------------------------------------

    private void planning(Province pr) {
        int p = pr.id;
        DecisionRow d2023 = decision("QĐ/TU", board(p), PLANNING_2023);
        DecisionRow dCommunes = decision("QĐ/TU", board(p), PLANNING_COMMUNES_2025);
        DecisionRow d2026 = decision("QĐ/TU", board(p), PLANNING_2026);
        // the province's own titles: committee members, officials and the lower levels' cadres, then anyone suitable
        List<Integer> candidates2023 = new ArrayList<>(pr.committee2020);
        candidates2023.addAll(pr.officials);
        candidates2023.addAll(pick(pr.pool, 300, i -> eligible(i, PLANNING_2023, 35, 52, today.plusDays(30))));
        java.util.Collections.shuffle(candidates2023, random);
        planPosts(P2025, p, PROVINCE_OWN_PLANNED, candidates2023, PLANNING_2023, d2023);
        List<Integer> candidates2026 = new ArrayList<>(pr.committee2025);
        candidates2026.addAll(pr.officials);
        candidates2026.addAll(pr.upperCadres.subList(0, Math.min(pr.upperCadres.size(), 400)));
        candidates2026.addAll(pick(pr.pool, 300, i -> eligible(i, PLANNING_2026, 33, 48, today.plusDays(30))));
        java.util.Collections.shuffle(candidates2026, random);
        planPosts(P2030, p, PROVINCE_OWN_PLANNED, candidates2026, PLANNING_2026, d2026);
        // the communes' key titles: their committee members, their grassroots secretaries, young members
        for (int c : pr.communes) {
            List<Integer> committee = pr.communeCommittee.get(c);
            if (committee == null) {
                continue;
            }
            int[] pool = concatCommune(c);
            List<Integer> local = new ArrayList<>(committee);
            local.addAll(secretariesOfCommune.getOrDefault(c, List.of()));
            local.addAll(pick(pool, 40, i -> eligible(i, PLANNING_COMMUNES_2025, 30, 47, today.plusDays(30))));
            java.util.Collections.shuffle(local.subList(committee.size(), local.size()), random);
            planPosts(P2025, c, COMMUNE_PLANNED, local, PLANNING_COMMUNES_2025, dCommunes);
            planPosts(P2030, c, COMMUNE_PLANNED, local, PLANNING_2026, d2026);
        }
        // some are also planned for the secretary of a neighbouring commune (the per-cadre cap of 3 titles)
        for (int k = 0; k + 1 < pr.communes.size(); k += 7) {
            int c = pr.communes.get(k), next = pr.communes.get(k + 1);
            for (PlanRow e : List.copyOf(plansOfPost.getOrDefault(post(P2030, c, "UPPER_GRASSROOTS.SECRETARY"), List.of()))) {
                if (e.removedOn == null && pr.communeCommittee.containsKey(next)) {
                    tryPlan(P2030, next, "UPPER_GRASSROOTS.SECRETARY", e.memberIndex, PLANNING_2026, d2026);
                    break;
                }
            }
        }
        // the annual review of 2025: a few of the 2025–2030 planning leave it
        DecisionRow review = decision("QĐ/TU", board(p), REVIEW_2025);
        for (PlanRow e : plans) {
            if (e.period.equals(P2025) && e.removedOn == null && provinceOf[(int) e.unitId] == p && random.nextInt(100) < 4) {
                removeFromPlan(e, "NOT_MEETING_STANDARDS", "Rà soát, điều chỉnh quy hoạch năm 2025", REVIEW_2025, review);
            }
        }
    }

    private int[] concatCommune(int c) {
        return concat(tccsdByUpperAfter.getOrDefault(c, List.of()));
    }

    /** 1–3 planned cadres for each of the titles at the unit, the first candidates the rules allow. */
    private void planPosts(String period, int unit, String[] postTitles, List<Integer> candidates, LocalDate on, DecisionRow decision) {
        for (String t : postTitles) {
            int wanted = 1 + random.nextInt(3);
            int added = 0;
            for (int i = 0; i < candidates.size() && added < wanted; i++) {
                int m = candidates.get((i + random.nextInt(7)) % candidates.size());
                if (tryPlan(period, unit, t, m, on, decision)) {
                    added++;
                }
            }
        }
    }

    // =====================================================================================================
    // the acts, as CadreActs applies them (checks first, then the rows)
    // =====================================================================================================

    private record DecisionRow(String number, LocalDate date, String body) {
    }

    private static final class TermRow {
        long id;
        long unitId;
        String label;
        LocalDate startsOn, endsOn;
        boolean congress;
        String congressName;
        LocalDate congressDate;
        Integer delegates;
        DecisionRow decision;
    }

    private static final class SeatRow {
        long id;
        TermRow term;
        int memberIndex;
        String role, entry;
        LocalDate joinedOn;
        DecisionRow join;
        Long followsId;
        LocalDate leftOn;
        String leaveReason;
        DecisionRow leave;

        boolean heldOn(LocalDate d) {
            return !d.isBefore(joinedOn) && (leftOn == null || d.isBefore(leftOn));
        }
    }

    private static final class IncRow {
        long id;
        long unitId;
        String title;
        int memberIndex;
        String kind;
        LocalDate startsOn, termEndsOn;
        String ruleSet;
        DecisionRow decision;
        Long followsId;
        LocalDate endedOn;
        String endKind;
        DecisionRow end;
        String endReason;

        boolean heldOn(LocalDate d) {
            return !d.isBefore(startsOn) && (endedOn == null || d.isBefore(endedOn));
        }
    }

    private static final class PlanRow {
        long id;
        String period;
        long unitId;
        String title;
        int memberIndex;
        LocalDate addedOn;
        String ruleSet;
        DecisionRow decision;
        LocalDate removedOn;
        String reason, note;
        DecisionRow removal;

        boolean activeOn(LocalDate d) {
            return !addedOn.isAfter(d) && (removedOn == null || removedOn.isAfter(d));
        }
    }

    private record TrainingRow(long id, int memberIndex, String kind, String level, String name, String institution,
                               LocalDate startsOn, LocalDate endsOn, String certificate) {
    }

    private static final class RotationRow {
        long id;
        int memberIndex;
        String kind;
        long fromUnitId, toUnitId;
        String position;
        LocalDate startsOn, plannedEnd;
        Long returnUnitId;
        String ruleSet;
        DecisionRow decision;
        LocalDate endedOn;
        DecisionRow end;
    }

    private TermRow openTerm(int unit, String label, LocalDate startsOn, LocalDate endsOn, boolean congress, String congressName,
                             LocalDate congressDate, Integer delegates, DecisionRow decision) {
        require(endsOn.isAfter(startsOn), "term dates", unit);
        requireUnitOn(unit, startsOn);
        require(!congress || !congressDate.isAfter(startsOn), "congress after start", unit);
        for (TermRow other : termsOfUnit.getOrDefault((long) unit, List.of())) {
            require(!(other.startsOn.isBefore(endsOn) && other.endsOn.isAfter(startsOn)), "overlapping terms", unit);
        }
        TermRow t = new TermRow();
        t.id = terms.size() + 1L;
        t.unitId = unit;
        t.label = label;
        t.startsOn = startsOn;
        t.endsOn = endsOn;
        t.congress = congress;
        t.congressName = congressName;
        t.congressDate = congress ? congressDate : null;
        t.delegates = delegates;
        t.decision = decision;
        terms.add(t);
        termsOfUnit.computeIfAbsent((long) unit, k -> new ArrayList<>()).add(t);
        return t;
    }

    /** Seats the people in order: a secretary, {@code deputies} deputies, standing members up to {@code standing}, members. */
    private List<SeatRow> committee(TermRow term, List<Integer> people, int deputies, int standing, String entry, LocalDate on,
                                    DecisionRow decision) {
        List<SeatRow> seated = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            String role = i == 0 ? "SECRETARY" : i <= deputies ? "DEPUTY_SECRETARY" : i < standing ? "STANDING" : "MEMBER";
            seated.add(join(term, people.get(i), role, entry, on, decision));
        }
        return seated;
    }

    private SeatRow join(TermRow term, int m, String role, String entry, LocalDate on, DecisionRow decision) {
        requireWithinTerm(term, on);
        requireOnRoll(m, on);
        List<SeatRow> ofTerm = seatsOfTerm.computeIfAbsent(term.id, k -> new ArrayList<>());
        for (SeatRow s : ofTerm) {
            require(!(s.memberIndex == m && (s.leftOn == null || s.leftOn.isAfter(on))), "already seated", term.unitId);
        }
        requireSecretaryFree(role, ofTerm, on, null);
        return seat(term, m, role, entry, on, decision, null);
    }

    private SeatRow seat(TermRow term, int m, String role, String entry, LocalDate on, DecisionRow decision, Long follows) {
        SeatRow s = new SeatRow();
        s.id = seats.size() + 1L;
        s.term = term;
        s.memberIndex = m;
        s.role = role;
        s.entry = entry;
        s.joinedOn = on;
        s.join = decision;
        s.followsId = follows;
        seats.add(s);
        seatsOfTerm.computeIfAbsent(term.id, k -> new ArrayList<>()).add(s);
        return s;
    }

    private void changeRole(SeatRow seat, String role, String entry, LocalDate on, DecisionRow decision) {
        require(seat.leftOn == null, "seat closed", seat.term.unitId);
        require(on.isAfter(seat.joinedOn), "role change before joining", seat.term.unitId);
        requireWithinTerm(seat.term, on);
        require(!role.equals(seat.role), "same role", seat.term.unitId);
        requireSecretaryFree(role, seatsOfTerm.get(seat.term.id), on, seat.id);
        close(seat, on, "ROLE_CHANGED", decision);
        seat(seat.term, seat.memberIndex, role, entry == null ? "ELECTED" : entry, on, decision, seat.id);
    }

    private void leave(SeatRow seat, String exit, LocalDate on, DecisionRow decision) {
        require(!exit.equals("ROLE_CHANGED"), "exit", seat.term.unitId);
        require(seat.leftOn == null, "seat closed", seat.term.unitId);
        require(on.isAfter(seat.joinedOn), "leaving before joining", seat.term.unitId);
        require(!on.isAfter(seat.term.endsOn), "leaving after the term", seat.term.unitId);
        close(seat, on, exit, decision);
    }

    private static void close(SeatRow seat, LocalDate on, String reason, DecisionRow decision) {
        seat.leftOn = on;
        seat.leaveReason = reason;
        seat.leave = decision;
    }

    private static void requireWithinTerm(TermRow term, LocalDate on) {
        require(!on.isBefore(term.startsOn) && on.isBefore(term.endsOn), "seat outside the term", term.unitId);
    }

    private static void requireSecretaryFree(String role, List<SeatRow> seats, LocalDate on, Long except) {
        if (!role.equals("SECRETARY") || seats == null) {
            return;
        }
        for (SeatRow s : seats) {
            require(!(s.role.equals("SECRETARY") && (except == null || s.id != except) && (s.leftOn == null || s.leftOn.isAfter(on))),
                    "second secretary", s.term.unitId);
        }
    }

    private IncRow appoint(int unit, String titleCode, int m, String kind, LocalDate startsOn, LocalDate termEndsOn,
                           DecisionRow decision) {
        Title title = titles.get(titleCode);
        require(title != null, "title " + titleCode, unit);
        requireUnitOn(unit, startsOn);
        require(title.unitType().name().equals(typeName(unit)), "title not for the unit " + titleCode, unit);
        requireOnRoll(m, startsOn);
        if (kind.equals("APPOINTED")) {
            require(rules.appointable(startsOn, decision.date(), retirement(m)), "appointment age", unit);
        }
        LocalDate termEnds = termEndsOn;
        if (termEnds == null) {
            termEnds = startsOn.plusYears(rules.ruleSetOn(startsOn).appointmentTermYears());
            if (!kind.equals("APPOINTED") && !kind.equals("REAPPOINTED")) {
                for (TermRow t : termsOfUnit.getOrDefault((long) unit, List.of())) {
                    if (!t.startsOn.isAfter(startsOn) && t.endsOn.isAfter(startsOn)) {
                        termEnds = t.endsOn;
                    }
                }
            }
        }
        require(termEnds.isAfter(startsOn), "term end before start", unit);
        String key = unit + "|" + titleCode;
        for (IncRow other : incsOfPost.getOrDefault(key, List.of())) {
            if (other.endedOn == null || other.endedOn.isAfter(startsOn)) {
                require(other.memberIndex != m, "already holds " + titleCode, unit);
                require(!title.singleHolder(), "single holder " + titleCode, unit);
            }
        }
        IncRow i = incumbency(unit, titleCode, m, kind, startsOn, termEnds, decision, null);
        // the cadre leaves the planning of the title once appointed to it
        for (PlanRow e : plansOfMember.getOrDefault(memberId[m], List.of())) {
            if (e.removedOn == null && e.unitId == unit && e.title.equals(titleCode) && !startsOn.isBefore(e.addedOn)) {
                removePlan(e, startsOn, "APPOINTED", null, decision);
            }
        }
        return i;
    }

    private IncRow incumbency(int unit, String title, int m, String kind, LocalDate startsOn, LocalDate termEnds,
                              DecisionRow decision, Long follows) {
        IncRow i = new IncRow();
        i.id = incs.size() + 1L;
        i.unitId = unit;
        i.title = title;
        i.memberIndex = m;
        i.kind = kind;
        i.startsOn = startsOn;
        i.termEndsOn = termEnds;
        i.ruleSet = rules.ruleSetOn(startsOn).code();
        i.decision = decision;
        i.followsId = follows;
        incs.add(i);
        incsOfPost.computeIfAbsent(unit + "|" + title, k -> new ArrayList<>()).add(i);
        incsOfMember.computeIfAbsent(memberId[m], k -> new ArrayList<>()).add(i);
        return i;
    }

    private void reappoint(IncRow current, LocalDate startsOn, DecisionRow decision) {
        require(current.endedOn == null, "incumbency closed", current.unitId);
        require(startsOn.isAfter(current.startsOn), "reappointment before the start", current.unitId);
        requireOnRoll(current.memberIndex, startsOn);
        LocalDate termEnds = rules.reappointmentEnd(startsOn, retirement(current.memberIndex));
        close(current, startsOn, "REAPPOINTED", null, decision);
        incumbency((int) current.unitId, current.title, current.memberIndex, "REAPPOINTED", startsOn, termEnds, decision,
                current.id);
    }

    private void end(IncRow current, String end, LocalDate on, String reason, DecisionRow decision) {
        require(!end.equals("REAPPOINTED"), "use reappoint", current.unitId);
        require(current.endedOn == null, "incumbency closed", current.unitId);
        require(on.isAfter(current.startsOn), "end before start", current.unitId);
        close(current, on, end, reason, decision);
    }

    private static void close(IncRow i, LocalDate on, String kind, String reason, DecisionRow decision) {
        i.endedOn = on;
        i.endKind = kind;
        i.endReason = reason;
        i.end = decision;
    }

    /** {@code AddToPlan} when the rules allow it (else nothing is written and false). */
    private boolean tryPlan(String periodCode, int unit, String titleCode, int m, LocalDate on, DecisionRow decision) {
        PlanPeriod period = rules.period(periodCode);
        Title title = titles.get(titleCode);
        if (!unitOn(unit, on) || !title.unitType().name().equals(typeName(unit)) || !onRoll(m, on)) {
            return false;
        }
        var ruleSet = rules.ruleSetOn(on);
        List<PlanRow> forPost = new ArrayList<>();
        for (PlanRow e : plansOfPost.getOrDefault(post(periodCode, unit, titleCode), List.of())) {
            if (e.activeOn(on)) {
                forPost.add(e);
            }
        }
        if (forPost.stream().anyMatch(e -> e.memberIndex == m)) {
            return false;
        }
        // QĐ 377-QĐ/TW: only for a higher title, never for the one held
        for (IncRow held : incsOfMember.getOrDefault(memberId[m], List.of())) {
            if (held.heldOn(on)) {
                Title heldTitle = titles.get(held.title);
                if (held.unitId == unit && held.title.equals(titleCode) || !NationalCadreRules.higherThan(title, heldTitle)) {
                    return false;
                }
            }
        }
        if (forPost.size() >= ruleSet.maxPlannedPerTitle()) {
            return false;
        }
        long sameLevel = plansOfMember.getOrDefault(memberId[m], List.of()).stream()
                .filter(e -> e.period.equals(periodCode) && e.activeOn(on) && titles.get(e.title).unitType() == title.unitType())
                .count();
        if (sameLevel >= ruleSet.maxTitlesPerCadre()) {
            return false;
        }
        if (!rules.fullTermLeft(period, on, retirement(m))) {
            return false;
        }
        PlanRow e = new PlanRow();
        e.id = plans.size() + 1L;
        e.period = periodCode;
        e.unitId = unit;
        e.title = titleCode;
        e.memberIndex = m;
        e.addedOn = on;
        e.ruleSet = ruleSet.code();
        e.decision = decision;
        plans.add(e);
        plansOfPost.computeIfAbsent(post(periodCode, unit, titleCode), k -> new ArrayList<>()).add(e);
        plansOfMember.computeIfAbsent(memberId[m], k -> new ArrayList<>()).add(e);
        // an appointment to the post written before this entry (a later date) takes the cadre out of it, as it would have
        IncRow appointed = null;
        for (IncRow i : incsOfPost.getOrDefault(unit + "|" + titleCode, List.of())) {
            if (i.memberIndex == m && !i.kind.equals("REAPPOINTED") && !i.startsOn.isBefore(on)
                    && (appointed == null || i.startsOn.isBefore(appointed.startsOn))) {
                appointed = i;
            }
        }
        if (appointed != null) {
            removePlan(e, appointed.startsOn, "APPOINTED", null, appointed.decision);
        }
        return true;
    }

    private static String post(String period, long unit, String title) {
        return period + "|" + unit + "|" + title;
    }

    private void removeFromPlan(PlanRow e, String reason, String note, LocalDate on, DecisionRow decision) {
        require(e.removedOn == null, "plan entry removed", e.unitId);
        require(!on.isBefore(e.addedOn), "removal before addition", e.unitId);
        removePlan(e, on, reason, note, decision);
    }

    private static void removePlan(PlanRow e, LocalDate on, String reason, String note, DecisionRow decision) {
        e.removedOn = on;
        e.reason = reason;
        e.note = note;
        e.removal = decision;
    }

    private void training(List<Integer> people, int province, boolean provincial) {
        for (int m : people) {
            int year = Math.min(2021, LocalDate.ofEpochDay(birth[m]).getYear() + 30 + random.nextInt(8));
            addTraining(m, "POLITICAL_THEORY", provincial ? "CAO_CAP" : "TRUNG_CAP",
                    provincial ? "Cao cấp lý luận chính trị" : "Trung cấp lý luận chính trị – hành chính",
                    provincial ? "Học viện Chính trị quốc gia Hồ Chí Minh" : "Trường Chính trị " + place(province),
                    LocalDate.of(year, 9, 5), LocalDate.of(year + 1, 12, 20), null);
            addTraining(m, "STATE_MANAGEMENT", provincial ? "CHUYEN_VIEN_CAO_CAP" : "CHUYEN_VIEN",
                    provincial ? "Bồi dưỡng kiến thức quản lý nhà nước ngạch chuyên viên cao cấp" : "Bồi dưỡng ngạch chuyên viên",
                    "Học viện Hành chính quốc gia", LocalDate.of(year + 2, 3, 1), LocalDate.of(year + 2, 6, 30), null);
            if (provincial && random.nextBoolean()) {
                addTraining(m, "DEGREE", "Thạc sĩ", "Thạc sĩ Quản lý kinh tế", "Trường Đại học Kinh tế quốc dân",
                        LocalDate.of(year - 4, 10, 1), LocalDate.of(year - 2, 6, 15), "QLKT-" + (1000 + random.nextInt(9000)));
            }
            if (provincial) {
                addTraining(m, "COURSE", null, "Bồi dưỡng cán bộ lãnh đạo, quản lý diện Ban Thường vụ Tỉnh ủy quản lý",
                        "Trường Chính trị " + place(province), LocalDate.of(2024, 5, 6), LocalDate.of(2024, 6, 28), null);
            }
        }
    }

    private void addTraining(int m, String kind, String level, String name, String institution, LocalDate startsOn,
                             LocalDate endsOn, String certificate) {
        require(endsOn == null || !endsOn.isBefore(startsOn), "training dates", 0);
        trainings.add(new TrainingRow(trainings.size() + 1L, m, kind, level, name, institution, startsOn, endsOn, certificate));
    }

    private RotationRow startRotation(int m, String kind, int from, int to, String position, LocalDate startsOn,
                                      LocalDate plannedEnd, Integer returnUnit, DecisionRow decision) {
        requireUnitOn(from, startsOn);
        requireUnitOn(to, startsOn);
        require(from != to, "rotation to the same unit", to);
        requireOnRoll(m, startsOn);
        var ruleSet = rules.ruleSetOn(startsOn);
        require(plannedEnd == null || plannedEnd.isAfter(startsOn), "rotation end before start", to);
        Long back = returnUnit == null ? null : (long) returnUnit;
        if (kind.equals("ROTATION")) {
            require(plannedEnd != null && NationalCadreRules.monthsBetween(startsOn, plannedEnd) >= ruleSet.rotationMinMonths(),
                    "rotation too short", to);
            if (back == null) {
                back = (long) from;
            }
        }
        for (RotationRow r : rotationsOfMember.getOrDefault(memberId[m], List.of())) {
            require(r.endedOn != null && !r.endedOn.isAfter(startsOn), "rotation running", to);
        }
        RotationRow r = new RotationRow();
        r.id = rotations.size() + 1L;
        r.memberIndex = m;
        r.kind = kind;
        r.fromUnitId = from;
        r.toUnitId = to;
        r.position = position;
        r.startsOn = startsOn;
        r.plannedEnd = plannedEnd;
        r.returnUnitId = back;
        r.ruleSet = ruleSet.code();
        r.decision = decision;
        rotations.add(r);
        rotationsOfMember.computeIfAbsent(memberId[m], k -> new ArrayList<>()).add(r);
        return r;
    }

    private static void endRotation(RotationRow r, LocalDate on, DecisionRow decision) {
        require(r.endedOn == null, "rotation ended", r.toUnitId);
        require(on.isAfter(r.startsOn), "rotation end before start", r.toUnitId);
        r.endedOn = on;
        r.end = decision;
    }

    /** A secondment to a commune (ending within the due-work horizon) and a rotation to a district that ended in 2024. */
    private void otherRotations(Province pr) {
        int p = pr.id;
        if (!pr.communes.isEmpty() && !pr.directors.isEmpty()) {
            int m = pr.directors.get(random.nextInt(pr.directors.size()));
            int commune = pr.communes.get(random.nextInt(pr.communes.size()));
            LocalDate on = LocalDate.of(2026, 2, 1);
            if (!rotationsOfMember.containsKey(memberId[m])) {
                startRotation(m, "SECONDMENT", cellOf[m], commune, "Phó Chủ tịch Ủy ban nhân dân "
                        + name[commune].substring("Đảng bộ ".length()), on, on.plusYears(1), null,
                        decision("QĐ/TU", board(p), on.minusDays(12)));
            }
        }
        List<Integer> districts = new ArrayList<>();
        for (int d = 1; d < type.length; d++) {
            if (type[d] == UPPER && provinceOf[d] == p && code[d].startsWith("H")) {
                districts.add(d);
                if (districts.size() > 5) break;
            }
        }
        LocalDate on = LocalDate.of(2021, 3, 1);
        for (int m : pr.committee2020) {
            if (!districts.isEmpty() && !rotationsOfMember.containsKey(memberId[m]) && !pr.committee2020.getFirst().equals(m)) {
                int d = districts.get(random.nextInt(districts.size()));
                RotationRow r = startRotation(m, "ROTATION", cellOf[m], d, "Phó Bí thư Thường trực " + committeeName(d),
                        on, on.plusYears(3), null, decision("QĐ/TU", board(p), on.minusDays(10)));
                endRotation(r, on.plusYears(3), decision("QĐ/TU", board(p), on.plusYears(3).minusDays(9)));
                break;
            }
        }
    }

    // ---- checks and choices ----------------------------------------------------------------------------

    private static void require(boolean ok, String rule, long unit) {
        if (!ok) {
            throw new IllegalStateException("cadre generator broke a rule of the acts: " + rule + " (unit " + unit + ")");
        }
    }

    private boolean unitOn(int unit, LocalDate date) {
        long d = date.toEpochDay();
        return type[unit] >= 0 && established[unit] <= d && ended[unit] > d;
    }

    private void requireUnitOn(int unit, LocalDate date) {
        require(unitOn(unit, date), "unit not on " + date, unit);
    }

    /** On the roll from their current state's first day (the candidates' state is open today). */
    private boolean onRoll(int m, LocalDate date) {
        return stateFrom[m] <= date.toEpochDay() && !date.isAfter(today);
    }

    private void requireOnRoll(int m, LocalDate date) {
        require(onRoll(m, date), "member " + memberId[m] + " not on the roll on " + date, 0);
    }

    private String typeName(int unit) {
        return switch (type[unit]) {
            case PROVINCIAL -> "PROVINCIAL";
            case UPPER -> "UPPER_GRASSROOTS";
            case G_COMMITTEE -> "GRASSROOTS_COMMITTEE";
            case G_CELL -> "GRASSROOTS_CELL";
            default -> "CELL";
        };
    }

    private Gender gender(int m) {
        return female[m] ? Gender.FEMALE : Gender.MALE;
    }

    private int age(int m, LocalDate on) {
        return Period.between(LocalDate.ofEpochDay(birth[m]), on).getYears();
    }

    private LocalDate retirement(int m) {
        if (retire[m] == 0) {
            retire[m] = (int) rules.retirement(gender(m), LocalDate.ofEpochDay(birth[m])).toEpochDay();
        }
        return LocalDate.ofEpochDay(retire[m]);
    }

    private boolean retiresAfter(int m, LocalDate date) {
        return retirement(m).isAfter(date);
    }

    /** On the roll on the date, of an age for the post, and (unless null) not retired before {@code retiresAfter}. */
    private boolean eligible(int m, LocalDate on, int minAge, int maxAge, LocalDate retiresAfter) {
        if (stateFrom[m] > on.toEpochDay()) {
            return false;
        }
        int a = age(m, on);
        return a >= minAge && a <= maxAge && (retiresAfter == null || retiresAfter(m, retiresAfter));
    }

    private boolean free2020(int m) {
        return !taken2020.get(m);
    }

    private boolean free2025(int m) {
        return !taken2025.get(m);
    }

    private boolean seatedOn(TermRow term, int m, LocalDate date) {
        for (SeatRow s : seatsOfTerm.getOrDefault(term.id, List.of())) {
            if (s.memberIndex == m && s.heldOn(date)) {
                return true;
            }
        }
        return false;
    }

    /** Up to {@code n} distinct members of the pool that pass: random probes, then a scan from a random place. */
    private List<Integer> pick(int[] pool, int n, IntPredicate ok) {
        List<Integer> chosen = new ArrayList<>();
        if (pool.length == 0 || n <= 0) {
            return chosen;
        }
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int probe = 0; probe < n * 8 && chosen.size() < n; probe++) {
            int m = pool[random.nextInt(pool.length)];
            if (seen.add(m) && ok.test(m)) {
                chosen.add(m);
            }
        }
        if (chosen.size() < n) {
            int offset = random.nextInt(pool.length);
            for (int k = 0; k < pool.length && chosen.size() < n; k++) {
                int m = pool[(offset + k) % pool.length];
                if (!chosen.contains(m) && ok.test(m)) {
                    chosen.add(m);
                }
            }
        }
        return chosen;
    }

    private static int firstOf(List<Integer> list, IntPredicate ok, List<Integer> otherwise) {
        for (int m : list) {
            if (ok.test(m)) {
                return m;
            }
        }
        return otherwise.getFirst();
    }

    private static void moveFirst(List<Integer> people, IntPredicate preferred) {
        for (int i = 0; i < people.size(); i++) {
            if (preferred.test(people.get(i))) {
                people.addFirst(people.remove(i));
                return;
            }
        }
    }

    private LocalDate between(LocalDate from, LocalDate to) {
        long days = to.toEpochDay() - from.toEpochDay();
        return days <= 0 ? from : from.plusDays(random.nextLong(days + 1));
    }

    /** "Tỉnh ủy Lai Châu", "Thành ủy Hà Nội", "Huyện ủy An", "Đảng ủy xã Bình", "Chi bộ Trạm Y tế …". */
    private String committeeName(int unit) {
        String n = name[unit];
        if (type[unit] == PROVINCIAL && n.startsWith("Đảng bộ tỉnh ")) return "Tỉnh ủy " + n.substring(13);
        if (type[unit] == PROVINCIAL && n.startsWith("Đảng bộ Thành phố ")) return "Thành ủy " + n.substring(18);
        if (n.startsWith("Đảng bộ huyện ")) return "Huyện ủy " + n.substring(14);
        if (n.startsWith("Đảng bộ quận ")) return "Quận ủy " + n.substring(13);
        if (n.startsWith("Đảng bộ thị xã ")) return "Thị ủy " + n.substring(15);
        if (n.startsWith("Đảng bộ ")) return "Đảng ủy " + n.substring(8);
        return n;
    }

    private String board(int unit) {
        return "Ban Thường vụ " + committeeName(unit);
    }

    /** "tỉnh Lai Châu", "Thành phố Hà Nội". */
    private String place(int province) {
        return name[province].startsWith("Đảng bộ ") ? name[province].substring(8) : name[province];
    }

    /** A decision numbered in sequence per issuing body and year. */
    private DecisionRow decision(String suffix, String body, LocalDate date) {
        int n = numbers.merge(body + "|" + date.getYear(), 1, Integer::sum);
        return new DecisionRow((suffix.equals("QĐ/TW") ? 1000 : 100) + n + "-" + suffix, date, body);
    }

    // =====================================================================================================
    // writing
    // =====================================================================================================

    private void write() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("set local synchronous_commit = off");
                // the tables are written together and their references hold by construction (checked afterwards)
                st.execute("set local session_replication_role = replica");
            }
            PGConnection pg = c.unwrap(PGConnection.class);
            try (Writer w = copy(pg, "copy cadres.term (id, unit_id, label, starts_on, ends_on, formed_by, congress_name,"
                    + " congress_date, delegates, decision_number, decision_date, decision_body) from stdin")) {
                for (TermRow t : terms) {
                    row(w, t.id, t.unitId, t.label, t.startsOn, t.endsOn, t.congress ? "CONGRESS" : "APPOINTMENT", t.congressName,
                            t.congressDate, t.delegates, t.decision.number(), t.decision.date(), t.decision.body());
                }
            }
            try (Writer w = copy(pg, "copy cadres.committee_seat (id, term_id, member_id, role, entry, joined_on,"
                    + " join_decision_number, join_decision_date, join_decision_body, follows_id, left_on, leave_reason,"
                    + " leave_decision_number, leave_decision_date, leave_decision_body) from stdin")) {
                for (SeatRow s : seats) {
                    DecisionRow l = s.leave;
                    row(w, s.id, s.term.id, memberId[s.memberIndex], s.role, s.entry, s.joinedOn, s.join.number(), s.join.date(),
                            s.join.body(), s.followsId, s.leftOn, s.leaveReason, l == null ? null : l.number(),
                            l == null ? null : l.date(), l == null ? null : l.body());
                }
            }
            try (Writer w = copy(pg, "copy cadres.incumbency (id, unit_id, title_code, member_id, kind, starts_on, term_ends_on,"
                    + " dossier_received_on, rule_set_code, decision_number, decision_date, decision_body, follows_id, ended_on,"
                    + " end_kind, end_decision_number, end_decision_date, end_decision_body, end_reason) from stdin")) {
                for (IncRow i : incs) {
                    DecisionRow e = i.end;
                    row(w, i.id, i.unitId, i.title, memberId[i.memberIndex], i.kind, i.startsOn, i.termEndsOn, null, i.ruleSet,
                            i.decision.number(), i.decision.date(), i.decision.body(), i.followsId, i.endedOn, i.endKind,
                            e == null ? null : e.number(), e == null ? null : e.date(), e == null ? null : e.body(), i.endReason);
                }
            }
            try (Writer w = copy(pg, "copy cadres.plan_entry (id, period_code, unit_id, title_code, member_id, added_on,"
                    + " rule_set_code, decision_number, decision_date, decision_body, removed_on, removal_reason, removal_note,"
                    + " removal_decision_number, removal_decision_date, removal_decision_body) from stdin")) {
                for (PlanRow e : plans) {
                    DecisionRow r = e.removal;
                    row(w, e.id, e.period, e.unitId, e.title, memberId[e.memberIndex], e.addedOn, e.ruleSet, e.decision.number(),
                            e.decision.date(), e.decision.body(), e.removedOn, e.reason, e.note, r == null ? null : r.number(),
                            r == null ? null : r.date(), r == null ? null : r.body());
                }
            }
            try (Writer w = copy(pg, "copy cadres.training (id, member_id, kind, level, name, institution, starts_on, ends_on,"
                    + " certificate) from stdin")) {
                for (TrainingRow t : trainings) {
                    row(w, t.id(), memberId[t.memberIndex()], t.kind(), t.level(), t.name(), t.institution(), t.startsOn(),
                            t.endsOn(), t.certificate());
                }
            }
            try (Writer w = copy(pg, "copy cadres.rotation (id, member_id, kind, from_unit_id, to_unit_id, position, starts_on,"
                    + " planned_end, return_unit_id, rule_set_code, decision_number, decision_date, decision_body, ended_on,"
                    + " end_decision_number, end_decision_date, end_decision_body) from stdin")) {
                for (RotationRow r : rotations) {
                    DecisionRow e = r.end;
                    row(w, r.id, memberId[r.memberIndex], r.kind, r.fromUnitId, r.toUnitId, r.position, r.startsOn, r.plannedEnd,
                            r.returnUnitId, r.ruleSet, r.decision.number(), r.decision.date(), r.decision.body(), r.endedOn,
                            e == null ? null : e.number(), e == null ? null : e.date(), e == null ? null : e.body());
                }
            }
            try (Statement st = c.createStatement()) {
                for (String table : List.of("term", "committee_seat", "incumbency", "plan_entry", "training", "rotation")) {
                    st.execute("select setval(pg_get_serial_sequence('cadres." + table + "', 'id'), greatest(1, (select max(id) from cadres."
                            + table + ")))");
                }
            }
            c.commit();
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                st.execute("vacuum (analyze) cadres.term, cadres.committee_seat, cadres.incumbency, cadres.plan_entry,"
                        + " cadres.training, cadres.rotation");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, String> figures() {
        Map<String, String> f = new LinkedHashMap<>();
        counts.forEach((k, v) -> f.put(k, Long.toString(v)));
        f.put("cadres.seed", Long.toString(SEED));
        f.put("cadres.terms", Integer.toString(terms.size()));
        Map<String, Long> byType = new java.util.TreeMap<>();
        for (TermRow t : terms) {
            byType.merge(typeName((int) t.unitId) + (t.congress ? "" : ".appointed"), 1L, Long::sum);
        }
        byType.forEach((k, v) -> f.put("cadres.terms." + k, Long.toString(v)));
        f.put("cadres.seats", Integer.toString(seats.size()));
        long seatedToday = seats.stream().filter(s -> s.heldOn(today) && s.term.endsOn.isAfter(today)
                && !s.term.startsOn.isAfter(today)).count();
        f.put("cadres.seats.today", Long.toString(seatedToday));
        f.put("cadres.incumbencies", Integer.toString(incs.size()));
        f.put("cadres.incumbencies.today", Long.toString(incs.stream().filter(i -> i.heldOn(today)).count()));
        f.put("cadres.incumbencies.appointed", Long.toString(incs.stream().filter(i -> i.kind.equals("APPOINTED")
                || i.kind.equals("REAPPOINTED")).count()));
        for (String period : List.of(P2025, P2030)) {
            f.put("cadres.plan." + period, Long.toString(plans.stream().filter(e -> e.period.equals(period)).count()));
            f.put("cadres.plan." + period + ".active", Long.toString(plans.stream().filter(e -> e.period.equals(period)
                    && e.removedOn == null).count()));
        }
        f.put("cadres.plan.removedAppointed", Long.toString(plans.stream().filter(e -> "APPOINTED".equals(e.reason)).count()));
        f.put("cadres.training", Integer.toString(trainings.size()));
        f.put("cadres.rotations", Integer.toString(rotations.size()));
        java.util.Set<Long> people = new java.util.HashSet<>();
        seats.forEach(s -> people.add(memberId[s.memberIndex]));
        incs.forEach(i -> people.add(memberId[i.memberIndex]));
        plans.forEach(e -> people.add(memberId[e.memberIndex]));
        f.put("cadres.people", Integer.toString(people.size()));
        return f;
    }

    private static Writer copy(PGConnection pg, String sql) throws SQLException {
        return new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(pg, sql, 1 << 20), StandardCharsets.UTF_8),
                1 << 20);
    }

    /** One row in COPY text format: tab-separated, \N for null, backslash escapes. */
    private static void row(Writer w, Object... values) throws IOException {
        for (int k = 0; k < values.length; k++) {
            if (k > 0) {
                w.write('\t');
            }
            Object value = values[k];
            if (value == null) {
                w.write("\\N");
                continue;
            }
            String v = value.toString();
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

    private static String format(double seconds) {
        return String.format(java.util.Locale.ROOT, "%.1f", seconds);
    }
}
