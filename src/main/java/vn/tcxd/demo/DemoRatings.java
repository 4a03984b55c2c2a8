package vn.tcxd.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.tcxd.evaluations.EvaluationAct;
import vn.tcxd.evaluations.Evaluations;
import vn.tcxd.evaluations.Period;
import vn.tcxd.evaluations.RatingHistoryWriter;
import vn.tcxd.evaluations.RatingHistoryWriter.Decided;
import vn.tcxd.evaluations.RatingHistoryWriter.Subject;
import vn.tcxd.evaluations.RatingLevel;
import vn.tcxd.evaluations.RatingScheme;
import vn.tcxd.evaluations.RatingStatus;
import vn.tcxd.evaluations.SubjectKind;
import vn.tcxd.shared.DecisionRef;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The demo ratings of Lam Sơn: 2011 under HD 20-HD/BTCTW (2008) and 2018–2024 under QĐ 132 / QĐ 124,
 * consistent with the rules. Each year's campaign is opened through the facade (its subjects as at
 * 31/12), the levels are computed in memory from a fixed seed and written decided in bulk through
 * {@link RatingHistoryWriter} (one RatingsChanged per year):
 * <ul>
 *   <li>members: a stable "quality" per member plus a yearly draw, so that some are excellent five
 *       years running and a few fail two years running; disciplined in the year → the failed level
 *       (HD 16/21); then HTXSNV ≤ the scheme's quota × HTTNV in each quota group (floor: the excess
 *       with the lowest draws is demoted to HTTNV);</li>
 *   <li>organisations bottom-up after their members and subordinate organisations: "good" or better
 *       only when 100 % of them are at least "completed" and ≥ 50 % at least "good"; "failed" when
 *       more than 20 % of a cell's members failed; not "excellent" with a member disciplined below;
 *       then the quota per group; leadership collectives follow their organisation.</li>
 * </ul>
 * Shares of 2021 resemble seed 000 where the rules allow (members of those rated ≈ 13 % HTXSNV after
 * the quota, ≈ 67 % HTTNV, ≈ 19 % HTNV, < 1 % KHTNV; organisations' HTXSNV is held to 20 % of their
 * HTTNV by the quota on organisations).
 */
@Component
class DemoRatings {

    private static final Logger log = LoggerFactory.getLogger(DemoRatings.class);

    static final List<Integer> YEARS = List.of(2011, 2018, 2019, 2020, 2021, 2022, 2023, 2024);
    private static final long SEED = 20_211_231L;

    private final ObjectProvider<Evaluations> evaluations;
    private final ObjectProvider<RatingHistoryWriter> writer;

    DemoRatings(ObjectProvider<Evaluations> evaluations, ObjectProvider<RatingHistoryWriter> writer) {
        this.evaluations = evaluations;
        this.writer = writer;
    }

    /** Loads the years not loaded yet (a year is loaded when Lam Sơn has its campaign). */
    void load(long lamSon) {
        Evaluations facade = evaluations.getIfAvailable();
        RatingHistoryWriter bulk = writer.getIfAvailable();
        if (facade == null || bulk == null) {
            log.info("Demo data: no evaluations module in this build, demo ratings skipped");
            return;
        }
        long started = System.nanoTime();
        int total = 0;
        for (int year : YEARS) {
            Period period = Period.year(year);
            if (facade.campaignCovering(lamSon, period).isPresent()) continue;
            long yearStarted = System.nanoTime();
            long campaignId = facade.apply(new EvaluationAct.OpenCampaign(lamSon, period));
            long opened = System.nanoTime();
            RatingScheme scheme = facade.schemeFor(period);
            List<Subject> subjects = bulk.subjects(campaignId);
            List<Decided> decided = new Year(scheme, year, subjects).decide();
            total += bulk.decide(campaignId, decided, "demo");
            log.info("Demo data: ratings {} ({}): {} subjects, {} decided; opened in {} ms, decided in {} ms", year,
                    scheme.code(), subjects.size(), decided.size(), (opened - yearStarted) / 1_000_000,
                    (System.nanoTime() - opened) / 1_000_000);
        }
        if (total > 0) {
            log.info("Demo data: {} ratings of Lam Sơn decided in {} ms", total, (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** A stable quality in [0, 1) per member (or unit): the same person tends to the same level each year. */
    static double quality(long id) {
        long h = id * 0x9E3779B97F4A7C15L + SEED;
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 29;
        return (h >>> 11) / (double) (1L << 53);
    }

    /** The levels of one campaign, computed in memory. */
    static final class Year {

        private final RatingScheme scheme;
        private final int year;
        private final List<Subject> subjects;
        private final Random random;
        /** rating id → rank 1–4 (decided), and the draw the quota demotes by (lowest first). */
        private final Map<Long, Integer> rank = new HashMap<>();
        private final Map<Long, Double> draw = new HashMap<>();

        Year(RatingScheme scheme, int year, List<Subject> subjects) {
            this.scheme = scheme;
            this.year = year;
            this.subjects = subjects;
            this.random = new Random(SEED + year);
        }

        /** Shares of ranks 1–3 of the members rated (the rest fail), improving a little each year since 2018. */
        private double[] memberShares() {
            if (year < 2018) return new double[]{0.15, 0.74, 0.105};
            double excellent = 0.14 + 0.004 * (year - 2018);
            return new double[]{excellent, 0.805 - excellent, 0.19};
        }

        /** Ranks by quantile of the draws, best first: exactly the shares, whoever draws best. */
        private void rankByQuantile(List<Subject> group, double[] shares) {
            List<Subject> sorted = new ArrayList<>(group);
            sorted.sort(Comparator.comparingDouble((Subject s) -> draw.get(s.ratingId())).reversed());
            int n = sorted.size();
            for (int i = 0; i < n; i++) {
                double at = (i + 0.5) / n;
                int r = at < shares[0] ? 1 : at < shares[0] + shares[1] ? 2 : at < shares[0] + shares[1] + shares[2] ? 3 : 4;
                rank.put(sorted.get(i).ratingId(), r);
            }
        }

        List<Decided> decide() {
            List<Subject> members = subjects.stream().filter(s -> s.status().isOpen() && s.kind().isPerson()).toList();
            for (Subject s : members) {
                // a stable quality plus a small yearly draw: the same members tend to the same level each year
                draw.put(s.ratingId(), quality(s.memberId()) + random.nextGaussian() * 0.15);
            }
            rankByQuantile(members, memberShares());
            for (Subject s : members) {
                // a few members fail most years (the removal list: two years running)
                if (quality(s.memberId()) < 0.002 && random.nextInt(10) < 6) rank.put(s.ratingId(), 4);
                // HD 16/21-HD/BTCTW: a member disciplined during the year is rated at the failed level
                if (s.disciplined()) rank.put(s.ratingId(), 4);
            }
            quota(members);
            organisations();
            return decisions();
        }

        /** HTXSNV ≤ quota × HTTNV in each quota group: the excess with the lowest draws becomes HTTNV. */
        private void quota(List<Subject> group) {
            if (scheme.quota() == null) return;
            Map<String, List<Subject>> groups = new HashMap<>();
            for (Subject s : group) {
                if (rank.containsKey(s.ratingId())) groups.computeIfAbsent(s.quotaGroup(), k -> new ArrayList<>()).add(s);
            }
            for (List<Subject> g : groups.values()) {
                int excellent = 0;
                int good = 0;
                for (Subject s : g) {
                    int r = rank.get(s.ratingId());
                    if (r == 1) excellent++;
                    if (r == 2) good++;
                }
                if (excellent <= scheme.quota().allowed(good)) continue;
                List<Subject> top = new ArrayList<>(g.stream().filter(s -> rank.get(s.ratingId()) == 1).toList());
                top.sort(Comparator.comparingDouble(s -> draw.get(s.ratingId())));
                for (Subject s : top) {
                    if (excellent <= scheme.quota().allowed(good)) break;
                    rank.put(s.ratingId(), 2);
                    excellent--;
                    good++;
                }
            }
        }

        /** Organisations bottom-up, then their collectives, then the quota of the organisations. */
        private void organisations() {
            Map<Long, List<Subject>> membersOfCell = new HashMap<>();
            Map<Long, List<Subject>> orgsUnder = new HashMap<>();
            Map<Long, Boolean> disciplineBelow = new HashMap<>();
            List<Subject> orgs = new ArrayList<>();
            Map<Long, Subject> orgOfUnit = new HashMap<>();
            for (Subject s : subjects) {
                if (s.kind() == SubjectKind.MEMBER) {
                    membersOfCell.computeIfAbsent(s.unitId(), k -> new ArrayList<>()).add(s);
                    if (s.disciplined()) disciplineBelow.put(s.unitId(), true);
                } else if (s.kind() == SubjectKind.ORGANISATION) {
                    orgs.add(s);
                    orgOfUnit.put(s.unitId(), s);
                    if (s.parentUnitId() != null) orgsUnder.computeIfAbsent(s.parentUnitId(), k -> new ArrayList<>()).add(s);
                }
            }
            orgs.sort(Comparator.comparingInt(Subject::depth).reversed());
            // since 2018 organisations fail only when the rules make them (a cell with too many members failed);
            // HD 20 has no such rule: about 1 % "yếu kém" (seed 002: 6 of 920 TCCSĐ)
            double[] shares = year < 2018 ? new double[]{0.20, 0.62, 0.17} : new double[]{0.15, 0.67, 0.18};
            for (Subject o : orgs) {
                boolean cell = "CELL".equals(o.unitType()) || "GRASSROOTS_CELL".equals(o.unitType());
                List<Subject> below = new ArrayList<>(cell ? membersOfCell.getOrDefault(o.unitId(), List.of())
                        : orgsUnder.getOrDefault(o.unitId(), List.of()));
                boolean disciplined = disciplineBelow.getOrDefault(o.unitId(), false);
                for (Subject child : orgsUnder.getOrDefault(o.unitId(), List.of())) {
                    if (disciplineBelow.getOrDefault(child.unitId(), false)) disciplined = true;
                }
                if (disciplined && o.parentUnitId() != null) disciplineBelow.put(o.parentUnitId(), true);
                if (!o.status().isOpen()) continue;
                double q = quality(o.unitId() + 7L * year);
                double p = 1 - q;
                int r = p < shares[0] ? 1 : p < shares[0] + shares[1] ? 2 : p < shares[0] + shares[1] + shares[2] || year >= 2018 ? 3 : 4;
                int rated = 0;
                int pass = 0;
                int good = 0;
                int failed = 0;
                for (Subject b : below) {
                    Integer br = rank.get(b.ratingId());
                    if (br == null) continue;
                    rated++;
                    if (br <= 3) pass++;
                    if (br <= 2) good++;
                    if (br == 4) failed++;
                }
                // HD 16/21: "good" or better only when 100 % of members (subordinates) are at least
                // "completed" and at least 50 % "good"
                if (scheme.orgGoodPassPct() != null && r <= 2 && (rated == 0
                        || pass * 100 < scheme.orgGoodPassPct() * rated || good * 100 < scheme.orgGoodGoodPct() * rated)) {
                    r = 3;
                }
                // a cell with more than orgFailMemberPct % of its members failed fails
                if (cell && scheme.orgFailMemberPct() != null && rated > 0 && failed * 100 > scheme.orgFailMemberPct() * rated) {
                    r = 4;
                }
                if (r == 1 && scheme.orgExcellentNoDiscipline() && disciplined) r = 2;
                rank.put(o.ratingId(), r);
                draw.put(o.ratingId(), q);
            }
            for (Subject s : subjects) {
                if (s.kind() != SubjectKind.COLLECTIVE || !s.status().isOpen()) continue;
                Subject org = orgOfUnit.get(s.unitId());
                Integer r = org == null ? null : rank.get(org.ratingId());
                rank.put(s.ratingId(), r == null ? 2 : r);
                draw.put(s.ratingId(), quality(s.unitId() + 11L * year));
            }
            if (scheme.quota() != null && scheme.quota().organisations()) {
                quota(subjects.stream().filter(s -> !s.kind().isPerson() && s.status().isOpen()).toList());
            }
        }

        private List<Decided> decisions() {
            Map<Long, String> suffix = new HashMap<>();
            for (Subject s : subjects) {
                if (s.kind() == SubjectKind.ORGANISATION) {
                    suffix.put(s.unitId(), switch (s.unitType()) {
                        case "PROVINCIAL" -> "QĐ/TU";
                        case "UPPER_GRASSROOTS" -> "QĐ/HU";
                        default -> "QĐ/ĐU";
                    });
                }
            }
            Map<Long, DecisionRef> byDecider = new HashMap<>();
            List<Decided> result = new ArrayList<>();
            for (Subject s : subjects) {
                Integer r = rank.get(s.ratingId());
                if (r == null || s.status() == RatingStatus.NOT_RATED) continue;
                DecisionRef decision = byDecider.computeIfAbsent(s.deciderId(), d -> new DecisionRef(
                        (10 + Math.floorMod(d * 31 + year, 60)) + "-" + suffix.getOrDefault(d, "QĐ/TW"),
                        LocalDate.of(year + 1, 1, 8 + Math.floorMod(d, 18)), body(s)));
                RatingLevel level = scheme.level(s.kind(), r);
                // the subject's own proposal is a level better now and then; the cell proposes what is decided
                int selfRank = r > 1 && Math.floorMod(s.ratingId(), 9) == 0 ? r - 1 : r;
                result.add(new Decided(s.ratingId(), scheme.level(s.kind(), selfRank), level, level, decision));
            }
            return result;
        }

        /** "Ban Thường vụ Đảng ủy xã …" for the committee that decides. */
        private static String body(Subject s) {
            String name = s.deciderName() == null ? "cấp ủy" : s.deciderName();
            return "Ban Thường vụ " + (name.startsWith("Đảng bộ ") ? "Đảng ủy " + name.substring("Đảng bộ ".length()) : name);
        }
    }
}
