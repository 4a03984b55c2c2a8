package vn.tcxd.security.web;

import vn.tcxd.security.AuditChainReport;

/**
 * API answer of the audit chain check: the figures and one sentence saying what they mean.
 *
 * @param problem CONTENT (changed after writing), MISSING (entries before it removed) or LINK (replaced or forged)
 */
public record AuditChainResponse(boolean intact, long checked, Long firstBrokenId, Long firstBrokenPosition,
                                 String problem, Long headPosition, String headHash, String message) {

    static AuditChainResponse of(AuditChainReport report, String message) {
        return new AuditChainResponse(report.intact(), report.checked(), report.firstBrokenId(),
                report.firstBrokenPosition(), report.problem() == null ? null : report.problem().name(),
                report.headPosition(), report.headHash(), message);
    }
}
