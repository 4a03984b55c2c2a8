package vn.tcxd.orgstructure;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.tcxd.IntegrationTest;
import vn.tcxd.shared.scope.AccessScope;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Scope questions asked for many units at once answer as the one-unit question does for each. */
@IntegrationTest
class OrgScopeTests {

    @Autowired
    OrgStructure org;

    @Autowired
    OrgScope scope;

    TreeFixture tree;

    @BeforeEach
    void buildTree() {
        tree = TreeFixture.standard(org);
    }

    @Test
    @DisplayName("Một lần hỏi cho nhiều đơn vị: đọc được đúng những đơn vị mà từng câu hỏi riêng cho phép")
    void shouldJudgeManyUnitsAsEachAlone() {
        List<Long> units = List.of(tree.id("P"), tree.id("D1"), tree.id("X1C1"), tree.id("D2"), tree.id("Q"), tree.id("QX"),
                -1L);
        AccessScope district = new AccessScope("huyen", false, Set.of(tree.id("D1")), Set.of(), Set.of());
        AccessScope twoProvinces = new AccessScope("hai-tinh", false, Set.of(tree.id("Q")), Set.of(tree.id("D2")), Set.of());

        assertThat(scope.readable(district, units)).containsExactlyInAnyOrder(tree.id("D1"), tree.id("X1C1"));
        assertThat(scope.readable(twoProvinces, units)).containsExactlyInAnyOrder(tree.id("D2"), tree.id("Q"), tree.id("QX"));
        assertThat(scope.readable(AccessScope.system("he-thong"), units)).hasSize(units.size() - 1);
        assertThat(scope.readable(AccessScope.none("khong"), units)).isEmpty();
        for (AccessScope s : List.of(district, twoProvinces)) {
            Set<Long> readable = scope.readable(s, units);
            units.forEach(u -> assertThat(readable.contains(u)).as("unit %d for %s", u, s.username())
                    .isEqualTo(scope.canRead(s, u)));
        }
    }
}
