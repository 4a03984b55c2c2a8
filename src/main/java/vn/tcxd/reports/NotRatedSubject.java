package vn.tcxd.reports;

import vn.tcxd.evaluations.NotRatedReason;

/** A subject not rated in the period, with why (HD 21-HD/BTCTW (2019) II.6): a member with their cell, or a unit. */
public record NotRatedSubject(RatingClass subjectClass, Long memberId, String name, long unitId, String unitName,
                              NotRatedReason reason) {
}
