package vn.tcxd.votes;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.tcxd.IntegrationTest;
import vn.tcxd.cadres.Cadres;
import vn.tcxd.members.Members;
import vn.tcxd.orgstructure.OrgStructure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nobody can tell which voter cast which ballot: not from any table, the audit log or the application
 * log. The test hands voter i the i-th code (a link only the test knows), lets everyone vote differently,
 * and then looks for that link in the stored data the way an administrator with full database access
 * would: in every row of every table, in the transactions that wrote the ballots, in the order and the
 * transactions of the credentials, and in the log.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class VoteAnonymityTests {

    @Autowired
    Votes votes;

    @Autowired
    Cadres cadres;

    @Autowired
    Members members;

    @Autowired
    OrgStructure org;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    private List<String> tables() {
        return jdbc.sql("""
                select quote_ident(table_schema) || '.' || quote_ident(table_name) from information_schema.tables
                 where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
                 order by 1""").query(String.class).list();
    }

    private long count(String sql, Object... params) {
        var q = jdbc.sql(sql);
        for (Object p : params) q = q.param(p);
        return q.query(Long.class).single();
    }

    @Test
    @DisplayName("Sau một đợt có 9 người bỏ phiếu, không bảng nào, nhật ký nào, log nào nối được người bỏ phiếu với lá phiếu")
    void shouldLeaveNoTraceLinkingAVoterToABallot(CapturedOutput output) {
        // rows written before this transaction cannot hold what the session creates: the scans below read only
        // the rows written since (an updated row has a new xmin too), which keeps them fast next to the demo data
        long since = jdbc.sql("select pg_current_xact_id()::text::bigint").query(Long.class).single();
        VoteFixture f = new VoteFixture(org, members, cadres, votes, jdbc, clock, 9);
        long s = f.convene("Lấy phiếu kín");
        Votes.IssuedCredentials issued = votes.takeAttendance(new VoteAct.TakeAttendance(s, Set.copyOf(f.committee), Set.of(),
                null, Set.of()));
        List<String> codes = issued.codes();
        // only this test knows who got which code: voter i holds codes[i]
        Map<Long, String> heldBy = new HashMap<>();
        for (int i = 0; i < f.committee.size(); i++) heldBy.put(f.committee.get(i), codes.get(i));

        String voterXmins = jdbc.sql("select string_agg(xmin::text, ',' order by member_id) from votes.voter where session_id = ?")
                .param(s).query(String.class).single();
        long auditBefore = count("select count(*) from security.audit_entry");
        int logFrom = output.getAll().length();

        List<String> receipts = new ArrayList<>();
        ConfidenceLevel[] levels = ConfidenceLevel.values();
        for (int i = 0; i < f.committee.size(); i++) {
            long voter = f.committee.get(i);
            Map<Long, ConfidenceLevel> choices = new HashMap<>();
            for (int p = 0; p < 3; p++) {
                if ((i + p) % 4 != 3) choices.put(f.committee.get(p), levels[(i * 7 + p) % 3]);
            }
            receipts.add(votes.cast(heldBy.get(voter), choices));
        }
        String log = output.getAll().substring(logFrom);

        List<String> tags = codes.stream().map(BallotCodec::credentialTag).toList();
        List<String> nonces = jdbc.sql("select nonce from votes.ballot where session_id = ?").param(s).query(String.class).list();
        List<String> secrets = new ArrayList<>();
        codes.forEach(c -> {
            secrets.add(BallotCodec.normaliseCode(c));
            secrets.add(c);
        });
        List<String> ballotIds = new ArrayList<>(receipts);
        ballotIds.addAll(tags);
        ballotIds.addAll(nonces);

        // 1. no code is stored anywhere; hashes, tags and nonces only in the board's two tables
        // 2. the casting transactions wrote the ballots and nothing else: no audit entry, no session, no voter row
        Pattern anyCode = Pattern.compile(secrets.stream().map(Pattern::quote).collect(Collectors.joining("|")));
        String codeRegex = secrets.stream().map(x -> x.replace("-", "\\-")).collect(Collectors.joining("|"));
        String idRegex = String.join("|", ballotIds);
        List<String> castXmins = jdbc.sql("select distinct xmin::text from votes.ballot where session_id = ?").param(s)
                .query(String.class).list();
        assertThat(castXmins).hasSize(9);
        for (String table : tables()) {
            Map<String, Object> found = jdbc.sql("select count(*) filter (where t::text ~* ?) as codes,"
                            + " count(*) filter (where t::text ~ ?) as ids,"
                            + " count(*) filter (where t.xmin::text = any(?::text[])) as cast_rows"
                            + " from " + table + " t where t.xmin::text::bigint >= ?")
                    .param(codeRegex).param(idRegex).param(castXmins.toArray(String[]::new)).param(since)
                    .query().singleRow();
            assertThat(((Number) found.get("codes")).longValue()).as("credential codes in %s", table).isZero();
            if (!table.equals("votes.ballot") && !table.equals("votes.credential")) {
                assertThat(((Number) found.get("ids")).longValue()).as("ballot hashes, credential tags or nonces in %s", table)
                        .isZero();
            }
            if (!table.equals("votes.ballot")) {
                assertThat(((Number) found.get("cast_rows")).longValue()).as("rows of %s written while casting", table).isZero();
            }
        }
        assertThat(count("select count(*) from security.audit_entry")).isEqualTo(auditBefore);
        assertThat(jdbc.sql("select string_agg(xmin::text, ',' order by member_id) from votes.voter where session_id = ?")
                .param(s).query(String.class).single()).isEqualTo(voterXmins);

        // 3. a voter row says only that a code was received; the ballot and credential rows hold no voter, no
        //    account, no time and no sequence
        assertThat(columns("votes", "ballot")).containsExactlyInAnyOrder("hash", "session_id", "credential_tag", "nonce", "content");
        assertThat(columns("votes", "credential")).containsExactlyInAnyOrder("tag", "session_id");
        assertThat(count("""
                select count(*) from information_schema.columns where table_schema = 'votes' and table_name in ('ballot', 'credential')
                   and (data_type like 'timestamp%' or data_type in ('date', 'time') or column_default is not null or is_identity = 'YES')"""))
                .isZero();

        // 4. the credentials were written in one transaction, in the order of their tags: neither their order nor
        //    their transactions say to whom they went
        assertThat(count("select count(distinct xmin::text) from votes.credential where session_id = ?", s)).isEqualTo(1);
        assertThat(jdbc.sql("select tag from votes.credential where session_id = ? order by ctid").param(s).query(String.class).list())
                .isSorted();

        // 5. the application log of the casts names no code, tag, receipt or nonce
        assertThat(anyCode.matcher(log).find()).isFalse();
        ballotIds.forEach(id -> assertThat(log).doesNotContain(id));

        // and still every voter finds their ballot on the board
        f.closeWindow(s);
        BulletinBoard board = votes.board(s);
        assertThat(receipts).allSatisfy(r -> assertThat(BoardVerifier.counted(board, r)).isTrue());
        assertThat(BoardVerifier.verify(board).ok()).isTrue();
    }

    private List<String> columns(String schema, String table) {
        return jdbc.sql("select column_name from information_schema.columns where table_schema = ? and table_name = ?")
                .param(schema).param(table).query(String.class).list();
    }
}
