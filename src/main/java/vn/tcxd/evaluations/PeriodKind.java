package vn.tcxd.evaluations;

/** Review periods: yearly always; quarterly and per term since QĐ 366 (2025). */
public enum PeriodKind {
    YEAR, QUARTER, TERM
}
