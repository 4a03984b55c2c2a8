package vn.tcxd.reports.internal;

import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;
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
import vn.tcxd.reports.internal.RollQueries.Subset;
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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
    /** The cross-tabulations the report forms need (their women and probationary columns), frozen with every period end. */
    static final List<Subset> SUBSETS = List.of(new Subset(Dimension.GENDER, "FEMALE"),
            new Subset(Dimension.STATUS, "PROBATIONARY"));

    private final RollQueries roll;
    private final RollJournal journal;
    private final org.springframework.transaction.support.TransactionTemplate transactions;
    private final LiveCounters counters;
    private final Snapshots snapshots;
    private final OrgStructure org;
    private final Clock clock;
    private final int counterDepth;
    private final int snapshotDepth;
    /** Today's structure counts (the tree changes only by reorganisations, which clear this). */
    private final Map<Long, StructureCounts> todaysCounts = new ConcurrentHashMap<>();
    private volatile LocalDate countsDay;

    StatisticsService(RollQueries roll, RollJournal journal,
                      org.springframework.transaction.support.TransactionTemplate transactions, LiveCounters counters, Snapshots snapshots, OrgStructure org, Clock clock,
                      @Value("${tcxd.reports.counter-depth:2}") int counterDepth,
                      @Value("${tcxd.reports.snapshot-depth:1}") int snapshotDepth) {
        this.roll = roll;
        this.journal = journal;
        this.transactions = transactions;
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
        if (asOf.equals(today)) {
            var standing = counters.standing();
            boolean live = standing.isPresent() && standing.get().on().equals(today) && standing.get().depth() == counterDepth;
            if (live && p.depth() <= counterDepth) {
                return new UnitStatistics(unitId, asOf, structure(unitId, asOf), counters.read(unitId), FigureSource.LIVE);
            }
            if (p.depth() > counterDepth) {
                // below the counters (a cell, a grassroots committee): its few members' facts, added up as the counters do
                Builder b = new Builder();
                (live ? counters.factsUnder(p.path(), today) : roll.factsUnder(p.path(), today)).forEach(f -> f.addTo(b, 1));
                return new UnitStatistics(unitId, asOf, structure(unitId, asOf), b.build(),
                        live ? FigureSource.LIVE : FigureSource.HISTORY);
            }
        }
        if (isPeriodEnd(asOf) && asOf.isBefore(today) && p.depth() <= snapshotDepth) {
            var frozen = snapshots.read(unitId, asOf);
            if (frozen.isPresent()) {
                UnitStatistics f = frozen.get();
                return new UnitStatistics(f.unitId(), f.asOf(), f.units(), f.members(), FigureSource.SNAPSHOT);
            }
        }
        return new UnitStatistics(unitId, asOf, structure(unitId, asOf), fromHistory(p, asOf, Subset.ALL),
                FigureSource.HISTORY);
    }

    /**
     * The roll of the subtree on {@code asOf} from history: for upper units the last frozen period end
     * plus the states that began or ended since (when the subtree itself did not change in between),
     * otherwise a full count of the states valid that day.
     */
    private MemberTally fromHistory(Position p, LocalDate asOf, Subset subset) {
        if (p.depth() <= snapshotDepth) {
            LocalDate periodEnd = YearMonth.from(asOf).minusMonths(1).atEndOfMonth();
            Optional<MemberTally> frozen = subset.equals(Subset.ALL)
                    ? snapshots.read(p.unitId(), periodEnd).map(UnitStatistics::members)
                    : snapshots.readSubset(p.unitId(), periodEnd, subset.name());
            if (frozen.isPresent()) {
                var then = roll.position(p.unitId(), periodEnd);
                if (then.isPresent() && then.get().path().equals(p.path())
                        && !roll.subtreeChangedBetween(then.get().path(), p.path(), periodEnd, asOf)) {
                    MemberTally change = journal.isBuilt() ? journal.changeBetween(p.path(), periodEnd, asOf, subset)
                            : roll.changeBetween(p.path(), periodEnd, asOf, subset);
                    return frozen.get().plus(change);
                }
            }
        }
        return roll.tallyOn(p.path(), asOf, subset.on(RollQueries.S));
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
        Map<MovementKind, Long> counts = frozenMovements(unitId, from, to).orElseGet(() -> movementsFromHistory(unitId, from, to));
        long net = 0;
        for (var e : counts.entrySet()) net += e.getKey().sign() * e.getValue();
        counts.put(MovementKind.REORGANISED, closing - opening - net);
        return new Movements(unitId, from, to, opening, counts, closing);
    }

    /** The movements of whole months frozen with their period ends, when every month of the period has them. */
    private Optional<Map<MovementKind, Long>> frozenMovements(long unitId, LocalDate from, LocalDate to) {
        if (from.getDayOfMonth() != 1 || !isPeriodEnd(to) || !to.isBefore(today())) return Optional.empty();
        List<LocalDate> ends = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) ends.add(m.atEndOfMonth());
        var months = snapshots.readMovements(unitId, ends);
        if (months.size() != ends.size()) return Optional.empty();
        Map<MovementKind, Long> counts = new EnumMap<>(MovementKind.class);
        months.values().forEach(m -> m.forEach((kind, n) -> counts.merge(kind, n, Long::sum)));
        return Optional.of(counts);
    }

    /** The movements of the period (but the reorganisation line) from every change of the roll in it. */
    Map<MovementKind, Long> movementsFromHistory(long unitId, LocalDate from, LocalDate to) {
        Map<MovementKind, Long> counts = new EnumMap<>(MovementKind.class);
        Set<Long> central = roll.centralUnits();
        List<Boundary> boundaries = journal.isBuilt() ? journal.boundaries(unitId, from, to)
                : roll.boundaries(unitId, from, to);
        for (Boundary b : boundaries) count(b, central, counts);
        return counts;
    }

    private static void count(Boundary b, Set<Long> central, Map<MovementKind, Long> counts) {
        MovementKind kind = classify(b, Objects.equals(b.before().province(central), b.after().province(central)));
        if (kind != null) counts.merge(kind, b.count(), Long::sum);
    }

    /**
     * The month's movements of each upper unit (depth ≤ 1) whose place did not change from the day before
     * the month to its end, from one grouped scan of the journal; none when the journal is not built.
     */
    private Map<Long, Map<MovementKind, Long>> monthMovements(List<Position> upper, LocalDate periodEnd) {
        if (snapshotDepth > 1 || !journal.isBuilt()) return Map.of();
        LocalDate first = periodEnd.withDayOfMonth(1);
        Set<Long> moved = roll.unitsChangedBetween(first.minusDays(1), periodEnd);
        Set<Long> central = roll.centralUnits();
        var groups = journal.regionBoundaries(first, periodEnd);
        Map<Long, Map<MovementKind, Long>> result = new HashMap<>();
        for (Position p : upper) {
            if (moved.contains(p.unitId())) continue;
            Map<MovementKind, Long> counts = new EnumMap<>(MovementKind.class);
            for (var g : groups) count(g.seenFrom(p.unitId()), central, counts);
            result.put(p.unitId(), counts);
        }
        return result;
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
        String path = position(unitId, to).path();
        return journal.isBuilt() ? journal.admittedIn(path, from, to, DSL.noCondition())
                : roll.admittedIn(path, from, to);
    }

    @Override
    @Transactional(readOnly = true)
    public MemberTally of(long unitId, LocalDate asOf, Dimension dimension, String key) {
        if (asOf.isAfter(today())) {
            throw RuleViolation.onField("asOf", "error.statistics.futureDate", VietnameseFormat.date(asOf));
        }
        Position p = position(unitId, asOf);
        Subset subset = new Subset(dimension, key);
        if (!SUBSETS.contains(subset)) return roll.tallyOn(p.path(), asOf, roll.where(dimension, key));
        if (isPeriodEnd(asOf) && asOf.isBefore(today()) && p.depth() <= snapshotDepth) {
            var frozen = snapshots.readSubset(unitId, asOf, subset.name());
            if (frozen.isPresent()) return frozen.get();
        }
        return fromHistory(p, asOf, subset);
    }

    @Override
    @Transactional(readOnly = true)
    public MemberTally admitted(long unitId, LocalDate from, LocalDate to, Dimension dimension, String key) {
        String path = position(unitId, to).path();
        return journal.isBuilt()
                ? journal.admittedIn(path, from, to, RollQueries.where(RollJournal.J, dimension, key))
                : roll.admittedIn(path, from, to, roll.where(dimension, key));
    }

    // ---- live counters ------------------------------------------------------------------------

    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public int rebuildLive() {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // inside an act's transaction (the first act of a new day): one after the other, in that transaction
            int units = rebuildCounters();
            rebuildJournal();
            return units;
        }
        // on its own (start, night, after a bulk load): the counters and the journal do not read each other, so
        // each is rebuilt in its own transaction, side by side (nationally ~110 s and ~120 s, one core each)
        var journalBuilt = CompletableFuture.runAsync(
                () -> transactions.executeWithoutResult(status -> rebuildJournal()),
                runnable -> Thread.ofPlatform().name("journal-rebuild").start(runnable));
        Integer units = transactions.execute(status -> rebuildCounters());
        try {
            journalBuilt.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            throw e;
        }
        return Objects.requireNonNull(units);
    }

    private int rebuildCounters() {
        long started = System.nanoTime();
        snapshots.dropFrom(LocalDate.of(1900, 1, 1));
        int units = counters.rebuild(today(), counterDepth);
        log.info("Live statistics rebuilt for {} upper units in {} ms", units, (System.nanoTime() - started) / 1_000_000);
        return units;
    }

    private void rebuildJournal() {
        long started = System.nanoTime();
        int changes = journal.rebuild();
        log.info("Journal of the roll rebuilt: {} changes in {} ms", changes, (System.nanoTime() - started) / 1_000_000);
    }

    /** Writes the journal of the roll when it has never been written (the first start after it appeared). */
    public void ensureJournal() {
        long started = System.nanoTime();
        if (journal.ensureBuilt()) {
            log.info("Journal of the roll built in {} s", (System.nanoTime() - started) / 1_000_000_000);
        } else {
            writePendingJournal();
        }
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
        journal.refreshMembers(List.of(changed.memberId()));
        ifStanding(s -> counters.reconcileMembers(List.of(changed.memberId()), s.on(), s.depth()));
    }

    @EventListener
    void on(MemberImportCompleted imported) {
        snapshots.dropFrom(imported.earliest().orElse(LocalDate.of(1900, 1, 1)));
        journal.markPending(imported.unitIds()); // written right after the import commits (afterCommit)
        ifStanding(s -> counters.reconcileMembers(counters.membersOfUnits(imported.unitIds(), s.on()), s.on(), s.depth()));
    }

    @EventListener
    void on(UnitsReorganised reorganised) {
        todaysCounts.clear();
        snapshots.dropFrom(reorganised.effectiveOn());
        journal.repath(reorganised.effectiveOn(), reorganised.unitIds());
        if (reorganised.effectiveOn().isAfter(today())) return; // applied by rollForward on that day
        ifStanding(s -> applyReorganisation(reorganised, s));
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void afterCommit(UnitsReorganised reorganised) {
        todaysCounts.clear();
    }

    /** The imported members' journal rows, in the background, so that a large import is not slowed by them. */
    @TransactionalEventListener
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void afterCommit(MemberImportCompleted imported) {
        Thread.ofVirtual().name("journal-after-import").start(this::writePendingJournal);
    }

    /** Writes the journal rows of cells a batch import left pending (after each import, and on start). */
    void writePendingJournal() {
        try {
            long started = System.nanoTime();
            Integer units = transactions.execute(status -> journal.writePending());
            if (units != null && units > 0) {
                log.info("Journal of the roll: members of {} imported cells written in {} ms", units,
                        (System.nanoTime() - started) / 1_000_000);
            }
        } catch (RuntimeException e) {
            log.warn("Journal rows of imported cells not written yet (the roll answers meanwhile; retried on start)", e);
        }
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
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public int freezePeriodEnds(LocalDate from) {
        LocalDate today = today();
        Set<LocalDate> frozen = snapshots.frozenPeriods();
        int count = 0;
        for (YearMonth m = YearMonth.from(from); m.atEndOfMonth().isBefore(today); m = m.plusMonths(1)) {
            LocalDate end = m.atEndOfMonth();
            if (frozen.contains(end)) continue;
            boolean previousFrozen = frozen.contains(YearMonth.from(end).minusMonths(1).atEndOfMonth());
            // one month per transaction; an act dated before it (which removes later snapshots) waits for it
            // or is waited for, so no month is frozen without an act committed meanwhile
            transactions.executeWithoutResult(status -> {
                snapshots.lockAgainstActs();
                freeze(end, previousFrozen);
            });
            frozen.add(end);
            count++;
        }
        return count;
    }

    /**
     * Freezes one period end for the upper units of that day, with the cross-tabulations of {@link #SUBSETS}:
     * the previous month end plus the month's changes (from the journal) when that one is frozen and no
     * upper unit's cells changed in between (see {@link RollQueries#holdersChangedBetween}), otherwise a full count.
     */
    void freeze(LocalDate periodEnd, boolean previousFrozen) {
        long t0 = System.nanoTime();
        List<Position> upper = roll.upperUnits(periodEnd, snapshotDepth);
        Map<Long, Position> positions = new HashMap<>();
        upper.forEach(p -> positions.put(p.unitId(), p));
        LocalDate previous = YearMonth.from(periodEnd).minusMonths(1).atEndOfMonth();
        List<Subset> facets = new ArrayList<>(List.of(Subset.ALL));
        facets.addAll(SUBSETS);
        // per facet, per upper unit: the previous month end (incremental) or nothing (full count)
        Map<Subset, Map<Long, Builder>> perUnit = new HashMap<>();
        facets.forEach(f -> {
            Map<Long, Builder> builders = new HashMap<>();
            upper.forEach(p -> builders.put(p.unitId(), new Builder()));
            perUnit.put(f, builders);
        });
        boolean incremental = previousFrozen && !roll.holdersChangedBetween(previous, periodEnd, snapshotDepth)
                && addPrevious(upper, previous, perUnit);
        if (!incremental) perUnit.values().forEach(m -> m.replaceAll((id, b) -> new Builder()));
        boolean fromJournal = incremental && journal.isBuilt();
        long t1 = System.nanoTime();
        Map<Subset, Map<Long, MemberTally>> byFacet = !incremental ? roll.tallyByHolder(periodEnd, snapshotDepth, SUBSETS)
                : fromJournal ? journal.changeByHolder(previous, periodEnd, snapshotDepth, SUBSETS)
                : roll.changeByHolder(previous, periodEnd, snapshotDepth, SUBSETS);
        for (Subset facet : facets) {
            Map<Long, MemberTally> byHolder = byFacet.get(facet);
            Map<Long, Builder> builders = perUnit.get(facet);
            byHolder.forEach((holder, tally) -> {
                Position p = positions.get(holder);
                if (p == null) return;
                for (long a : p.ancestorsUpTo(snapshotDepth)) builders.get(a).add(tally, 1);
            });
        }
        long t2 = System.nanoTime();
        Map<Long, Map<MovementKind, Long>> movements = monthMovements(upper, periodEnd);
        long t3 = System.nanoTime();
        for (Position p : upper) {
            long unitId = p.unitId();
            Map<String, MemberTally> subsets = new java.util.TreeMap<>();
            SUBSETS.forEach(f -> subsets.put(f.name(), perUnit.get(f).get(unitId).build()));
            snapshots.write(new UnitStatistics(unitId, periodEnd, org.counts(unitId, periodEnd),
                    perUnit.get(Subset.ALL).get(unitId).build(), FigureSource.SNAPSHOT), subsets, movements.get(unitId));
        }
        if (log.isDebugEnabled()) {
            log.debug("Froze {} for {} units ({}): previous {} ms, tallies {} ms, movements {} ms, structure and writes {} ms",
                    periodEnd, upper.size(), !incremental ? "full count" : fromJournal ? "journal" : "roll",
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (System.nanoTime() - t3) / 1_000_000);
        }
    }

    /** Adds the previous month end of every unit and facet; false when one is missing (then a full count follows). */
    private boolean addPrevious(List<Position> upper, LocalDate previous, Map<Subset, Map<Long, Builder>> perUnit) {
        for (Position p : upper) {
            var before = snapshots.read(p.unitId(), previous);
            if (before.isEmpty()) return false;
            perUnit.get(Subset.ALL).get(p.unitId()).add(before.get().members(), 1);
            for (Subset f : SUBSETS) {
                var subset = snapshots.readSubset(p.unitId(), previous, f.name());
                if (subset.isEmpty()) return false;
                perUnit.get(f).get(p.unitId()).add(subset.get(), 1);
            }
        }
        return true;
    }
}
