package vn.tcxd.members;

/**
 * Hình thức kỷ luật đảng viên (Điều lệ Đảng Art. 35): khiển trách, cảnh cáo, cách chức, khai trừ.
 * Probationary members may only be reprimanded or warned.
 */
public enum DisciplineForm {
    REPRIMAND, WARNING, REMOVAL_FROM_POST, EXPULSION
}
