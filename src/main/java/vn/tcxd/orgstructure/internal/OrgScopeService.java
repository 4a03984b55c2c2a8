package vn.tcxd.orgstructure.internal;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tcxd.orgstructure.OrgScope;
import vn.tcxd.orgstructure.UnitSummary;
import vn.tcxd.shared.Forbidden;
import vn.tcxd.shared.NotFound;
import vn.tcxd.shared.scope.AccessScope;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Subtree membership. A scope root covers the units under its current position; an ended unit is
 * judged by its last position, so its history stays visible to the same people.
 */
@Service
@Transactional(readOnly = true)
class OrgScopeService implements OrgScope {

    private final TreeRepository tree;
    private final Clock clock;

    OrgScopeService(TreeRepository tree, Clock clock) {
        this.tree = tree;
        this.clock = clock;
    }

    @Override
    public boolean isWithin(long unitId, long rootId, LocalDate asOf) {
        Optional<VersionRow> unit = tree.versionAt(unitId, asOf);
        Optional<VersionRow> root = tree.versionAt(rootId, asOf);
        return unit.isPresent() && root.isPresent() && Paths.isWithin(unit.get().path(), root.get().path());
    }

    @Override
    public List<Long> subtree(long rootId, LocalDate asOf) {
        return tree.versionAt(rootId, asOf).map(root -> tree.subtreeIds(root, asOf)).orElse(List.of());
    }

    @Override
    public boolean canRead(AccessScope scope, long unitId) {
        return covers(scope, readRoots(scope), unitId);
    }

    @Override
    public Set<Long> readable(AccessScope scope, Collection<Long> unitIds) {
        Map<Long, String> paths = tree.latestPaths(unitIds);
        if (scope.everything()) {
            return new HashSet<>(paths.keySet());
        }
        List<String> rootPaths = tree.pathsOf(readRoots(scope));
        Set<Long> readable = new HashSet<>();
        paths.forEach((id, path) -> {
            if (rootPaths.stream().anyMatch(rootPath -> Paths.isWithin(path, rootPath))) {
                readable.add(id);
            }
        });
        return readable;
    }

    @Override
    public boolean canWrite(AccessScope scope, long unitId) {
        Set<Long> roots = new HashSet<>(scope.writeRoots());
        roots.addAll(scope.adminRoots());
        return covers(scope, roots, unitId);
    }

    /** The roots under which the scope reads: read, write and admin grants alike. */
    private static Set<Long> readRoots(AccessScope scope) {
        Set<Long> roots = new HashSet<>(scope.readRoots());
        roots.addAll(scope.writeRoots());
        roots.addAll(scope.adminRoots());
        return roots;
    }

    private boolean covers(AccessScope scope, Set<Long> roots, long unitId) {
        Optional<VersionRow> unit = tree.latest(unitId);
        if (unit.isEmpty()) {
            return false;
        }
        if (scope.everything()) {
            return true;
        }
        String path = unit.get().path();
        return tree.pathsOf(roots).stream().anyMatch(rootPath -> Paths.isWithin(path, rootPath));
    }

    @Override
    public void requireRead(AccessScope scope, long unitId) {
        if (!canRead(scope, unitId)) {
            throw new NotFound("unit " + unitId);
        }
    }

    @Override
    public void requireWrite(AccessScope scope, long unitId) {
        requireRead(scope, unitId);
        if (!canWrite(scope, unitId)) {
            throw new Forbidden();
        }
    }

    @Override
    public List<Long> readableRoots(AccessScope scope) {
        if (scope.everything()) {
            return tree.roots(LocalDate.now(clock)).stream().map(UnitSummary::id).toList();
        }
        return List.copyOf(readRoots(scope));
    }
}
