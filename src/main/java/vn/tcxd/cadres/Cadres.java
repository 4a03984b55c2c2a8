package vn.tcxd.cadres;

import vn.tcxd.orgstructure.UnitType;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Facade of cadre work. Reads do not check the caller's scope; the web layer does: public facts (who
 * sits on a committee, who holds a title) with read scope on the unit, a cadre's file and planning
 * with read scope on every unit in {@link CadreFile#managers()} (the commission that manages the title
 * and the levels above it).
 */
public interface Cadres {

    /** The titles of units of the type, highest first. */
    List<Title> titles(UnitType unitType);

    Optional<Title> title(String code);

    /** Every rule set, oldest first. */
    List<CadreRuleSet> ruleSets();

    /** The rule set valid on the date; a Vietnamese error when none is. */
    CadreRuleSet ruleSetOn(LocalDate date);

    List<PlanPeriod> periods();

    /** The unit's terms, latest first. */
    List<Term> terms(long unitId);

    Optional<Term> term(long termId);

    /** The term's committee as at the date (any date; empty members outside the term). */
    Committee committee(long termId, LocalDate asOf);

    Optional<Committee.Seat> seat(long seatId);

    /** The titles of the unit's type with their holders as at the date. */
    Posts posts(long unitId, LocalDate asOf);

    Optional<Incumbency> incumbency(long incumbencyId);

    /** The unit whose commission manages the title at the unit as at the date (diện … quản lý). */
    long managerOf(long unitId, String titleCode, LocalDate asOf);

    /** The planning of the titles the unit's commission manages, checked as at the date. */
    PlanCheck planCheck(long unitId, String periodCode, LocalDate asOf);

    Optional<PlanEntry> planEntry(long entryId);

    /** Due work of posts in the unit's subtree managed within it, due by {@code today + horizonDays}, earliest first. */
    List<CadreDue> due(long unitId, LocalDate today, int horizonDays);

    /**
     * The part of {@link #due} that is the unit's own work: posts of the titles its level manages (diện Ban Thường vụ
     * … quản lý: for a province the titles of managing level PROVINCIAL in its subtree, its communes' key posts among
     * them), and the rotations ending in its subtree. The lower levels' work stays in {@link #due}.
     */
    List<CadreDue> dueManagedBy(long unitId, LocalDate today, int horizonDays);

    /** Rotations, transfers and secondments from or into the unit's subtree, running on the date or later. */
    List<Rotation> rotations(long unitId, LocalDate asOf);

    Optional<Rotation> rotation(long rotationId);

    /** The cadre's file as at the date; empty when the member is unknown. */
    Optional<CadreFile> file(long memberId, LocalDate asOf);

    /** The units whose commissions keep the member's file (see {@link CadreFile#managers()}); empty for a non-cadre. */
    java.util.Set<Long> fileManagers(long memberId, LocalDate asOf);

    /** {@link #fileManagers(long, LocalDate)} of many members at once (lists that link to files). */
    java.util.Map<Long, java.util.Set<Long>> fileManagers(java.util.Collection<Long> memberIds, LocalDate asOf);

    /**
     * Those of the members (e.g. the hits of a member search) who have posts, seats or planning, in the
     * given order, with their posts held on the date and who keeps their file.
     */
    List<CadreSummary> cadresAmong(java.util.Collection<Long> memberIds, LocalDate asOf);

    /** The structure of the unit's committee as at the date (empty when no term covers it). */
    CadreProfile committeeProfile(long unitId, LocalDate asOf);

    /** The structure of the cadres planned for the titles the unit manages in the period, as at the date. */
    CadreProfile planProfile(long unitId, String periodCode, LocalDate asOf);

    /** What the congress of the term elected, against the unit's previous term. */
    CongressFigures congress(long termId);

    /** Applies the act in one transaction; returns the id of what it created or changed. */
    long apply(CadreAct act);
}
