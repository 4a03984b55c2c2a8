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
public class RecordValidator {

    /**
     * What the checks look up: code lists and identifiers already taken. The registry asks the
     * database row by row; the bulk writer answers from sets loaded once for the whole batch.
     */
    public interface Lookups {
        boolean codeExists(CodeList list, String code);

        boolean citizenIdTaken(String citizenId, Long exceptMemberId);

        boolean cardNumberTaken(String cardNumber, Long exceptMemberId);
    }

    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1890, 1, 1);

    private final Lookups repositoryLookups;

    RecordValidator(MemberRepository members) {
        this.repositoryLookups = new Lookups() {
            @Override
            public boolean codeExists(CodeList list, String code) {
                return members.codeExists(list, code);
            }

            @Override
            public boolean citizenIdTaken(String citizenId, Long exceptMemberId) {
                return members.citizenIdTaken(citizenId, exceptMemberId);
            }

            @Override
            public boolean cardNumberTaken(String cardNumber, Long exceptMemberId) {
                return members.cardNumberTaken(cardNumber, exceptMemberId);
            }
        };
    }

    /**
     * A person's name holds no markup or code: "<script>" or "'; drop table" in a name is an attack on whoever
     * shows or queries it, never a name (the apostrophe of Ê Đê names such as H'Hen stays allowed).
     */
    private static String requireName(String name, String field) {
        if (name != null && name.chars().anyMatch(c -> NOT_IN_NAMES.indexOf(c) >= 0)) {
            throw RuleViolation.onField(field, "error.member.nameCharacters", new VietnameseText.FieldName(field));
        }
        return name;
    }

    private static final String NOT_IN_NAMES = "<>\"`;=&{}[]\\|$%*#@";

    /** The record normalised (trimmed, codes upper case), or a violation naming the first bad field. */
    MemberRecord validate(MemberRecord r, LocalDate today, Long existingMemberId) {
        return validate(r, today, existingMemberId, repositoryLookups);
    }

    /** The same checks with lookups supplied by the caller (one implementation of the rules for both paths). */
    public static MemberRecord validate(MemberRecord r, LocalDate today, Long existingMemberId, Lookups lookups) {
        if (r == null) {
            throw new RuleViolation("error.member.recordRequired");
        }
        String fullName = requireName(VietnameseText.requireText(r.fullName(), "fullName", 100), "fullName");
        String otherNames = requireName(VietnameseText.optionalText(r.otherNames(), "otherNames", 100), "otherNames");
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
            if (lookups.citizenIdTaken(citizenId, existingMemberId)) {
                throw RuleViolation.onField("citizenId", "error.member.citizenIdTaken", citizenId);
            }
        } else if (r.citizenId() != null && !r.citizenId().isBlank()) {
            throw RuleViolation.onField("citizenId", "error.member.citizenIdFormat");
        }
        String card = VietnameseText.optionalText(r.cardNumber(), "cardNumber", 20);
        if (card != null && lookups.cardNumberTaken(card, existingMemberId)) {
            throw RuleViolation.onField("cardNumber", "error.member.cardNumberTaken", card);
        }
        String phone = VietnameseText.optionalText(r.phone(), "phone", 20);
        if (phone != null && !phone.matches("[0-9+ .-]{6,20}")) {
            throw RuleViolation.onField("phone", "error.member.phoneFormat");
        }
        return new MemberRecord(fullName, otherNames, r.gender(), r.birthDate(),
                VietnameseText.optionalText(r.birthPlace(), "birthPlace", 200),
                VietnameseText.optionalText(r.hometown(), "hometown", 200),
                code(lookups, CodeList.ETHNICITY, r.ethnicity(), true), code(lookups, CodeList.RELIGION, r.religion(), true),
                citizenId, card, VietnameseText.optionalText(r.historyNumber(), "historyNumber", 20),
                VietnameseText.optionalText(r.residence(), "residence", 300), phone,
                code(lookups, CodeList.OCCUPATION, r.occupation(), false), code(lookups, CodeList.EDUCATION, r.education(), false),
                code(lookups, CodeList.PROFESSIONAL, r.professional(), false),
                code(lookups, CodeList.ACADEMIC_TITLE, r.academicTitle(), false), code(lookups, CodeList.THEORY, r.theory(), false),
                code(lookups, CodeList.STATE_MANAGEMENT, r.stateManagement(), false));
    }

    private static String code(Lookups lookups, CodeList list, String value, boolean required) {
        String field = "code." + list.name();
        if (value == null || value.isBlank()) {
            if (required) {
                throw RuleViolation.onField(field, "error.text.required", new VietnameseText.FieldName(field));
            }
            return null;
        }
        String code = value.strip().toUpperCase(Locale.ROOT);
        if (!lookups.codeExists(list, code)) {
            throw RuleViolation.onField(field, "error.member.codeUnknown", code, new VietnameseText.FieldName(field));
        }
        return code;
    }
}
