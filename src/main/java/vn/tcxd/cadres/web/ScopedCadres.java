package vn.tcxd.cadres.web;

import org.springframework.stereotype.Component;
import vn.tcxd.cadres.Cadres;
import vn.tcxd.members.MemberState;
import vn.tcxd.members.Members;
import vn.tcxd.orgstructure.OrgScope;
import vn.tcxd.shared.Forbidden;
import vn.tcxd.shared.NotFound;
import vn.tcxd.shared.scope.AccessScope;
import vn.tcxd.shared.scope.CurrentAccess;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The current user's view of cadre work. Public facts (a committee's members, a title's holders)
 * need read scope on the unit. A cadre's file, planning and the due work need read scope on every
 * unit whose commission keeps the file (the level that manages the title, and the levels above it);
 * a lower unit's user gets 404 as if the file did not exist. Changes need write scope there.
 */
@Component
class ScopedCadres {

    private final Cadres cadres;
    private final Members members;
    private final OrgScope orgScope;
    private final CurrentAccess access;
    private final Clock clock;

    ScopedCadres(Cadres cadres, Members members, OrgScope orgScope, CurrentAccess access, Clock clock) {
        this.cadres = cadres;
        this.members = members;
        this.orgScope = orgScope;
        this.access = access;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    AccessScope scope() {
        return access.scope();
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

    List<Long> readableRoots() {
        return orgScope.readableRoots(scope());
    }

    /** What the user may do with a cadre's file, judged once for a request. */
    record FileAccess(boolean readable, boolean writable) {
    }

    /**
     * The file is readable with read scope on every keeper and writable with write scope on every keeper (a
     * non-cadre: the member's unit); the keepers are looked up once.
     */
    FileAccess fileAccess(long memberId) {
        Set<Long> managers = cadres.fileManagers(memberId, today());
        if (managers.isEmpty()) {
            java.util.Optional<Long> unit = members.stateOn(memberId, today()).map(MemberState::unitId);
            boolean readable = unit.map(this::canReadUnit).orElse(false);
            return new FileAccess(readable, readable && unit.map(this::canWriteUnit).orElse(false));
        }
        boolean readable = orgScope.readable(scope(), managers).containsAll(managers);
        return new FileAccess(readable, readable && managers.stream().allMatch(this::canWriteUnit));
    }

    /** Whether the user may open the cadre's file: every keeper readable (a non-cadre: the member's unit). */
    boolean canOpenFile(long memberId) {
        return fileAccess(memberId).readable();
    }

    /** Of the members, those whose files the user may open (one batch of queries for a whole list). */
    java.util.Set<Long> openableFiles(java.util.Collection<Long> memberIds) {
        java.util.Map<Long, Set<Long>> managers = cadres.fileManagers(memberIds, today());
        // every keeper of every file judged at once (a province's due work names ~100 keepers)
        Set<Long> readable = orgScope.readable(scope(), managers.values().stream().flatMap(Set::stream).collect(
                java.util.stream.Collectors.toSet()));
        java.util.Set<Long> openable = new java.util.HashSet<>();
        managers.forEach((member, keepers) -> {
            if (keepers.isEmpty() ? canOpenFile(member) : readable.containsAll(keepers)) {
                openable.add(member);
            }
        });
        return openable;
    }

    FileAccess requireFile(long memberId) {
        FileAccess access = fileAccess(memberId);
        if (!access.readable()) {
            throw new NotFound("cadre " + memberId);
        }
        return access;
    }

    /** Changes to the file (training) need write scope on every keeper. */
    void requireWriteFile(long memberId) {
        if (!requireFile(memberId).writable()) {
            throw new Forbidden();
        }
    }

    /**
     * Cadres matching a member search (name with or without diacritics, CCCD, card number) in the user's
     * scope, limited to the files the user may open: those the user's commission or a lower one keeps.
     */
    java.util.List<vn.tcxd.cadres.CadreSummary> searchFiles(String query, int limit) {
        if (query == null || query.strip().length() < 2) {
            return java.util.List.of();
        }
        java.util.List<Long> ids = members.search(query.strip(), readableRoots(), today(), 300).stream()
                .map(vn.tcxd.members.MemberSummary::id).toList();
        java.util.Map<Long, Boolean> readable = new java.util.HashMap<>();
        return cadres.cadresAmong(ids, today()).stream()
                .filter(c -> c.managers().stream().allMatch(u -> readable.computeIfAbsent(u, this::canReadUnit)))
                .limit(limit).toList();
    }

    /** The member for a form: known and readable by the user (by their unit's scope), else 404 on the field. */
    void requireReadableMember(long memberId) {
        Long unit = members.stateOn(memberId, today()).map(MemberState::unitId).orElse(null);
        if (unit == null) {
            unit = members.member(memberId, today()).map(d -> d.state() == null ? null : d.state().unitId()).orElse(null);
        }
        if (unit == null || !canReadUnit(unit)) {
            throw vn.tcxd.shared.RuleViolation.onField("memberId", "error.cadre.memberUnknown");
        }
    }
}
