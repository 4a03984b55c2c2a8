package vn.tcxd.cadres.internal;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tcxd.cadres.CadreAct;
import vn.tcxd.cadres.CadreDue;
import vn.tcxd.cadres.CadreFile;
import vn.tcxd.cadres.CadreProfile;
import vn.tcxd.cadres.CadreRuleSet;
import vn.tcxd.cadres.CadreSummary;
import vn.tcxd.cadres.Cadres;
import vn.tcxd.cadres.Committee;
import vn.tcxd.cadres.CongressFigures;
import vn.tcxd.cadres.Incumbency;
import vn.tcxd.cadres.ManagingLevel;
import vn.tcxd.cadres.PlanCheck;
import vn.tcxd.cadres.PlanEntry;
import vn.tcxd.cadres.PlanPeriod;
import vn.tcxd.cadres.Posts;
import vn.tcxd.cadres.RemovalReason;
import vn.tcxd.cadres.Rotation;
import vn.tcxd.cadres.SeatEntry;
import vn.tcxd.cadres.Term;
import vn.tcxd.cadres.Title;
import vn.tcxd.cadres.Training;
import vn.tcxd.cadres.internal.CadreRepository.IncRow;
import vn.tcxd.cadres.internal.CadreRepository.Person;
import vn.tcxd.cadres.internal.CadreRepository.PlanRow;
import vn.tcxd.cadres.internal.CadreRepository.RotationRow;
import vn.tcxd.cadres.internal.CadreRepository.SeatRow;
import vn.tcxd.cadres.internal.CadreRepository.TermRow;
import vn.tcxd.calendar.WorkingDays;
import vn.tcxd.evaluations.RatingLevel;
import vn.tcxd.members.Gender;
import vn.tcxd.members.MemberState;
import vn.tcxd.members.Members;
import vn.tcxd.orgstructure.UnitType;
import vn.tcxd.shared.NotFound;
import vn.tcxd.shared.RuleViolation;
import vn.tcxd.shared.VietnameseText;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The reads of cadre work, and the entry point of its acts ({@link CadreActs}). */
@Service
@Transactional(readOnly = true)
class CadreService implements Cadres {

    /** Ethnicity code list: 01 is Kinh, 99 "other origin"; neither is an ethnic minority (as in biểu 4-TCTW). */
    static final Set<String> NOT_MINORITY = Set.of("01", "99");

    private final CadreRepository repo;
    private final ReferenceData ref;
    private final Tree tree;
    private final Members members;
    private final WorkingDays workingDays;
    private final CadreActs acts;
    private final ConfidenceOutcomes confidence;

    CadreService(CadreRepository repo, ReferenceData ref, Tree tree, Members members, WorkingDays workingDays,
                 CadreActs acts, ConfidenceOutcomes confidence) {
        this.confidence = confidence;
        this.repo = repo;
        this.ref = ref;
        this.tree = tree;
        this.members = members;
        this.workingDays = workingDays;
        this.acts = acts;
    }

    @Override
    @Transactional
    public long apply(CadreAct act) {
        return acts.apply(act);
    }

    // ---- reference data ---------------------------------------------------------------------------------

    @Override
    public List<Title> titles(UnitType unitType) {
        return ref.titles(unitType);
    }

    @Override
    public Optional<Title> title(String code) {
        return ref.title(code);
    }

    @Override
    public List<CadreRuleSet> ruleSets() {
        return ref.ruleSets();
    }

    @Override
    public CadreRuleSet ruleSetOn(LocalDate date) {
        return ref.ruleSetOn(date);
    }

    @Override
    public List<PlanPeriod> periods() {
        return ref.periods();
    }

    // ---- terms and committees ---------------------------------------------------------------------------

    @Override
    public List<Term> terms(long unitId) {
        List<TermRow> rows = repo.terms(unitId);
        return termsNamed(rows);
    }

    @Override
    public Optional<Term> term(long termId) {
        return repo.term(termId).map(t -> termsNamed(List.of(t)).getFirst());
    }

    private List<Term> termsNamed(List<TermRow> rows) {
        Map<Long, String> names = new HashMap<>();
        for (TermRow t : rows) {
            names.computeIfAbsent(t.unitId(), id -> tree.node(id, t.startsOn()).map(Tree.Node::name).orElse("#" + id));
        }
        return rows.stream().map(t -> new Term(t.id(), t.unitId(), names.get(t.unitId()), t.label(), t.startsOn(), t.endsOn(),
                t.congress(), t.congressName(), t.congressDate(), t.delegates(), t.decision())).toList();
    }

    @Override
    public Committee committee(long termId, LocalDate asOf) {
        Term term = term(termId).orElseThrow(() -> new NotFound("term " + termId));
        List<SeatRow> rows = repo.seats(termId);
        Map<Long, Person> people = repo.people(rows.stream().map(SeatRow::memberId).collect(Collectors.toSet()));
        List<Committee.Seat> seats = rows.stream().map(s -> seat(s, people)).toList();
        List<Committee.Seat> members = seats.stream().filter(s -> term.covers(asOf) && s.heldOn(asOf))
                .sorted(Comparator.comparing((Committee.Seat s) -> s.role().ordinal()).reversed()
                        .thenComparing(Committee.Seat::fullName, VietnameseText.order()))
                .toList();
        return new Committee(term, asOf, members, seats);
    }

    @Override
    public Optional<Committee.Seat> seat(long seatId) {
        return repo.seat(seatId).map(s -> seat(s, repo.people(List.of(s.memberId()))));
    }

    private static Committee.Seat seat(SeatRow s, Map<Long, Person> people) {
        Person p = people.get(s.memberId());
        return new Committee.Seat(s.id(), s.termId(), s.memberId(), p == null ? "#" + s.memberId() : p.fullName(), s.role(),
                s.entry(), s.joinedOn(), s.joinDecision(), s.followsId(), s.leftOn(), s.exit(), s.leaveDecision());
    }

    // ---- posts --------------------------------------------------------------------------------------------

    @Override
    public Posts posts(long unitId, LocalDate asOf) {
        Tree.Node node = tree.node(unitId, asOf).orElseThrow(() -> new NotFound("unit " + unitId));
        List<Long> chain = node.chainUp();
        Map<Long, UnitType> types = tree.types(chain, asOf);
        List<IncRow> held = repo.incumbencies(unitId, asOf);
        Map<Long, Person> people = repo.people(held.stream().map(IncRow::memberId).collect(Collectors.toSet()));
        List<Posts.Post> posts = new ArrayList<>();
        for (Title title : ref.titles(node.type())) {
            Long manager = CadreRules.manager(title.managingLevel(), chain, types);
            List<Incumbency> holders = held.stream().filter(i -> i.titleCode().equals(title.code()))
                    .map(i -> incumbency(i, node.name(), people)).toList();
            posts.add(new Posts.Post(title, manager == null ? chain.getLast() : manager, holders));
        }
        return new Posts(unitId, node.name(), node.type(), asOf, posts);
    }

    @Override
    public Optional<Incumbency> incumbency(long incumbencyId) {
        return repo.incumbency(incumbencyId).map(i -> incumbency(i,
                tree.node(i.unitId(), i.startsOn()).map(Tree.Node::name).orElse("#" + i.unitId()),
                repo.people(List.of(i.memberId()))));
    }

    private Incumbency incumbency(IncRow i, String unitName, Map<Long, Person> people) {
        Person p = people.get(i.memberId());
        return new Incumbency(i.id(), i.unitId(), unitName, ref.title(i.titleCode()).orElseThrow(), i.memberId(),
                p == null ? "#" + i.memberId() : p.fullName(), i.kind(), i.startsOn(), i.termEndsOn(),
                i.dossierReceivedOn(), i.ruleSetCode(), i.decision(), i.followsId(), i.endedOn(), i.end(),
                i.endDecision(), i.endReason());
    }

    @Override
    public long managerOf(long unitId, String titleCode, LocalDate asOf) {
        Title title = ref.title(titleCode).orElseThrow(() -> new NotFound("title " + titleCode));
        return tree.manager(unitId, title.managingLevel(), asOf).orElseThrow(() -> new NotFound("unit " + unitId));
    }

    // ---- planning -----------------------------------------------------------------------------------------

    /** Planned cadres of the period managed by the unit, on the date: the managed entries and the unit. */
    private record Managed(Tree.Node unit, PlanPeriod period, List<PlanRow> entries) {
    }

    private Managed managed(long unitId, String periodCode, LocalDate asOf) {
        PlanPeriod period = ref.period(periodCode).orElseThrow(() -> new NotFound("period " + periodCode));
        Tree.Node unit = tree.node(unitId, asOf).orElseThrow(() -> new NotFound("unit " + unitId));
        if (ManagingLevel.levelOf(unit.type()) == 0) {
            return new Managed(unit, period, List.of());
        }
        // only titles this unit's level can manage; a manager is looked up among the managing units on their paths
        Map<PlanRow, String> candidates = new LinkedHashMap<>();
        repo.activeInSubtree(periodCode, unit.path(), asOf).forEach((entry, path) -> {
            if (ref.title(entry.titleCode()).orElseThrow().managingLevel().managedBy(unit.type())) {
                candidates.put(entry, path);
            }
        });
        Map<Long, UnitType> managing = tree.managingUnits(unit.path(), asOf, Tree.idsOnPaths(candidates.values()));
        List<PlanRow> entries = new ArrayList<>();
        candidates.forEach((entry, path) -> {
            Title title = ref.title(entry.titleCode()).orElseThrow();
            Long manager = CadreRules.manager(title.managingLevel(), new Tree.Node(entry.unitId(), path, null, null).chainUp(),
                    managing);
            if (manager != null && manager == unitId) {
                entries.add(entry);
            }
        });
        return new Managed(unit, period, entries);
    }

    @Override
    public PlanCheck planCheck(long unitId, String periodCode, LocalDate asOf) {
        Managed m = managed(unitId, periodCode, asOf);
        CadreRuleSet rules = ref.ruleSetOn(asOf);
        List<PlanRow> entries = m.entries();
        Set<Long> postUnits = new LinkedHashSet<>();
        postUnits.add(unitId);
        entries.forEach(e -> postUnits.add(e.unitId()));
        Map<Long, String> unitNames = tree.names(postUnits, asOf);
        List<IncRow> holders = repo.incumbenciesAt(postUnits, asOf);
        Set<Long> personIds = new HashSet<>();
        entries.forEach(e -> personIds.add(e.memberId()));
        holders.forEach(h -> personIds.add(h.memberId()));
        Map<Long, Person> people = repo.people(personIds);
        Map<Long, PlanEntry> named = new LinkedHashMap<>();
        for (PlanRow e : entries) {
            named.put(e.id(), planEntry(e, m.period(), unitNames.getOrDefault(e.unitId(), "#" + e.unitId()), people));
        }

        // the posts: the unit's own titles first (with or without planned cadres), then every post below with some
        record PostKey(long unitId, String titleCode) {
        }
        Map<PostKey, List<PlanEntry>> byPost = new LinkedHashMap<>();
        if (ManagingLevel.levelOf(m.unit().type()) > 0) {
            for (Title t : ref.titles(m.unit().type())) {
                if (t.managingLevel().managedBy(m.unit().type())) {
                    byPost.put(new PostKey(unitId, t.code()), new ArrayList<>());
                }
            }
        }
        named.values().stream()
                .sorted(Comparator.comparing((PlanEntry e) -> e.unitId() == unitId ? 0 : 1)
                        .thenComparing(PlanEntry::unitName, VietnameseText.order()).thenComparing(e -> e.title().rank()))
                .forEach(e -> byPost.computeIfAbsent(new PostKey(e.unitId(), e.title().code()), k -> new ArrayList<>()).add(e));
        List<PlanCheck.PostPlan> posts = new ArrayList<>();
        // the holders by post, in their order (one pass instead of one per post: ~800 posts × ~3,000 holders in a province)
        Map<PostKey, List<IncRow>> holdersByPost = holders.stream().collect(Collectors.groupingBy(
                h -> new PostKey(h.unitId(), h.titleCode()), LinkedHashMap::new, Collectors.toList()));
        byPost.forEach((key, list) -> {
            Title title = ref.title(key.titleCode()).orElseThrow();
            List<Incumbency> held = holdersByPost.getOrDefault(key, List.of()).stream()
                    .map(h -> incumbency(h, unitNames.getOrDefault(h.unitId(), ""), people)).toList();
            posts.add(new PlanCheck.PostPlan(key.unitId(), unitNames.getOrDefault(key.unitId(), "#" + key.unitId()), title,
                    list, held));
        });

        // shares of distinct planned cadres (QĐ 50: young ≥ 15 %, women ≥ 25 %, ethnic minorities suited to the area)
        Set<Long> planned = entries.stream().map(PlanRow::memberId).collect(Collectors.toCollection(LinkedHashSet::new));
        int youngAge = rules.youngAge(m.period().central());
        long young = planned.stream().map(people::get).filter(p -> p != null && CadreRules.age(p.birthDate(), asOf) < youngAge).count();
        long women = planned.stream().map(people::get).filter(p -> p != null && p.gender() == Gender.FEMALE).count();
        long minorities = planned.stream().map(people::get).filter(p -> p != null && minority(p.ethnicity())).count();
        long base = planned.size();
        List<PlanCheck.Share> shares = List.of(
                new PlanCheck.Share(PlanCheck.ShareKind.YOUNG, young, base, rules.youngTargetPct(), youngAge,
                        CadreRules.missed(young, base, rules.youngTargetPct())),
                new PlanCheck.Share(PlanCheck.ShareKind.WOMEN, women, base, rules.womenTargetPct(), youngAge,
                        CadreRules.missed(women, base, rules.womenTargetPct())),
                new PlanCheck.Share(PlanCheck.ShareKind.MINORITY, minorities, base, rules.minorityTargetPct(), youngAge,
                        CadreRules.missed(minorities, base, rules.minorityTargetPct())));

        List<PlanCheck.Removal> removals = removals(rules, m.period(), named.values(), people, asOf);

        List<PlanCheck.Overflow> overflows = new ArrayList<>();
        for (PlanCheck.PostPlan p : posts) {
            if (p.entries().size() > rules.maxPlannedPerTitle()) {
                overflows.add(new PlanCheck.Overflow(null, null, p.unitId(), p.title().name() + " – " + p.unitName(),
                        p.entries().size(), rules.maxPlannedPerTitle()));
            }
        }
        Map<Long, Map<UnitType, Long>> perCadre = new HashMap<>();
        named.values().forEach(e -> perCadre.computeIfAbsent(e.memberId(), k -> new EnumMap<>(UnitType.class))
                .merge(e.title().unitType(), 1L, Long::sum));
        perCadre.forEach((member, byLevel) -> byLevel.forEach((level, count) -> {
            if (count > rules.maxTitlesPerCadre()) {
                overflows.add(new PlanCheck.Overflow(member, people.get(member).fullName(), null, null, count.intValue(),
                        rules.maxTitlesPerCadre()));
            }
        }));
        return new PlanCheck(unitId, m.unit().name(), m.period(), asOf, rules, posts, planned.size(), shares, removals,
                overflows);
    }

    /**
     * Who the annual review removes (QĐ 50-QĐ/TW; HD 16-HD/BTCTW mục 11; QĐ 377-QĐ/TW): no longer a full
     * term of working age from the planned term's start (or today once it has begun); disciplined with
     * reprimand or heavier since being planned; a confidence vote since being planned whose rule set
     * gives removal (QĐ 96-QĐ/TW: over half low votes) or dismissal.
     */
    private List<PlanCheck.Removal> removals(CadreRuleSet rules, PlanPeriod period, Collection<PlanEntry> entries,
                                             Map<Long, Person> people, LocalDate asOf) {
        List<PlanCheck.Removal> removals = new ArrayList<>();
        Map<Long, List<CadreRepository.DisciplineRow>> disciplines = repo.disciplines(
                        entries.stream().map(PlanEntry::memberId).collect(Collectors.toSet()), asOf).stream()
                .collect(Collectors.groupingBy(CadreRepository.DisciplineRow::memberId));
        Map<Long, List<ConfidenceOutcomes.Row>> votes = confidence.consequential(
                        entries.stream().map(PlanEntry::memberId).collect(Collectors.toSet()), asOf).stream()
                .collect(Collectors.groupingBy(ConfidenceOutcomes.Row::memberId));
        for (PlanEntry e : entries) {
            Person p = people.get(e.memberId());
            if (p == null) {
                continue;
            }
            LocalDate retirement = CadreRules.retirementDate(p.gender(), p.birthDate(), ref.retirement());
            LocalDate reference = CadreRules.planningReference(period, asOf);
            if (!CadreRules.fullTermLeft(rules, retirement, reference)) {
                removals.add(new PlanCheck.Removal(e, RemovalReason.OVER_AGE, retirement, retirement,
                        CadreRules.monthsBetween(reference, retirement), rules.planningFullTermMonths(), null, null,
                        rules.legalBasis()));
            }
            for (CadreRepository.DisciplineRow d : disciplines.getOrDefault(e.memberId(), List.of())) {
                if (!d.on().isBefore(e.addedOn()) && rules.removalDisciplineForms().contains(d.form())) {
                    removals.add(new PlanCheck.Removal(e, RemovalReason.DISCIPLINE, d.on(), null, null, null, d.form(),
                            d.decision(), rules.legalBasis()));
                    break;
                }
            }
            for (ConfidenceOutcomes.Row v : votes.getOrDefault(e.memberId(), List.of())) {
                if (!v.votedOn().isBefore(e.addedOn())) {
                    removals.add(PlanCheck.Removal.lowConfidence(e, v.votedOn(), v.sessionName(), v.low(), v.base(),
                            v.dismissal(), v.legalBasis()));
                    break;
                }
            }
        }
        return removals;
    }

    static boolean minority(String ethnicity) {
        return ethnicity != null && !NOT_MINORITY.contains(ethnicity);
    }

    @Override
    public Optional<PlanEntry> planEntry(long entryId) {
        return repo.planEntry(entryId).map(e -> planEntry(e, ref.period(e.periodCode()).orElseThrow(),
                tree.node(e.unitId(), e.addedOn()).map(Tree.Node::name).orElse("#" + e.unitId()),
                repo.people(List.of(e.memberId()))));
    }

    private PlanEntry planEntry(PlanRow e, PlanPeriod period, String unitName, Map<Long, Person> people) {
        Person p = people.get(e.memberId());
        return new PlanEntry(e.id(), period, e.unitId(), unitName, ref.title(e.titleCode()).orElseThrow(), e.memberId(),
                p == null ? "#" + e.memberId() : p.fullName(), p == null ? null : p.gender(),
                p == null ? null : p.birthDate(), p == null ? null : p.ethnicity(), e.addedOn(), e.ruleSetCode(),
                e.decision(), e.removedOn(), e.removalReason(), e.removalNote(), e.removalDecision());
    }

    // ---- due work -----------------------------------------------------------------------------------------

    @Override
    public List<CadreDue> due(long unitId, LocalDate today, int horizonDays) {
        return due(unitId, today, horizonDays, false);
    }

    @Override
    public List<CadreDue> dueManagedBy(long unitId, LocalDate today, int horizonDays) {
        return due(unitId, today, horizonDays, true);
    }

    private List<CadreDue> due(long unitId, LocalDate today, int horizonDays, boolean ownOnly) {
        Tree.Node unit = tree.node(unitId, today).orElseThrow(() -> new NotFound("unit " + unitId));
        // its own work: the titles of its managing level, held at units of their types only
        List<Title> own = ownOnly ? ref.titles().stream()
                .filter(t -> t.managingLevel().rank() == ManagingLevel.levelOf(unit.type())).toList() : null;
        CadreRuleSet current = ref.ruleSetOn(today);
        LocalDate by = today.plusDays(horizonDays);
        // notices fall at most ~190 calendar days before a term ends (90 working days across Tết);
        // retirement comes at the youngest age of the schedule for each gender (candidates only: the rule decides)
        LocalDate endsBy = by.plusDays(200);
        LocalDate retiringBy = by.plusMonths(current.retirementNoticeMonths());
        Map<Gender, LocalDate> bornBy = new java.util.EnumMap<>(Gender.class);
        for (Gender g : Gender.values()) {
            bornBy.put(g, CadreRules.latestBirthRetiringBy(g, retiringBy, ref.retirement()));
        }
        Map<IncRow, String> candidates = own != null && own.isEmpty() ? Map.of()
                : repo.dueCandidatesInSubtree(unit.path(), today, endsBy, bornBy,
                own == null ? null : own.stream().map(Title::code).collect(Collectors.toSet()),
                own == null ? null : own.stream().map(t -> t.unitType().name()).collect(Collectors.toSet()));
        if (candidates.isEmpty()) {
            return rotationsDue(unit, today, by);
        }
        Map<Long, UnitType> managing = tree.managingUnits(unit.path(), today, Tree.idsOnPaths(candidates.values()));
        Map<Long, Person> people = repo.people(candidates.keySet().stream().map(IncRow::memberId).collect(Collectors.toSet()));
        Map<Long, String> unitNames = tree.names(candidates.keySet().stream().map(IncRow::unitId).collect(Collectors.toSet()), today);
        List<CadreDue> due = new ArrayList<>();
        Map<Long, CadreDue> retiring = new LinkedHashMap<>();
        candidates.forEach((i, path) -> {
            Title title = ref.title(i.titleCode()).orElseThrow();
            Long manager = CadreRules.manager(title.managingLevel(), new Tree.Node(i.unitId(), path, null, null).chainUp(),
                    managing);
            if (manager == null || own != null && manager != unit.id()) {
                return;
            }
            Person p = people.get(i.memberId());
            String name = p == null ? "#" + i.memberId() : p.fullName();
            String unitName = unitNames.getOrDefault(i.unitId(), "");
            if (i.kind().appointment() && !i.termEndsOn().isAfter(endsBy)) {
                try {
                    CadreRuleSet atEnd = ref.ruleSetOn(i.termEndsOn());
                    LocalDate notice = CadreRules.noticeDue(atEnd, i.termEndsOn(), workingDays);
                    if (!notice.isAfter(by)) {
                        due.add(new CadreDue(CadreDue.Kind.REAPPOINTMENT_NOTICE, notice, today.isAfter(notice),
                                i.termEndsOn(), i.memberId(), name, i.unitId(), unitName, title.name() + " – " + unitName, i.id(),
                                null, manager,
                                atEnd.legalBasis() + "|" + atEnd.noticeAmount() + "|" + atEnd.noticeUnit().name()));
                    }
                } catch (RuleViolation outsideCalendar) {
                    // a term ending past the holiday calendar: its notice is years away, not due work yet
                }
            }
            if (p != null) {
                LocalDate retirement = CadreRules.retirementDate(p.gender(), p.birthDate(), ref.retirement());
                LocalDate notice = retirement.minusMonths(current.retirementNoticeMonths());
                if (!notice.isAfter(by)) {
                    // one item per person, naming every title they hold
                    CadreDue known = retiring.get(i.memberId());
                    String titles = known == null ? title.name() + " – " + unitName
                            : known.titleName() + "; " + title.name() + " – " + unitName;
                    retiring.put(i.memberId(), new CadreDue(CadreDue.Kind.RETIREMENT, notice, today.isAfter(notice), retirement,
                            i.memberId(), name, i.unitId(), unitName, titles, i.id(), null, manager,
                            ref.retirement().stream().filter(r -> r.gender() == p.gender() && r.covers(retirement.getYear()))
                                    .map(CadreRules.RetirementRule::legalBasis).findFirst().orElse("")));
                }
            }
        });
        due.addAll(retiring.values());
        due.addAll(rotationsDue(unit, today, by));
        due.sort(Comparator.comparing(CadreDue::due).thenComparing(CadreDue::fullName, VietnameseText.order()));
        return due;
    }

    private List<CadreDue> rotationsDue(Tree.Node unit, LocalDate today, LocalDate by) {
        List<CadreDue> due = new ArrayList<>();
        List<RotationRow> rows = repo.rotationsInSubtree(unit.path(), today).stream()
                .filter(r -> r.endedOn() == null && r.plannedEnd() != null && !r.plannedEnd().isAfter(by)).toList();
        if (rows.isEmpty()) {
            return due;
        }
        Map<Long, Person> people = repo.people(rows.stream().map(RotationRow::memberId).collect(Collectors.toSet()));
        Map<Long, String> names = tree.names(rows.stream().map(RotationRow::toUnitId).collect(Collectors.toSet()), today);
        for (RotationRow r : rows) {
            Person p = people.get(r.memberId());
            due.add(new CadreDue(CadreDue.Kind.ROTATION_END, r.plannedEnd(), today.isAfter(r.plannedEnd()), r.plannedEnd(),
                    r.memberId(), p == null ? "#" + r.memberId() : p.fullName(), r.toUnitId(),
                    names.getOrDefault(r.toUnitId(), ""), r.position() + " – " + names.getOrDefault(r.toUnitId(), ""), null,
                    r.id(), unit.id(),
                    ref.ruleSet(r.ruleSetCode()).map(CadreRuleSet::legalBasis).orElse("")));
        }
        return due;
    }

    // ---- rotations --------------------------------------------------------------------------------------------

    @Override
    public List<Rotation> rotations(long unitId, LocalDate asOf) {
        Tree.Node unit = tree.node(unitId, asOf).orElseThrow(() -> new NotFound("unit " + unitId));
        return rotationsNamed(repo.rotationsInSubtree(unit.path(), asOf), asOf);
    }

    @Override
    public Optional<Rotation> rotation(long rotationId) {
        return repo.rotation(rotationId).map(r -> rotationsNamed(List.of(r), r.startsOn()).getFirst());
    }

    private List<Rotation> rotationsNamed(List<RotationRow> rows, LocalDate asOf) {
        Set<Long> units = new HashSet<>();
        rows.forEach(r -> {
            units.add(r.fromUnitId());
            units.add(r.toUnitId());
            if (r.returnUnitId() != null) units.add(r.returnUnitId());
        });
        Map<Long, String> names = tree.names(units, asOf);
        Map<Long, Person> people = repo.people(rows.stream().map(RotationRow::memberId).collect(Collectors.toSet()));
        return rows.stream().map(r -> new Rotation(r.id(), r.memberId(),
                Optional.ofNullable(people.get(r.memberId())).map(Person::fullName).orElse("#" + r.memberId()), r.kind(),
                r.fromUnitId(), names.getOrDefault(r.fromUnitId(), ""), r.toUnitId(), names.getOrDefault(r.toUnitId(), ""),
                r.position(), r.startsOn(), r.plannedEnd(), r.returnUnitId(),
                r.returnUnitId() == null ? null : names.get(r.returnUnitId()), r.ruleSetCode(), r.decision(), r.endedOn(),
                r.endDecision())).toList();
    }

    // ---- the cadre's file -----------------------------------------------------------------------------------

    @Override
    public Optional<CadreFile> file(long memberId, LocalDate asOf) {
        Optional<Person> found = repo.person(memberId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Person p = found.get();
        Map<Long, Person> self = Map.of(memberId, p);
        List<IncRow> incs = repo.incumbenciesOfMember(memberId);
        List<SeatRow> seats = repo.seatsOfMember(memberId);
        List<PlanRow> plans = repo.plansOfMember(memberId);
        List<RotationRow> rotations = repo.rotationsOfMember(memberId);
        Map<Long, TermRow> terms = repo.termsById(seats.stream().map(SeatRow::termId).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(TermRow::id, t -> t));
        Set<Long> units = new HashSet<>();
        incs.forEach(i -> units.add(i.unitId()));
        plans.forEach(e -> units.add(e.unitId()));
        terms.values().forEach(t -> units.add(t.unitId()));
        Map<Long, String> names = tree.names(units, asOf);
        List<Incumbency> positions = incs.stream().map(i -> incumbency(i, names.getOrDefault(i.unitId(), ""), self))
                .sorted(Comparator.comparing(Incumbency::startsOn).reversed()).toList();
        List<CadreFile.SeatHeld> seatsHeld = seats.stream().map(s -> {
            TermRow t = terms.get(s.termId());
            Term term = new Term(t.id(), t.unitId(), names.getOrDefault(t.unitId(), ""), t.label(), t.startsOn(), t.endsOn(),
                    t.congress(), t.congressName(), t.congressDate(), t.delegates(), t.decision());
            return new CadreFile.SeatHeld(term, seat(s, self));
        }).sorted(Comparator.comparing((CadreFile.SeatHeld s) -> s.seat().joinedOn()).reversed()).toList();
        List<PlanEntry> planEntries = plans.stream()
                .map(e -> planEntry(e, ref.period(e.periodCode()).orElseThrow(), names.getOrDefault(e.unitId(), ""), self))
                .sorted(Comparator.comparing(PlanEntry::addedOn).reversed()).toList();
        List<Training> training = repo.training(memberId).stream().map(t -> new Training(t.id(), t.memberId(), t.kind(),
                t.level(), t.name(), t.institution(), t.startsOn(), t.endsOn(), t.certificate())).toList();
        List<CadreFile.LeaderRating> ratings = repo.ratings(memberId).stream().map(r -> new CadreFile.LeaderRating(r.year(),
                r.periodKind(), "LEADER".equals(r.subjectKind()), r.unitName(), RatingLevel.valueOf(r.level()),
                r.decidedOn())).toList();
        List<CadreFile.Discipline> disciplines = repo.disciplines(List.of(memberId), asOf).stream()
                .map(d -> new CadreFile.Discipline(d.on(), d.form(), d.decision())).toList();
        Optional<MemberState> state = members.stateOn(memberId, asOf);
        Long unitId = state.map(MemberState::unitId).orElse(null);
        String unitName = unitId == null ? null : tree.node(unitId, asOf).map(Tree.Node::name).orElse(null);
        LocalDate retirement = CadreRules.retirementDate(p.gender(), p.birthDate(), ref.retirement());
        return Optional.of(new CadreFile(memberId, p.fullName(), p.gender(), p.birthDate(), p.ethnicity(), p.education(),
                p.professional(), p.theory(), p.stateManagement(), unitId, unitName, retirement, positions, seatsHeld,
                planEntries, training, rotationsNamed(rotations, asOf), ratings, disciplines,
                confidence.of(memberId, asOf).stream().map(v -> new CadreFile.ConfidenceVote(v.sessionName(), v.votedOn(),
                        v.low(), v.base(), v.removal(), v.dismissal(), v.legalBasis())).toList(),
                managers(incs, seats, terms, plans, asOf)));
    }

    /**
     * The units whose commissions keep the file: the managers of the current posts, planning and seats,
     * else of the last ones. A seat on a committee is managed by the committee's own unit (or, below the
     * grassroots, by the grassroots organisation).
     */
    private Set<Long> managers(List<IncRow> incs, List<SeatRow> seats, Map<Long, TermRow> terms, List<PlanRow> plans,
                               LocalDate today) {
        Set<Long> current = new LinkedHashSet<>();
        for (IncRow i : incs) {
            if (i.heldOn(today) || (i.endedOn() == null && i.startsOn().isAfter(today))) {
                tree.manager(i.unitId(), ref.title(i.titleCode()).orElseThrow().managingLevel(), today).ifPresent(current::add);
            }
        }
        for (PlanRow e : plans) {
            if (e.active()) {
                tree.manager(e.unitId(), ref.title(e.titleCode()).orElseThrow().managingLevel(), today).ifPresent(current::add);
            }
        }
        for (SeatRow s : seats) {
            TermRow t = terms.get(s.termId());
            if (s.heldOn(today) && t.endsOn().isAfter(today)) {
                tree.manager(t.unitId(), ManagingLevel.GRASSROOTS, today).ifPresent(current::add);
            }
        }
        if (!current.isEmpty()) {
            return current;
        }
        Set<Long> past = new LinkedHashSet<>();
        incs.stream().max(Comparator.comparing(IncRow::startsOn)).ifPresent(i -> tree.manager(i.unitId(),
                ref.title(i.titleCode()).orElseThrow().managingLevel(), lastDay(i.startsOn(), i.endedOn(), today))
                .ifPresent(past::add));
        plans.stream().max(Comparator.comparing(PlanRow::addedOn)).ifPresent(e -> tree.manager(e.unitId(),
                ref.title(e.titleCode()).orElseThrow().managingLevel(), lastDay(e.addedOn(), e.removedOn(), today))
                .ifPresent(past::add));
        seats.stream().max(Comparator.comparing(SeatRow::joinedOn)).ifPresent(s -> {
            TermRow t = terms.get(s.termId());
            LocalDate end = s.leftOn() != null && s.leftOn().isBefore(t.endsOn()) ? s.leftOn() : t.endsOn();
            tree.manager(t.unitId(), ManagingLevel.GRASSROOTS, lastDay(s.joinedOn(), end, today)).ifPresent(past::add);
        });
        return past;
    }

    private static LocalDate lastDay(LocalDate from, LocalDate endExclusive, LocalDate today) {
        if (endExclusive == null || endExclusive.isAfter(today)) {
            return today.isBefore(from) ? from : today;
        }
        LocalDate last = endExclusive.minusDays(1);
        return last.isBefore(from) ? from : last;
    }

    @Override
    public List<CadreSummary> cadresAmong(Collection<Long> memberIds, LocalDate asOf) {
        Set<Long> cadres = repo.withCadreRows(memberIds);
        if (cadres.isEmpty()) {
            return List.of();
        }
        Map<Long, Person> people = repo.people(cadres);
        Map<Long, List<IncRow>> held = repo.incumbenciesOfMembers(cadres, asOf).stream()
                .collect(Collectors.groupingBy(IncRow::memberId));
        Map<Long, String> names = tree.names(held.values().stream().flatMap(List::stream).map(IncRow::unitId)
                .collect(Collectors.toSet()), asOf);
        Map<Long, Set<Long>> managers = fileManagers(cadres, asOf);
        List<CadreSummary> result = new ArrayList<>();
        for (Long id : memberIds) {
            if (!cadres.contains(id) || !people.containsKey(id)) {
                continue;
            }
            List<String> positions = held.getOrDefault(id, List.of()).stream()
                    .map(i -> ref.title(i.titleCode()).orElseThrow().name() + " – " + names.getOrDefault(i.unitId(), ""))
                    .toList();
            Person p = people.get(id);
            result.add(new CadreSummary(id, p.fullName(), p.birthDate(), positions, managers.getOrDefault(id, Set.of())));
        }
        return result;
    }

    @Override
    public Set<Long> fileManagers(long memberId, LocalDate asOf) {
        return managersOf(memberId, asOf);
    }

    @Override
    public Map<Long, Set<Long>> fileManagers(Collection<Long> memberIds, LocalDate asOf) {
        Set<Long> ids = new LinkedHashSet<>(memberIds);
        Map<Long, Set<Long>> result = new HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        // the current posts, planning and seats of all of them, and the tree above those units, in a few queries
        record Post(long memberId, long unitId, ManagingLevel level) {
        }
        List<Post> posts = new ArrayList<>();
        repo.openIncumbencies(ids, asOf).forEach(i -> posts.add(new Post(i.memberId(), i.unitId(),
                ref.title(i.titleCode()).orElseThrow().managingLevel())));
        repo.activePlans(ids).forEach(e -> posts.add(new Post(e.memberId(), e.unitId(),
                ref.title(e.titleCode()).orElseThrow().managingLevel())));
        List<SeatRow> seats = repo.seatsHeld(ids, asOf);
        Map<Long, TermRow> terms = repo.termsById(seats.stream().map(SeatRow::termId).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(TermRow::id, t -> t));
        seats.forEach(s -> posts.add(new Post(s.memberId(), terms.get(s.termId()).unitId(), ManagingLevel.GRASSROOTS)));
        Map<Long, Tree.Node> nodes = tree.nodes(posts.stream().map(Post::unitId).collect(Collectors.toSet()), asOf);
        Set<Long> chainIds = new HashSet<>();
        nodes.values().forEach(n -> chainIds.addAll(n.chainUp()));
        Map<Long, UnitType> types = tree.types(chainIds, asOf);
        for (Post p : posts) {
            Tree.Node node = nodes.get(p.unitId());
            Long manager = node == null ? null : CadreRules.manager(p.level(), node.chainUp(), types);
            if (manager != null) {
                result.computeIfAbsent(p.memberId(), k -> new LinkedHashSet<>()).add(manager);
            }
        }
        // those without anything current: their last posts, one by one (rare)
        for (Long id : ids) {
            if (!result.containsKey(id)) {
                result.put(id, managersOf(id, asOf));
            }
        }
        return result;
    }

    /** The units whose commissions keep the member's file (see {@link CadreFile#managers()}). */
    Set<Long> managersOf(long memberId, LocalDate asOf) {
        List<SeatRow> seats = repo.seatsOfMember(memberId);
        Map<Long, TermRow> terms = repo.termsById(seats.stream().map(SeatRow::termId).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(TermRow::id, t -> t));
        return managers(repo.incumbenciesOfMember(memberId), seats, terms, repo.plansOfMember(memberId), asOf);
    }

    // ---- statistics -----------------------------------------------------------------------------------------

    @Override
    public CadreProfile committeeProfile(long unitId, LocalDate asOf) {
        Optional<TermRow> term = repo.termCovering(unitId, asOf);
        if (term.isEmpty()) {
            return profile(List.of(), asOf);
        }
        Set<Long> ids = repo.seats(term.get().id()).stream().filter(s -> s.heldOn(asOf)).map(SeatRow::memberId)
                .collect(Collectors.toSet());
        return profile(repo.people(ids).values(), asOf);
    }

    @Override
    public CadreProfile planProfile(long unitId, String periodCode, LocalDate asOf) {
        Set<Long> ids = managed(unitId, periodCode, asOf).entries().stream().map(PlanRow::memberId).collect(Collectors.toSet());
        return profile(repo.people(ids).values(), asOf);
    }

    @Override
    public CongressFigures congress(long termId) {
        Term term = term(termId).orElseThrow(() -> new NotFound("term " + termId));
        LocalDate day = term.startsOn();
        // the committee the congress (or the appointing decision) put in place on the term's first day
        Set<Long> elected = repo.seats(termId).stream()
                .filter(s -> s.joinedOn().equals(day) && s.entry() != SeatEntry.ADDED && s.followsId() == null)
                .map(SeatRow::memberId).collect(Collectors.toCollection(LinkedHashSet::new));
        Optional<Term> previous = repo.previousTerm(term.unitId(), term.startsOn()).map(t -> termsNamed(List.of(t)).getFirst());
        Set<Long> before = previous.map(t -> repo.seats(t.id()).stream().map(SeatRow::memberId).collect(Collectors.toSet()))
                .orElse(Set.of());
        long reElected = elected.stream().filter(before::contains).count();
        Collection<Person> people = repo.people(elected).values();
        long women = people.stream().filter(p -> p.gender() == Gender.FEMALE).count();
        long under40 = people.stream().filter(p -> CadreRules.age(p.birthDate(), day) < 40).count();
        long minorities = people.stream().filter(p -> minority(p.ethnicity())).count();
        return new CongressFigures(term, previous.orElse(null), elected.size(), elected.size() - reElected, reElected, women,
                under40, minorities, profile(people, day));
    }

    private static CadreProfile profile(Collection<Person> people, LocalDate asOf) {
        Map<CadreProfile.AgeBand, Long> bands = new EnumMap<>(CadreProfile.AgeBand.class);
        for (CadreProfile.AgeBand b : CadreProfile.AgeBand.values()) bands.put(b, 0L);
        Map<String, Long> theory = new TreeMap<>();
        Map<String, Long> education = new TreeMap<>();
        long women = 0;
        long minorities = 0;
        for (Person p : people) {
            bands.merge(CadreProfile.AgeBand.of(CadreRules.age(p.birthDate(), asOf)), 1L, Long::sum);
            theory.merge(p.theory() == null ? "" : p.theory(), 1L, Long::sum);
            education.merge(p.education() == null ? "" : p.education(), 1L, Long::sum);
            if (p.gender() == Gender.FEMALE) women++;
            if (minority(p.ethnicity())) minorities++;
        }
        return new CadreProfile(asOf, people.size(), women, minorities, bands, theory, education);
    }
}
