package vn.tcxd.orgstructure;

import vn.tcxd.shared.scope.AccessScope;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Subtree questions for other modules ("within unit X as at date D"), so they filter by scope
 * without reading this module's tables. For set-based SQL filtering, the repeatable view
 * {@code orgstructure.unit_tree} (unit_id, parent_id, path, type, valid_from, valid_to) is public.
 */
public interface OrgScope {

    /** Whether {@code unitId} lies in the subtree of {@code rootId} (itself included) on {@code asOf}. */
    boolean isWithin(long unitId, long rootId, LocalDate asOf);

    /** Ids of all units in the subtree of {@code rootId} (itself included) on {@code asOf}. */
    List<Long> subtree(long rootId, LocalDate asOf);

    /** Whether the scope may read the unit (by its current, or for ended units its last, position). */
    boolean canRead(AccessScope scope, long unitId);

    /** Those of the units the scope may read, as {@link #canRead} judges each, in two queries for any number. */
    Set<Long> readable(AccessScope scope, Collection<Long> unitIds);

    boolean canWrite(AccessScope scope, long unitId);

    /** Throws {@link vn.tcxd.shared.NotFound} when the unit is unknown or outside the read scope. */
    void requireRead(AccessScope scope, long unitId);

    /**
     * Throws {@link vn.tcxd.shared.NotFound} when unreadable and
     * {@link vn.tcxd.shared.Forbidden} when readable but not writable.
     */
    void requireWrite(AccessScope scope, long unitId);

    /** The roots of the scope's readable subtrees, or all top-level units for "everything". */
    List<Long> readableRoots(AccessScope scope);
}
