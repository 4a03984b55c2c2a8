package vn.tcxd.orgstructure;

import vn.tcxd.shared.RuleSet;

import java.util.Map;
import java.util.Set;

/**
 * Allowed parent → child links of the tree under one rule set (DOMAIN §1.1).
 */
public record LinkRuleSet(RuleSet ruleSet, Map<UnitType, Set<UnitType>> allowedChildren) {

    public boolean allows(UnitType parent, UnitType child) {
        return allowedChildren.getOrDefault(parent, Set.of()).contains(child);
    }
}
