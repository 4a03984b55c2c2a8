package vn.tcxd.evaluations.consultation;

import org.springframework.jdbc.core.simple.JdbcClient;
import vn.tcxd.evaluations.Consultations;
import vn.tcxd.evaluations.EvaluationAct;
import vn.tcxd.evaluations.EvaluationAct.Proposal;
import vn.tcxd.evaluations.Evaluations;
import vn.tcxd.evaluations.Period;
import vn.tcxd.evaluations.RatingLevel;
import vn.tcxd.evaluations.RatingRow;
import vn.tcxd.evaluations.SubjectKind;
import vn.tcxd.evaluations.internal.consultation.FormStamps;
import vn.tcxd.members.Gender;
import vn.tcxd.members.MemberAct;
import vn.tcxd.members.MemberMother;
import vn.tcxd.members.Members;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.TreeFixture;
import vn.tcxd.security.Accounts;
import vn.tcxd.security.Role;
import vn.tcxd.security.ScopeGrant;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A commune committee (X1 of {@link TreeFixture}: a TCCSĐ) reviewed for 2024, with members in its
 * cells whose proposals cover every case the public page shows, a member of the neighbouring commune
 * X2 that must never appear, and accounts: staff of province P, a viewer of X1, and staff of Q.
 * <pre>
 * X1C1  Trần Văn An      self EXCELLENT, proposed GOOD  → shown GOOD (never the self-assessment)
 *       Nguyễn Thị Bình  proposed EXCELLENT
 *       Lê Văn Đức       self-assessed only           → "chưa có đề xuất"
 *       Phạm Thị Dung    admitted 2/9/2024            → not rated (HD 21 II.6), shown "không xếp loại"
 * X1C2  Hoàng Văn Em     proposed COMPLETED
 * X1BC1 Đỗ Thị Giang     proposed GOOD
 * X2C1  Vũ Văn Hải       (another TCCSĐ)
 * </pre>
 * Vietnamese name order (given name first): An, Bình, Dung, Đức, Em, Giang.
 */
public final class ConsultationFixture {

    public static final String PASSWORD = "mat-khau-lay-y-kien-9";
    static final LocalDate ADMITTED = LocalDate.of(2019, 3, 2);
    static final List<String> NAME_ORDER = List.of("Trần Văn An", "Nguyễn Thị Bình", "Phạm Thị Dung", "Lê Văn Đức",
            "Hoàng Văn Em", "Đỗ Thị Giang");

    public final TreeFixture tree;
    public final long campaign;
    public final Map<String, Long> memberIds = new LinkedHashMap<>();
    public final String staffP;
    public final String viewerP;
    public final String staffQ;

    private final Evaluations evaluations;
    private final Members members;

    private ConsultationFixture(OrgStructure org, Members members, Evaluations evaluations, Accounts accounts) {
        this.members = members;
        this.evaluations = evaluations;
        tree = TreeFixture.standard(org);
        admit("Trần Văn An", "X1C1", ADMITTED);
        admit("Nguyễn Thị Bình", "X1C1", ADMITTED);
        admit("Lê Văn Đức", "X1C1", ADMITTED);
        admit("Phạm Thị Dung", "X1C1", LocalDate.of(2024, 9, 2));
        admit("Hoàng Văn Em", "X1C2", ADMITTED);
        admit("Đỗ Thị Giang", "X1BC1", ADMITTED);
        admit("Vũ Văn Hải", "X2C1", ADMITTED);
        campaign = evaluations.apply(new EvaluationAct.OpenCampaign(tree.id("P"), Period.year(2024)));
        evaluations.apply(new EvaluationAct.SelfAssess(rating("Trần Văn An").id(), RatingLevel.EXCELLENT, null));
        evaluations.apply(new EvaluationAct.SelfAssess(rating("Lê Văn Đức").id(), RatingLevel.GOOD, null));
        List<Proposal> proposals = new ArrayList<>();
        proposals.add(new Proposal(rating("Trần Văn An").id(), null, null, RatingLevel.GOOD, null, 3, 4));
        proposals.add(new Proposal(rating("Nguyễn Thị Bình").id(), null, null, RatingLevel.EXCELLENT, null, 4, 4));
        proposals.add(new Proposal(rating("Hoàng Văn Em").id(), null, null, RatingLevel.COMPLETED, null, 1, 1));
        proposals.add(new Proposal(rating("Đỗ Thị Giang").id(), null, null, RatingLevel.GOOD, null, 1, 1));
        evaluations.apply(new EvaluationAct.Propose(proposals));
        // the commune committee rates itself: the organisation's own proposal to the district
        evaluations.apply(new EvaluationAct.SelfAssess(organisation("X1").id(), RatingLevel.GOOD, null));
        String suffix = tree.prefix().toLowerCase(Locale.ROOT);
        staffP = account(accounts, "lyk.p." + suffix, tree.id("P"), Role.STAFF);
        viewerP = account(accounts, "lyk.v." + suffix, tree.id("X1"), Role.VIEWER);
        staffQ = account(accounts, "lyk.q." + suffix, tree.id("Q"), Role.STAFF);
    }

    public static ConsultationFixture build(OrgStructure org, Members members, Evaluations evaluations, Accounts accounts) {
        return new ConsultationFixture(org, members, evaluations, accounts);
    }

    private void admit(String name, String cell, LocalDate on) {
        memberIds.put(name, members.apply(new MemberAct.Admit(MemberMother.record(name, Gender.FEMALE,
                LocalDate.of(1985, 5, 5)), tree.id(cell), on, MemberMother.decision("1-QĐ/ĐU", on))));
    }

    private static String account(Accounts accounts, String username, long unitId, Role role) {
        accounts.create(username, "Đồng chí " + username, PASSWORD, false, List.of(new ScopeGrant(unitId, role)));
        return username;
    }

    RatingRow rating(String name) {
        long memberId = memberIds.get(name);
        return evaluations.ratings(campaign, tree.id("P"), SubjectKind.MEMBER).stream()
                .filter(r -> r.memberId() == memberId).findFirst().orElseThrow();
    }

    RatingRow organisation(String key) {
        return evaluations.ratings(campaign, tree.id(key), SubjectKind.ORGANISATION).stream()
                .filter(r -> r.unitId() == tree.id(key)).findFirst().orElseThrow();
    }

    /** A form stamp as if the page had been rendered {@code ago} earlier, signed with the server secret. */
    static String stampRenderedAgo(Consultations consultations, JdbcClient jdbc, String token, Duration ago) {
        consultations.publicView(token); // makes the server secret on first use
        byte[] secret = jdbc.sql("select secret from evaluations.consultation_secret where id = 1").query(byte[].class).single();
        return new FormStamps(secret).stamp(token, Instant.now().minus(ago));
    }

    /** Moves a window into the past, as if its days had passed. */
    public static void letTimePass(JdbcClient jdbc, long consultationId, Duration by) {
        jdbc.sql("update evaluations.consultation set opens_at = opens_at - ?::interval, closes_at = closes_at - ?::interval,"
                        + " opened_at = opened_at - ?::interval where id = ?")
                .params(by.toSeconds() + " seconds", by.toSeconds() + " seconds", by.toSeconds() + " seconds", consultationId)
                .update();
    }

    static long feedbackCount(JdbcClient jdbc, long consultationId) {
        return jdbc.sql("select count(*) from evaluations.consultation_feedback where consultation_id = ?")
                .param(consultationId).query(Long.class).single();
    }
}
