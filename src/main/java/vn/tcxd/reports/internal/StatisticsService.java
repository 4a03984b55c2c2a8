package vn.tcxd.reports.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.tcxd.members.MemberChanged;
import vn.tcxd.members.MemberImportCompleted;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.StructureCounts;
import vn.tcxd.orgstructure.UnitsReorganised;
import vn.tcxd.reports.Dimension;
import vn.tcxd.reports.FigureSource;
import vn.tcxd.reports.MemberTally;
import vn.tcxd.reports.MovementKind;
import vn.tcxd.reports.Movements;
import vn.tcxd.reports.Statistics;
import vn.tcxd.reports.UnitStatistics;
import vn.tcxd.reports.internal.LiveCounters.Standing;
import vn.tcxd.reports.internal.RollQueries.Boundary;
import vn.tcxd.reports.internal.RollQueries.Builder;
import vn.tcxd.reports.internal.RollQueries.Position;
import vn.tcxd.shared.RuleViolation;
import vn.tcxd.shared.VietnameseFormat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The statistics engine. Today's figures of upper units come from the live counters, which every
 * member act and reorganisation updates in its own transaction; frozen period ends from snapshots;
 * everything else from the roll's history. All three are the same computation at different speeds
 * (StatisticsConsistencyTests compares them with a brute-force recount).
 */
@Service
@Transactional
class StatisticsService implements Statistics {

    private static final Logger log = LoggerFactory.getLogger(StatisticsService.class);

    private final RollQueries roll;
    private final LiveCounters counters;
    private final Snapshots snapshots;
    private final OrgStructure org;
    private final Clock clock;
    private final int counterDepth;
    private final int snapshotDepth;
    /** Today's structure counts (the tree changes only by reorganisations, which clear this). */
    private final Map<Long, StructureCounts> todaysCounts = new ConcurrentHashMap<>();
    private volatile LocalDate countsDay;

    StatisticsService(RollQueries roll, LiveCounters counters, Snapshots snapshots, OrgStructure org, Clock clock,
                      @Value("${tcxd.reports.counter-depth:2}") int counterDepth,
                      @Value("${tcxd.reports.snapshot-depth:1}") int snapshotDepth) {
        this.roll = roll;
        this.counters = counters;
        this.snapshots = snapshots;
        this.org = org;
        this.clock = clock;
        this.counterDepth = counterDepth;
        this.snapshotDepth = snapshotDepth;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---- reads --------------------------------------------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public UnitStatistics of(long unitId, LocalDate asOf) {
        LocalDate today = today();
        if (asOf.isAfter(today)) {
            throw RuleViolation.onField("asOf", "error.statistics.futureDate", VietnameseFormat.date(asOf));
        }
        Position p = position(unitId, asOf);
        if (asOf.equals(today) && p.depth() <= counterDepth) {
            var standing = counters.standing();
            if (standing.isPresent() && standing.get().on().equals(today) && standing.get().depth() == counterDepth) {
                return new UnitStatistics(unitId, asOf, structure(unitId, asOf), counters.read(unitId), FigureSource.LIVE);
            }
        }
        if (isPeriodEnd(asOf) && asOf.isBefore(today) && p.depth() <= snapshotDepth) {
            var frozen = snapshots.read(unitId, asOf);
            if (frozen.isPresent()) {
                UnitStatistics f = frozen.get();
                return new UnitStatistics(f.unitId(), f.asOf(), f.units(), f.members(), FigureSource.SNAPSHOT);
            }
        }
        return new UnitStatistics(unitId, asOf, structure(unitId, asOf), fromHistory(p, asOf), FigureSource.HISTORY);
    }

    /**
     * The roll of the subtree on {@code asOf} from history: for upper units the last frozen period end
     * plus the states that began or ended since (when the subtree itself did not change in between),
     * otherwise a full count of the states valid that day.
     */
    private MemberTally fromHistory(Position p, LocalDate asOf) {
        if (p.depth() <= snapshotDepth) {
            LocalDate periodEnd = YearMonth.from(asOf).minusMonths(1).atEndOfMonth();
            var frozen = snapshots.read(p.unitId(), periodEnd);
            var then = roll.position(p.unitId(), periodEnd);
            if (frozen.isPresent() && then.isPresent() && then.get().path().equals(p.path())
                    && !roll.subtreeChangedBetween(then.get().path(), p.path(), periodEnd, asOf)) {
                return frozen.get().members().plus(roll.changeBetween(p.path(), periodEnd, asOf));
            }
        }
        return roll.tallyOn(p.path(), asOf);
    }

    private Position position(long unitId, LocalDate asOf) {
        return roll.position(unitId, asOf).orElseThrow(() ->
                RuleViolation.onField("asOf", "error.statistics.unitNotOnDate", VietnameseFormat.date(asOf)));
    }

    private StructureCounts structure(long unitId, LocalDate asOf) {
        LocalDate today = today();
        if (!asOf.equals(today)) return org.counts(unitId, asOf);
        if (!today.equals(countsDay)) {
            todaysCounts.clear();
            countsDay = today;
        }
        return todaysCounts.computeIfAbsent(unitId, id -> org.counts(id, asOf));
    }

    static boolean isPeriodEnd(LocalDate date) {
        return date.equals(YearMonth.from(date).atEndOfMonth());
    }

    @Override
    @Transactional(readOnly = true)
    public Movements movements(long unitId, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw RuleViolation.onField("to", "error.statistics.periodReversed", VietnameseFormat.date(from),
                    VietnameseFormat.date(to));
        }
        if (to.isAfter(today())) {
            throw RuleViolation.onField("to", "error.statistics.futureDate", VietnameseFormat.date(to));
        }
        position(unitId, to);
        long opening = roll.position(unitId, from.minusDays(1)).map(p -> of(unitId, from.minusDays(1)).members().total())
                .orElse(0L);
        long closing = of(unitId, to).members().total();
        Map<MovementKind, Long> counts = new EnumMap<>(MovementKind.class);
        Set<Long> central = roll.centralUnits();
        for (Boundary b : roll.boundaries(unitId, from, to)) {
            MovementKind kind = classify(b, Objects.equals(b.before().province(central), b.after().province(central)));
            if (kind != null) counts.merge(kind, b.count(), Long::sum);
        }
        long net = 0;
        for (var e : counts.entrySet()) net += e.getKey().sign() * e.getValue();
        counts.put(MovementKind.REORGANISED, closing - opening - net);
        return new Movements(unitId, from, to, opening, counts, closing);
    }

    /** What one change of a member's roll state was, seen from the subtree. */
    static MovementKind classify(Boundary b, boolean sameProvince) {
        String kind = Objects.requireNonNullElse(b.eventKind(), "");
        if (!b.wasIn() && b.isIn()) {
            return switch (kind) {
                case "ADMITTED" -> MovementKind.ADMITTED;
                case "READMITTED" -> MovementKind.READMITTED;
                case "TRANSFER_RECEIVED" -> sameProvince ? MovementKind.TRANSFERRED_IN_WITHIN_PROVINCE
                        : MovementKind.TRANSFERRED_IN_FROM_OTHER_PROVINCE;
                default -> null; // e.g. moved with a merged cell: part of the reorganisation line
            };
        }
        if (b.wasIn() && !b.isIn()) {
            return switch (b.newStatus()) {
                case "DIED" -> MovementKind.DIED;
                case "EXPELLED" -> MovementKind.EXPELLED;
                case "LEFT" -> MovementKind.LEFT;
                case "REMOVED" -> "NOT_RECOGNISED".equals(kind) ? MovementKind.NOT_RECOGNISED : MovementKind.REMOVED;
                default -> "TRANSFER_RECEIVED".equals(kind)
                        ? (sameProvince ? MovementKind.TRANSFERRED_OUT_WITHIN_PROVINCE
                        : MovementKind.TRANSFERRED_OUT_TO_OTHER_PROVINCE)
                        : null;
            };
        }
        if (b.wasIn() && b.isIn()) {
            if ("PROBATIONARY".equals(b.oldStatus()) && "FULL".equals(b.newStatus())) return MovementKind.RECOGNISED;
            if (!b.oldExempt() && b.newExempt()) return MovementKind.EXEMPTED;
        }
        return null;
    }

    @Override
    @Transactional(readOnly = true)
    public MemberTally admitted(long unitId, LocalDate from, LocalDate to) {
        return roll.admittedIn(position(unitId, to).path(), from, to);
    }

    @Override
    @Transactional(readOnly = true)
    public MemberTally of(long unitId, LocalDate asOf, Dimension dimension, String key) {
        if (asOf.isAfter(today())) {
            throw RuleViolation.onField("asOf", "error.statistics.futureDate", VietnameseFormat.date(asOf));
        }
        return roll.tallyOn(position(unitId, asOf).path(), asOf, roll.where(dimension, key));
    }

    @Override
    @Transactional(readOnly = true)
    public MemberTally admitted(long unitId, LocalDate from, LocalDate to, Dimension dimension, String key) {
        return roll.admittedIn(position(unitId, to).path(), from, to, roll.where(dimension, key));
    }

    // ---- live counters ------------------------------------------------------------------------

    @Override
    public int rebuildLive() {
        long started = System.nanoTime();
        snapshots.dropFrom(LocalDate.of(1900, 1, 1));
        int units = counters.rebuild(today(), counterDepth);
        log.info("Live statistics rebuilt for {} upper units in {} ms", units, (System.nanoTime() - started) / 1_000_000);
        return units;
    }

    /** Brings the counters to today: after a day change, reorganisations dated in between apply now. */
    public void rollForward() {
        LocalDate today = today();
        var standing = counters.standing();
        if (standing.isEmpty() || standing.get().depth() != counterDepth || standing.get().on().isAfter(today)) {
            rebuildLive();
        } else if (standing.get().on().isBefore(today)) {
            if (roll.treeChangedBetween(standing.get().on(), today)) {
                rebuildLive();
            } else {
                counters.standOn(today);
            }
        }
    }

    @EventListener
    void on(MemberChanged changed) {
        snapshots.dropFrom(changed.effectiveOn());
        ifStanding(s -> counters.reconcileMembers(List.of(changed.memberId()), s.on(), s.depth()));
    }

    @EventListener
    void on(MemberImportCompleted imported) {
        snapshots.dropFrom(LocalDate.of(1900, 1, 1));
        ifStanding(s -> counters.reconcileMembers(counters.membersOfUnits(imported.unitIds(), s.on()), s.on(), s.depth()));
    }

    @EventListener
    void on(UnitsReorganised reorganised) {
        todaysCounts.clear();
        snapshots.dropFrom(reorganised.effectiveOn());
        if (reorganised.effectiveOn().isAfter(today())) return; // applied by rollForward on that day
        ifStanding(s -> applyReorganisation(reorganised, s));
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void afterCommit(UnitsReorganised reorganised) {
        todaysCounts.clear();
    }

    private void ifStanding(java.util.function.Consumer<Standing> action) {
        var standing = counters.standing();
        if (standing.isEmpty()) return; // nothing counted yet: the next rebuild counts everything
        if (!standing.get().on().equals(today()) || standing.get().depth() != counterDepth) {
            rollForward();
            standing = counters.standing();
        }
        action.accept(standing.orElseThrow());
    }

    /**
     * A reorganisation moves whole subtrees: the members of every unit whose chain of upper units
     * changed leave the old chain and join the new one (units touched, their children the day before,
     * and everything under them today); then the set of upper units with counters follows the tree.
     */
    private void applyReorganisation(UnitsReorganised e, Standing s) {
        LocalDate today = s.on();
        int depth = s.depth();
        Set<Long> units = new HashSet<>(e.unitIds());
        for (long u : e.unitIds()) {
            units.addAll(roll.children(u, e.effectiveOn().minusDays(1)));
        }
        units.addAll(roll.subtrees(units, today));
        counters.moveChains(units, today, depth);
        // which units have counters: exactly the upper units of today
        List<Position> upper = roll.upperUnits(today, depth);
        Set<Long> covered = counters.coveredUnits();
        Set<Long> upperIds = new HashSet<>();
        List<Position> missing = new ArrayList<>();
        for (Position p : upper) {
            upperIds.add(p.unitId());
            if (!covered.contains(p.unitId())) missing.add(p);
        }
        covered.removeAll(upperIds);
        counters.drop(covered);
        counters.recount(missing, today);
    }

    // ---- snapshots ----------------------------------------------------------------------------

    @Override
    public int freezePeriodEnds(LocalDate from) {
        LocalDate today = today();
        Set<LocalDate> frozen = snapshots.frozenPeriods();
        int count = 0;
        for (YearMonth m = YearMonth.from(from); m.atEndOfMonth().isBefore(today); m = m.plusMonths(1)) {
            LocalDate end = m.atEndOfMonth();
            if (frozen.contains(end)) continue;
            freeze(end, frozen.contains(YearMonth.from(end).minusMonths(1).atEndOfMonth()));
            frozen.add(end);
            count++;
        }
        return count;
    }

    /**
     * Freezes one period end for the upper units of that day: the previous month end plus the month's
     * changes when that one is frozen and no unit moved or ended in between, otherwise a full count.
     */
    void freeze(LocalDate periodEnd, boolean previousFrozen) {
        List<Position> upper = roll.upperUnits(periodEnd, snapshotDepth);
        Map<Long, Position> positions = new HashMap<>();
        Map<Long, Builder> perUnit = new HashMap<>();
        upper.forEach(p -> {
            positions.put(p.unitId(), p);
            perUnit.put(p.unitId(), new Builder());
        });
        LocalDate previous = YearMonth.from(periodEnd).minusMonths(1).atEndOfMonth();
        Map<Long, MemberTally> byHolder;
        Map<Long, MemberTally> base = new HashMap<>();
        boolean incremental = previousFrozen && !roll.anyVersionEndedBetween(previous, periodEnd);
        if (incremental) {
            for (Position p : upper) {
                var before = snapshots.read(p.unitId(), previous);
                if (before.isEmpty()) {
                    incremental = false;
                    break;
                }
                base.put(p.unitId(), before.get().members());
            }
        }
        byHolder = incremental ? roll.changeByHolder(previous, periodEnd, snapshotDepth)
                : roll.tallyByHolder(periodEnd, snapshotDepth);
        if (incremental) base.forEach((unitId, tally) -> perUnit.get(unitId).add(tally, 1));
        byHolder.forEach((holder, tally) -> {
            Position p = positions.get(holder);
            if (p == null) return;
            for (long a : p.ancestorsUpTo(snapshotDepth)) perUnit.get(a).add(tally, 1);
        });
        perUnit.forEach((unitId, b) -> snapshots.write(new UnitStatistics(unitId, periodEnd,
                org.counts(unitId, periodEnd), b.build(), FigureSource.SNAPSHOT)));
    }
}
