package vn.tcxd.members;

public record CodeItem(CodeList list, String code, String label, String labelEn) {
}
