package cn.gov.gd.yzz.benchmark;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** A PDF-looking stream of any length, generated as it is read: neither side of a benchmark holds it whole. */
final class GeneratedPdf extends InputStream {

    private static final byte[] HEAD = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1);

    private final long size;
    private long position;

    GeneratedPdf(long size) {
        this.size = size;
    }

    @Override
    public int read() {
        if (position >= size) {
            return -1;
        }
        return byteAt(position++);
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (position >= size) {
            return -1;
        }
        int n = (int) Math.min(length, size - position);
        for (int i = 0; i < n; i++) {
            buffer[offset + i] = (byte) byteAt(position + i);
        }
        position += n;
        return n;
    }

    private static int byteAt(long at) {
        return at < HEAD.length ? HEAD[(int) at] & 0xff : (int) ((at * 31 + (at >>> 7)) & 0x7f);
    }
}
