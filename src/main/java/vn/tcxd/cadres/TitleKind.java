package vn.tcxd.cadres;

/** Party, state, Front or mass-organisation title (labels: {@code titleKind.<NAME>}). */
public enum TitleKind {
    PARTY, STATE, FRONT, MASS
}
