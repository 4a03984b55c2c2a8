package vn.tcxd.members;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.tcxd.IntegrationTest;
import vn.tcxd.members.MemberAct.Admit;
import vn.tcxd.members.MemberAct.UpdateRecord;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.TreeFixture;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tcxd.members.MemberMother.decision;

/**
 * Search by name: the folded query must occur in the folded name from the start of a word
 * (docs/performance.md, "Members"), within the scope, in Vietnamese order (by given name).
 */
@IntegrationTest
class MemberSearchTests {

    static final LocalDate ADMITTED = LocalDate.of(2020, 3, 2);

    @Autowired
    Members members;

    @Autowired
    OrgStructure org;

    TreeFixture tree;

    @BeforeEach
    void buildTree() {
        tree = TreeFixture.standard(org);
    }

    private long admit(String fullName, String otherNames, long cellId) {
        MemberRecord r = MemberMother.record(fullName, Gender.MALE, LocalDate.of(1990, 1, 1));
        MemberRecord record = new MemberRecord(r.fullName(), otherNames, r.gender(), r.birthDate(), r.birthPlace(),
                r.hometown(), r.ethnicity(), r.religion(), r.citizenId(), r.cardNumber(), r.historyNumber(), r.residence(),
                r.phone(), r.occupation(), r.education(), r.professional(), r.academicTitle(), r.theory(),
                r.stateManagement());
        return members.apply(new Admit(record, cellId, ADMITTED, decision("1-QĐ/HU", ADMITTED)));
    }

    private List<String> names(String query) {
        return members.search(query, List.of(tree.id("P")), ADMITTED, 50).stream().map(MemberSummary::fullName).toList();
    }

    @Test
    void shouldFindAWordStartAnywhereInTheNameInVietnameseOrder() {
        admit("Trần Văn Anh", null, tree.id("X1C1"));
        admit("Nguyễn Văn An", null, tree.id("X1C1"));
        admit("Đoàn Văn Xuân", null, tree.id("X1C1"));
        admit("Nguyễn Văn An", null, tree.id("X2C1"));
        admit("Nguyễn Văn An", null, TreeFixture.standard(org).id("X1C1")); // another province: out of scope

        assertThat(names("van an")).containsExactly("Nguyễn Văn An", "Nguyễn Văn An", "Trần Văn Anh");
        assertThat(names("Văn Án")).containsExactly("Nguyễn Văn An", "Nguyễn Văn An", "Trần Văn Anh");
        assertThat(names("doan van")).containsExactly("Đoàn Văn Xuân");
        // "oan van" is inside "doan van xuan" but not at the start of a word
        assertThat(names("oan van")).isEmpty();
        assertThat(names("an")).containsExactly("Nguyễn Văn An", "Nguyễn Văn An", "Trần Văn Anh");
    }

    @Test
    void shouldFindOtherNamesAndListAMemberOnce() {
        long id = admit("Lê Thị Hương", "Hương Lê", tree.id("X1C1"));
        assertThat(members.search("le", List.of(tree.id("P")), ADMITTED, 50)).extracting(MemberSummary::id)
                .containsExactly(id);
        assertThat(names("huong le")).containsExactly("Lê Thị Hương");
    }

    @Test
    void shouldFollowAChangeOfName() {
        long id = admit("Phạm Văn Lợi", null, tree.id("X1C1"));
        MemberRecord before = members.member(id, ADMITTED).orElseThrow().record();
        MemberRecord renamed = new MemberRecord("Phạm Văn Lộc", before.otherNames(), before.gender(), before.birthDate(),
                before.birthPlace(), before.hometown(), before.ethnicity(), before.religion(), before.citizenId(),
                before.cardNumber(), before.historyNumber(), before.residence(), before.phone(), before.occupation(),
                before.education(), before.professional(), before.academicTitle(), before.theory(),
                before.stateManagement());
        members.apply(new UpdateRecord(id, renamed, decision("2-QĐ/HU", ADMITTED.plusDays(1))));

        assertThat(names("pham van loi")).isEmpty();
        assertThat(names("pham van loc")).containsExactly("Phạm Văn Lộc");
    }
}
