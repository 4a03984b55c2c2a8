package vn.tcxd.members;

public enum Gender {
    MALE, FEMALE
}
