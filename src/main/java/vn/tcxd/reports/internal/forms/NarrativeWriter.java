package vn.tcxd.reports.internal.forms;

import vn.tcxd.orgstructure.StructureCounts;
import vn.tcxd.orgstructure.UnitDetails;
import vn.tcxd.orgstructure.UnitType;
import vn.tcxd.reports.MemberTally;
import vn.tcxd.reports.MovementKind;
import vn.tcxd.reports.Movements;
import vn.tcxd.reports.UnitStatistics;
import vn.tcxd.reports.forms.Narrative;
import vn.tcxd.reports.forms.ReportPeriod;
import vn.tcxd.shared.VietnameseFormat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the report paragraph in the sector's style (seed report of 10/11/2021: "Đảng bộ tỉnh có 15
 * đảng bộ trực thuộc (trong đó có 2 đảng bộ cơ sở trực thuộc Tỉnh ủy), 686 tổ chức cơ sở đảng …").
 * Every part is a message key; parts whose figure is 0 are left out, and every percentage names
 * its base.
 */
public final class NarrativeWriter {

    /** The administrative word after "Đảng bộ" in a unit's name, which names the unit and its committee. */
    private static final Map<String, String> LEVELS = new LinkedHashMap<>();

    static {
        LEVELS.put("đảng bộ tỉnh ", "PROVINCE");
        LEVELS.put("đảng bộ thành phố ", "CITY");
        LEVELS.put("đảng bộ huyện ", "DISTRICT");
        LEVELS.put("đảng bộ quận ", "URBAN_DISTRICT");
        LEVELS.put("đảng bộ thị xã ", "TOWN");
        LEVELS.put("đảng bộ thị trấn ", "TOWNSHIP");
        LEVELS.put("đảng bộ xã ", "COMMUNE");
        LEVELS.put("đảng bộ phường ", "WARD");
        LEVELS.put("đảng bộ đặc khu ", "SPECIAL_ZONE");
    }

    private final Texts t;

    NarrativeWriter(Texts texts) {
        this.t = texts;
    }

    Narrative write(UnitDetails unit, UnitStatistics figures, Movements movements, ReportPeriod period) {
        return new Narrative(unit.id(), period, structure(unit, figures.units(), figures.members().total()),
                movements(movements), composition(figures.members()));
    }

    /** PROVINCE, DISTRICT, COMMUNE … from "Đảng bộ tỉnh …", or null. */
    public static String level(String unitName) {
        String name = Normalizer.normalize(unitName, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        for (var e : LEVELS.entrySet()) {
            if (name.startsWith(e.getKey())) return e.getValue();
        }
        return null;
    }

    String subject(UnitDetails unit) {
        String level = level(unit.name());
        return level == null ? unit.name() : t.text("narrative.subject." + level);
    }

    String committee(UnitDetails unit) {
        String level = level(unit.name());
        return t.text("narrative.committee." + (level == null ? "OTHER" : level));
    }

    String structure(UnitDetails unit, StructureCounts c, long members) {
        List<String> parts = new ArrayList<>();
        directPart(unit, c).ifPresent(parts::add);
        int committees = c.grassrootsCommittees();
        int cells = c.grassrootsCells();
        if (committees > 0 && cells > 0) {
            parts.add(t.text("narrative.grassroots.split", n(c.grassroots()),
                    t.text("narrative.grassrootsCommittees", n(committees)), t.text("narrative.grassrootsCells", n(cells))));
        } else if (committees > 0) {
            parts.add(t.text("narrative.grassrootsCommittees", n(committees)));
        } else if (cells > 0) {
            parts.add(t.text("narrative.grassrootsCells", n(cells)));
        }
        if (c.partialCommittees() > 0) parts.add(t.text("narrative.partial", n(c.partialCommittees())));
        if (c.cells() > 0) parts.add(t.text("narrative.cells", n(c.cells())));
        String subject = subject(unit);
        if (parts.isEmpty()) {
            return members > 0 ? t.text("narrative.structure.membersOnly", subject, n(members))
                    : t.text("narrative.structure.nothing", subject);
        }
        String units = join(parts);
        return members > 0 ? t.text("narrative.structure", subject, units, n(members))
                : t.text("narrative.structure.unitsOnly", subject, units);
    }

    /**
     * The directly subordinate organisations, for units above the grassroots; left out when they are
     * exactly the grassroots organisations counted next (a commune committee since 7/2025).
     */
    private java.util.Optional<String> directPart(UnitDetails unit, StructureCounts c) {
        boolean upper = unit.type() == UnitType.CENTRAL || unit.type() == UnitType.PROVINCIAL
                || unit.type() == UnitType.UPPER_GRASSROOTS;
        int direct = c.direct();
        int directGrassroots = c.directGrassroots();
        if (!upper || direct == 0 || (direct == directGrassroots && directGrassroots == c.grassroots())) {
            return java.util.Optional.empty();
        }
        Map<UnitType, Integer> byType = c.directByType();
        boolean allCommittees = byType.entrySet().stream().filter(e -> e.getValue() > 0).allMatch(e ->
                e.getKey() == UnitType.UPPER_GRASSROOTS || e.getKey() == UnitType.GRASSROOTS_COMMITTEE
                        || e.getKey() == UnitType.PARTIAL_COMMITTEE || e.getKey() == UnitType.PROVINCIAL);
        String count = t.text(allCommittees ? "narrative.direct.committees" : "narrative.direct.units", n(direct));
        if (directGrassroots == 0 || directGrassroots == direct) return java.util.Optional.of(count);
        List<String> within = new ArrayList<>();
        int dc = byType.getOrDefault(UnitType.GRASSROOTS_COMMITTEE, 0);
        int dcell = byType.getOrDefault(UnitType.GRASSROOTS_CELL, 0);
        if (dc > 0) within.add(t.text("narrative.grassrootsCommittees", n(dc)));
        if (dcell > 0) within.add(t.text("narrative.grassrootsCells", n(dcell)));
        return java.util.Optional.of(t.text("narrative.direct.within", count, join(within), committee(unit)));
    }

    String movements(Movements m) {
        String from = VietnameseFormat.date(m.from());
        String to = VietnameseFormat.date(m.to());
        List<String> parts = new ArrayList<>();
        long opening = m.opening();
        if (m.count(MovementKind.ADMITTED) > 0) {
            parts.add(t.text("narrative.mv.admitted", n(m.count(MovementKind.ADMITTED)),
                    VietnameseFormat.percent(m.count(MovementKind.ADMITTED), opening), n(opening)));
        }
        if (m.count(MovementKind.READMITTED) > 0) parts.add(t.text("narrative.mv.readmitted", n(m.count(MovementKind.READMITTED))));
        if (m.transferredIn() > 0) parts.add(t.text("narrative.mv.in", n(m.transferredIn())));
        if (m.transferredOut() > 0) parts.add(t.text("narrative.mv.out", n(m.transferredOut())));
        List<String> reasons = new ArrayList<>();
        long gone = 0;
        for (MovementKind k : List.of(MovementKind.DIED, MovementKind.REMOVED, MovementKind.NOT_RECOGNISED,
                MovementKind.EXPELLED, MovementKind.LEFT)) {
            if (m.count(k) > 0) {
                reasons.add(t.text("narrative.mv.reason." + k, n(m.count(k))));
                gone += m.count(k);
            }
        }
        if (gone > 0) parts.add(t.text("narrative.mv.decreases", n(gone), String.join(", ", reasons)));
        if (m.count(MovementKind.RECOGNISED) > 0) parts.add(t.text("narrative.mv.recognised", n(m.count(MovementKind.RECOGNISED))));
        if (m.count(MovementKind.EXEMPTED) > 0) parts.add(t.text("narrative.mv.exempted", n(m.count(MovementKind.EXEMPTED))));
        long change = m.closing() - opening;
        String closing = change == 0
                ? t.text("narrative.mv.closing.same", to, n(m.closing()))
                : t.text("narrative.mv.closing", to, n(m.closing()), t.text(change > 0 ? "narrative.mv.up" : "narrative.mv.down"),
                n(Math.abs(change)), n(opening), VietnameseFormat.percent(Math.abs(change), opening));
        return parts.isEmpty() ? t.text("narrative.movements.none", from, to, closing)
                : t.text("narrative.movements", from, to, String.join(", ", parts), closing);
    }

    String composition(MemberTally m) {
        long total = m.total();
        if (total == 0) return "";
        List<String> parts = new ArrayList<>();
        addShare(parts, "narrative.comp.probationary", m.probationary(), total);
        addShare(parts, "narrative.comp.female", m.female(), total);
        addShare(parts, "narrative.comp.minority", FormFiller.minorities(m), total);
        addShare(parts, "narrative.comp.religious", FormFiller.religious(m), total);
        addShare(parts, "narrative.comp.exempt", m.exempt(), total);
        return parts.isEmpty() ? "" : t.text("narrative.composition", n(total), join(parts));
    }

    private void addShare(List<String> parts, String key, long part, long total) {
        if (part > 0) parts.add(t.text(key, n(part), VietnameseFormat.percent(part, total)));
    }

    /** "a, b, c và d". */
    private String join(List<String> parts) {
        if (parts.size() == 1) return parts.getFirst();
        String comma = t.text("narrative.list.comma");
        return String.join(comma, parts.subList(0, parts.size() - 1)) + t.text("narrative.list.and") + parts.getLast();
    }

    private static String n(long value) {
        return VietnameseFormat.number(value);
    }
}
