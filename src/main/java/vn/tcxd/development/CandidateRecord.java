package vn.tcxd.development;

import vn.tcxd.members.Gender;

import java.time.LocalDate;

/**
 * What the candidate's file keeps of the person: only what the admission carries into the member record
 * sheet (data minimisation). Ethnicity, religion, education and occupation are codes of members' lists.
 */
public record CandidateRecord(String fullName, LocalDate birthDate, Gender gender, String ethnicity, String religion,
                              String citizenId, String education, String occupation, String workplace,
                              String residence) {
}
