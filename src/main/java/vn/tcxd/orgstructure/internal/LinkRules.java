package vn.tcxd.orgstructure.internal;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import vn.tcxd.orgstructure.LinkRuleSet;
import vn.tcxd.orgstructure.UnitType;
import vn.tcxd.shared.Label;
import vn.tcxd.shared.RuleSet;
import vn.tcxd.shared.RuleViolation;
import vn.tcxd.shared.ValidityPeriod;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static vn.tcxd.jooq.orgstructure.Tables.LINK_RULE;
import static vn.tcxd.jooq.orgstructure.Tables.LINK_RULE_SET;

/**
 * The rule sets of legal parent → child links, loaded once (they change only by migration).
 * A link is judged by the rule set valid on the date the act takes effect.
 */
@Component
class LinkRules {

    private final DSLContext db;
    private volatile List<LinkRuleSet> ruleSets;

    LinkRules(DSLContext db) {
        this.db = db;
    }

    LinkRuleSet on(LocalDate date) {
        return all().stream().filter(r -> r.ruleSet().validity().contains(date)).findFirst()
                .orElseThrow(() -> new RuleViolation("error.link.noRuleSet", vn.tcxd.shared.VietnameseFormat.date(date)));
    }

    void requireAllowed(UnitType parent, UnitType child, LocalDate date) {
        LinkRuleSet rules = on(date);
        if (!rules.allows(parent, child)) {
            throw new RuleViolation("error.link.illegal", Label.of(child), Label.of(parent), rules.ruleSet().name());
        }
    }

    private List<LinkRuleSet> all() {
        List<LinkRuleSet> loaded = ruleSets;
        if (loaded == null) {
            loaded = load();
            ruleSets = loaded;
        }
        return loaded;
    }

    private List<LinkRuleSet> load() {
        Map<String, Map<UnitType, Set<UnitType>>> links = new java.util.HashMap<>();
        db.selectFrom(LINK_RULE).forEach(r -> links.computeIfAbsent(r.getRuleSetCode(), k -> new EnumMap<>(UnitType.class))
                .computeIfAbsent(UnitType.valueOf(r.getParentType()), k -> EnumSet.noneOf(UnitType.class))
                .add(UnitType.valueOf(r.getChildType())));
        return db.selectFrom(LINK_RULE_SET).orderBy(LINK_RULE_SET.VALID_FROM).fetch(r -> new LinkRuleSet(
                new RuleSet(r.getCode(), r.getName(), r.getLegalBasis(), new ValidityPeriod(r.getValidFrom(), r.getValidTo())),
                Map.copyOf(links.getOrDefault(r.getCode(), Map.of()))));
    }
}
