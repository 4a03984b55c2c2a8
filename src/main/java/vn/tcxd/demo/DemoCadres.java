package vn.tcxd.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tcxd.cadres.CadreAct;
import vn.tcxd.cadres.Cadres;
import vn.tcxd.cadres.CommitteeRole;
import vn.tcxd.cadres.IncumbencyEnd;
import vn.tcxd.cadres.IncumbencyKind;
import vn.tcxd.cadres.RotationKind;
import vn.tcxd.cadres.SeatEntry;
import vn.tcxd.cadres.SeatExit;
import vn.tcxd.cadres.TrainingKind;
import vn.tcxd.evaluations.EvaluationAct;
import vn.tcxd.evaluations.Evaluations;
import vn.tcxd.evaluations.Period;
import vn.tcxd.evaluations.RatingLevel;
import vn.tcxd.evaluations.SubjectKind;
import vn.tcxd.members.DisciplineForm;
import vn.tcxd.members.Gender;
import vn.tcxd.members.MemberAct;
import vn.tcxd.members.MemberFilter;
import vn.tcxd.members.MemberStatus;
import vn.tcxd.members.MemberSummary;
import vn.tcxd.members.Members;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.UnitSummary;
import vn.tcxd.orgstructure.UnitType;
import vn.tcxd.shared.DecisionRef;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Cadre work of Lam Sơn through the {@link Cadres} facade, so every rule holds and every act is audited:
 * the provincial committee of 2020–2025 (with a mid-term addition and departures) and of 2025–2030;
 * the district committees of 2020–2025, which end with the district level on 1/7/2025; the commune
 * committees formed by appointment on 1/7/2025 and those their congresses elected in September 2025;
 * the incumbents of the key titles (some appointments due for reappointment notice, one cadre close to
 * retirement, some posts vacant); three provincial cadres rotated to communes as secretaries; planning
 * for 2025–2030 and 2030–2035 (one planned cadre reprimanded in 2026, one over age by now); training
 * records; and a small committee in the decoy province Hòa Giang. One transaction; runs when Lam Sơn
 * has no term yet.
 */
@Component
class DemoCadres {

    private static final Logger log = LoggerFactory.getLogger(DemoCadres.class);

    static final LocalDate CONGRESS_2020 = LocalDate.of(2020, 10, 15);
    static final LocalDate CONGRESS_2025 = LocalDate.of(2025, 10, 10);
    static final LocalDate DISTRICT_CONGRESS_2020 = LocalDate.of(2020, 8, 20);
    static final LocalDate COMMUNES_FORMED = LocalDate.of(2025, 7, 1);
    static final LocalDate COMMUNE_CONGRESS = LocalDate.of(2025, 9, 20);
    static final LocalDate PLANNING_2023 = LocalDate.of(2023, 6, 15);
    static final LocalDate PLANNING_2026 = LocalDate.of(2026, 3, 10);

    private final ObjectProvider<Cadres> cadresProvider;
    private final ObjectProvider<Evaluations> evaluations;
    private final Members members;
    private final OrgStructure org;
    private final TransactionTemplate transaction;

    private Cadres cadres;
    private Random random;
    private final Set<Long> used = new HashSet<>();
    private final Map<String, Integer> numbers = new HashMap<>();
    private int acts;

    DemoCadres(ObjectProvider<Cadres> cadres, ObjectProvider<Evaluations> evaluations, Members members, OrgStructure org,
               PlatformTransactionManager tm) {
        this.cadresProvider = cadres;
        this.evaluations = evaluations;
        this.members = members;
        this.org = org;
        this.transaction = new TransactionTemplate(tm);
    }

    void load(long lamSon, long hoaGiang) {
        cadres = cadresProvider.getIfAvailable();
        if (cadres == null) {
            log.info("Demo data: no cadres module in this build, demo cadres skipped");
            return;
        }
        if (!cadres.terms(lamSon).isEmpty()) {
            log.info("Demo data: Lam Sơn has committee terms, demo cadres not loaded again");
            transaction.executeWithoutResult(status -> leaderRatings(lamSon));
            return;
        }
        long started = System.nanoTime();
        random = new Random(20_251_010L);
        used.clear();
        acts = 0;
        transaction.executeWithoutResult(status -> {
            Province ls = province(lamSon, "Lam Sơn", 50, 53);
            List<Long> rotated = districtsAndCommunes(lamSon, "Lam Sơn", ls);
            planning(lamSon, ls, rotated);
            province(hoaGiang, "Hòa Giang", 11, 11);
            leaderRatings(lamSon);
        });
        log.info("Demo data: cadre work of Lam Sơn and Hòa Giang, {} acts in {} ms", acts,
                (System.nanoTime() - started) / 1_000_000);
    }

    // ---- the province ------------------------------------------------------------------------------

    /** Who holds what in the province after 2025 (for planning and rotations). */
    private record Province(long id, List<Long> committee2025, Map<String, List<Long>> holders, long officeChief) {
    }

    private Province province(long provinceId, String name, int size2020, int size2025) {
        String body = "Ban Chấp hành Đảng bộ tỉnh " + name;
        String politburo = "Ban Bí thư";
        Map<String, List<Long>> holders = new HashMap<>();

        // 2020–2025: the 20th congress elects the committee; the secretariat approves it (chuẩn y)
        long term2020 = act(new CadreAct.OpenTerm(provinceId, "2020–2025", CONGRESS_2020, CONGRESS_2025, true,
                "Đại hội đại biểu Đảng bộ tỉnh " + name + " lần thứ XX", CONGRESS_2020, size2020 * 7,
                decision("QĐ/TW", politburo, CONGRESS_2020.plusDays(12))));
        List<MemberSummary> pool2020 = pool(provinceId, CONGRESS_2020, 40, 57, size2020 * 3);
        List<Long> seats2020 = committee(term2020, pool2020, size2020, CONGRESS_2020, SeatEntry.ELECTED,
                new DecisionRef("01-NQ/ĐH", CONGRESS_2020, "Đại hội đại biểu Đảng bộ tỉnh " + name + " lần thứ XX"),
                Math.max(1, size2020 / 4), Math.max(1, size2020 / 25));
        List<Long> people2020 = seatMembers(term2020);
        long secretary2020 = people2020.get(0);
        // mid-term: one moves away (2022), two are added (2023), one retires (2024)
        if (size2020 > 20) {
            act(new CadreAct.LeaveCommittee(seats2020.get(size2020 - 1), SeatExit.MOVED, LocalDate.of(2022, 6, 1),
                    decision("QĐ/TW", politburo, LocalDate.of(2022, 5, 20))));
            List<MemberSummary> added = pool(provinceId, LocalDate.of(2023, 3, 1), 38, 50, 200);
            DecisionRef addition = decision("QĐ/TW", politburo, LocalDate.of(2023, 2, 24));
            for (int i = 0; i < 2; i++) {
                MemberSummary m = take(added, i == 0 ? female() : any(), any());
                act(new CadreAct.JoinCommittee(term2020, m.id(), CommitteeRole.MEMBER, SeatEntry.ADDED, LocalDate.of(2023, 3, 1), addition));
            }
            act(new CadreAct.ChangeRole(seats2020.get(size2020 - 3), CommitteeRole.STANDING, SeatEntry.ELECTED,
                    LocalDate.of(2023, 3, 1), decision("QĐ/TW", politburo, LocalDate.of(2023, 2, 24))));
            act(new CadreAct.LeaveCommittee(seats2020.get(size2020 - 2), SeatExit.RETIRED, LocalDate.of(2024, 1, 15),
                    decision("QĐ/TW", politburo, LocalDate.of(2024, 1, 5))));
        }

        // 2025–2030: most of those still young enough are re-elected
        long term2025 = act(new CadreAct.OpenTerm(provinceId, "2025–2030", CONGRESS_2025, CONGRESS_2025.plusYears(5), true,
                "Đại hội đại biểu Đảng bộ tỉnh " + name + " lần thứ XXI", CONGRESS_2025, size2025 * 8,
                decision("QĐ/TW", politburo, CONGRESS_2025.plusDays(10))));
        List<MemberSummary> again = new ArrayList<>();
        for (MemberSummary m : pool2020) {
            if (people2020.contains(m.id()) && m.id() != secretary2020 && age(m, CONGRESS_2025) <= 57
                    && onRoll(m.id(), CONGRESS_2025) && random.nextInt(100) < 70) {
                again.add(m);
            }
        }
        List<MemberSummary> fresh = pool(provinceId, CONGRESS_2025, 38, 54, size2025 * 3);
        List<MemberSummary> ordered = new ArrayList<>();
        // the new secretary is not a local cadre (CT 45): the first of the fresh pool
        ordered.add(take(fresh, m -> m.gender() == Gender.MALE && age(m, CONGRESS_2025) >= 48, any()));
        for (MemberSummary m : again) {
            if (ordered.size() < size2025 * 6 / 10) ordered.add(m);
        }
        while (ordered.size() < size2025) ordered.add(take(fresh, ordered.size() % 5 == 0 ? female() : any(), any()));
        int deputyCount = size2025 >= 40 ? 3 : 1;
        committee(term2025, ordered, size2025, CONGRESS_2025, SeatEntry.ELECTED,
                new DecisionRef("01-NQ/ĐH", CONGRESS_2025, "Đại hội đại biểu Đảng bộ tỉnh " + name + " lần thứ XXI"),
                Math.max(2, size2025 / 4), deputyCount);
        List<Long> people2025 = seatMembers(term2025);

        // the key titles: the committee's secretary and deputies, its standing board, and the council's choices of 2021
        DecisionRef congress2020 = new DecisionRef("02-NQ/ĐH", CONGRESS_2020, "Ban Chấp hành Đảng bộ tỉnh " + name);
        DecisionRef congress2025 = new DecisionRef("02-NQ/ĐH", CONGRESS_2025, "Ban Chấp hành Đảng bộ tỉnh " + name);
        DecisionRef council = new DecisionRef("15-NQ/HĐND", LocalDate.of(2021, 6, 25), "Hội đồng nhân dân tỉnh " + name);
        DecisionRef ending = new DecisionRef("03-NQ/ĐH", CONGRESS_2025, "Đại hội đại biểu Đảng bộ tỉnh " + name + " lần thứ XXI");
        LocalDate council2021 = LocalDate.of(2021, 6, 25);
        long sec2020 = appoint(provinceId, "PROVINCIAL.SECRETARY", secretary2020, IncumbencyKind.ELECTED, CONGRESS_2020, null, congress2020);
        act(new CadreAct.EndIncumbency(sec2020, IncumbencyEnd.TERM_ENDED, CONGRESS_2025, null, ending));
        for (int i = 1; i <= Math.min(2, people2020.size() - 1); i++) {
            long dep = appoint(provinceId, "PROVINCIAL.DEPUTY_SECRETARY", people2020.get(i), IncumbencyKind.ELECTED,
                    CONGRESS_2020, null, congress2020);
            act(new CadreAct.EndIncumbency(dep, IncumbencyEnd.TERM_ENDED, CONGRESS_2025, null, ending));
        }
        List<Long> rest = new ArrayList<>(people2025);
        long secretary = rest.removeFirst();
        appoint(provinceId, "PROVINCIAL.SECRETARY", secretary, IncumbencyKind.ELECTED, CONGRESS_2025, null, congress2025);
        holders.put("PROVINCIAL.SECRETARY", List.of(secretary));
        List<Long> deputies = new ArrayList<>();
        for (int i = 0; i < deputyCount; i++) {
            long d = rest.removeFirst();
            appoint(provinceId, "PROVINCIAL.DEPUTY_SECRETARY", d, IncumbencyKind.ELECTED, CONGRESS_2025, null, congress2025);
            deputies.add(d);
        }
        holders.put("PROVINCIAL.DEPUTY_SECRETARY", deputies);
        LocalDate nextCouncil = LocalDate.of(2031, 6, 25);
        long councilChair = deputies.stream().filter(d -> onRoll(d, council2021)).findFirst()
                .orElseGet(() -> removeFirst(rest, d -> onRoll(d, council2021)));
        appoint(provinceId, "PROVINCIAL.COUNCIL_CHAIR", councilChair, IncumbencyKind.ELECTED, council2021, nextCouncil, council);
        holders.put("PROVINCIAL.COUNCIL_CHAIR", List.of(councilChair));
        int standingCount = Math.max(2, size2025 / 4) - 1 - deputyCount;
        List<Long> standing = new ArrayList<>(rest.subList(0, Math.min(standingCount, rest.size())));
        rest.removeAll(standing);
        long chair = removeFirst(rest, d -> onRoll(d, council2021));
        appoint(provinceId, "PROVINCIAL.COMMITTEE_CHAIR", chair, IncumbencyKind.ELECTED, council2021, nextCouncil, council);
        holders.put("PROVINCIAL.COMMITTEE_CHAIR", List.of(chair));
        if (size2025 < 20) {
            return new Province(provinceId, people2025, holders, -1);
        }
        for (Long s : standing) {
            appoint(provinceId, "PROVINCIAL.STANDING_MEMBER", s, IncumbencyKind.ELECTED, CONGRESS_2025, null, congress2025);
        }
        holders.put("PROVINCIAL.STANDING_MEMBER", standing);
        long organisation = standing.get(0);
        appoint(provinceId, "PROVINCIAL.ORGANISATION_HEAD", organisation, IncumbencyKind.DESIGNATED, CONGRESS_2025.plusDays(2),
                null, decision("QĐ/TU", "Ban Thường vụ Tỉnh ủy " + name, CONGRESS_2025.plusDays(2)));
        holders.put("PROVINCIAL.ORGANISATION_HEAD", List.of(organisation));
        appoint(provinceId, "PROVINCIAL.INSPECTION_HEAD", standing.get(1), IncumbencyKind.ELECTED, CONGRESS_2025, null, congress2025);
        holders.put("PROVINCIAL.INSPECTION_HEAD", List.of(standing.get(1)));
        List<Long> vice = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long v = removeFirst(rest, d -> onRoll(d, council2021));
            appoint(provinceId, "PROVINCIAL.COMMITTEE_VICE_CHAIR", v, IncumbencyKind.ELECTED, council2021, nextCouncil, council);
            vice.add(v);
        }
        holders.put("PROVINCIAL.COMMITTEE_VICE_CHAIR", vice);
        LocalDate frontCongress = LocalDate.of(2024, 8, 20);
        long front = removeFirst(rest, d -> onRoll(d, frontCongress));
        appoint(provinceId, "PROVINCIAL.FRONT_CHAIR", front, IncumbencyKind.ELECTED, frontCongress, frontCongress.plusYears(5),
                new DecisionRef("01-NQ/ĐH", frontCongress, "Đại hội Mặt trận Tổ quốc tỉnh " + name));
        holders.put("PROVINCIAL.FRONT_CHAIR", List.of(front));
        LocalDate womenCongress = LocalDate.of(2021, 9, 10);
        long women = removeFirst(rest, d -> onRoll(d, womenCongress)
                && members.member(d, womenCongress).map(x -> x.record().gender() == Gender.FEMALE).orElse(false));
        appoint(provinceId, "PROVINCIAL.WOMEN_CHAIR", women, IncumbencyKind.ELECTED, womenCongress, womenCongress.plusYears(5),
                new DecisionRef("01-NQ/ĐH", womenCongress, "Đại hội Phụ nữ tỉnh " + name));

        // appointed posts: terms of 5 years, some now due for reappointment notice (QĐ 377: 90 working days ahead)
        String board = "Ban Thường vụ Tỉnh ủy " + name;
        List<MemberSummary> officials = pool(provinceId, LocalDate.of(2021, 11, 1), 42, 55, 120);
        long officeChief = take(officials, appointable(LocalDate.of(2022, 2, 24))).id();
        appoint(provinceId, "PROVINCIAL.OFFICE_CHIEF", officeChief, IncumbencyKind.APPOINTED, LocalDate.of(2022, 3, 1), null,
                decision("QĐ/TU", board, LocalDate.of(2022, 2, 24)));
        List<Long> deputyHeads = new ArrayList<>();
        for (LocalDate on : List.of(LocalDate.of(2021, 12, 20), LocalDate.of(2022, 2, 14), LocalDate.of(2023, 4, 3),
                LocalDate.of(2024, 9, 16))) {
            long m = take(officials, appointable(on.minusDays(6))).id();
            appoint(provinceId, "PROVINCIAL.DEPUTY_COMMISSION_HEAD", m, IncumbencyKind.APPOINTED, on, null,
                    decision("QĐ/TU", board, on.minusDays(6)));
            deputyHeads.add(m);
        }
        holders.put("PROVINCIAL.DEPUTY_COMMISSION_HEAD", deputyHeads);
        // a department director appointed in 2018 (QĐ 105) and reappointed in 2023 (QĐ 80)
        long veteran = take(officials, m -> age(m, LocalDate.of(2018, 8, 1)) <= 48 && appointable(LocalDate.of(2018, 7, 25)).test(m)
                && onRoll(m.id(), LocalDate.of(2023, 8, 1))).id();
        long first = appoint(provinceId, "PROVINCIAL.DEPARTMENT_DIRECTOR", veteran, IncumbencyKind.APPOINTED,
                LocalDate.of(2018, 8, 1), null, decision("QĐ/UBND", "Ủy ban nhân dân tỉnh " + name, LocalDate.of(2018, 7, 25)));
        act(new CadreAct.Reappoint(first, LocalDate.of(2023, 8, 1), decision("QĐ/UBND", "Ủy ban nhân dân tỉnh " + name,
                LocalDate.of(2023, 7, 20))));
        List<Long> directors = new ArrayList<>(List.of(veteran));
        // one director reaches retirement age in 2027 (a man born in the second half of 1965)
        List<MemberSummary> elders = pool(provinceId, LocalDate.of(2022, 3, 10), 56, 56, 200);
        Predicate<MemberSummary> late1965 = m -> m.gender() == Gender.MALE && m.birthDate().getYear() == 1965
                && m.birthDate().getMonthValue() >= 7;
        long retiring = (elders.stream().anyMatch(late1965) ? take(elders, late1965)
                : take(officials, appointable(LocalDate.of(2022, 3, 10)))).id();
        appoint(provinceId, "PROVINCIAL.DEPARTMENT_DIRECTOR", retiring, IncumbencyKind.APPOINTED, LocalDate.of(2022, 3, 15),
                null, decision("QĐ/UBND", "Ủy ban nhân dân tỉnh " + name, LocalDate.of(2022, 3, 10)));
        directors.add(retiring);
        for (LocalDate on : List.of(LocalDate.of(2021, 12, 1), LocalDate.of(2022, 9, 5), LocalDate.of(2023, 1, 16),
                LocalDate.of(2024, 3, 1), LocalDate.of(2025, 11, 3))) {
            long m = take(officials, appointable(on.minusDays(7))).id();
            appoint(provinceId, "PROVINCIAL.DEPARTMENT_DIRECTOR", m, IncumbencyKind.APPOINTED, on, null,
                    decision("QĐ/UBND", "Ủy ban nhân dân tỉnh " + name, on.minusDays(7)));
            directors.add(m);
        }
        holders.put("PROVINCIAL.DEPARTMENT_DIRECTOR", directors);
        training(people2025, true);
        training(deputyHeads, true);
        return new Province(provinceId, people2025, holders, officeChief);
    }

    // ---- districts (2020–2025) and communes (from 2025) ----------------------------------------------------

    /** Returns the cadres rotated from the province to communes. */
    private List<Long> districtsAndCommunes(long provinceId, String name, Province province) {
        String board = "Ban Thường vụ Tỉnh ủy " + name;
        DecisionRef dissolution = decision("QĐ/TU", board, COMMUNES_FORMED.minusDays(5));
        for (UnitSummary d : org.children(provinceId, DISTRICT_CONGRESS_2020)) {
            if (d.type() != UnitType.UPPER_GRASSROOTS || !d.code().matches(".*\\.H\\d\\d")) continue;
            long term = act(new CadreAct.OpenTerm(d.id(), "2020–2025", DISTRICT_CONGRESS_2020, COMMUNES_FORMED, true,
                    "Đại hội đại biểu Đảng bộ " + d.name().substring("Đảng bộ ".length()) + " lần thứ XXIII",
                    DISTRICT_CONGRESS_2020, 200 + random.nextInt(80), decision("QĐ/TU", board, DISTRICT_CONGRESS_2020.plusDays(7))));
            List<MemberSummary> pool = pool(d.id(), DISTRICT_CONGRESS_2020, 36, 56, 90);
            committee(term, pool, 33, DISTRICT_CONGRESS_2020, SeatEntry.ELECTED,
                    new DecisionRef("01-NQ/ĐH", DISTRICT_CONGRESS_2020, "Đại hội đại biểu Đảng bộ " + d.shortName()), 10, 2);
            List<Long> people = seatMembers(term);
            DecisionRef elected = new DecisionRef("02-NQ/ĐH", DISTRICT_CONGRESS_2020, "Ban Chấp hành Đảng bộ " + d.shortName());
            long sec = appoint(d.id(), "UPPER_GRASSROOTS.SECRETARY", people.get(0), IncumbencyKind.ELECTED, DISTRICT_CONGRESS_2020, null, elected);
            long dep = appoint(d.id(), "UPPER_GRASSROOTS.DEPUTY_SECRETARY", people.get(1), IncumbencyKind.ELECTED, DISTRICT_CONGRESS_2020, null, elected);
            long chair = appoint(d.id(), "UPPER_GRASSROOTS.COMMITTEE_CHAIR", people.get(2), IncumbencyKind.ELECTED,
                    LocalDate.of(2021, 6, 28), LocalDate.of(2026, 6, 28),
                    new DecisionRef("10-NQ/HĐND", LocalDate.of(2021, 6, 28), "Hội đồng nhân dân " + d.name().substring("Đảng bộ ".length())));
            for (long i : List.of(sec, dep, chair)) {
                act(new CadreAct.EndIncumbency(i, IncumbencyEnd.MOVED, COMMUNES_FORMED, "Kết thúc hoạt động cấp huyện (QĐ 294-QĐ/TW)",
                        dissolution));
            }
        }

        List<Long> rotated = new ArrayList<>();
        List<UnitSummary> communes = org.children(provinceId, COMMUNES_FORMED).stream()
                .filter(u -> u.type() == UnitType.UPPER_GRASSROOTS && u.code().matches(".*\\.[XP]\\d\\d")).toList();
        List<MemberSummary> rotationPool = pool(provinceId, COMMUNES_FORMED, 40, 50, 60);
        for (int c = 0; c < communes.size(); c++) {
            UnitSummary u = communes.get(c);
            String title = u.name().substring("Đảng bộ ".length());
            // formed by appointment on 1/7/2025 for the rest of the 2020–2025 term (HD 31-HD/BTCTW)
            long appointed = act(new CadreAct.OpenTerm(u.id(), "2020–2025", COMMUNES_FORMED, COMMUNE_CONGRESS, false, null,
                    null, null, decision("QĐ/TU", board, COMMUNES_FORMED.minusDays(3))));
            List<MemberSummary> pool = pool(u.id(), COMMUNES_FORMED, 30, 56, 120);
            Long rotatedSecretary = null;
            if (c % 15 == 2 && rotated.size() < 3) {
                MemberSummary r = take(rotationPool, any());
                rotatedSecretary = r.id();
                rotated.add(r.id());
                act(new CadreAct.StartRotation(r.id(), RotationKind.ROTATION, r.unitId(), u.id(), "Bí thư Đảng ủy " + title,
                        COMMUNES_FORMED, COMMUNES_FORMED.plusYears(3), null, decision("QĐ/TU", board, COMMUNES_FORMED.minusDays(10))));
                pool.addFirst(r);
            }
            int size = 17 + random.nextInt(6);
            committee(appointed, pool, size, COMMUNES_FORMED, SeatEntry.APPOINTED,
                    decision("QĐ/TU", board, COMMUNES_FORMED.minusDays(3)), 6, 2);
            List<Long> first = seatMembers(appointed);
            // the first congress of the new commune, September 2025
            long elected = act(new CadreAct.OpenTerm(u.id(), "2025–2030", COMMUNE_CONGRESS, COMMUNE_CONGRESS.plusYears(5), true,
                    "Đại hội đại biểu Đảng bộ " + title + " lần thứ I", COMMUNE_CONGRESS, 120 + random.nextInt(100),
                    decision("QĐ/TU", board, COMMUNE_CONGRESS.plusDays(5))));
            List<MemberSummary> again = new ArrayList<>();
            List<MemberSummary> others = new ArrayList<>();
            for (MemberSummary m : pool) {
                boolean keep = rotatedSecretary != null && m.id() == rotatedSecretary || random.nextInt(100) < 85;
                if (first.contains(m.id()) && keep && onRoll(m.id(), COMMUNE_CONGRESS)) {
                    again.add(m);
                } else if (!first.contains(m.id())) {
                    others.add(m);
                }
            }
            again.sort(java.util.Comparator.comparingInt(m -> first.indexOf(m.id())));
            List<MemberSummary> ordered = new ArrayList<>(again);
            int size2 = 15 + random.nextInt(4);
            while (ordered.size() > size2) ordered.removeLast();
            while (ordered.size() < size2 && !others.isEmpty()) ordered.add(others.removeFirst());
            committee(elected, ordered, ordered.size(), COMMUNE_CONGRESS, SeatEntry.ELECTED,
                    new DecisionRef("01-NQ/ĐH", COMMUNE_CONGRESS, "Đại hội đại biểu Đảng bộ " + title + " lần thứ I"), 5, 2);
            List<Long> people = seatMembers(elected);
            communeTitles(u, title, first, people, board);
        }
        return rotated;
    }

    private void communeTitles(UnitSummary u, String title, List<Long> appointedCommittee, List<Long> people, String board) {
        DecisionRef designation = decision("QĐ/TU", board, COMMUNES_FORMED.minusDays(3));
        DecisionRef election = new DecisionRef("02-NQ/ĐH", COMMUNE_CONGRESS, "Ban Chấp hành Đảng bộ " + title);
        DecisionRef council = new DecisionRef("01-NQ/HĐND", COMMUNES_FORMED, "Hội đồng nhân dân " + title);
        // the designated secretary until the congress, then the elected one
        long designated = appoint(u.id(), "UPPER_GRASSROOTS.SECRETARY", appointedCommittee.get(0), IncumbencyKind.DESIGNATED,
                COMMUNES_FORMED, COMMUNE_CONGRESS, designation);
        act(new CadreAct.EndIncumbency(designated, IncumbencyEnd.TERM_ENDED, COMMUNE_CONGRESS, null, election));
        appoint(u.id(), "UPPER_GRASSROOTS.SECRETARY", people.get(0), IncumbencyKind.ELECTED, COMMUNE_CONGRESS, null, election);
        appoint(u.id(), "UPPER_GRASSROOTS.DEPUTY_SECRETARY", people.get(1), IncumbencyKind.ELECTED, COMMUNE_CONGRESS, null, election);
        appoint(u.id(), "UPPER_GRASSROOTS.DEPUTY_SECRETARY", people.get(2), IncumbencyKind.ELECTED, COMMUNE_CONGRESS, null, election);
        appoint(u.id(), "UPPER_GRASSROOTS.COUNCIL_CHAIR", people.get(1), IncumbencyKind.ELECTED, COMMUNES_FORMED,
                LocalDate.of(2031, 6, 30), council);
        appoint(u.id(), "UPPER_GRASSROOTS.COMMITTEE_CHAIR", people.get(2), IncumbencyKind.ELECTED, COMMUNES_FORMED,
                LocalDate.of(2031, 6, 30), council);
        appoint(u.id(), "UPPER_GRASSROOTS.COMMITTEE_VICE_CHAIR", people.get(5), IncumbencyKind.ELECTED, COMMUNES_FORMED,
                LocalDate.of(2031, 6, 30), council);
        appoint(u.id(), "UPPER_GRASSROOTS.BUILDING_HEAD", people.get(3), IncumbencyKind.DESIGNATED, COMMUNES_FORMED,
                COMMUNE_CONGRESS.plusYears(5), designation);
        appoint(u.id(), "UPPER_GRASSROOTS.INSPECTION_HEAD", people.get(4), IncumbencyKind.ELECTED, COMMUNE_CONGRESS, null, election);
        // Front and mass organisations: some chairs still to be filled (kiện toàn)
        List<String> mass = List.of("UPPER_GRASSROOTS.FRONT_CHAIR", "UPPER_GRASSROOTS.YOUTH_SECRETARY",
                "UPPER_GRASSROOTS.WOMEN_CHAIR", "UPPER_GRASSROOTS.FARMERS_CHAIR", "UPPER_GRASSROOTS.VETERANS_CHAIR");
        int i = 6;
        for (String t : mass) {
            if (random.nextInt(100) < 70 && i < people.size()) {
                appoint(u.id(), t, people.get(i++), IncumbencyKind.ELECTED, COMMUNES_FORMED, LocalDate.of(2030, 7, 1),
                        new DecisionRef("01-NQ/ĐH", COMMUNES_FORMED, "Đại hội " + title));
            }
        }
        training(people.subList(0, Math.min(6, people.size())), false);
    }

    // ---- planning --------------------------------------------------------------------------------------------

    private void planning(long provinceId, Province ls, List<Long> rotated) {
        String board = "Ban Thường vụ Tỉnh ủy Lam Sơn";
        DecisionRef p2023 = decision("QĐ/TU", board, PLANNING_2023);
        DecisionRef p2026 = decision("QĐ/TU", board, PLANNING_2026);
        // the province's own titles: candidates from the committee and the appointed officials, not holding them
        List<MemberSummary> young = pool(provinceId, PLANNING_2026, 36, 47, 200);
        List<MemberSummary> middle = pool(provinceId, PLANNING_2023, 42, 52, 200);
        Map<String, Integer> counts2030 = Map.of("PROVINCIAL.ORGANISATION_HEAD", 2, "PROVINCIAL.INSPECTION_HEAD", 3,
                "PROVINCIAL.COMMITTEE_VICE_CHAIR", 3, "PROVINCIAL.FRONT_CHAIR", 2, "PROVINCIAL.OFFICE_CHIEF", 2,
                "PROVINCIAL.YOUTH_SECRETARY", 1, "PROVINCIAL.WOMEN_CHAIR", 2, "PROVINCIAL.STANDING_MEMBER", 3);
        Long reprimanded = null;
        for (var e : new java.util.TreeMap<>(counts2030).entrySet()) {
            for (int n = 0; n < e.getValue(); n++) {
                Predicate<MemberSummary> ok = m -> m.birthDate().getYear() >= 1978
                        && (!e.getKey().equals("PROVINCIAL.WOMEN_CHAIR") || m.gender() == Gender.FEMALE);
                MemberSummary m = take(young, ok);
                act(new CadreAct.AddToPlan("LOCAL_2030_2035", provinceId, e.getKey(), m.id(), PLANNING_2026, p2026));
                if (reprimanded == null && e.getKey().equals("PROVINCIAL.INSPECTION_HEAD")) {
                    reprimanded = m.id();
                }
            }
        }
        Map<String, Integer> counts2025 = Map.of("PROVINCIAL.ORGANISATION_HEAD", 3, "PROVINCIAL.INSPECTION_HEAD", 2,
                "PROVINCIAL.COMMITTEE_VICE_CHAIR", 3, "PROVINCIAL.FRONT_CHAIR", 2, "PROVINCIAL.OFFICE_CHIEF", 2,
                "PROVINCIAL.DEPARTMENT_DIRECTOR", 3, "PROVINCIAL.STANDING_MEMBER", 3);
        // one man born early in 1969: a full term of age from 1/10/2025 when planned, no longer counted from today
        List<MemberSummary> older = pool(provinceId, PLANNING_2023, 54, 54, 300);
        boolean overAge = false;
        Predicate<MemberSummary> youngEnough = m -> m.birthDate().getYear() >= (m.gender() == Gender.MALE ? 1971 : 1974);
        for (var e : new java.util.TreeMap<>(counts2025).entrySet()) {
            for (int n = 0; n < e.getValue(); n++) {
                Predicate<MemberSummary> early1969 = x -> x.gender() == Gender.MALE && x.birthDate().getYear() == 1969
                        && x.birthDate().getMonthValue() >= 2 && x.birthDate().getMonthValue() <= 6;
                MemberSummary m = !overAge && older.stream().anyMatch(early1969) ? take(older, early1969) : take(middle, youngEnough);
                overAge = true;
                act(new CadreAct.AddToPlan("LOCAL_2025_2030", provinceId, e.getKey(), m.id(), PLANNING_2023, p2023));
            }
        }
        // communes' key titles, managed by the province: the commune's own deputies and committee members
        for (UnitSummary u : org.children(provinceId, PLANNING_2026).stream()
                .filter(x -> x.type() == UnitType.UPPER_GRASSROOTS && x.code().matches(".*\\.[XP]\\d\\d")).toList()) {
            // members of the commune who hold no title there yet (those on its committees are in other posts)
            List<MemberSummary> candidates = new ArrayList<>(pool(u.id(), PLANNING_2026, 32, 48, 80).stream()
                    .filter(m -> m.birthDate().getYear() >= 1978).toList());
            for (String t : List.of("UPPER_GRASSROOTS.SECRETARY", "UPPER_GRASSROOTS.COMMITTEE_CHAIR")) {
                int n = 1 + random.nextInt(2);
                for (int k = 0; k < n && !candidates.isEmpty(); k++) {
                    MemberSummary m = candidates.removeFirst();
                    used.add(m.id());
                    act(new CadreAct.AddToPlan("LOCAL_2030_2035", u.id(), t, m.id(), PLANNING_2026, p2026));
                }
            }
        }
        // a planned cadre reprimanded in 2026: the annual review proposes the removal
        if (reprimanded != null) {
            members.apply(new MemberAct.Discipline(reprimanded, DisciplineForm.REPRIMAND, LocalDate.of(2026, 9, 14),
                    new DecisionRef("31-QĐ/UBKTTU", LocalDate.of(2026, 9, 14), "Ủy ban Kiểm tra Tỉnh ủy Lam Sơn")));
            acts++;
        }
        training(rotated, true);
    }

    // ---- leaders in the annual review -------------------------------------------------------------------------

    /**
     * The review of 2024 rates the leaders too (cá nhân cán bộ lãnh đạo, quản lý): the secretaries, deputies and
     * chairs of the districts, decided by the provincial standing board, so their files show ratings as leaders.
     * Runs when the campaign of 2024 has no leader yet.
     */
    private void leaderRatings(long lamSon) {
        Evaluations ev = evaluations.getIfAvailable();
        if (ev == null) {
            return;
        }
        var campaign = ev.campaignCovering(lamSon, Period.year(2024)).orElse(null);
        if (campaign == null || !ev.ratings(campaign.id(), lamSon, SubjectKind.LEADER).isEmpty()) {
            return;
        }
        LocalDate roll = campaign.rollDate();
        DecisionRef decision = new DecisionRef("1520-QĐ/TU", LocalDate.of(2025, 1, 20), "Ban Thường vụ Tỉnh ủy Lam Sơn");
        List<EvaluationAct.DecisionItem> items = new ArrayList<>();
        List<EvaluationAct.Proposal> proposals = new ArrayList<>();
        for (UnitSummary d : org.children(lamSon, roll)) {
            if (d.type() != UnitType.UPPER_GRASSROOTS || !d.code().matches(".*\\.H\\d\\d")) continue;
            for (var post : cadres.posts(d.id(), roll).posts()) {
                for (var holder : post.holders()) {
                    // only those on the province's roll at the end of 2024 are rated there
                    boolean inProvince = members.stateOn(holder.memberId(), roll).filter(st -> st.status().onRoll())
                            .flatMap(st -> org.unit(st.unitId(), roll))
                            .map(u -> u.ancestors().stream().anyMatch(a -> a.id() == lamSon)).orElse(false);
                    if (!inProvince) continue;
                    long rating = ev.apply(new EvaluationAct.AddLeader(campaign.id(), holder.memberId(), d.id(),
                            post.title().name() + " " + d.shortName().substring(d.shortName().indexOf(' ') + 1)));
                    // one in seven excellent: within the quota of HTXSNV ≤ 20 % of HTTNV (QĐ 124 Art. 12)
                    RatingLevel level = items.size() % 7 == 3 ? RatingLevel.EXCELLENT : RatingLevel.GOOD;
                    proposals.add(new EvaluationAct.Proposal(rating, level, null, level, null, null, null));
                    items.add(EvaluationAct.DecisionItem.asProposed(rating));
                    acts += 3;
                }
            }
        }
        if (!items.isEmpty()) {
            ev.apply(new EvaluationAct.Propose(proposals));
            ev.apply(new EvaluationAct.Decide(items, decision));
        }
        log.info("Demo data: {} district leaders rated for 2024", items.size());
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    /**
     * Seats the first {@code size} people: a secretary, {@code deputies} deputies, {@code standing} standing
     * members (deputies included in the count of the standing board), the rest members. Returns the seat ids.
     */
    private List<Long> committee(long termId, List<MemberSummary> people, int size, LocalDate on, SeatEntry entry,
                                 DecisionRef decision, int standing, int deputies) {
        List<Long> seats = new ArrayList<>();
        List<MemberSummary> chosen = new ArrayList<>();
        for (MemberSummary m : people) {
            if (chosen.size() == size) break;
            if (chosen.stream().noneMatch(c -> c.id() == m.id()) && onRoll(m.id(), on)) chosen.add(m);
        }
        for (int i = 0; i < chosen.size(); i++) {
            CommitteeRole role = i == 0 ? CommitteeRole.SECRETARY : i <= deputies ? CommitteeRole.DEPUTY_SECRETARY
                    : i < standing ? CommitteeRole.STANDING : CommitteeRole.MEMBER;
            used.add(chosen.get(i).id());
            seats.add(act(new CadreAct.JoinCommittee(termId, chosen.get(i).id(), role, entry, on, decision)));
        }
        return seats;
    }

    private List<Long> seatMembers(long termId) {
        var term = cadres.term(termId).orElseThrow();
        return cadres.committee(termId, term.startsOn()).members().stream().map(s -> s.memberId()).toList();
    }

    private long appoint(long unitId, String title, long memberId, IncumbencyKind kind, LocalDate on, LocalDate termEnds,
                         DecisionRef decision) {
        return act(new CadreAct.Appoint(unitId, title, memberId, kind, on, termEnds, null, decision));
    }

    /**
     * Full members of the subtree aged {@code from}–{@code to} on the date, shuffled: small pages drawn at
     * random across the whole list (the list is in name order; one page would be all one surname).
     */
    private List<MemberSummary> pool(long unitId, LocalDate on, int from, int to, int size) {
        MemberFilter filter = new MemberFilter(MemberStatus.FULL, null, from, to, null, null, null, false);
        int pageSize = 20;
        var first = members.list(unitId, on, filter, 0, pageSize);
        List<MemberSummary> rows = new ArrayList<>(first.rows());
        int pages = (int) ((first.total() + pageSize - 1) / pageSize);
        List<Integer> order = new ArrayList<>();
        for (int i = 1; i < pages; i++) order.add(i);
        Collections.shuffle(order, random);
        for (int i = 0; i < order.size() && rows.size() < size; i++) {
            rows.addAll(members.list(unitId, on, filter, order.get(i), pageSize).rows());
        }
        // women past about 51 reach retirement age (55 years 4 months and rising) within the term: not chosen
        rows.removeIf(m -> used.contains(m.id()) || m.gender() == Gender.FEMALE && age(m, on) > 51);
        Collections.shuffle(rows, random);
        return rows;
    }

    @SafeVarargs
    private MemberSummary take(List<MemberSummary> pool, Predicate<MemberSummary>... preferences) {
        for (Predicate<MemberSummary> p : preferences) {
            for (int i = 0; i < pool.size(); i++) {
                MemberSummary m = pool.get(i);
                if (!used.contains(m.id()) && p.test(m)) {
                    pool.remove(i);
                    used.add(m.id());
                    return m;
                }
            }
        }
        throw new IllegalStateException("demo cadres: no member left in the pool");
    }

    private static Predicate<MemberSummary> any() {
        return m -> true;
    }

    /**
     * Young enough for a first appointment decided on the day (a margin over QĐ 80's "enough age for the
     * whole appointment term": men up to 56, women up to 52), and on the roll from the decision to the start
     * of the post (the pool is drawn earlier: its members may have moved away or died since).
     */
    private Predicate<MemberSummary> appointable(LocalDate on) {
        return m -> m.birthDate().getYear() >= on.getYear() - (m.gender() == Gender.MALE ? 56 : 52)
                && onRoll(m.id(), on) && onRoll(m.id(), on.plusDays(14));
    }

    private static long removeFirst(List<Long> from, Predicate<Long> test) {
        for (int i = 0; i < from.size(); i++) {
            if (test.test(from.get(i))) {
                return from.remove(i);
            }
        }
        throw new IllegalStateException("demo cadres: nobody left for a title");
    }

    private static Predicate<MemberSummary> female() {
        return m -> m.gender() == Gender.FEMALE;
    }

    private boolean onRoll(long memberId, LocalDate on) {
        return members.stateOn(memberId, on).map(s -> s.status().onRoll()).orElse(false);
    }

    private static int age(MemberSummary m, LocalDate on) {
        return java.time.Period.between(m.birthDate(), on).getYears();
    }

    private void training(List<Long> people, boolean provincial) {
        for (Long id : people) {
            int year = 2008 + random.nextInt(10);
            act(new CadreAct.RecordTraining(id, TrainingKind.POLITICAL_THEORY, provincial ? "CAO_CAP" : "TRUNG_CAP",
                    provincial ? "Cao cấp lý luận chính trị" : "Trung cấp lý luận chính trị – hành chính",
                    provincial ? "Học viện Chính trị quốc gia Hồ Chí Minh" : "Trường Chính trị tỉnh Lam Sơn",
                    LocalDate.of(year, 9, 5), LocalDate.of(year + 1, 12, 20), null));
            act(new CadreAct.RecordTraining(id, TrainingKind.STATE_MANAGEMENT, provincial ? "CHUYEN_VIEN_CAO_CAP" : "CHUYEN_VIEN",
                    provincial ? "Bồi dưỡng kiến thức quản lý nhà nước ngạch chuyên viên cao cấp" : "Bồi dưỡng ngạch chuyên viên",
                    "Học viện Hành chính quốc gia", LocalDate.of(year + 2, 3, 1), LocalDate.of(year + 2, 6, 30), null));
            if (provincial && random.nextBoolean()) {
                act(new CadreAct.RecordTraining(id, TrainingKind.DEGREE, "Thạc sĩ", "Thạc sĩ Quản lý kinh tế",
                        "Trường Đại học Kinh tế quốc dân", LocalDate.of(year - 4, 10, 1), LocalDate.of(year - 2, 6, 15),
                        "QLKT-" + (1000 + random.nextInt(9000))));
            }
            if (provincial) {
                act(new CadreAct.RecordTraining(id, TrainingKind.COURSE, null,
                        "Bồi dưỡng cán bộ lãnh đạo, quản lý diện Ban Thường vụ Tỉnh ủy quản lý", "Trường Chính trị tỉnh Lam Sơn",
                        LocalDate.of(2024, 5, 6), LocalDate.of(2024, 6, 28), null));
            }
        }
    }

    private long act(CadreAct act) {
        acts++;
        return cadres.apply(act);
    }

    /** A decision numbered in sequence per issuing body and year. */
    private DecisionRef decision(String suffix, String body, LocalDate date) {
        int n = numbers.merge(body + "|" + date.getYear(), 1, Integer::sum);
        return new DecisionRef((suffix.equals("QĐ/TW") ? 1000 : 300) + n * 3 + "-" + suffix, date, body);
    }
}
