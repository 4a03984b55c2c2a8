package vn.tcxd.evaluations.internal;

import vn.tcxd.evaluations.RatingLevel;
import vn.tcxd.evaluations.RatingRow;
import vn.tcxd.evaluations.RatingScheme;
import vn.tcxd.evaluations.RatingStatus;
import vn.tcxd.evaluations.RatingViolation;
import vn.tcxd.evaluations.RatingViolation.Kind;
import vn.tcxd.evaluations.SubjectKind;
import vn.tcxd.shared.Label;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The rating rules of DOMAIN §3.2–3.5, pure: given a scheme and the levels subjects would have,
 * which rules break and whom they name. Used both to show violations before a decision and to
 * refuse one.
 */
final class RatingRules {

    /** Names listed in a message before "…". */
    private static final int NAMES_SHOWN = 8;

    private RatingRules() {
    }

    /** A rating with the level and score it would have if decided now. */
    record Judged(RatingRow row, RatingLevel level, BigDecimal score) {

        int rank(RatingScheme scheme) {
            return scheme.rank(row.kind(), level);
        }

        boolean settled() {
            return row.status() == RatingStatus.NOT_RATED || row.status() == RatingStatus.DECIDED;
        }
    }

    /** Rules on one subject by itself: its level in the scheme, the score band, the caps and forced failures. */
    static List<RatingViolation> subject(RatingScheme scheme, Judged j) {
        List<RatingViolation> found = new ArrayList<>();
        RatingRow r = j.row();
        if (r.status() == RatingStatus.NOT_RATED) {
            return found;
        }
        if (j.level() == null) {
            found.add(violation(Kind.NO_LEVEL, List.of(r), "rating.violation.noLevel", scheme.ruleSet().legalBasis(),
                    r.subjectName()));
            return found;
        }
        int rank = j.rank(scheme);
        if (rank == 0) {
            found.add(violation(Kind.LEVEL_OUTSIDE_SCHEME, List.of(r), "rating.violation.levelOutsideScheme",
                    scheme.ruleSet().legalBasis(), r.subjectName(), Label.of(j.level()), scheme.ruleSet().name()));
            return found;
        }
        if (scheme.scored()) {
            // QĐ 366-QĐ/TW (2025) Art. 11: the level follows the 100-point score (≥ 90, 70–< 90, 50–< 70, < 50)
            if (j.score() == null) {
                found.add(violation(Kind.SCORE_BAND, List.of(r), "rating.violation.scoreRequired",
                        scheme.ruleSet().legalBasis(), r.subjectName()));
            } else if (rank < scheme.rankForScore(j.score())) {
                found.add(violation(Kind.SCORE_BAND, List.of(r), "rating.violation.scoreBand",
                        scheme.ruleSet().legalBasis(), r.subjectName(), j.score(),
                        Label.of(scheme.level(r.kind(), scheme.rankForScore(j.score())))));
            }
        }
        RatingRow.Inputs in = r.inputs();
        if (r.kind().isPerson() && scheme.sickLeaveCapDays() != null && in.sickLeaveDays() != null
                && in.sickLeaveDays() >= scheme.sickLeaveCapDays() && rank < scheme.sickLeaveCapRank()) {
            // HD 21-HD/BTCTW (2019) II.6.3: sick leave of 3 months or more in the year → at most HTNV
            found.add(violation(Kind.CAPPED, List.of(r), "rating.violation.sickLeaveCap", scheme.ruleSet().legalBasis(),
                    r.subjectName(), in.sickLeaveDays(), Label.of(scheme.level(r.kind(), scheme.sickLeaveCapRank()))));
        }
        if (rank != 4) {
            // HD 16 & 21 (member KHTNV), QĐ 124 (collectives and leaders): any trigger forces the lowest level
            Label lowest = Label.of(scheme.level(r.kind(), 4));
            String basis = scheme.ruleSet().legalBasis();
            if (r.disciplined() != null && r.kind().isPerson()) {
                found.add(violation(Kind.FORCED_FAIL, List.of(r), "rating.violation.failDisciplined", basis,
                        r.subjectName(), r.disciplined(), lowest));
            }
            if (scheme.failTargetsBelowPct() != null && in.targetsPct() != null && in.targetsPct() < scheme.failTargetsBelowPct()) {
                found.add(violation(Kind.FORCED_FAIL, List.of(r), "rating.violation.failTargets", basis,
                        r.subjectName(), in.targetsPct(), scheme.failTargetsBelowPct(), lowest));
            }
            if (in.degradation()) {
                found.add(violation(Kind.FORCED_FAIL, List.of(r), "rating.violation.failDegradation", basis,
                        r.subjectName(), lowest));
            }
            if (in.publicServantFailed() && r.kind().isPerson()) {
                found.add(violation(Kind.FORCED_FAIL, List.of(r), "rating.violation.failPublicServant", basis,
                        r.subjectName(), lowest));
            }
        }
        return found;
    }

    /**
     * Rules on an organisation from its members (a cell) or subordinate organisations (a committee),
     * HD 16/21: "good" or better only if 100 % of them are at least "completed" and ≥ 50 % at least
     * "good"; a cell with more than 20 % of members "failed" fails [P]; "excellent" only without a member
     * disciplined in the period. With {@code requireSettled}, every one of them must already be decided.
     */
    static List<RatingViolation> organisation(RatingScheme scheme, Judged org, List<Judged> children, boolean requireSettled) {
        List<RatingViolation> found = new ArrayList<>();
        RatingRow r = org.row();
        if (r.status() == RatingStatus.NOT_RATED || org.level() == null || org.rank(scheme) == 0) {
            return found;
        }
        String basis = scheme.ruleSet().legalBasis();
        if (requireSettled) {
            List<RatingRow> open = children.stream().filter(c -> !c.settled()).map(Judged::row).toList();
            if (!open.isEmpty()) {
                found.add(violation(Kind.MEMBERS_UNDECIDED, open, "rating.violation.childrenUndecided", basis,
                        r.subjectName(), open.size(), names(open)));
            }
        }
        List<Judged> rated = children.stream().filter(c -> c.row().status() != RatingStatus.NOT_RATED && c.rank(scheme) > 0).toList();
        int rank = org.rank(scheme);
        if (rank <= 2 && !rated.isEmpty() && scheme.orgGoodPassPct() != null) {
            List<RatingRow> failing = rated.stream().filter(c -> c.rank(scheme) > 3).map(Judged::row).toList();
            long good = rated.stream().filter(c -> c.rank(scheme) <= 2).count();
            boolean passShare = (rated.size() - failing.size()) * 100L >= (long) scheme.orgGoodPassPct() * rated.size();
            boolean goodShare = good * 100L >= (long) scheme.orgGoodGoodPct() * rated.size();
            if (!passShare) {
                found.add(violation(Kind.BLOCKED, failing, "rating.violation.blockedByFailing", basis, r.subjectName(),
                        Label.of(org.level()), failing.size(), rated.size(), names(failing)));
            }
            if (!goodShare) {
                List<RatingRow> below = rated.stream().filter(c -> c.rank(scheme) > 2).map(Judged::row).toList();
                found.add(violation(Kind.BLOCKED, below, "rating.violation.blockedByGoodShare", basis, r.subjectName(),
                        Label.of(org.level()), good, rated.size(), scheme.orgGoodGoodPct()));
            }
        }
        boolean cell = isCell(r);
        if (cell && rank != 4 && scheme.orgFailMemberPct() != null && !rated.isEmpty()) {
            List<RatingRow> failing = rated.stream().filter(c -> c.rank(scheme) == 4).map(Judged::row).toList();
            if (failing.size() * 100L > (long) scheme.orgFailMemberPct() * rated.size()) {
                found.add(violation(Kind.ORG_FORCED_FAIL, failing, "rating.violation.cellFails", basis, r.subjectName(),
                        failing.size(), rated.size(), scheme.orgFailMemberPct(), Label.of(scheme.level(r.kind(), 4))));
            }
        }
        if (cell && rank == 1 && scheme.orgExcellentNoDiscipline()) {
            List<RatingRow> disciplined = children.stream().map(Judged::row).filter(c -> c.disciplined() != null).toList();
            if (!disciplined.isEmpty()) {
                // QĐ 124 Art. 12 / QĐ 366 Art. 11: HTXSNV collectives have no member disciplined
                found.add(violation(Kind.BLOCKED, disciplined, "rating.violation.excellentWithDiscipline", basis,
                        r.subjectName(), names(disciplined)));
            }
        }
        return found;
    }

    /**
     * HD 21-HD/BTCTW (2019) 2.3a (members, per TCCSĐ), QĐ 124 Art. 12 (per group of similar subjects): the
     * number rated at the top level may not exceed the quota of those rated "good" in the group; top
     * ratings with a recorded override do not count against it.
     */
    static List<RatingViolation> quota(RatingScheme scheme, Collection<Judged> judged) {
        List<RatingViolation> found = new ArrayList<>();
        RatingScheme.Quota quota = scheme.quota();
        if (quota == null) {
            return found;
        }
        Map<String, List<Judged>> groups = judged.stream()
                .filter(j -> j.row().status() != RatingStatus.NOT_RATED)
                .filter(j -> j.row().kind() == SubjectKind.MEMBER || quota.organisations())
                .collect(Collectors.groupingBy(j -> j.row().quotaGroup(), LinkedHashMap::new, Collectors.toList()));
        for (List<Judged> group : groups.values()) {
            List<Judged> top = group.stream().filter(j -> j.rank(scheme) == 1).toList();
            List<RatingRow> counted = top.stream().map(Judged::row).filter(r -> r.quotaOverride() == null).toList();
            long good = group.stream().filter(j -> j.rank(scheme) == 2).count();
            int allowed = quota.allowed((int) good);
            if (counted.size() > allowed) {
                RatingRow first = group.getFirst().row();
                found.add(violation(Kind.QUOTA, counted, "rating.violation.quota", scheme.ruleSet().legalBasis(),
                        first.deciderName(), top.size(), good, quota.pct().stripTrailingZeros().toPlainString(), allowed,
                        counted.size() - allowed, names(counted)));
            }
        }
        return found;
    }

    static boolean isCell(RatingRow r) {
        return r.kind() == SubjectKind.ORGANISATION && r.unitType().isCell();
    }

    static String names(List<RatingRow> rows) {
        String shown = rows.stream().limit(NAMES_SHOWN).map(RatingRow::subjectName).collect(Collectors.joining(", "));
        return rows.size() > NAMES_SHOWN ? shown + ", … (+" + (rows.size() - NAMES_SHOWN) + ")" : shown;
    }

    private static RatingViolation violation(Kind kind, List<RatingRow> rows, String key, String basis, Object... args) {
        return new RatingViolation(kind, rows.stream().map(RatingRow::id).toList(), key, List.of(args), basis);
    }
}
