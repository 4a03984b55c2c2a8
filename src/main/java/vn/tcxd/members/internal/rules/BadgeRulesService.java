package vn.tcxd.members.internal.rules;

import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import vn.tcxd.members.BadgeEligibility;
import vn.tcxd.members.BadgeRuleSet;
import vn.tcxd.members.BadgeRules;
import vn.tcxd.members.PartyAge;
import vn.tcxd.shared.RuleSet;
import vn.tcxd.shared.RuleViolation;
import vn.tcxd.shared.ValidityPeriod;
import vn.tcxd.shared.VietnameseFormat;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static vn.tcxd.jooq.members.Tables.BADGE_MILESTONE;
import static vn.tcxd.jooq.members.Tables.BADGE_OCCASION;
import static vn.tcxd.jooq.members.Tables.BADGE_RULE_SET;

/**
 * Badge rule sets loaded once (they change only by migration), chosen by the occasion date.
 */
@Service
class BadgeRulesService implements BadgeRules {

    private final DSLContext db;
    private volatile List<BadgeRuleSet> ruleSets;

    BadgeRulesService(DSLContext db) {
        this.db = db;
    }

    @Override
    public BadgeEligibility eligibleAt(LocalDate occasion, LocalDate admissionDecision,
                                       List<PartyAge.DateRange> interruptions, Set<Integer> alreadyAwarded,
                                       boolean seriouslyIll, LocalDate deathDate) {
        BadgeRuleSet rules = ruleSetOn(occasion);
        if (!rules.isOccasion(occasion)) {
            throw new RuleViolation("error.badge.notOccasion", VietnameseFormat.date(occasion));
        }
        return rules.eligibleAt(occasion, admissionDecision, interruptions, alreadyAwarded, seriouslyIll, deathDate);
    }

    @Override
    public List<LocalDate> occasions(int year) {
        return all().stream().flatMap(r -> r.occasions(year).stream().filter(d -> r.ruleSet().validity().contains(d)))
                .sorted().distinct().toList();
    }

    @Override
    public LocalDate nextOccasion(LocalDate date) {
        int first = all().getFirst().ruleSet().validity().from().getYear();
        for (int year = Math.max(date.getYear(), first); year <= date.getYear() + 1; year++) {
            for (LocalDate occasion : occasions(year)) {
                if (!occasion.isBefore(date)) {
                    return occasion;
                }
            }
        }
        throw new RuleViolation("error.badge.noRuleSet", VietnameseFormat.date(date));
    }

    @Override
    public BadgeRuleSet ruleSetOn(LocalDate date) {
        return all().stream().filter(r -> r.ruleSet().validity().contains(date)).findFirst()
                .orElseThrow(() -> new RuleViolation("error.badge.noRuleSet", VietnameseFormat.date(date)));
    }

    private List<BadgeRuleSet> all() {
        List<BadgeRuleSet> loaded = ruleSets;
        if (loaded == null) {
            loaded = load();
            ruleSets = loaded;
        }
        return loaded;
    }

    private List<BadgeRuleSet> load() {
        Map<String, TreeMap<Integer, Integer>> milestones = new HashMap<>();
        db.selectFrom(BADGE_MILESTONE).forEach(r -> milestones.computeIfAbsent(r.getRuleSetCode(), k -> new TreeMap<>())
                .put(r.getYears(), r.getIllEarlyMonths()));
        Map<String, Map<MonthDay, String>> occasions = new HashMap<>();
        db.selectFrom(BADGE_OCCASION).forEach(r -> occasions.computeIfAbsent(r.getRuleSetCode(), k -> new HashMap<>())
                .put(MonthDay.of(r.getMonth(), r.getDay()), r.getName()));
        return List.copyOf(db.selectFrom(BADGE_RULE_SET).orderBy(BADGE_RULE_SET.VALID_FROM).fetch(r -> new BadgeRuleSet(
                new RuleSet(r.getCode(), r.getName(), r.getLegalBasis(), new ValidityPeriod(r.getValidFrom(), r.getValidTo())),
                milestones.getOrDefault(r.getCode(), new TreeMap<>()), r.getPosthumousEarlyMonths(),
                occasions.getOrDefault(r.getCode(), Map.of()))));
    }
}
