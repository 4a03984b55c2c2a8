package vn.tcxd.cadres;

import java.time.LocalDate;

/**
 * One item of the cadre due-work queue: a reappointment to notice before an appointment term ends
 * (QĐ 377: 90 working days), an incumbent reaching retirement age, a rotation whose planned end comes.
 *
 * @param anchor    the date the work is counted back from: the term's end, the retirement date, the planned end
 * @param titleName the post(s) concerned with their units ("Phó Trưởng ban của Tỉnh ủy – Đảng bộ tỉnh Lam Sơn";
 *                  a retiring cadre's every post)
 */
public record CadreDue(Kind kind, LocalDate due, boolean overdue, LocalDate anchor, long memberId, String fullName,
                       long unitId, String unitName, String titleName, Long incumbencyId, Long rotationId,
                       long managerId, String legalBasis) {

    public enum Kind { REAPPOINTMENT_NOTICE, RETIREMENT, ROTATION_END }
}
