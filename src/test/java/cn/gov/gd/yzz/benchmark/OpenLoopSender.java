package cn.gov.gd.yzz.benchmark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * An open-loop HTTP/1.1 load generator on one thread: a schedule of requests, each due at its own moment and bound to
 * one of a pool of keep-alive connections, sent through one selector. A connection carries one request at a time (no
 * pipelining); a request due while its connection still waits for an answer queues behind it, and its latency still
 * runs from when it was due. One thread and non-blocking sockets instead of a thread per connection: with a thread per
 * connection, each woken twice per request (its due time, then its answer), the generator took 28-31 CPU ticks a
 * second at 80,000 kiosks against 19-23 so, on the two cores it shares with the service and PostgreSQL (README,
 * Benchmarks). It parses only what this service sends: fixed-length or chunked answers without trailers, and no
 * {@code Content-Length} on a body-less status.
 */
final class OpenLoopSender {

    /** What the sender asks of the schedule's owner. */
    interface Requests {
        /** The bytes of the request for this event, built when it is sent (a signature is made then, as a kiosk would). */
        byte[] request(long event);

        /**
         * Its answer arrived: status, body (fixed length or de-chunked), when it was due, sent and answered, and how
         * late the sender was in sending it beyond both its due time and the end of its connection's previous request.
         */
        void answered(long event, int status, byte[] body, long dueNanos, long sentNanos, long doneNanos,
                long sendLagNanos);

        /** It got no answer: the connection broke, refused, or the step's deadline passed. */
        void failed(long event, String why, long dueNanos, long doneNanos);
    }

    private final InetSocketAddress address;
    private final int connections;

    OpenLoopSender(int port, int connections) {
        this.address = new InetSocketAddress("127.0.0.1", port);
        this.connections = connections;
    }

    /**
     * Sends every event of {@code events} (sorted by due time) at {@code startNanos + dueMillis(event)} on connection
     * {@code connection(event)} and returns once every one is answered or failed, or {@code graceNanos} after the last
     * was due.
     */
    void run(long[] events, java.util.function.LongUnaryOperator dueMillis,
            java.util.function.LongToIntFunction connection, long startNanos, long graceNanos, Requests requests)
            throws IOException {
        try (Selector selector = Selector.open()) {
            Connection[] pool = new Connection[connections];
            int next = 0;
            int open = 0; // requests sent or queued, not yet answered
            long lastDue = events.length == 0 ? startNanos
                    : startNanos + dueMillis.applyAsLong(events[events.length - 1]) * 1_000_000;
            try {
                while (next < events.length || open > 0) {
                    long now = System.nanoTime();
                    for (; next < events.length; next++) {
                        long due = startNanos + dueMillis.applyAsLong(events[next]) * 1_000_000;
                        if (due > now) {
                            break;
                        }
                        int c = connection.applyAsInt(events[next]);
                        if (pool[c] == null) {
                            pool[c] = new Connection(selector);
                        }
                        pool[c].queue(events[next], due);
                        open++;
                        if (pool[c].idle()) {
                            open -= pool[c].sendNext(requests);
                        }
                    }
                    if (next == events.length && open > 0 && now - lastDue > graceNanos) {
                        for (Connection c : pool) {
                            if (c != null) {
                                c.abandon(requests, "no answer " + graceNanos / 1_000_000_000 + " s after the step");
                            }
                        }
                        break;
                    }
                    // all sent: wait for the answers until the deadline, counted from the last due time, not from now
                    long wait = next < events.length
                            ? startNanos + dueMillis.applyAsLong(events[next]) * 1_000_000 - now
                            : lastDue + graceNanos - now + 1_000_000;
                    if (wait <= 0) {
                        continue;
                    }
                    // epoll's resolution is a millisecond: a request is sent up to ~1 ms after it was due (counted)
                    selector.select(Math.max(1, wait / 1_000_000));
                    for (SelectionKey key : selector.selectedKeys()) {
                        open -= ((Connection) key.attachment()).ready(key, requests);
                    }
                    selector.selectedKeys().clear();
                }
            } finally {
                for (Connection c : pool) {
                    if (c != null) {
                        c.close();
                    }
                }
            }
        }
    }

    /** One keep-alive connection: its queue of due requests, the one in flight, and the bytes of its answer so far. */
    private final class Connection {
        private final Selector selector;
        private SocketChannel channel;
        private SelectionKey key;
        private final ArrayDeque<long[]> waiting = new ArrayDeque<>(); // {event, due}
        private long[] inFlight;
        private long sentNanos;
        private long sendLag;
        private long previousDone;
        private ByteBuffer out;
        private ByteBuffer in = ByteBuffer.allocate(16_384);

        Connection(Selector selector) {
            this.selector = selector;
        }

        void queue(long event, long due) {
            waiting.add(new long[] {event, due});
        }

        boolean idle() {
            return inFlight == null;
        }

        /** Sends the next queued request, if any; returns how many requests ended without an answer (0 or more). */
        int sendNext(Requests requests) {
            int ended = 0;
            while (inFlight == null && !waiting.isEmpty()) {
                long[] request = waiting.poll();
                // "sent" when the sender turns to it, as the thread sender counts: a connect and the request's
                // signing are in its time from sending, not in the sender's own delay
                sentNanos = System.nanoTime();
                sendLag = sentNanos - Math.max(request[1], previousDone);
                try {
                    if (channel == null) {
                        connect();
                    }
                    byte[] bytes = requests.request(request[0]);
                    inFlight = request;
                    out = ByteBuffer.wrap(bytes);
                    channel.write(out);
                    key.interestOps(out.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE
                            : SelectionKey.OP_READ);
                } catch (IOException | RuntimeException e) {
                    requests.failed(request[0], e.toString(), request[1], System.nanoTime());
                    inFlight = null;
                    ended++;
                    close();
                }
            }
            return ended;
        }

        /** Writes what is left of the request, reads what came of the answer; returns how many requests ended. */
        int ready(SelectionKey selected, Requests requests) {
            int ended = 0;
            try {
                if (selected.isWritable() && out != null && out.hasRemaining()) {
                    channel.write(out);
                    if (!out.hasRemaining()) {
                        key.interestOps(SelectionKey.OP_READ);
                    }
                }
                if (selected.isReadable()) {
                    if (!in.hasRemaining()) {
                        in = ByteBuffer.allocate(in.capacity() * 2).put(in.flip());
                    }
                    if (channel.read(in) < 0) {
                        throw new IOException("connection closed by the server");
                    }
                    Answer answer = inFlight == null ? null : Answer.parse(in.array(), in.position());
                    if (answer != null) {
                        long done = System.nanoTime();
                        previousDone = done;
                        long[] request = inFlight;
                        inFlight = null;
                        int rest = in.position() - answer.length();
                        System.arraycopy(in.array(), answer.length(), in.array(), 0, rest);
                        in.position(rest);
                        ended++;
                        requests.answered(request[0], answer.status(), answer.body(), request[1], sentNanos, done,
                                sendLag);
                        ended += sendNext(requests);
                    }
                }
            } catch (IOException | RuntimeException e) {
                if (inFlight != null) {
                    requests.failed(inFlight[0], e.toString(), inFlight[1], System.nanoTime());
                    inFlight = null;
                    ended++;
                }
                close();
                ended += sendNext(requests);
            }
            return ended;
        }

        void abandon(Requests requests, String why) {
            long now = System.nanoTime();
            if (inFlight != null) {
                requests.failed(inFlight[0], why, inFlight[1], now);
                inFlight = null;
            }
            for (long[] request : waiting) {
                requests.failed(request[0], why, request[1], now);
            }
            waiting.clear();
        }

        private void connect() throws IOException {
            channel = SocketChannel.open();
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.socket().connect(address, 5_000);
            channel.configureBlocking(false);
            key = channel.register(selector, SelectionKey.OP_READ, this);
            in.clear();
        }

        void close() {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // a broken connection
                }
                channel = null;
                key = null;
            }
        }
    }

    /** A whole answer at the start of a buffer: its status, its body and how many bytes it took. */
    record Answer(int status, byte[] body, int length) {

        /** The answer in {@code bytes[0, end)}, or null while it is not complete. */
        static Answer parse(byte[] bytes, int end) {
            int headEnd = indexOf(bytes, 0, end, "\r\n\r\n");
            if (headEnd < 0) {
                return null;
            }
            int status = Integer.parseInt(new String(bytes, 9, 3, java.nio.charset.StandardCharsets.US_ASCII));
            String head = new String(bytes, 0, headEnd, java.nio.charset.StandardCharsets.ISO_8859_1)
                    .toLowerCase(java.util.Locale.ROOT);
            int bodyStart = headEnd + 4;
            int lengthAt = head.indexOf("\r\ncontent-length:");
            if (head.contains("\r\ntransfer-encoding: chunked")) {
                java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
                int at = bodyStart;
                while (true) {
                    int lineEnd = indexOf(bytes, at, end, "\r\n");
                    if (lineEnd < 0) {
                        return null;
                    }
                    String sizeLine = new String(bytes, at, lineEnd - at, java.nio.charset.StandardCharsets.US_ASCII);
                    int semicolon = sizeLine.indexOf(';');
                    int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(),
                            16);
                    if (size == 0) { // no trailers are sent: the last chunk's line, then an empty line
                        return lineEnd + 4 <= end ? new Answer(status, body.toByteArray(), lineEnd + 4) : null;
                    }
                    if (lineEnd + 2 + size + 2 > end) {
                        return null;
                    }
                    body.write(bytes, lineEnd + 2, size);
                    at = lineEnd + 2 + size + 2;
                }
            }
            int length = 0;
            if (lengthAt >= 0) {
                int valueEnd = head.indexOf("\r\n", lengthAt + 2);
                length = Integer.parseInt(head.substring(lengthAt + 17, valueEnd < 0 ? head.length() : valueEnd)
                        .trim());
            }
            return bodyStart + length > end ? null
                    : new Answer(status, Arrays.copyOfRange(bytes, bodyStart, bodyStart + length), bodyStart + length);
        }

        private static int indexOf(byte[] bytes, int from, int end, String what) {
            outer:
            for (int i = from; i <= end - what.length(); i++) {
                for (int j = 0; j < what.length(); j++) {
                    if (bytes[i + j] != what.charAt(j)) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
