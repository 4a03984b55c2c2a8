package vn.tcxd.reports;

import vn.tcxd.orgstructure.StructureCounts;

import java.util.Map;

/**
 * The key figures of a unit's subtree on a date (số liệu chủ yếu): members on the roll (đảng số) and how
 * many of them are probationary, women, of an ethnic minority, religious, exempt from activities
 * (miễn sinh hoạt) or on temporary transfer elsewhere, and the organisations: TCCSĐ (split into đảng bộ
 * cơ sở and chi bộ cơ sở), đảng bộ bộ phận and chi bộ trực thuộc. Derived from {@link UnitStatistics}
 * alone, so every figure is the engine's. Every share is over {@link #members()}.
 */
public record KeyFigures(long members, long probationary, long female, long ethnicMinority, long religious,
                         long exempt, long away, long grassroots, long grassrootsCommittees, long grassrootsCells,
                         long partialCommittees, long cells) {

    public static final KeyFigures ZERO = new KeyFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Members' code list: 01 is Kinh; 99 is "other" (foreigners naturalised), not an ethnic minority (biểu 4-TCTW). */
    static final String KINH = "01";
    static final String OTHER_ORIGIN = "99";
    /** Members' code list: KHONG is "no religion". */
    static final String NO_RELIGION = "KHONG";

    public static KeyFigures of(UnitStatistics s) {
        MemberTally m = s.members();
        StructureCounts u = s.units();
        return new KeyFigures(m.total(), m.probationary(), m.female(),
                sumExcept(m.by(Dimension.ETHNICITY), KINH, OTHER_ORIGIN),
                sumExcept(m.by(Dimension.RELIGION), NO_RELIGION),
                m.exempt(), m.away(), u.grassroots(), u.grassrootsCommittees(), u.grassrootsCells(),
                u.partialCommittees(), u.cells());
    }

    /** Members counted under every key but the blank one and {@code excluded}. */
    private static long sumExcept(Map<String, Long> byKey, String... excluded) {
        long sum = 0;
        for (var e : byKey.entrySet()) {
            if (e.getKey().equals(MemberTally.NONE)) continue;
            boolean skip = false;
            for (String x : excluded) skip |= x.equals(e.getKey());
            if (!skip) sum += e.getValue();
        }
        return sum;
    }

    public KeyFigures plus(KeyFigures o) {
        return new KeyFigures(members + o.members, probationary + o.probationary, female + o.female,
                ethnicMinority + o.ethnicMinority, religious + o.religious, exempt + o.exempt, away + o.away,
                grassroots + o.grassroots, grassrootsCommittees + o.grassrootsCommittees,
                grassrootsCells + o.grassrootsCells, partialCommittees + o.partialCommittees, cells + o.cells);
    }

    /** The figures in display order, by name (the names are message keys {@code dashboard.figure.<name>}). */
    public Map<Figure, Long> byFigure() {
        Map<Figure, Long> all = new java.util.EnumMap<>(Figure.class);
        for (Figure f : Figure.values()) all.put(f, f.of(this));
        return all;
    }

    /** One key figure; {@link #share()} when it is also shown as a share of the members. */
    public enum Figure {
        MEMBERS(false), PROBATIONARY(true), FEMALE(true), ETHNIC_MINORITY(true), RELIGIOUS(true), EXEMPT(true),
        AWAY(true), GRASSROOTS(false), GRASSROOTS_COMMITTEES(false), GRASSROOTS_CELLS(false),
        PARTIAL_COMMITTEES(false), CELLS(false);

        private final boolean share;

        Figure(boolean share) {
            this.share = share;
        }

        public boolean share() {
            return share;
        }

        public boolean organisations() {
            return ordinal() >= GRASSROOTS.ordinal();
        }

        public long of(KeyFigures k) {
            return switch (this) {
                case MEMBERS -> k.members;
                case PROBATIONARY -> k.probationary;
                case FEMALE -> k.female;
                case ETHNIC_MINORITY -> k.ethnicMinority;
                case RELIGIOUS -> k.religious;
                case EXEMPT -> k.exempt;
                case AWAY -> k.away;
                case GRASSROOTS -> k.grassroots;
                case GRASSROOTS_COMMITTEES -> k.grassrootsCommittees;
                case GRASSROOTS_CELLS -> k.grassrootsCells;
                case PARTIAL_COMMITTEES -> k.partialCommittees;
                case CELLS -> k.cells;
            };
        }
    }
}
