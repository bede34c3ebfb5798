package cn.gov.gd.yzz.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gd.yzz.benchmark.FleetDriver.Action;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The largest kiosk fleet one instance serves at the SLO (p99 &lt; 100 ms over every request, no error), service,
 * PostgreSQL and load generator on this machine. Each simulated kiosk has its own EC P-256 key and acts on its own
 * clock at the busy hour: heartbeat every 60 s, catalog check every 5 min (If-None-Match), device token refreshed by
 * a client assertion at 80% of its 15 min lifetime, a resident session (identity attestation) per hour, a batch of
 * two transaction events every 10 min, 80% of them naming a resident the kiosk served. N kiosks thus send N/60
 * heartbeats per second, N/300 catalog checks, N/720 token requests, N/3600 sessions and N/600 batches: the schedule
 * is real time (not compressed), each step lasting {@code bench.fleet.step-seconds}. Steps grow until the first one
 * misses the SLO. Then the heartbeat path and an unchanged catalog check are measured closed loop next to
 * {@code GET /api/v1/ping} (same connections, interleaved rounds). Prints figures, asserts nothing about time. Run with
 * {@code ./mvnw -Pembedded,benchmark verify -Dit.test=FleetBenchmark} (README: Benchmarks).
 */
@Tag("benchmark")
class FleetBenchmark {

    private static final String STEPS = System.getProperty("bench.fleet.steps",
            "10000,25000,50000,100000,150000");
    private static final int STEP_SECONDS = Integer.getInteger("bench.fleet.step-seconds", 60);
    private static final int WORKERS = Integer.getInteger("bench.fleet.connections", 64);
    private static final int RESIDENTS = Integer.getInteger("bench.fleet.residents", 2000);
    private static final String HEAP = System.getProperty("bench.fleet.heap", "512m");
    private static final int CONNECTIONS = Integer.getInteger("bench.connections", 8);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 5);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    /** After each step, its schedule again with every request {@code GET /api/v1/ping} (the machine's floor). */
    private static final boolean PING_FLOOR =
            Boolean.parseBoolean(System.getProperty("bench.fleet.ping-floor", "true"));
    private static final double SLO_P99_MS = 100;

    @Test
    void largestFleetAtTheSlo() throws Exception {
        int[] steps = Arrays.stream(STEPS.split(",")).map(String::strip).mapToInt(Integer::parseInt).toArray();
        Path runner = Path.of(System.getProperty("bench.runner", "target/quarkus-app/quarkus-run.jar"));
        Path workDir = Path.of(System.getProperty("bench.work-dir", "target/benchmark"));
        FleetKiosks fleet = FleetKiosks.load(workDir.resolve("fleet-kiosk-keys.bin"), steps[steps.length - 1],
                RESIDENTS);
        Path serviceDir = workDir.resolve("fleet");
        try (ServiceUnderTest service = ServiceUnderTest.start(runner, serviceDir, HEAP);
                Connection db = DriverManager.getConnection(service.embeddedServers().getProperty("jdbc.url"))) {
            int port = service.port();
            DemoClient demo = new DemoClient(port);
            var serviceKey = Es256.privateKey(Files.readString(serviceDir.resolve("keys/jwt-signing-private.pem")));
            String version;
            String etag;
            try (HttpLoadClient probe = new HttpLoadClient(port)) {
                Matcher m = Pattern.compile("\"version\":(\\d+)")
                        .matcher(probe.exchange(HttpLoadClient.request("/api/v1/catalog/changes")).text());
                assertThat(m.find()).isTrue();
                version = m.group(1);
                etag = probe.header(HttpLoadClient.request("/api/v1/catalog/changes?since=" + version), "ETag");
            }
            fleet.registerUpTo(db, steps[0]);
            fleet.ensureTokens(steps[0], serviceKey);
            createResidents(port, fleet, steps[0]);
            fleet.servedBefore(db, 0, steps[0]);

            StringBuilder out = new StringBuilder(String.format("fleet benchmark: kiosks act on their own clocks "
                    + "(busy hour), %d s per step, %d connections, heap -Xmx%s, %d residents, service, PostgreSQL and "
                    + "load generator on the same %d-core machine; actions %s; the generator's collector: %s%n",
                    STEP_SECONDS, WORKERS, HEAP, RESIDENTS, Runtime.getRuntime().availableProcessors(),
                    FleetDriver.ACTIONS_RUN, java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()
                            .stream().map(java.lang.management.GarbageCollectorMXBean::getName)
                            .collect(java.util.stream.Collectors.joining(", "))));
            out.append(String.format("%8s %8s %8s %8s %8s %8s %8s %8s %8s %6s %6s %7s %7s %7s %6s%n", "kiosks",
                    "req/s", "beats/s", "p50 ms", "p99 ms", "p99 hb", "p99 tok", "p99 ses", "p99 txn", "304%",
                    "named%", "errors", "svc CPU", "machine", "heapMB"));
            System.out.print(out);
            FleetDriver driver = new FleetDriver(port, fleet, WORKERS, version, etag);
            GeneratorPauses generatorPauses = new GeneratorPauses();
            StringBuilder joins = new StringBuilder();
            joins.append(join(driver, 0, steps[0]));
            driver.run(steps[0], Math.min(20, STEP_SECONDS), 1); // warm-up, figures discarded
            int served = 0;
            int registered = steps[0];
            int refreshed = 0;
            for (int n : steps) {
                fleet.registerUpTo(db, n);
                refreshed += driver.refreshDue(registered);
                fleet.ensureTokens(n, serviceKey);
                if (n > registered) {
                    fleet.servedBefore(db, registered, n);
                    joins.append(join(driver, registered, n));
                    registered = n;
                }
                settle(db);
                Cpu[] atStart = new Cpu[1];
                FleetDriver.Step step = driver.run(n, STEP_SECONDS, n, false, () -> atStart[0] = Cpu.readNow(service.pid()));
                Cpu before = atStart[0];
                Cpu after = Cpu.read(service.pid());
                long heap = demo.heapUsed();
                boolean ok = step.errors.get() == 0 && step.percentileMillis(99) < SLO_P99_MS;
                String row = String.format("%8d %8.0f %8.0f %8.2f %8.2f %8.2f %8.2f %8.2f %8.2f %5.0f%% %5.0f%% %7d "
                        + "%6.0f%% %6.0f%% %6d %s%n", n, step.requests() / (step.nanos / 1e9),
                        step.counts[Action.HEARTBEAT.ordinal()] / (step.nanos / 1e9), step.percentileMillis(50),
                        step.percentileMillis(99), step.percentileMillis(99, Action.HEARTBEAT),
                        step.percentileMillis(99, Action.TOKEN_REFRESH),
                        step.percentileMillis(99, Action.RESIDENT_SESSION),
                        step.percentileMillis(99, Action.TRANSACTION_BATCH),
                        100.0 * step.notModified.get() / Math.max(1, step.counts[Action.CATALOG_CHECK.ordinal()]),
                        100.0 * step.namedEvents.get() / Math.max(1, step.events.get()), step.errors.get(),
                        100 * after.serviceShare(before), 100 * after.machineShare(before), heap >> 20,
                        ok ? "ok" : "MISSED");
                row += String.format("           the generator's own delay in sending: p99 %.2f ms, max %.2f ms; seconds "
                        + "of the step (second 0 at %s) with requests over %.0f ms (slow/due, longest): %s%n",
                        step.sendLagPercentileMillis(99), step.sendLagPercentileMillis(100),
                        java.time.Instant.ofEpochMilli(step.startEpochMs), SLO_P99_MS, step.slowSeconds(12));
                row += String.format("           CPU ticks a second over the step: %s%n", after.ticksPerSecond(before));
                row += String.format("           the generator's own collector pauses in the step (young and full; "
                        + "its threads all stand still): %s%n", generatorPauses.describe(step.startEpochMs, STEP_SECONDS));
                row += String.format("           the generator's own ES256 signing (client assertions, attestations; "
                        + "inside the request's time): %s%n", step.signingFigures());
                row += String.format("           from sending to the answer (without waiting behind the connection's "
                        + "previous request): p99 %.2f ms, heartbeats %.2f ms, token refreshes %.2f ms%n",
                        step.fromSendingPercentileMillis(99), step.fromSendingPercentileMillis(99, Action.HEARTBEAT),
                        step.fromSendingPercentileMillis(99, Action.TOKEN_REFRESH));
                if (step.firstError.get() != null) {
                    row += "  first error: " + step.firstError.get() + "\n";
                }
                if (PING_FLOOR) {
                    // the same schedule, every request the trivial endpoint: the floor this machine sets at this rate
                    FleetDriver.Step floor = driver.run(n, STEP_SECONDS, n, true);
                    row += String.format("           the same schedule with every request GET /api/v1/ping: %.0f req/s, "
                            + "p50 %.2f ms, p99 %.2f ms, errors %d; generator's delay p99 %.2f ms%n",
                            floor.requests() / (floor.nanos / 1e9), floor.percentileMillis(50),
                            floor.percentileMillis(99), floor.errors.get(), floor.sendLagPercentileMillis(99));
                }
                out.append(row);
                System.out.print(row);
                if (!ok) {
                    break;
                }
                served = n;
            }
            out.append(String.format("largest fleet at the SLO (p99 < %.0f ms, no error): %d kiosks%n", SLO_P99_MS,
                    served));
            out.append("before each step its new kiosks beat once, unmeasured (a token's first sight costs a full "
                    + "signature check; a fresh instance pays it for the whole fleet at once), then the kiosk tables "
                    + "were vacuumed and analyzed:").append(joins)
                    .append(System.lineSeparator());
            refreshed += driver.refreshDue(registered);
            out.append(String.format("tokens whose refresh fell due between steps, refreshed through the API before "
                    + "the next (unmeasured): %d%n", refreshed));
            out.append(closedLoopAgainstPing(port, fleet, Math.max(served, steps[0]), serviceKey,
                    HttpLoadClient.request("/api/v1/catalog/changes?since=" + version, "If-None-Match: " + etag)));
            System.out.println(out);
            Files.writeString(workDir.resolve("fleet.txt"), out);
        }
    }

    /**
     * Vacuums and analyzes the tables a step's bulk registration wrote (the kiosks, their presence rows, the sessions
     * they served before), once the kiosks' first beats are written. A real register grows by a few kiosks a day;
     * 15,000 kiosks registered a minute earlier had autovacuum and analyze of {@code kiosk} (up to 2 s of a core at
     * 80,000 kiosks) land inside the measured step. Autovacuum still runs in the step when the steady load makes it
     * due, as in operation.
     */
    private static void settle(Connection db) throws java.sql.SQLException, InterruptedException {
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(true); // VACUUM runs outside a transaction
        try (var statement = db.createStatement()) {
            // the first beats reach the register with the next heartbeat flush (app version, peripherals)
            long deadline = System.nanoTime() + 60_000_000_000L;
            for (long waiting = unwritten(statement); waiting > 0; waiting = unwritten(statement)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(waiting + " kiosks' first beats not written after 60 s");
                }
                Thread.sleep(500);
            }
            statement.execute("VACUUM (ANALYZE) kiosk, kiosk_presence, kiosk_citizen_session");
        } finally {
            db.setAutoCommit(autoCommit);
        }
    }

    private static long unwritten(java.sql.Statement statement) throws java.sql.SQLException {
        try (var rows = statement.executeQuery(
                "SELECT count(*) FROM kiosk WHERE id LIKE 'FLEET-%' AND app_version IS NULL")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String join(FleetDriver driver, int from, int to) throws InterruptedException {
        double seconds = driver.join(from, to);
        return String.format(" %,d kiosks in %.1f s (%.0f/s);", to - from, seconds, (to - from) / seconds);
    }

    /**
     * The heartbeat path and a kiosk's unchanged catalog check (304) closed loop next to the trivial endpoint: same
     * connections, interleaved rounds.
     */
    private static String closedLoopAgainstPing(int port, FleetKiosks fleet, int kiosks, java.security.PrivateKey key,
            byte[] catalogCheck) throws Exception {
        int cycled = Math.min(kiosks, 20_000);
        fleet.ensureTokens(cycled, key);
        byte[][] beats = new byte[cycled][];
        for (int k = 0; k < cycled; k++) {
            beats[k] = HttpLoadClient.post("/api/v1/kiosks/" + FleetKiosks.id(k) + "/heartbeat",
                    FleetDriver.HEARTBEAT_BODY, "Authorization: Bearer " + fleet.tokens[k]);
        }
        byte[] ping = HttpLoadClient.request("/api/v1/ping");
        LoadRun.round(port, ping, 200, CONNECTIONS, 3_000, new LoadRun.Figures());
        LoadRun.round(port, beats, 204, CONNECTIONS, 3_000, new LoadRun.Figures());
        LoadRun.round(port, catalogCheck, 304, CONNECTIONS, 3_000, new LoadRun.Figures());
        LoadRun.Figures pings = new LoadRun.Figures();
        LoadRun.Figures heartbeats = new LoadRun.Figures();
        LoadRun.Figures checks = new LoadRun.Figures();
        for (int round = 0; round < ROUNDS; round++) {
            LoadRun.round(port, ping, 200, CONNECTIONS, SECONDS * 1_000L, pings);
            LoadRun.round(port, beats, 204, CONNECTIONS, SECONDS * 1_000L, heartbeats);
            LoadRun.round(port, catalogCheck, 304, CONNECTIONS, SECONDS * 1_000L, checks);
        }
        return String.format("closed loop, %d connections, %d rounds x %d s, heartbeats of %d kiosks in turn:%n"
                + "  GET /api/v1/ping              %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms%n"
                + "  POST .../heartbeat            %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms%n"
                + "  GET .../catalog/changes (304) %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms%n"
                + "  heartbeat / ping: %.0f%%, catalog check / ping: %.0f%%%n", CONNECTIONS, ROUNDS, SECONDS, cycled,
                pings.perSecond(), pings.percentileMillis(50), pings.percentileMillis(99), heartbeats.perSecond(),
                heartbeats.percentileMillis(50), heartbeats.percentileMillis(99), checks.perSecond(),
                checks.percentileMillis(50), checks.percentileMillis(99),
                100 * heartbeats.perSecond() / pings.perSecond(), 100 * checks.perSecond() / pings.perSecond());
    }

    /** The resident pool, signed in through kiosk sessions (identity attestations), as residents come in. */
    private static void createResidents(int port, FleetKiosks fleet, int kiosks) throws Exception {
        try (HttpLoadClient client = new HttpLoadClient(port)) {
            for (int r = 0; r < fleet.idNumbers.length; r++) {
                int kiosk = r % kiosks;
                HttpLoadClient.Answer answer = client.exchange(HttpLoadClient.post("/api/v1/kiosks/"
                        + FleetKiosks.id(kiosk) + "/citizen-sessions", ("{\"attestation\":\""
                                + fleet.attestation(kiosk, r) + "\"}").getBytes(StandardCharsets.UTF_8),
                        "Authorization: Bearer " + fleet.tokens[kiosk]));
                if (answer.status() != 201) {
                    throw new IllegalStateException("session answered " + answer.status() + ": " + answer.text());
                }
                fleet.sessionAnswered(kiosk, r, answer.text());
            }
        }
    }

    /**
     * CPU time, in clock ticks from /proc, of the service process, of PostgreSQL (every process named
     * {@code postgres} on the machine: the embedded server's are not the service's children once started, and no
     * other PostgreSQL runs beside a benchmark), of this JVM (the load generator) and of the whole machine, with the
     * wall time, to print each one's ticks a second over a step.
     */
    private record Cpu(long service, long postgres, long generator, long machineBusy, long machineTotal, long nanos) {
        static Cpu readNow(long pid) {
            try {
                return read(pid);
            } catch (Exception e) {
                throw new IllegalStateException("reading /proc", e);
            }
        }

        static Cpu read(long pid) throws Exception {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < cpu.length; i++) {
                total += Long.parseLong(cpu[i]);
            }
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            long postgres = 0;
            try (var processes = Files.list(Path.of("/proc"))) {
                for (Path process : (Iterable<Path>) processes::iterator) {
                    if (process.getFileName().toString().chars().allMatch(Character::isDigit)) {
                        String stat = stat(process);
                        if (stat != null && stat.contains("(postgres)")) {
                            postgres += ticks(stat) + reapedChildrenTicks(stat);
                        }
                    }
                }
            }
            return new Cpu(ticks(stat(Path.of("/proc/" + pid))), postgres,
                    ticks(stat(Path.of("/proc/" + ProcessHandle.current().pid()))), total - idle, total,
                    System.nanoTime());
        }

        private static String stat(Path process) {
            try {
                return Files.readString(process.resolve("stat"));
            } catch (java.io.IOException gone) {
                return null; // ended since the listing
            }
        }

        /**
         * cutime + cstime: the postmaster's sum over the backends and workers it has reaped, so the ticks of a process
         * that ended within the step still count (and those it had at the earlier read are not taken twice).
         */
        private static long reapedChildrenTicks(String stat) {
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[13]) + Long.parseLong(f[14]);
        }

        /** utime + stime of a /proc/[pid]/stat line. */
        private static long ticks(String stat) {
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        }

        /** Ticks a second of the service, PostgreSQL and the generator since {@code before}, for the step's line. */
        String ticksPerSecond(Cpu before) {
            double seconds = (nanos - before.nanos) / 1e9;
            return String.format("service %.1f, PostgreSQL %.1f, generator %.1f, machine busy %.1f (of %.0f)",
                    (service - before.service) / seconds, (postgres - before.postgres) / seconds,
                    (generator - before.generator) / seconds, (machineBusy - before.machineBusy) / seconds,
                    (machineTotal - before.machineTotal) / seconds);
        }

        /** The service's share of the machine's capacity (all cores) over the interval. */
        double serviceShare(Cpu before) {
            return (double) (service - before.service) / (machineTotal - before.machineTotal);
        }

        double machineShare(Cpu before) {
            return (double) (machineBusy - before.machineBusy) / (machineTotal - before.machineTotal);
        }
    }
}
