package vn.tcxd.evaluations.internal.history;

import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tcxd.evaluations.Period;
import vn.tcxd.evaluations.PeriodKind;
import vn.tcxd.evaluations.RatingHistoryWriter;
import vn.tcxd.evaluations.RatingLevel;
import vn.tcxd.evaluations.RatingStatus;
import vn.tcxd.evaluations.RatingsChanged;
import vn.tcxd.evaluations.SubjectKind;
import vn.tcxd.shared.NotFound;
import vn.tcxd.shared.RuleViolation;
import vn.tcxd.shared.audit.AuditedChange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bulk path of {@link RatingHistoryWriter}: one query for the subjects, one UPDATE … FROM
 * unnest(…) for the decisions and one INSERT … SELECT unnest(…) for their DECISION steps, so a
 * province's year (≈ 50,000 ratings) is written in about a second.
 */
@Service
class BulkRatingWriter implements RatingHistoryWriter {

    private static final Logger log = LoggerFactory.getLogger(BulkRatingWriter.class);

    private final DSLContext db;
    private final ApplicationEventPublisher events;

    BulkRatingWriter(DSLContext db, ApplicationEventPublisher events) {
        this.db = db;
        this.events = events;
    }

    private record Campaign(long id, Period period, long unitId, List<String> memberLevels, List<String> orgLevels) {
    }

    private Campaign campaign(long campaignId) {
        return db.fetchOptional("""
                        select c.id, c.period_kind, c.year, c.period_no, c.unit_id, s.member_levels, s.org_levels
                        from evaluations.campaign c join evaluations.scheme s on s.code = c.scheme_code
                        where c.id = ?""", campaignId)
                .map(r -> new Campaign(r.get(0, Long.class), new Period(PeriodKind.valueOf(r.get(1, String.class)),
                        r.get(2, Integer.class), r.get(3, Integer.class)), r.get(4, Long.class),
                        List.of(r.get(5, String[].class)), List.of(r.get(6, String[].class))))
                .orElseThrow(() -> new NotFound("campaign " + campaignId));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Subject> subjects(long campaignId) {
        campaign(campaignId);
        // depth: '/1/23/456/' has depth 2 (the number of slashes less two)
        return db.fetch("""
                        select r.id, r.subject_kind, r.member_id, r.unit_id, r.unit_type, r.parent_unit_id,
                               length(r.unit_path) - length(replace(r.unit_path, '/', '')) - 2,
                               r.grassroots_id, r.decider_id, r.decider_name, r.quota_group, r.status, r.disciplined is not null
                        from evaluations.rating r
                        where r.campaign_id = ?
                        order by r.id""", campaignId)
                .map(r -> new Subject(r.get(0, Long.class), SubjectKind.valueOf(r.get(1, String.class)), r.get(2, Long.class),
                        r.get(3, Long.class), r.get(4, String.class), r.get(5, Long.class), r.get(6, Integer.class),
                        r.get(7, Long.class), r.get(8, Long.class), r.get(9, String.class), r.get(10, String.class),
                        RatingStatus.valueOf(r.get(11, String.class)), Boolean.TRUE.equals(r.get(12, Boolean.class))));
    }

    @Override
    @Transactional
    public int decide(long campaignId, List<Decided> ratings, String actor) {
        if (ratings.isEmpty()) return 0;
        long started = System.nanoTime();
        Campaign campaign = campaign(campaignId);
        Map<Long, String[]> known = new HashMap<>();
        db.fetch("select r.id, r.subject_kind, r.status from evaluations.rating r where r.campaign_id = ?", campaignId)
                .forEach(r -> known.put(r.get(0, Long.class), new String[]{r.get(1, String.class), r.get(2, String.class)}));
        int n = ratings.size();
        Long[] ids = new Long[n];
        String[] self = new String[n];
        String[] proposed = new String[n];
        String[] decided = new String[n];
        String[] numbers = new String[n];
        String[] dates = new String[n];
        String[] bodies = new String[n];
        for (int i = 0; i < n; i++) {
            Decided d = ratings.get(i);
            String[] rating = known.get(d.ratingId());
            if (rating == null) throw new RuleViolation("error.ratingHistory.notInCampaign", d.ratingId(), campaignId);
            if (!RatingStatus.valueOf(rating[1]).isOpen()) {
                throw new RuleViolation("error.ratingHistory.notOpen", d.ratingId());
            }
            if (d.decision() == null) throw new RuleViolation("error.ratingHistory.decisionRequired");
            boolean person = SubjectKind.valueOf(rating[0]).isPerson();
            List<String> levels = person ? campaign.memberLevels() : campaign.orgLevels();
            for (RatingLevel level : new RatingLevel[]{d.self(), d.proposed(), d.decided()}) {
                if (level != null && !levels.contains(level.name())) {
                    throw new RuleViolation("error.ratingHistory.levelOutsideScheme", d.ratingId(), level.name());
                }
            }
            if (d.decided() == null) throw new RuleViolation("error.ratingHistory.levelOutsideScheme", d.ratingId(), "-");
            ids[i] = d.ratingId();
            self[i] = d.self() == null ? null : d.self().name();
            proposed[i] = d.proposed() == null ? null : d.proposed().name();
            decided[i] = d.decided().name();
            numbers[i] = d.decision().number();
            dates[i] = d.decision().date().toString();
            bodies[i] = d.decision().issuingBody();
        }
        if (Set.of(ids).size() != n) throw new RuleViolation("error.ratingHistory.duplicate");
        long checked = System.nanoTime();
        int updated = db.execute("""
                update evaluations.rating r
                set status = 'DECIDED', self_level = coalesce(v.self, r.self_level),
                    proposed_level = coalesce(v.proposed, r.proposed_level), decided_level = v.decided,
                    decided_at = (v.dt::date + time '09:00') at time zone 'Asia/Ho_Chi_Minh', decided_by = ?,
                    decision_number = v.num, decision_date = v.dt::date, decision_body = v.body, version = r.version + 1
                from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                     as v(id, self, proposed, decided, num, dt, body)
                where r.id = v.id and r.campaign_id = ?""",
                actor, ids, self, proposed, decided, numbers, dates, bodies, campaignId);
        db.execute("""
                insert into evaluations.rating_step (rating_id, step, level, decision_number, decision_date, decision_body, actor, at)
                select v.id, 'DECISION', v.decided, v.num, v.dt::date, v.body, ?,
                       (v.dt::date + time '09:00') at time zone 'Asia/Ho_Chi_Minh'
                from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[]) as v(id, decided, num, dt, body)""",
                actor, ids, decided, numbers, dates, bodies);
        long written = System.nanoTime();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("campaign", campaignId);
        summary.put("period", campaign.period().kind() + "-" + campaign.period().year());
        summary.put("count", updated);
        events.publishEvent(new AuditedChange("evaluations.DECIDED_IN_BULK", "campaign", String.valueOf(campaignId),
                campaign.unitId(), null, summary, null));
        events.publishEvent(new RatingsChanged(campaignId, campaign.period(), new ArrayList<>(List.of(ids))));
        log.info("Bulk decision of {} ratings of campaign {} in {} ms (checked {} ms, written {} ms, events {} ms)", updated,
                campaignId, (System.nanoTime() - started) / 1_000_000, (checked - started) / 1_000_000,
                (written - checked) / 1_000_000, (System.nanoTime() - written) / 1_000_000);
        return updated;
    }
}
