package vn.tcxd.members;

import vn.tcxd.shared.RuleSet;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Party Badge rules of one guidance document (DOMAIN §2.7): milestones with how early a
 * seriously ill member may receive each, how early a posthumous award may be, and the award
 * occasions of the year.
 *
 * <p>Boundaries (all inclusive, by date):
 * <ul>
 *   <li>Normal: eligible on an occasion when the milestone date is on or before the occasion date;
 *       the day after, the member waits for the next occasion.</li>
 *   <li>Seriously ill (living member): also when the milestone date is on or before the occasion
 *       plus the milestone's early months (e.g. 12 for 30–65 years, 24 for 70–90).</li>
 *   <li>Posthumous (died on or before the occasion): party age stops at death; eligible when the
 *       milestone date is on or before the death date, or on or before the death date plus the
 *       posthumous early months.</li>
 * </ul>
 * One badge per occasion: the highest milestone already reached and above every badge already
 * awarded; if none is reached, the next milestone when it falls in an early window. Milestones at
 * or below an awarded badge are never offered again.
 *
 * @param milestones years → months early allowed for serious illness
 */
public record BadgeRuleSet(RuleSet ruleSet, NavigableMap<Integer, Integer> milestones, int posthumousEarlyMonths,
                           Map<MonthDay, String> occasions) {

    public BadgeRuleSet {
        milestones = java.util.Collections.unmodifiableNavigableMap(new TreeMap<>(milestones));
        occasions = Map.copyOf(occasions);
    }

    public boolean isOccasion(LocalDate date) {
        return occasions.containsKey(MonthDay.from(date));
    }

    public List<LocalDate> occasions(int year) {
        List<LocalDate> dates = new ArrayList<>(occasions.keySet().stream().map(d -> d.atYear(year)).toList());
        dates.sort(null);
        return List.copyOf(dates);
    }

    public BadgeEligibility eligibleAt(LocalDate occasion, LocalDate admissionDecision,
                                       List<PartyAge.DateRange> interruptions, Set<Integer> alreadyAwarded,
                                       boolean seriouslyIll, LocalDate deathDate) {
        boolean posthumous = deathDate != null && !deathDate.isAfter(occasion);
        String code = ruleSet.code();
        String basis = ruleSet.legalBasis();
        LocalDate reference = posthumous ? deathDate : occasion;
        if (reference.isBefore(admissionDecision)) {
            return BadgeEligibility.none(occasion, posthumous, code, basis);
        }
        PartyAge age = PartyAge.of(admissionDecision, interruptions, reference);
        int highestAwarded = alreadyAwarded == null ? 0 : alreadyAwarded.stream().mapToInt(Integer::intValue).max().orElse(0);
        NavigableMap<Integer, Integer> open = milestones.tailMap(highestAwarded, false);
        Integer reached = null;
        LocalDate reachedOn = null;
        for (Integer years : open.keySet()) {
            Optional<LocalDate> date = age.reaches(years);
            if (date.isEmpty() || date.get().isAfter(reference)) {
                break;
            }
            reached = years;
            reachedOn = date.get();
        }
        if (reached != null) {
            return new BadgeEligibility(occasion, reached, reachedOn, false, 0, posthumous, code, basis);
        }
        if (open.isEmpty() || !(posthumous || seriouslyIll)) {
            return BadgeEligibility.none(occasion, posthumous, code, basis);
        }
        int next = open.firstKey();
        int window = posthumous ? posthumousEarlyMonths : open.firstEntry().getValue();
        Optional<LocalDate> nextOn = age.reaches(next);
        if (nextOn.isEmpty() || nextOn.get().isAfter(reference.plusMonths(window))) {
            return BadgeEligibility.none(occasion, posthumous, code, basis);
        }
        Period shortBy = Period.between(reference, nextOn.get());
        int months = (int) shortBy.toTotalMonths() + (shortBy.getDays() > 0 ? 1 : 0);
        return new BadgeEligibility(occasion, next, nextOn.get(), true, months, posthumous, code, basis);
    }
}
