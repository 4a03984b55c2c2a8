package vn.tcxd.reports.internal.ratings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tcxd.evaluations.Evaluations;
import vn.tcxd.evaluations.NotRatedReason;
import vn.tcxd.evaluations.Period;
import vn.tcxd.evaluations.PeriodKind;
import vn.tcxd.evaluations.RatingLevel;
import vn.tcxd.evaluations.RatingScheme;
import vn.tcxd.evaluations.CampaignSubjectsListed;
import vn.tcxd.evaluations.RatingsChanged;
import vn.tcxd.evaluations.SubjectKind;
import vn.tcxd.members.Members;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.UnitDetails;
import vn.tcxd.reports.FigureSource;
import vn.tcxd.reports.NotRatedSubject;
import vn.tcxd.reports.RatingCandidate;
import vn.tcxd.reports.RatingClass;
import vn.tcxd.reports.RatingDistribution;
import vn.tcxd.reports.RatingFigures;
import vn.tcxd.reports.RatingReport;
import vn.tcxd.reports.RatingResults;
import vn.tcxd.reports.internal.forms.FormPdf;
import vn.tcxd.reports.internal.forms.FormWorkbook;
import vn.tcxd.reports.internal.forms.Texts;
import vn.tcxd.reports.internal.ratings.RatingTallies.Counted;
import vn.tcxd.shared.NotFound;
import vn.tcxd.shared.RuleViolation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rating results through the statistics engine. Upper units (depth ≤ {@code tcxd.reports.counter-depth}
 * in the tree as at each campaign's roll date) read the tallies kept in the transaction of every
 * decision ({@link RatingsChanged}); deeper units are counted from the ratings of their subtree. A
 * subject sits where its rating's {@code unit_path} says: the path in the tree as at the roll date,
 * recorded when the campaign opened (or was refreshed), so a later reorganisation changes no tally.
 * RatingTalliesTests compares both with a brute-force recount.
 */
@Service
@Transactional
class RatingResultService implements RatingResults {

    private static final Logger log = LoggerFactory.getLogger(RatingResultService.class);

    private final RatingTallies tallies;
    private final Evaluations evaluations;
    private final OrgStructure org;
    private final Members members;
    private final MessageSource messages;
    private final Clock clock;
    private final int depth;

    RatingResultService(RatingTallies tallies, Evaluations evaluations, OrgStructure org, Members members,
                        MessageSource messages, Clock clock, @Value("${tcxd.reports.counter-depth:2}") int depth) {
        this.tallies = tallies;
        this.evaluations = evaluations;
        this.org = org;
        this.members = members;
        this.messages = messages;
        this.clock = clock;
        this.depth = depth;
    }

    // ---- keeping the tallies ------------------------------------------------------------------

    /** In the deciding transaction: the decided (or reopened) ratings move between buckets. */
    @EventListener
    void on(RatingsChanged changed) {
        // a committee's decision is applied as a difference; a bulk load (a past round) recounts its campaign set-based
        if (changed.ratingIds().size() > RECOUNT_ABOVE || tallies.countedCampaigns(List.of(changed.campaignId())).isEmpty()) {
            count(changed.campaignId());
        } else {
            tallies.reconcile(changed.ratingIds(), depth);
        }
    }

    /** Above this many ratings in one change, recounting the campaign is cheaper than the difference. */
    private static final int RECOUNT_ABOVE = 2_000;

    private void count(long campaignId) {
        long started = System.nanoTime();
        int counted = tallies.countCampaign(campaignId, depth);
        if (counted > RECOUNT_ABOVE) {
            log.info("Rating tallies: campaign {} counted ({} ratings) in {} ms", campaignId, counted,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    /**
     * A campaign opened (or refreshed) has subjects, pending or not rated, before anything is decided:
     * count them in the transaction that listed them.
     */
    @EventListener
    void on(CampaignSubjectsListed listed) {
        count(listed.campaignId());
    }

    /** After start: a database restored or upgraded without tallies gets them (nothing to do normally). */
    @EventListener(ApplicationReadyEvent.class)
    void countWhatIsNotCounted() {
        if (tallies.anyUncounted()) rebuildTallies();
    }

    @Override
    public int rebuildTallies() {
        long started = System.nanoTime();
        int counted = tallies.rebuild(depth);
        log.info("Rating tallies rebuilt: {} ratings in {} ms", counted, (System.nanoTime() - started) / 1_000_000);
        return counted;
    }

    // ---- reads --------------------------------------------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public RatingDistribution distribution(long unitId, Period period) {
        RatingScheme scheme = scheme(period);
        List<Counted> counted = tallies.counted(period);
        if (tallies.covers(unitId, counted, depth)) {
            return assemble(unitId, period, scheme, tallies.read(unitId, period), FigureSource.LIVE);
        }
        Map<String, Map<String, Long>> counts = new HashMap<>();
        for (Counted c : campaigns(unitId, period, counted)) {
            String path = tallies.pathOn(unitId, c.rollDate());
            if (path != null) tallies.count(c.campaignId(), path, counts);
        }
        return assemble(unitId, period, scheme, counts, FigureSource.HISTORY);
    }

    /**
     * The campaigns of the period whose subjects may lie in the unit's subtree: every campaign is counted
     * in the transaction that opens it (and after start when a restored database lacks its tallies), so
     * the counted ones are all of them; the subtree filter does the rest.
     */
    private List<Counted> campaigns(long unitId, Period period, List<Counted> counted) {
        return counted;
    }

    private RatingScheme scheme(Period period) {
        try {
            return evaluations.schemeFor(period);
        } catch (RuleViolation noScheme) {
            return null;
        }
    }

    static RatingDistribution assemble(long unitId, Period period, RatingScheme scheme,
                                       Map<String, Map<String, Long>> counts, FigureSource source) {
        List<RatingFigures> classes = new ArrayList<>();
        for (RatingClass c : RatingClass.values()) {
            Map<String, Long> buckets = counts.getOrDefault(c.name(), Map.of());
            List<RatingFigures.LevelCount> levels = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            if (scheme != null) {
                List<RatingLevel> ofScheme = scheme.levels(c.subjectKind());
                for (int i = 0; i < ofScheme.size(); i++) {
                    RatingLevel level = ofScheme.get(i);
                    levels.add(new RatingFigures.LevelCount(level, i + 1, buckets.getOrDefault(level.name(), 0L)));
                    seen.add(level.name());
                }
            }
            long rated = 0;
            long open = 0;
            long total = 0;
            Map<NotRatedReason, Long> notRated = new EnumMap<>(NotRatedReason.class);
            for (var e : buckets.entrySet()) {
                String bucket = e.getKey();
                long n = e.getValue();
                total += n;
                if (RatingTallies.OPEN.equals(bucket)) {
                    open += n;
                } else if (bucket.startsWith(RatingTallies.NOT_RATED)) {
                    notRated.merge(NotRatedReason.valueOf(bucket.substring(RatingTallies.NOT_RATED.length())), n, Long::sum);
                } else {
                    rated += n;
                    if (!seen.contains(bucket)) levels.add(new RatingFigures.LevelCount(RatingLevel.valueOf(bucket), 0, n));
                }
            }
            classes.add(new RatingFigures(c, levels, rated, open, notRated, total));
        }
        return new RatingDistribution(unitId, period, scheme == null ? null : scheme.code(), classes, source);
    }

    @Override
    @Transactional(readOnly = true)
    public RatingReport report(long unitId, Period period, Locale locale) {
        UnitDetails unit = unit(unitId, period.end());
        RatingScheme scheme = scheme(period);
        RatingDistribution current = distribution(unitId, period);
        RatingDistribution previous = null;
        RatingScheme previousScheme = null;
        if (period.kind() == PeriodKind.YEAR) {
            Period before = Period.year(period.year() - 1);
            RatingDistribution d = distribution(unitId, before);
            if (!d.isEmpty()) {
                previous = d;
                previousScheme = scheme(before);
            }
        }
        RatingNarrativeWriter writer = new RatingNarrativeWriter(texts(locale));
        String paragraph = writer.paragraph(unit.name(), current, scheme);
        String comparison = writer.comparison(current, scheme, previous, previousScheme);
        List<RatingCandidate> removal = period.kind() == PeriodKind.YEAR ? removalCandidates(unitId, period.year()) : List.of();
        List<RatingCandidate> commendation = period.kind() == PeriodKind.YEAR
                ? commendationCandidates(unitId, period.year()) : List.of();
        List<NotRatedSubject> notRated = new ArrayList<>();
        for (Counted c : campaigns(unitId, period, tallies.counted(period))) {
            String path = tallies.pathOn(unitId, c.rollDate());
            if (path == null) continue;
            for (var r : tallies.notRated(c.campaignId(), path, RatingReport.LISTED - notRated.size())) {
                notRated.add(new NotRatedSubject(RatingClass.valueOf(r.subjectClass()), r.memberId(), r.name(), r.unitId(),
                        r.unitName(), NotRatedReason.valueOf(r.reason())));
            }
        }
        long notRatedCount = current.classes().stream().mapToLong(RatingFigures::notRatedTotal).sum();
        return new RatingReport(current, previous, paragraph, comparison, removal, commendation, notRated, notRatedCount);
    }

    @Override
    @Transactional(readOnly = true)
    public List<RatingCandidate> removalCandidates(long unitId, int year) {
        // HD 16/21-HD/BTCTW; DOMAIN §3.4: two years running not completing tasks (violating member standards) → consider removal
        return candidates(unitId, year, rankLevels(4), year - 1, 2);
    }

    @Override
    @Transactional(readOnly = true)
    public List<RatingCandidate> commendationCandidates(long unitId, int year) {
        // HD 21-HD/BTCTW (2019), khen thưởng: HTXSNV five years in a row
        return candidates(unitId, year, rankLevels(1), year - 4, 5);
    }

    /** The members' level of this rank in every scheme (e.g. rank 4: NOT_COMPLETED, VIOLATED). */
    private String[] rankLevels(int rank) {
        Set<String> levels = new LinkedHashSet<>();
        for (RatingScheme s : evaluations.schemes()) levels.add(s.level(SubjectKind.MEMBER, rank).name());
        return levels.toArray(String[]::new);
    }

    private List<RatingCandidate> candidates(long unitId, int year, String[] levels, int fromYear, int years) {
        Period period = Period.year(year);
        List<RatingCandidate> result = new ArrayList<>();
        for (Counted c : campaigns(unitId, period, tallies.counted(period))) {
            String path = tallies.pathOn(unitId, c.rollDate());
            if (path == null) continue;
            for (var r : tallies.candidates(c.campaignId(), path, levels, fromYear, year, years)) {
                List<RatingCandidate.YearLevel> history = new ArrayList<>();
                for (String part : r.years().split(",")) {
                    String[] yl = part.split(":");
                    history.add(new RatingCandidate.YearLevel(Integer.parseInt(yl[0]), RatingLevel.valueOf(yl[1])));
                }
                result.add(new RatingCandidate(r.memberId(), r.name(), r.cellId(), r.cellName(), history));
            }
        }
        return result;
    }

    // ---- exports ------------------------------------------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public byte[] xlsx(long unitId, Period period, Locale locale) {
        RatingTables tables = tables(unitId, period, locale);
        return new FormWorkbook(texts(locale)).write(tables.tables(), tables.sheetNames());
    }

    @Override
    @Transactional(readOnly = true)
    public byte[] pdf(long unitId, Period period, Locale locale) {
        RatingTables tables = tables(unitId, period, locale);
        UnitDetails unit = unit(unitId, period.end());
        UnitDetails parent = unit.parent() == null ? null : unit(unit.parent().id(), period.end());
        return new FormPdf(texts(locale)).write(unit, parent, tables.tables(), LocalDate.now(clock));
    }

    private RatingTables tables(long unitId, Period period, Locale locale) {
        UnitDetails unit = unit(unitId, period.end());
        RatingReport report = report(unitId, period, locale);
        return RatingTables.of(texts(locale), unit, report);
    }

    private Texts texts(Locale locale) {
        return new Texts(messages, members, locale);
    }

    /** The unit as it was at the end of the period, or as it was last. */
    private UnitDetails unit(long unitId, LocalDate asOf) {
        Optional<UnitDetails> unit = org.unit(unitId, asOf.isAfter(LocalDate.now(clock)) ? LocalDate.now(clock) : asOf);
        return unit.or(() -> org.lastKnown(unitId)).orElseThrow(() -> new NotFound("unit " + unitId));
    }
}
