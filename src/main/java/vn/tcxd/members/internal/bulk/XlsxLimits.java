package vn.tcxd.members.internal.bulk;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Locale;

/**
 * Bounds an xlsx before the workbook reader opens it. The reader inflates every part it needs and keeps the
 * whole shared-string table in memory: a 5.8 MB upload whose strings inflated took the heap from 1.7 to 5.8 GB,
 * and a 5.9 MB zip bomb held a core for 143 s. Every part is inflated once here, as a stream that keeps nothing,
 * through the same zip reader (commons-compress, by the central directory) as the workbook reader, so both see
 * the same parts; the first limit passed stops the scan. A legitimate workbook of the template's 200,000 rows
 * stays far below each limit.
 */
final class XlsxLimits {

    /** All parts together, inflated. */
    static final long MAX_INFLATED_BYTES = 400L * 1024 * 1024;
    /** XML compresses 5–20 times; a part inflating more than this was built to inflate. */
    static final int MAX_RATIO = 100;
    /** The ratio is judged once a part has inflated this far (tiny parts compress oddly). */
    private static final long RATIO_FROM_BYTES = 1024 * 1024;
    static final int MAX_PARTS = 1_000;
    /** The shared-string table is what the reader keeps whole in memory. */
    static final long MAX_SHARED_STRING_BYTES = 100L * 1024 * 1024;
    /** Ten strings per row of the largest import allowed. */
    static final int MAX_SHARED_STRINGS = 2_000_000;

    private static final int MB = 1024 * 1024;
    private static final byte[] DOCTYPE = "<!DOCTYPE".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ENTITY = "<!ENTITY".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHARED_STRING = "<si".getBytes(StandardCharsets.US_ASCII);

    private XlsxLimits() {
    }

    /** @throws ImportRefused at the first limit the workbook passes; nothing is read further */
    static void check(byte[] content) throws IOException {
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get()) {
            long total = 0;
            int parts = 0;
            byte[] buffer = new byte[64 * 1024];
            for (Enumeration<ZipArchiveEntry> entries = zip.getEntries(); entries.hasMoreElements(); ) {
                ZipArchiveEntry entry = entries.nextElement();
                if (++parts > MAX_PARTS) {
                    throw new ImportRefused("error.memberImport.tooManyParts", MAX_PARTS);
                }
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName().toLowerCase(Locale.ROOT);
                boolean xml = name.endsWith(".xml") || name.endsWith(".rels");
                boolean sharedStrings = name.endsWith("sharedstrings.xml");
                long compressed = Math.max(entry.getCompressedSize(), 1);
                long inflated = 0;
                long strings = 0;
                Matcher doctype = new Matcher(DOCTYPE);
                Matcher entity = new Matcher(ENTITY);
                Matcher sharedString = new Matcher(SHARED_STRING);
                try (InputStream in = zip.getInputStream(entry)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        inflated += n;
                        total += n;
                        if (total > MAX_INFLATED_BYTES
                                || inflated > RATIO_FROM_BYTES && inflated > MAX_RATIO * compressed) {
                            throw new ImportRefused("error.memberImport.zipBomb", MAX_INFLATED_BYTES / MB, MAX_RATIO);
                        }
                        if (sharedStrings && inflated > MAX_SHARED_STRING_BYTES) {
                            throw new ImportRefused("error.memberImport.sharedStrings", number(MAX_SHARED_STRINGS),
                                    MAX_SHARED_STRING_BYTES / MB);
                        }
                        if (xml) {
                            for (int i = 0; i < n; i++) {
                                byte b = buffer[i];
                                if (doctype.next(b) || entity.next(b)) {
                                    // no part of a workbook declares a document type: an entity is an XXE attempt
                                    throw new ImportRefused("error.memberImport.doctype", entry.getName());
                                }
                                if (sharedStrings && sharedString.next(b)) {
                                    int after = i + 1 < n ? buffer[i + 1] : ' ';
                                    if ((after == '>' || after == ' ' || after == '/') && ++strings > MAX_SHARED_STRINGS) {
                                        throw new ImportRefused("error.memberImport.sharedStrings",
                                                number(MAX_SHARED_STRINGS), MAX_SHARED_STRING_BYTES / MB);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static String number(long value) {
        return vn.tcxd.shared.VietnameseFormat.number(value);
    }

    /** Finds a byte sequence (ASCII, any case) in a stream fed one byte at a time. */
    private static final class Matcher {
        private final byte[] pattern;
        private int matched;

        Matcher(byte[] pattern) {
            this.pattern = pattern;
        }

        boolean next(byte b) {
            byte upper = b >= 'a' && b <= 'z' ? (byte) (b - 32) : b;
            byte expected = pattern[matched];
            byte expectedUpper = expected >= 'a' && expected <= 'z' ? (byte) (expected - 32) : expected;
            if (upper == expectedUpper) {
                matched++;
            } else {
                matched = upper == upperAt(0) ? 1 : 0;
            }
            if (matched == pattern.length) {
                matched = 0;
                return true;
            }
            return false;
        }

        private byte upperAt(int i) {
            byte p = pattern[i];
            return p >= 'a' && p <= 'z' ? (byte) (p - 32) : p;
        }
    }
}
