package vn.tcxd.orgstructure;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Facade of the organisation tree: reads as at any date, and reorganisations.
 * Reads do not check the caller's scope; web layers do that with {@link OrgScope}.
 */
public interface OrgStructure {

    /** The unit as it was on {@code asOf}; empty when it did not exist then. */
    Optional<UnitDetails> unit(long unitId, LocalDate asOf);

    /** The unit's last known state (for dissolved units the state before dissolution). */
    Optional<UnitDetails> lastKnown(long unitId);

    Optional<Long> idOfCode(String code);

    /** Direct subordinates as at {@code asOf}, in Vietnamese order of name. */
    List<UnitSummary> children(long unitId, LocalDate asOf);

    /** Top-level units (no parent) as at {@code asOf}. */
    List<UnitSummary> roots(LocalDate asOf);

    StructureCounts counts(long unitId, LocalDate asOf);

    /** Units whose name, short name or code contains {@code query} (with or without diacritics). */
    List<UnitSummary> search(String query, List<Long> withinRoots, LocalDate asOf, int limit);

    /** Every change of the unit, oldest first, with lineage links touching it. */
    List<UnitHistoryEntry> history(long unitId);

    /** The rule set of parent → child links valid on {@code date}. */
    LinkRuleSet linkRules(LocalDate date);

    /** Applies a reorganisation in one transaction, audited; returns the id of the unit it created or changed. */
    long apply(Reorganisation reorganisation);
}
