package vn.tcxd.members;

import vn.tcxd.shared.RuleViolation;
import vn.tcxd.shared.VietnameseFormat;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Party age (tuổi đảng) on a date: counted from the date written in the admission decision, minus
 * the periods without membership (DOMAIN §2.2; for a re-admitted member, from the first admission
 * minus the gap).
 *
 * <p>Units: interruptions are subtracted in <em>days</em>. The age is the calendar period
 * ({@link Period#between}) from the admission date to {@code asOf} moved earlier by the days without
 * membership before it. Days are exact and never round a short gap to a month or drop it; during a
 * gap the age stands still at its value on the day the gap began.
 *
 * <p>The admission day counts: on the admission date the age is 0; one year later to the day it is
 * 1 year. A member admitted on 29/2 reaches a whole year on 1/3 of a non-leap year.
 *
 * @param interruptedDays days without membership between the admission and {@code asOf}
 */
public record PartyAge(LocalDate admissionDecision, List<DateRange> interruptions, LocalDate asOf,
                       int years, int months, int days, long interruptedDays) {

    /**
     * A period without membership (removed from the list, left, expelled) from {@code from}, the
     * effective date of the decision that ended it, up to {@code to}, the re-admission decision date
     * (exclusive: membership runs again from that day). {@code to} null: not (yet) re-admitted.
     */
    public record DateRange(LocalDate from, LocalDate to) {

        public DateRange {
            if (from == null) {
                throw new RuleViolation("error.partyAge.interruptionStart");
            }
            if (to != null && !to.isAfter(from)) {
                throw new RuleViolation("error.partyAge.interruptionOrder", VietnameseFormat.date(from),
                        VietnameseFormat.date(to));
            }
        }

        boolean open() {
            return to == null;
        }

        /** Days of this range inside [start, end). */
        long daysWithin(LocalDate start, LocalDate end) {
            LocalDate a = from.isAfter(start) ? from : start;
            LocalDate b = to == null || to.isAfter(end) ? end : to;
            return b.isAfter(a) ? ChronoUnit.DAYS.between(a, b) : 0;
        }
    }

    public PartyAge {
        interruptions = List.copyOf(interruptions);
    }

    /**
     * Party age on {@code asOf}. Overlapping interruptions count once. Rule violations: no admission
     * date, {@code asOf} before the admission, an interruption starting before the admission.
     */
    public static PartyAge of(LocalDate admissionDecision, List<DateRange> interruptions, LocalDate asOf) {
        if (admissionDecision == null) {
            throw new RuleViolation("error.partyAge.admissionRequired");
        }
        if (asOf.isBefore(admissionDecision)) {
            throw new RuleViolation("error.partyAge.beforeAdmission", VietnameseFormat.date(asOf),
                    VietnameseFormat.date(admissionDecision));
        }
        List<DateRange> merged = merge(interruptions == null ? List.of() : interruptions);
        for (DateRange range : merged) {
            if (range.from().isBefore(admissionDecision)) {
                throw new RuleViolation("error.partyAge.interruptionBeforeAdmission", VietnameseFormat.date(range.from()),
                        VietnameseFormat.date(admissionDecision));
            }
        }
        long gap = interrupted(admissionDecision, merged, asOf);
        Period age = Period.between(admissionDecision, asOf.minusDays(gap));
        return new PartyAge(admissionDecision, merged, asOf, age.getYears(), age.getMonths(), age.getDays(), gap);
    }

    /**
     * The first date on which the party age is at least {@code years} whole years, later by the
     * interruptions that fall before it; empty when the member is out of the Party (an open
     * interruption) before reaching it. Independent of {@code asOf}.
     */
    public Optional<LocalDate> reaches(int years) {
        LocalDate base = firstWholeYears(admissionDecision, years);
        LocalDate date = base;
        while (true) {
            LocalDate candidate = date;
            if (interruptions.stream().anyMatch(r -> r.open() && r.from().isBefore(candidate))) {
                return Optional.empty();
            }
            LocalDate next = base.plusDays(interrupted(admissionDecision, interruptions, date));
            if (next.equals(date)) {
                return Optional.of(date);
            }
            date = next;
        }
    }

    /** Whole months of party age, for comparisons against thresholds in months. */
    public int totalMonths() {
        return years * 12 + months;
    }

    private static LocalDate firstWholeYears(LocalDate start, int years) {
        LocalDate date = start.plusYears(years);
        // 29/2 + n years lands on 28/2, one day short of a whole year.
        return Period.between(start, date).getYears() < years ? date.plusDays(1) : date;
    }

    private static long interrupted(LocalDate admission, List<DateRange> ranges, LocalDate until) {
        return ranges.stream().mapToLong(r -> r.daysWithin(admission, until)).sum();
    }

    private static List<DateRange> merge(List<DateRange> ranges) {
        List<DateRange> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparing(DateRange::from));
        List<DateRange> merged = new ArrayList<>();
        for (DateRange range : sorted) {
            if (!merged.isEmpty()) {
                DateRange last = merged.getLast();
                if (last.open() || !range.from().isAfter(last.to())) {
                    LocalDate to = last.open() || range.open() ? null
                            : (range.to().isAfter(last.to()) ? range.to() : last.to());
                    merged.set(merged.size() - 1, new DateRange(last.from(), to));
                    continue;
                }
            }
            merged.add(range);
        }
        return List.copyOf(merged);
    }
}
