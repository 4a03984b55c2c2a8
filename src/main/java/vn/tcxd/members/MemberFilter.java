package vn.tcxd.members;

/**
 * Optional filters of a member list; null means "any".
 *
 * @param ageFrom inclusive, in whole years on the list's date
 * @param ageTo   inclusive
 */
public record MemberFilter(MemberStatus status, Gender gender, Integer ageFrom, Integer ageTo, String ethnicity,
                           String theory, String education, Boolean exempt) {

    public static final MemberFilter NONE = new MemberFilter(null, null, null, null, null, null, null, null);
}
