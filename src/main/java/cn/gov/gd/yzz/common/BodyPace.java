package cn.gov.gd.yzz.common;

/**
 * The pace of one request body: bytes received per window of the client's time. What counts as the client's time is
 * the caller's to say: all of it while a body is read whole, only the time a reader spends waiting for bytes while a
 * body streams (not the time the service itself is busy elsewhere, or holds the connection paused). Used from the
 * request's I/O thread only.
 */
final class BodyPace {

    private final long minBytesPerWindow;
    private final long windowNanos;
    private long windowStart;
    private long bytes;

    BodyPace(long minBytesPerSecond, long windowNanos) {
        this.minBytesPerWindow = minBytesPerSecond * windowNanos / 1_000_000_000L;
        this.windowNanos = windowNanos;
    }

    void received(long count) {
        bytes += count;
    }

    /**
     * True when a whole window of the client's time ({@code clientNanos}, counted from 0) has passed with fewer bytes
     * than the minimum; otherwise, at the end of a window, the count starts again.
     */
    boolean tooSlow(long clientNanos) {
        if (clientNanos - windowStart < windowNanos) {
            return false;
        }
        boolean slow = bytes < minBytesPerWindow;
        windowStart = clientNanos;
        bytes = 0;
        return slow;
    }
}
