package vn.tcxd.members;

/**
 * Chuyển sinh hoạt đảng chính thức / tạm thời.
 */
public enum TransferKind {
    PERMANENT, TEMPORARY
}
