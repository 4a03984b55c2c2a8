package vn.tcxd.orgstructure.internal;

/**
 * Materialised paths '/root/…/unit/' of unit ids. Compared bytewise (collate "C"), the subtree of
 * a path p is exactly the range [p, p with its last '/' replaced by '0'), because '/' (0x2F) sorts
 * just before '0' (0x30): one index range scan, usable in generic prepared plans.
 */
final class Paths {

    private Paths() {
    }

    static String of(String parentPath, long unitId) {
        return (parentPath == null ? "/" : parentPath) + unitId + "/";
    }

    static String upperBound(String path) {
        return path.substring(0, path.length() - 1) + "0";
    }

    static boolean isWithin(String path, String rootPath) {
        return path.startsWith(rootPath);
    }
}
