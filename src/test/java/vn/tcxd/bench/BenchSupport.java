package vn.tcxd.bench;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Small helpers the benchmark harnesses share: single-value queries and the machine's load.
 */
final class BenchSupport {

    private BenchSupport() {
    }

    /** The load average when the measurement ran: 2 shared cores make it part of every figure. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    static long queryLong(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String queryString(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The first column of every row, as longs (sample ids). */
    static long[] queryIds(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            java.util.List<Long> ids = new java.util.ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
            return ids.stream().mapToLong(Long::longValue).toArray();
        }
    }

    /** The {@code p}-th percentile of sorted nanosecond timings, in milliseconds (nearest rank). */
    static double percentileMs(long[] sortedNanos, int p) {
        int index = Math.max(0, (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1);
        return sortedNanos[index] / 1e6;
    }

    /** Appends EXPLAIN (ANALYZE, BUFFERS) of {@code sql} to the plans report, then a blank line. */
    static void explain(DataSource dataSource, String sql, StringBuilder plans) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("explain (analyze, buffers) " + sql)) {
            while (rs.next()) {
                plans.append(rs.getString(1)).append('\n');
            }
        }
        plans.append('\n');
    }
}
