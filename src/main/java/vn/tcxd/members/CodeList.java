package vn.tcxd.members;

/**
 * Reference code lists of the member record.
 */
public enum CodeList {
    ETHNICITY, RELIGION, EDUCATION, PROFESSIONAL, THEORY, STATE_MANAGEMENT, ACADEMIC_TITLE, OCCUPATION
}
