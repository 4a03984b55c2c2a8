package vn.tcxd.cadres;

/** Kinds of training (đào tạo, bồi dưỡng; labels: {@code trainingKind.<NAME>}). */
public enum TrainingKind {
    /** Lý luận chính trị (sơ cấp, trung cấp, cao cấp, cử nhân). */
    POLITICAL_THEORY,
    /** Quản lý nhà nước (chuyên viên, chuyên viên chính, chuyên viên cao cấp). */
    STATE_MANAGEMENT,
    /** Bằng cấp chuyên môn (đại học, thạc sĩ, tiến sĩ). */
    DEGREE,
    /** Lớp bồi dưỡng, khóa học. */
    COURSE
}
