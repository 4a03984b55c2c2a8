package vn.tcxd.evaluations.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tcxd.evaluations.CampaignSubjectsListed;
import vn.tcxd.evaluations.CampaignSummary;
import vn.tcxd.evaluations.EvaluationAct;
import vn.tcxd.evaluations.Evaluations;
import vn.tcxd.evaluations.NotRatedReason;
import vn.tcxd.evaluations.Period;
import vn.tcxd.evaluations.RatingLevel;
import vn.tcxd.evaluations.RatingProgress;
import vn.tcxd.evaluations.RatingRow;
import vn.tcxd.evaluations.RatingScheme;
import vn.tcxd.evaluations.RatingStatus;
import vn.tcxd.evaluations.RatingStep;
import vn.tcxd.evaluations.RatingViolation;
import vn.tcxd.evaluations.RatingsChanged;
import vn.tcxd.evaluations.SubjectKind;
import vn.tcxd.evaluations.internal.RatingRules.Judged;
import vn.tcxd.jooq.evaluations.tables.records.RatingRecord;
import vn.tcxd.orgstructure.UnitType;
import vn.tcxd.shared.DecisionRef;
import vn.tcxd.shared.Label;
import vn.tcxd.shared.NotFound;
import vn.tcxd.shared.RuleViolation;
import vn.tcxd.shared.VietnameseFormat;
import vn.tcxd.shared.VietnameseText;
import vn.tcxd.shared.audit.AuditedChange;
import vn.tcxd.shared.scope.CurrentAccess;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The review workflow: campaigns and their subjects, self-assessment, the cell's proposal, the
 * committee's decision under the scheme's rules, reopening with a reason. Every act is one
 * transaction with its steps and audit.
 */
@Service
class EvaluationService implements Evaluations {

    private final SchemeRepository schemes;
    private final RatingRepository repo;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<CurrentAccess> access;
    private final Clock clock;

    EvaluationService(SchemeRepository schemes, RatingRepository repo, ApplicationEventPublisher events,
                      ObjectProvider<CurrentAccess> access, Clock clock) {
        this.schemes = schemes;
        this.repo = repo;
        this.events = events;
        this.access = access;
        this.clock = clock;
    }

    // ---- reads ----------------------------------------------------------------------------------

    @Override
    public List<RatingScheme> schemes() {
        return schemes.all();
    }

    @Override
    public RatingScheme schemeFor(Period period) {
        RatingScheme scheme = schemes.all().stream().filter(s -> s.ruleSet().validity().contains(period.end()))
                .findFirst().orElseThrow(() -> new RuleViolation("rating.error.noScheme", VietnameseFormat.date(period.end())));
        if (!scheme.periods().contains(period.kind())) {
            throw new RuleViolation("rating.error.periodNotInScheme", Label.of(period.kind()), scheme.ruleSet().name());
        }
        return scheme;
    }

    @Override
    public RatingScheme scheme(String code) {
        return schemes.all().stream().filter(s -> s.code().equals(code)).findFirst()
                .orElseThrow(() -> new NotFound("scheme " + code));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CampaignSummary> campaign(long campaignId) {
        return repo.campaign(campaignId, schemeNames());
    }

    @Override
    @Transactional(readOnly = true)
    public List<CampaignSummary> campaigns(long unitId) {
        LocalDate today = LocalDate.now(clock);
        return repo.unitOn(unitId, today).map(u -> repo.campaignsAround(u.path(), ancestorsAndSelf(u.path()), today,
                schemeNames())).orElse(List.of());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CampaignSummary> campaignCovering(long unitId, Period period) {
        LocalDate on = rollDate(period);
        return repo.unitOn(unitId, on).flatMap(u -> repo.campaignsAround(u.path(), ancestorsAndSelf(u.path()), on, schemeNames())
                .stream().filter(c -> c.period().equals(period)).filter(c -> ancestorsAndSelf(u.path()).contains(c.unitId()))
                .findFirst());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<RatingRow> rating(long ratingId) {
        return repo.rating(ratingId);
    }

    @Override
    @Transactional(readOnly = true)
    public List<RatingRow> ratings(long campaignId, long unitId, SubjectKind kind) {
        CampaignSummary c = requireCampaign(campaignId);
        return repo.unitOn(unitId, c.rollDate()).map(u -> ordered(repo.inSubtree(campaignId, u.path(), kind))).orElse(List.of());
    }

    @Override
    @Transactional(readOnly = true)
    public List<RatingRow> toDecide(long campaignId, long deciderId) {
        return ordered(repo.decidedBy(campaignId, deciderId));
    }

    @Override
    @Transactional(readOnly = true)
    public boolean decides(long campaignId, long deciderId) {
        return repo.anyDecidedBy(campaignId, deciderId);
    }

    @Override
    @Transactional(readOnly = true)
    public List<RatingStep> steps(long ratingId) {
        return repo.steps(ratingId);
    }

    @Override
    @Transactional(readOnly = true)
    public RatingProgress progress(long campaignId, long unitId) {
        CampaignSummary c = requireCampaign(campaignId);
        return new RatingProgress(repo.unitOn(unitId, c.rollDate()).map(u -> repo.progress(campaignId, u.path()))
                .orElse(Map.of()));
    }

    @Override
    @Transactional(readOnly = true)
    public List<RatingViolation> check(long campaignId, long deciderId) {
        CampaignSummary c = requireCampaign(campaignId);
        RatingScheme scheme = scheme(c.schemeCode());
        List<RatingRow> rows = repo.decidedBy(campaignId, deciderId);
        Map<Long, Judged> judged = new LinkedHashMap<>();
        for (RatingRow r : rows) {
            judged.put(r.id(), current(r));
        }
        List<RatingViolation> found = new ArrayList<>();
        for (Judged j : judged.values()) {
            // a missing level is plain in the table; the check names the rules a level would break
            if (j.row().status().isOpen() && j.level() != null) {
                found.addAll(RatingRules.subject(scheme, j));
            }
        }
        List<RatingRow> openOrgs = judged.values().stream().map(Judged::row)
                .filter(r -> r.kind() == SubjectKind.ORGANISATION && r.status().isOpen()).toList();
        Map<Long, List<RatingRow>> childrenByOrg = openOrgs.isEmpty() ? Map.of() : repo.childrenOf(campaignId, openOrgs);
        for (Judged j : judged.values()) {
            if (j.row().kind() == SubjectKind.ORGANISATION && j.row().status().isOpen()) {
                // children decided by this committee are decided together with the organisation
                List<Judged> children = childrenByOrg.getOrDefault(j.row().unitId(), List.of()).stream()
                        .map(ch -> judged.containsKey(ch.id()) && judged.get(ch.id()).level() != null
                                ? new Judged(withStatus(ch, RatingStatus.DECIDED, ch.quotaOverride()), judged.get(ch.id()).level(), judged.get(ch.id()).score())
                                : current(ch))
                        .toList();
                found.addAll(RatingRules.organisation(scheme, j, children, true));
            }
        }
        // every quota group is keyed by its deciding committee (M:, O:, C:, L: + decider), so the committee's
        // own rows are whole groups: no second read
        found.addAll(RatingRules.quota(scheme, judged.values()));
        return found;
    }

    // ---- acts -----------------------------------------------------------------------------------

    @Override
    @Transactional
    public long apply(EvaluationAct act) {
        return switch (act) {
            case EvaluationAct.OpenCampaign a -> open(a);
            case EvaluationAct.RefreshSubjects a -> refresh(a.campaignId());
            case EvaluationAct.AddLeader a -> addLeader(a);
            case EvaluationAct.RecordInputs a -> recordInputs(a);
            case EvaluationAct.SelfAssess a -> selfAssess(a);
            case EvaluationAct.Propose a -> propose(a);
            case EvaluationAct.Decide a -> decide(a);
            case EvaluationAct.Reopen a -> reopen(a);
        };
    }

    private long open(EvaluationAct.OpenCampaign a) {
        Period period = a.period();
        LocalDate today = LocalDate.now(clock);
        if (period.start().isAfter(today)) {
            throw new RuleViolation("rating.error.periodNotStarted", VietnameseFormat.date(period.start()));
        }
        RatingScheme scheme = schemeFor(period);
        LocalDate rollDate = rollDate(period);
        RatingRepository.TreeUnit root = repo.unitOn(a.unitId(), rollDate)
                .orElseThrow(() -> new RuleViolation("rating.error.unitNotOnDate", VietnameseFormat.date(rollDate)));
        if (root.type() == UnitType.PARTY_GROUP || root.type().isCell() && root.type() != UnitType.GRASSROOTS_CELL) {
            throw new RuleViolation("rating.error.campaignUnitType", Label.of(root.type()));
        }
        List<CampaignSummary> overlapping = repo.campaignsAround(root.path(), ancestorsAndSelf(root.path()), rollDate, schemeNames())
                .stream().filter(c -> c.period().equals(period)).toList();
        if (!overlapping.isEmpty()) {
            throw new RuleViolation("rating.error.campaignOverlaps", overlapping.getFirst().unitName());
        }
        long id = repo.insertCampaign(root.id(), period, scheme.code(), today, actor(), rollDate);
        int subjects = materialise(id, root, rollDate, period, scheme);
        events.publishEvent(new AuditedChange("evaluations.CAMPAIGN_OPENED", "campaign", Long.toString(id), root.id(), null,
                Map.of("period", period.kind() + " " + period.year() + (period.no() == 0 ? "" : "/" + period.no()),
                        "scheme", scheme.code(), "subjects", subjects, "rollDate", rollDate.toString()), null));
        events.publishEvent(new CampaignSubjectsListed(id, period));
        return id;
    }

    private long refresh(long campaignId) {
        repo.lockCampaign(campaignId).orElseThrow(() -> new NotFound("campaign " + campaignId));
        CampaignSummary c = requireCampaign(campaignId);
        LocalDate rollDate = rollDate(c.period());
        RatingRepository.TreeUnit root = repo.unitOn(c.unitId(), rollDate)
                .orElseThrow(() -> new RuleViolation("rating.error.unitNotOnDate", VietnameseFormat.date(rollDate)));
        repo.setRollDate(campaignId, rollDate);
        int added = materialise(campaignId, root, rollDate, c.period(), scheme(c.schemeCode()));
        events.publishEvent(new AuditedChange("evaluations.SUBJECTS_REFRESHED", "campaign", Long.toString(campaignId),
                c.unitId(), null, Map.of("added", added, "rollDate", rollDate.toString()), null));
        events.publishEvent(new CampaignSubjectsListed(campaignId, c.period()));
        return campaignId;
    }

    /**
     * Creates the campaign's missing subjects from the roll and the tree on the roll date: members with
     * their not-rated reasons and the period's disciplines, organisations, leadership collectives.
     */
    private int materialise(long campaignId, RatingRepository.TreeUnit root, LocalDate rollDate, Period period,
                            RatingScheme scheme) {
        Map<Long, RatingRepository.TreeUnit> units = new HashMap<>();
        for (RatingRepository.TreeUnit u : repo.subtreeAndAncestors(root.path(), rollDate)) {
            units.put(u.id(), u);
        }
        Map<Long, LocalDate> established = repo.establishedOn(root.path(), rollDate);
        Set<String> haveUnits = repo.unitSubjects(campaignId);
        List<RatingRecord> records = new ArrayList<>();
        LocalDate unitCutoff = scheme.notRatedUnitMonths() == null ? null : period.end().minusMonths(scheme.notRatedUnitMonths());
        for (RatingRepository.TreeUnit u : units.values()) {
            if (!u.path().startsWith(root.path()) || u.type() == UnitType.CENTRAL || u.type() == UnitType.PARTY_GROUP) {
                continue;
            }
            RatingRepository.TreeUnit decider = organisationDecider(u, units);
            if (decider == null) {
                continue;
            }
            LocalDate since = established.get(u.id());
            // HD 21-HD/BTCTW (2019) II.6.1: organisations set up less than 6 months ago are not rated
            NotRatedReason reason = unitCutoff != null && since != null && since.isAfter(unitCutoff) ? NotRatedReason.UNIT_NEW : null;
            if (!haveUnits.contains(SubjectKind.ORGANISATION + ":" + u.id())) {
                records.add(record(campaignId, SubjectKind.ORGANISATION, null, u, u.name(), units, decider,
                        orgQuotaGroup(u, decider), reason, since));
            }
            if (isCommittee(u.type()) && !haveUnits.contains(SubjectKind.COLLECTIVE + ":" + u.id())) {
                records.add(record(campaignId, SubjectKind.COLLECTIVE, null, u, u.name(), units, decider,
                        "C:" + decider.id(), reason, since));
            }
        }
        repo.insertAll(records);
        LocalDate memberCutoff = scheme.notRatedMemberMonths() == null ? null : period.end().minusMonths(scheme.notRatedMemberMonths());
        return records.size() + repo.insertMembers(campaignId, root.path(), rollDate, memberCutoff, period.start(), period.end());
    }

    private RatingRecord record(long campaignId, SubjectKind kind, Long memberId, RatingRepository.TreeUnit unit,
                                String name, Map<Long, RatingRepository.TreeUnit> units, RatingRepository.TreeUnit decider,
                                String quotaGroup, NotRatedReason reason, LocalDate since) {
        RatingRecord r = repo.newRating();
        r.setCampaignId(campaignId);
        r.setSubjectKind(kind.name());
        r.setMemberId(memberId);
        r.setUnitId(unit.id());
        r.setUnitPath(unit.path());
        r.setUnitName(unit.name());
        r.setUnitType(unit.type().name());
        r.setParentUnitId(unit.parentId());
        RatingRepository.TreeUnit grassroots = nearestGrassroots(unit, units);
        r.setGrassrootsId(grassroots == null ? null : grassroots.id());
        r.setDeciderId(decider.id());
        r.setDeciderName(decider.name());
        r.setQuotaGroup(quotaGroup);
        r.setSubjectName(name);
        r.setStatus(reason == null ? RatingStatus.PENDING.name() : RatingStatus.NOT_RATED.name());
        r.setNotRatedReason(reason == null ? null : reason.name());
        r.setNotRatedSince(reason == null ? null : since);
        r.setDegradation(false);
        r.setPublicServantFailed(false);
        r.setVersion(0);
        return r;
    }

    /**
     * Who decides an organisation's rating (HD 43-HD/BTCTW: the directly superior committee): cells and
     * partial committees by their grassroots committee, every other organisation by its parent.
     */
    private static RatingRepository.TreeUnit organisationDecider(RatingRepository.TreeUnit u,
                                                                Map<Long, RatingRepository.TreeUnit> units) {
        RatingRepository.TreeUnit parent = u.parentId() == null ? null : units.get(u.parentId());
        if (parent == null) {
            return null;
        }
        if (u.type() == UnitType.CELL || u.type() == UnitType.PARTIAL_COMMITTEE) {
            RatingRepository.TreeUnit g = nearestGrassroots(parent, units);
            return g != null ? g : parent;
        }
        return parent;
    }

    /** Organisations are compared with their peers: cells with cells of the same committee, TCCSĐ with TCCSĐ. */
    private static String orgQuotaGroup(RatingRepository.TreeUnit u, RatingRepository.TreeUnit decider) {
        String kind = u.type().isGrassroots() ? "G" : (u.type() == UnitType.CELL || u.type() == UnitType.PARTIAL_COMMITTEE) ? "B" : "U";
        return "O:" + decider.id() + ":" + kind;
    }

    private static boolean isCommittee(UnitType type) {
        return type == UnitType.GRASSROOTS_COMMITTEE || type == UnitType.UPPER_GRASSROOTS || type == UnitType.PROVINCIAL;
    }

    private static RatingRepository.TreeUnit nearestGrassroots(RatingRepository.TreeUnit u,
                                                              Map<Long, RatingRepository.TreeUnit> units) {
        RatingRepository.TreeUnit at = u;
        while (at != null) {
            if (at.type().isGrassroots()) {
                return at;
            }
            at = at.parentId() == null ? null : units.get(at.parentId());
        }
        return null;
    }

    private long addLeader(EvaluationAct.AddLeader a) {
        repo.lockCampaign(a.campaignId()).orElseThrow(() -> new NotFound("campaign " + a.campaignId()));
        CampaignSummary c = requireCampaign(a.campaignId());
        String position = VietnameseText.requireText(a.position(), "position", 200);
        RatingRepository.TreeUnit root = repo.unitOn(c.unitId(), c.rollDate()).orElseThrow();
        // only a member on the campaign's roll: no name from outside the subtree can be learnt this way
        String name = repo.memberOnRoll(a.memberId(), root.path(), c.rollDate())
                .orElseThrow(() -> new RuleViolation("rating.error.memberUnknown"));
        RatingRepository.TreeUnit unit = repo.unitOn(a.unitId(), c.rollDate())
                .filter(u -> u.path().startsWith(root.path()))
                .orElseThrow(() -> new RuleViolation("rating.error.unitOutsideCampaign"));
        Map<Long, RatingRepository.TreeUnit> units = new HashMap<>();
        repo.subtreeAndAncestors(unit.path(), c.rollDate()).forEach(u -> units.put(u.id(), u));
        RatingRepository.TreeUnit decider = unit.parentId() == null ? null : units.get(unit.parentId());
        if (decider == null) {
            throw new RuleViolation("rating.error.noDecider", unit.name());
        }
        boolean exists = repo.inSubtree(a.campaignId(), unit.path(), SubjectKind.LEADER).stream()
                .anyMatch(r -> r.unitId() == unit.id() && a.memberId() == r.memberId() && position.equals(r.position()));
        if (exists) {
            throw new RuleViolation("rating.error.leaderExists", name, position);
        }
        RatingRecord r = record(a.campaignId(), SubjectKind.LEADER, a.memberId(), unit, name, units, decider,
                "L:" + decider.id(), null, null);
        r.setPosition(position);
        r.store();
        events.publishEvent(new AuditedChange("evaluations.LEADER_ADDED", "rating", r.getId().toString(), unit.id(), null,
                Map.of("member", a.memberId(), "position", position), null));
        return r.getId();
    }

    private long recordInputs(EvaluationAct.RecordInputs a) {
        RatingRow r = lockOpen(a.ratingId());
        RatingRow.Inputs in = a.inputs() == null ? RatingRow.Inputs.NONE : a.inputs();
        if (in.sickLeaveDays() != null && (in.sickLeaveDays() < 0 || in.sickLeaveDays() > 366)) {
            throw RuleViolation.onField("sickLeaveDays", "rating.error.sickLeaveDays");
        }
        if (in.targetsPct() != null && (in.targetsPct() < 0 || in.targetsPct() > 100)) {
            throw RuleViolation.onField("targetsPct", "rating.error.targetsPct");
        }
        repo.recordInputs(r.id(), in);
        audit("evaluations.INPUTS_RECORDED", r, Map.of("sickLeaveDays", String.valueOf(in.sickLeaveDays()),
                "targetsPct", String.valueOf(in.targetsPct()), "degradation", in.degradation(),
                "publicServantFailed", in.publicServantFailed()), null);
        return r.id();
    }

    private long selfAssess(EvaluationAct.SelfAssess a) {
        RatingRow r = lockOpen(a.ratingId());
        RatingScheme scheme = schemeOf(r);
        BigDecimal score = requireLevelAndScore(scheme, r, a.level(), a.score());
        repo.selfAssess(r.id(), a.level(), score,
                r.status() == RatingStatus.PENDING ? RatingStatus.SELF_ASSESSED : r.status());
        repo.step(r.id(), RatingStep.StepKind.SELF, a.level(), score, null, null, null, null, actor());
        audit("evaluations.SELF_ASSESSED", r, Map.of("level", a.level().name()), null);
        return r.id();
    }

    private long propose(EvaluationAct.Propose a) {
        if (a.proposals() == null || a.proposals().isEmpty()) {
            throw new RuleViolation("rating.error.nothingToPropose");
        }
        Map<Long, RatingRow> rows = lock(a.proposals().stream().map(EvaluationAct.Proposal::ratingId).toList());
        long campaign = sameCampaign(rows.values());
        RatingScheme scheme = scheme(requireCampaign(campaign).schemeCode());
        for (EvaluationAct.Proposal p : a.proposals()) {
            RatingRow r = requireOpen(rows.get(p.ratingId()));
            if (p.selfLevel() != null) {
                BigDecimal selfScore = requireLevelAndScore(scheme, r, p.selfLevel(), p.selfScore());
                repo.selfAssess(r.id(), p.selfLevel(), selfScore,
                        r.status() == RatingStatus.PENDING ? RatingStatus.SELF_ASSESSED : r.status());
                repo.step(r.id(), RatingStep.StepKind.SELF, p.selfLevel(), selfScore, null, null, null, null, actor());
            }
            if (p.level() == null) {
                continue;
            }
            BigDecimal score = requireLevelAndScore(scheme, r, p.level(), p.score());
            if (p.votesTotal() != null && p.votesTotal() <= 0 || p.votesFor() != null && p.votesFor() < 0
                    || p.votesFor() != null && p.votesTotal() != null && p.votesFor() > p.votesTotal()) {
                throw RuleViolation.onField("votes", "rating.error.votes", r.subjectName());
            }
            repo.propose(r.id(), p.level(), score, p.votesFor(), p.votesTotal());
            repo.step(r.id(), RatingStep.StepKind.PROPOSAL, p.level(), score, p.votesFor(), p.votesTotal(), null, null, actor());
        }
        RatingRow first = rows.values().iterator().next();
        events.publishEvent(new AuditedChange("evaluations.PROPOSED", "campaign", Long.toString(campaign), first.unitId(),
                null, Map.of("ratings", a.proposals().size(), "levels", summary(a.proposals().stream()
                .map(EvaluationAct.Proposal::level).filter(java.util.Objects::nonNull).toList())), null));
        return first.id();
    }

    private long decide(EvaluationAct.Decide a) {
        if (a.decision() == null) {
            throw new RuleViolation("error.decision.required");
        }
        if (a.items() == null || a.items().isEmpty()) {
            throw new RuleViolation("rating.error.nothingToDecide");
        }
        Map<Long, RatingRow> rows = lock(a.items().stream().map(EvaluationAct.DecisionItem::ratingId).toList());
        long campaignId = sameCampaign(rows.values());
        CampaignSummary campaign = requireCampaign(campaignId);
        RatingScheme scheme = scheme(campaign.schemeCode());
        if (a.decision().date().isBefore(campaign.period().start())) {
            throw RuleViolation.onField("decisionDate", "rating.error.decisionBeforePeriod",
                    VietnameseFormat.date(campaign.period().start()));
        }
        Map<Long, Judged> batch = new LinkedHashMap<>();
        for (EvaluationAct.DecisionItem item : a.items()) {
            RatingRow r = rows.get(item.ratingId());
            if (r.status() == RatingStatus.DECIDED) {
                throw new RuleViolation("rating.error.locked", r.subjectName(), r.decision().display());
            }
            requireOpen(r);
            RatingLevel level = item.level() != null ? item.level() : r.currentLevel();
            BigDecimal score = item.score() != null ? item.score() : r.currentScore();
            if (level == null) {
                throw new RuleViolation("rating.violation.noLevel", r.subjectName());
            }
            String override = item.overrideReason() == null || item.overrideReason().isBlank() ? null
                    : VietnameseText.requireText(item.overrideReason(), "overrideReason", 500);
            if (override != null && scheme.rank(r.kind(), level) != 1) {
                throw new RuleViolation("rating.error.overrideNotTop", r.subjectName());
            }
            batch.put(r.id(), new Judged(withStatus(r, RatingStatus.DECIDED, override), level, score));
        }
        List<RatingViolation> found = new ArrayList<>();
        for (Judged j : batch.values()) {
            found.addAll(RatingRules.subject(scheme, j));
        }
        List<RatingRow> batchOrgs = batch.values().stream().map(Judged::row).filter(r -> r.kind() == SubjectKind.ORGANISATION).toList();
        Map<Long, List<RatingRow>> childrenByOrg = batchOrgs.isEmpty() ? Map.of() : repo.childrenOf(campaignId, batchOrgs);
        for (Judged j : batch.values()) {
            if (j.row().kind() == SubjectKind.ORGANISATION) {
                List<Judged> children = childrenByOrg.getOrDefault(j.row().unitId(), List.of()).stream()
                        .map(ch -> batch.getOrDefault(ch.id(), decidedOnly(ch))).toList();
                // members (and subordinate organisations) are decided before their organisation
                found.addAll(RatingRules.organisation(scheme, j, children, true));
            }
        }
        Set<String> groups = batch.values().stream().map(j -> j.row().quotaGroup()).collect(Collectors.toSet());
        List<Judged> inGroups = repo.inQuotaGroups(campaignId, groups).stream()
                .map(r -> batch.getOrDefault(r.id(), decidedOnly(r))).toList();
        found.addAll(RatingRules.quota(scheme, inGroups));
        if (!found.isEmpty()) {
            RatingViolation v = found.getFirst();
            throw new RuleViolation(v.messageKey(), v.args().toArray());
        }
        OffsetDateTime at = OffsetDateTime.now(clock);
        String actor = actor();
        repo.decideAll(batch.values().stream().map(j -> new RatingRepository.Decided(j.row().id(), j.level(), j.score(),
                j.row().quotaOverride())).toList(), a.decision(), actor, at);
        RatingRow first = rows.values().iterator().next();
        events.publishEvent(new AuditedChange("evaluations.DECIDED", "campaign", Long.toString(campaignId), first.deciderId(),
                null, Map.of("ratings", batch.size(), "levels", summary(batch.values().stream().map(Judged::level).toList()),
                "overrides", batch.values().stream().filter(j -> j.row().quotaOverride() != null).count()), a.decision()));
        events.publishEvent(new RatingsChanged(campaignId, campaign.period(), List.copyOf(batch.keySet())));
        return first.id();
    }

    private long reopen(EvaluationAct.Reopen a) {
        RatingRow r = lock(List.of(a.ratingId())).get(a.ratingId());
        if (r.status() != RatingStatus.DECIDED) {
            throw new RuleViolation("rating.error.notDecided", r.subjectName());
        }
        String reason = VietnameseText.requireText(a.reason(), "reason", 500);
        if (reason.length() < 5) {
            throw RuleViolation.onField("reason", "rating.error.reasonTooShort");
        }
        Optional<RatingRow> parent = repo.parentOrganisation(r);
        if (parent.isPresent() && parent.get().status() == RatingStatus.DECIDED) {
            throw new RuleViolation("rating.error.reopenParentFirst", r.subjectName(), parent.get().subjectName());
        }
        RatingStatus back = r.proposedLevel() != null ? RatingStatus.PROPOSED
                : r.selfLevel() != null ? RatingStatus.SELF_ASSESSED : RatingStatus.PENDING;
        repo.reopen(r.id(), back);
        repo.step(r.id(), RatingStep.StepKind.REOPEN, r.decidedLevel(), r.decidedScore(), null, null, r.decision(), reason, actor());
        audit("evaluations.REOPENED", r, Map.of("reason", reason, "was", r.decidedLevel().name()), r.decision());
        CampaignSummary c = requireCampaign(r.campaignId());
        events.publishEvent(new RatingsChanged(r.campaignId(), c.period(), List.of(r.id())));
        return r.id();
    }

    /** Organisations and collectives first, then people; by unit, then in Vietnamese name order. */
    private static List<RatingRow> ordered(List<RatingRow> rows) {
        return rows.stream().sorted(java.util.Comparator.comparing((RatingRow r) -> r.kind().isPerson())
                .thenComparing(RatingRow::unitName, VietnameseText.order())
                .thenComparing(RatingRow::subjectName, VietnameseText.order())
                .thenComparing(RatingRow::id)).toList();
    }

    // ---- helpers --------------------------------------------------------------------------------

    private BigDecimal requireLevelAndScore(RatingScheme scheme, RatingRow r, RatingLevel level, BigDecimal score) {
        if (level == null) {
            throw RuleViolation.onField("level", "rating.violation.noLevel", r.subjectName());
        }
        if (scheme.rank(r.kind(), level) == 0) {
            throw RuleViolation.onField("level", "rating.violation.levelOutsideScheme", r.subjectName(), Label.of(level),
                    scheme.ruleSet().name());
        }
        if (score != null && (score.signum() < 0 || score.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw RuleViolation.onField("score", "rating.error.scoreRange", r.subjectName());
        }
        if (scheme.scored() && score == null) {
            throw RuleViolation.onField("score", "rating.violation.scoreRequired", r.subjectName());
        }
        return scheme.scored() ? score : null;
    }

    private RatingRow lockOpen(long ratingId) {
        return requireOpen(lock(List.of(ratingId)).get(ratingId));
    }

    private static RatingRow requireOpen(RatingRow r) {
        if (r.status() == RatingStatus.NOT_RATED) {
            throw new RuleViolation("rating.error.notRated", r.subjectName(), Label.of(r.notRatedReason()));
        }
        if (r.status() == RatingStatus.DECIDED) {
            throw new RuleViolation("rating.error.locked", r.subjectName(), r.decision().display());
        }
        return r;
    }

    private Map<Long, RatingRow> lock(List<Long> ids) {
        Map<Long, RatingRow> rows = new LinkedHashMap<>();
        repo.lockRatings(new LinkedHashSet<>(ids)).forEach(r -> rows.put(r.id(), r));
        for (Long id : ids) {
            if (!rows.containsKey(id)) {
                throw new NotFound("rating " + id);
            }
        }
        return rows;
    }

    private static long sameCampaign(java.util.Collection<RatingRow> rows) {
        Set<Long> campaigns = rows.stream().map(RatingRow::campaignId).collect(Collectors.toSet());
        if (campaigns.size() != 1) {
            throw new RuleViolation("rating.error.mixedCampaigns");
        }
        return campaigns.iterator().next();
    }

    private RatingScheme schemeOf(RatingRow r) {
        return scheme(requireCampaign(r.campaignId()).schemeCode());
    }

    private CampaignSummary requireCampaign(long id) {
        return repo.campaign(id, schemeNames()).orElseThrow(() -> new NotFound("campaign " + id));
    }

    private Map<String, String> schemeNames() {
        return schemes.all().stream().collect(Collectors.toMap(RatingScheme::code, s -> s.ruleSet().name()));
    }

    private LocalDate rollDate(Period period) {
        LocalDate today = LocalDate.now(clock);
        return period.end().isBefore(today) ? period.end() : today;
    }

    private static List<Long> ancestorsAndSelf(String path) {
        List<Long> ids = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                ids.add(Long.parseLong(part));
            }
        }
        return ids;
    }

    /** The level a rating stands at now (for the check before a decision). */
    private static Judged current(RatingRow r) {
        return new Judged(r, r.currentLevel(), r.currentScore());
    }

    /** Only decided levels count (for the check at the moment of a decision). */
    private static Judged decidedOnly(RatingRow r) {
        return new Judged(r, r.status() == RatingStatus.DECIDED ? r.decidedLevel() : null, r.decidedScore());
    }

    private static RatingRow withStatus(RatingRow r, RatingStatus status, String override) {
        return new RatingRow(r.id(), r.campaignId(), r.kind(), r.memberId(), r.unitId(), r.unitName(), r.unitType(),
                r.parentUnitId(), r.subjectName(), r.position(), r.grassrootsId(), r.deciderId(), r.deciderName(),
                r.quotaGroup(), status, r.notRatedReason(), r.disciplined(), r.inputs(), r.selfLevel(), r.selfScore(),
                r.proposedLevel(), r.proposedScore(), r.votesFor(), r.votesTotal(), r.decidedLevel(), r.decidedScore(),
                r.decision(), override, r.version());
    }

    private static Map<String, Long> summary(List<RatingLevel> levels) {
        Map<RatingLevel, Long> counts = new EnumMap<>(RatingLevel.class);
        levels.forEach(l -> counts.merge(l, 1L, Long::sum));
        Map<String, Long> result = new LinkedHashMap<>();
        counts.forEach((k, v) -> result.put(k.name(), v));
        return result;
    }

    private void audit(String action, RatingRow r, Map<String, Object> after, DecisionRef decision) {
        events.publishEvent(new AuditedChange(action, "rating", Long.toString(r.id()), r.unitId(), null, after, decision));
    }

    private String actor() {
        CurrentAccess current = access.getIfAvailable();
        return current == null ? "system" : current.scope().username();
    }
}
