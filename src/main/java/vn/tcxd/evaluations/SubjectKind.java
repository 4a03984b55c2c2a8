package vn.tcxd.evaluations;

/** Who is rated (labels: {@code ratingSubject.<NAME>}). */
public enum SubjectKind {
    /** Đảng viên. */
    MEMBER,
    /** Tổ chức đảng: TCCSĐ, đảng bộ bộ phận, chi bộ trực thuộc, cấp trên cơ sở. */
    ORGANISATION,
    /** Tập thể lãnh đạo, quản lý (the committee of a unit). */
    COLLECTIVE,
    /** Cá nhân cán bộ lãnh đạo, quản lý. */
    LEADER;

    /** Members and leaders are rated on the member levels; the others on the organisation levels. */
    public boolean isPerson() {
        return this == MEMBER || this == LEADER;
    }
}
