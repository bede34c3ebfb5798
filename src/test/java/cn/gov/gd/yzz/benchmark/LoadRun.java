package cn.gov.gd.yzz.benchmark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Closed-loop load: N connections, each sending one request after the other for a fixed time. Latencies of every
 * request are kept (a few hundred thousand longs), so percentiles are exact.
 */
final class LoadRun {

    /** Figures of one scenario, summed over its rounds. */
    static final class Figures {
        long requests;
        long nanos;
        final List<long[]> latencies = new ArrayList<>();

        double perSecond() {
            return requests / (nanos / 1e9);
        }

        double percentileMillis(double p) {
            long[] all = latencies.stream().flatMapToLong(Arrays::stream).toArray();
            Arrays.sort(all);
            if (all.length == 0) {
                return Double.NaN;
            }
            return all[(int) Math.min(all.length - 1, Math.ceil(p / 100.0 * all.length) - 1)] / 1e6;
        }
    }

    private LoadRun() {
    }

    /** Runs one round of a scenario and adds its figures; fails when an answer has another status. */
    static void round(int port, byte[] request, int expectedStatus, int connections, long millis, Figures into)
            throws InterruptedException {
        round(port, new byte[][] {request}, expectedStatus, connections, millis, into);
    }

    /** As above, each connection going round the requests from its own starting point (e.g. many kiosks' calls). */
    static void round(int port, byte[][] requests, int expectedStatus, int connections, long millis, Figures into)
            throws InterruptedException {
        long[][] latencies = new long[connections][];
        long[] counts = new long[connections];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        Thread[] threads = new Thread[connections];
        long[] window = new long[2];
        for (int i = 0; i < connections; i++) {
            int slot = i;
            threads[i] = new Thread(() -> {
                long[] own = new long[1 << 16];
                int n = 0;
                int next = (int) ((long) slot * requests.length / connections);
                try (HttpLoadClient client = new HttpLoadClient(port)) {
                    start.await();
                    long end = System.nanoTime() + millis * 1_000_000;
                    for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
                        int status = client.call(requests[next]);
                        next = next + 1 == requests.length ? 0 : next + 1;
                        long took = System.nanoTime() - now;
                        if (status != expectedStatus) {
                            throw new IllegalStateException("status " + status + ", expected " + expectedStatus);
                        }
                        if (n == own.length) {
                            own = Arrays.copyOf(own, n * 2);
                        }
                        own[n++] = took;
                    }
                } catch (IOException | InterruptedException | RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
                latencies[slot] = Arrays.copyOf(own, n);
                counts[slot] = n;
            }, "load-" + i);
            threads[i].start();
        }
        window[0] = System.nanoTime();
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        window[1] = System.nanoTime();
        if (failure.get() != null) {
            throw new IllegalStateException("load run failed", failure.get());
        }
        into.nanos += window[1] - window[0];
        for (int i = 0; i < connections; i++) {
            into.requests += counts[i];
            into.latencies.add(latencies[i]);
        }
    }
}
