package vn.tcxd.calendar;

/**
 * Why a day differs from the Monday–Friday week.
 */
public enum HolidayKind {
    /** Ngày nghỉ lễ, Tết (statutory holiday, or a weekday inside the announced Tết break). */
    PUBLIC_HOLIDAY,
    /** Nghỉ bù: the working day after a holiday that fell on a weekend. */
    COMPENSATORY,
    /** Nghỉ hoán đổi: a weekday off, worked on a weekend day instead. */
    SWAPPED_DAY_OFF,
    /** Làm bù: a Saturday or Sunday that is a working day. */
    MAKEUP_WORKDAY;

    public boolean dayOff() {
        return this != MAKEUP_WORKDAY;
    }
}
