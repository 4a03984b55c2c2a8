package vn.tcxd.members;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Facade of the member registry. Reads do not check the caller's scope; the web layer does, with
 * {@link vn.tcxd.orgstructure.OrgScope} on the member's unit.
 */
public interface Members {

    Optional<MemberDetails> member(long memberId, LocalDate asOf);

    /** The member's state as at the date (null before admission). */
    Optional<MemberState> stateOn(long memberId, LocalDate asOf);

    List<MemberEventEntry> events(long memberId);

    /** Members on the roll of the subtree of {@code unitId} on {@code asOf}, filtered, in Vietnamese name order. */
    MemberPage list(long unitId, LocalDate asOf, MemberFilter filter, int page, int size);

    /** By name with or without diacritics, citizen id or card number, within the given roots (null: all). */
    List<MemberSummary> search(String query, List<Long> withinRoots, LocalDate asOf, int limit);

    List<TransferSummary> transfers(long memberId);

    Optional<TransferSummary> transfer(long transferId);

    /** Permanent transfers in transit into the subtree of {@code unitId}, oldest first. */
    List<TransferSummary> incomingTransfers(long unitId);

    /**
     * Temporary transfers received into the subtree of {@code unitId} and still running (sinh hoạt
     * tạm thời: the member is hosted there), oldest first.
     */
    List<TransferSummary> hostedTransfers(long unitId);

    List<CodeItem> codes(CodeList list);

    /** Probationary members on the roll of the subtree on {@code asOf}, set-based (for the due-work queue). */
    List<Probationer> probationers(long unitId, LocalDate asOf);

    /** Transfers out of the subtree whose letter is still in transit, oldest first. */
    List<TransferSummary> outgoingTransfers(long unitId);

    /**
     * Full members on the subtree's roll who may receive a badge on the occasion (no early award),
     * judged with their interruptions and earlier awards; in order of milestone, then name.
     */
    List<BadgeCandidate> badgeCandidates(long unitId, LocalDate occasion);

    /** Party age on {@code asOf}: from the admission decision, without the periods out of the Party. */
    Optional<PartyAge> partyAge(long memberId, LocalDate asOf);

    /** Periods out of the Party (removed, left, expelled) until re-admission; the last may be open. */
    List<PartyAge.DateRange> interruptions(long memberId);

    /** Which badge, if any, the member may receive on the occasion. */
    BadgeEligibility badgeEligibility(long memberId, LocalDate occasion, boolean seriouslyIll);

    List<BadgeAward> badgeAwards(long memberId);

    /** Applies the act in one transaction with its event, state change and audit; returns the member id. */
    long apply(MemberAct act);
}
