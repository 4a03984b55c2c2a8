package vn.tcxd.cadres;

/**
 * The committee a congress elected (cơ cấu cấp ủy khóa mới): new and re-elected members, women,
 * under 40 and ethnic minorities, each a share of {@code elected}. Re-elected means a seat on the same
 * unit's previous term.
 */
public record CongressFigures(Term term, Term previous, long elected, long newMembers, long reElected, long women,
                              long under40, long minorities, CadreProfile profile) {
}
