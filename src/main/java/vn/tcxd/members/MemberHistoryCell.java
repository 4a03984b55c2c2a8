package vn.tcxd.members;

import java.time.LocalDate;

/**
 * A unit that was a cell (chi bộ cơ sở or chi bộ trực thuộc) over [{@code from}, {@code to}),
 * under {@code parentId}; {@code to} null: still is.
 */
public record MemberHistoryCell(long unitId, String code, Long parentId, LocalDate from, LocalDate to) {

    public boolean covers(LocalDate date) {
        return !date.isBefore(from) && (to == null || date.isBefore(to));
    }
}
