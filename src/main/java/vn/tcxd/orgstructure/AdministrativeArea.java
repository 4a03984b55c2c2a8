package vn.tcxd.orgstructure;

/**
 * The administrative area a unit belongs to, where it has one (tỉnh / xã, phường / thôn, tổ dân phố).
 */
public record AdministrativeArea(String province, String commune, String village) {

    public static final AdministrativeArea NONE = new AdministrativeArea(null, null, null);
}
