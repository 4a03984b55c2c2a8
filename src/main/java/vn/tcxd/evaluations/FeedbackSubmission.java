package vn.tcxd.evaluations;

/**
 * Feedback as posted on the public page.
 *
 * @param subjectKey    {@link PublicConsultation#ORGANISATION_KEY} or a member's key from the page
 * @param honeypot      a field hidden by CSS that people leave empty and form-filling robots do not
 * @param formStamp     the signed render time from {@link PublicConsultation#formStamp()}
 * @param clientAddress the client's address; only a keyed hash of it is stored
 */
public record FeedbackSubmission(String subjectKey, String text, String authorName, String honeypot,
                                 String formStamp, String clientAddress) {
}
