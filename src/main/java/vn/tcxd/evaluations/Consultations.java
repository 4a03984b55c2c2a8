package vn.tcxd.evaluations;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Facade of the public consultation on proposed ratings (công khai lấy ý kiến nhân dân về kết quả đánh giá
 * chất lượng TCCSĐ và đảng viên; seed 002, Đồng Nai 2012): a grassroots organisation opens a time-boxed
 * window for a campaign, the public page behind the window's random token shows only its own proposed
 * rating and its members' names with their proposed levels, anyone leaves feedback, and the feedback
 * reaches the cell. Commands check the rules, not the caller's scope; the web layer does that with
 * {@link vn.tcxd.orgstructure.OrgScope}. Broken rules throw {@link vn.tcxd.shared.RuleViolation} and
 * nothing is written.
 */
public interface Consultations {

    /**
     * Opens a window for the grassroots organisation {@code unitId} on the campaign's proposals: 1 to
     * {@code tcxd.consultation.max-days} days, one window not yet ended per organisation and campaign,
     * audited. {@code opensAt} null opens it now.
     */
    ConsultationSummary open(long campaignId, long unitId, Instant opensAt, Instant closesAt);

    /** The longest window allowed, in days ({@code tcxd.consultation.max-days}). */
    int maxDays();

    /** Ends a window before its closing time; the reason is required and audited. */
    ConsultationSummary closeEarly(long consultationId, String reason);

    Optional<ConsultationSummary> consultation(long consultationId);

    /**
     * Windows of the grassroots organisations the unit belongs to or contains: those of its own
     * TCCSĐ for a cell, those of the TCCSĐs inside its subtree for a committee above; latest first.
     */
    List<ConsultationSummary> consultations(long unitId);

    /** Feedback addressed to units in the subtree of {@code unitId}, newest first, at most {@code limit}. */
    List<ConsultationFeedback> feedback(long unitId, int limit);

    /** Feedback of one window, newest first. */
    List<ConsultationFeedback> feedbackOf(long consultationId);

    /**
     * What the public page shows while the window is open, with a freshly signed form stamp; empty when
     * the token is unknown, the window is not yet open, or it has ended.
     */
    Optional<PublicConsultation> publicView(String token);

    /**
     * Stores one piece of feedback from the public. Refused with a Vietnamese message and nothing
     * written when the window is not open ({@link vn.tcxd.shared.NotFound}), the honeypot is filled,
     * the form stamp is forged, too fresh or too old, the text breaks the rules, or the client or the
     * window has reached its hourly limit.
     */
    void submit(String token, FeedbackSubmission submission);
}
