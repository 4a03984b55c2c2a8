package vn.tcxd.members;

import java.time.LocalDate;

/**
 * The main fields of the member record sheet (phiếu đảng viên). Coded fields hold codes of the
 * reference lists ({@link CodeList}); names are NFC.
 */
public record MemberRecord(String fullName, String otherNames, Gender gender, LocalDate birthDate, String birthPlace,
                           String hometown, String ethnicity, String religion, String citizenId, String cardNumber,
                           String historyNumber, String residence, String phone, String occupation, String education,
                           String professional, String academicTitle, String theory, String stateManagement) {
}
