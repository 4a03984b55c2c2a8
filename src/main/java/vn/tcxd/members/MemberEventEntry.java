package vn.tcxd.members;

import vn.tcxd.shared.DecisionRef;

import java.time.LocalDate;
import java.util.Map;

/**
 * One entry of a member's timeline, with its decision.
 */
public record MemberEventEntry(long id, MemberEventKind kind, LocalDate effectiveOn, DecisionRef decision,
                               Map<String, Object> details) {
}
