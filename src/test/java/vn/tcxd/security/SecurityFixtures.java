package vn.tcxd.security;

import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.Reorganisation;
import vn.tcxd.orgstructure.UnitType;
import vn.tcxd.shared.DecisionRef;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named fixtures with unique codes: a root with province A (the caller's) and province B (the decoy
 * that must never show), each with one cell, and accounts bound to them.
 */
final class SecurityFixtures {

    static final String PASSWORD = "fixture-Pa55word";
    static final LocalDate FOUNDED = LocalDate.of(2020, 1, 15);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private SecurityFixtures() {
    }

    /** Unique per call within and across runs sharing the throw-away database. */
    static String suffix() {
        return Long.toString(System.nanoTime(), 36).toUpperCase(Locale.ROOT) + SEQUENCE.incrementAndGet();
    }

    record Tree(String suffix, long root, long provinceA, long cellA, long provinceB, long cellB,
                String codeA, String codeB, String nameB, String cellNameB) {
    }

    static DecisionRef decision(String number) {
        return new DecisionRef(number, FOUNDED, "Ban Bí thư");
    }

    static long establish(OrgStructure org, String code, String name, UnitType type, Long parentId) {
        return org.apply(new Reorganisation.Establish(
                new Reorganisation.NewUnit(code, name, null, type, parentId, null), FOUNDED,
                decision(code + "-QĐ/TW")));
    }

    static Tree tree(OrgStructure org) {
        String s = suffix();
        long root = establish(org, "SEC-TW-" + s, "Trung ương thử " + s, UnitType.CENTRAL, null);
        long a = establish(org, "SEC-A-" + s, "Đảng bộ tỉnh An Thử " + s, UnitType.PROVINCIAL, root);
        long cellA = establish(org, "SEC-A1-" + s, "Chi bộ An Một " + s, UnitType.GRASSROOTS_CELL, a);
        long b = establish(org, "SEC-B-" + s, "Đảng bộ tỉnh Bình Mồi " + s, UnitType.PROVINCIAL, root);
        long cellB = establish(org, "SEC-B1-" + s, "Chi bộ Bình Mồi Một " + s, UnitType.GRASSROOTS_CELL, b);
        return new Tree(s, root, a, cellA, b, cellB, "SEC-A-" + s, "SEC-B-" + s,
                "Đảng bộ tỉnh Bình Mồi " + s, "Chi bộ Bình Mồi Một " + s);
    }

    /** An account with one grant; returns its username. */
    static String account(Accounts accounts, String prefix, long unitId, Role role) {
        String username = (prefix + "." + suffix()).toLowerCase(Locale.ROOT);
        accounts.create(username, "Đồng chí " + prefix, PASSWORD, false, List.of(new ScopeGrant(unitId, role)));
        return username;
    }
}
