package vn.tcxd.evaluations.web;

import vn.tcxd.evaluations.ConsultationFeedback;
import vn.tcxd.evaluations.ConsultationSummary;
import vn.tcxd.evaluations.PeriodKind;
import vn.tcxd.evaluations.SubjectKind;

import java.time.Instant;

/** Request and response records of the consultation API. */
final class ConsultationApiRecords {

    private ConsultationApiRecords() {
    }

    /** Opens a window; {@code opensAt} null opens it now. */
    record OpenConsultationRequest(Long campaignId, Instant opensAt, Instant closesAt) {
    }

    record CloseConsultationRequest(String reason) {
    }

    /** A window as the API shows it; {@code publicPath} is the page anyone may open while it is open. */
    record ConsultationResponse(long id, long campaignId, PeriodKind periodKind, Integer year, Integer periodNo,
                                long unitId, String unitName, String publicPath, Instant opensAt, Instant closesAt,
                                ConsultationSummary.Status status, String openedBy, Instant openedAt,
                                Instant closedEarlyAt, String closedEarlyBy, String closeReason, int feedbackCount) {

        static ConsultationResponse of(ConsultationSummary c) {
            return new ConsultationResponse(c.id(), c.campaignId(), c.period() == null ? null : c.period().kind(),
                    c.period() == null ? null : c.period().year(), c.period() == null ? null : c.period().no(),
                    c.unitId(), c.unitName(), "/public/consultations/" + c.token(), c.opensAt(), c.closesAt(),
                    c.status(), c.openedBy(), c.openedAt(), c.closedEarlyAt(), c.closedEarlyBy(), c.closeReason(),
                    c.feedbackCount());
        }
    }

    record FeedbackResponse(long id, long consultationId, String organisationName, SubjectKind subjectKind,
                            String subjectName, long addressedUnitId, String addressedUnitName, String text,
                            String authorName, Instant submittedAt) {

        static FeedbackResponse of(ConsultationFeedback f) {
            return new FeedbackResponse(f.id(), f.consultationId(), f.organisationName(), f.subjectKind(),
                    f.subjectName(), f.addressedUnitId(), f.addressedUnitName(), f.text(), f.authorName(),
                    f.submittedAt());
        }
    }
}
