package vn.tcxd.bench;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Brute-force consistency checks of a generated member history, in SQL over the whole dataset. Each
 * check counts violations; a consistent dataset has zero everywhere. (The tables were loaded without
 * foreign-key triggers, so the references are checked here too.)
 */
public final class NationalDatasetChecks {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(NationalDatasetChecks.class);
    private static final String CELL = "('CELL', 'GRASSROOTS_CELL')";
    /** The checks that take seconds, not minutes, at national size. */
    private static final java.util.Set<String> QUICK = java.util.Set.of("members without exactly one open state",
            "states overlapping, with gaps, or after the open one", "states starting after today",
            "states on a unit that is not a cell throughout", "temporary hosts that are not a cell throughout",
            "off-roll states that are exempt, in transit or away", "members in transit or away without their open transfer",
            "member dates out of order");

    private NationalDatasetChecks() {
    }

    /**
     * Check name → number of violating rows, in a stable order; {@code full = false}: the quick ones only (the
     * members' quick ones and every check of the cadre work, which is small).
     */
    public static Map<String, Long> run(DataSource dataSource, LocalDate today, boolean full) throws SQLException {
        String day = "date '" + today + "'";
        Map<String, String> checks = new LinkedHashMap<>();
        checks.put("members without exactly one open state", """
                select count(*) from members.member m where not exists (select 1 from members.member_state s
                  where s.member_id = m.id and s.valid_to is null)""");
        checks.put("states overlapping, with gaps, or after the open one", """
                select count(*) from (select valid_from, lag(valid_to) over w as previous, row_number() over w as n
                  from members.member_state window w as (partition by member_id order by valid_from, id)) x
                where n > 1 and previous is distinct from valid_from""");
        checks.put("states starting after today", "select count(*) from members.member_state where valid_from > " + day);
        // the unit exists from before the state starts until after it ends, and is a cell in every version
        // (stricter than "a cell on the state's dates", and a hash join instead of a lookup per state)
        checks.put("states on a unit that is not a cell throughout", """
                select count(*) from members.member_state s left join orgstructure.unit u on u.id = s.unit_id
                where u.id is null or u.established_on > s.valid_from
                   or u.dissolved_on < coalesce(s.valid_to, date 'infinity')
                   or s.unit_id in (select unit_id from orgstructure.unit_version where type not in %s)""".formatted(CELL));
        checks.put("temporary hosts that are not a cell throughout", """
                select count(*) from members.member_state s left join orgstructure.unit u on u.id = s.away_unit_id
                where s.away_unit_id is not null and (u.id is null or u.established_on > s.valid_from
                   or u.dissolved_on < coalesce(s.valid_to, date 'infinity')
                   or s.away_unit_id in (select unit_id from orgstructure.unit_version where type not in %s))""".formatted(CELL));
        // each state starts with the act that opened it; the opening balance's states (2011-01-01) point at the admission
        checks.put("states whose event is missing, another member's or of another day", """
                select count(*) from members.member_state s left join members.member_event e on e.id = s.event_id
                where e.id is null or e.member_id <> s.member_id or e.effective_on <> s.valid_from
                  and not (s.valid_from = date '2011-01-01' and e.kind = 'ADMITTED' and e.effective_on < s.valid_from)""");
        checks.put("events, states or transfers of a missing member", """
                select (select count(*) from members.member_event e where not exists (select 1 from members.member m where m.id = e.member_id))
                     + (select count(*) from members.member_state s where not exists (select 1 from members.member m where m.id = s.member_id))
                     + (select count(*) from members.transfer t where not exists (select 1 from members.member m where m.id = t.member_id))""");
        checks.put("off-roll states that are exempt, in transit or away", """
                select count(*) from members.member_state where status not in ('PROBATIONARY', 'FULL')
                  and (exempt or in_transit or away_unit_id is not null)""");
        checks.put("states after death", """
                select count(*) from members.member_state s where exists (select 1 from members.member_state d
                  where d.member_id = s.member_id and d.status = 'DIED' and d.valid_from < s.valid_from)""");
        // a permanent transfer: in transit with the sender from the letter, on the receiver's roll from the receipt
        checks.put("permanent transfers not matched by the states", """
                select count(*) from members.transfer t where t.kind = 'PERMANENT' and not (
                  exists (select 1 from members.member_state s where s.member_id = t.member_id and s.valid_from <= t.issued_on
                          and coalesce(s.valid_to, date 'infinity') > t.issued_on and s.unit_id = t.from_unit_id and s.in_transit)
                  and case t.status
                    when 'RECEIVED' then
                      exists (select 1 from members.member_state s where s.member_id = t.member_id and s.valid_to = t.received_on
                              and s.unit_id = t.from_unit_id and s.in_transit)
                      and exists (select 1 from members.member_state s where s.member_id = t.member_id and s.valid_from = t.received_on
                              and s.unit_id = t.to_unit_id and not s.in_transit)
                    when 'IN_TRANSIT' then
                      exists (select 1 from members.member_state s where s.member_id = t.member_id and s.valid_to is null
                              and s.unit_id = t.from_unit_id and s.in_transit)
                    else false end)""");
        // a temporary transfer: away at the host from the letter until it ends; the roll stays the sender's
        checks.put("temporary transfers not matched by the states", """
                select count(*) from members.transfer t where t.kind = 'TEMPORARY' and not (
                  exists (select 1 from members.member_state s where s.member_id = t.member_id and s.valid_from = t.issued_on
                          and s.unit_id = t.from_unit_id and s.away_unit_id = t.to_unit_id)
                  and case t.status
                    when 'ENDED' then
                      exists (select 1 from members.member_state s where s.member_id = t.member_id and s.valid_to = t.ended_on
                              and s.away_unit_id = t.to_unit_id)
                      and exists (select 1 from members.member_state s where s.member_id = t.member_id and s.valid_from = t.ended_on
                              and s.away_unit_id is null)
                    when 'RECEIVED' then t.received_on is not null and exists (select 1 from members.member_state s
                              where s.member_id = t.member_id and s.valid_to is null and s.away_unit_id = t.to_unit_id)
                    when 'IN_TRANSIT' then exists (select 1 from members.member_state s
                              where s.member_id = t.member_id and s.valid_to is null and s.away_unit_id = t.to_unit_id)
                    else false end)""");
        checks.put("members in transit or away without their open transfer", """
                select (select count(*) from members.member_state where valid_to is null and in_transit)
                     - (select count(*) from members.transfer where kind = 'PERMANENT' and status = 'IN_TRANSIT')
                     + (select count(*) from members.member_state where valid_to is null and away_unit_id is not null)
                     - (select count(*) from members.transfer where kind = 'TEMPORARY' and status in ('IN_TRANSIT', 'RECEIVED'))""");
        checks.put("member dates out of order", """
                select count(*) from members.member where ceremony_date < admission_decision_date
                  or full_member_date <= admission_decision_date or admission_decision_date > %s""".formatted(day));
        checks.putAll(cadreChecks());
        return run(dataSource, checks, full);
    }

    /** The checks of the cadre work ({@link NationalCadresGenerator}) alone, all of them (seconds). */
    public static Map<String, Long> runCadres(DataSource dataSource) throws SQLException {
        return run(dataSource, cadreChecks(), true);
    }

    /**
     * The cadre work against the rules of {@code CadreActs} that can be stated over the whole dataset (the
     * planning age rule needs the retirement schedule and is the generator's, by the module's own rules).
     */
    private static Map<String, String> cadreChecks() {
        Map<String, String> checks = new LinkedHashMap<>();
        checks.put("cadres: overlapping terms of one unit", """
                select count(*) from cadres.term a join cadres.term b on b.unit_id = a.unit_id and b.id > a.id
                where a.starts_on < b.ends_on and b.starts_on < a.ends_on""");
        checks.put("cadres: seats leaving before joining, or outside their term", """
                select count(*) from cadres.committee_seat s join cadres.term t on t.id = s.term_id
                where s.left_on <= s.joined_on or s.joined_on < t.starts_on or s.joined_on >= t.ends_on or s.left_on > t.ends_on""");
        checks.put("cadres: two secretaries of one committee, or one member seated twice, on one day", """
                select count(*) from cadres.committee_seat a join cadres.committee_seat b on b.term_id = a.term_id and b.id > a.id
                where (a.member_id = b.member_id or a.role = 'SECRETARY' and b.role = 'SECRETARY')
                  and a.joined_on < coalesce(b.left_on, date 'infinity') and b.joined_on < coalesce(a.left_on, date 'infinity')""");
        checks.put("cadres: single-holder titles with two holders, or one holder twice, on one day", """
                select count(*) from cadres.incumbency a join cadres.incumbency b on b.unit_id = a.unit_id
                  and b.title_code = a.title_code and b.id > a.id
                join cadres.title t on t.code = a.title_code
                where (t.single_holder or a.member_id = b.member_id)
                  and a.starts_on < coalesce(b.ended_on, date 'infinity') and b.starts_on < coalesce(a.ended_on, date 'infinity')""");
        checks.put("cadres: posts with more planned cadres than the rule set allows", """
                select count(*) from (select 1 from cadres.plan_entry where removed_on is null
                  group by period_code, unit_id, title_code
                  having count(*) > (select min(max_planned_per_title) from cadres.rule_set)) x""");
        checks.put("cadres: cadres planned for more titles at one level in a period than the rule set allows", """
                select count(*) from (select 1 from cadres.plan_entry e join cadres.title t on t.code = e.title_code
                  where e.removed_on is null group by e.period_code, e.member_id, t.unit_type
                  having count(*) > (select min(max_titles_per_cadre) from cadres.rule_set)) x""");
        checks.put("cadres: planned for the title held, or for one not higher, on the day", """
                select count(*) from cadres.plan_entry e join cadres.title pt on pt.code = e.title_code
                join cadres.incumbency i on i.member_id = e.member_id and i.starts_on <= e.added_on
                  and (i.ended_on is null or i.ended_on > e.added_on)
                join cadres.title ht on ht.code = i.title_code
                where i.unit_id = e.unit_id and i.title_code = e.title_code or pt.unit_type = ht.unit_type and pt.rank >= ht.rank""");
        checks.put("cadres: acts not under the rule set of their date", """
                select (select count(*) from cadres.incumbency i where not exists (select 1 from cadres.rule_set r
                          where r.code = i.rule_set_code and r.valid_from <= i.starts_on and (r.valid_to is null or r.valid_to > i.starts_on)))
                     + (select count(*) from cadres.plan_entry e where not exists (select 1 from cadres.rule_set r
                          where r.code = e.rule_set_code and r.valid_from <= e.added_on and (r.valid_to is null or r.valid_to > e.added_on)))
                     + (select count(*) from cadres.rotation o where not exists (select 1 from cadres.rule_set r
                          where r.code = o.rule_set_code and r.valid_from <= o.starts_on and (r.valid_to is null or r.valid_to > o.starts_on)))""");
        checks.put("cadres: posts and planning at a unit of another type or not there on the day", """
                select (select count(*) from cadres.incumbency i join cadres.title t on t.code = i.title_code
                          where not exists (select 1 from orgstructure.unit_version v where v.unit_id = i.unit_id and v.type = t.unit_type
                            and v.valid_from <= i.starts_on and (v.valid_to is null or v.valid_to > i.starts_on)))
                     + (select count(*) from cadres.plan_entry e join cadres.title t on t.code = e.title_code
                          where not exists (select 1 from orgstructure.unit_version v where v.unit_id = e.unit_id and v.type = t.unit_type
                            and v.valid_from <= e.added_on and (v.valid_to is null or v.valid_to > e.added_on)))
                     + (select count(*) from cadres.term m where not exists (select 1 from orgstructure.unit_version v
                            where v.unit_id = m.unit_id and v.valid_from <= m.starts_on and (v.valid_to is null or v.valid_to > m.starts_on)))""");
        checks.put("cadres: seats, posts, planning and rotations of members not on the roll on their first day", """
                select (select count(*) from cadres.committee_seat x where not exists (select 1 from members.member_state s
                          where s.member_id = x.member_id and s.status in ('PROBATIONARY', 'FULL') and s.valid_from <= x.joined_on
                            and (s.valid_to is null or s.valid_to > x.joined_on)))
                     + (select count(*) from cadres.incumbency x where not exists (select 1 from members.member_state s
                          where s.member_id = x.member_id and s.status in ('PROBATIONARY', 'FULL') and s.valid_from <= x.starts_on
                            and (s.valid_to is null or s.valid_to > x.starts_on)))
                     + (select count(*) from cadres.plan_entry x where not exists (select 1 from members.member_state s
                          where s.member_id = x.member_id and s.status in ('PROBATIONARY', 'FULL') and s.valid_from <= x.added_on
                            and (s.valid_to is null or s.valid_to > x.added_on)))
                     + (select count(*) from cadres.rotation x where not exists (select 1 from members.member_state s
                          where s.member_id = x.member_id and s.status in ('PROBATIONARY', 'FULL') and s.valid_from <= x.starts_on
                            and (s.valid_to is null or s.valid_to > x.starts_on)))""");
        // loaded without foreign-key triggers: the references, checked here
        checks.put("cadres: rows referencing missing terms, seats, incumbencies or members", """
                select (select count(*) from cadres.committee_seat s where not exists (select 1 from cadres.term t where t.id = s.term_id)
                          or s.follows_id is not null and not exists (select 1 from cadres.committee_seat f where f.id = s.follows_id))
                     + (select count(*) from cadres.incumbency i where i.follows_id is not null
                          and not exists (select 1 from cadres.incumbency f where f.id = i.follows_id))
                     + (select count(*) from (select member_id from cadres.committee_seat union select member_id from cadres.incumbency
                          union select member_id from cadres.plan_entry union select member_id from cadres.training
                          union select member_id from cadres.rotation) p
                        where not exists (select 1 from members.member m where m.id = p.member_id))""");
        return checks;
    }

    private static Map<String, Long> run(DataSource dataSource, Map<String, String> checks, boolean full) throws SQLException {
        Map<String, Long> result = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("set work_mem = '256MB'");
            for (Map.Entry<String, String> check : checks.entrySet()) {
                if (!full && !QUICK.contains(check.getKey()) && !check.getKey().startsWith("cadres: ")) {
                    continue;
                }
                long start = System.nanoTime();
                try (ResultSet rs = st.executeQuery(check.getValue())) {
                    rs.next();
                    result.put(check.getKey(), rs.getLong(1));
                }
                log.info("check \"{}\": {} violations ({} s)", check.getKey(), result.get(check.getKey()),
                        Math.round((System.nanoTime() - start) / 1e8) / 10.0);
            }
        }
        return result;
    }
}
