package cn.gov.gd.yzz.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Transaction events through the API in batches of 100 (validation, dedup, attribution, rollups, one database
 * transaction per batch) next to a plain JDBC batch insert of the same rows into a scratch table of the same
 * PostgreSQL, one commit per 100 rows, in one run and with the same number of parallel streams. Prints figures only.
 */
@Tag("benchmark")
class IngestionBenchmark {

    private static final List<String> SERVICES = List.of("HRSS-001", "HRSS-002", "PUBLIC_SECURITY-001",
            "MEDICAL_INSURANCE-003", "CIVIL_AFFAIRS-001", "TAXATION-001", "AGRICULTURE-001");
    /** Each parallel stream is its own kiosk, as in the field: one kiosk reports one batch at a time. */
    private static final List<String> KIOSKS = List.of("HP-YM-001", "HP-YM-002", "HP-PZ-001", "HP-DS-001");
    private static final String KIOSK = KIOSKS.get(0);

    private record Row(UUID id, String service, OffsetDateTime at, String kind) {
    }

    @Test
    void apiIngestionAgainstPlainJdbcBatches() throws Exception {
        int events = Integer.getInteger("bench.events", 20_000);
        int streams = Integer.getInteger("bench.streams", 2);
        int rounds = Integer.getInteger("bench.ingest-rounds", 2);
        Path runner = Path.of(System.getProperty("bench.runner", "target/embedded-app/quarkus-app/quarkus-run.jar"));
        Path workDir = Path.of(System.getProperty("bench.work-dir", "target/benchmark"));
        try (ServiceUnderTest service = ServiceUnderTest.start(runner, workDir.resolve("ingest-run"), "512m")) {
            DemoClient demo = new DemoClient(service.port());
            List<String> kioskTokens = new ArrayList<>();
            for (int k = 0; k < streams; k++) {
                kioskTokens.add(demo.kioskToken(KIOSKS.get(k % KIOSKS.size())));
            }
            JsonNode infra = demo.get("/demo/infrastructure");
            try (Connection jdbc = DriverManager.getConnection(infra.get("jdbcUrl").asText())) {
                try (Statement ddl = jdbc.createStatement()) {
                    ddl.execute("CREATE TABLE bench_event (event_id uuid PRIMARY KEY, occurred_at timestamptz NOT NULL,"
                            + " day date NOT NULL, kind varchar(12) NOT NULL, service_code varchar(40) NOT NULL,"
                            + " department_code varchar(40) NOT NULL, channel varchar(10) NOT NULL,"
                            + " kiosk_id varchar(40), town varchar(100), village varchar(100))");
                }
                long before = counted(jdbc);
                // warm-up of both paths
                api(demo, kioskTokens, rows(2_000), streams);
                jdbc(infra.get("jdbcUrl").asText(), rows(2_000), streams);
                long apiNanos = 0;
                long jdbcNanos = 0;
                for (int round = 0; round < rounds; round++) {
                    apiNanos += api(demo, kioskTokens, rows(events), streams);
                    jdbcNanos += jdbc(infra.get("jdbcUrl").asText(), rows(events), streams);
                }
                long counted = counted(jdbc) - before;
                assertThat(counted).as("rollup agrees with events accepted").isEqualTo(2_000L + (long) events * rounds);
                double apiRate = (double) events * rounds / (apiNanos / 1e9);
                double jdbcRate = (double) events * rounds / (jdbcNanos / 1e9);
                String table = String.format(Locale.ROOT, "event ingestion benchmark: %d events x %d rounds, batches of"
                        + " 100, %d parallel streams each%n%-52s %12s%n%-52s %12.0f%n%-52s %12.0f%n%-52s %11.0f%%%n"
                        + "rollup check: txn_daily grew by exactly the %d events accepted through the API%n",
                        events, rounds, streams, "method", "events/s", "API POST /kiosks/{id}/transactions", apiRate,
                        "plain JDBC batch insert into a scratch table", jdbcRate, "API / JDBC", 100 * apiRate / jdbcRate,
                        counted);
                System.out.println(table);
                Files.createDirectories(workDir);
                Files.writeString(workDir.resolve("ingestion.txt"), table);
            }
        }
    }

    private static List<List<Row>> rows(int events) {
        OffsetDateTime base = OffsetDateTime.now().minusHours(12);
        List<List<Row>> batches = new ArrayList<>();
        for (int b = 0; b < events / 100; b++) {
            List<Row> batch = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                int n = b * 100 + i;
                batch.add(new Row(UUID.randomUUID(), SERVICES.get(n % SERVICES.size()), base.plusSeconds(n % 40_000),
                        n % 4 == 0 ? "print" : "query"));
            }
            batches.add(batch);
        }
        return batches;
    }

    private static long api(DemoClient demo, List<String> tokens, List<List<Row>> batches, int streams)
            throws Exception {
        return parallel(batches, streams, (stream, batch) -> {
            List<Map<String, Object>> events = batch.stream().map(r -> Map.<String, Object>of("eventId",
                    r.id().toString(), "serviceCode", r.service(), "occurredAt", r.at().toString(), "kind", r.kind()))
                    .toList();
            JsonNode answer = demo.post("/api/v1/kiosks/" + KIOSKS.get(stream % KIOSKS.size()) + "/transactions",
                    tokens.get(stream), Map.of("events", events));
            if (answer.get("accepted").asInt() != batch.size()) {
                throw new IllegalStateException("not all accepted: " + answer);
            }
        });
    }

    private static long jdbc(String url, List<List<Row>> batches, int streams) throws Exception {
        return parallel(batches, streams, new BatchWork() {
            private final ThreadLocal<Connection> connections = ThreadLocal.withInitial(() -> {
                try {
                    Connection c = DriverManager.getConnection(url);
                    c.setAutoCommit(false);
                    return c;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });

            @Override
            public void run(int stream, List<Row> batch) throws Exception {
                Connection c = connections.get();
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO bench_event VALUES (?,?,?,?,?,?,?,?,?,?)")) {
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
                c.commit();
            }
        });
    }

    private interface BatchWork {
        void run(int stream, List<Row> batch) throws Exception;
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
                    work.run(stream, batches.get(i));
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
