package vn.tcxd.cadres;

/** Labels: {@code rotationKind.<NAME>}. */
public enum RotationKind {
    /** Luân chuyển: for a term of at least the rule set's months, with a planned return. */
    ROTATION,
    /** Điều động: a move by need, no return planned. */
    TRANSFER,
    /** Biệt phái: a secondment for a time. */
    SECONDMENT
}
