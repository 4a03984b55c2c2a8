package vn.tcxd.reports;

/**
 * What the statistics count members by. Keys are the codes of the record sheet (members' code
 * lists), the status name, the gender name or the birth year; {@link MemberTally#NONE} for a blank.
 */
public enum Dimension {
    /** PROBATIONARY, FULL. */
    STATUS,
    /** {@link MemberTally#EXEMPT}, {@link MemberTally#AWAY}, {@link MemberTally#IN_TRANSIT}: members may have several. */
    FLAG,
    /** MALE, FEMALE. */
    GENDER,
    /** The year of birth; ages and age bands are derived from it (see {@link AgeBands}). */
    BIRTH_YEAR,
    /** Women by year of birth (men are BIRTH_YEAR minus this): the age pyramid. */
    FEMALE_BIRTH_YEAR,
    ETHNICITY,
    RELIGION,
    EDUCATION,
    PROFESSIONAL,
    THEORY,
    ACADEMIC_TITLE,
    STATE_MANAGEMENT,
    OCCUPATION
}
