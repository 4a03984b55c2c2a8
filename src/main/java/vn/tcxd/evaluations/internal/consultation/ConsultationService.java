package vn.tcxd.evaluations.internal.consultation;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tcxd.evaluations.CampaignSummary;
import vn.tcxd.evaluations.ConsultationFeedback;
import vn.tcxd.evaluations.ConsultationSummary;
import vn.tcxd.evaluations.Consultations;
import vn.tcxd.evaluations.Evaluations;
import vn.tcxd.evaluations.FeedbackSubmission;
import vn.tcxd.evaluations.Period;
import vn.tcxd.evaluations.PublicConsultation;
import vn.tcxd.evaluations.PublicConsultation.PublicSubject;
import vn.tcxd.evaluations.RatingLevel;
import vn.tcxd.evaluations.RatingRow;
import vn.tcxd.evaluations.RatingStatus;
import vn.tcxd.evaluations.SubjectKind;
import vn.tcxd.evaluations.internal.consultation.ConsultationRepository.FeedbackRow;
import vn.tcxd.evaluations.internal.consultation.ConsultationRepository.WindowRow;
import vn.tcxd.orgstructure.OrgScope;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.UnitDetails;
import vn.tcxd.orgstructure.UnitSummary;
import vn.tcxd.shared.NotFound;
import vn.tcxd.shared.RuleViolation;
import vn.tcxd.shared.VietnameseFormat;
import vn.tcxd.shared.VietnameseText;
import vn.tcxd.shared.audit.AuditedChange;
import vn.tcxd.shared.scope.CurrentAccess;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The public consultation window (seed 002: Đồng Nai 2012, "công khai lấy ý kiến nhân dân về kết quả
 * đánh giá chất lượng TCCSĐ và đảng viên"; HD 27-HD/BTCTW (2014) on making the results public [R]).
 * Reads the campaign's ratings only through {@link Evaluations}: the organisation's own proposed
 * rating and its members' proposed levels, never self-assessments, reasons, ids or other data.
 */
@Service
@Transactional(readOnly = true)
class ConsultationService implements Consultations {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration MIN_LENGTH = Duration.ofDays(1);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    static final int CLOSE_REASON_MAX = 1000;

    private final ConsultationRepository windows;
    private final Evaluations evaluations;
    private final OrgStructure org;
    private final OrgScope orgScope;
    private final CurrentAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ConsultationProperties limits;
    private final TransactionTemplate secretTransaction;
    private volatile FormStamps stamps;

    ConsultationService(ConsultationRepository windows, Evaluations evaluations, OrgStructure org, OrgScope orgScope,
                        CurrentAccess access, ApplicationEventPublisher events, Clock clock,
                        ConsultationProperties limits, PlatformTransactionManager transactions) {
        this.windows = windows;
        this.evaluations = evaluations;
        this.org = org;
        this.orgScope = orgScope;
        this.access = access;
        this.events = events;
        this.clock = clock;
        this.limits = limits;
        this.secretTransaction = new TransactionTemplate(transactions);
        this.secretTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    // ---- the committee side ------------------------------------------------------------------------

    @Override
    @Transactional
    public ConsultationSummary open(long campaignId, long unitId, Instant opensAt, Instant closesAt) {
        Instant now = now();
        CampaignSummary campaign = evaluations.campaign(campaignId)
                .orElseThrow(() -> RuleViolation.onField("campaignId", "error.consultation.campaignRequired"));
        UnitDetails unit = org.unit(unitId, today()).orElseThrow(() -> new NotFound("unit " + unitId));
        if (!unit.type().isGrassroots()) {
            throw new RuleViolation("error.consultation.notGrassroots", unit.name());
        }
        if (organisationRating(campaignId, unitId).isEmpty()) {
            throw RuleViolation.onField("campaignId", "error.consultation.notInCampaign", unit.name(),
                    periodText(campaign.period()));
        }
        if (closesAt == null) {
            throw RuleViolation.onField("closesAt", "error.consultation.closesRequired");
        }
        // Nothing was public before the window opened, so a start already past simply means "now".
        Instant opens = opensAt == null || opensAt.isBefore(now) ? now : opensAt.truncatedTo(ChronoUnit.MICROS);
        Instant closes = closesAt.truncatedTo(ChronoUnit.MICROS);
        if (!closes.isAfter(opens)) {
            throw RuleViolation.onField("closesAt", "error.consultation.closesBeforeOpens");
        }
        Duration length = Duration.between(opens, closes);
        if (length.compareTo(MIN_LENGTH) < 0) {
            throw RuleViolation.onField("closesAt", "error.consultation.tooShort");
        }
        if (length.compareTo(Duration.ofDays(limits.maxDays())) > 0) {
            throw RuleViolation.onField("closesAt", "error.consultation.tooLong", limits.maxDays());
        }
        windows.lockOpening(campaignId, unitId);
        Optional<WindowRow> running = windows.notEnded(campaignId, unitId, now);
        if (running.isPresent()) {
            throw new RuleViolation("error.consultation.alreadyOpen", moment(running.get().endsAt()));
        }
        String actor = access.scope().username();
        long id = windows.insert(campaignId, unitId, FormStamps.newToken(), opens, closes, actor, now);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("campaignId", campaignId);
        after.put("period", periodText(campaign.period()));
        after.put("opensAt", opens.toString());
        after.put("closesAt", closes.toString());
        after.put("openedBy", actor);
        events.publishEvent(new AuditedChange("evaluations.CONSULTATION_OPENED", "consultation", Long.toString(id),
                unitId, null, after, null));
        return summary(windows.find(id).orElseThrow(), now);
    }

    @Override
    public int maxDays() {
        return limits.maxDays();
    }

    @Override
    @Transactional
    public ConsultationSummary closeEarly(long consultationId, String reason) {
        Instant now = now();
        WindowRow window = windows.lock(consultationId).orElseThrow(() -> new NotFound("consultation"));
        if (!window.endsAt().isAfter(now)) {
            throw new RuleViolation("error.consultation.alreadyClosed", moment(window.endsAt()));
        }
        String text = VietnameseText.optionalText(reason, "closeReason", CLOSE_REASON_MAX);
        if (text == null) {
            throw RuleViolation.onField("closeReason", "error.consultation.closeReasonRequired");
        }
        String actor = access.scope().username();
        windows.closeEarly(consultationId, now, actor, text);
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("closesAt", window.closesAt().toString());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("closedAt", now.toString());
        after.put("closedBy", actor);
        after.put("reason", text);
        events.publishEvent(new AuditedChange("evaluations.CONSULTATION_CLOSED_EARLY", "consultation",
                Long.toString(consultationId), window.unitId(), before, after, null));
        return summary(windows.find(consultationId).orElseThrow(), now);
    }

    @Override
    public Optional<ConsultationSummary> consultation(long consultationId) {
        Instant now = now();
        return windows.find(consultationId).map(w -> summary(w, now));
    }

    @Override
    public List<ConsultationSummary> consultations(long unitId) {
        Instant now = now();
        Set<Long> units = new LinkedHashSet<>(orgScope.subtree(unitId, today()));
        org.unit(unitId, today()).or(() -> org.lastKnown(unitId)).ifPresent(u -> {
            units.add(u.id());
            u.ancestors().stream().filter(a -> a.type().isGrassroots()).map(UnitSummary::id).forEach(units::add);
        });
        return windows.ofUnits(units).stream().map(w -> summary(w, now)).toList();
    }

    @Override
    public List<ConsultationFeedback> feedback(long unitId, int limit) {
        List<Long> units = orgScope.subtree(unitId, today());
        if (units.isEmpty()) {
            units = List.of(unitId);
        }
        return feedback(windows.feedbackAddressedTo(units, Math.clamp(limit, 1, 1000)));
    }

    @Override
    public List<ConsultationFeedback> feedbackOf(long consultationId) {
        return feedback(windows.feedbackOf(consultationId, 1000));
    }

    // ---- the public side ---------------------------------------------------------------------------

    @Override
    public Optional<PublicConsultation> publicView(String token) {
        Instant now = now();
        return openWindow(token, false, now).map(window -> {
            Published published = published(window);
            return new PublicConsultation(published.organisationName(), published.period(),
                    organisationProposal(published.organisation()),
                    published.organisation().status() == RatingStatus.NOT_RATED,
                    published.members().stream().map(m -> new PublicSubject(m.key(), m.row().subjectName(),
                            m.row().proposedLevel(), m.row().status() == RatingStatus.NOT_RATED)).toList(),
                    window.closesAt(), stamps().stamp(window.token(), now));
        });
    }

    @Override
    @Transactional
    public void submit(String token, FeedbackSubmission s) {
        Instant now = now();
        // the row lock makes the hourly counts exact across instances and keeps an early close out
        WindowRow window = openWindow(token, true, now).orElseThrow(() -> new NotFound("consultation"));
        if (s.honeypot() != null && !s.honeypot().isEmpty()) {
            throw new RuleViolation("error.consultation.refused");
        }
        stamps().verify(window.token(), s.formStamp(), now, Duration.ofSeconds(limits.minFillSeconds()),
                limits.stampMaxAge());
        String clientKey = stamps().clientKey(s.clientAddress());
        if (windows.countFromClient(window.id(), clientKey, now.minus(HOUR)) >= limits.maxFeedbackPerHour()) {
            throw new RuleViolation("error.consultation.tooManyFromClient", limits.maxFeedbackPerHour());
        }
        if (windows.countForWindow(window.id(), now.minus(HOUR)) >= limits.maxWindowFeedbackPerHour()) {
            throw new RuleViolation("error.consultation.tooManyForWindow");
        }
        String text = FeedbackText.text(s.text(), limits.maxLinks());
        String author = FeedbackText.author(s.authorName());
        Published published = published(window);
        RatingRow about;
        String subjectName;
        if (PublicConsultation.ORGANISATION_KEY.equals(s.subjectKey())) {
            about = published.organisation();
            subjectName = published.organisationName();
        } else {
            about = published.members().stream().filter(m -> m.key().equals(s.subjectKey())).findFirst()
                    .map(KeyedRating::row)
                    .orElseThrow(() -> RuleViolation.onField("subject", "error.consultation.subjectRequired"));
            subjectName = about.subjectName();
        }
        // the member's feedback reaches the member's cell; the organisation's reaches the TCCSĐ itself
        long addressedTo = about.kind() == SubjectKind.MEMBER ? about.unitId() : window.unitId();
        windows.insertFeedback(window.id(), about.id(), about.kind(), subjectName, addressedTo, text, author, now,
                clientKey);
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private record KeyedRating(String key, RatingRow row) {
    }

    private record Published(String organisationName, Period period, RatingRow organisation, List<KeyedRating> members) {
    }

    private Published published(WindowRow window) {
        CampaignSummary campaign = evaluations.campaign(window.campaignId()).orElseThrow(() -> new NotFound("campaign"));
        RatingRow organisation = organisationRating(window.campaignId(), window.unitId())
                .orElseThrow(() -> new NotFound("consultation"));
        Comparator<String> vietnamese = VietnameseText.order();
        FormStamps keys = stamps();
        List<KeyedRating> members = evaluations.ratings(window.campaignId(), window.unitId(), SubjectKind.MEMBER).stream()
                .filter(r -> r.kind() == SubjectKind.MEMBER)
                .sorted(Comparator.comparing((RatingRow r) -> givenName(r.subjectName()), vietnamese)
                        .thenComparing(RatingRow::subjectName, vietnamese))
                .map(r -> new KeyedRating(keys.subjectKey(window.id(), r.id()), r))
                .toList();
        return new Published(organisation.subjectName(), campaign.period(), organisation, members);
    }

    /**
     * The organisation's proposed rating: the proposal made for it if any, else its own self-rating,
     * which is the organisation's proposal to the superior committee. Members show only the cell's
     * proposal, never their self-assessment.
     */
    static RatingLevel organisationProposal(RatingRow organisation) {
        return organisation.proposedLevel() != null ? organisation.proposedLevel() : organisation.selfLevel();
    }

    /** Vietnamese name lists sort by the given name (the last word), then the whole name. */
    static String givenName(String fullName) {
        String[] words = fullName.strip().split("\\s+");
        return words[words.length - 1];
    }

    private Optional<RatingRow> organisationRating(long campaignId, long unitId) {
        return evaluations.ratings(campaignId, unitId, SubjectKind.ORGANISATION).stream()
                .filter(r -> r.kind() == SubjectKind.ORGANISATION && r.unitId() == unitId)
                .findFirst();
    }

    private Optional<WindowRow> openWindow(String token, boolean lock, Instant now) {
        if (!FormStamps.looksLikeToken(token)) {
            return Optional.empty();
        }
        return (lock ? windows.lockByToken(token) : windows.byToken(token)).filter(w -> w.openAt(now));
    }

    private ConsultationSummary summary(WindowRow w, Instant now) {
        Period period = evaluations.campaign(w.campaignId()).map(CampaignSummary::period).orElse(null);
        ConsultationSummary.Status status = w.opensAt().isAfter(now) && w.endsAt().isAfter(now)
                ? ConsultationSummary.Status.SCHEDULED
                : w.openAt(now) ? ConsultationSummary.Status.OPEN : ConsultationSummary.Status.CLOSED;
        return new ConsultationSummary(w.id(), w.campaignId(), period, w.unitId(), unitName(w.unitId()), w.token(),
                w.opensAt(), w.closesAt(), w.openedBy(), w.openedAt(), w.closedEarlyAt(), w.closedEarlyBy(),
                w.closeReason(), w.feedbackCount(), status);
    }

    private List<ConsultationFeedback> feedback(List<FeedbackRow> rows) {
        Map<Long, String> names = new HashMap<>();
        return rows.stream().map(f -> new ConsultationFeedback(f.id(), f.consultationId(),
                names.computeIfAbsent(f.windowUnitId(), this::unitName), SubjectKind.valueOf(f.subjectKind()),
                f.subjectName(), f.addressedUnitId(), names.computeIfAbsent(f.addressedUnitId(), this::unitName),
                f.text(), f.authorName(), f.submittedAt())).toList();
    }

    private String unitName(long unitId) {
        return org.unit(unitId, today()).or(() -> org.lastKnown(unitId)).map(UnitDetails::name).orElse("#" + unitId);
    }

    /** Now, to the microsecond PostgreSQL keeps, so a time read back compares equal to the one written. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private String moment(Instant at) {
        ZoneId zone = clock.getZone();
        return TIME.format(at.atZone(zone)) + " " + VietnameseFormat.date(at.atZone(zone).toLocalDate());
    }

    private static String periodText(Period period) {
        return switch (period.kind()) {
            case YEAR -> Integer.toString(period.year());
            case QUARTER -> "Q" + period.no() + "/" + period.year();
            case TERM -> period.no() + "–" + period.year();
        };
    }

    /** The stamps, with the configured secret or the one kept in the database (made on first use). */
    FormStamps stamps() {
        FormStamps current = stamps;
        if (current == null) {
            synchronized (this) {
                current = stamps;
                if (current == null) {
                    byte[] secret = limits.secret().isBlank()
                            ? secretTransaction.execute(status -> windows.secret(FormStamps.newSecret()))
                            : limits.secret().getBytes(StandardCharsets.UTF_8);
                    current = new FormStamps(secret);
                    stamps = current;
                }
            }
        }
        return current;
    }
}
