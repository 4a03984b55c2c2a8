package vn.tcxd.cadres.internal;

import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import vn.tcxd.cadres.CadreRuleSet;
import vn.tcxd.cadres.PlanPeriod;
import vn.tcxd.cadres.Title;
import vn.tcxd.members.Gender;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.List;

/**
 * Test data only: the rules of cadre work as the acts apply them ({@link CadreRules} on the reference data
 * of {@link ReferenceData}, read from the database), for generators that write the acts' rows in bulk
 * ({@code vn.tcxd.bench.NationalCadresGenerator}) and must keep to the same rules without the facade.
 */
public final class NationalCadreRules {

    private final ReferenceData ref;

    public NationalCadreRules(DataSource dataSource) {
        this.ref = new ReferenceData(DSL.using(dataSource, SQLDialect.POSTGRES));
    }

    public List<Title> titles() {
        return ref.titles();
    }

    public Title title(String code) {
        return ref.title(code).orElseThrow(() -> new IllegalArgumentException("no title " + code));
    }

    public PlanPeriod period(String code) {
        return ref.period(code).orElseThrow(() -> new IllegalArgumentException("no period " + code));
    }

    /** The rule set an act of the date is judged by (and keeps). */
    public CadreRuleSet ruleSetOn(LocalDate date) {
        return ref.ruleSetOn(date);
    }

    public LocalDate retirement(Gender gender, LocalDate birthDate) {
        return CadreRules.retirementDate(gender, birthDate, ref.retirement());
    }

    /** {@code AddToPlan}'s age rule for a cadre retiring on {@code retirement}: a full term left from the reference day. */
    public boolean fullTermLeft(PlanPeriod period, LocalDate on, LocalDate retirement) {
        return CadreRules.fullTermLeft(ruleSetOn(on), retirement, CadreRules.planningReference(period, on));
    }

    /** {@code Appoint}'s age rule for a first appointment (kind APPOINTED), the dossier received on the decision's day. */
    public boolean appointable(LocalDate startsOn, LocalDate decisionDate, LocalDate retirement) {
        return CadreRules.appointmentAgeLeft(ruleSetOn(startsOn), retirement, decisionDate);
    }

    /** The end of a reappointment's term ({@code Reappoint}). */
    public LocalDate reappointmentEnd(LocalDate startsOn, LocalDate retirement) {
        return CadreRules.reappointmentEnd(ruleSetOn(startsOn), startsOn, retirement);
    }

    /** QĐ 377: planning only for a title higher than one held. */
    public static boolean higherThan(Title planned, Title held) {
        return CadreRules.higherThan(planned, held);
    }

    public static long monthsBetween(LocalDate from, LocalDate to) {
        return CadreRules.monthsBetween(from, to);
    }
}
