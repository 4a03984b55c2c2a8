package vn.tcxd.members.web;

import org.springframework.stereotype.Component;
import vn.tcxd.members.BadgeCandidate;
import vn.tcxd.members.BadgeEligibility;
import vn.tcxd.members.Probationer;
import vn.tcxd.members.BadgeRules;
import vn.tcxd.members.CodeItem;
import vn.tcxd.members.CodeList;
import vn.tcxd.members.Deadline;
import vn.tcxd.members.DeadlineKind;
import vn.tcxd.members.DeadlineRules;
import vn.tcxd.members.MemberDetails;
import vn.tcxd.members.MemberStatus;
import vn.tcxd.members.Members;
import vn.tcxd.members.PartyAge;
import vn.tcxd.members.TransferSummary;
import vn.tcxd.shared.RuleViolation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read-only views the pages and API share, built on the members facade: party age, the deadlines
 * relevant now, the next badge, the due-work queue and the badge list of a subtree (both from the
 * facade's set-based reads, so a whole province works), and code labels.
 */
@Component
class MemberInsights {

    private final Members members;
    private final DeadlineRules deadlines;
    private final BadgeRules badges;

    MemberInsights(Members members, DeadlineRules deadlines, BadgeRules badges) {
        this.members = members;
        this.deadlines = deadlines;
        this.badges = badges;
    }

    /** A thing to do for a member, with its legal deadline (or the badge occasion). */
    record DueItem(long memberId, String memberName, long unitId, String kind, LocalDate start, LocalDate due,
                   boolean overdue, String legalBasis, String detail) {
    }

    /** A member eligible for a badge on an occasion. */
    record BadgeRow(long memberId, String memberName, long unitId, LocalDate admissionDecisionDate,
                    int milestoneYears, LocalDate milestoneDate, boolean early, int monthsEarly, String legalBasis) {
    }

    /** A deadline shown on the profile, with whether it is already met. */
    record DeadlineView(DeadlineKind kind, LocalDate start, LocalDate due, LocalDate doneOn, boolean overdue,
                        String legalBasis) {
    }

    // ---- party age ----------------------------------------------------------------------------

    /** Party age on the date (from the registry: interruptions subtracted, stopped at death). */
    Optional<PartyAge> partyAge(MemberDetails m, LocalDate asOf) {
        return members.partyAge(m.id(), asOf);
    }

    /** The badge at the next award occasion on or after {@code from}; empty when none is due then. */
    Optional<BadgeEligibility> nextBadge(MemberDetails m, LocalDate from) {
        if (m.admissionDecisionDate() == null || m.state() == null || !m.state().status().onRoll()) {
            return Optional.empty();
        }
        try {
            LocalDate occasion = badges.nextOccasion(from);
            for (int i = 0; i < 8; i++) {
                BadgeEligibility e = members.badgeEligibility(m.id(), occasion, false);
                if (e.eligible()) {
                    return Optional.of(e);
                }
                occasion = badges.nextOccasion(occasion.plusDays(1));
            }
        } catch (RuleViolation e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Deadlines that matter on {@code today} for a member: admission ceremony, probation, recognition, transfers. */
    List<DeadlineView> deadlines(MemberDetails m, List<TransferSummary> transfers, LocalDate today) {
        List<DeadlineView> views = new ArrayList<>();
        boolean probationary = m.state() != null && m.state().status() == MemberStatus.PROBATIONARY;
        if (probationary && m.admissionDecisionDate() != null) {
            view(DeadlineKind.ADMISSION_CEREMONY, m.admissionDecisionDate(), m.ceremonyDate(), today).ifPresent(views::add);
            if (m.ceremonyDate() != null) {
                Optional<DeadlineView> probation = view(DeadlineKind.PROBATION_END, m.ceremonyDate(), null, today);
                probation.ifPresent(views::add);
                probation.filter(p -> !today.isBefore(p.due()))
                        .flatMap(p -> view(DeadlineKind.RECOGNITION_CONSIDERATION, p.due(), null, today))
                        .ifPresent(views::add);
            }
        }
        for (TransferSummary t : transfers) {
            if ("IN_TRANSIT".equals(t.status())) {
                view(DeadlineKind.TRANSFER_LETTER_PRESENTATION, t.issuedOn(), null, today).ifPresent(views::add);
            }
        }
        return views;
    }

    private Optional<DeadlineView> view(DeadlineKind kind, LocalDate start, LocalDate doneOn, LocalDate today) {
        try {
            Deadline d = deadlines.due(kind, start);
            boolean overdue = kind != DeadlineKind.PROBATION_END && (doneOn != null ? d.lateWhenDoneOn(doneOn) : d.overdueOn(today));
            return Optional.of(new DeadlineView(kind, start, d.due(), doneOn, overdue, d.legalBasis()));
        } catch (RuleViolation e) {
            // no rule set (or holiday calendar) covers the start date: nothing reliable to show
            return Optional.empty();
        }
    }

    // ---- subtree walks ------------------------------------------------------------------------

    /** What is due or overdue in the subtree on {@code today}, oldest due date first. */
    List<DueItem> dueWork(long unitId, List<TransferSummary> incoming, LocalDate today) {
        List<DueItem> items = new ArrayList<>();
        for (Probationer p : members.probationers(unitId, today)) {
            if (p.ceremonyDate() == null) {
                due(p.memberId(), p.fullName(), p.unitId(), DeadlineKind.ADMISSION_CEREMONY, p.admissionDecisionDate(),
                        today, null).ifPresent(items::add);
            } else {
                view(DeadlineKind.PROBATION_END, p.ceremonyDate(), null, today)
                        .filter(end -> !today.isBefore(end.due()))
                        .flatMap(end -> due(p.memberId(), p.fullName(), p.unitId(), DeadlineKind.RECOGNITION_CONSIDERATION,
                                end.due(), today, null))
                        .ifPresent(items::add);
            }
        }
        for (TransferSummary t : members.outgoingTransfers(unitId)) {
            due(t.memberId(), t.memberName(), t.fromUnitId(), DeadlineKind.TRANSFER_LETTER_PRESENTATION, t.issuedOn(), today,
                    t.letterNumber()).ifPresent(items::add);
        }
        LocalDate occasion = safeNextOccasion(today);
        if (occasion != null) {
            for (BadgeCandidate c : members.badgeCandidates(unitId, occasion)) {
                BadgeEligibility b = c.eligibility();
                items.add(new DueItem(c.memberId(), c.fullName(), c.unitId(), "BADGE", b.milestoneDate(), occasion, false,
                        b.legalBasis(), String.valueOf(b.milestoneYears())));
            }
        }
        for (TransferSummary t : incoming) {
            try {
                Deadline d = deadlines.due(DeadlineKind.TRANSFER_LETTER_PRESENTATION, t.issuedOn());
                items.add(new DueItem(t.memberId(), t.memberName(), t.toUnitId(), "TRANSFER_RECEIPT", t.issuedOn(),
                        d.due(), d.overdueOn(today), d.legalBasis(), t.letterNumber()));
            } catch (RuleViolation e) {
                // outside the rule sets: skip
            }
        }
        items.sort(Comparator.comparing(DueItem::due).thenComparing(DueItem::memberName));
        return items;
    }

    private Optional<DueItem> due(long memberId, String name, long unitId, DeadlineKind kind, LocalDate start,
                                  LocalDate today, String detail) {
        if (start == null) {
            return Optional.empty();
        }
        return view(kind, start, null, today).map(v -> new DueItem(memberId, name, unitId, kind.name(),
                start, v.due(), v.overdue(), v.legalBasis(), detail));
    }

    private LocalDate safeNextOccasion(LocalDate today) {
        try {
            return badges.nextOccasion(today);
        } catch (RuleViolation e) {
            return null;
        }
    }

    /** Members of the subtree eligible for a badge on the occasion, by milestone then name order. */
    List<BadgeRow> badgeList(long unitId, LocalDate occasion, LocalDate today) {
        return members.badgeCandidates(unitId, occasion).stream()
                .map(c -> new BadgeRow(c.memberId(), c.fullName(), c.unitId(), c.admissionDecisionDate(),
                        c.eligibility().milestoneYears(), c.eligibility().milestoneDate(), c.eligibility().early(),
                        c.eligibility().monthsEarly(), c.eligibility().legalBasis()))
                .toList();
    }

    /** Award occasions for the picker: the next four and those of this and last year already past. */
    List<LocalDate> occasions(LocalDate today) {
        List<LocalDate> result = new ArrayList<>();
        try {
            LocalDate next = badges.nextOccasion(today);
            for (int i = 0; i < 4; i++) {
                result.add(next);
                next = badges.nextOccasion(next.plusDays(1));
            }
            for (int year = today.getYear(); year >= today.getYear() - 1; year--) {
                List<LocalDate> ofYear = new ArrayList<>(badges.occasions(year));
                ofYear.sort(Comparator.reverseOrder());
                ofYear.stream().filter(d -> d.isBefore(today)).forEach(result::add);
            }
        } catch (RuleViolation e) {
            // outside the badge rule sets: offer what we have
        }
        return result;
    }

    // ---- codes --------------------------------------------------------------------------------

    /** Code → label of every list, in the user's language. */
    Map<CodeList, Map<String, String>> codeLabels(boolean english) {
        Map<CodeList, Map<String, String>> labels = new EnumMap<>(CodeList.class);
        for (CodeList list : CodeList.values()) {
            Map<String, String> byCode = new LinkedHashMap<>();
            for (CodeItem item : members.codes(list)) {
                byCode.put(item.code(), english && item.labelEn() != null ? item.labelEn() : item.label());
            }
            labels.put(list, byCode);
        }
        return labels;
    }
}
