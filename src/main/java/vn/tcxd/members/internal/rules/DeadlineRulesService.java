package vn.tcxd.members.internal.rules;

import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import vn.tcxd.members.Deadline;
import vn.tcxd.members.DeadlineKind;
import vn.tcxd.members.DeadlineRuleSet;
import vn.tcxd.members.DeadlineRules;
import vn.tcxd.members.DeadlineUnit;
import vn.tcxd.calendar.WorkingDays;
import vn.tcxd.shared.Label;
import vn.tcxd.shared.RuleSet;
import vn.tcxd.shared.RuleViolation;
import vn.tcxd.shared.ValidityPeriod;
import vn.tcxd.shared.VietnameseFormat;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static vn.tcxd.jooq.members.Tables.DEADLINE_RULE;
import static vn.tcxd.jooq.members.Tables.DEADLINE_RULE_SET;

/**
 * Deadline rule sets loaded once (they change only by migration); the working days come from the
 * editable holiday calendar on every call.
 */
@Service
class DeadlineRulesService implements DeadlineRules {

    private final DSLContext db;
    private final WorkingDays workingDays;
    private volatile List<DeadlineRuleSet> ruleSets;

    DeadlineRulesService(DSLContext db, WorkingDays workingDays) {
        this.db = db;
        this.workingDays = workingDays;
    }

    @Override
    public Deadline due(DeadlineKind kind, LocalDate start) {
        DeadlineRuleSet set = ruleSets().stream().filter(r -> r.ruleSet().validity().contains(start)).findFirst()
                .orElseThrow(() -> new RuleViolation("error.deadline.noRuleSet", VietnameseFormat.date(start)));
        DeadlineRuleSet.Rule rule = set.rules().get(kind);
        if (rule == null) {
            throw new RuleViolation("error.deadline.noRule", Label.of(kind), set.ruleSet().name());
        }
        LocalDate due = switch (rule.unit()) {
            case WORKING_DAYS -> workingDays.plusWorkingDays(start, rule.amount());
            case DAYS -> start.plusDays(rule.amount());
            case MONTHS -> start.plusMonths(rule.amount());
        };
        return new Deadline(kind, start, due, rule.amount(), rule.unit(), set.ruleSet(), rule.reference());
    }

    @Override
    public List<DeadlineRuleSet> ruleSets() {
        List<DeadlineRuleSet> loaded = ruleSets;
        if (loaded == null) {
            loaded = load();
            ruleSets = loaded;
        }
        return loaded;
    }

    private List<DeadlineRuleSet> load() {
        Map<String, Map<DeadlineKind, DeadlineRuleSet.Rule>> rules = new HashMap<>();
        db.selectFrom(DEADLINE_RULE).forEach(r -> rules.computeIfAbsent(r.getRuleSetCode(), k -> new EnumMap<>(DeadlineKind.class))
                .put(DeadlineKind.valueOf(r.getKind()),
                        new DeadlineRuleSet.Rule(r.getAmount(), DeadlineUnit.valueOf(r.getUnit()), r.getReference())));
        return List.copyOf(db.selectFrom(DEADLINE_RULE_SET).orderBy(DEADLINE_RULE_SET.VALID_FROM).fetch(r -> new DeadlineRuleSet(
                new RuleSet(r.getCode(), r.getName(), r.getLegalBasis(), new ValidityPeriod(r.getValidFrom(), r.getValidTo())),
                Map.copyOf(rules.getOrDefault(r.getCode(), Map.of())))));
    }
}
