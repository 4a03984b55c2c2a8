package vn.tcxd.evaluations.consultation;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.tcxd.IntegrationTest;
import vn.tcxd.evaluations.ConsultationFeedback;
import vn.tcxd.evaluations.ConsultationSummary;
import vn.tcxd.evaluations.Consultations;
import vn.tcxd.evaluations.Evaluations;
import vn.tcxd.evaluations.FeedbackSubmission;
import vn.tcxd.evaluations.PublicConsultation;
import vn.tcxd.evaluations.PublicConsultation.PublicSubject;
import vn.tcxd.evaluations.RatingLevel;
import vn.tcxd.evaluations.SubjectKind;
import vn.tcxd.members.Members;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.security.Accounts;
import vn.tcxd.shared.NotFound;
import vn.tcxd.shared.RuleViolation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The consultation window through the facade (seed 002: Đồng Nai 2012 "công khai lấy ý kiến nhân dân
 * về kết quả đánh giá chất lượng TCCSĐ và đảng viên"; HD 27-HD/BTCTW (2014) on making the results
 * public [R]): who may open it and for how long, what it publishes, where feedback goes, and that it
 * closes by itself.
 */
@IntegrationTest
class ConsultationWindowTests {

    @Autowired
    Consultations consultations;

    @Autowired
    Evaluations evaluations;

    @Autowired
    OrgStructure org;

    @Autowired
    Members members;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    ConsultationFixture f;
    Instant now;

    @BeforeEach
    void setUp() {
        f = ConsultationFixture.build(org, members, evaluations, accounts);
        now = clock.instant();
    }

    private ConsultationSummary openWeek() {
        return consultations.open(f.campaign, f.tree.id("X1"), null, now.plus(Duration.ofDays(7)));
    }

    private static String refusal(Runnable action) {
        try {
            action.run();
        } catch (RuleViolation e) {
            return e.messageKey();
        }
        return null;
    }

    private long audits(String action, long id) {
        return jdbc.sql("select count(*) from security.audit_entry where action = ? and entity_id = ?")
                .params(action, Long.toString(id)).query(Long.class).single();
    }

    private long windows() {
        return jdbc.sql("select count(*) from evaluations.consultation where unit_id = ?").param(f.tree.id("X1"))
                .query(Long.class).single();
    }

    private FeedbackSubmission feedback(ConsultationSummary window, String subjectKey, String text) {
        return new FeedbackSubmission(subjectKey, text, null, "",
                ConsultationFixture.stampRenderedAgo(consultations, jdbc, window.token(), Duration.ofSeconds(10)),
                "198.51.100.4");
    }

    /** Seed 002: the grassroots organisation opens the window; [R] 1 to tcxd.consultation.max-days (30) days. */
    @Test
    void shouldOpenOnlyForAGrassrootsOrganisationForOneToThirtyDays() {
        long cell = f.tree.id("X1C1");
        long x1 = f.tree.id("X1");
        assertThat(refusal(() -> consultations.open(f.campaign, cell, null, now.plus(Duration.ofDays(7)))))
                .isEqualTo("error.consultation.notGrassroots");
        assertThat(refusal(() -> consultations.open(f.campaign, x1, now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(1)))))
                .isEqualTo("error.consultation.closesBeforeOpens");
        assertThat(refusal(() -> consultations.open(f.campaign, x1, null, now.plus(Duration.ofHours(12)))))
                .isEqualTo("error.consultation.tooShort");
        assertThat(refusal(() -> consultations.open(f.campaign, x1, null, now.plus(Duration.ofDays(30)).plusSeconds(60))))
                .isEqualTo("error.consultation.tooLong");
        assertThat(refusal(() -> consultations.open(f.campaign, x1, null, null))).isEqualTo("error.consultation.closesRequired");
        assertThat(windows()).isZero();

        ConsultationSummary opened = consultations.open(f.campaign, x1, null, now.plus(Duration.ofDays(30)));
        assertThat(opened.status()).isEqualTo(ConsultationSummary.Status.OPEN);
        assertThat(opened.token()).matches("[A-Za-z0-9_-]{32}");
        assertThat(opened.openedBy()).isEqualTo("system");
        assertThat(opened.period().year()).isEqualTo(2024);
        assertThat(audits("evaluations.CONSULTATION_OPENED", opened.id())).isEqualTo(1);
    }

    /** Seed 002: one window per TCCSĐ and campaign at a time; closing early needs a reason and is audited. */
    @Test
    void shouldKeepOneWindowPerOrganisationAndCampaignAndCloseEarlyOnlyWithAReason() {
        ConsultationSummary first = openWeek();
        assertThat(refusal(this::openWeek)).isEqualTo("error.consultation.alreadyOpen");
        assertThat(refusal(() -> consultations.closeEarly(first.id(), "  "))).isEqualTo("error.consultation.closeReasonRequired");
        assertThat(consultations.consultation(first.id()).orElseThrow().status()).isEqualTo(ConsultationSummary.Status.OPEN);
        assertThat(audits("evaluations.CONSULTATION_CLOSED_EARLY", first.id())).isZero();

        ConsultationSummary closed = consultations.closeEarly(first.id(), "Nhập sai thời hạn");
        assertThat(closed.status()).isEqualTo(ConsultationSummary.Status.CLOSED);
        assertThat(closed.closeReason()).isEqualTo("Nhập sai thời hạn");
        assertThat(closed.closedEarlyBy()).isEqualTo("system");
        assertThat(audits("evaluations.CONSULTATION_CLOSED_EARLY", first.id())).isEqualTo(1);
        assertThat(consultations.publicView(first.token())).isEmpty();
        assertThat(refusal(() -> consultations.closeEarly(first.id(), "Lần nữa"))).isEqualTo("error.consultation.alreadyClosed");

        ConsultationSummary second = openWeek();
        assertThat(second.token()).isNotEqualTo(first.token());
        assertThat(consultations.consultations(f.tree.id("X1"))).extracting(ConsultationSummary::id)
                .containsExactly(second.id(), first.id());
    }

    /**
     * Seed 002: only the organisation's own proposed rating and its members' names with their proposed
     * levels, in Vietnamese name order; never self-assessments, reasons, other organisations' members.
     */
    @Test
    void shouldPublishOnlyTheProposalsOfTheOrganisationAndItsMembersInNameOrder() {
        ConsultationSummary window = openWeek();
        PublicConsultation view = consultations.publicView(window.token()).orElseThrow();
        assertThat(view.organisationName()).isEqualTo(org.unit(f.tree.id("X1"), java.time.LocalDate.now(clock)).orElseThrow().name());
        assertThat(view.period().year()).isEqualTo(2024);
        assertThat(view.organisationLevel()).isEqualTo(RatingLevel.GOOD);
        assertThat(view.closesAt()).isEqualTo(window.closesAt());
        assertThat(view.members()).extracting(PublicSubject::name).containsExactlyElementsOf(ConsultationFixture.NAME_ORDER);
        assertThat(view.members()).filteredOn(m -> m.name().equals("Trần Văn An")).singleElement()
                .satisfies(m -> assertThat(m.proposedLevel()).isEqualTo(RatingLevel.GOOD));
        assertThat(view.members()).filteredOn(m -> m.name().equals("Lê Văn Đức")).singleElement()
                .satisfies(m -> assertThat(m.proposedLevel()).isNull());
        assertThat(view.members()).filteredOn(m -> m.name().equals("Phạm Thị Dung")).singleElement()
                .satisfies(m -> assertThat(m.notRated()).isTrue());
        // keys mean nothing outside the window: no rating or member id in them
        assertThat(view.members()).allSatisfy(m -> assertThat(m.key()).hasSize(16)
                .isNotEqualTo(Long.toString(f.rating(m.name()).id())));
    }

    /** Seed 002: feedback reaches the cell — the member's cell, or the TCCSĐ for the organisation. */
    @Test
    void shouldAddressFeedbackToTheMembersCellAndTheOrganisation() {
        ConsultationSummary window = openWeek();
        PublicConsultation view = consultations.publicView(window.token()).orElseThrow();
        String giang = view.members().stream().filter(m -> m.name().equals("Đỗ Thị Giang")).findFirst().orElseThrow().key();
        consultations.submit(window.token(), feedback(window, giang, "Đồng chí Giang gương mẫu ở khu dân cư."));
        consultations.submit(window.token(), feedback(window, PublicConsultation.ORGANISATION_KEY,
                "Đảng ủy xã cần sâu sát cơ sở hơn."));

        List<ConsultationFeedback> cell = consultations.feedback(f.tree.id("X1BC1"), 100);
        assertThat(cell).singleElement().satisfies(c -> {
            assertThat(c.subjectKind()).isEqualTo(SubjectKind.MEMBER);
            assertThat(c.subjectName()).isEqualTo("Đỗ Thị Giang");
            assertThat(c.addressedUnitId()).isEqualTo(f.tree.id("X1BC1"));
            assertThat(c.authorName()).isNull();
        });
        assertThat(consultations.feedback(f.tree.id("X1C1"), 100)).isEmpty();
        assertThat(consultations.feedback(f.tree.id("X1B"), 100)).hasSize(1);
        assertThat(consultations.feedback(f.tree.id("X1"), 100)).extracting(ConsultationFeedback::subjectKind)
                .containsExactly(SubjectKind.ORGANISATION, SubjectKind.MEMBER);
        assertThat(consultations.feedback(f.tree.id("X2"), 100)).isEmpty();
        assertThat(consultations.consultation(window.id()).orElseThrow().feedbackCount()).isEqualTo(2);
        // the cell also sees its TCCSĐ's window
        assertThat(consultations.consultations(f.tree.id("X1BC1"))).extracting(ConsultationSummary::id).containsExactly(window.id());
        // the client address is kept only as a keyed hash
        assertThat(jdbc.sql("select client_key from evaluations.consultation_feedback where consultation_id = ?")
                .param(window.id()).query(String.class).list()).allSatisfy(k -> assertThat(k).matches("[0-9a-f]{64}")
                .doesNotContain("198.51"));
    }

    /** Bad input: a subject that is not on the page, or text breaking the rules — a Vietnamese error, nothing written. */
    @Test
    void shouldRefuseUnknownSubjectsAndBadTextWritingNothing() {
        ConsultationSummary window = openWeek();
        long hai = f.memberIds.get("Vũ Văn Hải");
        assertThat(refusal(() -> consultations.submit(window.token(), feedback(window, Long.toString(hai), "Ý kiến về người khác"))))
                .isEqualTo("error.consultation.subjectRequired");
        assertThat(refusal(() -> consultations.submit(window.token(), feedback(window, "org", "tốt"))))
                .isEqualTo("error.consultation.textTooShort");
        assertThat(refusal(() -> consultations.submit(window.token(), feedback(window, "org",
                "Xem http://a.vn http://b.vn http://c.vn")))).isEqualTo("error.consultation.tooManyLinks");
        assertThat(refusal(() -> consultations.submit(window.token(), new FeedbackSubmission("org", "Ý kiến của tôi",
                null, "http://spam.example", ConsultationFixture.stampRenderedAgo(consultations, jdbc, window.token(),
                Duration.ofSeconds(10)), "198.51.100.5")))).isEqualTo("error.consultation.refused");
        assertThat(refusal(() -> consultations.submit(window.token(), new FeedbackSubmission("org", "Ý kiến của tôi",
                null, "", ConsultationFixture.stampRenderedAgo(consultations, jdbc, window.token(), Duration.ofSeconds(1)),
                "198.51.100.5")))).isEqualTo("error.consultation.tooFast");
        assertThat(refusal(() -> consultations.submit(window.token(), new FeedbackSubmission("org", "Ý kiến của tôi",
                null, "", ConsultationFixture.stampRenderedAgo(consultations, jdbc, window.token(), Duration.ofHours(3)),
                "198.51.100.5")))).isEqualTo("error.consultation.stampExpired");
        assertThat(ConsultationFixture.feedbackCount(jdbc, window.id())).isZero();
    }

    /** Seed 002: the window closes by itself — once closes_at has passed, nothing is shown and nothing taken. */
    @Test
    void shouldCloseByItselfWhenTheClosingTimePasses() {
        ConsultationSummary window = openWeek();
        String stamp = ConsultationFixture.stampRenderedAgo(consultations, jdbc, window.token(), Duration.ofSeconds(10));
        assertThat(consultations.publicView(window.token())).isPresent();
        ConsultationFixture.letTimePass(jdbc, window.id(), Duration.ofDays(7).plusMinutes(1));
        assertThat(consultations.publicView(window.token())).isEmpty();
        assertThatThrownBy(() -> consultations.submit(window.token(), new FeedbackSubmission("org", "Muộn rồi vẫn gửi",
                null, "", stamp, "198.51.100.6"))).isInstanceOf(NotFound.class);
        assertThat(consultations.consultation(window.id()).orElseThrow().status()).isEqualTo(ConsultationSummary.Status.CLOSED);
        assertThat(ConsultationFixture.feedbackCount(jdbc, window.id())).isZero();
        // the window has ended, so another may open
        assertThat(openWeek().id()).isNotEqualTo(window.id());
    }

    /** A window scheduled for later shows nothing until it opens; unknown and malformed tokens show nothing. */
    @Test
    void shouldShowNothingBeforeOpeningOrForUnknownTokens() {
        ConsultationSummary later = consultations.open(f.campaign, f.tree.id("X1"), now.plus(Duration.ofDays(2)),
                now.plus(Duration.ofDays(5)));
        assertThat(later.status()).isEqualTo(ConsultationSummary.Status.SCHEDULED);
        assertThat(consultations.publicView(later.token())).isEmpty();
        assertThat(consultations.publicView("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).isEmpty();
        assertThat(consultations.publicView("1")).isEmpty();
        assertThat(consultations.publicView(null)).isEmpty();
    }

    /** Feedback floods from many addresses: the window takes at most 200 an hour from everyone together. */
    @Test
    void shouldCapTheWindowAtTwoHundredAnHourFromAllClients() {
        ConsultationSummary window = openWeek();
        String stamp = ConsultationFixture.stampRenderedAgo(consultations, jdbc, window.token(), Duration.ofSeconds(10));
        for (int i = 0; i < 200; i++) {
            consultations.submit(window.token(), new FeedbackSubmission("org", "Ý kiến số " + i + " về đảng ủy",
                    null, "", stamp, "10.0." + i / 250 + "." + i % 250));
        }
        assertThat(refusal(() -> consultations.submit(window.token(), new FeedbackSubmission("org",
                "Ý kiến số 201 về đảng ủy", null, "", stamp, "10.1.0.1")))).isEqualTo("error.consultation.tooManyForWindow");
        assertThat(ConsultationFixture.feedbackCount(jdbc, window.id())).isEqualTo(200);
        // an hour later the window takes feedback again
        jdbc.sql("update evaluations.consultation_feedback set submitted_at = submitted_at - interval '61 minutes'"
                + " where consultation_id = ?").param(window.id()).update();
        consultations.submit(window.token(), new FeedbackSubmission("org", "Ý kiến sau một giờ", null, "",
                ConsultationFixture.stampRenderedAgo(consultations, jdbc, window.token(), Duration.ofSeconds(10)), "10.1.0.1"));
        assertThat(ConsultationFixture.feedbackCount(jdbc, window.id())).isEqualTo(201);
    }
}
