package vn.tcxd.evaluations.consultation;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.tcxd.IntegrationTest;
import vn.tcxd.evaluations.ConsultationSummary;
import vn.tcxd.evaluations.Consultations;
import vn.tcxd.evaluations.EvaluationAct;
import vn.tcxd.evaluations.Evaluations;
import vn.tcxd.evaluations.Period;
import vn.tcxd.members.Gender;
import vn.tcxd.members.MemberAct;
import vn.tcxd.members.MemberMother;
import vn.tcxd.members.Members;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.TreeFixture;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A first-time visitor — no session cookie — opens the public page of a large organisation: the whole page
 * renders, its feedback form with the CSRF token included (the token's session used to be created only when
 * the form was reached, after a long page had already committed its response).
 */
@IntegrationTest
class PublicConsultationFirstVisitTests {

    static final LocalDate ADMITTED = LocalDate.of(2019, 3, 2);
    static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"};
    static final String[] GIVEN = {"An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Khánh", "Lan", "Linh", "Minh", "Nga",
            "Phúc", "Quang", "Sơn", "Thảo", "Tuấn"};

    @LocalServerPort
    int port;
    @Autowired
    OrgStructure org;
    @Autowired
    Members members;
    @Autowired
    Evaluations evaluations;
    @Autowired
    Consultations consultations;
    @Autowired
    Clock clock;

    @Test
    void shouldRenderTheWholePageOfA204MemberOrganisationWithItsFormForAVisitorWithoutSession() {
        TreeFixture tree = TreeFixture.standard(org);
        List<String> names = new ArrayList<>();
        for (String family : FAMILY) {
            for (String given : GIVEN) {
                names.add(family + " Thị " + given);
            }
        }
        assertThat(names).hasSize(204);
        for (int i = 0; i < names.size(); i++) {
            members.apply(new MemberAct.Admit(MemberMother.record(names.get(i), Gender.FEMALE, LocalDate.of(1985, 5, 5)),
                    tree.id(i % 2 == 0 ? "X1C1" : "X1C2"), ADMITTED, MemberMother.decision("7-QĐ/ĐU", ADMITTED)));
        }
        long campaign = evaluations.apply(new EvaluationAct.OpenCampaign(tree.id("P"), Period.year(2024)));
        ConsultationSummary window = consultations.open(campaign, tree.id("X1"), null,
                clock.instant().plus(Duration.ofDays(10)));

        HttpResponse<String> page = new PublicClient(port).get("/public/consultations/" + window.token());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"_csrf\"", "name=\"stamp\"").contains("</html>");
        assertThat(names).allSatisfy(name -> assertThat(page.body()).contains(name));
        assertThat(page.body().length()).isGreaterThan(38_000);
    }
}
