package vn.tcxd.evaluations.web;

import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDateTime;

/** The forms of the consultation pages. Mutable so that they bind and re-render with their errors. */
public final class ConsultationForms {

    private ConsultationForms() {
    }

    /** Opening a window: the campaign, and the opening and closing time in Vietnam's time zone. */
    public static class OpenConsultationForm {

        private Long campaignId;
        @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
        private LocalDateTime opensAt;
        @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
        private LocalDateTime closesAt;

        public Long getCampaignId() {
            return campaignId;
        }

        public void setCampaignId(Long campaignId) {
            this.campaignId = campaignId;
        }

        public LocalDateTime getOpensAt() {
            return opensAt;
        }

        public void setOpensAt(LocalDateTime opensAt) {
            this.opensAt = opensAt;
        }

        public LocalDateTime getClosesAt() {
            return closesAt;
        }

        public void setClosesAt(LocalDateTime closesAt) {
            this.closesAt = closesAt;
        }
    }

    /** Closing a window before its time, with the reason. */
    public static class CloseConsultationForm {

        private String closeReason = "";

        public String getCloseReason() {
            return closeReason;
        }

        public void setCloseReason(String closeReason) {
            this.closeReason = closeReason;
        }
    }

    /**
     * Feedback on the public page. {@code website} is the honeypot (hidden by CSS, must stay empty);
     * {@code stamp} the signed render time.
     */
    public static class LeaveFeedbackForm {

        private String subject = "";
        private String text = "";
        private String authorName = "";
        private String website = "";
        private String stamp = "";

        public String getSubject() {
            return subject;
        }

        public void setSubject(String subject) {
            this.subject = subject;
        }

        public String getText() {
            return text;
        }

        public void setText(String text) {
            this.text = text;
        }

        public String getAuthorName() {
            return authorName;
        }

        public void setAuthorName(String authorName) {
            this.authorName = authorName;
        }

        public String getWebsite() {
            return website;
        }

        public void setWebsite(String website) {
            this.website = website;
        }

        public String getStamp() {
            return stamp;
        }

        public void setStamp(String stamp) {
            this.stamp = stamp;
        }
    }
}
