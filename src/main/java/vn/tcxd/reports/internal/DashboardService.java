package vn.tcxd.reports.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.tcxd.members.MemberChanged;
import vn.tcxd.members.MemberImportCompleted;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.UnitsReorganised;
import vn.tcxd.reports.AgeBands;
import vn.tcxd.reports.Dimension;
import vn.tcxd.reports.MemberTally;
import vn.tcxd.reports.Dashboards;
import vn.tcxd.reports.KeyFigures;
import vn.tcxd.reports.Movements;
import vn.tcxd.reports.Statistics;
import vn.tcxd.reports.UnitDashboard;
import vn.tcxd.reports.UnitDashboard.AgeGenderBand;
import vn.tcxd.reports.UnitDashboard.YearAdmissions;
import vn.tcxd.reports.UnitDashboard.YearMovements;
import vn.tcxd.reports.UnitStatistics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dashboards from the statistics engine. Figures of whole past years (admissions, movements) rarely
 * change but cost a history read each, so they are kept in memory until any member act, import or
 * reorganisation (the same events that make the engine drop its snapshots).
 */
@Service
@Transactional(readOnly = true)
class DashboardService implements Dashboards {

    /** Bounds the memory of past-year figures (about 100 bytes each). */
    private static final int CACHE_LIMIT = 20_000;

    private final Statistics statistics;
    private final OrgStructure org;
    private final Clock clock;
    private final Map<PeriodKey, Object> pastPeriods = new ConcurrentHashMap<>();

    private record PeriodKey(String what, long unitId, LocalDate from, LocalDate to) {
    }

    DashboardService(Statistics statistics, OrgStructure org, Clock clock) {
        this.statistics = statistics;
        this.org = org;
        this.clock = clock;
    }

    @Override
    public UnitDashboard of(long unitId, LocalDate asOf) {
        UnitStatistics now = statistics.of(unitId, asOf);
        LocalDate yearEarlier = asOf.minusYears(1);
        KeyFigures before = existsOn(unitId, yearEarlier) ? KeyFigures.of(statistics.of(unitId, yearEarlier)) : null;
        return new UnitDashboard(unitId, asOf, now.source(), KeyFigures.of(now), yearEarlier, before,
                ageGender(now.members(), asOf), admissions(unitId, asOf));
    }

    @Override
    public KeyFigures keyFigures(long unitId, LocalDate asOf) {
        return KeyFigures.of(statistics.of(unitId, asOf));
    }

    private boolean existsOn(long unitId, LocalDate date) {
        return org.unit(unitId, date).isPresent();
    }

    private List<AgeGenderBand> ageGender(MemberTally members, LocalDate asOf) {
        AgeBands bands = AgeBands.FORM_3_TCTW;
        List<String> labels = bands.labels();
        long[] male = new long[labels.size()];
        long[] female = new long[labels.size()];
        members.by(Dimension.BIRTH_YEAR).forEach((year, n) -> {
            long women = members.count(Dimension.FEMALE_BIRTH_YEAR, year);
            int band = bands.bandOf(AgeBands.age(Integer.parseInt(year), asOf));
            female[band] += women;
            male[band] += n - women;
        });
        List<AgeGenderBand> result = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) result.add(new AgeGenderBand(labels.get(i), male[i], female[i]));
        return result;
    }

    private List<YearAdmissions> admissions(long unitId, LocalDate asOf) {
        List<YearAdmissions> result = new ArrayList<>();
        for (int year = asOf.getYear() - ADMISSION_YEARS + 1; year <= asOf.getYear(); year++) {
            LocalDate from = LocalDate.of(year, 1, 1);
            LocalDate to = year == asOf.getYear() ? asOf : LocalDate.of(year, 12, 31);
            Long admitted = existsOn(unitId, to)
                    ? remembered(new PeriodKey("admitted", unitId, from, to), () -> statistics.admitted(unitId, from, to).total())
                    : null;
            result.add(new YearAdmissions(year, from, to, admitted));
        }
        return result;
    }

    @Override
    public List<YearMovements> trend(long unitId, LocalDate asOf, int years) {
        List<YearMovements> result = new ArrayList<>();
        for (int year = asOf.getYear() - years + 1; year <= asOf.getYear(); year++) {
            LocalDate from = LocalDate.of(year, 1, 1);
            LocalDate to = year == asOf.getYear() ? asOf : LocalDate.of(year, 12, 31);
            Movements m = existsOn(unitId, to)
                    ? remembered(new PeriodKey("movements", unitId, from, to), () -> statistics.movements(unitId, from, to))
                    : null;
            result.add(new YearMovements(year, from, to, m));
        }
        return result;
    }

    /** Figures of a period that ended before today, from memory when computed since the last change. */
    @SuppressWarnings("unchecked")
    private <T> T remembered(PeriodKey key, java.util.function.Supplier<T> compute) {
        if (!key.to().isBefore(LocalDate.now(clock))) return compute.get();
        Object known = pastPeriods.get(key);
        if (known != null) return (T) known;
        T value = compute.get();
        if (pastPeriods.size() >= CACHE_LIMIT) pastPeriods.clear();
        pastPeriods.put(key, value);
        return value;
    }

    // Forget on the change itself (later reads in its transaction) and again after its commit (reads
    // of other transactions made before the commit saw the old roll).

    @EventListener
    void on(MemberChanged changed) {
        pastPeriods.clear();
    }

    @EventListener
    void on(MemberImportCompleted imported) {
        pastPeriods.clear();
    }

    @EventListener
    void on(UnitsReorganised reorganised) {
        pastPeriods.clear();
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void afterCommit(MemberChanged changed) {
        pastPeriods.clear();
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void afterCommit(MemberImportCompleted imported) {
        pastPeriods.clear();
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void afterCommit(UnitsReorganised reorganised) {
        pastPeriods.clear();
    }
}
