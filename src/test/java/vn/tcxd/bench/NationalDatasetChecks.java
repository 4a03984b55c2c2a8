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

    /** Check name → number of violating rows, in a stable order; {@code full = false}: the quick ones only. */
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
        Map<String, Long> result = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("set work_mem = '256MB'");
            for (Map.Entry<String, String> check : checks.entrySet()) {
                if (!full && !QUICK.contains(check.getKey())) {
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
