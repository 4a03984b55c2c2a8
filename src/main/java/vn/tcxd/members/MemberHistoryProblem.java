package vn.tcxd.members;

import java.util.List;

/**
 * Why one history of a batch was refused.
 *
 * @param index     position of the history in the batch (0-based)
 * @param step      position of the failing step (0: the admission, which also checks the record
 *                  sheet; -1: the history as a whole)
 * @param field     the field named by the rule (may be null)
 * @param messageKey message key of the rule, with {@code args}
 */
public record MemberHistoryProblem(int index, int step, String field, String messageKey, List<Object> args) {

    public MemberHistoryProblem {
        args = args == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(args));
    }
}
