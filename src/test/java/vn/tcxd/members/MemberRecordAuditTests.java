package vn.tcxd.members;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.tcxd.IntegrationTest;
import vn.tcxd.members.MemberAct.Admit;
import vn.tcxd.members.MemberAct.UpdateRecord;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.TreeFixture;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tcxd.members.MemberMother.decision;

/**
 * The audit of an edit of the record sheet names every changed field with its value before and after,
 * and nothing that did not change.
 */
@IntegrationTest
class MemberRecordAuditTests {

    static final LocalDate ADMITTED = LocalDate.of(2020, 3, 2);

    @Autowired
    Members members;
    @Autowired
    OrgStructure org;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    @Test
    void shouldAuditPhoneResidenceBirthplaceOccupationAndEducationWithTheirBeforeAndAfter() {
        TreeFixture tree = TreeFixture.standard(org);
        MemberRecord was = MemberMother.anAn();
        long id = members.apply(new Admit(was, tree.id("X1C1"), ADMITTED, decision("301-QĐ/HU", ADMITTED)));
        MemberRecord is = new MemberRecord(was.fullName(), was.otherNames(), was.gender(), was.birthDate(),
                "Phường Hạc Thành, tỉnh Thanh Hóa", was.hometown(), was.ethnicity(), was.religion(), was.citizenId(),
                was.cardNumber(), was.historyNumber(), "Số 5 đường Lê Lợi", "0987654321", "CONG_NHAN", "THCS",
                was.professional(), was.academicTitle(), was.theory(), was.stateManagement());

        members.apply(new UpdateRecord(id, is, decision("302-QĐ/HU", ADMITTED.plusDays(3))));

        Map<String, Object> entry = jdbc.queryForMap("""
                select before_state::text as before, after_state::text as after from security.audit_entry
                where entity_type = 'member' and entity_id = ? and action = 'members.RECORD_UPDATED'
                order by id desc limit 1""", Long.toString(id));
        JsonNode before = json.readTree((String) entry.get("before"));
        JsonNode after = json.readTree((String) entry.get("after"));
        assertThat(before.get("phone").asString()).isEqualTo("0912345678");
        assertThat(after.get("phone").asString()).isEqualTo("0987654321");
        assertThat(before.get("residence").asString()).isEqualTo("Thôn Đông, xã Tân Lập");
        assertThat(after.get("residence").asString()).isEqualTo("Số 5 đường Lê Lợi");
        assertThat(before.get("birthPlace").asString()).isEqualTo("Xã Tân Lập, huyện Sông Cầu");
        assertThat(after.get("birthPlace").asString()).isEqualTo("Phường Hạc Thành, tỉnh Thanh Hóa");
        assertThat(before.get("occupation").asString()).isEqualTo("NONG_DAN");
        assertThat(after.get("occupation").asString()).isEqualTo("CONG_NHAN");
        assertThat(before.get("education").asString()).isEqualTo("THPT");
        assertThat(after.get("education").asString()).isEqualTo("THCS");
        // unchanged fields are not repeated as if they had changed
        assertThat(before.has("fullName")).isFalse();
        assertThat(after.has("fullName")).isFalse();
    }
}
