package cn.gov.gd.yzz.document;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts what passes and fails the moment a stream is larger than allowed, so an oversize upload stops early. */
final class LimitedInputStream extends FilterInputStream {

    /** Thrown while reading past the limit; unchecked so it passes through the object store client as it is. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("document larger than allowed", null, false, false);
        }
    }

    private final long limit;
    private long count;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    private void add(long n) {
        count += n;
        if (count > limit) {
            throw new TooLarge();
        }
    }
}
