package vn.tcxd.cadres.internal;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import vn.tcxd.cadres.CadreRuleSet;
import vn.tcxd.cadres.ManagingLevel;
import vn.tcxd.cadres.PlanPeriod;
import vn.tcxd.cadres.Title;
import vn.tcxd.cadres.TitleKind;
import vn.tcxd.members.DeadlineUnit;
import vn.tcxd.members.DisciplineForm;
import vn.tcxd.members.Gender;
import vn.tcxd.orgstructure.UnitType;
import vn.tcxd.shared.RuleSet;
import vn.tcxd.shared.RuleViolation;
import vn.tcxd.shared.ValidityPeriod;
import vn.tcxd.shared.VietnameseFormat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static vn.tcxd.jooq.cadres.Tables.PLAN_PERIOD;
import static vn.tcxd.jooq.cadres.Tables.RETIREMENT_RULE;
import static vn.tcxd.jooq.cadres.Tables.RULE_SET;
import static vn.tcxd.jooq.cadres.Tables.TITLE;

/** Rule sets, the retirement schedule, the title catalogue and the planning periods: loaded once, changed only by migration. */
@Repository
class ReferenceData {

    private final DSLContext db;
    private volatile Loaded loaded;

    private record Loaded(List<CadreRuleSet> ruleSets, List<CadreRules.RetirementRule> retirement,
                          Map<String, Title> titles, Map<String, PlanPeriod> periods) {
    }

    ReferenceData(DSLContext db) {
        this.db = db;
    }

    List<CadreRuleSet> ruleSets() {
        return load().ruleSets();
    }

    CadreRuleSet ruleSetOn(LocalDate date) {
        return load().ruleSets().stream().filter(r -> r.ruleSet().validity().contains(date)).findFirst()
                .orElseThrow(() -> new RuleViolation("error.cadre.noRuleSet", VietnameseFormat.date(date)));
    }

    Optional<CadreRuleSet> ruleSet(String code) {
        return load().ruleSets().stream().filter(r -> r.code().equals(code)).findFirst();
    }

    List<CadreRules.RetirementRule> retirement() {
        return load().retirement();
    }

    Optional<Title> title(String code) {
        return Optional.ofNullable(code == null ? null : load().titles().get(code));
    }

    List<Title> titles() {
        return List.copyOf(load().titles().values());
    }

    List<Title> titles(UnitType type) {
        return load().titles().values().stream().filter(t -> t.unitType() == type).toList();
    }

    Optional<PlanPeriod> period(String code) {
        return Optional.ofNullable(code == null ? null : load().periods().get(code));
    }

    List<PlanPeriod> periods() {
        return List.copyOf(load().periods().values());
    }

    private Loaded load() {
        Loaded l = loaded;
        if (l == null) {
            List<CadreRuleSet> ruleSets = db.selectFrom(RULE_SET).orderBy(RULE_SET.VALID_FROM).fetch(r -> {
                EnumSet<DisciplineForm> forms = EnumSet.noneOf(DisciplineForm.class);
                Arrays.stream(r.getRemovalDisciplineForms()).map(DisciplineForm::valueOf).forEach(forms::add);
                return new CadreRuleSet(new RuleSet(r.getCode(), r.getName(), r.getLegalBasis(),
                        new ValidityPeriod(r.getValidFrom(), r.getValidTo())), r.getMaxPlannedPerTitle(),
                        r.getMaxTitlesPerCadre(), r.getPlanningFullTermMonths(), r.getYoungAgeCentral(),
                        r.getYoungAgeLocal(), r.getYoungTargetPct(), r.getWomenTargetPct(), r.getMinorityTargetPct(),
                        forms, r.getLowConfidenceRemovalPct(), r.getAppointmentTermYears(),
                        r.getAppointmentRemainingMonths(), r.getNoticeAmount(), DeadlineUnit.valueOf(r.getNoticeUnit()),
                        r.getRetirementNoticeMonths(), r.getRotationMinMonths(), r.getReferenceNotes());
            });
            List<CadreRules.RetirementRule> retirement = db.selectFrom(RETIREMENT_RULE).orderBy(RETIREMENT_RULE.FROM_YEAR)
                    .fetch(r -> new CadreRules.RetirementRule(r.getCode(), r.getLegalBasis(), Gender.valueOf(r.getGender()),
                            r.getFromYear(), r.getToYear(), r.getBaseMonths(), r.getStepMonths(), r.getMaxMonths()));
            Map<String, Title> titles = new LinkedHashMap<>();
            db.selectFrom(TITLE).orderBy(TITLE.UNIT_TYPE, TITLE.SORT).forEach(r -> titles.put(r.getCode(),
                    new Title(r.getCode(), UnitType.valueOf(r.getUnitType()), r.getName(), r.getNameEn(),
                            TitleKind.valueOf(r.getKind()), ManagingLevel.valueOf(r.getManagingLevel()),
                            r.getSingleHolder(), r.getAppointed(), r.getRank())));
            Map<String, PlanPeriod> periods = new LinkedHashMap<>();
            db.selectFrom(PLAN_PERIOD).orderBy(PLAN_PERIOD.SCOPE.desc(), PLAN_PERIOD.STARTS_ON).forEach(r -> periods.put(r.getCode(),
                    new PlanPeriod(r.getCode(), r.getLabel(), "CENTRAL".equals(r.getScope()), r.getStartsOn(), r.getEndsOn())));
            l = new Loaded(List.copyOf(ruleSets), List.copyOf(retirement), java.util.Collections.unmodifiableMap(titles),
                    java.util.Collections.unmodifiableMap(periods));
            loaded = l;
        }
        return l;
    }
}
