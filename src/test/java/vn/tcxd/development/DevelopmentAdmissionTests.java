package vn.tcxd.development;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.tcxd.IntegrationTest;
import vn.tcxd.calendar.WorkingDays;
import vn.tcxd.members.Gender;
import vn.tcxd.members.MemberAct;
import vn.tcxd.members.MemberDetails;
import vn.tcxd.members.MemberMother;
import vn.tcxd.members.MemberStatus;
import vn.tcxd.members.Members;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.TreeFixture;
import vn.tcxd.shared.DecisionRef;
import vn.tcxd.shared.RuleViolation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admission pipeline on the real database, from the cell's proposal to the member on the cell's roll,
 * under QĐ 294-QĐ/TW as the rule set holds it, and every bad input refused in Vietnamese with nothing
 * written (candidate, steps, sponsors, certificates, file, members, audit).
 */
@IntegrationTest
class DevelopmentAdmissionTests {

    private static final AtomicLong CITIZEN = new AtomicLong(ProcessHandle.current().pid() % 1000 * 1_000_000L);

    static final LocalDate PROPOSED = LocalDate.of(2025, 9, 5);
    static final LocalDate CELL_ON = LocalDate.of(2025, 12, 10);

    @Autowired
    Development development;

    @Autowired
    Members members;

    @Autowired
    OrgStructure org;

    @Autowired
    WorkingDays workingDays;

    @Autowired
    JdbcClient jdbc;

    TreeFixture tree;
    long cell;
    long full1;
    long full2;
    long probationary;
    long classId;

    @BeforeEach
    void setUp() {
        tree = TreeFixture.standard(org);
        cell = tree.id("X1C1");
        full1 = fullMember("Lê Thị Bảo");
        full2 = fullMember("Trần Văn Cường");
        probationary = members.apply(new MemberAct.Admit(MemberMother.record("Phạm Văn Dự Bị " + tree.prefix(), Gender.MALE,
                LocalDate.of(1999, 2, 3)), cell, LocalDate.of(2025, 6, 2), MemberMother.decision("40-QĐ/HU", LocalDate.of(2025, 6, 2))));
        classId = development.apply(new DevelopmentAct.OpenClass(tree.id("X1"), "Lớp bồi dưỡng nhận thức về Đảng khóa 3/2025",
                LocalDate.of(2025, 9, 15), LocalDate.of(2025, 9, 20), doc("15-QĐ/ĐU", LocalDate.of(2025, 9, 10))));
    }

    private long fullMember(String name) {
        long id = members.apply(new MemberAct.Admit(MemberMother.record(name + " " + tree.prefix(), Gender.FEMALE,
                LocalDate.of(1980, 3, 4)), cell, LocalDate.of(2019, 5, 10), MemberMother.decision("21-QĐ/HU", LocalDate.of(2019, 5, 10))));
        members.apply(new MemberAct.HoldCeremony(id, LocalDate.of(2019, 5, 20), MemberMother.decision("22-QĐ/HU", LocalDate.of(2019, 5, 20))));
        members.apply(new MemberAct.Recognise(id, MemberMother.decision("23-QĐ/HU", LocalDate.of(2020, 6, 1))));
        return id;
    }

    private static String citizenId() {
        return "0790" + String.format("%08d", CITIZEN.incrementAndGet() % 100_000_000L);
    }

    private static DecisionRef doc(String number, LocalDate date) {
        return new DecisionRef(number, date, "Chi bộ thôn Đông");
    }

    private CandidateRecord person(String name, LocalDate born) {
        return new CandidateRecord(name + " " + tree.prefix(), born, Gender.FEMALE, "01", "KHONG", citizenId(), "THPT",
                "NONG_DAN", "Hợp tác xã Tân Lập", "Thôn Đông, xã Tân Lập");
    }

    private long propose(CandidateRecord p) {
        return development.apply(new DevelopmentAct.Propose(cell, p, PROPOSED, "Chi ủy chi bộ thôn Đông",
                doc("05-NQ/CB", PROPOSED)));
    }

    private void certify(long id) {
        development.apply(new DevelopmentAct.Certify(id, classId, "GCN-" + id, LocalDate.of(2025, 9, 22), "Trung tâm chính trị",
                doc("30-QĐ/TTCT", LocalDate.of(2025, 9, 22))));
    }

    private void sponsor(long id) {
        development.apply(new DevelopmentAct.Sponsor(id, List.of(full1, full2), null, LocalDate.of(2025, 10, 1),
                "Chi bộ thôn Đông", doc("07-NQ/CB", LocalDate.of(2025, 10, 1))));
    }

    private void file(long id) {
        development.apply(new DevelopmentAct.RecordFile(id, EnumSet.complementOf(EnumSet.of(FileDocument.UNION_RESOLUTION)),
                LocalDate.of(2025, 11, 5), "Bí thư chi bộ", doc("HS-" + id, LocalDate.of(2025, 11, 5))));
    }

    private void cellVote(long id, int inFavour, int of) {
        development.apply(new DevelopmentAct.CellVote(id, CELL_ON, inFavour, of, "Chi bộ thôn Đông", doc("09-NQ/CB", CELL_ON)));
    }

    private void committeeVote(long id) {
        LocalDate on = LocalDate.of(2025, 12, 20);
        development.apply(new DevelopmentAct.CommitteeVote(id, on, 5, 7, "Đảng ủy xã Tân Lập",
                new DecisionRef("31-NQ/ĐU", on, "Đảng ủy xã Tân Lập")));
    }

    /** A candidate taken to the grassroots committee's approval. */
    private long approved(String name) {
        long id = propose(person(name, LocalDate.of(1998, 4, 2)));
        certify(id);
        sponsor(id);
        file(id);
        cellVote(id, 6, 9);
        committeeVote(id);
        return id;
    }

    private DevelopmentAct.Decide decide(long id, LocalDate on) {
        return new DevelopmentAct.Decide(id, "Ban Thường vụ Đảng ủy xã", new DecisionRef("120-QĐ/ĐU", on, "Ban Thường vụ Đảng ủy xã Tân Lập"));
    }

    private Map<String, Object> written() {
        return jdbc.sql("""
                select (select count(*) from development.candidate) candidates,
                       (select count(*) from development.candidate_step) steps,
                       (select count(*) from development.sponsor) sponsors,
                       (select count(*) from development.class_attendee) certificates,
                       (select count(*) from development.file_document) files,
                       (select count(*) from members.member) members,
                       (select count(*) from security.audit_entry) audits
                """).query().singleRow();
    }

    private String refused(Runnable act) {
        Map<String, Object> before = written();
        try {
            act.run();
        } catch (RuleViolation e) {
            assertThat(written()).as("nothing written").isEqualTo(before);
            return e.messageKey();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void shouldAdmitOnTheSixtiethWorkingDayAcrossTetCreatingExactlyOneMemberWithTheCandidatesRecord() {
        long id = approved("Nguyễn Thị Hoa");
        Candidate before = development.candidate(id).orElseThrow();
        assertThat(before.state()).isEqualTo(CandidateState.COMMITTEE_APPROVED);

        // QĐ 294-QĐ/TW item 4.3.1: 60 working days from the cell's resolution; Tết Bính Ngọ (17/02/2026) falls inside
        LocalDate deadline = development.decisionDeadline(CELL_ON);
        LocalDate weekdaysOnly = CELL_ON;
        for (int n = 0; n < 60; ) {
            weekdaysOnly = weekdaysOnly.plusDays(1);
            if (weekdaysOnly.getDayOfWeek() != DayOfWeek.SATURDAY && weekdaysOnly.getDayOfWeek() != DayOfWeek.SUNDAY) n++;
        }
        assertThat(deadline).isEqualTo(workingDays.plusWorkingDays(CELL_ON, 60)).isAfter(weekdaysOnly.plusDays(6));
        assertThat(workingDays.isWorkingDay(deadline)).isTrue();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 2, 17))).isFalse();
        assertThat(workingDays.workingDaysBetween(CELL_ON, deadline)).isEqualTo(60);

        int membersBefore = jdbc.sql("select count(*) from members.member").query(Integer.class).single();
        development.apply(decide(id, deadline));

        Candidate admitted = development.candidate(id).orElseThrow();
        assertThat(admitted.state()).isEqualTo(CandidateState.ADMITTED);
        assertThat(admitted.steps()).extracting(Candidate.Step::state).containsExactly(CandidateState.PROPOSED,
                CandidateState.CLASS_PASSED, CandidateState.SPONSORED, CandidateState.FILE_COMPLETE,
                CandidateState.CELL_APPROVED, CandidateState.COMMITTEE_APPROVED, CandidateState.ADMITTED);
        assertThat(admitted.steps().get(4).votesFor()).isEqualTo(6);
        assertThat(admitted.steps()).allSatisfy(s -> assertThat(s.ruleSetCode()).isEqualTo("DEV_QD294_2025"));
        assertThat(admitted.sponsors()).extracting(Candidate.Sponsor::memberId).containsExactlyInAnyOrder(full1, full2);
        assertThat(admitted.certificate().issuedOn()).isEqualTo(LocalDate.of(2025, 9, 22));

        assertThat(jdbc.sql("select count(*) from members.member").query(Integer.class).single()).isEqualTo(membersBefore + 1);
        assertThat(jdbc.sql("select count(*) from members.member where citizen_id = ?").param(before.person().citizenId())
                .query(Integer.class).single()).isEqualTo(1);
        MemberDetails m = members.member(admitted.memberId(), deadline).orElseThrow();
        CandidateRecord p = before.person();
        assertThat(m.record().fullName()).isEqualTo(p.fullName());
        assertThat(m.record().birthDate()).isEqualTo(p.birthDate());
        assertThat(m.record().gender()).isEqualTo(p.gender());
        assertThat(m.record().ethnicity()).isEqualTo(p.ethnicity());
        assertThat(m.record().religion()).isEqualTo(p.religion());
        assertThat(m.record().citizenId()).isEqualTo(p.citizenId());
        assertThat(m.record().education()).isEqualTo(p.education());
        assertThat(m.record().occupation()).isEqualTo(p.occupation());
        assertThat(m.record().residence()).isEqualTo(p.residence());
        assertThat(m.admissionDecisionDate()).isEqualTo(deadline);
        assertThat(m.state().unitId()).isEqualTo(cell);
        assertThat(m.state().status()).isEqualTo(MemberStatus.PROBATIONARY);

        assertThat(jdbc.sql("select count(*) from security.audit_entry where entity_type = 'candidate' and entity_id = ?")
                .param(Long.toString(id)).query(Integer.class).single()).isEqualTo(7);
        assertThat(development.candidates(tree.id("X1"))).extracting(Candidate.Summary::id).contains(id);
        assertThat(development.candidates(tree.id("X2"))).extracting(Candidate.Summary::id).doesNotContain(id);

        // the record is not admitted twice
        assertThat(refused(() -> development.apply(decide(id, deadline)))).isEqualTo("error.development.closed");
    }

    @Test
    void shouldRefuseADecisionAfterTheSixtiethWorkingDay() {
        long id = approved("Đỗ Thị Muộn");
        LocalDate late = workingDays.plusWorkingDays(development.decisionDeadline(CELL_ON), 1);
        assertThat(refused(() -> development.apply(decide(id, late)))).isEqualTo("error.development.decisionLate");
        assertThat(development.candidate(id).orElseThrow().state()).isEqualTo(CandidateState.COMMITTEE_APPROVED);
    }

    @Test
    void shouldRefuseACandidateUnderEighteen() {
        // 17 years and 11 months on the day proposed
        CandidateRecord young = person("Vũ Văn Trẻ", PROPOSED.minusYears(18).plusMonths(1));
        assertThat(refused(() -> propose(young))).isEqualTo("error.development.tooYoung");
    }

    @Test
    void shouldRefuseAProbationarySponsor() {
        long id = propose(person("Hoàng Thị Lan", LocalDate.of(2000, 1, 1)));
        certify(id);
        assertThat(refused(() -> development.apply(new DevelopmentAct.Sponsor(id, List.of(full1, probationary), null,
                LocalDate.of(2025, 10, 1), "Chi bộ thôn Đông", doc("07-NQ/CB", LocalDate.of(2025, 10, 1))))))
                .isEqualTo("error.development.sponsorProbationary");
        // a union's resolution with one full member is the other path
        development.apply(new DevelopmentAct.Sponsor(id, List.of(full1), SponsorKind.YOUTH_UNION, LocalDate.of(2025, 10, 1),
                "Chi bộ thôn Đông", doc("08-NQ/CB", LocalDate.of(2025, 10, 1))));
        assertThat(development.candidate(id).orElseThrow().state()).isEqualTo(CandidateState.SPONSORED);
    }

    @Test
    void shouldRefuseACellVoteBelowTwoThirds() {
        long id = propose(person("Bùi Văn Phiếu", LocalDate.of(1997, 7, 7)));
        certify(id);
        sponsor(id);
        file(id);
        assertThat(refused(() -> cellVote(id, 5, 9))).isEqualTo("error.development.voteBelow");
        cellVote(id, 6, 9);
        assertThat(development.candidate(id).orElseThrow().state()).isEqualTo(CandidateState.CELL_APPROVED);
    }

    @Test
    void shouldRefuseADecisionBeforeTheCellsResolution() {
        long id = propose(person("Ngô Thị Vội", LocalDate.of(1996, 6, 6)));
        certify(id);
        sponsor(id);
        file(id);
        assertThat(refused(() -> development.apply(decide(id, LocalDate.of(2025, 12, 1)))))
                .isEqualTo("error.development.decisionWithoutCell");
        long approved = approved("Lý Thị Sớm");
        assertThat(refused(() -> development.apply(decide(approved, CELL_ON.minusDays(1)))))
                .isEqualTo("error.development.decisionBeforeCell");
    }

    @Test
    void shouldRefuseAnExpiredCertificate() {
        long old = development.apply(new DevelopmentAct.OpenClass(tree.id("X1"), "Lớp bồi dưỡng khóa 1/2020",
                LocalDate.of(2020, 8, 3), LocalDate.of(2020, 8, 8), doc("02-QĐ/ĐU", LocalDate.of(2020, 7, 20))));
        long id = propose(person("Đinh Văn Cũ", LocalDate.of(1995, 1, 1)));
        // issued 10/08/2020: expired from 10/08/2025, before the certificate is recorded on 22/09/2025
        assertThat(refused(() -> development.apply(new DevelopmentAct.Certify(id, old, "GCN-2020", LocalDate.of(2020, 8, 10),
                "Trung tâm chính trị", doc("30-QĐ/TTCT", LocalDate.of(2025, 9, 22))))))
                .isEqualTo("error.development.certificateExpired");
    }

    @Test
    void shouldRefuseAStepOutOfOrder() {
        long id = propose(person("Mai Văn Tắt", LocalDate.of(1994, 4, 4)));
        assertThat(refused(() -> sponsor(id))).isEqualTo("error.development.outOfOrder");
        assertThat(refused(() -> cellVote(id, 9, 9))).isEqualTo("error.development.outOfOrder");
        assertThat(development.candidate(id).orElseThrow().state()).isEqualTo(CandidateState.PROPOSED);
    }

    @Test
    void shouldRefuseACitizenIdOfAMemberOrOfAnotherLiveCandidate() {
        String memberCitizenId = members.member(full1, LocalDate.of(2025, 9, 5)).orElseThrow().record().citizenId();
        CandidateRecord p = person("Trùng Căn Cước", LocalDate.of(1990, 9, 9));
        CandidateRecord asMember = new CandidateRecord(p.fullName(), p.birthDate(), p.gender(), p.ethnicity(), p.religion(),
                memberCitizenId, p.education(), p.occupation(), p.workplace(), p.residence());
        assertThat(refused(() -> propose(asMember))).isEqualTo("error.development.citizenIdMember");
        // an expelled member is still the same person
        long expelled = fullMember("Khai Trừ");
        members.apply(new MemberAct.Discipline(expelled, vn.tcxd.members.DisciplineForm.EXPULSION, LocalDate.of(2023, 3, 1),
                MemberMother.decision("60-QĐ/HU", LocalDate.of(2023, 3, 1))));
        String expelledCitizenId = members.member(expelled, LocalDate.of(2022, 1, 1)).orElseThrow().record().citizenId();
        CandidateRecord asExpelled = new CandidateRecord(p.fullName(), p.birthDate(), p.gender(), p.ethnicity(), p.religion(),
                expelledCitizenId, p.education(), p.occupation(), p.workplace(), p.residence());
        assertThat(refused(() -> propose(asExpelled))).isEqualTo("error.development.citizenIdMember");
        propose(p);
        assertThat(refused(() -> propose(p))).isEqualTo("error.development.citizenIdCandidate");
    }

    @Test
    void shouldKeepARefusedCandidateInHistory() {
        long id = propose(person("Tạ Văn Dừng", LocalDate.of(1993, 3, 3)));
        development.apply(new DevelopmentAct.Refuse(id, LocalDate.of(2025, 10, 10), "Không đủ tiêu chuẩn chính trị",
                "Đảng ủy xã Tân Lập", doc("40-NQ/ĐU", LocalDate.of(2025, 10, 10))));
        Candidate c = development.candidate(id).orElseThrow();
        assertThat(c.state()).isEqualTo(CandidateState.REFUSED);
        assertThat(c.steps()).extracting(Candidate.Step::state).containsExactly(CandidateState.PROPOSED, CandidateState.REFUSED);
        assertThat(refused(() -> certify(id))).isEqualTo("error.development.closed");
        // the same person may be proposed again later
        assertThat(propose(c.person())).isNotEqualTo(id);
    }

    @Test
    void shouldJudgeByTheRuleSetOfTheActsDate() {
        assertThat(development.ruleSetOn(LocalDate.of(2025, 6, 30)).code()).isEqualTo("DEV_QD29_2016");
        assertThat(development.ruleSetOn(LocalDate.of(2025, 7, 1)).code()).isEqualTo("DEV_QD294_2025");
        assertThat(development.ruleSetOn(LocalDate.of(2025, 7, 1)).ruleSet().legalBasis()).contains("294-QĐ/TW");
        assertThat(refused(() -> development.ruleSetOn(LocalDate.of(2010, 1, 1)))).isEqualTo("error.development.noRuleSet");
    }

    @Test
    void shouldSetAndReplaceATarget() {
        long unit = tree.id("X1");
        development.apply(new DevelopmentAct.SetTarget(unit, 2026, 12, doc("01-NQ/ĐU", LocalDate.of(2026, 1, 5))));
        development.apply(new DevelopmentAct.SetTarget(unit, 2026, 15, doc("02-NQ/ĐU", LocalDate.of(2026, 6, 5))));
        assertThat(development.target(unit, 2026)).hasValue(15);
        assertThat(development.target(unit, 2027)).isEmpty();
    }
}
