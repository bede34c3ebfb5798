package cn.gov.gd.yzz.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gd.yzz.support.IdNumberFixtures;
import cn.gov.gd.yzz.transaction.TransactionKind;
import cn.gov.gd.yzz.transaction.TransactionRecorder;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Transaction events through the API in batches of 100 (validation, dedup, attribution, rollups, one database
 * transaction per batch) next to a plain JDBC batch insert of the same rows into a scratch table of the same
 * PostgreSQL, one commit per 100 rows (and, for comparison, the same batch in auto-commit), in one run and with the
 * same number of parallel streams. The API runs twice per round: events naming no resident, and events of which 80%
 * name a resident who opened a session at that kiosk (as at a village kiosk: the resident lookup, the citizen
 * attribution and {@code resident_day} included). Then the event log is filled with a province-year (20 million
 * events in the months of last year, with their resident rows) and the API and JDBC rounds run again: ingestion at
 * an empty and at a full log in the same run. Prints figures only.
 *
 * <p>{@code ./mvnw -Pembedded,benchmark verify -Dit.test=IngestionBenchmark} ({@code -Dbench.ingest.full-log-events=0}
 * skips the full-log rounds).
 */
@Tag("benchmark")
class IngestionBenchmark {

    private static final List<String> SERVICES = List.of("HRSS-001", "HRSS-002", "PUBLIC_SECURITY-001",
            "MEDICAL_INSURANCE-003", "CIVIL_AFFAIRS-001", "TAXATION-001", "AGRICULTURE-001");
    /** Each parallel stream is its own kiosk, as in the field: one kiosk reports one batch at a time. */
    private static final List<String> KIOSKS = List.of("HP-YM-001", "HP-YM-002", "HP-PZ-001", "HP-DS-001");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One event; {@code n} is its place in the run, which decides whether it names a resident. */
    private record Row(UUID id, String service, OffsetDateTime at, String kind, int n) {
    }

    /** What each round measured, in nanoseconds per path. */
    private static final class Round {
        long api;
        long apiResidents;
        long jdbc;
        long autoCommit;
        long statement;
    }

    @Test
    void apiIngestionAgainstPlainJdbcBatches() throws Exception {
        int events = Integer.getInteger("bench.events", 100_000) / 200 * 200; // whole batches, also in half a round
        int streams = Integer.getInteger("bench.streams", 2);
        int rounds = Integer.getInteger("bench.ingest-rounds", 3);
        long fullLog = Long.getLong("bench.ingest.full-log-events", 20_000_000L);
        int residentsPerKiosk = Integer.getInteger("bench.ingest.residents-per-kiosk", 200);
        JitWarmup warmup = JitWarmup.configured("bench.ingest-warmup", "events", 200_000, 6_000_000);
        Path runner = Path.of(System.getProperty("bench.runner", "target/embedded-app/quarkus-app/quarkus-run.jar"));
        Path workDir = Path.of(System.getProperty("bench.work-dir", "target/benchmark"));
        try (ServiceUnderTest service = ServiceUnderTest.start(runner, workDir.resolve("ingest-run"), "512m")) {
            DemoClient demo = new DemoClient(service.port());
            List<String> kioskTokens = new ArrayList<>();
            for (int k = 0; k < streams; k++) {
                kioskTokens.add(demo.kioskToken(KIOSKS.get(k % KIOSKS.size())));
            }
            List<List<UUID>> residents = new ArrayList<>();
            for (int k = 0; k < streams; k++) {
                residents.add(openSessions(demo, KIOSKS.get(k % KIOSKS.size()), kioskTokens.get(k),
                        residentsPerKiosk));
            }
            String url = service.embeddedServers().getProperty("jdbc.url");
            long self = ProcessHandle.current().pid();
            try (Connection jdbc = DriverManager.getConnection(url)) {
                try (Statement ddl = jdbc.createStatement()) {
                    ddl.execute("CREATE TABLE bench_event (event_id uuid PRIMARY KEY, occurred_at timestamptz NOT NULL,"
                            + " day date NOT NULL, kind varchar(12) NOT NULL, service_code varchar(40) NOT NULL,"
                            + " department_code varchar(40) NOT NULL, channel varchar(10) NOT NULL,"
                            + " kiosk_id varchar(40), town varchar(100), village varchar(100))");
                }
                // every path until the JIT compilers of the JVM doing its Java work have settled, as in the field
                String apiWarmup = warmup.run(service.pid(),
                        n -> {
                            api(service.port(), kioskTokens, null, rows(n), streams);
                            api(service.port(), kioskTokens, residents, rows(n), streams);
                        });
                String jdbcWarmup = warmup.run(self, n -> jdbc(url, rows(n), streams, false));
                String autoCommitWarmup = warmup.run(self, n -> jdbc(url, rows(n), streams, true));
                String statementWarmup = warmup.run(self, n -> statement(url, rows(n), streams));
                // the measured rounds start from empty tables on both sides, so neither writes into a bigger index
                // (this database is the benchmark's own: the demo ratings that refer to demo events go as well)
                // (the followed rollups refuse a truncate, V22: instances holding its rows would not see it; this
                // service is never asked for statistics, and triggers are off for the session's one statement)
                try (Statement empty = jdbc.createStatement()) {
                    empty.execute("SET session_replication_role = replica");
                    try {
                        empty.execute("TRUNCATE transaction_event, txn_daily, txn_department_day, txn_town_day,"
                                + " txn_town_month, resident_day, bench_event CASCADE");
                    } finally {
                        empty.execute("RESET session_replication_role");
                    }
                }
                boolean jitVisible = JitActivity.of(service.pid()).isPresent();
                long[] serviceTicks = new long[2]; // core, compiler
                Round empty = rounds(service, kioskTokens, residents, url, events, rounds, streams, serviceTicks);
                long counted = counted(jdbc);
                assertThat(counted).as("rollup agrees with events accepted")
                        .isEqualTo(3L * (events + events / 2) * rounds);
                String compilerShare = !jitVisible ? "n/a" : String.format(Locale.ROOT, "%.1f%%",
                        100.0 * serviceTicks[1] / Math.max(1, serviceTicks[0]));
                StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "event ingestion benchmark: %d"
                        + " events x %d rounds, batches of 100, %d parallel streams each, %d residents with a session"
                        + " per kiosk%nwarm-up %s:%n  API %s%n  JDBC %s%n  JDBC auto-commit %s%n  statement %s%n",
                        events, rounds, streams, residentsPerKiosk, warmup.describe(), apiWarmup, jdbcWarmup,
                        autoCommitWarmup, statementWarmup));
                table.append(figures("at an empty log", empty, events, rounds));
                table.append(String.format(Locale.ROOT, "service JIT compilers busy during the API rounds: %s of one"
                        + " core%nrollup check: txn_daily holds exactly the %d events accepted through the API and"
                        + " the statement%n", compilerShare, counted));
                if (fullLog > 0) {
                    long t0 = System.nanoTime();
                    long held = fillLog(jdbc, fullLog);
                    table.append(String.format(Locale.ROOT, "%nfilled the log with a province-year: %d events and"
                            + " %d resident rows in the 12 months of %d (%.0f s)%n", held, held * 4 / 5,
                            FULL_LOG_YEAR, (System.nanoTime() - t0) / 1e9));
                    try (Statement truncate = jdbc.createStatement()) {
                        truncate.execute("TRUNCATE bench_event"); // the scratch table starts empty again
                    }
                    Round full = rounds(service, kioskTokens, residents, url, events, rounds, streams,
                            new long[2]);
                    table.append(figures("at a full log (a province-year held)", full, events, rounds));
                    table.append(String.format(Locale.ROOT, "%-52s %11.0f%%%n%-52s %11.0f%%%n%-52s %11.0f%%%n",
                            "full / empty log: API", 100.0 * empty.api / full.api,
                            "full / empty log: API, 80% naming a resident", 100.0 * empty.apiResidents / full.apiResidents,
                            "full / empty log: plain JDBC (the machine's pace)", 100.0 * empty.jdbc / full.jdbc));
                }
                System.out.println(table);
                Files.createDirectories(workDir);
                Files.writeString(workDir.resolve("ingestion.txt"), table.toString());
            }
        }
    }

    private static final int FULL_LOG_YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() - 1;

    /**
     * The paths take turns, so that a slow spell of this shared machine hits all of them alike; each turn starts with
     * an untimed run, since a JVM that sat idle while the others ran does not resume at speed.
     */
    private static Round rounds(ServiceUnderTest service, List<String> tokens, List<List<UUID>> residents, String url,
            int events, int rounds, int streams, long[] serviceTicks) throws Exception {
        Round measured = new Round();
        int rewarm = events / 2;
        for (int round = 0; round < rounds; round++) {
            api(service.port(), tokens, null, rows(rewarm), streams);
            Optional<JitActivity.Ticks> before = JitActivity.of(service.pid());
            measured.api += api(service.port(), tokens, null, rows(events), streams);
            api(service.port(), tokens, residents, rows(rewarm), streams);
            measured.apiResidents += api(service.port(), tokens, residents, rows(events), streams);
            Optional<JitActivity.Ticks> after = JitActivity.of(service.pid());
            if (before.isPresent() && after.isPresent()) {
                serviceTicks[0] += after.get().coreTime() - before.get().coreTime();
                serviceTicks[1] += Math.max(0, after.get().compiler() - before.get().compiler());
            }
            jdbc(url, rows(rewarm), streams, false);
            measured.jdbc += jdbc(url, rows(events), streams, false);
            jdbc(url, rows(rewarm), streams, true);
            measured.autoCommit += jdbc(url, rows(events), streams, true);
            statement(url, rows(rewarm), streams);
            measured.statement += statement(url, rows(events), streams);
        }
        return measured;
    }

    private static String figures(String title, Round r, int events, int rounds) {
        double total = (double) events * rounds;
        double api = total / (r.api / 1e9);
        double apiResidents = total / (r.apiResidents / 1e9);
        double jdbc = total / (r.jdbc / 1e9);
        double autoCommit = total / (r.autoCommit / 1e9);
        double statement = total / (r.statement / 1e9);
        return String.format(Locale.ROOT, "%s:%n%-52s %12s%n%-52s %12.0f%n%-52s %12.0f%n%-52s %12.0f%n%-52s %12.0f%n"
                + "%-52s %12.0f%n%-52s %11.0f%%%n%-52s %11.0f%%%n%-52s %11.0f%%%n%-52s %11.0f%%%n",
                title, "method", "events/s", "API POST /kiosks/{id}/transactions", api,
                "API, 80% of events naming a resident", apiResidents,
                "plain JDBC batch insert into a scratch table", jdbc,
                "  the same, auto-commit (no COMMIT round trip)", autoCommit,
                "the API's ingestion statement alone over JDBC", statement,
                "API / JDBC", 100 * api / jdbc,
                "API, 80% naming a resident / JDBC", 100 * apiResidents / jdbc,
                "API / JDBC auto-commit", 100 * api / autoCommit,
                "ingestion statement / JDBC", 100 * statement / jdbc);
    }

    /**
     * Residents who open a session at the kiosk (ID card and face, signed by the kiosk's demo key), as the residents
     * its events then name.
     */
    private static List<UUID> openSessions(DemoClient demo, String kiosk, String kioskToken, int residents)
            throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < residents; i++) {
            String attestation = demo.post("/demo/kiosks/" + kiosk + "/attestation", null,
                    Map.of("idNumber", IdNumberFixtures.next(), "name", "居民" + i)).get("attestation").asText();
            ids.add(UUID.fromString(demo.post("/api/v1/kiosks/" + kiosk + "/citizen-sessions", kioskToken,
                    Map.of("attestation", attestation)).get("citizen").get("id").asText()));
        }
        return ids;
    }

    /**
     * A province-year in the log: {@code events} rows spread over the 12 months of last year (one statement per
     * month, each into its month's table, created first), and a resident row for 80% of them, as the ingestion
     * statement would have left them. Written by SQL directly: only the log's size matters here.
     */
    private static long fillLog(Connection jdbc, long events) throws Exception {
        LocalDate first = LocalDate.of(FULL_LOG_YEAR, 1, 1);
        try (PreparedStatement months = jdbc.prepareStatement("SELECT event_log_create_months(?, ?)")) {
            months.setObject(1, first);
            months.setObject(2, first.plusYears(1).minusDays(1));
            months.execute();
        }
        long perMonth = events / 12;
        for (int m = 0; m < 12; m++) {
            LocalDate month = first.plusMonths(m);
            int days = month.lengthOfMonth();
            try (PreparedStatement insert = jdbc.prepareStatement("""
                    INSERT INTO transaction_event (event_id, occurred_at, day, kind, service_code, department_code,
                            channel, kiosk_id, town, village, citizen_id, specialist)
                    SELECT gen_random_uuid(), (?::date + (g % ?)::int) + time '10:00', ?::date + (g % ?)::int,
                           'query', 'HRSS-001', 'HRSS', 'kiosk', 'HP-YM-001', '阳明镇', '阳明社区', NULL, NULL
                    FROM generate_series(1, ?) g""")) {
                insert.setObject(1, month);
                insert.setInt(2, days);
                insert.setObject(3, month);
                insert.setInt(4, days);
                insert.setLong(5, perMonth);
                insert.execute();
            }
            try (PreparedStatement insert = jdbc.prepareStatement("""
                    INSERT INTO resident_day (day, department_code, citizen_ordinal)
                    SELECT ?::date + (g % ?)::int, 'HRSS', g::int FROM generate_series(1, ?) g
                    ON CONFLICT DO NOTHING""")) {
                insert.setObject(1, month);
                insert.setInt(2, days);
                insert.setLong(3, perMonth * 4 / 5);
                insert.execute();
            }
        }
        try (Statement analyze = jdbc.createStatement()) {
            analyze.execute("ANALYZE transaction_event");
            analyze.execute("ANALYZE resident_day");
        }
        return perMonth * 12;
    }

    private static List<List<Row>> rows(int events) {
        OffsetDateTime base = OffsetDateTime.now().minusHours(12);
        List<List<Row>> batches = new ArrayList<>();
        for (int b = 0; b < events / 100; b++) {
            List<Row> batch = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                int n = b * 100 + i;
                batch.add(new Row(UUID.randomUUID(), SERVICES.get(n % SERVICES.size()), base.plusSeconds(n % 40_000),
                        n % 4 == 0 ? "print" : "query", n));
            }
            batches.add(batch);
        }
        return batches;
    }

    /**
     * Each stream is one kiosk on its own keep-alive connection, sending batches whose JSON was written before the
     * clock started: a kiosk uploads the batch it buffered, and the client's JSON encoding is not the service's cost
     * (the JDBC baseline does no JSON either). Every answer is read whole and checked.
     */
    private static long api(int port, List<String> tokens, List<List<UUID>> residents, List<List<Row>> batches,
            int streams) throws Exception {
        List<List<byte[]>> requests = new ArrayList<>();
        for (int stream = 0; stream < streams; stream++) {
            List<byte[]> ofStream = new ArrayList<>();
            for (List<Row> batch : batches) {
                int s = stream;
                List<Map<String, Object>> events = batch.stream().map(r -> {
                    Map<String, Object> event = new java.util.LinkedHashMap<>(Map.of("eventId", r.id().toString(),
                            "serviceCode", r.service(), "occurredAt", r.at().toString(), "kind", r.kind()));
                    // four in five name a resident who opened a session at this kiosk
                    if (residents != null && r.n() % 5 != 0) {
                        List<UUID> pool = residents.get(s);
                        event.put("citizenId", pool.get(r.n() % pool.size()).toString());
                    }
                    return event;
                }).toList();
                ofStream.add(HttpLoadClient.post("/api/v1/kiosks/" + KIOSKS.get(stream % KIOSKS.size())
                        + "/transactions", JSON.writeValueAsBytes(Map.of("events", events)),
                        "Authorization: Bearer " + tokens.get(stream)));
            }
            requests.add(ofStream);
        }
        List<HttpLoadClient> clients = new ArrayList<>();
        for (int stream = 0; stream < streams; stream++) {
            clients.add(new HttpLoadClient(port));
        }
        try {
            return parallel(batches, streams, (stream, index, batch) -> {
                HttpLoadClient.Answer answer = clients.get(stream).exchange(requests.get(stream).get(index));
                if (answer.status() != 200 || !answer.text().startsWith("{\"accepted\":" + batch.size() + ",")) {
                    throw new IllegalStateException("not all accepted: " + answer.status() + " " + answer.text());
                }
            });
        } finally {
            for (HttpLoadClient client : clients) {
                client.close();
            }
        }
    }

    /**
     * The baseline: a JDBC batch of 100 inserts and a commit. With {@code autoCommit} the driver sends the batch
     * without the separate COMMIT, as the API's one statement commits as it completes.
     */
    private static long jdbc(String url, List<List<Row>> batches, int streams, boolean autoCommit) throws Exception {
        List<Connection> connections = connections(url, streams, autoCommit);
        try {
            return parallel(batches, streams, (stream, index, batch) -> {
                Connection c = connections.get(stream);
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO bench_event VALUES (?,?,?,?,?,?,?,?,?,?)")) {
                    for (Row r : batch) {
                        insert.setObject(1, r.id());
                        insert.setTimestamp(2, Timestamp.from(r.at().toInstant()));
                        insert.setObject(3, LocalDate.ofInstant(r.at().toInstant(), ZoneId.of("Asia/Shanghai")));
                        insert.setString(4, r.kind());
                        insert.setString(5, r.service());
                        insert.setString(6, r.service().substring(0, r.service().lastIndexOf('-')));
                        insert.setString(7, "kiosk");
                        insert.setString(8, KIOSKS.get(stream % KIOSKS.size()));
                        insert.setString(9, "阳明镇");
                        insert.setString(10, "阳明社区");
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                if (!autoCommit) {
                    c.commit();
                }
            });
        } finally {
            close(connections);
        }
    }

    /**
     * The statement the API runs (event row, four rollups, resident rows) straight over JDBC, committing as it
     * completes as it does in the API: the database's share of the API's time.
     */
    private static long statement(String url, List<List<Row>> batches, int streams) throws Exception {
        List<Connection> connections = connections(url, streams, true);
        try {
            return parallel(batches, streams, (stream, index, batch) -> {
                List<TransactionRecorder.Event> events = batch.stream().map(r -> new TransactionRecorder.Event(r.id(),
                        r.at(), TransactionKind.of(r.kind()).orElseThrow(), r.service(), r.service().substring(0, r.service().lastIndexOf('-')),
                        KIOSKS.get(stream % KIOSKS.size()), "阳明镇", "阳明社区", null, null)).toList();
                TransactionRecorder.recordOn(connections.get(stream), events);
            });
        } finally {
            close(connections);
        }
    }

    private static List<Connection> connections(String url, int streams, boolean autoCommit) throws Exception {
        List<Connection> connections = new ArrayList<>();
        for (int s = 0; s < streams; s++) {
            Connection c = DriverManager.getConnection(url);
            c.setAutoCommit(autoCommit);
            connections.add(c);
        }
        return connections;
    }

    private static void close(List<Connection> connections) throws Exception {
        for (Connection c : connections) {
            c.close();
        }
    }

    private interface BatchWork {
        void run(int stream, int index, List<Row> batch) throws Exception;
    }

    /** Runs the batches over {@code streams} threads, each taking the next batch; returns the elapsed nanos. */
    private static long parallel(List<List<Row>> batches, int streams, BatchWork work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(streams);
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<java.util.concurrent.Callable<Void>> workers = new ArrayList<>();
        for (int s = 0; s < streams; s++) {
            int stream = s;
            workers.add(() -> {
                for (int i = next.getAndIncrement(); i < batches.size(); i = next.getAndIncrement()) {
                    work.run(stream, i, batches.get(i));
                }
                return null;
            });
        }
        long t0 = System.nanoTime();
        for (Future<Void> f : pool.invokeAll(workers)) {
            f.get();
        }
        long elapsed = System.nanoTime() - t0;
        pool.shutdown();
        return elapsed;
    }

    private static long counted(Connection jdbc) throws Exception {
        try (Statement s = jdbc.createStatement(); ResultSet r = s.executeQuery(
                "SELECT coalesce(sum(transactions), 0) FROM txn_daily WHERE kiosk_key LIKE 'HP-%'")) {
            r.next();
            return r.getLong(1);
        }
    }
}
