package vn.tcxd.members.internal;

import org.springframework.stereotype.Component;
import vn.tcxd.members.CodeList;
import vn.tcxd.members.MemberRecord;
import vn.tcxd.shared.RuleViolation;
import vn.tcxd.shared.VietnameseFormat;
import vn.tcxd.shared.VietnameseText;

import java.time.LocalDate;
import java.util.Locale;

/**
 * Checks a record sheet completely before anything is written: text is NFC and within length,
 * citizen id (CCCD) has 12 digits and is unique, codes exist in their lists, dates are plausible.
 */
@Component
class RecordValidator {

    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1890, 1, 1);

    private final MemberRepository members;

    RecordValidator(MemberRepository members) {
        this.members = members;
    }

    /** The record normalised (trimmed, codes upper case), or a violation naming the first bad field. */
    MemberRecord validate(MemberRecord r, LocalDate today, Long existingMemberId) {
        if (r == null) {
            throw new RuleViolation("error.member.recordRequired");
        }
        String fullName = VietnameseText.requireText(r.fullName(), "fullName", 100);
        String otherNames = VietnameseText.optionalText(r.otherNames(), "otherNames", 100);
        if (r.gender() == null) {
            throw RuleViolation.onField("gender", "error.member.genderRequired");
        }
        if (r.birthDate() == null) {
            throw RuleViolation.onField("birthDate", "error.member.birthDateRequired");
        }
        if (r.birthDate().isAfter(today)) {
            throw RuleViolation.onField("birthDate", "error.member.birthDateFuture", VietnameseFormat.date(r.birthDate()));
        }
        if (r.birthDate().isBefore(EARLIEST_BIRTH)) {
            throw RuleViolation.onField("birthDate", "error.member.birthDateImplausible");
        }
        String citizenId = VietnameseText.optionalText(r.citizenId(), "citizenId", 12);
        if (citizenId != null) {
            if (!citizenId.matches("[0-9]{12}")) {
                throw RuleViolation.onField("citizenId", "error.member.citizenIdFormat");
            }
            if (members.citizenIdTaken(citizenId, existingMemberId)) {
                throw RuleViolation.onField("citizenId", "error.member.citizenIdTaken", citizenId);
            }
        } else if (r.citizenId() != null && !r.citizenId().isBlank()) {
            throw RuleViolation.onField("citizenId", "error.member.citizenIdFormat");
        }
        String card = VietnameseText.optionalText(r.cardNumber(), "cardNumber", 20);
        if (card != null && members.cardNumberTaken(card, existingMemberId)) {
            throw RuleViolation.onField("cardNumber", "error.member.cardNumberTaken", card);
        }
        String phone = VietnameseText.optionalText(r.phone(), "phone", 20);
        if (phone != null && !phone.matches("[0-9+ .-]{6,20}")) {
            throw RuleViolation.onField("phone", "error.member.phoneFormat");
        }
        return new MemberRecord(fullName, otherNames, r.gender(), r.birthDate(),
                VietnameseText.optionalText(r.birthPlace(), "birthPlace", 200),
                VietnameseText.optionalText(r.hometown(), "hometown", 200),
                code(CodeList.ETHNICITY, r.ethnicity(), true), code(CodeList.RELIGION, r.religion(), true),
                citizenId, card, VietnameseText.optionalText(r.historyNumber(), "historyNumber", 20),
                VietnameseText.optionalText(r.residence(), "residence", 300), phone,
                code(CodeList.OCCUPATION, r.occupation(), false), code(CodeList.EDUCATION, r.education(), false),
                code(CodeList.PROFESSIONAL, r.professional(), false),
                code(CodeList.ACADEMIC_TITLE, r.academicTitle(), false), code(CodeList.THEORY, r.theory(), false),
                code(CodeList.STATE_MANAGEMENT, r.stateManagement(), false));
    }

    private String code(CodeList list, String value, boolean required) {
        String field = "code." + list.name();
        if (value == null || value.isBlank()) {
            if (required) {
                throw RuleViolation.onField(field, "error.text.required", new VietnameseText.FieldName(field));
            }
            return null;
        }
        String code = value.strip().toUpperCase(Locale.ROOT);
        if (!members.codeExists(list, code)) {
            throw RuleViolation.onField(field, "error.member.codeUnknown", code, new VietnameseText.FieldName(field));
        }
        return code;
    }
}
