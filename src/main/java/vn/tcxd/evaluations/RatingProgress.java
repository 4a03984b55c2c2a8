package vn.tcxd.evaluations;

import java.util.Map;

/** How far a campaign has come in a unit's subtree: subjects by kind and workflow status. */
public record RatingProgress(Map<SubjectKind, Map<RatingStatus, Integer>> counts) {

    public int count(SubjectKind kind, RatingStatus status) {
        return counts.getOrDefault(kind, Map.of()).getOrDefault(status, 0);
    }

    public int total(SubjectKind kind) {
        return counts.getOrDefault(kind, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
    }
}
