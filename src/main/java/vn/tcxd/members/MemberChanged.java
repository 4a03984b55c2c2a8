package vn.tcxd.members;

import java.time.LocalDate;
import java.util.List;

/**
 * Published in the transaction of every member act, for modules that keep per-unit figures.
 *
 * @param unitIds the rolls affected (e.g. both sides of a received transfer)
 */
public record MemberChanged(long memberId, MemberEventKind kind, LocalDate effectiveOn, List<Long> unitIds) {
}
