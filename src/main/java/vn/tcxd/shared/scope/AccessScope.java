package vn.tcxd.shared.scope;

import java.util.Set;

/**
 * What the current user may see and change: every unit (system administrator) or the subtrees
 * rooted at {@code readRoots} (read) and {@code writeRoots} (read and write).
 */
public record AccessScope(String username, boolean everything, Set<Long> readRoots, Set<Long> writeRoots,
                          Set<Long> adminRoots) {

    public AccessScope {
        readRoots = Set.copyOf(readRoots);
        writeRoots = Set.copyOf(writeRoots);
        adminRoots = Set.copyOf(adminRoots);
    }

    public static AccessScope system(String username) {
        return new AccessScope(username, true, Set.of(), Set.of(), Set.of());
    }

    public static AccessScope none(String username) {
        return new AccessScope(username, false, Set.of(), Set.of(), Set.of());
    }

    public boolean canWriteSomewhere() {
        return everything || !writeRoots.isEmpty();
    }

    public boolean isAdministrator() {
        return everything || !adminRoots.isEmpty();
    }
}
