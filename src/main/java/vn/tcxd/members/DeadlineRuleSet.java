package vn.tcxd.members;

import vn.tcxd.shared.RuleSet;

import java.util.Map;

/**
 * The deadlines of one implementation regulation of the Charter.
 */
public record DeadlineRuleSet(RuleSet ruleSet, Map<DeadlineKind, Rule> rules) {

    public record Rule(int amount, DeadlineUnit unit, String reference) {
    }
}
