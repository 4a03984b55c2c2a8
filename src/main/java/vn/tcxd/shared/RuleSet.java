package vn.tcxd.shared;

/**
 * Identity of a rule set: code, human name, legal basis (document numbers) and validity.
 * Every threshold of the domain lives in a rule set chosen by the date of the act it judges.
 */
public record RuleSet(String code, String name, String legalBasis, ValidityPeriod validity) {
}
