package vn.tcxd.reports;

import java.util.List;

/**
 * A group as one reader sees it: only the units the reader may read.
 *
 * @param hiddenUnits whether some of its units lie outside the reader's scope (they are never named)
 */
public record UnitGroupDetails(long id, String name, String owner, boolean mine, UnitRef sharedWithin,
                               List<UnitRef> units, boolean hiddenUnits) {
}
