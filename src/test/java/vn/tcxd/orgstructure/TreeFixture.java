package vn.tcxd.orgstructure;

import vn.tcxd.orgstructure.Reorganisation.Establish;
import vn.tcxd.orgstructure.Reorganisation.NewUnit;
import vn.tcxd.shared.DecisionRef;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Object mother for small named trees. Every fixture gets its own code prefix, so tests share the
 * database without seeing each other. The standard tree, established 2015-01-01:
 * <pre>
 * P  province
 * ├── D1  district (UPPER_GRASSROOTS)
 * │   ├── X1  commune committee (GRASSROOTS_COMMITTEE)
 * │   │   ├── X1C1, X1C2  cells
 * │   │   └── X1B  partial committee
 * │   │       └── X1BC1  cell
 * │   └── S1  school (GRASSROOTS_CELL)
 * │       └── S1G1  party group
 * └── D2  district
 *     └── X2  commune committee
 *         └── X2C1  cell
 * Q  decoy province (must never match)
 * └── QD  district
 *     └── QX  commune committee
 * </pre>
 */
public final class TreeFixture {

    public static final LocalDate FOUNDED = LocalDate.of(2015, 1, 1);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final OrgStructure org;
    private final String prefix;
    private final Map<String, Long> ids = new HashMap<>();

    private TreeFixture(OrgStructure org) {
        this.org = org;
        this.prefix = "T" + ProcessHandle.current().pid() % 10000 + "N" + SEQUENCE.incrementAndGet();
    }

    public static TreeFixture standard(OrgStructure org) {
        TreeFixture f = new TreeFixture(org);
        f.add("P", "Đảng bộ tỉnh Thử Nghiệm", UnitType.PROVINCIAL, null);
        f.add("D1", "Huyện ủy Sông Cầu", UnitType.UPPER_GRASSROOTS, "P");
        f.add("X1", "Đảng bộ xã Tân Lập", UnitType.GRASSROOTS_COMMITTEE, "D1");
        f.add("X1C1", "Chi bộ thôn Đông", UnitType.CELL, "X1");
        f.add("X1C2", "Chi bộ thôn Đoài", UnitType.CELL, "X1");
        f.add("X1B", "Đảng bộ bộ phận khu Bắc", UnitType.PARTIAL_COMMITTEE, "X1");
        f.add("X1BC1", "Chi bộ xóm Bắc", UnitType.CELL, "X1B");
        f.add("S1", "Chi bộ Trường THPT Sông Cầu", UnitType.GRASSROOTS_CELL, "D1");
        f.add("S1G1", "Tổ đảng khối 10", UnitType.PARTY_GROUP, "S1");
        f.add("D2", "Huyện ủy Đồng Văn", UnitType.UPPER_GRASSROOTS, "P");
        f.add("X2", "Đảng bộ xã Đồng Tâm", UnitType.GRASSROOTS_COMMITTEE, "D2");
        f.add("X2C1", "Chi bộ thôn Trung", UnitType.CELL, "X2");
        f.add("Q", "Đảng bộ tỉnh Mồi Nhử", UnitType.PROVINCIAL, null);
        f.add("QD", "Huyện ủy Mồi", UnitType.UPPER_GRASSROOTS, "Q");
        f.add("QX", "Đảng bộ xã Mồi", UnitType.GRASSROOTS_COMMITTEE, "QD");
        return f;
    }

    private void add(String key, String name, UnitType type, String parentKey) {
        long id = org.apply(new Establish(new NewUnit(code(key), name + " " + prefix, null, type,
                parentKey == null ? null : id(parentKey), null), FOUNDED, decision(FOUNDED)));
        ids.put(key, id);
    }

    public long id(String key) {
        Long id = ids.get(key);
        if (id == null) {
            throw new IllegalArgumentException(key);
        }
        return id;
    }

    public String code(String key) {
        return prefix + "." + key;
    }

    public String prefix() {
        return prefix;
    }

    public static DecisionRef decision(LocalDate date) {
        return new DecisionRef(date.getDayOfYear() + "-QĐ/TU", date, "Ban Thường vụ Tỉnh ủy");
    }
}
