package vn.tcxd.demo;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.tcxd.IntegrationTest;
import vn.tcxd.cadres.CadreDue;
import vn.tcxd.cadres.Cadres;
import vn.tcxd.cadres.Committee;
import vn.tcxd.cadres.CommitteeRole;
import vn.tcxd.cadres.PlanCheck;
import vn.tcxd.cadres.RemovalReason;
import vn.tcxd.cadres.Term;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.UnitSummary;
import vn.tcxd.orgstructure.UnitType;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's cadre work of Lam Sơn: committees for 2020–2025 and 2025–2030, the 2025 commune committees
 * formed by appointment, the key titles, planning for 2025–2030 and 2030–2035 and training.
 */
@IntegrationTest
class DemoCadresTests {

    @Autowired
    Cadres cadres;

    @Autowired
    OrgStructure org;

    long lamSon() {
        return org.idOfCode("LS").orElseThrow();
    }

    @Test
    @DisplayName("Ban Chấp hành Đảng bộ tỉnh Lam Sơn khóa XX (2020–2025) và XXI (2025–2030), có bổ sung giữa nhiệm kỳ")
    void shouldHoldTheProvincialCommitteesOfBothTerms() {
        List<Term> terms = cadres.terms(lamSon());
        assertThat(terms).extracting(Term::label).containsExactly("2025–2030", "2020–2025");
        Term previous = terms.get(1);
        Committee before = cadres.committee(previous.id(), LocalDate.of(2023, 2, 28));
        Committee after = cadres.committee(previous.id(), LocalDate.of(2023, 3, 1));
        assertThat(after.members().size()).isEqualTo(before.members().size() + 2);
        Committee now = cadres.committee(terms.getFirst().id(), LocalDate.of(2026, 1, 1));
        assertThat(now.members()).hasSize(53);
        assertThat(now.count(CommitteeRole.SECRETARY)).isEqualTo(1);
        assertThat(now.count(CommitteeRole.DEPUTY_SECRETARY)).isEqualTo(3);
        var congress = cadres.congress(terms.getFirst().id());
        assertThat(congress.elected()).isEqualTo(53);
        assertThat(congress.reElected()).isBetween(20L, 40L);
        assertThat(congress.women()).isPositive();
    }

    @Test
    @DisplayName("Các đảng bộ xã, phường thành lập 1/7/2025 có cấp ủy chỉ định, rồi đại hội nhiệm kỳ 2025–2030")
    void shouldFormTheNewCommuneCommitteesByAppointmentThenCongress() {
        List<UnitSummary> communes = org.children(lamSon(), LocalDate.of(2025, 7, 1)).stream()
                .filter(u -> u.type() == UnitType.UPPER_GRASSROOTS && u.code().matches("LS\\.[XP]\\d\\d")).toList();
        assertThat(communes).hasSizeGreaterThan(20);
        for (UnitSummary u : communes) {
            List<Term> terms = cadres.terms(u.id());
            assertThat(terms).as(u.name()).hasSize(2);
            assertThat(terms.get(1).congress()).isFalse();
            assertThat(terms.get(1).startsOn()).isEqualTo(LocalDate.of(2025, 7, 1));
            assertThat(terms.get(0).congress()).isTrue();
            assertThat(cadres.committee(terms.get(1).id(), LocalDate.of(2025, 8, 1)).members()).hasSizeBetween(17, 22);
            assertThat(cadres.posts(u.id(), LocalDate.of(2026, 1, 1)).posts())
                    .filteredOn(p -> p.title().code().equals("UPPER_GRASSROOTS.SECRETARY"))
                    .singleElement().satisfies(p -> assertThat(p.holders()).hasSize(1));
        }
    }

    @Test
    @DisplayName("Quy hoạch 2025–2030 và 2030–2035: trong giới hạn 3 × 3; rà soát thấy người bị khiển trách và người quá tuổi")
    void shouldPlanForBothPeriodsWithinTheCaps() {
        LocalDate review = LocalDate.of(2026, 12, 1);
        PlanCheck later = cadres.planCheck(lamSon(), "LOCAL_2030_2035", review);
        PlanCheck current = cadres.planCheck(lamSon(), "LOCAL_2025_2030", review);
        assertThat(later.plannedCadres()).isGreaterThan(40);
        assertThat(current.plannedCadres()).isGreaterThan(10);
        assertThat(later.overflows()).isEmpty();
        assertThat(current.overflows()).isEmpty();
        assertThat(later.removals()).extracting(PlanCheck.Removal::reason).contains(RemovalReason.DISCIPLINE);
        assertThat(current.removals()).extracting(PlanCheck.Removal::reason).contains(RemovalReason.OVER_AGE);
        assertThat(later.shares()).hasSize(3).allSatisfy(s -> assertThat(s.base()).isEqualTo(later.plannedCadres()));
    }

    @Test
    @DisplayName("Việc đến hạn của Ban Tổ chức Tỉnh ủy: thông báo bổ nhiệm lại và nghỉ hưu; có cán bộ luân chuyển về xã")
    void shouldQueueDueWorkAndListRotations() {
        List<CadreDue> due = cadres.due(lamSon(), LocalDate.of(2026, 12, 3), 90);
        assertThat(due).extracting(CadreDue::kind).contains(CadreDue.Kind.REAPPOINTMENT_NOTICE, CadreDue.Kind.RETIREMENT);
        assertThat(cadres.rotations(lamSon(), LocalDate.of(2026, 12, 3))).hasSize(3);
        long secretary = cadres.posts(lamSon(), LocalDate.of(2026, 1, 1)).posts().stream()
                .filter(p -> p.title().code().equals("PROVINCIAL.ORGANISATION_HEAD")).findFirst().orElseThrow()
                .holders().getFirst().memberId();
        var file = cadres.file(secretary, LocalDate.of(2026, 12, 3)).orElseThrow();
        assertThat(file.training()).isNotEmpty();
        assertThat(file.positions()).isNotEmpty();
        assertThat(file.seats()).isNotEmpty();
        assertThat(file.managers()).contains(lamSon());
    }

    @Test
    @DisplayName("Đánh giá năm 2024 xếp loại cả cá nhân lãnh đạo cấp huyện: hồ sơ cán bộ có kết quả với tư cách lãnh đạo")
    void shouldShowRatingsAsALeaderInTheFile() {
        UnitSummary district = org.children(lamSon(), LocalDate.of(2024, 12, 31)).stream()
                .filter(u -> u.code().equals("LS.H01")).findFirst().orElseThrow();
        long secretary = cadres.posts(district.id(), LocalDate.of(2024, 12, 31)).posts().stream()
                .filter(p -> p.title().code().equals("UPPER_GRASSROOTS.SECRETARY")).findFirst().orElseThrow()
                .holders().getFirst().memberId();
        assertThat(cadres.file(secretary, LocalDate.of(2026, 1, 1)).orElseThrow().ratings())
                .anySatisfy(r -> {
                    assertThat(r.asLeader()).isTrue();
                    assertThat(r.year()).isEqualTo(2024);
                    assertThat(r.unitName()).contains("Lam Thành");
                });
    }
}
