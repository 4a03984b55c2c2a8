package vn.tcxd.demo;

import vn.tcxd.members.DeadlineKind;
import vn.tcxd.members.AdmissionRules;
import vn.tcxd.members.DeadlineRules;
import vn.tcxd.members.DisciplineForm;
import vn.tcxd.members.Gender;
import vn.tcxd.members.MemberHistory;
import vn.tcxd.members.MemberHistoryCell;
import vn.tcxd.members.MemberRecord;
import vn.tcxd.members.RemovalGround;
import vn.tcxd.members.TransferKind;
import vn.tcxd.shared.DecisionRef;
import vn.tcxd.shared.RuleViolation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The demo members of Lam Sơn and Hòa Giang as whole histories, generated from a fixed seed.
 *
 * <p>Lam Sơn has exactly {@value #LS_ROLL_2021} members on the roll on 10/11/2021 (seed 004) and
 * grows by about 1,800 a year from 2010 (about 2,300 admissions a year less deaths, removals and
 * exits). Members move to another cell before theirs ends (villages merged in 2019, communes in
 * 2020, cells that became đảng bộ cơ sở in 2016, the district cells dissolved on 1/7/2025), so
 * nobody is ever counted in a cell that does not exist. The demo tree begins on 1/1/1976 and the
 * members on the roll when the history starts (2010) were admitted from then on, so long-standing
 * members reach 30, 40 and more years of party age and appear on the badge lists.
 *
 * <p>One documented member, {@link #SHOWCASE_NAME} (CCCD {@link #SHOWCASE_CITIZEN_ID}), moves from
 * Lam Sơn to Hòa Giang: letter issued {@link #SHOWCASE_ISSUED}, received {@link #SHOWCASE_RECEIVED}.
 */
final class DemoMembers {

    static final int LS_ROLL_2021 = 45_239;
    static final LocalDate REPORT_2021 = LocalDate.of(2021, 11, 10);
    static final String SHOWCASE_NAME = "Lê Thị Thu Giang";
    static final String SHOWCASE_CITIZEN_ID = "097190004121";
    static final LocalDate SHOWCASE_ISSUED = LocalDate.of(2021, 5, 10);
    static final LocalDate SHOWCASE_RECEIVED = LocalDate.of(2021, 5, 24);

    // admissions from 1977: the probation rule set DL_1976 (Điều lệ khóa IV) covers their ceremonies
    private static final LocalDate TREE_START = LocalDate.of(1977, 1, 1);
    private static final LocalDate HISTORY_START = LocalDate.of(2010, 1, 1);
    private static final int ADMISSIONS_PER_YEAR_LS = 2_250;
    private static final int ADMISSIONS_PER_YEAR_HG = 75;
    private static final int FOUNDING_HG = 800;

    // family names with their approximate share (per cent × 10) of the Vietnamese population
    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
            "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đào", "Đinh", "Lương", "Mai", "Trịnh", "Cao", "Lưu", "Hà", "Tạ"};
    private static final int[] FAMILY_WEIGHT = {380, 110, 95, 70, 35, 15, 45, 25, 14, 21, 20, 14, 13, 13, 10, 5, 8, 8,
            5, 5, 5, 4, 4, 5, 3};
    private static final String[] MIDDLE_MALE = {"Văn", "Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Xuân", "Công",
            "Thanh", "Ngọc", "Đình", "Mạnh", "Trọng", "Duy", "Tiến", "Anh"};
    private static final String[] MIDDLE_FEMALE = {"Thị", "Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Minh", "Hồng",
            "Kim", "Phương", "Mai", "Thúy", "Hải", "Bích"};
    private static final String[] GIVEN_MALE = {"An", "Bình", "Cường", "Dũng", "Đạt", "Đức", "Giang", "Hải", "Hiếu",
            "Hoàng", "Hùng", "Huy", "Khang", "Khánh", "Kiên", "Long", "Lâm", "Minh", "Nam", "Nghĩa", "Phong", "Phúc",
            "Quân", "Quang", "Sơn", "Tài", "Thắng", "Thành", "Thịnh", "Toàn", "Trung", "Tuấn", "Tùng", "Việt", "Vinh",
            "Hưng", "Hòa", "Lợi", "Tâm", "Tiến"};
    private static final String[] GIVEN_FEMALE = {"Anh", "Chi", "Dung", "Duyên", "Giang", "Hà", "Hằng", "Hạnh", "Hiền",
            "Hoa", "Hồng", "Hương", "Huyền", "Lan", "Liên", "Linh", "Loan", "Mai", "Ngân", "Ngọc", "Nhung", "Oanh",
            "Phương", "Quỳnh", "Thảo", "Thủy", "Thúy", "Trang", "Tuyết", "Vân", "Yến", "Nga", "Hạnh", "Lý"};
    // ethnicity codes (GSO list) with weights: mostly Kinh, some Mường, Tày, Thái, Dao, Hmông, Nùng
    private static final String[] ETHNICITY = {"01", "06", "02", "03", "09", "08", "07", "04"};
    private static final int[] ETHNICITY_WEIGHT = {860, 45, 25, 30, 12, 10, 10, 8};
    private static final String[] RELIGION = {"KHONG", "PHAT_GIAO", "CONG_GIAO", "TIN_LANH"};
    private static final int[] RELIGION_WEIGHT = {930, 45, 20, 5};
    private static final String[] OCCUPATION = {"NONG_DAN", "CAN_BO_CONG_CHUC", "VIEN_CHUC", "CONG_NHAN",
            "LUC_LUONG_VU_TRANG", "NHAN_VIEN_DOANH_NGHIEP", "LAO_DONG_TU_DO", "HOC_SINH_SINH_VIEN", "CHU_DOANH_NGHIEP"};
    private static final int[] OCCUPATION_WEIGHT = {300, 180, 200, 60, 70, 80, 70, 25, 15};
    private static final String[] PROFESSIONAL = {"KHONG", "SO_CAP", "TRUNG_CAP", "CAO_DANG", "DAI_HOC", "THAC_SI", "TIEN_SI"};
    private static final int[] PROFESSIONAL_WEIGHT = {250, 60, 180, 90, 360, 55, 5};
    private static final String[] THEORY = {"KHONG", "SO_CAP", "TRUNG_CAP", "CAO_CAP", "CU_NHAN"};
    private static final int[] THEORY_WEIGHT = {150, 600, 200, 40, 10};
    private static final String[] COMMUNES = {"Tân Lập", "Phú Lộc", "An Thịnh", "Bình Sơn", "Hòa Lâm", "Xuân Tiến",
            "Đông Thành", "Quảng Hòa", "Thanh Phú", "Minh Hưng", "Yên Khê", "Mỹ Bình", "Gia An", "Cẩm Long", "Kim Trung"};

    record Built(List<MemberHistory> histories, int lsRoll2021, int lsAdmissions, int transfers, int withoutRecognitionRule) {
    }

    /** Where a member is on the roll from a date on (unit −1: off the roll). */
    private record Move(LocalDate on, long unitId) {
    }

    private final Random random = new Random(20211110L);
    private final DeadlineRules deadlines;
    private final AdmissionRules admissions;
    private final LocalDate today;
    private final List<MemberHistoryCell> lsCells;
    private final List<MemberHistoryCell> hgCells;
    private final Set<Long> lsUnits = new HashSet<>();
    private final Set<String> citizenIds = new HashSet<>();
    private final Map<String, Integer> decisionNumbers = new HashMap<>();
    private final List<MemberHistory> histories = new ArrayList<>();
    private final Map<Long, List<MemberHistoryCell>> siblings = new HashMap<>();
    private final Map<String, String[]> codeSegments = new HashMap<>();
    private int cardNumber = 1_000_000;
    private int transfers;
    private int withoutRule;

    private DemoMembers(DeadlineRules deadlines, AdmissionRules admissions, LocalDate today,
                        List<MemberHistoryCell> lsCells, List<MemberHistoryCell> hgCells) {
        this.deadlines = deadlines;
        this.admissions = admissions;
        this.today = today;
        this.lsCells = lsCells;
        this.hgCells = hgCells;
        lsCells.forEach(c -> lsUnits.add(c.unitId()));
        for (List<MemberHistoryCell> province : List.of(lsCells, hgCells)) {
            province.forEach(c -> siblings.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c));
        }
        citizenIds.add(SHOWCASE_CITIZEN_ID);
    }

    static Built build(DeadlineRules deadlines, AdmissionRules admissions, LocalDate today,
                       List<MemberHistoryCell> lsCells, List<MemberHistoryCell> hgCells) {
        return new DemoMembers(deadlines, admissions, today, lsCells, hgCells).build();
    }

    private Built build() {
        int lsRoll = 0;
        lsRoll += count(showcase());
        for (int i = 0; i < FOUNDING_HG; i++) {
            lsRoll += count(member(hgCells, TREE_START, HISTORY_START, true));
        }
        int lsAdmissions = 0;
        for (int year = HISTORY_START.getYear(); year <= today.getYear(); year++) {
            LocalDate from = LocalDate.of(year, 1, 1);
            LocalDate to = year == today.getYear() ? today.minusDays(60) : from.plusYears(1);
            if (!to.isAfter(from)) {
                break;
            }
            for (int i = 0; i < ADMISSIONS_PER_YEAR_HG; i++) {
                lsRoll += count(member(hgCells, from, to, false));
            }
            for (int i = 0; i < ADMISSIONS_PER_YEAR_LS; i++) {
                lsRoll += count(member(lsCells, from, to, false));
                lsAdmissions++;
            }
        }
        // those of the Party before 2010 fill the roll of 10/11/2021 up to the reported figure exactly
        while (lsRoll < LS_ROLL_2021) {
            lsRoll += count(member(lsCells, TREE_START, HISTORY_START, true));
        }
        return new Built(List.copyOf(histories), lsRoll, lsAdmissions, transfers, withoutRule);
    }

    private int count(List<Move> moves) {
        long unit = -1;
        for (Move move : moves) {
            if (move.on().isAfter(REPORT_2021)) {
                break;
            }
            unit = move.unitId();
        }
        return unit >= 0 && lsUnits.contains(unit) ? 1 : 0;
    }

    // ---- one member ----------------------------------------------------------------------------

    /** The simulation of one member: steps in date order, and the roll moves for counting. */
    private final class Life {
        final List<MemberHistory.Step> steps = new ArrayList<>();
        final List<Move> moves = new ArrayList<>();
        final List<MemberHistoryCell> province;
        MemberHistoryCell cell;
        LocalDate now;

        Life(List<MemberHistoryCell> province) {
            this.province = province;
        }

        /** Moves the member to another cell before theirs ends, for every end up to {@code date} (+30 days). */
        void advanceTo(LocalDate date) {
            while (cell.to() != null && !cell.to().isAfter(date.plusDays(30)) && !cell.to().isAfter(today)) {
                LocalDate end = cell.to();
                LocalDate issued = max(end.minusDays(25), now.plusDays(1));
                LocalDate received = max(end.minusDays(10), issued);
                MemberHistoryCell to = nearby(province, cell, issued);
                transfer(TransferKind.PERMANENT, to, issued, received);
            }
        }

        void transfer(TransferKind kind, MemberHistoryCell to, LocalDate issued, LocalDate received) {
            DecisionRef letter = decision("GGT", body(cell), issued);
            steps.add(new MemberHistory.IssueTransfer(kind, to.unitId(), letter.number(), issued, letter));
            steps.add(new MemberHistory.ReceiveTransfer(received, decision("XN", body(to), received)));
            transfers++;
            if (kind == TransferKind.PERMANENT) {
                moves.add(new Move(received, to.unitId()));
                cell = to;
            }
            now = received;
        }

        void at(LocalDate date) {
            now = date;
        }
    }

    private List<Move> member(List<MemberHistoryCell> province, LocalDate from, LocalDate to, boolean founding) {
        long span = ChronoUnit.DAYS.between(from, to);
        // those of the Party before 2010 were admitted from 1977 on, more of them in recent years
        // (the older ones have died since): the square root skews the draw toward the end
        LocalDate admitted = founding ? from.plusDays((long) (span * Math.sqrt(random.nextDouble())))
                : from.plusDays(random.nextLong(span));
        Gender gender = random.nextInt(100) < 60 ? Gender.MALE : Gender.FEMALE;
        // age at admission: mostly 20–35, some older (armed forces, civil servants admitted later),
        // nobody older than 85 when the history starts
        int ageAtAdmission = 18 + (int) Math.abs(random.nextGaussian() * 8) + (random.nextInt(6) == 0 ? random.nextInt(20) : 0);
        if (founding) {
            ageAtAdmission = Math.min(ageAtAdmission, 85 - (int) ChronoUnit.YEARS.between(admitted, HISTORY_START));
            ageAtAdmission = Math.max(ageAtAdmission, 18);
        }
        // the admission rule set of the date: at most "đủ 60 tuổi tính theo tháng" where it has a limit
        // (the birthday falls up to 364 days earlier below, hence one year less)
        Integer maxAgeMonths = admissions.ruleSetOn(admitted).maxAgeMonths();
        if (maxAgeMonths != null) {
            ageAtAdmission = Math.min(ageAtAdmission, maxAgeMonths / 12 - 1);
        }
        LocalDate born = admitted.minusYears(ageAtAdmission).minusDays(random.nextInt(365));
        Life life = new Life(province);
        life.cell = pick(province, admitted);
        MemberRecord record = record(gender, born, life.cell);
        String body = body(life.cell);
        life.steps.add(new MemberHistory.Admit(life.cell.unitId(), admitted, decision("QĐ", body, admitted)));
        life.moves.add(new Move(admitted, life.cell.unitId()));
        life.at(admitted);
        Probation probation = probation(life, admitted, body);
        LocalDate death = deathDate(born, admitted);
        if (probation == Probation.ENDED) {
            return finish(life, record, false);
        }
        boolean full = probation == Probation.FULL;
        // later life: at most one of each, in date order
        LocalDate cursor = life.now;
        boolean exempted = false;
        boolean readmitted = false;
        boolean ended = false;
        while (!ended) {
            LocalDate next = cursor.plusDays(200 + random.nextInt(900));
            if (next.isAfter(today.minusDays(40))) {
                break;
            }
            if (death != null && !death.isAfter(next)) {
                life.advanceTo(death);
                LocalDate died = max(death, life.now.plusDays(1));
                life.steps.add(new MemberHistory.Die(died, decision("TB", body(life.cell), died)));
                life.moves.add(new Move(died, -1));
                ended = true;
                break;
            }
            life.advanceTo(next);
            next = max(next, life.now.plusDays(1));
            int age = (int) ChronoUnit.YEARS.between(born, next);
            int roll = random.nextInt(1000);
            if (age >= 70 && !exempted && roll < 500) {
                life.steps.add(new MemberHistory.Exempt(next, "Tuổi cao, sức yếu", decision("QĐ", body(life.cell), next)));
                exempted = true;
                life.at(next);
            } else if (roll < 30 && !exempted) {
                MemberHistoryCell host = nearby(province, life.cell, next);
                LocalDate back = next.plusDays(90 + random.nextInt(240));
                if (host.to() == null || host.to().isAfter(back.plusDays(30))) {
                    if (life.cell.to() == null || life.cell.to().isAfter(back.plusDays(40))) {
                        if (back.isBefore(today.minusDays(1))) {
                            life.steps.add(new MemberHistory.IssueTransfer(TransferKind.TEMPORARY, host.unitId(),
                                    decision("GGT", body(life.cell), next).number(), next,
                                    decision("GGT", body(life.cell), next)));
                            transfers++;
                            life.steps.add(new MemberHistory.EndTemporaryTransfer(back,
                                    decision("GGT", body(life.cell), back)));
                            life.at(back);
                        }
                    }
                }
            } else if (roll < 80) {
                // moves between the provinces are rare from the large Lam Sơn, commoner from small Hòa Giang
                boolean otherProvince = province == lsCells ? random.nextInt(1000) < 15 : random.nextInt(100) < 12;
                MemberHistoryCell destination = otherProvince
                        ? pick(province == lsCells ? hgCells : lsCells, next.plusDays(20))
                        : pick(province, next.plusDays(20));
                if (destination.unitId() != life.cell.unitId() && destination.covers(next)
                        && (life.cell.to() == null || life.cell.to().isAfter(next.plusDays(21)))) {
                    life.transfer(TransferKind.PERMANENT, destination, next, next.plusDays(5 + random.nextInt(15)));
                }
            } else if (roll < 86) {
                life.steps.add(new MemberHistory.Discipline(random.nextBoolean() ? DisciplineForm.REPRIMAND
                        : DisciplineForm.WARNING, next, decision("QĐ-KL", body(life.cell), next)));
                life.at(next);
            } else if (roll < 92 && age < 65) {
                // removal from the list; a few are re-admitted two to four years later
                life.steps.add(new MemberHistory.RemoveFromList(RemovalGround.SKIPPED_ACTIVITY_OR_DUES, next,
                        decision("QĐ", body(life.cell), next)));
                life.moves.add(new Move(next, -1));
                life.at(next);
                // re-admitted at least 36 months later, once, within the age limits (QĐ 24-QĐ/TW item 3.5)
                LocalDate again = next.plusMonths(36).plusDays(random.nextInt(730));
                if (random.nextInt(100) < 25 && again.isBefore(today.minusDays(500))
                        && (death == null || death.isAfter(again.plusYears(2)))
                        && readmissible(born, again, next, readmitted)) {
                    readmitted = true;
                    MemberHistoryCell cell = pick(province, again);
                    life.cell = cell;
                    life.steps.add(new MemberHistory.Readmit(cell.unitId(), again, decision("QĐ", body(cell), again)));
                    life.moves.add(new Move(again, cell.unitId()));
                    life.at(again);
                    probation = probation(life, again, body(cell));
                    if (probation == Probation.ENDED) {
                        return finish(life, record, full);
                    }
                    full = full || probation == Probation.FULL;
                    cursor = life.now;
                    continue;
                }
                ended = true;
            } else if (roll < 93 && probation == Probation.FULL) {
                life.steps.add(new MemberHistory.Discipline(DisciplineForm.EXPULSION, next,
                        decision("QĐ-KL", body(life.cell), next)));
                life.moves.add(new Move(next, -1));
                ended = true;
            } else if (roll < 95 && age < 60) {
                life.steps.add(new MemberHistory.Leave(next, decision("QĐ", body(life.cell), next)));
                life.moves.add(new Move(next, -1));
                ended = true;
            }
            cursor = max(next, life.now);
        }
        if (!ended) {
            life.advanceTo(today.minusDays(31));
        }
        return finish(life, record, full);
    }

    private boolean readmissible(LocalDate born, LocalDate again, LocalDate removed, boolean readmittedBefore) {
        try {
            admissions.ruleSetOn(again).requireReadmission(born, again, "REMOVED:" + RemovalGround.SKIPPED_ACTIVITY_OR_DUES,
                    removed, readmittedBefore ? 1 : 0, readmittedBefore ? removed : null, "on");
            return true;
        } catch (RuleViolation e) {
            return false;
        }
    }

    private enum Probation {
        /** Recognised as a full member. */
        FULL,
        /** Still probationary and the history goes on: no deadline rule set covers the ceremony date. */
        NO_RULE,
        /** Refused, or probation not over by today: the history stops here. */
        ENDED
    }

    /** Ceremony within the deadline, then recognition at the end of 12 months (or, rarely, not). */
    private Probation probation(Life life, LocalDate admitted, String body) {
        LocalDate ceremony = admitted.plusDays(7 + random.nextInt(30));
        if (ceremony.isAfter(today.minusDays(1))) {
            return Probation.ENDED;
        }
        life.advanceTo(ceremony);
        ceremony = max(ceremony, life.now.plusDays(1));
        life.steps.add(new MemberHistory.HoldCeremony(ceremony, decision("BB", body, ceremony)));
        life.at(ceremony);
        LocalDate end;
        try {
            end = deadlines.due(DeadlineKind.PROBATION_END, ceremony).due();
        } catch (RuleViolation e) {
            // no implementation regulation before 1/11/2011 in the rule sets: the registry cannot
            // recognise, so the member stays probationary (see the report to the lead)
            withoutRule++;
            return Probation.NO_RULE;
        }
        if (random.nextInt(1000) < 8 && end.isBefore(today)) {
            LocalDate refused = end.minusDays(random.nextInt(20) + 1);
            life.advanceTo(refused);
            if (refused.isAfter(life.now)) {
                life.steps.add(new MemberHistory.RefuseRecognition(refused, decision("QĐ", body(life.cell), refused)));
                life.moves.add(new Move(refused, -1));
                return Probation.ENDED;
            }
        }
        LocalDate decided = end.plusDays(random.nextInt(30));
        if (decided.isAfter(today.minusDays(1))) {
            life.advanceTo(today.minusDays(31));
            return Probation.ENDED;
        }
        life.advanceTo(decided);
        decided = max(decided, life.now);
        life.steps.add(new MemberHistory.Recognise(decision("QĐ", body(life.cell), decided)));
        life.at(decided);
        return Probation.FULL;
    }

    private List<Move> finish(Life life, MemberRecord record, boolean full) {
        MemberRecord withCard = full ? new MemberRecord(record.fullName(), record.otherNames(), record.gender(),
                record.birthDate(), record.birthPlace(), record.hometown(), record.ethnicity(), record.religion(),
                record.citizenId(), String.valueOf(cardNumber++), record.historyNumber(), record.residence(),
                record.phone(), record.occupation(), record.education(), record.professional(), record.academicTitle(),
                record.theory(), record.stateManagement()) : record;
        histories.add(new MemberHistory(withCard, life.steps));
        return life.moves;
    }

    /** Annual chance of death by age; null when the member outlives the demo's today. */
    private LocalDate deathDate(LocalDate born, LocalDate admitted) {
        LocalDate year = max(admitted.plusYears(1), HISTORY_START);
        while (year.isBefore(today)) {
            long age = ChronoUnit.YEARS.between(born, year);
            int perMille = age < 50 ? 2 : age < 60 ? 7 : age < 70 ? 16 : age < 80 ? 42 : age < 90 ? 110 : 250;
            if (random.nextInt(1000) < perMille) {
                LocalDate death = year.plusDays(random.nextInt(365));
                return death.isBefore(today.minusDays(45)) ? death : null;
            }
            year = year.plusYears(1);
        }
        return null;
    }

    private List<Move> showcase() {
        MemberHistoryCell from = null;
        for (MemberHistoryCell c : lsCells) {
            if (c.covers(LocalDate.of(2012, 1, 1)) && (c.to() == null || c.to().isAfter(LocalDate.of(2024, 1, 1)))) {
                from = c;
                break;
            }
        }
        MemberHistoryCell to = null;
        for (MemberHistoryCell c : hgCells) {
            if (c.covers(SHOWCASE_ISSUED) && c.to() == null) {
                to = c;
                break;
            }
        }
        if (from == null || to == null) {
            throw new IllegalStateException("demo tree has no cell for the documented transfer");
        }
        LocalDate admitted = LocalDate.of(2014, 5, 19);
        MemberRecord record = new MemberRecord(SHOWCASE_NAME, null, Gender.FEMALE, LocalDate.of(1990, 4, 12),
                "Xã Tân Lập, huyện Sông Cầu", "Tân Lập", "01", "KHONG", SHOWCASE_CITIZEN_ID, "0990001", null,
                "Thôn Đông, xã Tân Lập", "0912345678", "VIEN_CHUC", "THPT", "DAI_HOC", null, "TRUNG_CAP", null);
        LocalDate ceremony = LocalDate.of(2014, 6, 2);
        LocalDate full = deadlines.due(DeadlineKind.PROBATION_END, ceremony).due();
        List<MemberHistory.Step> steps = List.of(
                new MemberHistory.Admit(from.unitId(), admitted, decision("QĐ", body(from), admitted)),
                new MemberHistory.HoldCeremony(ceremony, decision("BB", body(from), ceremony)),
                new MemberHistory.Recognise(decision("QĐ", body(from), full.plusDays(10))),
                new MemberHistory.IssueTransfer(TransferKind.PERMANENT, to.unitId(), "GGT-" + 215, SHOWCASE_ISSUED,
                        decision("GGT", body(from), SHOWCASE_ISSUED)),
                new MemberHistory.ReceiveTransfer(SHOWCASE_RECEIVED, decision("XN", body(to), SHOWCASE_RECEIVED)));
        histories.add(new MemberHistory(record, steps));
        transfers++;
        return List.of(new Move(admitted, from.unitId()), new Move(SHOWCASE_RECEIVED, to.unitId()));
    }

    // ---- choices ---------------------------------------------------------------------------------

    /** A random cell that exists on {@code date} and for a month after. */
    private MemberHistoryCell pick(List<MemberHistoryCell> cells, LocalDate date) {
        for (int attempt = 0; attempt < 10_000; attempt++) {
            MemberHistoryCell c = cells.get(random.nextInt(cells.size()));
            if (c.covers(date) && (c.to() == null || c.to().isAfter(date.plusDays(60)))) {
                return c;
            }
        }
        throw new IllegalStateException("no demo cell exists on " + date);
    }

    /** A cell near {@code from} (same parent, else the longest shared code prefix) that exists from {@code date} on. */
    private MemberHistoryCell nearby(List<MemberHistoryCell> cells, MemberHistoryCell from, LocalDate date) {
        List<MemberHistoryCell> best = new ArrayList<>();
        for (MemberHistoryCell c : siblings.getOrDefault(from.parentId(), List.of())) {
            if (usable(c, from, date)) {
                best.add(c);
            }
        }
        if (best.isEmpty()) {
            String[] own = segments(from);
            int bestScore = -1;
            for (MemberHistoryCell c : cells) {
                if (!usable(c, from, date)) {
                    continue;
                }
                String[] other = segments(c);
                int score = 0;
                while (score < own.length && score < other.length && own[score].equals(other[score])) {
                    score++;
                }
                if (score > bestScore) {
                    best.clear();
                    bestScore = score;
                }
                if (score == bestScore) {
                    best.add(c);
                }
            }
        }
        if (best.isEmpty()) {
            throw new IllegalStateException("no demo cell to move to on " + date);
        }
        return best.get(random.nextInt(best.size()));
    }

    private static boolean usable(MemberHistoryCell c, MemberHistoryCell from, LocalDate date) {
        return c.unitId() != from.unitId() && c.covers(date) && (c.to() == null || c.to().isAfter(date.plusDays(60)));
    }

    private String[] segments(MemberHistoryCell cell) {
        return codeSegments.computeIfAbsent(cell.code(), code -> code.split("\\."));
    }

    private MemberRecord record(Gender gender, LocalDate born, MemberHistoryCell cell) {
        boolean male = gender == Gender.MALE;
        String name = weighted(FAMILY, FAMILY_WEIGHT) + " " + (male ? one(MIDDLE_MALE) : one(MIDDLE_FEMALE)) + " "
                + (male ? one(GIVEN_MALE) : one(GIVEN_FEMALE));
        String commune = one(COMMUNES);
        String province = lsUnits.contains(cell.unitId()) ? "097" : "098";
        String citizenId;
        do {
            int century = born.getYear() >= 2000 ? 2 : 0;
            citizenId = province + (century + (male ? 0 : 1)) + String.format("%02d", born.getYear() % 100)
                    + String.format("%06d", random.nextInt(1_000_000));
        } while (!citizenIds.add(citizenId));
        String education = random.nextInt(100) < 88 ? "THPT" : random.nextBoolean() ? "THCS" : "TIEU_HOC";
        String professional = "THPT".equals(education) ? weighted(PROFESSIONAL, PROFESSIONAL_WEIGHT) : "KHONG";
        int age = (int) ChronoUnit.YEARS.between(born, today);
        String occupation = age >= 62 && random.nextInt(100) < 75 ? "HUU_TRI" : weighted(OCCUPATION, OCCUPATION_WEIGHT);
        String phone = "09" + String.format("%08d", random.nextInt(100_000_000));
        return new MemberRecord(name, null, gender, born, "Xã " + one(COMMUNES), commune,
                weighted(ETHNICITY, ETHNICITY_WEIGHT), weighted(RELIGION, RELIGION_WEIGHT), citizenId, null, null,
                "Xã " + commune, phone, occupation, education, professional, null,
                weighted(THEORY, THEORY_WEIGHT), null);
    }

    private DecisionRef decision(String kind, String body, LocalDate date) {
        String key = kind + date.getYear() + body;
        int n = decisionNumbers.merge(key, 1, Integer::sum);
        String suffix = switch (kind) {
            case "GGT" -> "-GGT";
            case "XN" -> "-XN";
            case "BB" -> "-BB";
            case "TB" -> "-TB";
            case "QĐ-KL" -> "-QĐ/KL";
            default -> "-QĐ";
        };
        return new DecisionRef(n + suffix + "/" + date.getYear(), date, body);
    }

    private static String body(MemberHistoryCell cell) {
        String code = cell.code();
        if (code.startsWith("HG")) {
            return "Ban Thường vụ Tỉnh ủy Hòa Giang";
        }
        String[] parts = code.split("\\.");
        if (parts.length > 1 && parts[1].startsWith("H")) {
            return "Ban Thường vụ Huyện ủy";
        }
        if (parts.length > 1 && parts[1].startsWith("K")) {
            return "Ban Thường vụ Đảng ủy Khối";
        }
        return "Ban Thường vụ Tỉnh ủy Lam Sơn";
    }

    private String one(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private String weighted(String[] values, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
