package cn.gov.gd.yzz.common;

import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;

/**
 * The body of a streamed request (a document upload) as the HTTP layer receives it: the I/O thread appends what
 * arrives, the worker thread reads. At most {@link #HIGH_WATER} bytes wait here; beyond that the connection is paused
 * until the reader catches up, so a fast client cannot fill the memory and a slow store slows the client down. The
 * HTTP layer ({@link RequestBodyGate}) also fails the stream when the client is too slow, sends too much or goes
 * away, which wakes a reader waiting for bytes. An endpoint gets it as its {@code InputStream} body
 * ({@link StreamedBodyFilter}).
 */
public final class StreamedBody extends InputStream {

    static final String KEY = StreamedBody.class.getName();
    static final int HIGH_WATER = 256 * 1024;
    private static final int LOW_WATER = 64 * 1024;

    /** Why the body stopped before its end, and the answer the client gets for it. */
    public static final class Failed extends IOException {
        private final transient ProblemException answer;

        Failed(String message, ProblemException answer) {
            super(message, null);
            this.answer = answer;
        }

        public ProblemException answer() {
            return answer;
        }
    }

    private final Object lock = new Object();
    private final ArrayDeque<Buffer> chunks = new ArrayDeque<>();
    private final Runnable resume;
    private int offset;
    private long queued;
    private boolean ended;
    private boolean paused;
    private Failed failure;
    private long waited;
    private long waitingSince = -1;

    StreamedBody(Runnable resume) {
        this.resume = resume;
    }

    /**
     * What the caller should answer for a failure {@code e} raised while this body was read: when the body itself
     * failed (too slow, too large, cut off) that is the answer, whatever a parser made of the broken stream.
     */
    public RuntimeException explain(RuntimeException e) {
        synchronized (lock) {
            return failure != null ? failure.answer() : e;
        }
    }

    // ------------------------------------------------------------------ I/O thread

    /** Appends a chunk; true when the connection should pause until the reader has taken some. */
    boolean offer(Buffer chunk) {
        synchronized (lock) {
            if (failure != null) {
                return true;
            }
            chunks.addLast(chunk);
            queued += chunk.length();
            lock.notifyAll();
            paused = queued >= HIGH_WATER;
            return paused;
        }
    }

    void end() {
        synchronized (lock) {
            ended = true;
            lock.notifyAll();
        }
    }

    void fail(Failed why) {
        synchronized (lock) {
            if (failure == null && !ended) {
                failure = why;
                chunks.clear();
                queued = 0;
                lock.notifyAll();
            }
        }
    }

    /** How long, in all, a reader has waited for the client's bytes: the client's time, for its pace. */
    long waitedNanos(long now) {
        synchronized (lock) {
            return waited + (waitingSince >= 0 ? now - waitingSince : 0);
        }
    }

    // ------------------------------------------------------------------ reader (worker thread)

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int from, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        boolean wakeClient = false;
        int copied;
        synchronized (lock) {
            if (chunks.isEmpty() && !ended && failure == null) {
                // the connection may be paused (by the REST layer until now, or by this stream): bytes are wanted
                paused = false;
                resume.run();
                waitingSince = System.nanoTime();
                try {
                    while (chunks.isEmpty() && !ended && failure == null) {
                        lock.wait();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while waiting for the request body");
                } finally {
                    waited += System.nanoTime() - waitingSince;
                    waitingSince = -1;
                }
            }
            if (failure != null) {
                throw failure;
            }
            if (chunks.isEmpty()) {
                return -1;
            }
            Buffer head = chunks.peekFirst();
            copied = Math.min(length, head.length() - offset);
            head.getBytes(offset, offset + copied, target, from);
            offset += copied;
            if (offset == head.length()) {
                chunks.removeFirst();
                offset = 0;
            }
            queued -= copied;
            if (paused && queued <= LOW_WATER) {
                paused = false;
                wakeClient = true;
            }
        }
        if (wakeClient) {
            resume.run();
        }
        return copied;
    }

    @Override
    public int available() {
        synchronized (lock) {
            return (int) Math.min(Integer.MAX_VALUE, queued);
        }
    }
}
