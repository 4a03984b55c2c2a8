package vn.tcxd.votes.web;

import org.springframework.stereotype.Component;
import vn.tcxd.orgstructure.OrgScope;
import vn.tcxd.shared.NotFound;
import vn.tcxd.shared.scope.CurrentAccess;
import vn.tcxd.votes.VoteSession;
import vn.tcxd.votes.Votes;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The current user's view of confidence votes: a session, its results and its board need read scope on
 * the unit whose body votes (and so the levels above it, to which results are published); organising
 * and counting need write scope there. Out of scope answers 404 like a missing session.
 */
@Component
class ScopedVotes {

    private final Votes votes;
    private final OrgScope orgScope;
    private final CurrentAccess access;
    private final Clock clock;

    ScopedVotes(Votes votes, OrgScope orgScope, CurrentAccess access, Clock clock) {
        this.votes = votes;
        this.orgScope = orgScope;
        this.access = access;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    Clock clock() {
        return clock;
    }

    void requireReadUnit(long unitId) {
        orgScope.requireRead(access.scope(), unitId);
    }

    void requireWriteUnit(long unitId) {
        orgScope.requireWrite(access.scope(), unitId);
    }

    boolean canWriteUnit(long unitId) {
        return orgScope.canWrite(access.scope(), unitId);
    }

    /** The sessions of every unit the user may read. */
    java.util.List<VoteSession.Summary> readableSessions() {
        java.util.List<VoteSession.Summary> all = votes.allSessions();
        java.util.Set<Long> readable = orgScope.readable(access.scope(),
                all.stream().map(VoteSession.Summary::unitId).collect(java.util.stream.Collectors.toSet()));
        return all.stream().filter(s -> readable.contains(s.unitId())).toList();
    }

    VoteSession readable(long sessionId) {
        VoteSession s = votes.session(sessionId).orElseThrow(() -> new NotFound("vote session " + sessionId));
        if (!orgScope.canRead(access.scope(), s.unitId())) throw new NotFound("vote session " + sessionId);
        return s;
    }

    VoteSession writable(long sessionId) {
        VoteSession s = readable(sessionId);
        orgScope.requireWrite(access.scope(), s.unitId());
        return s;
    }
}
