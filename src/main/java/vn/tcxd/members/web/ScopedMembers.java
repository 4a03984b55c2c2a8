package vn.tcxd.members.web;

import org.springframework.stereotype.Component;
import vn.tcxd.members.MemberDetails;
import vn.tcxd.members.MemberState;
import vn.tcxd.members.Members;
import vn.tcxd.members.TransferSummary;
import vn.tcxd.orgstructure.OrgScope;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.shared.Forbidden;
import vn.tcxd.shared.NotFound;
import vn.tcxd.shared.RuleViolation;
import vn.tcxd.shared.scope.AccessScope;
import vn.tcxd.shared.scope.CurrentAccess;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The current user's view of the member registry: a member is readable or writable when the unit
 * whose roll counts them today (for ended members: their last unit) is in the user's scope. Anything
 * outside answers 404 exactly like a member that does not exist, so no name leaks. Transfers are
 * visible to both sides; the receiving side sees only the transfer, never the member, until receipt.
 */
@Component
class ScopedMembers {

    private final Members members;
    private final OrgStructure org;
    private final OrgScope orgScope;
    private final CurrentAccess access;
    private final Clock clock;

    ScopedMembers(Members members, OrgStructure org, OrgScope orgScope, CurrentAccess access, Clock clock) {
        this.members = members;
        this.org = org;
        this.orgScope = orgScope;
        this.access = access;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    LocalDate asOf(LocalDate requested) {
        return requested == null ? today() : requested;
    }

    AccessScope scope() {
        return access.scope();
    }

    /** The unit counting the member today, or on the admission date when today has no state. */
    Optional<Long> currentUnit(long memberId) {
        Optional<MemberState> state = members.stateOn(memberId, today());
        if (state.isEmpty()) {
            state = members.member(memberId, today())
                    .flatMap(m -> m.admissionDecisionDate() == null ? Optional.empty()
                            : members.stateOn(memberId, m.admissionDecisionDate()));
        }
        return state.map(MemberState::unitId);
    }

    /** The unit of a readable member; NotFound otherwise. */
    long requireRead(long memberId) {
        long unitId = currentUnit(memberId).orElseThrow(() -> new NotFound("member"));
        orgScope.requireRead(scope(), unitId);
        return unitId;
    }

    /** The unit of a writable member; NotFound when unreadable, Forbidden when read-only. */
    long requireWrite(long memberId) {
        long unitId = currentUnit(memberId).orElseThrow(() -> new NotFound("member"));
        orgScope.requireWrite(scope(), unitId);
        return unitId;
    }

    MemberDetails readable(long memberId, LocalDate asOf) {
        requireRead(memberId);
        return members.member(memberId, asOf).orElseThrow(() -> new NotFound("member"));
    }

    boolean canReadMember(long memberId) {
        return currentUnit(memberId).map(u -> orgScope.canRead(scope(), u)).orElse(false);
    }

    boolean canWriteMember(long memberId) {
        return currentUnit(memberId).map(u -> orgScope.canWrite(scope(), u)).orElse(false);
    }

    void requireReadUnit(long unitId) {
        orgScope.requireRead(scope(), unitId);
    }

    void requireWriteUnit(long unitId) {
        orgScope.requireWrite(scope(), unitId);
    }

    boolean canReadUnit(long unitId) {
        return orgScope.canRead(scope(), unitId);
    }

    boolean canWriteUnit(long unitId) {
        return orgScope.canWrite(scope(), unitId);
    }

    /** Roots to search within; null means everything (system administrator). */
    List<Long> searchRoots() {
        return scope().everything() ? null : orgScope.readableRoots(scope());
    }

    List<Long> readableRoots() {
        return orgScope.readableRoots(scope());
    }

    /** A transfer either side may see (sending unit or receiving unit readable); NotFound otherwise. */
    TransferSummary visibleTransfer(long transferId) {
        TransferSummary t = members.transfer(transferId).orElseThrow(() -> new NotFound("transfer"));
        if (!canReadUnit(t.fromUnitId()) && !canReadUnit(t.toUnitId())) {
            throw new NotFound("transfer");
        }
        return t;
    }

    /** Receipt is confirmed by the receiving side only. */
    TransferSummary receivable(long transferId) {
        TransferSummary t = visibleTransfer(transferId);
        if (!canWriteUnit(t.toUnitId())) {
            throw new Forbidden();
        }
        return t;
    }

    /** A temporary transfer is ended by the home cell or the host cell. */
    TransferSummary endable(long transferId) {
        TransferSummary t = visibleTransfer(transferId);
        if (!canWriteUnit(t.fromUnitId()) && !canWriteUnit(t.toUnitId())) {
            throw new Forbidden();
        }
        return t;
    }

    /** Transfers in transit into the user's readable subtrees, oldest first, each once. */
    List<TransferSummary> incoming() {
        Map<Long, TransferSummary> byId = new LinkedHashMap<>();
        for (long root : readableRoots()) {
            members.incomingTransfers(root).forEach(t -> byId.putIfAbsent(t.id(), t));
        }
        return byId.values().stream()
                .sorted(java.util.Comparator.comparing(TransferSummary::issuedOn).thenComparing(TransferSummary::id))
                .toList();
    }

    /** Temporary transfers received into the user's readable subtrees and still running, oldest first, each once. */
    List<TransferSummary> hosted() {
        Map<Long, TransferSummary> byId = new LinkedHashMap<>();
        for (long root : readableRoots()) {
            members.hostedTransfers(root).forEach(t -> byId.putIfAbsent(t.id(), t));
        }
        return byId.values().stream()
                .sorted(java.util.Comparator.comparing(TransferSummary::issuedOn).thenComparing(TransferSummary::id))
                .toList();
    }

    /** A unit in the user's writable scope by code, else a field error that says nothing more. */
    long writableByCode(String code, String field) {
        long id = unitByCode(code, field);
        if (!orgScope.canWrite(scope(), id)) {
            throw RuleViolation.onField(field, "error.unit.codeNotInScope", normalise(code));
        }
        return id;
    }

    long readableByCode(String code, String field) {
        long id = unitByCode(code, field);
        if (!orgScope.canRead(scope(), id)) {
            throw RuleViolation.onField(field, "error.unit.codeNotInScope", normalise(code));
        }
        return id;
    }

    /**
     * Any unit by code: a transfer may go to a cell anywhere in the country, so the receiving cell is
     * not limited to the sender's scope. The code alone is answered, never the unit's contents.
     */
    long anyByCode(String code, String field) {
        return unitByCode(code, field);
    }

    /** The unit's name when the user may read it, else its code only. */
    String unitLabel(long unitId) {
        if (canReadUnit(unitId)) {
            return org.unit(unitId, today()).or(() -> org.lastKnown(unitId)).map(u -> u.name()).orElse("#" + unitId);
        }
        return org.lastKnown(unitId).map(u -> u.code()).orElse("#" + unitId);
    }

    private long unitByCode(String code, String field) {
        String normalised = normalise(code);
        if (normalised.isEmpty()) {
            throw RuleViolation.onField(field, "error.unit.codeRequired");
        }
        return org.idOfCode(normalised)
                .orElseThrow(() -> RuleViolation.onField(field, "error.unit.codeNotInScope", normalised));
    }

    private static String normalise(String code) {
        return code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    }
}
