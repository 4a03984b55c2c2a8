package vn.tcxd.orgstructure.web;

import java.util.Arrays;
import java.util.Optional;

/**
 * The reorganisation forms reachable from a unit page, by URL segment.
 */
public enum UnitOperation {
    ESTABLISH("new"), RENAME("rename"), MOVE("move"), CHANGE_TYPE("change-type"), MERGE("merge"), SPLIT("split"),
    DISSOLVE("dissolve"), CONSOLIDATE("consolidate");

    private final String segment;

    UnitOperation(String segment) {
        this.segment = segment;
    }

    public String segment() {
        return segment;
    }

    static Optional<UnitOperation> ofSegment(String segment) {
        return Arrays.stream(values()).filter(o -> o.segment.equals(segment)).findFirst();
    }
}
