package vn.tcxd.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tcxd.members.AdmissionRules;
import vn.tcxd.members.BadgeAwardWriter;
import vn.tcxd.members.BadgeRules;
import vn.tcxd.members.DeadlineRules;
import vn.tcxd.members.MemberFilter;
import vn.tcxd.members.MemberHistoryRejected;
import vn.tcxd.members.MemberHistoryResult;
import vn.tcxd.members.MemberHistoryWriter;
import vn.tcxd.members.Members;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.security.Accounts;
import vn.tcxd.security.Role;
import vn.tcxd.security.ScopeGrant;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Loads the demo tree on first start (nothing happens when unit {@code TW} exists), then the demo
 * members when Lam Sơn has none (see {@link DemoMembers}), and creates the demo accounts that are
 * missing. The tree is built in one transaction and the members in another, so a failed load
 * leaves nothing half-written and the next start tries again.
 */
@Component
@Order(10)
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private record DemoAccount(String username, String displayName, String unitCode, Role role) {
    }

    private static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("bt.lamson", "Cán bộ Ban Tổ chức Tỉnh ủy Lam Sơn", "LS", Role.STAFF),
            new DemoAccount("xem.lamson", "Người xem Tỉnh ủy Lam Sơn", "LS", Role.VIEWER),
            new DemoAccount("bt.hoagiang", "Cán bộ Ban Tổ chức Tỉnh ủy Hòa Giang", "HG", Role.STAFF));

    /** Share of the members due a badge on a past occasion who received it then. */
    private static final int BADGE_SHARE_PERCENT = 85;

    private final OrgStructure orgStructure;
    private final ObjectProvider<Members> members;
    private final ObjectProvider<MemberHistoryWriter> memberWriter;
    private final ObjectProvider<DeadlineRules> deadlines;
    private final ObjectProvider<AdmissionRules> admissions;
    private final ObjectProvider<BadgeRules> badgeRules;
    private final ObjectProvider<BadgeAwardWriter> badgeWriter;
    private final Clock clock;
    private final ObjectProvider<Accounts> accounts;
    private final ObjectProvider<DemoRatings> ratings;
    private final ObjectProvider<DemoCadres> cadres;
    private final ObjectProvider<DemoVotes> votes;
    private final TransactionTemplate transaction;
    private final boolean enabled;
    private final String password;

    DemoDataLoader(OrgStructure orgStructure, ObjectProvider<Members> members,
                   ObjectProvider<MemberHistoryWriter> memberWriter, ObjectProvider<DeadlineRules> deadlines,
                   ObjectProvider<AdmissionRules> admissions, ObjectProvider<BadgeRules> badgeRules,
                   ObjectProvider<BadgeAwardWriter> badgeWriter, Clock clock, ObjectProvider<Accounts> accounts, ObjectProvider<DemoRatings> ratings, ObjectProvider<DemoCadres> cadres, ObjectProvider<DemoVotes> votes,
                   PlatformTransactionManager transactionManager,
                   @Value("${tcxd.demo.enabled:true}") boolean enabled,
                   @Value("${tcxd.demo.password:}") String password) {
        this.orgStructure = orgStructure;
        this.members = members;
        this.memberWriter = memberWriter;
        this.deadlines = deadlines;
        this.admissions = admissions;
        this.badgeRules = badgeRules;
        this.badgeWriter = badgeWriter;
        this.clock = clock;
        this.accounts = accounts;
        this.ratings = ratings;
        this.cadres = cadres;
        this.votes = votes;
        this.transaction = new TransactionTemplate(transactionManager);
        this.enabled = enabled;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        if (orgStructure.idOfCode("TW").isPresent() && orgStructure.idOfCode("LS").isEmpty()) {
            // a database with another tree, e.g. the generated national dataset (docs/performance.md)
            log.info("Demo data: unit TW exists but not the demo province LS: not the demo tree, demo data skipped");
            return;
        }
        if (orgStructure.idOfCode("TW").isPresent()) {
            log.info("Demo data: unit TW exists, tree not loaded again");
        } else {
            loadTree();
        }
        loadMembers();
        // after the members: each year's campaign rates the roll as at 31/12
        ratings.ifAvailable(r -> r.load(orgStructure.idOfCode("LS").orElseThrow()));
        // after the members: committees, titles and planning name members
        cadres.ifAvailable(c -> c.load(orgStructure.idOfCode("LS").orElseThrow(), orgStructure.idOfCode("HG").orElseThrow()));
        // after the cadres: the people voted on hold titles, the voters sit on committees
        votes.ifAvailable(v -> v.load(orgStructure.idOfCode("LS").orElseThrow()));
        createAccounts();
    }

    private void loadMembers() {
        Members registry = members.getIfAvailable();
        MemberHistoryWriter writer = memberWriter.getIfAvailable();
        DeadlineRules rules = deadlines.getIfAvailable();
        AdmissionRules admissionRules = admissions.getIfAvailable();
        if (registry == null || writer == null || rules == null || admissionRules == null) {
            log.info("Demo data: no member registry in this build, demo members skipped");
            return;
        }
        long lamSon = orgStructure.idOfCode("LS").orElseThrow(() -> new IllegalStateException("demo unit LS is missing"));
        long hoaGiang = orgStructure.idOfCode("HG").orElseThrow(() -> new IllegalStateException("demo unit HG is missing"));
        if (registry.list(lamSon, DemoMembers.REPORT_2021, MemberFilter.NONE, 0, 1).total() > 0) {
            log.info("Demo data: Lam Sơn has members, demo members not loaded again");
            return;
        }
        long started = System.nanoTime();
        DemoMembers.Built built = DemoMembers.build(rules, admissionRules, LocalDate.now(clock), writer.cells(lamSon),
                writer.cells(hoaGiang));
        long generated = System.nanoTime();
        log.info("Demo data: {} member histories generated in {} ms; {} probations could not end because no "
                        + "deadline rule set covers their ceremony date (before 1/11/2011)", built.histories().size(),
                (generated - started) / 1_000_000, built.withoutRecognitionRule());
        MemberHistoryResult result;
        try {
            result = writer.write(built.histories(), "demo", lamSon);
        } catch (MemberHistoryRejected e) {
            e.problems().stream().limit(20).forEach(p -> log.error("Demo member refused: {} step {} {} {} — {}",
                    p.index(), p.step(), p.messageKey(), p.args(), built.histories().get(p.index()).steps()));
            throw e;
        }
        log.info("Demo data: {} members ({} on Lam Sơn's roll on {}), {} events, {} states, {} transfers; "
                        + "generated in {} ms, written in {} ms", result.memberIds().size(), built.lsRoll2021(),
                DemoMembers.REPORT_2021, result.events(), result.states(), result.transfers(),
                (generated - started) / 1_000_000, (System.nanoTime() - generated) / 1_000_000);
        BadgeRules badges = badgeRules.getIfAvailable();
        BadgeAwardWriter awards = badgeWriter.getIfAvailable();
        if (badges != null && awards != null) {
            long awardsStarted = System.nanoTime();
            int lsAwards = awardPastBadges(registry, badges, awards, lamSon, "Ban Thường vụ Tỉnh ủy Lam Sơn");
            int hgAwards = awardPastBadges(registry, badges, awards, hoaGiang, "Ban Thường vụ Tỉnh ủy Hòa Giang");
            log.info("Demo data: {} past Party Badge awards in Lam Sơn, {} in Hòa Giang, in {} ms", lsAwards, hgAwards,
                    (System.nanoTime() - awardsStarted) / 1_000_000);
        }
    }

    /**
     * Past badge rounds (HD 01-HD/TW item 18): on every occasion since the first badge rule set, most
     * of the members then due receive their badge ({@link #BADGE_SHARE_PERCENT}); the others stay due
     * and come up again, so the list of the next occasion shows only those really due.
     */
    private int awardPastBadges(Members registry, BadgeRules badges, BadgeAwardWriter awards, long province, String body) {
        java.util.Random random = new java.util.Random(20161107L + province);
        LocalDate today = LocalDate.now(clock);
        // the first 30-year milestones of members admitted from 1977; years without a badge rule set have no occasions
        int first = 2007;
        int total = 0;
        int number = 0;
        for (int year = first; year <= today.getYear(); year++) {
            for (LocalDate occasion : badges.occasions(year)) {
                if (!occasion.isBefore(today)) {
                    return total;
                }
                List<Long> chosen = registry.badgeCandidates(province, occasion).stream()
                        .filter(c -> random.nextInt(100) < BADGE_SHARE_PERCENT)
                        .map(vn.tcxd.members.BadgeCandidate::memberId).toList();
                if (!chosen.isEmpty()) {
                    LocalDate decided = occasion.minusDays(10 + random.nextInt(10));
                    total += awards.awardOnOccasion(chosen, occasion,
                            new vn.tcxd.shared.DecisionRef((++number * 7 + 100) + "-QĐ/TU", decided, body), province);
                }
            }
        }
        return total;
    }

    private void loadTree() {
        long started = System.nanoTime();
        List<DemoStep> steps = DemoPlan.build();
        Map<String, Long> ids = new HashMap<>();
        Map<String, long[]> byKind = new TreeMap<>();
        transaction.executeWithoutResult(status -> {
            for (DemoStep step : steps) {
                long stepStarted = System.nanoTime();
                long id = orgStructure.apply(step.toReorganisation(ids));
                if (step.createdCode() != null) {
                    ids.put(step.createdCode(), id);
                }
                long[] kind = byKind.computeIfAbsent(step.getClass().getSimpleName(), k -> new long[2]);
                kind[0]++;
                kind[1] += System.nanoTime() - stepStarted;
            }
        });
        StringBuilder breakdown = new StringBuilder();
        byKind.forEach((kind, n) -> breakdown.append(' ').append(kind).append(' ').append(n[0]).append('/')
                .append(n[1] / 1_000_000).append("ms"));
        log.info("Demo data: {} reorganisations, {} units loaded in {} ms (count/time:{})", steps.size(), ids.size(),
                (System.nanoTime() - started) / 1_000_000, breakdown);
    }

    private void createAccounts() {
        Accounts available = accounts.getIfAvailable();
        if (available == null) {
            log.info("Demo data: no Accounts implementation in this build, demo accounts skipped");
            return;
        }
        String secret = password.isBlank() ? randomPassword() : password;
        List<String> lines = new ArrayList<>();
        for (DemoAccount account : ACCOUNTS) {
            if (available.find(account.username()).isPresent()) {
                lines.add(account.username() + " (đã có, mật khẩu giữ nguyên)");
                continue;
            }
            long unitId = orgStructure.idOfCode(account.unitCode()).orElseThrow(() ->
                    new IllegalStateException("demo unit " + account.unitCode() + " is missing"));
            available.create(account.username(), account.displayName(), secret, false,
                    List.of(new ScopeGrant(unitId, account.role())));
            lines.add(account.username() + "  " + account.role() + " trên " + account.unitCode());
        }
        boolean created = lines.stream().anyMatch(l -> !l.contains("đã có"));
        StringBuilder banner = new StringBuilder("\n==================== TÀI KHOẢN DEMO ====================\n");
        lines.forEach(l -> banner.append("  ").append(l).append('\n'));
        if (created) {
            banner.append("  Mật khẩu (chung cho các tài khoản mới): ").append(secret).append('\n');
        }
        banner.append("========================================================");
        log.info(banner.toString());
    }

    /** 4 groups of 4 letters and digits, with at least one upper-case letter, one lower-case and one digit. */
    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        String upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        String lower = "abcdefghijkmnpqrstuvwxyz";
        String digits = "23456789";
        String all = upper + lower + digits;
        StringBuilder result = new StringBuilder();
        for (int group = 0; group < 4; group++) {
            if (group > 0) {
                result.append('-');
            }
            for (int i = 0; i < 4; i++) {
                String from = group == 0 && i == 0 ? upper : group == 1 && i == 0 ? lower : group == 2 && i == 0 ? digits : all;
                result.append(from.charAt(random.nextInt(from.length())));
            }
        }
        return result.toString();
    }
}
