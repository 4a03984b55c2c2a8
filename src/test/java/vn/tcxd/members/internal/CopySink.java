package vn.tcxd.members.internal;

import org.postgresql.PGConnection;

import javax.sql.DataSource;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Test data only: one table's COPY on its own connection and thread, fed by the generating thread in
 * 1 MB chunks of COPY text. Several sinks let the server ingest several tables at once while the
 * generator runs. The rows are committed by {@link #finish()}; foreign-key triggers are skipped
 * ({@code session_replication_role = replica}: the tables are loaded side by side, in separate
 * transactions, and the ids are consistent by construction).
 */
final class CopySink {

    private static final int CHUNK = 1 << 20;
    private static final byte[] END = new byte[0];
    private static final int FIRST_DAY = (int) LocalDate.of(1900, 1, 1).toEpochDay();
    private static final byte[][] DATES = new byte[(int) (LocalDate.of(2100, 1, 1).toEpochDay() - FIRST_DAY)][];

    static {
        for (int d = 0; d < DATES.length; d++) {
            DATES[d] = LocalDate.ofEpochDay(FIRST_DAY + d).toString().getBytes(StandardCharsets.US_ASCII);
        }
    }

    private final Connection connection;
    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(8);
    private final Thread thread;
    private volatile Throwable failure;
    private byte[] buffer = new byte[CHUNK + 4096];
    private int position;
    private boolean firstColumn = true;
    private long rows;

    CopySink(DataSource dataSource, String table, String sql) throws SQLException {
        connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            st.execute("set local synchronous_commit = off");
            st.execute("set local session_replication_role = replica");
        }
        PGConnection pg = connection.unwrap(PGConnection.class);
        thread = new Thread(() -> {
            try {
                pg.getCopyAPI().copyIn(sql, new QueueStream(), 1 << 16);
            } catch (Throwable e) {
                failure = e;
                queue.clear();
            }
        }, "copy-" + table);
        thread.start();
    }

    long rows() {
        return rows;
    }

    // ---- one row, column by column ----------------------------------------------------------

    CopySink text(String value) {
        if (value == null) {
            return nul();
        }
        separator();
        int n = value.length();
        ensure(n * 3);
        for (int k = 0; k < n; k++) {
            char c = value.charAt(k);
            if (c < 0x80) {
                buffer[position++] = (byte) c;
            } else {
                byte[] encoded = value.substring(k).getBytes(StandardCharsets.UTF_8);
                System.arraycopy(encoded, 0, buffer, position, encoded.length);
                position += encoded.length;
                break;
            }
        }
        return this;
    }

    /** Already encoded UTF-8 text (no tabs, newlines or backslashes). */
    CopySink bytes(byte[] value) {
        separator();
        ensure(value.length);
        System.arraycopy(value, 0, buffer, position, value.length);
        position += value.length;
        return this;
    }

    CopySink number(long value) {
        separator();
        ensure(24);
        if (value < 0) {
            buffer[position++] = '-';
            value = -value;
        }
        int start = position;
        do {
            buffer[position++] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value > 0);
        for (int a = start, b = position - 1; a < b; a++, b--) {
            byte t = buffer[a];
            buffer[a] = buffer[b];
            buffer[b] = t;
        }
        return this;
    }

    /** A zero-padded number of {@code width} digits. */
    CopySink digits(long value, int width) {
        separator();
        ensure(width);
        for (int k = width - 1; k >= 0; k--) {
            buffer[position + k] = (byte) ('0' + value % 10);
            value /= 10;
        }
        position += width;
        return this;
    }

    CopySink date(int epochDay) {
        return bytes(DATES[epochDay - FIRST_DAY]);
    }

    /** A date, or null for a negative day. */
    CopySink dateOrNull(int epochDay) {
        return epochDay < 0 ? nul() : date(epochDay);
    }

    CopySink bool(boolean value) {
        separator();
        ensure(1);
        buffer[position++] = (byte) (value ? 't' : 'f');
        return this;
    }

    CopySink nul() {
        separator();
        ensure(2);
        buffer[position++] = '\\';
        buffer[position++] = 'N';
        return this;
    }

    /** Ends the row. */
    void end() {
        ensure(1);
        buffer[position++] = '\n';
        firstColumn = true;
        rows++;
        if (position >= CHUNK) {
            hand(java.util.Arrays.copyOf(buffer, position));
            position = 0;
        }
    }

    private void separator() {
        if (firstColumn) {
            firstColumn = false;
        } else {
            ensure(1);
            buffer[position++] = '\t';
        }
    }

    private void ensure(int more) {
        if (position + more > buffer.length) {
            buffer = java.util.Arrays.copyOf(buffer, Math.max(buffer.length * 2, position + more));
        }
    }

    private void hand(byte[] chunk) {
        try {
            while (!queue.offer(chunk, 1, TimeUnit.SECONDS)) {
                check();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        check();
    }

    private void check() {
        if (failure != null) {
            throw new IllegalStateException("COPY failed on " + thread.getName(), failure);
        }
    }

    /** Sends the rest, waits for the server and commits. */
    void finish() throws SQLException, InterruptedException {
        if (position > 0) {
            hand(java.util.Arrays.copyOf(buffer, position));
            position = 0;
        }
        hand(END);
        thread.join();
        check();
        connection.commit();
        connection.close();
    }

    /** Gives up (after a failure elsewhere): the table's rows are rolled back. */
    void abandon() {
        thread.interrupt();
        try {
            connection.rollback();
            connection.close();
        } catch (SQLException ignored) {
            // the connection is being discarded
        }
    }

    private final class QueueStream extends InputStream {
        private byte[] current = new byte[0];
        private int offset;

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int off, int len) {
            if (current == END) {
                return -1;
            }
            while (offset == current.length) {
                try {
                    current = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                offset = 0;
                if (current == END) {
                    return -1;
                }
            }
            int n = Math.min(len, current.length - offset);
            System.arraycopy(current, offset, target, off, n);
            offset += n;
            return n;
        }
    }
}
