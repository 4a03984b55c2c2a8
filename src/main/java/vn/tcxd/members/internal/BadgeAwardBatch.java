package vn.tcxd.members.internal;

import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;
import vn.tcxd.members.BadgeAwardWriter;
import vn.tcxd.members.BadgeEligibility;
import vn.tcxd.members.BadgeRules;
import vn.tcxd.members.MemberEventKind;
import vn.tcxd.members.MemberStatus;
import vn.tcxd.shared.DecisionRef;
import vn.tcxd.shared.RuleViolation;
import vn.tcxd.shared.VietnameseFormat;
import vn.tcxd.shared.audit.AuditedChange;
import vn.tcxd.shared.scope.CurrentAccess;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static vn.tcxd.jooq.members.Tables.BADGE_AWARD;
import static vn.tcxd.jooq.members.Tables.MEMBER;
import static vn.tcxd.jooq.members.Tables.MEMBER_EVENT;

/** {@link BadgeAwardWriter}: states, admissions and earlier awards read once, rows written in chunks. */
@Service
class BadgeAwardBatch implements BadgeAwardWriter {

    private static final int CHUNK = 2_000;

    private final DSLContext db;
    private final MemberRepository repository;
    private final BadgeRules badges;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<CurrentAccess> access;
    private final Clock clock;

    BadgeAwardBatch(DSLContext db, MemberRepository repository, BadgeRules badges, ObjectMapper json,
                    ApplicationEventPublisher events, ObjectProvider<CurrentAccess> access, Clock clock) {
        this.db = db;
        this.repository = repository;
        this.badges = badges;
        this.json = json;
        this.events = events;
        this.access = access;
        this.clock = clock;
    }

    @Override
    @Transactional
    public int awardOnOccasion(List<Long> memberIds, LocalDate occasion, DecisionRef decision, long auditUnitId) {
        if (decision == null) {
            throw RuleViolation.onField("decision", "error.decision.required");
        }
        if (occasion == null) {
            throw RuleViolation.onField("occasion", "error.date.required");
        }
        if (occasion.isAfter(LocalDate.now(clock))) {
            throw RuleViolation.onField("occasion", "error.member.futureDate", VietnameseFormat.date(occasion));
        }
        List<Long> ids = memberIds.stream().distinct().toList();
        if (ids.isEmpty()) {
            return 0;
        }
        Map<Long, List<StateRow>> states = repository.statesOf(ids);
        Map<Long, Set<Integer>> awarded = repository.awardedYears(ids);
        Map<Long, LocalDate> admitted = new HashMap<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            db.select(MEMBER.ID, MEMBER.ADMISSION_DECISION_DATE).from(MEMBER)
                    .where(MEMBER.ID.in(ids.subList(i, Math.min(i + CHUNK, ids.size()))))
                    .forEach(r -> admitted.put(r.value1(), r.value2()));
        }
        // judged completely before anything is written (HD 01-HD/TW 2021 item 18: full members, milestone reached)
        Map<Long, BadgeEligibility> due = new LinkedHashMap<>();
        for (long id : ids) {
            List<StateRow> rows = states.getOrDefault(id, List.of());
            StateRow on = rows.stream().filter(s -> !s.validFrom().isAfter(occasion)
                    && (s.validTo() == null || s.validTo().isAfter(occasion))).findFirst()
                    .orElseThrow(() -> new RuleViolation("error.member.notMemberOn", VietnameseFormat.date(occasion)));
            if (on.status() != MemberStatus.FULL) {
                throw new RuleViolation("error.member.badgeOnlyFullMembers");
            }
            BadgeEligibility e = badges.eligibleAt(occasion, admitted.get(id), MemberService.interruptions(rows),
                    awarded.getOrDefault(id, Set.of()), false, null);
            if (!e.eligible()) {
                throw new RuleViolation("error.member.badgeNotEligible", VietnameseFormat.date(occasion));
            }
            due.put(id, e);
        }
        String actor = actor();
        List<Long> order = new ArrayList<>(due.keySet());
        for (int i = 0; i < order.size(); i += CHUNK) {
            List<Long> chunk = order.subList(i, Math.min(i + CHUNK, order.size()));
            var insert = db.insertInto(MEMBER_EVENT, MEMBER_EVENT.MEMBER_ID, MEMBER_EVENT.KIND, MEMBER_EVENT.EFFECTIVE_ON,
                    MEMBER_EVENT.DECISION_NUMBER, MEMBER_EVENT.DECISION_DATE, MEMBER_EVENT.DECISION_BODY,
                    MEMBER_EVENT.DETAILS, MEMBER_EVENT.RECORDED_BY);
            for (long id : chunk) {
                BadgeEligibility e = due.get(id);
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("years", e.milestoneYears());
                details.put("early", false);
                details.put("posthumous", false);
                details.put("ruleSet", e.ruleSetCode());
                insert = insert.values(id, MemberEventKind.BADGE_AWARDED.name(), occasion, decision.number(),
                        decision.date(), decision.issuingBody(), JSONB.valueOf(json.writeValueAsString(details)), actor);
            }
            // one event per member in the round: the member id finds its event
            Map<Long, Long> eventOf = new HashMap<>();
            insert.returning(MEMBER_EVENT.ID, MEMBER_EVENT.MEMBER_ID).fetch()
                    .forEach(r -> eventOf.put(r.getMemberId(), r.getId()));
            var awards = db.insertInto(BADGE_AWARD, BADGE_AWARD.MEMBER_ID, BADGE_AWARD.YEARS, BADGE_AWARD.OCCASION,
                    BADGE_AWARD.EARLY, BADGE_AWARD.MONTHS_EARLY, BADGE_AWARD.POSTHUMOUS, BADGE_AWARD.RULE_SET_CODE,
                    BADGE_AWARD.EVENT_ID);
            for (long id : chunk) {
                BadgeEligibility e = due.get(id);
                awards = awards.values(id, e.milestoneYears(), occasion, false, 0, false, e.ruleSetCode(), eventOf.get(id));
            }
            awards.execute();
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("occasion", occasion.toString());
        summary.put("members", order.size());
        summary.put("firstMemberId", order.getFirst());
        summary.put("lastMemberId", order.getLast());
        events.publishEvent(new AuditedChange("members.BADGES_AWARDED", "member", order.getFirst() + ".." + order.getLast(),
                auditUnitId, null, summary, decision));
        return order.size();
    }

    private String actor() {
        CurrentAccess current = access.getIfAvailable();
        return current == null ? "system" : current.scope().username();
    }
}
