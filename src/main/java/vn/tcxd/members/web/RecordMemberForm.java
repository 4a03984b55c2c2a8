package vn.tcxd.members.web;

import vn.tcxd.members.Gender;
import vn.tcxd.members.MemberDetails;
import vn.tcxd.members.MemberRecord;

import java.time.LocalDate;

/**
 * The record sheet form (phiếu đảng viên) behind admission ({@code /members/new}) and record
 * corrections ({@code /members/{id}/edit}); coded fields are picked from the reference lists.
 *
 * @param cellCode   the cell admitting the member (admission only)
 * @param admittedOn the date written in the admission decision (admission only)
 */
public record RecordMemberForm(String fullName, String otherNames, Gender gender, LocalDate birthDate, String birthPlace,
                               String hometown, String ethnicity, String religion, String citizenId, String cardNumber,
                               String historyNumber, String residence, String phone, String occupation,
                               String education, String professional, String academicTitle, String theory,
                               String stateManagement, String cellCode, LocalDate admittedOn, String decisionNumber,
                               LocalDate decisionDate, String decisionBody) {

    static RecordMemberForm empty(String cellCode, LocalDate today) {
        return new RecordMemberForm(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, cellCode, today, null, today, null);
    }

    static RecordMemberForm of(MemberRecord r, LocalDate today) {
        return new RecordMemberForm(r.fullName(), r.otherNames(), r.gender(), r.birthDate(), r.birthPlace(),
                r.hometown(), r.ethnicity(), r.religion(), r.citizenId(), r.cardNumber(), r.historyNumber(),
                r.residence(), r.phone(), r.occupation(), r.education(), r.professional(), r.academicTitle(),
                r.theory(), r.stateManagement(), null, null, null, today, null);
    }

    static RecordMemberForm of(MemberDetails m, LocalDate today) {
        return of(m.record(), today);
    }

    MemberRecord toRecord() {
        return new MemberRecord(trim(fullName), trim(otherNames), gender, birthDate, trim(birthPlace), trim(hometown),
                blank(ethnicity), blank(religion), blank(citizenId), blank(cardNumber), blank(historyNumber),
                trim(residence), blank(phone), blank(occupation), blank(education), blank(professional),
                blank(academicTitle), blank(theory), blank(stateManagement));
    }

    private static String trim(String s) {
        return s == null ? null : s.strip();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
