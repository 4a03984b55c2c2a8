package vn.tcxd.reports;

import vn.tcxd.shared.scope.AccessScope;

import java.time.LocalDate;
import java.util.List;

/**
 * Saved groups of units compared side by side (nhóm đơn vị so sánh), e.g. the 8 central provinces of a
 * regional briefing. A group belongs to the account that saved it, which alone may change or delete it;
 * shared within a unit, it is also seen by every account that may read that unit. Every read shows only
 * the units the reader may read, whoever saved the group; a group the reader may not see answers
 * {@link vn.tcxd.shared.NotFound}. Writes are audited.
 */
public interface UnitGroups {

    /** At most this many units in a group. */
    int MAX_UNITS = 40;

    /** The reader's own groups and those shared with them, in Vietnamese order of name. */
    List<UnitGroupSummary> visibleTo(AccessScope reader);

    UnitGroupDetails get(AccessScope reader, long groupId);

    UnitGroupDetails create(AccessScope owner, UnitGroupDraft draft);

    /** Only the owner may change a group; units out of the owner's scope now are kept as they were. */
    UnitGroupDetails update(AccessScope owner, long groupId, UnitGroupDraft draft);

    void delete(AccessScope owner, long groupId);

    /** Key figures of the group's units the reader may read, on {@code asOf} and a year earlier, with totals. */
    UnitComparison compare(AccessScope reader, long groupId, LocalDate asOf);
}
