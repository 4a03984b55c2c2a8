package vn.tcxd.demo;

import vn.tcxd.demo.DemoStep.Unit;
import vn.tcxd.orgstructure.AdministrativeArea;
import vn.tcxd.orgstructure.UnitType;
import vn.tcxd.shared.DecisionRef;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static vn.tcxd.orgstructure.UnitType.CELL;
import static vn.tcxd.orgstructure.UnitType.GRASSROOTS_CELL;
import static vn.tcxd.orgstructure.UnitType.GRASSROOTS_COMMITTEE;
import static vn.tcxd.orgstructure.UnitType.PARTIAL_COMMITTEE;
import static vn.tcxd.orgstructure.UnitType.PROVINCIAL;
import static vn.tcxd.orgstructure.UnitType.UPPER_GRASSROOTS;

/**
 * The demo tree as an ordered list of reorganisations, generated from a fixed seed so the figures
 * never change. Lam Sơn as at 10/11/2021 matches seed 004: 15 organisations directly under the
 * province (2 of them grassroots), 686 TCCSĐ (259 đảng bộ cơ sở, 427 chi bộ cơ sở), 13 đảng bộ bộ
 * phận and 2,538 chi bộ trực thuộc. Units that ended before then (communes merged in 2020, villages
 * merged in 2019) are extra and do not disturb those figures.
 */
final class DemoPlan {

    static final LocalDate FOUNDED = LocalDate.of(1976, 1, 1);
    static final LocalDate MERGERS_2019 = LocalDate.of(2019, 7, 1);
    static final LocalDate COMMUNES_2020 = LocalDate.of(2020, 1, 1);
    static final LocalDate TYPE_CHANGES_2016 = LocalDate.of(2016, 3, 1);
    static final LocalDate TOWN_TO_CITY_2018 = LocalDate.of(2018, 4, 1);
    static final LocalDate BLOCS_2025 = LocalDate.of(2025, 2, 1);
    static final LocalDate TWO_LEVEL_2025 = LocalDate.of(2025, 7, 1);

    static final int LS_CELLS_2021 = 2538;

    private static final List<String> FIRST = List.of("Tân", "Phú", "An", "Bình", "Hòa", "Thạch", "Vĩnh", "Xuân",
            "Đông", "Quảng", "Thanh", "Minh", "Hưng", "Đức", "Yên", "Mỹ", "Gia", "Cẩm", "Hoàng", "Kim", "Ngọc",
            "Long", "Hải", "Trung", "Thái", "Nghĩa", "Phúc", "Tiên", "Lạc", "Hợp", "Định", "Liên", "Đại", "Quang",
            "Vạn", "Hồng", "Tam", "Cao");
    private static final List<String> SECOND = List.of("Phong", "Lộc", "Thịnh", "Sơn", "Lâm", "Tiến", "Thành", "Hòa",
            "Phú", "Hưng", "Yên", "Khê", "Bình", "An", "Long", "Trung", "Hải", "Xuân", "Lợi", "Phúc", "Thủy", "Minh",
            "Đồng", "Giang", "Hà", "Tân", "Cường", "Thắng", "Lập", "Châu", "Quý", "Vinh", "Đạt", "Nghĩa", "Hợp", "Mỹ",
            "Tường", "Điền", "Tâm", "Kiên");
    private static final List<String> VILLAGE_FIRST = List.of("Đông", "Tây", "Nam", "Bắc", "Thượng", "Hạ", "Trung",
            "Tân", "Phú", "Yên", "Đồng", "Bãi", "Hậu", "Tiền", "Văn", "Cổ");
    private static final List<String> HIGHLAND_FIRST = List.of("Pá", "Na", "Huổi", "Nà", "Co", "Phiêng", "Khe", "Bó",
            "Lũng", "Hua");
    private static final List<String> HIGHLAND_SECOND = List.of("Sàng", "Mòn", "Lót", "Hẹ", "Chà", "Pục", "Lầu",
            "Khoang", "Tong", "Cáy", "Mường", "Đon", "Pan", "Ún");

    private final Random random = new Random(20211110L);
    private final List<DemoStep> steps = new ArrayList<>();
    private final Map<String, Integer> decisionCounters = new HashMap<>();
    private final Set<String> usedPlaceNames = new HashSet<>();

    private DemoPlan() {
    }

    /** All steps, oldest first; steps of the same day keep the order they were planned in. */
    static List<DemoStep> build() {
        DemoPlan plan = new DemoPlan();
        plan.centre();
        plan.lamSon();
        plan.hoaGiang();
        List<DemoStep> sorted = new ArrayList<>(plan.steps);
        sorted.sort(Comparator.comparing(DemoStep::on));
        return List.copyOf(sorted);
    }

    // ---- the Centre ----------------------------------------------------------------------------

    private void centre() {
        LocalDate founding = LocalDate.of(1930, 2, 3);
        establish(new Unit("TW", "Trung ương", "Trung ương Đảng", UnitType.CENTRAL, null, AdministrativeArea.NONE),
                founding, new DecisionRef("Hội nghị hợp nhất các tổ chức cộng sản", founding,
                        "Hội nghị hợp nhất các tổ chức cộng sản Việt Nam"));
    }

    // ---- Lam Sơn -------------------------------------------------------------------------------

    private record DistrictSpec(String code, String kind, String name, int wards, int communes, boolean highland) {
    }

    /** A district and what the plan knows about it as at 2021. */
    private final class District {
        final String province;
        final String provinceCode;
        final DistrictSpec spec;
        final String code;
        String shortName;
        final List<Commune> communes = new ArrayList<>();
        final List<String> seatOrganisations = new ArrayList<>();
        final List<String> dissolvedIn2025 = new ArrayList<>();
        final List<String> militaryIn2025 = new ArrayList<>();
        int nextCommuneNumber;

        District(String province, String provinceCode, DistrictSpec spec) {
            this.province = province;
            this.provinceCode = provinceCode;
            this.spec = spec;
            this.code = provinceCode + "." + spec.code();
            this.shortName = switch (spec.kind()) {
                case "thành phố" -> "Thành ủy " + spec.name();
                case "thị xã" -> "Thị ủy " + spec.name();
                default -> "Huyện ủy " + spec.name();
            };
        }

        String fullName() {
            return spec.kind() + " " + spec.name();
        }

        String body() {
            return "Ban Thường vụ " + shortName;
        }

        String suffix() {
            return spec.kind().equals("huyện") ? "QĐ/HU" : "QĐ/TU";
        }

        boolean urban() {
            return !spec.kind().equals("huyện");
        }

        String nextCommuneCode() {
            return code + ".X" + two(++nextCommuneNumber);
        }
    }

    private enum History { NORMAL, ABSORBED_ANOTHER, CONSOLIDATED }

    /** A commune-level party committee (đảng bộ xã, phường, thị trấn) as at 2021. */
    private static final class Commune {
        String code;
        String kind;
        String name;
        History history = History.NORMAL;
        int villages;
        int schools;

        String fullName() {
            return kind + " " + name;
        }
    }

    private void lamSon() {
        String province = "Lam Sơn";
        LocalDate decided = LocalDate.of(1975, 12, 20);
        establish(new Unit("LS", "Đảng bộ tỉnh Lam Sơn", "Tỉnh ủy Lam Sơn", PROVINCIAL, "TW",
                new AdministrativeArea(province, null, null)), FOUNDED, new DecisionRef("245-QĐ/TW", decided, "Bộ Chính trị"));

        List<DistrictSpec> specs = List.of(
                new DistrictSpec("H01", "thành phố", "Lam Thành", 12, 6, false),
                new DistrictSpec("H02", "thị xã", "Bến Ngự", 8, 4, false),
                new DistrictSpec("H03", "thị xã", "Hoài Châu", 6, 4, false),
                new DistrictSpec("H04", "huyện", "Đông Lâm", 1, 16, false),
                new DistrictSpec("H05", "huyện", "Yên Hà", 1, 15, false),
                new DistrictSpec("H06", "huyện", "Thạch Lĩnh", 1, 14, false),
                new DistrictSpec("H07", "huyện", "Phú Lạc", 1, 14, false),
                new DistrictSpec("H08", "huyện", "Mường Khê", 1, 13, true),
                new DistrictSpec("H09", "huyện", "Cẩm Giang", 1, 16, false),
                new DistrictSpec("H10", "huyện", "Hải Triều", 1, 15, false));
        specs.forEach(s -> usedPlaceNames.add(s.name()));
        List<District> districts = new ArrayList<>();
        for (DistrictSpec spec : specs) {
            District district = new District(province, "LS", spec);
            for (int i = 0; i < spec.wards() + spec.communes(); i++) {
                Commune commune = new Commune();
                commune.code = district.nextCommuneCode();
                commune.kind = i < spec.wards() ? (district.urban() ? "phường" : "thị trấn") : "xã";
                commune.name = i == 0 && !district.urban() ? spec.name() : placeName();
                district.communes.add(commune);
            }
            districts.add(district);
        }
        // the 2019–2020 commune mergers: two consolidations into a new commune, one absorption, per district listed
        for (String d : List.of("H05", "H06", "H07", "H09")) {
            pickRural(districts, d).history = History.CONSOLIDATED;
        }
        for (String d : List.of("H04", "H10")) {
            pickRural(districts, d).history = History.ABSORBED_ANOTHER;
        }

        // chi bộ cơ sở trường học: 214 of the 427 chi bộ cơ sở, one or two per commune with a normal history
        List<Commune> normal = districts.stream().flatMap(d -> d.communes.stream())
                .filter(c -> c.history == History.NORMAL).toList();
        normal.forEach(c -> c.schools = 1);
        int extraSchools = 214 - normal.size();
        List<Commune> shuffled = new ArrayList<>(normal);
        java.util.Collections.shuffle(shuffled, random);
        shuffled.subList(0, extraSchools).forEach(c -> c.schools = 2);

        // village cells take whatever chi bộ trực thuộc the other organisations leave of the 2,538
        List<Commune> all = districts.stream().flatMap(d -> d.communes.stream()).toList();
        all.forEach(c -> c.villages = 6 + random.nextInt(9));
        int otherCells = 0;
        // cells of the non-commune organisations are drawn first so the village total can absorb the rest
        int[] blocCells = new int[30 + 22 + 15];
        for (int i = 0; i < blocCells.length; i++) {
            blocCells[i] = 3 + random.nextInt(5);
            otherCells += blocCells[i];
        }
        int districtCells = specs.size() * (7 + 3 + 4 + 3);
        int policeCells = 12 + 10 * 4;
        int borderCells = 5 + 2 * 3;
        int cementPartialCells = 3;
        otherCells += districtCells + policeCells + borderCells + cementPartialCells;
        int villagesNeeded = LS_CELLS_2021 - otherCells - all.size() * 3;
        int villages = all.stream().mapToInt(c -> c.villages).sum();
        while (villages != villagesNeeded) {
            Commune c = all.get(random.nextInt(all.size()));
            if (villages < villagesNeeded && c.villages < 20) {
                c.villages++;
                villages++;
            } else if (villages > villagesNeeded && c.villages > 5) {
                c.villages--;
                villages--;
            }
        }

        for (District district : districts) {
            district(district, true);
        }
        blocs(blocCells);
        police();
        borderGuard();
        blocReorganisation2025();
        for (District district : districts) {
            twoLevel2025(district, "Tỉnh ủy Lam Sơn");
        }
    }

    private Commune pickRural(List<District> districts, String code) {
        District district = districts.stream().filter(d -> d.spec.code().equals(code)).findFirst().orElseThrow();
        return district.communes.get(3 + random.nextInt(district.communes.size() - 4));
    }

    // ---- a district and its communes -------------------------------------------------------------

    private void district(District d, boolean full) {
        districtOrganisations(d, full);
        if (d.spec.code().equals("H02") && d.provinceCode.equals("LS")) {
            // thị xã Bến Ngự became a provincial city (thành phố thuộc tỉnh) in 2018
            rename(d.code, "Đảng bộ thành phố " + d.spec.name(), "Thành ủy " + d.spec.name(), TOWN_TO_CITY_2018,
                    decision("QĐ/TU", "Ban Thường vụ Tỉnh ủy " + d.province, TOWN_TO_CITY_2018));
            d.shortName = "Thành ủy " + d.spec.name();
        }
    }

    private void districtOrganisations(District d, boolean full) {
        String province = d.province;
        String provinceBody = "Ban Thường vụ Tỉnh ủy " + province;
        establish(new Unit(d.code, "Đảng bộ " + d.fullName(), d.shortName, UPPER_GRASSROOTS, d.provinceCode,
                new AdministrativeArea(province, null, null)), FOUNDED, decision("QĐ/TU", provinceBody, FOUNDED));
        for (Commune commune : d.communes) {
            commune(d, commune, full);
        }
        if (!full) {
            for (int i = 0; i < 2; i++) {
                Commune c = d.communes.get(i);
                String school = (i == 0 ? "Trường Tiểu học " : "Trường Trung học cơ sở ") + c.name;
                String code = d.code + (i == 0 ? ".TH" : ".CS") + c.code.substring(c.code.lastIndexOf('X') + 1);
                establish(new Unit(code, "Chi bộ " + school, null, GRASSROOTS_CELL, d.code,
                        new AdministrativeArea(province, c.fullName(), null)), FOUNDED, decision(d.suffix(), d.body(), FOUNDED));
                d.seatOrganisations.add(code);
            }
            return;
        }
        String area = "huyện".equals(d.spec.kind()) ? "huyện" : d.spec.kind();
        AdministrativeArea seat = new AdministrativeArea(province, d.communes.getFirst().fullName(), null);
        String party = d.shortName.substring(0, d.shortName.indexOf(' ', d.shortName.indexOf(' ') + 1));
        grassrootsCommittee(d, d.code + ".UB", "Đảng bộ Cơ quan Ủy ban nhân dân " + area + " " + d.spec.name(), seat,
                List.of("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân", "Phòng Tài chính – Kế hoạch",
                        d.urban() ? "Phòng Kinh tế" : "Phòng Nông nghiệp và Phát triển nông thôn",
                        "Phòng Giáo dục và Đào tạo", "Phòng Tài nguyên và Môi trường",
                        "Phòng Lao động – Thương binh và Xã hội", "Phòng Văn hóa và Thông tin"), d.dissolvedIn2025);
        grassrootsCommittee(d, d.code + ".QS", "Đảng bộ Quân sự " + d.fullName(), seat,
                List.of("Cơ quan Chỉ huy", "Tham mưu – Hậu cần", "Trung đội Dân quân thường trực"), d.militaryIn2025);
        grassrootsCommittee(d, d.code + ".YT", "Đảng bộ Trung tâm Y tế " + d.fullName(), seat,
                List.of("Khối Hành chính", "Khoa Nội – Nhi", "Khoa Ngoại – Sản", "Khoa Kiểm soát bệnh tật"),
                d.seatOrganisations);
        grassrootsCommittee(d, d.code + ".PT", "Đảng bộ Trường Trung học phổ thông " + d.spec.name(), seat,
                List.of("Tổ Khoa học tự nhiên", "Tổ Khoa học xã hội", "Tổ Hành chính – Văn phòng"), d.seatOrganisations);
        String[][] partyCells = {{"VP", "Văn phòng "}, {"TC", "Ban Tổ chức "}, {"KT", "Ủy ban Kiểm tra "},
                {"TG", "Ban Tuyên giáo "}, {"DV", "Ban Dân vận "}};
        for (String[] cell : partyCells) {
            String code = d.code + "." + cell[0];
            establish(new Unit(code, "Chi bộ " + cell[1] + party + " " + d.spec.name(), null, GRASSROOTS_CELL, d.code, seat),
                    FOUNDED, decision(d.suffix(), d.body(), FOUNDED));
            d.dissolvedIn2025.add(code);
        }
        String[][] agencyCells = {{"CT", "Chi cục Thuế "}, {"KB", "Kho bạc Nhà nước "}, {"NH", "Phòng giao dịch Ngân hàng Chính sách xã hội "},
                {"BH", "Bảo hiểm xã hội "}, {"TA", "Tòa án nhân dân "}, {"VKS", "Viện Kiểm sát nhân dân "},
                {"THA", "Chi cục Thi hành án dân sự "}, {"MT", "Ủy ban Mặt trận Tổ quốc và các đoàn thể "}};
        for (String[] cell : agencyCells) {
            String code = d.code + "." + cell[0];
            establish(new Unit(code, "Chi bộ " + cell[1] + d.fullName(), null, GRASSROOTS_CELL, d.code, seat),
                    FOUNDED, decision(d.suffix(), d.body(), FOUNDED));
            d.seatOrganisations.add(code);
        }
        for (Commune c : d.communes) {
            String number = c.code.substring(c.code.lastIndexOf('X') + 1);
            String[][] kinds = {{"TH", "Trường Tiểu học "}, {"CS", "Trường Trung học cơ sở "}};
            for (int i = 0; i < c.schools; i++) {
                String code = d.code + "." + kinds[i][0] + number;
                LocalDate on = random.nextInt(10) == 0 ? later() : FOUNDED;
                establish(new Unit(code, "Chi bộ " + kinds[i][1] + c.name, null, GRASSROOTS_CELL, d.code,
                        new AdministrativeArea(province, c.fullName(), null)), on, decision(d.suffix(), d.body(), on));
                schoolsByCommune.computeIfAbsent(c.code, k -> new ArrayList<>()).add(code);
            }
        }
    }

    private final Map<String, List<String>> schoolsByCommune = new HashMap<>();

    private void grassrootsCommittee(District d, String code, String name, AdministrativeArea area, List<String> cells,
                                     List<String> fate) {
        establish(new Unit(code, name, null, GRASSROOTS_COMMITTEE, d.code, area), FOUNDED,
                decision(d.suffix(), d.body(), FOUNDED));
        String body = "Đảng ủy " + name.substring("Đảng bộ ".length());
        for (int i = 0; i < cells.size(); i++) {
            establish(new Unit(code + ".C" + two(i + 1), "Chi bộ " + cells.get(i), null, CELL, code, area), FOUNDED,
                    decision("QĐ/ĐU", body, FOUNDED));
        }
        fate.add(code);
    }

    private void commune(District d, Commune c, boolean full) {
        switch (c.history) {
            case NORMAL -> {
                communeCommittee(d, c.code, c.kind, c.name, FOUNDED);
                communeCells(d, c.code, c.kind, c.name, c.villages, full, true);
            }
            case ABSORBED_ANOTHER -> {
                // thôn, xóm of the absorbed commune become part of this one; its own cells merge into ours
                int absorbedVillages = Math.max(2, c.villages / 3);
                communeCommittee(d, c.code, c.kind, c.name, FOUNDED);
                communeCells(d, c.code, c.kind, c.name, c.villages - absorbedVillages, full, false);
                String absorbed = d.nextCommuneCode();
                String absorbedName = placeName();
                communeCommittee(d, absorbed, "xã", absorbedName, FOUNDED);
                communeCells(d, absorbed, "xã", absorbedName, absorbedVillages, full, false);
                DecisionRef decision = decision("QĐ/TU", "Ban Thường vụ Tỉnh ủy " + d.province, COMMUNES_2020);
                steps.add(new DemoStep.Merge(absorbed, c.code, COMMUNES_2020, decision));
                mergeAgencyCells(absorbed, c.code, full, decision);
            }
            case CONSOLIDATED -> {
                String first = c.code;
                String firstName = c.name;
                String second = d.nextCommuneCode();
                String secondName = placeName();
                int firstVillages = c.villages / 2;
                communeCommittee(d, first, "xã", firstName, FOUNDED);
                communeCells(d, first, "xã", firstName, firstVillages, full, false);
                communeCommittee(d, second, "xã", secondName, FOUNDED);
                communeCells(d, second, "xã", secondName, c.villages - firstVillages, full, false);
                c.code = d.nextCommuneCode();
                c.name = combinedName(firstName, secondName);
                DecisionRef decision = decision("QĐ/TU", "Ban Thường vụ Tỉnh ủy " + d.province, COMMUNES_2020);
                steps.add(new DemoStep.Consolidate(List.of(first, second),
                        new Unit(c.code, "Đảng bộ xã " + c.name, "Đảng ủy xã " + c.name, GRASSROOTS_COMMITTEE, d.code,
                                new AdministrativeArea(d.province, "xã " + c.name, null)), COMMUNES_2020, decision));
                mergeAgencyCells(second, first, full, decision);
            }
        }
    }

    private void mergeAgencyCells(String fromCommune, String intoCommune, boolean full, DecisionRef decision) {
        for (String suffix : full ? List.of(".CQ", ".QS", ".CA") : List.of(".CQ")) {
            steps.add(new DemoStep.Merge(fromCommune + suffix, intoCommune + suffix, COMMUNES_2020, decision));
        }
    }

    private void communeCommittee(District d, String code, String kind, String name, LocalDate on) {
        String title = kind + " " + name;
        establish(new Unit(code, "Đảng bộ " + title, "Đảng ủy " + title, GRASSROOTS_COMMITTEE, d.code,
                new AdministrativeArea(d.province, title, null)), on, decision(d.suffix(), d.body(), on));
    }

    private void communeCells(District d, String code, String kind, String name, int villages, boolean full,
                              boolean mayChange) {
        String title = kind + " " + name;
        String body = "Đảng ủy " + title;
        AdministrativeArea area = new AdministrativeArea(d.province, title, null);
        establish(new Unit(code + ".CQ", "Chi bộ Cơ quan " + title, null, CELL, code, area), FOUNDED,
                decision("QĐ/ĐU", body, FOUNDED));
        if (full) {
            establish(new Unit(code + ".QS", "Chi bộ Quân sự " + title, null, CELL, code, area), FOUNDED,
                    decision("QĐ/ĐU", body, FOUNDED));
            establish(new Unit(code + ".CA", "Chi bộ Công an " + title, null, CELL, code, area), FOUNDED,
                    decision("QĐ/ĐU", body, FOUNDED));
        }
        List<String> names = villageNames(kind, villages + 1, d.spec.highland());
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < villages; i++) {
            String cellCode = code + ".C" + two(i + 1);
            // new residential groups in towns got their cells later
            LocalDate on = mayChange && !kind.equals("xã") && random.nextInt(8) == 0 ? later() : FOUNDED;
            if (mayChange && on.equals(FOUNDED) && random.nextInt(25) == 0) {
                on = later();  // a village cell set up once the village had three full members
            }
            establish(new Unit(cellCode, "Chi bộ " + names.get(i), null, CELL, code,
                    new AdministrativeArea(d.province, title, names.get(i))), on, decision("QĐ/ĐU", body, on));
            if (on.equals(FOUNDED)) {
                codes.add(cellCode);
            }
        }
        if (mayChange && full && codes.size() >= 2 && random.nextInt(6) == 0) {
            // two villages merged in 2019 (sáp nhập thôn): the smaller village's cell merges into its neighbour's
            String merged = code + ".C" + two(villages + 1);
            String village = names.get(villages);
            establish(new Unit(merged, "Chi bộ " + village, null, CELL, code,
                    new AdministrativeArea(d.province, title, village)), FOUNDED, decision("QĐ/ĐU", body, FOUNDED));
            steps.add(new DemoStep.Merge(merged, codes.get(random.nextInt(codes.size())), MERGERS_2019,
                    decision("QĐ/ĐU", body, MERGERS_2019)));
        }
    }

    private List<String> villageNames(String kind, int count, boolean highland) {
        List<String> names = new ArrayList<>();
        if (kind.equals("phường")) {
            for (int i = 1; i <= count; i++) {
                names.add("khu phố " + i);
            }
            return names;
        }
        if (kind.equals("thị trấn")) {
            for (int i = 1; i <= count; i++) {
                names.add("tổ dân phố " + i);
            }
            return names;
        }
        Set<String> unique = new LinkedHashSet<>();
        while (unique.size() < count) {
            unique.add(highland
                    ? "bản " + pick(HIGHLAND_FIRST) + " " + pick(HIGHLAND_SECOND)
                    : "thôn " + pick(VILLAGE_FIRST) + " " + pick(SECOND));
        }
        names.addAll(unique);
        return names;
    }

    // ---- provincial blocs, police, border guard ------------------------------------------------------

    private static final List<String> PARTY_AGENCIES = List.of("Cơ quan Văn phòng Tỉnh ủy", "Báo Lam Sơn",
            "Trường Chính trị tỉnh", "Tòa án nhân dân tỉnh", "Viện Kiểm sát nhân dân tỉnh");
    private static final List<String> PARTY_AGENCY_CELLS = List.of("Ban Tổ chức Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy",
            "Ban Tuyên giáo Tỉnh ủy", "Ban Dân vận Tỉnh ủy", "Ban Nội chính Tỉnh ủy", "Ủy ban Mặt trận Tổ quốc tỉnh",
            "Tỉnh đoàn", "Hội Liên hiệp Phụ nữ tỉnh", "Hội Nông dân tỉnh", "Liên đoàn Lao động tỉnh",
            "Hội Cựu chiến binh tỉnh", "Cục Thi hành án dân sự tỉnh",
            "Ban Bảo vệ, chăm sóc sức khỏe cán bộ tỉnh");
    private static final List<String> GOVERNMENT_AGENCIES = List.of("Sở Giáo dục và Đào tạo", "Sở Y tế",
            "Bệnh viện Đa khoa tỉnh", "Bệnh viện Sản – Nhi tỉnh", "Bệnh viện Y dược cổ truyền tỉnh",
            "Bệnh viện Phục hồi chức năng tỉnh", "Trung tâm Kiểm soát bệnh tật tỉnh",
            "Sở Nông nghiệp và Phát triển nông thôn", "Sở Tài nguyên và Môi trường", "Sở Giao thông vận tải",
            "Sở Xây dựng", "Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Sở Công Thương",
            "Sở Lao động – Thương binh và Xã hội", "Sở Văn hóa, Thể thao và Du lịch", "Cục Thuế tỉnh",
            "Kho bạc Nhà nước tỉnh", "Bảo hiểm xã hội tỉnh", "Đài Phát thanh và Truyền hình tỉnh",
            "Trường Đại học Lam Sơn", "Văn phòng Ủy ban nhân dân tỉnh", "Cục Hải quan tỉnh",
            "Trường Cao đẳng Y tế Lam Sơn", "Trường Cao đẳng Kỹ thuật công nghiệp Lam Sơn");
    private static final List<String> GOVERNMENT_AGENCY_CELLS = List.of("Sở Tư pháp", "Sở Nội vụ", "Sở Ngoại vụ",
            "Sở Khoa học và Công nghệ", "Sở Thông tin và Truyền thông", "Thanh tra tỉnh", "Ban Dân tộc tỉnh",
            "Ban Quản lý Khu kinh tế Nghi Hải", "Cục Thống kê tỉnh", "Ngân hàng Nhà nước chi nhánh tỉnh",
            "Ngân hàng Chính sách xã hội chi nhánh tỉnh", "Hội Chữ thập đỏ tỉnh",
            "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh", "Hội Văn học Nghệ thuật tỉnh",
            "Liên minh Hợp tác xã tỉnh", "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch",
            "Quỹ Đầu tư phát triển tỉnh", "Chi cục Kiểm lâm", "Chi cục Thủy lợi", "Chi cục Chăn nuôi và Thú y",
            "Trung tâm Khuyến nông tỉnh", "Bảo tàng tỉnh", "Thư viện tỉnh", "Trường Cao đẳng Sư phạm Lam Sơn",
            "Trường Trung học phổ thông Chuyên Lam Sơn", "Bệnh viện Lao và Bệnh phổi tỉnh", "Bệnh viện Tâm thần tỉnh",
            "Bệnh viện Mắt tỉnh", "Ban Quản lý dự án đầu tư xây dựng công trình dân dụng",
            "Ban Quản lý dự án đầu tư xây dựng công trình giao thông", "Trung tâm Công nghệ thông tin tỉnh",
            "Đoàn Nghệ thuật truyền thống tỉnh");
    private static final List<String> ENTERPRISES = List.of("Công ty cổ phần Xi măng Lam Sơn",
            "Công ty TNHH một thành viên Thủy lợi Bắc Lam", "Công ty TNHH một thành viên Thủy lợi Nam Lam",
            "Công ty cổ phần Cấp nước Lam Sơn", "Công ty Điện lực Lam Sơn", "Viễn thông Lam Sơn",
            "Bưu điện tỉnh Lam Sơn", "Ngân hàng Nông nghiệp và Phát triển nông thôn chi nhánh Lam Sơn",
            "Ngân hàng Thương mại cổ phần Công thương chi nhánh Lam Sơn", "Công ty cổ phần Môi trường đô thị Lam Thành",
            "Công ty cổ phần Mía đường Lam Sơn", "Công ty TNHH một thành viên Lâm nghiệp Mường Khê",
            "Công ty cổ phần Cảng Nghi Hải", "Công ty cổ phần Dược – Vật tư y tế Lam Sơn",
            "Công ty cổ phần Xây dựng giao thông Lam Sơn", "Công ty cổ phần Vận tải ô tô Lam Sơn",
            "Công ty cổ phần Bia Lam Sơn", "Công ty TNHH một thành viên Xổ số kiến thiết Lam Sơn",
            "Công ty cổ phần Giống cây trồng Lam Sơn", "Công ty cổ phần Khoáng sản Thạch Lĩnh",
            "Công ty cổ phần May Hoài Châu", "Công ty cổ phần Thủy sản Hải Triều");
    private static final List<String> ENTERPRISE_CELLS = List.of("Công ty cổ phần Sách và Thiết bị trường học",
            "Công ty cổ phần In Lam Sơn", "Công ty cổ phần Du lịch Lam Sơn", "Công ty cổ phần Tư vấn xây dựng",
            "Công ty cổ phần Lương thực Lam Sơn", "Công ty cổ phần Vật tư nông nghiệp", "Công ty cổ phần Gạch ngói Đông Lâm",
            "Công ty TNHH Giày Phú Lạc", "Công ty cổ phần Chè Mường Khê", "Công ty cổ phần Đá ốp lát Thạch Lĩnh",
            "Công ty cổ phần Khách sạn Lam Thành", "Công ty cổ phần Quản lý đường bộ Lam Sơn",
            "Công ty cổ phần Thương mại Bến Ngự", "Công ty cổ phần Nước khoáng Yên Hà",
            "Công ty TNHH một thành viên Khai thác công trình thủy lợi Cẩm Giang", "Công ty cổ phần Xe khách Lam Sơn",
            "Công ty cổ phần Đầu tư phát triển nhà Lam Sơn", "Công ty cổ phần Bao bì Hoài Châu",
            "Công ty cổ phần Chăn nuôi Phú Lạc", "Công ty cổ phần Chế biến lâm sản Mường Khê",
            "Công ty cổ phần Cơ khí Lam Sơn", "Công ty cổ phần Nhựa Bến Ngự", "Công ty cổ phần Muối Hải Triều",
            "Công ty cổ phần Dệt may Lam Thành", "Công ty TNHH Thủy sản Nghi Hải", "Công ty cổ phần Phân bón Lam Sơn",
            "Công ty cổ phần Gốm Cẩm Giang", "Công ty cổ phần Xăng dầu Lam Sơn", "Công ty cổ phần Chiếu sáng đô thị",
            "Quỹ Tín dụng nhân dân Yên Hà");
    private static final List<String> MILITARY = List.of("Phòng Tham mưu", "Phòng Chính trị", "Phòng Hậu cần – Kỹ thuật",
            "Trung đoàn 852", "Trường Quân sự tỉnh", "Tiểu đoàn Bộ binh 1", "Tiểu đoàn Bộ binh 2",
            "Tiểu đoàn Huấn luyện – Cơ động", "Ban Chỉ huy Quân sự Khu kinh tế Nghi Hải", "Kho Kỹ thuật K1",
            "Đại đội Trinh sát", "Đại đội Công binh", "Đại đội Thông tin", "Trạm Sửa chữa tổng hợp",
            "Bệnh xá Quân dân y");
    private static final List<String> MILITARY_CELLS = List.of("Đại đội Phòng không", "Đại đội Pháo binh",
            "Đội K92 tìm kiếm, quy tập hài cốt liệt sĩ", "Trung đội Cảnh vệ", "Nhà khách Quân sự",
            "Ban Chỉ huy Quân sự cơ quan Ủy ban nhân dân tỉnh", "Đại đội Vận tải", "Trung đội Hóa học");
    private static final List<String> AGENCY_CELL_NAMES = List.of("Văn phòng", "Phòng Tổ chức – Cán bộ",
            "Phòng Kế hoạch – Tài chính", "Thanh tra", "Phòng Nghiệp vụ", "Phòng Quản lý chuyên ngành",
            "Trung tâm trực thuộc");
    private static final List<String> ENTERPRISE_CELL_NAMES = List.of("Văn phòng Công ty", "Phòng Kỹ thuật",
            "Phòng Kế hoạch – Kinh doanh", "Phân xưởng số 1", "Phân xưởng số 2", "Đội Sản xuất", "Chi nhánh miền núi");
    private static final List<String> MILITARY_CELL_NAMES = List.of("Đại đội 1", "Đại đội 2", "Đại đội 3",
            "Ban Tham mưu", "Ban Chính trị", "Ban Hậu cần – Kỹ thuật", "Đại đội 4");

    private void blocs(int[] cellCounts) {
        AdministrativeArea province = new AdministrativeArea("Lam Sơn", null, null);
        DecisionRef founding = decision("QĐ/TU", "Ban Thường vụ Tỉnh ủy Lam Sơn", FOUNDED);
        establish(new Unit("LS.K1", "Đảng bộ Khối các cơ quan tỉnh Lam Sơn", "Đảng ủy Khối các cơ quan tỉnh",
                UPPER_GRASSROOTS, "LS", province), FOUNDED, founding);
        establish(new Unit("LS.K2", "Đảng bộ Khối doanh nghiệp tỉnh Lam Sơn", "Đảng ủy Khối doanh nghiệp tỉnh",
                UPPER_GRASSROOTS, "LS", province), FOUNDED, decision("QĐ/TU", "Ban Thường vụ Tỉnh ủy Lam Sơn", FOUNDED));
        establish(new Unit("LS.QS", "Đảng bộ Quân sự tỉnh Lam Sơn", "Đảng ủy Quân sự tỉnh", UPPER_GRASSROOTS, "LS",
                province), FOUNDED, decision("QĐ/TU", "Ban Thường vụ Tỉnh ủy Lam Sơn", FOUNDED));
        int next = 0;
        List<String> committees = new ArrayList<>(PARTY_AGENCIES);
        committees.addAll(GOVERNMENT_AGENCIES);
        List<String> cells = new ArrayList<>(PARTY_AGENCY_CELLS);
        cells.addAll(GOVERNMENT_AGENCY_CELLS);
        check(committees.size() == 30 && cells.size() == 45, "Khối các cơ quan: 30 + 45");
        check(ENTERPRISES.size() == 22 && ENTERPRISE_CELLS.size() == 30, "Khối doanh nghiệp: 22 + 30");
        check(MILITARY.size() == 15 && MILITARY_CELLS.size() == 8, "Quân sự tỉnh: 15 + 8");
        next = blocOrganisations("LS.K1", "Đảng ủy Khối các cơ quan tỉnh", committees, cells,
                AGENCY_CELL_NAMES, cellCounts, next,
                List.of("Trường Cao đẳng Y tế Lam Sơn", "Trường Cao đẳng Kỹ thuật công nghiệp Lam Sơn"));
        next = blocOrganisations("LS.K2", "Đảng ủy Khối doanh nghiệp tỉnh", ENTERPRISES, ENTERPRISE_CELLS,
                ENTERPRISE_CELL_NAMES, cellCounts, next, List.of("Công ty cổ phần Môi trường đô thị Lam Thành"));
        blocOrganisations("LS.QS", "Đảng ủy Quân sự tỉnh", MILITARY, MILITARY_CELLS, MILITARY_CELL_NAMES, cellCounts,
                next, List.of());
        // the cement company is large enough for a đảng bộ bộ phận at its second plant
        String cement = "LS.K2.D01";
        String plant = cement + ".P01";
        establish(new Unit(plant, "Đảng bộ bộ phận Nhà máy Xi măng số 2", null, PARTIAL_COMMITTEE, cement, province),
                FOUNDED, decision("QĐ/ĐU", "Đảng ủy Công ty cổ phần Xi măng Lam Sơn", FOUNDED));
        for (int i = 1; i <= 3; i++) {
            establish(new Unit(plant + ".C" + two(i), "Chi bộ Phân xưởng Lò nung " + i, null, CELL, plant, province),
                    FOUNDED, decision("QĐ/ĐU", "Đảng ủy Công ty cổ phần Xi măng Lam Sơn", FOUNDED));
        }
    }

    private int blocOrganisations(String blocCode, String blocBody, List<String> committees, List<String> cells,
                                  List<String> cellNames, int[] cellCounts, int next, List<String> grewIn2016) {
        AdministrativeArea province = new AdministrativeArea("Lam Sơn", null, null);
        for (int i = 0; i < committees.size(); i++) {
            String name = committees.get(i);
            String code = blocCode + ".D" + two(i + 1);
            boolean grew = grewIn2016.contains(name);
            // these grassroots cells passed 30 members and became đảng bộ cơ sở in 2016
            establish(new Unit(code, (grew ? "Chi bộ " : "Đảng bộ ") + name, null,
                    grew ? GRASSROOTS_CELL : GRASSROOTS_COMMITTEE, blocCode, province), FOUNDED,
                    decision("QĐ/ĐUK", "Ban Thường vụ " + blocBody, FOUNDED));
            LocalDate cellsFrom = FOUNDED;
            if (grew) {
                steps.add(new DemoStep.ChangeType(code, GRASSROOTS_COMMITTEE, TYPE_CHANGES_2016,
                        decision("QĐ/ĐUK", "Ban Thường vụ " + blocBody, TYPE_CHANGES_2016)));
                steps.add(new DemoStep.Rename(code, "Đảng bộ " + name, null, TYPE_CHANGES_2016,
                        decision("QĐ/ĐUK", "Ban Thường vụ " + blocBody, TYPE_CHANGES_2016)));
                cellsFrom = TYPE_CHANGES_2016;
            }
            if (blocCode.equals("LS.K1") && PARTY_AGENCIES.contains(name)) {
                partyAgencyCodes.add(code);
            }
            int count = cellCounts[next++];
            for (int c = 0; c < count; c++) {
                String cellName = c < cellNames.size() ? cellNames.get(c) : "Số " + (c + 1);
                establish(new Unit(code + ".C" + two(c + 1), "Chi bộ " + cellName, null, CELL, code, province), cellsFrom,
                        decision("QĐ/ĐU", "Đảng ủy " + name, cellsFrom));
            }
        }
        for (int i = 0; i < cells.size(); i++) {
            String name = cells.get(i);
            String code = blocCode + ".B" + two(i + 1);
            LocalDate on = blocCode.equals("LS.K2") && random.nextInt(4) == 0 ? later() : FOUNDED;
            establish(new Unit(code, "Chi bộ " + name, null, GRASSROOTS_CELL, blocCode, province), on,
                    decision("QĐ/ĐUK", "Ban Thường vụ " + blocBody, on));
            if (blocCode.equals("LS.K1") && PARTY_AGENCY_CELLS.contains(name)) {
                partyAgencyCodes.add(code);
            }
        }
        return next;
    }

    private final List<String> partyAgencyCodes = new ArrayList<>();

    private void police() {
        AdministrativeArea province = new AdministrativeArea("Lam Sơn", null, null);
        establish(new Unit("LS.CA", "Đảng bộ Công an tỉnh Lam Sơn", "Đảng ủy Công an tỉnh", GRASSROOTS_COMMITTEE, "LS",
                province), FOUNDED, decision("QĐ/TU", "Ban Thường vụ Tỉnh ủy Lam Sơn", FOUNDED));
        List<String> offices = List.of("Phòng Tham mưu", "Phòng Tổ chức cán bộ", "Phòng An ninh chính trị nội bộ",
                "Phòng An ninh kinh tế", "Phòng Cảnh sát hình sự", "Phòng Cảnh sát kinh tế",
                "Phòng Cảnh sát điều tra tội phạm về ma túy", "Phòng Cảnh sát giao thông",
                "Phòng Cảnh sát quản lý hành chính về trật tự xã hội",
                "Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ", "Phòng Hậu cần", "Trại tạm giam");
        for (int i = 0; i < offices.size(); i++) {
            establish(new Unit("LS.CA.C" + two(i + 1), "Chi bộ " + offices.get(i), null, CELL, "LS.CA", province),
                    FOUNDED, decision("QĐ/ĐU", "Đảng ủy Công an tỉnh Lam Sơn", FOUNDED));
        }
        List<String> districts = List.of("thành phố Lam Thành", "thị xã Bến Ngự", "thị xã Hoài Châu", "huyện Đông Lâm",
                "huyện Yên Hà", "huyện Thạch Lĩnh", "huyện Phú Lạc", "huyện Mường Khê", "huyện Cẩm Giang",
                "huyện Hải Triều");
        List<String> teams = List.of("Đội Cảnh sát điều tra tội phạm", "Đội An ninh", "Đội Tổng hợp",
                "Đội Cảnh sát giao thông – trật tự");
        for (int i = 0; i < districts.size(); i++) {
            String code = "LS.CA.P" + two(i + 1);
            establish(new Unit(code, "Đảng bộ bộ phận Công an " + districts.get(i), null, PARTIAL_COMMITTEE, "LS.CA",
                    province), FOUNDED, decision("QĐ/ĐU", "Đảng ủy Công an tỉnh Lam Sơn", FOUNDED));
            for (int t = 0; t < teams.size(); t++) {
                establish(new Unit(code + ".C" + two(t + 1), "Chi bộ " + teams.get(t), null, CELL, code, province),
                        FOUNDED, decision("QĐ/ĐU", "Đảng ủy Công an tỉnh Lam Sơn", FOUNDED));
            }
        }
    }

    private void borderGuard() {
        AdministrativeArea province = new AdministrativeArea("Lam Sơn", null, null);
        String body = "Đảng ủy Bộ đội Biên phòng tỉnh Lam Sơn";
        establish(new Unit("LS.BP", "Đảng bộ Bộ đội Biên phòng tỉnh Lam Sơn", "Đảng ủy Bộ đội Biên phòng tỉnh",
                GRASSROOTS_COMMITTEE, "LS", province), FOUNDED, decision("QĐ/TU", "Ban Thường vụ Tỉnh ủy Lam Sơn", FOUNDED));
        List<String> offices = List.of("Phòng Tham mưu", "Phòng Chính trị", "Phòng Hậu cần – Kỹ thuật",
                "Phòng Phòng chống ma túy và tội phạm", "Đồn Biên phòng Hải Triều");
        for (int i = 0; i < offices.size(); i++) {
            establish(new Unit("LS.BP.C" + two(i + 1), "Chi bộ " + offices.get(i), null, CELL, "LS.BP", province),
                    FOUNDED, decision("QĐ/ĐU", body, FOUNDED));
        }
        List<String> units = List.of("Đồn Biên phòng Cửa Lạch", "Hải đội Biên phòng 2");
        for (int i = 0; i < units.size(); i++) {
            String code = "LS.BP.P" + two(i + 1);
            establish(new Unit(code, "Đảng bộ bộ phận " + units.get(i), null, PARTIAL_COMMITTEE, "LS.BP", province),
                    FOUNDED, decision("QĐ/ĐU", body, FOUNDED));
            for (int c = 1; c <= 3; c++) {
                establish(new Unit(code + ".C" + two(c), "Chi bộ " + (i == 0 ? "Tổ công tác " : "Tàu ") + c, null, CELL,
                        code, province), FOUNDED, decision("QĐ/ĐU", body, FOUNDED));
            }
        }
    }

    // ---- 2025 -----------------------------------------------------------------------------------

    /**
     * Early 2025 (DOMAIN §1.4): the blocs end. Party, front, mass-organisation and justice bodies go to
     * the new Đảng bộ các cơ quan Đảng tỉnh; the rest of both blocs consolidate into Đảng bộ UBND tỉnh.
     */
    private void blocReorganisation2025() {
        AdministrativeArea province = new AdministrativeArea("Lam Sơn", null, null);
        String body = "Ban Chấp hành Đảng bộ tỉnh Lam Sơn";
        establish(new Unit("LS.CQD", "Đảng bộ các cơ quan Đảng tỉnh Lam Sơn", "Đảng ủy các cơ quan Đảng tỉnh",
                UPPER_GRASSROOTS, "LS", province), BLOCS_2025, decision("QĐ/TU", body, BLOCS_2025));
        DecisionRef transfer = decision("QĐ/TU", "Ban Thường vụ Tỉnh ủy Lam Sơn", BLOCS_2025);
        for (String code : partyAgencyCodes) {
            steps.add(new DemoStep.Move(code, "LS.CQD", BLOCS_2025, transfer));
        }
        steps.add(new DemoStep.Consolidate(List.of("LS.K1", "LS.K2"),
                new Unit("LS.UBND", "Đảng bộ Ủy ban nhân dân tỉnh Lam Sơn", "Đảng ủy Ủy ban nhân dân tỉnh",
                        UPPER_GRASSROOTS, "LS", province), BLOCS_2025, decision("QĐ/TU", body, BLOCS_2025)));
    }

    private int newCommuneNumber;
    private int newWardNumber;

    /**
     * 1/7/2025 (QĐ 294-QĐ/TW): new commune and ward committees directly under the province take over
     * the grassroots organisations of their area; the district committee ends once it is empty.
     */
    private void twoLevel2025(District d, String provinceShort) {
        String body = "Ban Thường vụ " + provinceShort;
        String prefix = d.provinceCode;
        List<List<Commune>> groups = new ArrayList<>();
        List<Commune> rest = d.communes;
        int index = 0;
        while (index < rest.size()) {
            int size = d.communes.size() <= 5 ? 2 : List.of(2, 3, 3, 3, 4).get(random.nextInt(5));
            if (rest.size() - index - size == 1) {
                size++;
            }
            groups.add(rest.subList(index, Math.min(rest.size(), index + size)));
            index += size;
        }
        String seat = null;
        for (List<Commune> group : groups) {
            Commune first = group.getFirst();
            boolean ward = d.urban() && group.stream().anyMatch(c -> c.kind.equals("phường"));
            String kind = ward ? "phường" : "xã";
            String name = group.size() == 1 || random.nextBoolean() ? first.name
                    : combinedName(first.name, group.get(1).name);
            String code = ward ? prefix + ".P" + two(++newWardNumber) : prefix + ".X" + two(++newCommuneNumber);
            establish(new Unit(code, "Đảng bộ " + kind + " " + name, "Đảng ủy " + kind + " " + name, UPPER_GRASSROOTS,
                    d.provinceCode, new AdministrativeArea(d.province, kind + " " + name, null)), TWO_LEVEL_2025,
                    decision("QĐ/TU", body, TWO_LEVEL_2025));
            if (seat == null) {
                seat = code;
            }
            DecisionRef transfer = decision("QĐ/TU", body, TWO_LEVEL_2025);
            for (Commune c : group) {
                steps.add(new DemoStep.Move(c.code, code, TWO_LEVEL_2025, transfer));
                for (String school : schoolsByCommune.getOrDefault(c.code, List.of())) {
                    steps.add(new DemoStep.Move(school, code, TWO_LEVEL_2025, transfer));
                }
            }
        }
        DecisionRef seatTransfer = decision("QĐ/TU", body, TWO_LEVEL_2025);
        for (String code : d.seatOrganisations) {
            steps.add(new DemoStep.Move(code, seat, TWO_LEVEL_2025, seatTransfer));
        }
        for (String code : d.militaryIn2025) {
            steps.add(new DemoStep.Move(code, prefix + ".QS", TWO_LEVEL_2025, seatTransfer));
        }
        DecisionRef ending = decision("QĐ/TU", body, TWO_LEVEL_2025);
        for (String code : d.dissolvedIn2025) {
            if (code.endsWith(".UB")) {
                for (int i = 1; i <= 7; i++) {
                    steps.add(new DemoStep.Dissolve(code + ".C" + two(i), TWO_LEVEL_2025, ending));
                }
            }
            steps.add(new DemoStep.Dissolve(code, TWO_LEVEL_2025, ending));
        }
        steps.add(new DemoStep.Dissolve(d.code, TWO_LEVEL_2025, ending));
    }

    // ---- Hòa Giang (the decoy) ----------------------------------------------------------------------

    private void hoaGiang() {
        String province = "Hòa Giang";
        usedPlaceNames.addAll(List.of("Hòa Giang", "Giang Thành", "Bắc Hòa", "Nam Hòa"));
        establish(new Unit("HG", "Đảng bộ tỉnh Hòa Giang", "Tỉnh ủy Hòa Giang", PROVINCIAL, "TW",
                new AdministrativeArea(province, null, null)), FOUNDED,
                new DecisionRef("246-QĐ/TW", LocalDate.of(2007, 12, 20), "Bộ Chính trị"));
        newCommuneNumber = 0;
        newWardNumber = 0;
        List<District> districts = new ArrayList<>();
        for (DistrictSpec spec : List.of(new DistrictSpec("H01", "thành phố", "Giang Thành", 4, 0, false),
                new DistrictSpec("H02", "huyện", "Bắc Hòa", 1, 3, false),
                new DistrictSpec("H03", "huyện", "Nam Hòa", 1, 2, false))) {
            District d = new District(province, "HG", spec);
            for (int i = 0; i < spec.wards() + spec.communes(); i++) {
                Commune c = new Commune();
                c.code = d.nextCommuneCode();
                c.kind = i < spec.wards() ? (d.urban() ? "phường" : "thị trấn") : "xã";
                c.name = i == 0 && !d.urban() ? spec.name() : placeName();
                c.villages = 3;
                d.communes.add(c);
            }
            districts.add(d);
            district(d, false);
        }
        AdministrativeArea area = new AdministrativeArea(province, null, null);
        String bloc = "HG.K1";
        establish(new Unit(bloc, "Đảng bộ Khối các cơ quan tỉnh Hòa Giang", "Đảng ủy Khối các cơ quan tỉnh",
                UPPER_GRASSROOTS, "HG", area), FOUNDED, decision("QĐ/TU", "Ban Thường vụ Tỉnh ủy Hòa Giang", FOUNDED));
        List<String> committees = List.of("Sở Y tế tỉnh Hòa Giang", "Sở Giáo dục và Đào tạo tỉnh Hòa Giang");
        for (int i = 0; i < committees.size(); i++) {
            String code = bloc + ".D" + two(i + 1);
            establish(new Unit(code, "Đảng bộ " + committees.get(i), null, GRASSROOTS_COMMITTEE, bloc, area), FOUNDED,
                    decision("QĐ/ĐUK", "Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh Hòa Giang", FOUNDED));
            for (int c = 0; c < 3; c++) {
                establish(new Unit(code + ".C" + two(c + 1), "Chi bộ " + AGENCY_CELL_NAMES.get(c), null, CELL, code, area),
                        FOUNDED, decision("QĐ/ĐU", "Đảng ủy " + committees.get(i), FOUNDED));
            }
        }
        List<String> cells = List.of("Sở Tư pháp tỉnh Hòa Giang", "Sở Nội vụ tỉnh Hòa Giang", "Thanh tra tỉnh Hòa Giang");
        for (int i = 0; i < cells.size(); i++) {
            establish(new Unit(bloc + ".B" + two(i + 1), "Chi bộ " + cells.get(i), null, GRASSROOTS_CELL, bloc, area),
                    FOUNDED, decision("QĐ/ĐUK", "Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh Hòa Giang", FOUNDED));
        }
        rename(bloc, "Đảng bộ Ủy ban nhân dân tỉnh Hòa Giang", "Đảng ủy Ủy ban nhân dân tỉnh", BLOCS_2025,
                decision("QĐ/TU", "Ban Chấp hành Đảng bộ tỉnh Hòa Giang", BLOCS_2025));
        for (District d : districts) {
            twoLevel2025(d, "Tỉnh ủy Hòa Giang");
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private void establish(Unit unit, LocalDate on, DecisionRef decision) {
        steps.add(new DemoStep.Establish(unit, on, decision));
    }

    private void rename(String code, String name, String shortName, LocalDate on, DecisionRef decision) {
        steps.add(new DemoStep.Rename(code, name, shortName, on, decision));
    }

    /** A decision of {@code body} numbered in sequence, signed a few days before it takes effect. */
    private DecisionRef decision(String suffix, String body, LocalDate effectiveOn) {
        int number = decisionCounters.merge(body + "|" + effectiveOn.getYear(), 1, Integer::sum);
        LocalDate signed = effectiveOn.minusDays(5 + (number % 10));
        int base = effectiveOn.getYear() >= 2025 && suffix.equals("QĐ/TU") ? 1400 : 0;
        return new DecisionRef((base + number) + "-" + suffix, signed, body);
    }

    private LocalDate later() {
        return LocalDate.of(2010 + random.nextInt(11), 1 + random.nextInt(12), 1 + random.nextInt(28));
    }

    private String placeName() {
        while (true) {
            String name = pick(FIRST) + " " + pick(SECOND);
            String[] parts = name.split(" ");
            if (!parts[0].equals(parts[1]) && usedPlaceNames.add(name)) {
                return name;
            }
        }
    }

    private String combinedName(String a, String b) {
        String name = a.split(" ")[0] + " " + b.split(" ")[1];
        if (name.split(" ")[0].equals(name.split(" ")[1]) || !usedPlaceNames.add(name)) {
            return placeName();
        }
        return name;
    }

    private String pick(List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("demo plan: " + what);
        }
    }
}
