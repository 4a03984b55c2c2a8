package vn.tcxd.members.internal.rules;

import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import vn.tcxd.members.AdmissionRuleSet;
import vn.tcxd.members.AdmissionRules;
import vn.tcxd.shared.RuleSet;
import vn.tcxd.shared.RuleViolation;
import vn.tcxd.shared.ValidityPeriod;
import vn.tcxd.shared.VietnameseFormat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static vn.tcxd.jooq.members.Tables.ADMISSION_RULE_SET;
import static vn.tcxd.jooq.members.Tables.READMISSION_EXCLUSION;

/** Admission rule sets loaded once: they change only by migration. */
@Service
class AdmissionRulesService implements AdmissionRules {

    private final DSLContext db;
    private volatile List<AdmissionRuleSet> ruleSets;

    AdmissionRulesService(DSLContext db) {
        this.db = db;
    }

    @Override
    public AdmissionRuleSet ruleSetOn(LocalDate date) {
        return ruleSets().stream().filter(r -> r.ruleSet().validity().contains(date)).findFirst()
                .orElseThrow(() -> new RuleViolation("error.admission.noRuleSet", VietnameseFormat.date(date)));
    }

    @Override
    public List<AdmissionRuleSet> ruleSets() {
        List<AdmissionRuleSet> loaded = ruleSets;
        if (loaded == null) {
            loaded = load();
            ruleSets = loaded;
        }
        return loaded;
    }

    private List<AdmissionRuleSet> load() {
        Map<String, Map<String, String>> exclusions = new HashMap<>();
        db.selectFrom(READMISSION_EXCLUSION).forEach(r -> exclusions.computeIfAbsent(r.getRuleSetCode(), k -> new HashMap<>())
                .put(r.getExit(), r.getReference()));
        return List.copyOf(db.selectFrom(ADMISSION_RULE_SET).orderBy(ADMISSION_RULE_SET.VALID_FROM).fetch(r -> new AdmissionRuleSet(
                new RuleSet(r.getCode(), r.getName(), r.getLegalBasis(), new ValidityPeriod(r.getValidFrom(), r.getValidTo())),
                r.getMinAgeMonths(), r.getMaxAgeMonths(), r.getAgeReference(), r.getReadmissionMinMonthsOut(),
                r.getReadmissionMaxTimes(), r.getReadmissionReference(), exclusions.getOrDefault(r.getCode(), Map.of()))));
    }
}
