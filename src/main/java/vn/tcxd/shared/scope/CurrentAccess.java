package vn.tcxd.shared.scope;

/**
 * The data scope of the user behind the current request. Implemented by the security module;
 * used by every module's web layer to filter and to refuse.
 */
public interface CurrentAccess {

    AccessScope scope();
}
