package vn.tcxd.evaluations.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.tcxd.Http;
import vn.tcxd.IntegrationTest;
import vn.tcxd.evaluations.Evaluations;
import vn.tcxd.evaluations.RatingLevel;
import vn.tcxd.evaluations.RatingRow;
import vn.tcxd.evaluations.RatingStatus;
import vn.tcxd.evaluations.SubjectKind;
import vn.tcxd.members.Gender;
import vn.tcxd.members.MemberAct;
import vn.tcxd.members.MemberMother;
import vn.tcxd.members.Members;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.TreeFixture;
import vn.tcxd.security.Accounts;
import vn.tcxd.security.Role;
import vn.tcxd.security.ScopeGrant;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review over real HTTP: the province opens 2024, the cell secretary rates the whole cell on one
 * screen, the commune committee sees the quota violation, is refused without a reason and decides
 * with one; the API gives the same; a user of another province sees nothing of it.
 */
@IntegrationTest
class EvaluationPagesTests {

    private static final String PASSWORD = "mat-khau-danh-gia-7";

    @LocalServerPort
    int port;

    @Autowired
    OrgStructure org;

    @Autowired
    Members members;

    @Autowired
    Accounts accounts;

    @Autowired
    Evaluations evaluations;

    TreeFixture tree;
    Http province;
    Http secretary;
    Http other;
    String provinceUser;
    String otherUser;
    List<Long> cellMembers;

    @BeforeEach
    void setUp() {
        tree = TreeFixture.standard(org);
        String suffix = tree.prefix().toLowerCase();
        provinceUser = "ev.p." + suffix;
        otherUser = "ev.q." + suffix;
        accounts.create(provinceUser, "Cán bộ tỉnh", PASSWORD, false, List.of(new ScopeGrant(tree.id("P"), Role.STAFF)));
        accounts.create("ev.c." + suffix, "Bí thư chi bộ", PASSWORD, false, List.of(new ScopeGrant(tree.id("X1C1"), Role.STAFF)));
        accounts.create(otherUser, "Cán bộ tỉnh khác", PASSWORD, false, List.of(new ScopeGrant(tree.id("Q"), Role.STAFF)));
        province = Http.on(port);
        province.login(provinceUser, PASSWORD);
        secretary = Http.on(port);
        secretary.login("ev.c." + suffix, PASSWORD);
        other = Http.on(port);
        other.login(otherUser, PASSWORD);
        cellMembers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            LocalDate on = LocalDate.of(2020, 4, 1);
            cellMembers.add(members.apply(new MemberAct.Admit(MemberMother.record("Lê Văn " + (char) ('A' + i), Gender.MALE,
                    LocalDate.of(1985, 1, 1)), tree.id("X1C1"), on, MemberMother.decision("4-QĐ/ĐU", on))));
        }
    }

    private long openByPage() {
        HttpResponse<String> opened = province.postForm("/units/" + tree.id("P") + "/evaluations",
                "/units/" + tree.id("P") + "/evaluations", Map.of("periodKind", "YEAR", "year", "2024", "periodNo", "0"));
        assertThat(opened.statusCode()).isEqualTo(302);
        String location = opened.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/evaluations/").endsWith("/units/" + tree.id("P"));
        return Long.parseLong(location.replaceAll(".*/evaluations/(\\d+)/units/.*", "$1"));
    }

    private List<RatingRow> cellRatings(long campaign) {
        return evaluations.ratings(campaign, tree.id("X1C1"), SubjectKind.MEMBER);
    }

    @Test
    void shouldLetTheSecretaryRateTheCellAndTheCommitteeDecideWithAReasonAboveTheQuota() {
        long campaign = openByPage();
        String sheetPage = "/evaluations/" + campaign + "/units/" + tree.id("X1C1");
        HttpResponse<String> sheet = secretary.get(sheetPage);
        assertThat(sheet.statusCode()).isEqualTo(200);
        assertThat(sheet.body()).contains("Lê Văn A", "Tự đánh giá", "Chi bộ đề xuất");

        // two excellent against four good: 20 % of 4 = 0 allowed
        List<RatingRow> rows = cellRatings(campaign);
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            String level = i < 2 ? "EXCELLENT" : "GOOD";
            fields.put("lines[" + i + "].ratingId", Long.toString(rows.get(i).id()));
            fields.put("lines[" + i + "].selfLevel", level);
            fields.put("lines[" + i + "].level", level);
            fields.put("lines[" + i + "].votesFor", "6");
            fields.put("lines[" + i + "].votesTotal", "6");
        }
        HttpResponse<String> saved = secretary.postForm(sheetPage, sheetPage + "/sheet", fields);
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(cellRatings(campaign)).allSatisfy(r -> assertThat(r.status()).isEqualTo(RatingStatus.PROPOSED));

        // the cell secretary cannot reach the commune's decision screen
        String decidePage = "/evaluations/" + campaign + "/decide/" + tree.id("X1");
        assertThat(secretary.get(decidePage).statusCode()).isEqualTo(404);

        HttpResponse<String> screen = province.get(decidePage);
        assertThat(screen.statusCode()).isEqualTo(200);
        assertThat(screen.body()).contains("Vượt hạn mức tại", "Lê Văn A", "Lê Văn B");

        Map<String, String> decide = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            decide.put("items[" + i + "].ratingId", Long.toString(rows.get(i).id()));
            decide.put("items[" + i + "].chosen", "true");
        }
        decide.put("decisionNumber", "30-QĐ/ĐU");
        decide.put("decisionDate", "2025-01-15");
        decide.put("decisionBody", "Đảng ủy xã Tân Lập");
        HttpResponse<String> refused = province.postForm(decidePage, decidePage, decide);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Vượt hạn mức tại");
        assertThat(cellRatings(campaign)).noneMatch(r -> r.status() == RatingStatus.DECIDED);

        // lower one, keep the other with a reason (rows are in name order: A, B, …)
        decide.put("items[0].level", "GOOD");
        decide.put("items[1].overrideReason", "Lập thành tích xuất sắc trong phòng chống bão lũ");
        HttpResponse<String> decided = province.postForm(decidePage, decidePage, decide);
        assertThat(decided.statusCode()).isEqualTo(302);
        assertThat(cellRatings(campaign)).allSatisfy(r -> assertThat(r.status()).isEqualTo(RatingStatus.DECIDED));
        assertThat(cellRatings(campaign)).filteredOn(r -> r.decidedLevel() == RatingLevel.EXCELLENT).singleElement()
                .satisfies(r -> assertThat(r.quotaOverride()).contains("bão lũ"));
        assertThat(province.get("/ratings/" + rows.get(1).id()).body()).contains("Vượt hạn mức", "30-QĐ/ĐU", "bão lũ");
    }

    @Test
    void shouldOfferTheSameThroughTheApiWithVietnameseErrors() {
        long campaign = openByPage();
        String base = "/api/v1/evaluations/" + campaign;
        HttpResponse<String> ratings = province.getBasic(base + "/units/" + tree.id("X1C1") + "/ratings?kind=MEMBER", provinceUser, PASSWORD);
        assertThat(ratings.statusCode()).isEqualTo(200);
        assertThat(ratings.body()).contains("Lê Văn A");
        long first = cellRatings(campaign).getFirst().id();

        HttpResponse<String> proposed = province.postJsonBasic(base + "/proposals",
                "{\"proposals\":[{\"ratingId\":" + first + ",\"level\":\"EXCELLENT\",\"votesFor\":5,\"votesTotal\":6}]}", provinceUser, PASSWORD);
        assertThat(proposed.statusCode()).isEqualTo(200);
        HttpResponse<String> violations = province.getBasic(base + "/deciders/" + tree.id("X1") + "/violations", provinceUser, PASSWORD);
        assertThat(violations.body()).contains("QUOTA", "Vượt hạn mức");

        HttpResponse<String> noDecision = province.postJsonBasic(base + "/deciders/" + tree.id("X1") + "/decisions",
                "{\"items\":[{\"ratingId\":" + first + "}]}", provinceUser, PASSWORD);
        assertThat(noDecision.statusCode()).isBetween(400, 422);
        assertThat(noDecision.body()).contains("Phải có quyết định");

        HttpResponse<String> outside = province.postJsonBasic(base + "/proposals",
                "{\"proposals\":[{\"ratingId\":" + first + ",\"level\":\"QUALIFIED_GOOD\"}]}", provinceUser, PASSWORD);
        assertThat(outside.statusCode()).isBetween(400, 422);
        assertThat(outside.body()).contains("không thuộc");
        assertThat(province.getBasic("/api/v1/rating-schemes", provinceUser, PASSWORD).body()).contains("QD366_2025", "Quy định số 366-QĐ/TW");
    }

    @Test
    void shouldAddALeaderFoundOnTheRollToBeDecidedByTheSuperiorCommittee() {
        long campaign = openByPage();
        String page = "/evaluations/" + campaign + "/units/" + tree.id("X1");
        HttpResponse<String> added = province.postForm(page, page + "/leaders", Map.of("who", "Lê Văn C", "position", "Bí thư Đảng ủy xã"));
        assertThat(added.statusCode()).isEqualTo(302);
        RatingRow leader = evaluations.ratings(campaign, tree.id("X1"), SubjectKind.LEADER).getFirst();
        assertThat(leader.subjectName()).isEqualTo("Lê Văn C");
        assertThat(leader.position()).isEqualTo("Bí thư Đảng ủy xã");
        assertThat(leader.deciderId()).isEqualTo(tree.id("D1"));
        HttpResponse<String> unknown = province.postForm(page, page + "/leaders", Map.of("who", "Không Có Ai", "position", "Phó Bí thư"));
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(unknown.body()).contains("Không tìm thấy đảng viên");
        assertThat(evaluations.ratings(campaign, tree.id("X1"), SubjectKind.LEADER)).hasSize(1);

        // the commune's own self-rating, proposed to the district committee
        RatingRow commune = evaluations.ratings(campaign, tree.id("X1"), SubjectKind.ORGANISATION).stream()
                .filter(r -> r.unitId() == tree.id("X1")).findFirst().orElseThrow();
        String ratingPage = "/ratings/" + commune.id();
        assertThat(province.get(ratingPage).body()).contains("Tự đánh giá, xếp loại của tổ chức");
        assertThat(province.postForm(ratingPage, ratingPage + "/self", Map.of("level", "GOOD")).statusCode()).isEqualTo(302);
        assertThat(evaluations.rating(commune.id()).orElseThrow().selfLevel()).isEqualTo(RatingLevel.GOOD);
        HttpResponse<String> outside = province.postForm(ratingPage, ratingPage + "/self", Map.of("level", "CLEAN_STRONG"));
        assertThat(outside.statusCode()).isEqualTo(200);
        assertThat(outside.body()).contains("không thuộc");
    }

    @Test
    void shouldEnterACampaignOpenedInsideTheSubtreeFromTheAncestorsPage() {
        long campaign = evaluations.apply(new vn.tcxd.evaluations.EvaluationAct.OpenCampaign(tree.id("X1"),
                vn.tcxd.evaluations.Period.year(2024)));
        String listed = province.get("/units/" + tree.id("P") + "/evaluations").body();
        String link = "/evaluations/" + campaign + "/units/" + tree.id("X1");
        assertThat(listed).contains("href=\"" + link + "\"");
        assertThat(province.get(link).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldShowNothingOfTheReviewToAnotherProvince() {
        long campaign = openByPage();
        long rating = cellRatings(campaign).getFirst().id();
        assertThat(other.get("/evaluations/" + campaign + "/units/" + tree.id("P")).statusCode()).isEqualTo(404);
        assertThat(other.get("/evaluations/" + campaign + "/decide/" + tree.id("X1")).statusCode()).isEqualTo(404);
        assertThat(other.get("/ratings/" + rating).statusCode()).isEqualTo(404);
        assertThat(other.get("/units/" + tree.id("P") + "/evaluations").statusCode()).isEqualTo(404);
        HttpResponse<String> api = other.getBasic("/api/v1/evaluations/" + campaign + "/units/" + tree.id("P") + "/ratings", otherUser, PASSWORD);
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.body()).doesNotContain("Lê Văn");
        // nor through a campaign of its own province with a foreign rating id
        HttpResponse<String> foreign = other.postJsonBasic("/api/v1/evaluations/" + campaign + "/proposals",
                "{\"proposals\":[{\"ratingId\":" + rating + ",\"level\":\"GOOD\"}]}", otherUser, PASSWORD);
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(evaluations.rating(rating).orElseThrow().status()).isEqualTo(RatingStatus.PENDING);
    }
}
