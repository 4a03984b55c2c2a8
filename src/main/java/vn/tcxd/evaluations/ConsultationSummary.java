package vn.tcxd.evaluations;

import java.time.Instant;

/**
 * One consultation window of a grassroots organisation on a campaign's proposals, as the committee
 * side sees it (the token is what the public link carries).
 *
 * @param closedEarlyAt when the window was closed before {@code closesAt}, with who and why; null otherwise
 */
public record ConsultationSummary(long id, long campaignId, Period period, long unitId, String unitName, String token,
                                  Instant opensAt, Instant closesAt, String openedBy, Instant openedAt,
                                  Instant closedEarlyAt, String closedEarlyBy, String closeReason,
                                  int feedbackCount, Status status) {

    /** Where the window stands now (labels: {@code consultationStatus.<NAME>}). */
    public enum Status {
        SCHEDULED, OPEN, CLOSED
    }

    /** When the window ended or ends: the early close, else the closing time. */
    public Instant endsAt() {
        return closedEarlyAt != null ? closedEarlyAt : closesAt;
    }
}
