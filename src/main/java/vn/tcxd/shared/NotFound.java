package vn.tcxd.shared;

/**
 * The thing asked for does not exist, or lies outside the caller's scope; both answer 404 so that
 * nothing leaks about units the caller may not see.
 */
public class NotFound extends RuntimeException {

    public NotFound(String what) {
        super(what);
    }
}
