package vn.tcxd.cadres;

import vn.tcxd.members.DeadlineUnit;
import vn.tcxd.members.DisciplineForm;
import vn.tcxd.shared.RuleSet;

import java.math.BigDecimal;
import java.util.Set;

/**
 * The thresholds of cadre work under one set of regulations (QĐ 105/2017; QĐ 50/2021 + HD 16/2022;
 * QĐ 80/2022; QĐ 377/2025), chosen by the date of the act it judges and kept by it.
 *
 * @param planningFullTermMonths      a planned cadre must have this many months of working age left from
 *                                    the start of the planned term (one full term, HD 16)
 * @param youngAgeCentral             "young" is under this age for central titles …
 * @param youngAgeLocal               … and under this one for provincial and lower titles (QĐ 50)
 * @param minorityTargetPct           null: the share is shown but the regulation sets no figure
 * @param removalDisciplineForms      disciplines that remove a cadre from planning (reprimand or heavier)
 * @param lowConfidenceRemovalPct     more than this share of low-confidence votes removes from planning
 * @param appointmentRemainingMonths  retirement age minus age on the day the commission receives the
 *                                    dossier must be at least this many months for a first appointment
 * @param noticeAmount                the competent level notifies reappointment this long …
 * @param noticeUnit                  … in these units, before the appointment term ends
 * @param retirementNoticeMonths      incumbents reaching retirement age within this many months are due work
 */
public record CadreRuleSet(RuleSet ruleSet, int maxPlannedPerTitle, int maxTitlesPerCadre, int planningFullTermMonths,
                           int youngAgeCentral, int youngAgeLocal, BigDecimal youngTargetPct, BigDecimal womenTargetPct,
                           BigDecimal minorityTargetPct, Set<DisciplineForm> removalDisciplineForms,
                           BigDecimal lowConfidenceRemovalPct, int appointmentTermYears, int appointmentRemainingMonths,
                           int noticeAmount, DeadlineUnit noticeUnit, int retirementNoticeMonths, int rotationMinMonths,
                           String notes) {

    public String code() {
        return ruleSet.code();
    }

    public String legalBasis() {
        return ruleSet.legalBasis();
    }

    public int youngAge(boolean central) {
        return central ? youngAgeCentral : youngAgeLocal;
    }
}
