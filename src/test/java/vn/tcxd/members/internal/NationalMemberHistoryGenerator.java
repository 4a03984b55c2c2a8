package vn.tcxd.members.internal;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Test data only: party members with 15 years of history (2011-01-01 → today) on a generated tree
 * ({@code NationalTreeGenerator}), written with COPY into {@code members.member / member_event /
 * member_state / transfer} in exactly the shape {@link MemberService} writes when the same acts are
 * applied one by one in date order (same event kinds, dates, decisions and JSON details; states split,
 * rewritten and closed the same way, each pointing at the event that opened it; transfers with the same
 * statuses). {@code NationalDatasetTests} replays every stored history with the registry's rules and
 * compares.
 * <p>
 * The lives:
 * <ul>
 *   <li><b>members on the roll on 2011-01-01</b> (the opening balance, about two thirds of today's roll):
 *       admitted 1950–2010; their ADMITTED event carries the real admission date, their first state
 *       starts on 2011-01-01 ({@link #HISTORY_FROM}; nothing of their earlier life is generated), FULL,
 *       or PROBATIONARY with the ceremony and recognition still to come;</li>
 *   <li><b>admissions</b> 2011 → today, 143,000–195,000 a year nationally (DOMAIN §7): ADMITTED
 *       (probationary) → CEREMONY_HELD 7–41 days later → RECOGNISED as full member at the end of the 12
 *       months (QĐ 24 4.2.2; the decision 5–44 days later), or 1.2 % NOT_RECOGNISED (removed);</li>
 *   <li>then, as competing yearly hazards: death (Gompertz by age: ~0.2 % at 40, ~1 % at 60, ~6 % at
 *       80), permanent transfers 2.5 %/yr (¾ within the province; letter, then confirmation by the
 *       receiving cell 3–30 days later, in transit in between), temporary transfers 0.4 %/yr
 *       (3–12 months, received 2–19 days after the letter), exemption by age or health and its end,
 *       reprimands and warnings, removal from the list 0.1 %/yr, voluntary exit 0.02 %/yr,
 *       expulsion 0.03 %/yr of full members; 6 % of the removed / departed are re-admitted 3–7
 *       years later (once), with a new probation.</li>
 * </ul>
 * Members sit on cells (CELL, GRASSROOTS_CELL) that exist on each state's dates: a new member or a
 * transfer picks among the cells of the province established by that day (heavy-tailed sizes), and
 * cells never end in the generated tree (the 2025 moves keep their ids). Today's roll per province
 * follows targets spread linearly between {@code provinceMinimum} and {@code provinceMaximum} by
 * the province's number of cells; the central committees share the rest. Deterministic for a seed
 * (one random stream per member).
 * <p>
 * Bulk-load shortcuts, not of the data: the four tables are written by parallel COPYs (foreign-key
 * triggers skipped), their secondary indexes and unique constraints are dropped first and re-created
 * from their own definitions afterwards, then VACUUM ANALYZE. No audit entries are written.
 */
public final class NationalMemberHistoryGenerator {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(NationalMemberHistoryGenerator.class);

    public static final LocalDate HISTORY_FROM = LocalDate.of(2011, 1, 1);
    private static final int H = (int) HISTORY_FROM.toEpochDay();
    /** The tree's origin (NationalTreeGenerator.ORIGIN): members admitted from then on have their whole history. */
    private static final int ORIGIN = (int) LocalDate.of(2010, 1, 1).toEpochDay();
    /** Admitted before this, a member is a full member by 2011-01-01 (ceremony ≤ 41 days, probation 12 months). */
    private static final int OPENING_FULL_BEFORE = (int) LocalDate.of(2009, 10, 1).toEpochDay();
    /** Admissions per year nationally, in thousands, 2011 … 2026 (2026 counts only until today). */
    private static final int[] ADMISSIONS = {168, 172, 178, 180, 185, 176, 182, 175, 143, 160, 170, 185, 190, 195,
            180, 185};
    /** Members on the roll on 2011-01-01 as a share of today's target (calibrated so that today ≈ target). */
    private static final double OPENING_SHARE = 0.686;
    private static final double NATIONAL_ROLL = 5_600_000;

    // yearly rates
    private static final double REMOVAL = 0.0010, LEAVE = 0.0002, EXPULSION = 0.0003, DISCIPLINE = 0.004;
    private static final double PERMANENT = 0.025, PERMANENT_EXEMPT = 0.006, TEMPORARY = 0.004;
    private static final double NOT_RECOGNISED = 0.012, READMISSION = 0.06;

    public record Plan(long seed, int roll, int provinceMinimum, int provinceMaximum) {
        public static Plan national(long seed) {
            return new Plan(seed, 5_600_000, 50_000, 430_000);
        }

        public static Plan small(long seed) {
            return new Plan(seed, 30_000, 268, 2_304);
        }
    }

    /** A unit directly under the Centre with its target and generated roll today. */
    public record TopUnit(long id, String name, boolean province, int cells, int target, int roll) {
    }

    /** Stat columns per year. */
    public enum Figure {
        ADMITTED, READMITTED, RECOGNISED, NOT_RECOGNISED, DIED, REMOVED, LEFT, EXPELLED, PERMANENT_TRANSFERS,
        TEMPORARY_TRANSFERS, EXEMPTED, EXEMPTION_ENDED, DISCIPLINED, ROLL_31_12, EXEMPT_31_12
    }

    public record Result(long members, long events, long states, long transfers, int rollToday, int exemptToday,
                         int inTransitToday, int probationaryToday, List<TopUnit> tops, Map<Integer, long[]> byYear,
                         double copySeconds, double indexSeconds, double vacuumSeconds, double seconds) {
    }

    // ---- the tree --------------------------------------------------------------------------------

    private final Plan plan;
    private final int today;
    private final long seed;
    private int[] topOfUnit;            // unit id -> top index
    private long[] topId;
    private String[] topName;
    private boolean[] topProvince;
    private int[] topCells;
    private int[] topTarget;
    private double[] topCumulative;     // by target
    private long[][] cellIds;           // per top: cells sorted by establishment
    private int[][] cellFrom;
    private double[][] cellCumulative;

    // ---- outputs -------------------------------------------------------------------------------

    private CopySink members, events, states, transfers;
    private long nextEvent, nextState, nextTransfer;
    private int[] rollByTop;
    private int exemptToday, inTransitToday, probationaryToday;
    private final Map<Integer, long[]> byYear = new java.util.TreeMap<>();
    private final NationalMemberGenerator names;
    private final Map<String, byte[][]> nameBytes = new HashMap<>();
    private String[] ethnicity, religion;
    private final Map<Integer, Integer> citizenSerial = new HashMap<>();

    private NationalMemberHistoryGenerator(Plan plan, LocalDate today) {
        this.plan = plan;
        this.today = (int) today.toEpochDay();
        this.seed = plan.seed();
        this.names = new NationalMemberGenerator(plan.seed());
        for (int y = 2010; y <= today.getYear(); y++) {
            byYear.put(y, new long[Figure.values().length]);
        }
    }

    /**
     * Writes the members and their history on the tree already in the database (the tables must be
     * empty), then re-creates the indexes and runs VACUUM ANALYZE.
     */
    public static Result generate(DataSource dataSource, Plan plan, LocalDate today) {
        long start = System.nanoTime();
        try {
            return new NationalMemberHistoryGenerator(plan, today).write(dataSource, start);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Result write(DataSource dataSource, long start) throws SQLException, InterruptedException {
        List<String[]> rebuild;
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select (select count(*) from members.member)"
                    + " + (select count(*) from members.member_state)")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    throw new IllegalStateException("members.member is not empty: the generator writes into an empty registry");
                }
            }
            requireTwelveMonthProbation(st);
            loadTree(st);
            ethnicity = NationalMemberGenerator.codes(c, "ETHNICITY");
            religion = NationalMemberGenerator.codes(c, "RELIGION");
            rebuild = dropIndexes(st);
        }
        members = new CopySink(dataSource, "member", "copy members.member (id, full_name, gender, birth_date, ethnicity,"
                + " religion, citizen_id, card_number, admission_decision_date, ceremony_date, full_member_date,"
                + " search_text, sort_name) from stdin");
        events = new CopySink(dataSource, "member_event", "copy members.member_event (id, member_id, kind, effective_on,"
                + " decision_number, decision_date, decision_body, details, recorded_by) from stdin");
        states = new CopySink(dataSource, "member_state", "copy members.member_state (id, member_id, valid_from, valid_to,"
                + " unit_id, status, exempt, in_transit, away_unit_id, event_id) from stdin");
        transfers = new CopySink(dataSource, "transfer", "copy members.transfer (id, member_id, kind, from_unit_id,"
                + " to_unit_id, letter_number, issued_on, received_on, ended_on, status) from stdin");
        long memberCount;
        try {
            memberCount = simulateAll();
            members.finish();
            events.finish();
            states.finish();
            transfers.finish();
        } catch (RuntimeException | SQLException | InterruptedException e) {
            for (CopySink sink : List.of(members, events, states, transfers)) {
                sink.abandon();
            }
            throw e;
        }
        double copySeconds = (System.nanoTime() - start) / 1e9;

        long indexStart = System.nanoTime();
        List<String> statements = new ArrayList<>();
        rebuild.forEach(r -> statements.add(r[1]));
        for (String[] t : new String[][] {{"member", Long.toString(memberCount)}, {"member_event", Long.toString(nextEvent)},
                {"member_state", Long.toString(nextState)}, {"transfer", Long.toString(nextTransfer)}}) {
            statements.add("select setval(pg_get_serial_sequence('members." + t[0] + "', 'id'), greatest(" + t[1] + ", 1), "
                    + (Long.parseLong(t[1]) > 0) + ")");
        }
        parallel(dataSource, statements, "set maintenance_work_mem = '1GB'", "set max_parallel_maintenance_workers = 0");
        double indexSeconds = (System.nanoTime() - indexStart) / 1e9;
        long vacuumStart = System.nanoTime();
        parallel(dataSource, List.of("vacuum (analyze) members.member_event", "vacuum (analyze) members.member_state",
                "vacuum (analyze) members.member", "vacuum (analyze) members.transfer"));
        double vacuumSeconds = (System.nanoTime() - vacuumStart) / 1e9;

        List<TopUnit> tops = new ArrayList<>();
        int roll = 0;
        for (int t = 0; t < topId.length; t++) {
            tops.add(new TopUnit(topId[t], topName[t], topProvince[t], topCells[t], topTarget[t], rollByTop[t]));
            roll += rollByTop[t];
        }
        return new Result(memberCount, nextEvent, nextState, nextTransfer, roll, exemptToday, inTransitToday,
                probationaryToday, tops, byYear, copySeconds, indexSeconds, vacuumSeconds, (System.nanoTime() - start) / 1e9);
    }

    /** The generator ends probation after 12 months, as every deadline rule set in the registry does. */
    private static void requireTwelveMonthProbation(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("select count(*) from members.deadline_rule where kind = 'PROBATION_END'"
                + " and not (amount = 12 and unit = 'MONTHS')")) {
            rs.next();
            if (rs.getLong(1) > 0) {
                throw new IllegalStateException("a deadline rule set has a probation other than 12 months: adapt the generator");
            }
        }
    }

    private void loadTree(Statement st) throws SQLException {
        List<long[]> tops = new ArrayList<>();
        List<String> topNames = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("select unit_id, name, (area_province is not null)::int"
                + " from orgstructure.unit_version where depth = 1 and valid_to is null order by unit_id")) {
            while (rs.next()) {
                tops.add(new long[] {rs.getLong(1), rs.getInt(3)});
                topNames.add(rs.getString(2));
            }
        }
        int n = tops.size();
        topId = new long[n];
        topName = topNames.toArray(String[]::new);
        topProvince = new boolean[n];
        Map<Long, Integer> topIndex = new HashMap<>();
        for (int t = 0; t < n; t++) {
            topId[t] = tops.get(t)[0];
            topProvince[t] = tops.get(t)[1] == 1;
            topIndex.put(topId[t], t);
        }
        // every cell with its establishment and the unit directly under the Centre above it (cells never
        // change province: the 2025 moves stay inside the province)
        List<List<long[]>> cells = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            cells.add(new ArrayList<>());
        }
        long maxUnit = 0;
        try (ResultSet rs = st.executeQuery("select unit_id, min(valid_from) - date '1970-01-01',"
                + " count(*) filter (where valid_to is null), max(path) filter (where valid_to is null),"
                + " bool_and(type in ('CELL', 'GRASSROOTS_CELL'))"
                + " from orgstructure.unit_version where unit_id in (select unit_id from orgstructure.unit_version"
                + " where type in ('CELL', 'GRASSROOTS_CELL')) group by unit_id order by unit_id")) {
            while (rs.next()) {
                if (rs.getInt(3) != 1 || !rs.getBoolean(5)) {
                    throw new IllegalStateException("cell " + rs.getLong(1) + " ends or changes type: the generator assumes"
                            + " that cells, once established, stay cells");
                }
                String[] path = rs.getString(4).split("/");
                Integer top = topIndex.get(Long.parseLong(path[2]));
                cells.get(top).add(new long[] {rs.getLong(1), rs.getLong(2)});
                maxUnit = Math.max(maxUnit, rs.getLong(1));
            }
        }
        topOfUnit = new int[(int) maxUnit + 1];
        Arrays.fill(topOfUnit, -1);
        cellIds = new long[n][];
        cellFrom = new int[n][];
        cellCumulative = new double[n][];
        topCells = new int[n];
        Random weights = new Random(seed ^ 0x5DEECE66DL);
        for (int t = 0; t < n; t++) {
            List<long[]> list = cells.get(t);
            list.sort((a, b) -> a[1] != b[1] ? Long.compare(a[1], b[1]) : Long.compare(a[0], b[0]));
            cellIds[t] = new long[list.size()];
            cellFrom[t] = new int[list.size()];
            cellCumulative[t] = new double[list.size()];
            double sum = 0;
            for (int k = 0; k < list.size(); k++) {
                cellIds[t][k] = list.get(k)[0];
                cellFrom[t][k] = (int) list.get(k)[1];
                topOfUnit[(int) cellIds[t][k]] = t;
                sum += Math.exp(weights.nextGaussian() * 0.8); // heavy-tailed cell sizes
                cellCumulative[t][k] = sum;
                if (cellFrom[t][k] <= today) {
                    topCells[t]++;
                }
            }
            if (list.isEmpty() || cellFrom[t][0] > H) {
                throw new IllegalStateException("unit " + topId[t] + " has no cell on " + HISTORY_FROM);
            }
        }
        // targets: provinces linearly between the minimum and the maximum by their number of cells,
        // the central committees share the rest by theirs
        int minCells = Integer.MAX_VALUE, maxCells = 0;
        for (int t = 0; t < n; t++) {
            if (topProvince[t]) {
                minCells = Math.min(minCells, topCells[t]);
                maxCells = Math.max(maxCells, topCells[t]);
            }
        }
        topTarget = new int[n];
        long provinces = 0, centralCells = 0;
        for (int t = 0; t < n; t++) {
            if (topProvince[t]) {
                topTarget[t] = (int) Math.round(plan.provinceMinimum() + (double) (topCells[t] - minCells)
                        / Math.max(1, maxCells - minCells) * (plan.provinceMaximum() - plan.provinceMinimum()));
                provinces += topTarget[t];
            } else {
                centralCells += topCells[t];
            }
        }
        long rest = Math.max(plan.roll() - provinces, 0);
        topCumulative = new double[n];
        double sum = 0;
        for (int t = 0; t < n; t++) {
            if (!topProvince[t]) {
                topTarget[t] = (int) Math.round((double) rest * topCells[t] / Math.max(1, centralCells));
            }
            sum += topTarget[t];
            topCumulative[t] = sum;
        }
        rollByTop = new int[n];
    }

    private static List<String[]> dropIndexes(Statement st) throws SQLException {
        List<String[]> rebuild = new ArrayList<>();
        String tables = "('members.member'::regclass, 'members.member_event'::regclass, 'members.member_state'::regclass,"
                + " 'members.transfer'::regclass)";
        try (ResultSet rs = st.executeQuery("select 'alter table ' || c.conrelid::regclass || ' drop constraint ' || quote_ident(c.conname),"
                + " 'alter table ' || c.conrelid::regclass || ' add constraint ' || quote_ident(c.conname) || ' ' || pg_get_constraintdef(c.oid)"
                + " from pg_constraint c where c.contype = 'u' and c.conrelid in " + tables + " order by c.conname")) {
            while (rs.next()) {
                rebuild.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        try (ResultSet rs = st.executeQuery("select 'drop index ' || i.indexrelid::regclass, pg_get_indexdef(i.indexrelid)"
                + " from pg_index i join pg_class c on c.oid = i.indexrelid where i.indrelid in " + tables
                + " and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)"
                + " order by pg_relation_size(i.indrelid) desc, c.relname")) {
            while (rs.next()) {
                rebuild.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        for (String[] r : rebuild) {
            st.execute(r[0]);
        }
        // heaviest first: trigram GINs and the state / event indexes (two builds run side by side)
        rebuild.sort((a, b) -> Integer.compare(weight(b[1]), weight(a[1])));
        return rebuild;
    }

    private static int weight(String definition) {
        return definition.contains("gin") ? 3 : definition.contains("member_state") || definition.contains("member_event") ? 2 : 1;
    }

    /** Runs the statements on two connections (the machine's two cores), each taking the next. */
    private static void parallel(DataSource dataSource, List<String> statements, String... setup) throws InterruptedException {
        ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(statements);
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            Thread thread = new Thread(() -> {
                try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                    for (String s : setup) {
                        st.execute(s);
                    }
                    for (String sql = queue.poll(); sql != null; sql = queue.poll()) {
                        long start = System.nanoTime();
                        st.execute(sql);
                        log.info("{} s: {}", Math.round((System.nanoTime() - start) / 1e8) / 10.0,
                                sql.length() > 140 ? sql.substring(0, 140) + " …" : sql);
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "bulk-" + w);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.getFirst());
        }
    }

    // ---- the population -----------------------------------------------------------------------

    private long simulateAll() {
        double scale = plan.roll() / NATIONAL_ROLL;
        int opening = (int) Math.round(plan.roll() * OPENING_SHARE);
        SplittableRandom order = new SplittableRandom(seed);
        long id = 0;
        for (int m = 0; m < opening; m++) {
            simulate(++id, -1, order.nextLong());
        }
        int firstYear = HISTORY_FROM.getYear();
        for (int y = firstYear; y <= LocalDate.ofEpochDay(today).getYear(); y++) {
            int from = (int) LocalDate.of(y, 1, 1).toEpochDay();
            int to = Math.min((int) LocalDate.of(y + 1, 1, 1).toEpochDay(), today + 1); // exclusive
            int yearDays = (int) (LocalDate.of(y + 1, 1, 1).toEpochDay() - from);
            double perYear = ADMISSIONS[Math.min(y - firstYear, ADMISSIONS.length - 1)] * 1000.0 * scale;
            int count = (int) Math.round(perYear * (to - from) / yearDays);
            int[] days = new int[count];
            for (int k = 0; k < count; k++) {
                days[k] = from + order.nextInt(to - from);
            }
            Arrays.sort(days); // member ids follow the admissions, as the registry hands them out
            for (int day : days) {
                simulate(++id, day, order.nextLong());
            }
        }
        return id;
    }

    // the member being simulated
    private SplittableRandom r;
    private long memberId;
    private int birth, top, admission, ceremony, fullSince;
    private boolean readmitted;
    // the open state
    private int stateFrom;
    private long stateUnit, stateAway, stateEvent;
    private byte stateStatus;
    private boolean stateExempt, stateTransit, exemptForHealth;
    // an open transfer (written at the end of the member)
    private long openTransferId = -1, openTransferFrom, openTransferTo;
    private int openTransferIssued, openTransferReceived;
    private boolean openTransferPermanent;
    private String openTransferLetter;

    private static final byte PROBATIONARY = 0, FULL = 1, REMOVED = 2, EXPELLED = 3, LEFT = 4, DIED = 5;
    private static final String[] STATUS = {"PROBATIONARY", "FULL", "REMOVED", "EXPELLED", "LEFT", "DIED"};

    /** One member's life: {@code admittedOn < 0} for a member already on the roll on 2011-01-01. */
    private void simulate(long id, int admittedOn, long memberSeed) {
        r = new SplittableRandom(memberSeed);
        memberId = id;
        readmitted = false;
        ceremony = -1;
        fullSince = -1;
        openTransferId = -1;
        top = pickTop();
        int t;
        if (admittedOn < 0) {
            // on the roll on 2011-01-01: admitted 1955–2010 (30 % before 1980: a quarter of the roll is over 60)
            double u = r.nextDouble();
            int from = (int) LocalDate.of(u < 0.3 ? 1955 : u < 0.65 ? 1980 : 1998, 1, 1).toEpochDay();
            int to = u < 0.3 ? (int) LocalDate.of(1980, 1, 1).toEpochDay() : u < 0.65
                    ? (int) LocalDate.of(1998, 1, 1).toEpochDay() : H;
            admittedOn = from + r.nextInt(to - from);
            if (admittedOn >= OPENING_FULL_BEFORE && admittedOn < ORIGIN) {
                admittedOn -= 92; // admitted in 2010: whole history; before 10/2009: full members by 2011
            }
        }
        admission = admittedOn;
        birth = birthFor(admission, admission < H ? 1922 : 1940);
        if (admission < ORIGIN) {
            // the opening balance: the admission as it happened, then a FULL state from 2011-01-01
            // (the earlier life is not generated; the tree exists from 2010-01-01)
            long cell = pickCell(top, H);
            ceremony = admission + 7 + r.nextInt(35);
            fullSince = (int) LocalDate.ofEpochDay(ceremony).plusMonths(12).toEpochDay();
            fullEver = true;
            long admitted = event("ADMITTED", admission, admission, "{\"unitId\": " + cell + "}", BODY_ADMISSION);
            open(H, cell, FULL, admitted);
            t = H;
        } else {
            long cell = pickCell(top, admission);
            long admitted = event("ADMITTED", admission, admission, "{\"unitId\": " + cell + "}", BODY_ADMISSION);
            open(admission, cell, PROBATIONARY, admitted);
            stat(admission, Figure.ADMITTED);
            t = probation(admission);
        }
        while (t >= 0) {
            t = stateStatus == FULL ? fullMember(t) : afterExit(t);
        }
        closeMember();
    }

    /** Age at admission 18–50 (mostly under 30, DOMAIN §7: average 32), born no earlier than {@code earliest}. */
    private int birthFor(int admittedOn, int earliestYear) {
        int age = 18 + (int) Math.min(32, Math.abs(r.nextGaussian() * 7) + r.nextInt(6));
        int born = (int) LocalDate.ofEpochDay(admittedOn).minusYears(age).toEpochDay() - r.nextInt(365);
        int earliest = (int) LocalDate.of(earliestYear, 1, 1).toEpochDay();
        int latest = (int) LocalDate.ofEpochDay(admittedOn).minusYears(18).toEpochDay();
        return Math.min(Math.max(born, earliest), latest);
    }

    /**
     * Ceremony, the 12 months of probation and the decision; the day from which life goes on, or -1 when
     * it reaches today (or ended) meanwhile. The state is PROBATIONARY and open.
     */
    private int probation(int admittedOn) {
        if (ceremony < 0) { // (members on the roll on 2011-01-01 come with theirs)
            ceremony = admittedOn + 7 + r.nextInt(35);
        }
        if (ceremony > today) {
            ceremony = -1; // not held yet
            return -1;
        }
        event("CEREMONY_HELD", ceremony, ceremony, "{}", BODY_CELL);
        int end = (int) LocalDate.ofEpochDay(ceremony).plusMonths(12).toEpochDay();
        int decided = end + 5 + r.nextInt(40);
        // during probation: death, removal or exit only
        for (int t = Math.max(ceremony, stateFrom); ; ) {
            double age = (t - birth) / 365.25;
            double death = death(age);
            double total = death + REMOVAL + LEAVE;
            int x = t + waitDays(total);
            if (x >= end) {
                break;
            }
            if (x > today) {
                return -1;
            }
            double pick = r.nextDouble() * total;
            if (pick < death) {
                end(x, DIED, "DIED", "{}", BODY_CELL, Figure.DIED);
                return -1;
            }
            if (pick < death + REMOVAL) {
                end(x, REMOVED, "REMOVED_FROM_LIST", "{\"ground\": \"" + ground() + "\"}", BODY_ADMISSION, Figure.REMOVED);
            } else {
                end(x, LEFT, "LEFT_PARTY", "{}", BODY_ADMISSION, Figure.LEFT);
            }
            return x;
        }
        if (decided > today) {
            return -1; // probation over, decision pending (overdue cases show in the due-work queue)
        }
        if (r.nextDouble() < NOT_RECOGNISED) {
            end(decided, REMOVED, "NOT_RECOGNISED", "{\"ground\": \"NOT_RECOGNISED\"}", BODY_ADMISSION,
                    Figure.NOT_RECOGNISED);
            return decided;
        }
        long recognised = event("RECOGNISED", end, decided, "{}", BODY_ADMISSION);
        change(end, recognised, stateUnit, FULL, stateExempt, stateTransit, stateAway);
        fullSince = end;
        fullEver = true;
        stat(end, Figure.RECOGNISED);
        return decided;
    }

    /** One step of a full member's life from {@code t}: the next day, or -1 when today is reached or life ended. */
    private int fullMember(int t) {
        double age = (t - birth) / 365.25;
        double death = death(age);
        double exemption = stateExempt ? (exemptForHealth ? 0.3 : 0.01)
                : age >= 75 ? 0.15 : age >= 70 ? 0.06 : age >= 60 ? 0.015 : 0.002;
        double permanent = stateExempt ? PERMANENT_EXEMPT : PERMANENT;
        double temporary = stateExempt ? 0 : TEMPORARY;
        double total = death + REMOVAL + LEAVE + EXPULSION + DISCIPLINE + permanent + temporary + exemption;
        int wait = waitDays(total);
        if (wait > 365) { // the rates change with age: look again in a year
            return t + 365 > today ? -1 : t + 365;
        }
        int x = t + wait;
        if (x > today) {
            return -1;
        }
        double pick = r.nextDouble() * total;
        if ((pick -= death) < 0) {
            end(x, DIED, "DIED", "{}", BODY_CELL, Figure.DIED);
            return -1;
        }
        if ((pick -= REMOVAL) < 0) {
            end(x, REMOVED, "REMOVED_FROM_LIST", "{\"ground\": \"" + ground() + "\"}", BODY_ADMISSION, Figure.REMOVED);
            return x;
        }
        if ((pick -= LEAVE) < 0) {
            end(x, LEFT, "LEFT_PARTY", "{}", BODY_ADMISSION, Figure.LEFT);
            return x;
        }
        if ((pick -= EXPULSION) < 0) {
            end(x, EXPELLED, "DISCIPLINED", "{\"form\": \"EXPULSION\"}", BODY_INSPECTION, Figure.EXPELLED);
            return x;
        }
        if ((pick -= DISCIPLINE) < 0) {
            double f = r.nextDouble();
            event("DISCIPLINED", x, x, f < 0.6 ? "{\"form\": \"REPRIMAND\"}" : f < 0.95 ? "{\"form\": \"WARNING\"}"
                    : "{\"form\": \"REMOVAL_FROM_POST\"}", BODY_INSPECTION);
            stat(x, Figure.DISCIPLINED);
            return x;
        }
        if ((pick -= permanent) < 0) {
            return permanentTransfer(x);
        }
        if ((pick -= temporary) < 0) {
            return temporaryTransfer(x);
        }
        if (stateExempt) {
            long e = event("EXEMPTION_ENDED", x, x, "{}", BODY_CELL);
            change(x, e, stateUnit, stateStatus, false, stateTransit, stateAway);
            stat(x, Figure.EXEMPTION_ENDED);
        } else {
            exemptForHealth = age < 65 || r.nextDouble() < 0.3;
            long e = event("EXEMPTED", x, x, exemptForHealth ? REASON_HEALTH : REASON_AGE, BODY_CELL);
            change(x, e, stateUnit, stateStatus, true, stateTransit, stateAway);
            stat(x, Figure.EXEMPTED);
        }
        return x;
    }

    private int permanentTransfer(int x) {
        int to = r.nextDouble() < 0.75 ? top : pickTop();
        long cell = pickCell(to, x);
        if (cell == stateUnit) {
            return x; // nothing happens this time
        }
        long transfer = ++nextTransfer;
        String letter = letter(transfer);
        long from = stateUnit;
        String details = transferDetails(transfer, from, cell, letter);
        long issued = event("TRANSFER_ISSUED", x, x, details, BODY_TRANSFER);
        change(x, issued, stateUnit, stateStatus, stateExempt, true, -1);
        stat(x, Figure.PERMANENT_TRANSFERS);
        int received = x + 3 + r.nextInt(28);
        if (received > today) {
            openTransfer(transfer, true, from, cell, letter, x, -1);
            return -1;
        }
        long e = event("TRANSFER_RECEIVED", received, received, details, BODY_TRANSFER);
        change(received, e, cell, stateStatus, stateExempt, false, -1);
        transferRow(transfer, true, from, cell, letter, x, received, -1, "RECEIVED");
        top = topOfUnit[(int) cell];
        return received;
    }

    private int temporaryTransfer(int x) {
        int to = r.nextDouble() < 0.5 ? top : pickTop();
        long cell = pickCell(to, x);
        if (cell == stateUnit) {
            return x;
        }
        long transfer = ++nextTransfer;
        String letter = letter(transfer);
        long from = stateUnit;
        String details = transferDetails(transfer, from, cell, letter);
        long issued = event("TEMPORARY_TRANSFER_ISSUED", x, x, details, BODY_TRANSFER);
        change(x, issued, stateUnit, stateStatus, stateExempt, false, cell);
        stat(x, Figure.TEMPORARY_TRANSFERS);
        int received = x + 2 + r.nextInt(18);
        int ended = x + 91 + r.nextInt(274);
        if (received > today) {
            openTransfer(transfer, false, from, cell, letter, x, -1);
            return -1;
        }
        event("TRANSFER_RECEIVED", received, received, details, BODY_TRANSFER); // the host confirms; no state change
        if (ended > today) {
            openTransfer(transfer, false, from, cell, letter, x, received);
            return -1;
        }
        long e = event("TEMPORARY_TRANSFER_ENDED", ended, ended, "{\"transferId\": " + transfer + ", \"toUnitId\": " + cell + "}",
                BODY_TRANSFER);
        change(ended, e, stateUnit, stateStatus, stateExempt, false, -1);
        transferRow(transfer, false, from, cell, letter, x, received, ended, "ENDED");
        return ended;
    }

    /** Off the roll: re-admission once, 3–7 years later, for some of the removed (QĐ 45 item 3.4). */
    private int afterExit(int t) {
        // QĐ 45 item 3.4: never those who asked to leave the Party
        if (stateStatus == DIED || stateStatus == EXPELLED || stateStatus == LEFT || readmitted
                || r.nextDouble() >= READMISSION) {
            return -1;
        }
        int on = t + 1096 + r.nextInt(1461);
        if (on > today || (on - birth) / 365.25 >= 60) {
            return -1;
        }
        readmitted = true;
        long cell = pickCell(top, on);
        String previous = ceremony < 0 ? "null" : LocalDate.ofEpochDay(ceremony).toString();
        long e = event("READMITTED", on, on, "{\"unitId\": " + cell + ", \"previousCeremonyDate\": \"" + previous + "\"}",
                BODY_ADMISSION);
        closeState(on); // the service closes the last state and opens a new one
        stateFrom = on;
        stateUnit = cell;
        stateStatus = PROBATIONARY;
        stateExempt = false;
        stateTransit = false;
        stateAway = -1;
        stateEvent = e;
        ceremony = -1;
        fullSince = -1;
        stat(on, Figure.READMITTED);
        return probation(on);
    }

    private void end(int on, byte status, String kind, String details, byte[] body, Figure figure) {
        long e = event(kind, on, on, details, body);
        change(on, e, stateUnit, status, false, false, -1);
        stat(on, figure);
    }

    // ---- the registry's building blocks (MemberService.change), one open state at a time -----

    private void open(int from, long unit, byte status, long event) {
        stateFrom = from;
        stateUnit = unit;
        stateStatus = status;
        stateExempt = false;
        stateTransit = false;
        stateAway = -1;
        stateEvent = event;
    }

    /** The open state changes from {@code on}: rewritten when it starts that day, otherwise split. */
    private void change(int on, long event, long unit, byte status, boolean exempt, boolean inTransit, long away) {
        if (on != stateFrom) {
            closeState(on);
            stateFrom = on;
        }
        stateUnit = unit;
        stateStatus = status;
        stateExempt = exempt;
        stateTransit = inTransit;
        stateAway = away;
        stateEvent = event;
    }

    private void closeState(int on) {
        writeState(on);
    }

    /** Writes the open state as [stateFrom, to), or open-ended for {@code to < 0}. */
    private void writeState(int to) {
        states.number(++nextState).number(memberId).date(stateFrom).dateOrNull(to).number(stateUnit)
                .text(STATUS[stateStatus]).bool(stateExempt).bool(stateTransit);
        if (stateAway < 0) {
            states.nul();
        } else {
            states.number(stateAway);
        }
        states.number(stateEvent).end();
        if (stateStatus <= FULL) {
            int last = to < 0 ? today : to - 1;
            for (int y = LocalDate.ofEpochDay(stateFrom).getYear(); ; y++) {
                int dec31 = (int) LocalDate.of(y, 12, 31).toEpochDay();
                if (dec31 > last || dec31 > today) {
                    break;
                }
                if (dec31 >= stateFrom) {
                    long[] figures = byYear.get(y);
                    if (figures != null) {
                        figures[Figure.ROLL_31_12.ordinal()]++;
                        if (stateExempt) {
                            figures[Figure.EXEMPT_31_12.ordinal()]++;
                        }
                    }
                }
            }
        }
    }

    private void closeMember() {
        writeState(-1);
        if (stateStatus <= FULL) {
            rollByTop[topOfUnit[(int) stateUnit]]++;
            exemptToday += stateExempt ? 1 : 0;
            inTransitToday += stateTransit ? 1 : 0;
            probationaryToday += stateStatus == PROBATIONARY ? 1 : 0;
        }
        if (openTransferId >= 0) {
            transferRow(openTransferId, openTransferPermanent, openTransferFrom, openTransferTo, openTransferLetter,
                    openTransferIssued, openTransferReceived, -1, openTransferReceived < 0 ? "IN_TRANSIT" : "RECEIVED");
        }
        writeMember();
    }

    private void writeMember() {
        boolean male = r.nextDouble() < 0.64;
        String fullName = names.name(male);
        byte[][] key = nameBytes.computeIfAbsent(fullName, n -> new byte[][] {n.getBytes(StandardCharsets.UTF_8),
                Records.searchText(n, null).getBytes(StandardCharsets.UTF_8),
                Records.sortName(n).getBytes(StandardCharsets.UTF_8)});
        LocalDate born = LocalDate.ofEpochDay(birth);
        int province = 1 + (top * 37) % 96;
        int centuryGender = (born.getYear() >= 2000 ? 2 : 0) + (male ? 0 : 1);
        int prefix = province * 1000 + centuryGender * 100 + born.getYear() % 100;
        int next = citizenSerial.merge(prefix, 1, Integer::sum);
        members.number(memberId).bytes(key[0]).text(male ? "MALE" : "FEMALE").date(birth)
                .text(r.nextDouble() < 0.85 ? ethnicity[0] : ethnicity[1 + r.nextInt(ethnicity.length - 1)])
                .text(r.nextDouble() < 0.9 ? religion[0] : religion[1 + r.nextInt(religion.length - 1)])
                // CCCD: province, century/gender, year of birth, a serial unique per prefix (permuted)
                .digits(prefix * 1_000_000L + (next * 387_433L + 17) % 1_000_000, 12);
        if (fullEver) {
            members.digits((memberId * 48_271L + 10_000_019L) % 100_000_000L, 8); // cards only for full members
        } else {
            members.nul();
        }
        members.date(admission).dateOrNull(ceremony).dateOrNull(fullSince).bytes(key[1]).bytes(key[2]).end();
        fullEver = false;
    }

    private boolean fullEver;

    // ---- rows ---------------------------------------------------------------------------------

    private static final byte[] BODY_ADMISSION = "Ban Thường vụ cấp ủy cấp trên trực tiếp".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BODY_CELL = "Chi bộ".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BODY_TRANSFER = "Ban Tổ chức cấp ủy".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BODY_INSPECTION = "Ủy ban Kiểm tra cấp ủy".getBytes(StandardCharsets.UTF_8);
    private static final String REASON_AGE = "{\"reason\": \"Tuổi cao\"}";
    private static final String REASON_HEALTH = "{\"reason\": \"Sức khỏe yếu, điều trị dài ngày\"}";
    private static final String[] GROUNDS = {"SKIPPED_ACTIVITY_OR_DUES", "SKIPPED_ACTIVITY_OR_DUES", "SKIPPED_ACTIVITY_OR_DUES",
            "LOST_WILL", "LOST_WILL", "VIOLATED_TWO_YEARS", "RETURNED_CARD", "POLITICAL_STANDARD"};

    private long event(String kind, int on, int decided, String details, byte[] body) {
        long id = ++nextEvent;
        events.number(id).number(memberId).text(kind).date(on);
        // decision number: running number of the issuing body, and its suffix
        events.text((id % 997 + 1) + (body == BODY_CELL ? "-BB/CB" : body == BODY_INSPECTION ? "-QĐ/UBKT" : "-QĐ/ĐU"))
                .date(decided).bytes(body).text(details).text("system").end();
        return id;
    }

    private void transferRow(long id, boolean permanent, long from, long to, String letter, int issued, int received,
                             int ended, String status) {
        transfers.number(id).number(memberId).text(permanent ? "PERMANENT" : "TEMPORARY").number(from).number(to)
                .text(letter).date(issued).dateOrNull(received).dateOrNull(ended).text(status).end();
    }

    private void openTransfer(long id, boolean permanent, long from, long to, String letter, int issued, int received) {
        openTransferId = id;
        openTransferPermanent = permanent;
        openTransferFrom = from;
        openTransferTo = to;
        openTransferLetter = letter;
        openTransferIssued = issued;
        openTransferReceived = received;
    }

    private static String letter(long transfer) {
        return transfer + "/GGT";
    }

    private static String transferDetails(long transfer, long from, long to, String letter) {
        return "{\"transferId\": " + transfer + ", \"fromUnitId\": " + from + ", \"toUnitId\": " + to
                + ", \"letterNumber\": \"" + letter + "\"}";
    }

    private String ground() {
        return GROUNDS[r.nextInt(GROUNDS.length)];
    }

    private void stat(int day, Figure figure) {
        long[] figures = byYear.get(LocalDate.ofEpochDay(day).getYear());
        if (figures != null) {
            figures[figure.ordinal()]++;
        }
    }

    // ---- draws --------------------------------------------------------------------------------

    /** Yearly probability of death by age (Gompertz: doubling about every 7.5 years). */
    private static double death(double age) {
        return Math.min(0.3, 0.00025 * Math.exp(0.092 * (age - 20)));
    }

    /** Days to the next of competing events with this total yearly rate (at least one day). */
    private int waitDays(double yearlyRate) {
        double years = -Math.log(1 - r.nextDouble()) / yearlyRate;
        return years > 2 ? Integer.MAX_VALUE / 4 : Math.max(1, (int) Math.ceil(years * 365.25));
    }

    private int pickTop() {
        double x = r.nextDouble() * topCumulative[topCumulative.length - 1];
        int i = Arrays.binarySearch(topCumulative, x);
        return Math.min(i < 0 ? -i - 1 : i, topCumulative.length - 1);
    }

    /** A cell of the top unit that exists on {@code day}, by weight (cells are sorted by establishment). */
    private long pickCell(int t, int day) {
        int[] from = cellFrom[t];
        int existing = upperBound(from, day);
        double[] cumulative = cellCumulative[t];
        double x = r.nextDouble() * cumulative[existing - 1];
        int i = Arrays.binarySearch(cumulative, 0, existing, x);
        return cellIds[t][Math.min(i < 0 ? -i - 1 : i, existing - 1)];
    }

    private static int upperBound(int[] sorted, int value) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
