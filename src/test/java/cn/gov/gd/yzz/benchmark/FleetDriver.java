package cn.gov.gd.yzz.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load of a simulated fleet for one step: every kiosk acts on its own clock (a random phase per kiosk and
 * action), so N kiosks send N/60 heartbeats per second whatever the service's speed; the schedule of the whole step is
 * laid out before it starts. Kiosks are spread over a pool of keep-alive connections (one per worker thread); a
 * request's latency runs from the moment it was due, so a service (or a connection) that falls behind shows in the
 * percentiles instead of slowing the load down.
 */
final class FleetDriver {

    /** What a kiosk does, and how often (the busy hour: the SLO must hold then). */
    enum Action {
        HEARTBEAT(60), CATALOG_CHECK(300), TOKEN_REFRESH(FleetKiosks.TOKEN_REFRESH_AGE_S), RESIDENT_SESSION(3600),
        TRANSACTION_BATCH(600);

        final long periodSeconds;

        Action(long periodSeconds) {
            this.periodSeconds = periodSeconds;
        }
    }

    static final byte[] HEARTBEAT_BODY = """
            {"appVersion":"3.4.2","peripherals":{"idCardReader":"ok","printer":"ok","camera":"ok",\
            "documentScanner":"degraded"}}""".getBytes(StandardCharsets.UTF_8);
    static final double NAMED_SHARE = 0.8;
    private static final byte[] PING = HttpLoadClient.request("/api/v1/ping");
    /** The actions scheduled ({@code -Dbench.fleet.actions=HEARTBEAT,CATALOG_CHECK}: what a part of the mix costs). */
    static final java.util.Set<Action> ACTIONS_RUN = java.util.Arrays.stream(System.getProperty("bench.fleet.actions",
            "HEARTBEAT,CATALOG_CHECK,TOKEN_REFRESH,RESIDENT_SESSION,TRANSACTION_BATCH").split(","))
            .map(String::strip).map(Action::valueOf)
            .collect(java.util.stream.Collectors.toCollection(() -> java.util.EnumSet.noneOf(Action.class)));
    private static final int ACTIONS = Action.values().length;
    /**
     * {@code -Dbench.fleet.generator=selector} (default): the whole schedule sent from one thread through one selector;
     * {@code threads}: a thread per connection, as up to 2 December 2026 (for comparing the generator's own cost).
     */
    static final boolean ONE_THREAD = !"threads".equals(System.getProperty("bench.fleet.generator", "selector"));
    /** The SLO's bound: requests over it are counted per second of the step, to see when the tail happens. */
    static final long SLOW_NANOS = 100_000_000L;

    /** Figures of one step. */
    static final class Step {
        final int kiosks;
        final long[][] latencies = new long[ACTIONS][];
        final long[] counts = new long[ACTIONS];
        final AtomicLong errors = new AtomicLong();
        final AtomicLong notModified = new AtomicLong();
        final AtomicLong namedEvents = new AtomicLong();
        final AtomicLong events = new AtomicLong();
        final AtomicReference<String> firstError = new AtomicReference<>();
        /** Per second of the step: requests due, those over the SLO, the longest (ms). */
        int[] due = new int[0];
        int[] slow = new int[0];
        long[] longest = new long[0];
        /**
         * Per request, how late its thread sent it beyond both its due time and the end of that thread's previous
         * request: the generator's own delay (thread scheduling, its collector), not the service's.
         */
        long[] sendLag = new long[0];
        long nanos;
        /** When second 0 of the step began (epoch ms): to find its slow seconds in the service's and GC logs. */
        long startEpochMs;

        Step(int kiosks) {
            this.kiosks = kiosks;
            for (int a = 0; a < ACTIONS; a++) {
                latencies[a] = new long[0];
            }
        }

        long requests() {
            return Arrays.stream(counts).sum();
        }

        double percentileMillis(double p, Action... actions) {
            long[] all = (actions.length == 0 ? Arrays.stream(Action.values()) : Arrays.stream(actions))
                    .flatMapToLong(a -> Arrays.stream(latencies[a.ordinal()])).sorted().toArray();
            return all.length == 0 ? Double.NaN
                    : all[(int) Math.min(all.length - 1, Math.ceil(p / 100.0 * all.length) - 1)] / 1e6;
        }

        /** The seconds with a request over the SLO, as "second: slow/due, longest ms", the worst first. */
        String slowSeconds(int limit) {
            return java.util.stream.IntStream.range(0, slow.length).filter(t -> slow[t] > 0).boxed()
                    .sorted(java.util.Comparator.comparingInt((Integer t) -> slow[t]).reversed()).limit(limit)
                    .sorted().map(t -> String.format("%ds: %d/%d, %d ms", t, slow[t], due[t], longest[t]))
                    .collect(java.util.stream.Collectors.joining("; "));
        }

        double sendLagPercentileMillis(double p) {
            long[] all = sendLag.clone();
            Arrays.sort(all);
            return all.length == 0 ? Double.NaN
                    : all[(int) Math.min(all.length - 1, Math.ceil(p / 100.0 * all.length) - 1)] / 1e6;
        }

        /**
         * Per request, from the moment its thread sent it to the answer: without the wait behind the previous request
         * of the same connection, which real kiosks (a connection each) do not have; the SLO is judged on the latency
         * from the due time, which includes it.
         */
        private final java.util.List<long[]> fromSending = new java.util.ArrayList<>();

        synchronized void answeredAfterSending(Action action, long nanos) {
            fromSending.add(new long[] {action.ordinal(), nanos});
        }

        synchronized double fromSendingPercentileMillis(double p, Action... actions) {
            java.util.Set<Integer> wanted = Arrays.stream(actions.length == 0 ? Action.values() : actions)
                    .map(Action::ordinal).collect(java.util.stream.Collectors.toSet());
            long[] all = fromSending.stream().filter(r -> wanted.contains((int) r[0])).mapToLong(r -> r[1]).sorted()
                    .toArray();
            return all.length == 0 ? Double.NaN
                    : all[(int) Math.min(all.length - 1, Math.ceil(p / 100.0 * all.length) - 1)] / 1e6;
        }

        /** Nanoseconds the generator spent signing each assertion and attestation (its own ES256 work). */
        private final java.util.List<Long> signing = new java.util.ArrayList<>();

        synchronized void signed(long nanos) {
            signing.add(nanos);
        }

        synchronized String signingFigures() {
            long[] all = signing.stream().mapToLong(Long::longValue).sorted().toArray();
            if (all.length == 0) {
                return "none";
            }
            return String.format("%d signed, p50 %.2f ms, p99 %.2f ms, max %.2f ms", all.length,
                    all[all.length / 2] / 1e6, all[(int) Math.min(all.length - 1, Math.ceil(0.99 * all.length) - 1)]
                            / 1e6, all[all.length - 1] / 1e6);
        }

        void error(String what) {
            errors.incrementAndGet();
            firstError.compareAndSet(null, what);
        }
    }

    private final int port;
    private final FleetKiosks fleet;
    private final int workers;
    private final byte[] catalogCheck;

    FleetDriver(int port, FleetKiosks fleet, int workers, String catalogVersion, String catalogEtag) {
        this.port = port;
        this.fleet = fleet;
        this.workers = workers;
        this.catalogCheck = HttpLoadClient.request("/api/v1/catalog/changes?since=" + catalogVersion,
                "If-None-Match: " + catalogEtag);
    }

    /** Runs {@code seconds} of the fleet of kiosks [0, kiosks) and returns its figures. */
    Step run(int kiosks, long seconds, long seed) throws InterruptedException {
        return run(kiosks, seconds, seed, false);
    }

    /**
     * As {@link #run(int, long, long)}; with {@code pingOnly} every request of the same schedule is the trivial
     * {@code GET /api/v1/ping} instead: what the machine, the connections and the generator give at that rate.
     */
    Step run(int kiosks, long seconds, long seed, boolean pingOnly) throws InterruptedException {
        return run(kiosks, seconds, seed, pingOnly, () -> { });
    }

    /** As {@link #run(int, long, long, boolean)}, calling {@code atStart} when the schedule is laid out and begins. */
    Step run(int kiosks, long seconds, long seed, boolean pingOnly, Runnable atStart) throws InterruptedException {
        long durationMs = seconds * 1000;
        long startEpochMs = System.currentTimeMillis() + 3_000; // time to lay out the schedule
        long[][] schedules = schedule(kiosks, durationMs, startEpochMs, seed);
        Step step = new Step(kiosks);
        step.startEpochMs = startEpochMs;
        long startNanos = System.nanoTime() + (startEpochMs - System.currentTimeMillis()) * 1_000_000;
        Thread[] threads = new Thread[workers];
        long[][][] own = new long[workers][][];
        int secondsOfStep = (int) seconds + 1;
        step.due = new int[secondsOfStep];
        step.slow = new int[secondsOfStep];
        step.longest = new long[secondsOfStep];
        // the schedule's layout is not part of the step: figures taken at start begin here, 50 ms before the first due
        for (long wait = startNanos - 50_000_000 - System.nanoTime(); wait > 0;
                wait = startNanos - 50_000_000 - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
        atStart.run();
        if (ONE_THREAD) {
            Thread sender = new Thread(() -> own[0] = workOnOneThread(schedules, startNanos, step, pingOnly),
                    "fleet-sender");
            sender.start();
            sender.join();
        } else {
            for (int w = 0; w < workers; w++) {
                int worker = w;
                threads[w] = new Thread(() -> own[worker] = work(schedules[worker], startNanos, step, pingOnly),
                        "fleet-" + w);
                threads[w].start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
        }
        step.nanos = System.nanoTime() - startNanos;
        for (int a = 0; a < ACTIONS; a++) {
            int action = a;
            step.latencies[a] = Arrays.stream(own).filter(o -> o != null).flatMapToLong(o -> Arrays.stream(o[action]))
                    .toArray();
            step.counts[a] = step.latencies[a].length;
        }
        step.sendLag = Arrays.stream(own).filter(o -> o != null).flatMapToLong(o -> Arrays.stream(o[ACTIONS]))
                .toArray();
        return step;
    }

    /**
     * Every kiosk in [from, to) beats once, closed loop over the connections, unmeasured: the first sight of a kiosk's
     * token costs the service a full signature check, which a fleet in its steady state does not pay (and a fresh
     * instance pays for every kiosk at once). Returns the seconds it took; a refused beat is an error.
     */
    double join(int from, int to) throws InterruptedException {
        long started = System.nanoTime();
        Thread[] threads = new Thread[workers];
        AtomicReference<String> failure = new AtomicReference<>();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            threads[w] = new Thread(() -> {
                try (HttpLoadClient client = new HttpLoadClient(port)) {
                    for (int k = from + worker; k < to; k += workers) {
                        int status = client.call(HttpLoadClient.post("/api/v1/kiosks/" + FleetKiosks.id(k)
                                + "/heartbeat", HEARTBEAT_BODY, "Authorization: Bearer " + fleet.tokens[k]));
                        if (status != 204) {
                            failure.compareAndSet(null, FleetKiosks.id(k) + " joined with status " + status);
                        }
                    }
                } catch (IOException e) {
                    failure.compareAndSet(null, e.toString());
                }
            }, "fleet-join-" + w);
            threads[w].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException(failure.get());
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /**
     * Kiosks in [0, count) whose token refresh falls due before the next step starts (in the pause between steps)
     * refresh it through the API, closed loop, unmeasured, as a real kiosk would have meanwhile. Returns how many.
     */
    int refreshDue(int count) throws InterruptedException {
        long dueBefore = System.currentTimeMillis() + 5_000;
        Thread[] threads = new Thread[workers];
        Step unmeasured = new Step(count);
        java.util.concurrent.atomic.AtomicInteger refreshed = new java.util.concurrent.atomic.AtomicInteger();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            threads[w] = new Thread(() -> {
                try (HttpLoadClient client = new HttpLoadClient(port)) {
                    for (int k = worker; k < count; k += workers) {
                        if (fleet.tokens[k] != null && fleet.refreshAt[k] < dueBefore) {
                            long due = fleet.refreshAt[k];
                            perform(client, k, Action.TOKEN_REFRESH, unmeasured);
                            // next due a period after this one was, not after now: the fleet's refreshes stay spread
                            fleet.refreshAt[k] = Math.max(due + FleetKiosks.TOKEN_REFRESH_AGE_S * 1000,
                                    System.currentTimeMillis() + 1_000);
                            refreshed.incrementAndGet();
                        }
                    }
                } catch (IOException e) {
                    unmeasured.error(e.toString());
                }
            }, "fleet-refresh-" + w);
            threads[w].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (unmeasured.firstError.get() != null) {
            throw new IllegalStateException(unmeasured.firstError.get());
        }
        return refreshed.get();
    }

    /** Per worker, its kiosks' actions as (due ms << 24 | kiosk << 3 | action), sorted by due time. */
    private long[][] schedule(int kiosks, long durationMs, long startEpochMs, long seed) {
        long[][] out = new long[workers][];
        int[] sizes = new int[workers];
        for (int w = 0; w < workers; w++) {
            out[w] = new long[1024];
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int k = 0; k < kiosks; k++) {
            int w = k % workers;
            for (Action a : Action.values()) {
                if (!ACTIONS_RUN.contains(a)) {
                    continue;
                }
                long period = a.periodSeconds * 1000;
                long first = a == Action.TOKEN_REFRESH ? fleet.refreshAt[k] - startEpochMs : random.nextLong(period);
                if (first < 0) { // overdue while the step's new kiosks joined: a real kiosk would have refreshed
                    first = random.nextLong(60_000);
                }
                for (long due = Math.max(0, first); due < durationMs; due += period) {
                    if (sizes[w] == out[w].length) {
                        out[w] = Arrays.copyOf(out[w], sizes[w] * 2);
                    }
                    out[w][sizes[w]++] = due << 24 | (long) k << 3 | a.ordinal();
                }
            }
        }
        for (int w = 0; w < workers; w++) {
            out[w] = Arrays.copyOf(out[w], sizes[w]);
            Arrays.sort(out[w]);
        }
        return out;
    }

    /** What one sending thread saw: latencies per action (and the send lags last), requests per second of the step. */
    private static final class Recorder {
        private final long[][] latencies = new long[ACTIONS + 1][64];
        private final int[] n = new int[ACTIONS + 1];
        private final int[] duePerSecond;
        private final int[] slow;
        private final long[] longest;
        private final Step step;

        Recorder(Step step) {
            this.step = step;
            duePerSecond = new int[step.due.length];
            slow = new int[step.due.length];
            longest = new long[step.due.length];
        }

        void record(long event, Action action, long due, long sent, long done, long lag) {
            step.answeredAfterSending(action, done - sent);
            add(ACTIONS, lag);
            recordFailed(event, action, due, done);
        }

        /** A request without an answer: in the latencies from due time only, not in the sending figures. */
        void recordFailed(long event, Action action, long due, long done) {
            add(action.ordinal(), done - due);
            int second = (int) Math.min(duePerSecond.length - 1, (event >>> 24) / 1000);
            duePerSecond[second]++;
            if (done - due > SLOW_NANOS) {
                slow[second]++;
                longest[second] = Math.max(longest[second], (done - due) / 1_000_000);
            }
        }

        private void add(int series, long value) {
            if (n[series] == latencies[series].length) {
                latencies[series] = Arrays.copyOf(latencies[series], n[series] * 2);
            }
            latencies[series][n[series]++] = value;
        }

        long[][] finish() {
            synchronized (step) {
                for (int t = 0; t < duePerSecond.length; t++) {
                    step.due[t] += duePerSecond[t];
                    step.slow[t] += slow[t];
                    step.longest[t] = Math.max(step.longest[t], longest[t]);
                }
            }
            for (int a = 0; a <= ACTIONS; a++) {
                latencies[a] = Arrays.copyOf(latencies[a], n[a]);
            }
            return latencies;
        }
    }

    /** A thread per connection, each parked until its next request is due and blocked on its answer. */
    private long[][] work(long[] events, long startNanos, Step step, boolean pingOnly) {
        Recorder recorder = new Recorder(step);
        HttpLoadClient client = null;
        long previousDone = 0;
        try {
            for (long event : events) {
                long due = startNanos + (event >>> 24) * 1_000_000;
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                int kiosk = (int) (event >>> 3 & 0x1F_FFFF);
                Action action = Action.values()[(int) (event & 7)];
                long lag = System.nanoTime() - Math.max(due, previousDone);
                long sent = System.nanoTime();
                try {
                    if (client == null) {
                        client = new HttpLoadClient(port);
                    }
                    if (pingOnly) {
                        expect(client.call(PING), 200, action, "ping", step);
                    } else {
                        perform(client, kiosk, action, step);
                    }
                } catch (IOException | RuntimeException e) {
                    step.error(action + " of " + FleetKiosks.id(kiosk) + ": " + e);
                    closeQuietly(client);
                    client = null;
                }
                previousDone = System.nanoTime();
                recorder.record(event, action, due, sent, previousDone, lag);
            }
        } finally {
            closeQuietly(client);
        }
        return recorder.finish();
    }

    /** Every connection's schedule on one thread, through one selector ({@link OpenLoopSender}). */
    private long[][] workOnOneThread(long[][] schedules, long startNanos, Step step, boolean pingOnly) {
        long[] events = Arrays.stream(schedules).flatMapToLong(Arrays::stream).sorted().toArray();
        Recorder recorder = new Recorder(step);
        java.util.Map<Long, Outgoing> sent = new java.util.HashMap<>();
        OpenLoopSender.Requests requests = new OpenLoopSender.Requests() {
            @Override
            public byte[] request(long event) {
                if (pingOnly) {
                    return PING;
                }
                Outgoing outgoing = outgoing(kiosk(event), action(event), step);
                sent.put(event, outgoing);
                return outgoing.bytes();
            }

            @Override
            public void answered(long event, int status, byte[] body, long due, long sentAt, long done, long lag) {
                Action action = action(event);
                try {
                    if (pingOnly) {
                        expect(status, 200, action, "ping", step);
                    } else {
                        FleetDriver.this.answered(kiosk(event), action, sent.remove(event), status,
                                new String(body, StandardCharsets.UTF_8), step);
                    }
                } catch (RuntimeException e) {
                    step.error(action + " of " + FleetKiosks.id(kiosk(event)) + ": " + e);
                }
                recorder.record(event, action, due, sentAt, done, lag);
            }

            @Override
            public void failed(long event, String why, long due, long done) {
                sent.remove(event);
                step.error(action(event) + " of " + FleetKiosks.id(kiosk(event)) + ": " + why);
                recorder.recordFailed(event, action(event), due, done);
            }
        };
        try {
            new OpenLoopSender(port, workers).run(events, event -> event >>> 24, event -> kiosk(event) % workers,
                    startNanos, 30_000_000_000L, requests); // the thread sender's read timeout
        } catch (IOException e) {
            step.error("the sender's selector: " + e);
        }
        return recorder.finish();
    }

    private static int kiosk(long event) {
        return (int) (event >>> 3 & 0x1F_FFFF);
    }

    private static Action action(long event) {
        return Action.values()[(int) (event & 7)];
    }

    /** A request of the schedule: its bytes, and the resident a session request names (else -1). */
    private record Outgoing(byte[] bytes, int resident) {
    }

    /** Builds the request of a kiosk's action, signing what a kiosk signs at that moment. */
    private Outgoing outgoing(int kiosk, Action action, Step step) {
        String id = FleetKiosks.id(kiosk);
        String bearer = "Authorization: Bearer " + fleet.tokens[kiosk];
        return switch (action) {
            case HEARTBEAT -> new Outgoing(HttpLoadClient.post("/api/v1/kiosks/" + id + "/heartbeat", HEARTBEAT_BODY,
                    bearer), -1);
            case CATALOG_CHECK -> new Outgoing(catalogCheck, -1);
            case TOKEN_REFRESH -> {
                long signing = System.nanoTime();
                String assertion = fleet.clientAssertion(kiosk);
                step.signed(System.nanoTime() - signing);
                yield new Outgoing(HttpLoadClient.post("/api/v1/kiosks/" + id + "/token",
                        json("{\"assertion\":\"" + assertion + "\"}")), -1);
            }
            case RESIDENT_SESSION -> {
                int resident = ThreadLocalRandom.current().nextInt(fleet.idNumbers.length);
                long signing = System.nanoTime();
                String attestation = fleet.attestation(kiosk, resident);
                step.signed(System.nanoTime() - signing);
                yield new Outgoing(HttpLoadClient.post("/api/v1/kiosks/" + id + "/citizen-sessions",
                        json("{\"attestation\":\"" + attestation + "\"}"), bearer), resident);
            }
            case TRANSACTION_BATCH -> new Outgoing(HttpLoadClient.post("/api/v1/kiosks/" + id + "/transactions",
                    json(batch(kiosk, step)), bearer), -1);
        };
    }

    /** Checks the answer to a kiosk's action and keeps what the kiosk keeps of it (a new token, a session). */
    private void answered(int kiosk, Action action, Outgoing sent, int status, String body, Step step) {
        String id = FleetKiosks.id(kiosk);
        switch (action) {
            case HEARTBEAT -> expect(status, 204, action, id, step);
            case CATALOG_CHECK -> {
                if (status == 304) {
                    step.notModified.incrementAndGet();
                } else {
                    expect(status, 200, action, id, step);
                }
            }
            case TOKEN_REFRESH -> {
                if (expect(status, 200, action, id, step)) {
                    fleet.tokenAnswered(kiosk, body);
                }
            }
            case RESIDENT_SESSION -> {
                if (expect(status, 201, action, id, step)) {
                    fleet.sessionAnswered(kiosk, sent.resident(), body);
                }
            }
            case TRANSACTION_BATCH -> {
                if (expect(status, 200, action, id, step) && !body.contains("\"rejected\":0")) {
                    step.error(action + " of " + id + ": events rejected: " + body);
                }
            }
            default -> throw new IllegalStateException();
        }
    }

    private void perform(HttpLoadClient client, int kiosk, Action action, Step step) throws IOException {
        Outgoing sent = outgoing(kiosk, action, step);
        HttpLoadClient.Answer answer = client.exchange(sent.bytes());
        answered(kiosk, action, sent, answer.status(), answer.text(), step);
    }

    /** Two events of the last minutes; each names (by citizen id) a resident the kiosk served, 80% of the time. */
    private String batch(int kiosk, Step step) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder json = new StringBuilder("{\"events\":[");
        for (int e = 0; e < 2; e++) {
            OffsetDateTime at = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusSeconds(random.nextInt(30, 600))
                    .withNano(0);
            json.append(e == 0 ? "" : ",").append("{\"eventId\":\"").append(UUID.randomUUID())
                    .append("\",\"serviceCode\":\"HRSS-001\",\"occurredAt\":\"").append(at)
                    .append("\",\"kind\":\"query\"");
            int[] served = fleet.served[kiosk];
            if (served != null && served.length > 0 && random.nextDouble() < NAMED_SHARE) {
                json.append(",\"citizenId\":\"").append(fleet.citizenIds[served[random.nextInt(served.length)]])
                        .append('"');
                step.namedEvents.incrementAndGet();
            }
            json.append('}');
            step.events.incrementAndGet();
        }
        return json.append("]}").toString();
    }

    private static boolean expect(int status, int expected, Action action, String kiosk, Step step) {
        if (status != expected) {
            step.error(action + " of " + kiosk + ": status " + status + ", expected " + expected);
            return false;
        }
        return true;
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void closeQuietly(HttpLoadClient client) {
        if (client != null) {
            try {
                client.close();
            } catch (IOException ignored) {
                // closing a broken connection
            }
        }
    }
}
