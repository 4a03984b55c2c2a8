package vn.tcxd.shared;

import java.time.LocalDate;

/**
 * A decision reference (quyết định: số, ngày, cơ quan ban hành) that every status change carries.
 */
public record DecisionRef(String number, LocalDate date, String issuingBody) {

    public DecisionRef {
        number = VietnameseText.requireText(number, "decision.number", 100);
        issuingBody = VietnameseText.requireText(issuingBody, "decision.issuingBody", 300);
        if (date == null) {
            throw new RuleViolation("error.decision.dateRequired");
        }
    }

    /** "Số 12-QĐ/TU ngày 14/6/2021 của Ban Thường vụ Tỉnh ủy". */
    public String display() {
        return number + " (" + VietnameseFormat.date(date) + ", " + issuingBody + ")";
    }
}
