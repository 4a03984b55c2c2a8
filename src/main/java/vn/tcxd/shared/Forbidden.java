package vn.tcxd.shared;

/**
 * The caller may see the thing but not change it (read-only scope): answers 403.
 */
public class Forbidden extends RuntimeException {

    public Forbidden() {
        super("forbidden");
    }
}
