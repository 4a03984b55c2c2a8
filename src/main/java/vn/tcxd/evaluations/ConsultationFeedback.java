package vn.tcxd.evaluations;

import java.time.Instant;

/**
 * Feedback from the public as the cell reads it: about the organisation or one member (named as
 * published), addressed to the cell it reaches.
 *
 * @param authorName the name the writer chose to give, or null
 */
public record ConsultationFeedback(long id, long consultationId, String organisationName, SubjectKind subjectKind,
                                   String subjectName, long addressedUnitId, String addressedUnitName, String text,
                                   String authorName, Instant submittedAt) {
}
