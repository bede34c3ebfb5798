package cn.gov.gd.yzz.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * The fleet benchmark's one-thread sender: its answer parser, and a schedule sent to a real HTTP server on loopback
 * (every request answered once, in order per connection, its latency from when it was due). The figures the benchmark
 * prints are only as good as this.
 */
class OpenLoopSenderTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void parsesFixedLengthChunkedAndIncompleteAnswers() {
        byte[] fixed = bytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\ncontent-length: 7\r\n\r\n{\"a\":1}");
        OpenLoopSender.Answer answer = OpenLoopSender.Answer.parse(fixed, fixed.length);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        assertThat(answer.length()).isEqualTo(fixed.length);
        assertThat(OpenLoopSender.Answer.parse(fixed, fixed.length - 1)).as("body not all there").isNull();
        assertThat(OpenLoopSender.Answer.parse(fixed, 20)).as("head not all there").isNull();

        byte[] noBody = bytes("HTTP/1.1 204 No Content\r\n\r\nHTTP/1.1 304 Not Modified\r\netag: \"x\"\r\n\r\n");
        OpenLoopSender.Answer first = OpenLoopSender.Answer.parse(noBody, noBody.length);
        assertThat(first.status()).isEqualTo(204);
        assertThat(first.body()).isEmpty();
        assertThat(first.length()).as("the next answer is left for later").isEqualTo(27);

        byte[] chunked = bytes("HTTP/1.1 201 Created\r\ntransfer-encoding: chunked\r\n\r\n4\r\n{\"b\"\r\n"
                + "3;ext=1\r\n:2}\r\n0\r\n\r\n");
        OpenLoopSender.Answer whole = OpenLoopSender.Answer.parse(chunked, chunked.length);
        assertThat(whole.status()).isEqualTo(201);
        assertThat(new String(whole.body(), StandardCharsets.UTF_8)).isEqualTo("{\"b\":2}");
        assertThat(whole.length()).isEqualTo(chunked.length);
        for (int end = 0; end < chunked.length; end++) {
            assertThat(OpenLoopSender.Answer.parse(chunked, end)).as("cut at %d", end).isNull();
        }
    }

    @Test
    void aRequestWithoutAnAnswerAndThoseQueuedBehindItFailAtTheDeadline() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        var executor = Executors.newFixedThreadPool(2);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            try {
                Thread.sleep(exchange.getRequestURI().getPath().equals("/hang") ? 10_000 : 0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            long[] events = {0L << 8 | 0, 5L << 8 | 1, 10L << 8 | 2}; // 0 hangs, 2 queues behind it, 1 is answered
            List<Long> answered = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            long started = System.nanoTime();
            new OpenLoopSender(server.getAddress().getPort(), 2).run(events, e -> e >>> 8, e -> (int) (e & 0xFF) % 2,
                    started, 1_000_000_000L, new OpenLoopSender.Requests() {
                        @Override
                        public byte[] request(long event) {
                            return HttpLoadClient.request((event & 0xFF) == 0 ? "/hang" : "/ok");
                        }

                        @Override
                        public void answered(long event, int status, byte[] body, long due, long sent, long done,
                                long lag) {
                            answered.add(event & 0xFF);
                        }

                        @Override
                        public void failed(long event, String why, long due, long done) {
                            failures.add((event & 0xFF) + ": " + why);
                        }
                    });
            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(answered).containsExactly(1L);
            assertThat(failures).hasSize(2).allMatch(f -> f.contains("no answer"));
            assertThat(seconds).as("ended at the deadline, a second after the last due time").isBetween(0.9, 5.0);
        } finally {
            server.stop(0);
            executor.shutdownNow(); // and the hanging handler with it
        }
    }

    @Test
    void sendsEveryRequestOnItsConnectionInTurnAndTimesItFromWhenItWasDue() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        var executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            exchange.getRequestBody().readAllBytes();
            if (path.startsWith("/slow")) {
                try {
                    Thread.sleep(300); // well beyond a cold first answer on a busy machine
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = path.getBytes(StandardCharsets.UTF_8);
            if (path.startsWith("/chunked")) {
                exchange.sendResponseHeaders(200, 0); // chunked
            } else {
                exchange.sendResponseHeaders(200, body.length);
            }
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            // event = due ms << 8 | number; connection = number % 2; number 0 is slow, 2 and 4 queue behind it
            long[] events = new long[40];
            for (int i = 0; i < events.length; i++) {
                events[i] = (long) (i / 4) * 5 << 8 | i;
            }
            List<long[]> answered = new ArrayList<>(); // {number, due, sent, done}
            List<String> bodies = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            long start = System.nanoTime() + 20_000_000;
            new OpenLoopSender(server.getAddress().getPort(), 2).run(events, e -> e >>> 8, e -> (int) (e & 0xFF) % 2,
                    start, 5_000_000_000L, new OpenLoopSender.Requests() {
                        @Override
                        public byte[] request(long event) {
                            int n = (int) (event & 0xFF);
                            String path = (n == 0 ? "/slow/" : n % 3 == 0 ? "/chunked/" : "/fixed/") + n;
                            return HttpLoadClient.post(path, bytes("{}"));
                        }

                        @Override
                        public void answered(long event, int status, byte[] body, long due, long sent, long done,
                                long lag) {
                            assertThat(status).isEqualTo(200);
                            answered.add(new long[] {event & 0xFF, due, sent, done});
                            bodies.add(new String(body, StandardCharsets.UTF_8));
                        }

                        @Override
                        public void failed(long event, String why, long due, long done) {
                            failures.add(why);
                        }
                    });
            assertThat(failures).isEmpty();
            assertThat(answered).hasSize(events.length);
            for (long[] a : answered) {
                assertThat(bodies.get(answered.indexOf(a))).endsWith("/" + a[0]);
                assertThat(a[1]).as("due at its place in the schedule").isEqualTo(start + (a[0] / 4) * 5_000_000);
                assertThat(a[2]).as("not sent before it was due").isGreaterThanOrEqualTo(a[1]);
            }
            // on connection 0, requests 2 and 4 waited behind the slow request 0: sent after its answer, late
            long[] slow = answered.stream().filter(a -> a[0] == 0).findFirst().orElseThrow();
            long[] queued = answered.stream().filter(a -> a[0] == 2).findFirst().orElseThrow();
            assertThat(queued[2]).isGreaterThanOrEqualTo(slow[3]);
            assertThat(queued[3] - queued[1]).as("latency from due, wait included").isGreaterThan(250_000_000);
            // connection 1 did not wait for connection 0's slow answer
            long[] other = answered.stream().filter(a -> a[0] == 1).findFirst().orElseThrow();
            assertThat(other[3]).isLessThan(slow[3]);
        } finally {
            server.stop(0);
            executor.shutdownNow(); // and the hanging handler with it
        }
    }
}
