package vn.tcxd.evaluations;

/** Where a rating stands in the workflow (labels: {@code ratingStatus.<NAME>}). */
public enum RatingStatus {
    PENDING, SELF_ASSESSED, PROPOSED, DECIDED, NOT_RATED;

    public boolean isOpen() {
        return this == PENDING || this == SELF_ASSESSED || this == PROPOSED;
    }
}
