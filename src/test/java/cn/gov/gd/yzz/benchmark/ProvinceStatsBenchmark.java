package cn.gov.gd.yzz.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gd.yzz.common.ChinaTime;
import cn.gov.gd.yzz.transaction.TransactionKind;
import cn.gov.gd.yzz.transaction.TransactionRecorder;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Statistics at province scale: a year of 20 million events at 20,000 kiosks in the towns and villages of 21 cities,
 * over the catalog's 230 items, from about 5 million residents, loaded through the ingestion statement
 * ({@link TransactionRecorder#recordOn}) that keeps the rollups and resident rows; then the statistics API (full
 * year) timed next to the plain {@code GROUP BY} / {@code COUNT(DISTINCT)} over the raw events in the same
 * database, and their figures compared exactly. Prints figures only. The API is timed on a fresh instance started on
 * the same database once the loading instance's snapshot job has folded every resident row (as a rolling deploy
 * starts one), first request included.
 *
 * <p>{@code ./mvnw -Pembedded,benchmark verify -Dit.test=ProvinceStatsBenchmark} (about 80 minutes on 2 cores;
 * {@code -Dbench.province.events=2000000} for a quicker look).
 */
@Tag("benchmark")
class ProvinceStatsBenchmark {

    private static final int YEAR = 2025;
    private static final String FROM = YEAR + "-01-01";
    private static final String TO = YEAR + "-12-31";
    /** Starts the fresh instance's access log lines: the mark, the service's time in µs, the request line. */
    private static final String ACCESS_MARK = "bench-access";

    @Test
    void statisticsFromRollupsAgainstRawScans() throws Exception {
        long events = Long.getLong("bench.province.events", 20_000_000L);
        int kiosks = Integer.getInteger("bench.province.kiosks", 20_000);
        int residents = Integer.getInteger("bench.province.residents", 5_000_000);
        int apiRuns = Integer.getInteger("bench.province.api-runs", 40);
        int rawRuns = Integer.getInteger("bench.province.raw-runs", 3);
        Path runner = Path.of(System.getProperty("bench.runner", "target/embedded-app/quarkus-app/quarkus-run.jar"));
        Path workDir = Path.of(System.getProperty("bench.work-dir", "target/benchmark"));
        StringBuilder report = new StringBuilder();
        try (ServiceUnderTest service = ServiceUnderTest.start(runner, workDir.resolve("province-run"), "1g")) {
            String jdbcUrl = service.embeddedServers().getProperty("jdbc.url");
            List<String[]> items = new ArrayList<>();
            String[][] places;
            long setupStarted = System.nanoTime();
            try (Connection jdbc = DriverManager.getConnection(jdbcUrl)) {
                items.addAll(items(jdbc));
                places = registerKiosks(jdbc, kiosks);
                registerResidentsAndSpecialists(jdbc, residents);
                // the year's months of the event log, as the service keeps them ahead of the events it receives
                try (PreparedStatement months = jdbc.prepareStatement("SELECT event_log_create_months(?, ?)")) {
                    months.setObject(1, LocalDate.parse(FROM));
                    months.setObject(2, LocalDate.parse(TO));
                    months.execute();
                }
            }
            report.append(String.format(Locale.ROOT, "province-scale statistics benchmark: %,d events in %d, %,d kiosks "
                    + "in %,d towns of 21 cities, %d items, %,d residents registered (setup %.0f s)%n", events, YEAR,
                    kiosks, Arrays.stream(places).map(p -> p[1]).distinct().count(), items.size(), residents,
                    (System.nanoTime() - setupStarted) / 1e9));

            long loadStarted = System.nanoTime();
            load(jdbcUrl, events, places, items, residents);
            double loadSeconds = (System.nanoTime() - loadStarted) / 1e9;
            report.append(String.format(Locale.ROOT, "load through the ingestion statement (events + 4 rollups + "
                    + "resident rows, batches of 5,000, 2 connections): %.0f s, %,.0f events/s%n", loadSeconds,
                    events / loadSeconds));
            try (Connection jdbc = DriverManager.getConnection(jdbcUrl); Statement s = jdbc.createStatement()) {
                s.execute("VACUUM ANALYZE");
            }

            // the snapshot job of the loading instance folds the resident rows (every minute by default): wait
            // until no row is left above its horizon, then a fresh instance (a rolling deploy's) starts on the same
            // database and serves every request timed below
            long foldWaitStarted = System.nanoTime();
            awaitFolded(jdbcUrl);
            report.append(String.format(Locale.ROOT, "snapshot job folded every resident row (waited %.0f s after the "
                    + "load): %s stored bitmaps, %s%n", (System.nanoTime() - foldWaitStarted) / 1e9,
                    count(jdbcUrl, "SELECT count(*) FROM resident_snapshot"),
                    text(jdbcUrl, "SELECT pg_size_pretty(sum(length(residents))) FROM resident_snapshot")));
            try (ServiceUnderTest fresh = ServiceUnderTest.start(runner, workDir.resolve("province-fresh"), "1g",
                    "-Dquarkus.datasource.jdbc.url=" + jdbcUrl, "-Dyzz.demo.enabled=false",
                    "-Dquarkus.log.category.\"cn.gov.gd.yzz.stats\".level=INFO",
                    // the service's own time per request, from its access log: where a slow answer's time was spent
                    "-Dquarkus.http.record-request-start-time=true", "-Dquarkus.http.access-log.enabled=true",
                    "-Dquarkus.http.access-log.pattern=" + ACCESS_MARK + " %{RESPONSE_TIME_MICROS} %r",
                    "-Dquarkus.log.category.\"io.quarkus.http.access-log\".level=INFO",
                    "-Dyzz.object-store.endpoint=" + service.embeddedServers().getProperty("s3.endpoint"))) {
                report.append(String.format(Locale.ROOT, "fresh instance ready %.1f s after its process started "
                        + "(readiness waits for what its statistics hold in memory, loaded at start)%n",
                        fresh.readyAfter().toMillis() / 1e3));
                timeApi(new DemoClient(fresh.port()), fresh.log(), jdbcUrl, apiRuns, rawRuns, report);
                // the fresh instance's own lines on its loads (begun at its start, each on a thread of its own)
                Files.readAllLines(fresh.log()).stream().filter(l -> l.contains("-warm-up) ") && l.contains(": loaded"))
                        .forEach(l -> report.append("fresh instance: ").append(l.substring(l.indexOf("-warm-up) ") + 10))
                                .append(System.lineSeparator()));
            }
            System.out.println(report);
            Files.createDirectories(workDir);
            Files.writeString(workDir.resolve("province-stats.txt"), report.toString());
            assertThat(report.toString()).as("rollups and bitmaps agree with the raw scan").doesNotContain(" NO");
        }
    }

    /** Waits until the snapshot job's horizon is above every resident row (no tail left to read). */
    private static void awaitFolded(String jdbcUrl) throws Exception {
        long deadline = System.nanoTime() + 20L * 60 * 1_000_000_000;
        while (!count(jdbcUrl, "SELECT count(*) FROM (SELECT 1 FROM resident_day r, resident_snapshot_state s "
                + "WHERE s.id = 1 AND r.seen_by >= s.covers_below LIMIT 1) t").equals("0")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the snapshot job did not fold the resident rows within 20 minutes");
            }
            Thread.sleep(2_000);
        }
    }

    /** The first statistics request of a fresh instance, then every answer timed and compared with the raw scan. */
    private static void timeApi(DemoClient demo, Path serviceLog, String jdbcUrl, int apiRuns, int rawRuns,
            StringBuilder report) throws Exception {
        {
            String admin = demo.staffToken("admin", "Admin#2026");
            Map<String, String> apiPaths = new java.util.LinkedHashMap<>();
            apiPaths.put("transactions groupBy=department", "/api/v1/stats/transactions?groupBy=department");
            apiPaths.put("transactions groupBy=town", "/api/v1/stats/transactions?groupBy=town");
            apiPaths.put("transactions groupBy=day", "/api/v1/stats/transactions?groupBy=day");
            apiPaths.put("transactions groupBy=month", "/api/v1/stats/transactions?groupBy=month");
            apiPaths.put("summary", "/api/v1/stats/summary");
            Map<String, String> rawSql = Map.of(
                    "transactions groupBy=department", "SELECT department_code, count(*), count(*) FILTER (WHERE "
                            + "specialist IS NOT NULL), count(DISTINCT citizen_id) FROM transaction_event WHERE day "
                            + "BETWEEN ?::date AND ?::date GROUP BY 1",
                    "transactions groupBy=town", "SELECT coalesce(town, ''), count(*), count(*) FILTER (WHERE "
                            + "specialist IS NOT NULL), 0 FROM transaction_event WHERE day BETWEEN ?::date AND "
                            + "?::date GROUP BY 1",
                    "transactions groupBy=day", "SELECT day::text, count(*), count(*) FILTER (WHERE specialist IS NOT "
                            + "NULL), count(DISTINCT citizen_id) FROM transaction_event WHERE day BETWEEN ?::date "
                            + "AND ?::date GROUP BY 1",
                    "transactions groupBy=month", "SELECT to_char(day, 'YYYY-MM'), count(*), count(*) FILTER "
                            + "(WHERE specialist IS NOT NULL), count(DISTINCT citizen_id) FROM transaction_event "
                            + "WHERE day BETWEEN ?::date AND ?::date GROUP BY 1",
                    "summary", "SELECT 'total', count(*), count(*) FILTER (WHERE specialist IS NOT NULL), "
                            + "count(DISTINCT citizen_id) FROM transaction_event WHERE day BETWEEN ?::date AND ?::date");

            // the first statistics request loads the stored bitmaps and the rows after them: timed on its own
            long firstStarted = System.nanoTime();
            demo.get(apiPaths.get("summary") + "?from=" + FROM + "&to=" + TO, admin);
            double firstSeconds = (System.nanoTime() - firstStarted) / 1e9; // before the count below, not after it
            // after it (the first request meets a cold HTTP stack too): the floor under every API figure below, the
            // same client, connection and machine, the trivial endpoint
            for (int i = 0; i < 300; i++) {
                demo.get("/api/v1/ping");
            }
            double[] ping = new double[apiRuns];
            for (int i = 0; i < apiRuns; i++) {
                long t0 = System.nanoTime();
                demo.getBytes("/api/v1/ping", null); // timed as the statistics below: to the last byte, no parse
                ping[i] = (System.nanoTime() - t0) / 1e6;
            }
            report.append(String.format(Locale.ROOT, "first statistics request of a fresh instance, ready, signed in "
                    + "(bitmaps of %s resident rows: stored ones, then the rows after them, loaded from its start): "
                    + "%.2f s%n", count(jdbcUrl, "SELECT count(*) FROM resident_day"), firstSeconds));
            report.append(String.format(Locale.ROOT, "%-34s %10s %10s %12s %12s %9s  %s%n", "full year " + YEAR,
                    "API med ms", "API p99 ms", "raw med ms", "raw p99 ms", "raw/API", "figures agree"));
            report.append(String.format(Locale.ROOT, "%-34s %10.1f %10.1f   (the client's floor: GET /api/v1/ping, no "
                    + "token, %d requests after 300 unmeasured)%n", "ping", median(ping), p99(ping), apiRuns));
            boolean allAgree = true;
            Map<String, double[]> apiTimes = new HashMap<>();
            Map<String, double[]> parseTimes = new HashMap<>();
            for (Map.Entry<String, String> q : apiPaths.entrySet()) {
                String path = q.getValue() + (q.getValue().contains("?") ? "&" : "?") + "from=" + FROM + "&to=" + TO;
                for (int i = 0; i < 5; i++) {
                    demo.get(path, admin);
                }
                double[] api = new double[apiRuns];
                double[] parse = new double[apiRuns];
                JsonNode answer = null;
                for (int i = 0; i < apiRuns; i++) {
                    long t0 = System.nanoTime();
                    byte[] body = demo.getBytes(path, admin);
                    long t1 = System.nanoTime();
                    answer = DemoClient.parse(body); // the client's own work, timed apart from the service's answer
                    api[i] = (t1 - t0) / 1e6;
                    parse[i] = (System.nanoTime() - t1) / 1e6;
                }
                double[] raw = new double[rawRuns];
                Map<String, long[]> rawFigures = null;
                for (int i = 0; i < rawRuns; i++) {
                    long t0 = System.nanoTime();
                    rawFigures = raw(jdbcUrl, rawSql.get(q.getKey()));
                    raw[i] = (System.nanoTime() - t0) / 1e6;
                }
                boolean agree = agrees(q.getKey(), answer, rawFigures);
                allAgree &= agree;
                report.append(String.format(Locale.ROOT, "%-34s %10.1f %10.1f %12.0f %12.0f %8.0fx  %s%n", q.getKey(),
                        median(api), p99(api), median(raw), p99(raw), median(raw) / median(api),
                        agree ? "yes" : "NO"));
                apiTimes.put(q.getKey(), api);
                parseTimes.put(q.getKey(), parse);
            }
            // where in its series the tail is (the first requests, code still compiling, or anywhere: collector,
            // machine) and whose it is: the service's own time for the same request, from its access log (from
            // routing to its answer's end as the service saw them), next to the client's
            Map<String, List<Double>> served = serviceTimes(serviceLog);
            report.append("slowest API requests of each series (request number from 0, ms as the client saw them; the "
                    + "service's own time for the same request in brackets, from its access log, from routing to the "
                    + "answer's end):").append(System.lineSeparator());
            for (Map.Entry<String, String> q : apiPaths.entrySet()) {
                String path = q.getValue() + (q.getValue().contains("?") ? "&" : "?") + "from=" + FROM + "&to=" + TO;
                // the path's requests: 5 unmeasured, then the series; the summary's first request before them
                double[] service = series(served.getOrDefault(path, List.of()),
                        apiRuns + 5 + (q.getKey().equals("summary") ? 1 : 0), apiRuns);
                double[] api = apiTimes.get(q.getKey());
                double[] parse = parseTimes.get(q.getKey());
                report.append(String.format(Locale.ROOT, "  %-32s %s; client's JSON parse med %.1f, p99 %.1f ms%n",
                        q.getKey(), slowest(api, service, 3), median(parse), p99(parse)));
                report.append(ownTime("", api, service, served.getOrDefault(path, List.of()).size()));
            }
            // the floor's own share: the service's time for ping (300 unmeasured requests, then the measured ones)
            report.append(ownTime("ping", ping, series(served.getOrDefault("/api/v1/ping", List.of()), 300 + apiRuns,
                    apiRuns), served.getOrDefault("/api/v1/ping", List.of()).size()));
            report.append(String.format(Locale.ROOT, "API times: %d requests each over HTTP/1.1 keep-alive to the "
                    + "fresh instance, from sending to the answer's last byte received (the client's JSON parse timed "
                    + "apart, above), loader on the same 2 cores; raw times: %d runs each of the plain query over "
                    + "transaction_event (p99 of so few runs is their maximum); figures agree: %s%n", apiRuns,
                    rawRuns, allAgree ? "all" : "NO"));
        }
    }

    /** The {@code n} longest times as "#index ms [service's ms]", the longest first. */
    private static String slowest(double[] times, double[] service, int n) {
        return java.util.stream.IntStream.range(0, times.length).boxed()
                .sorted((a, b) -> Double.compare(times[b], times[a])).limit(n)
                .map(i -> String.format(Locale.ROOT, "#%d %.1f", i, times[i])
                        + (service == null ? "" : String.format(Locale.ROOT, " [%.1f]", service[i])))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /**
     * The last {@code runs} of a path's service times, paired by position with the client's series, or null when the
     * log holds another number of the path's requests than the benchmark sent ({@code requests}): then the positions
     * would not be the same requests.
     */
    static double[] series(List<Double> logged, int requests, int runs) {
        return logged.size() != requests ? null
                : logged.subList(requests - runs, requests).stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String ownTime(String label, double[] client, double[] service, int logged) {
        return service == null
                ? String.format(Locale.ROOT, "  %-32s service's own time: not paired, %d of the path's requests in "
                        + "its access log, not the number sent%n", label, logged)
                : String.format(Locale.ROOT, "  %-32s service's own time med %.1f, p99 %.1f ms; client's minus "
                        + "service's med %.1f, p99 %.1f ms%n", label, median(service), p99(service),
                        median(minus(client, service)), p99(minus(client, service)));
    }

    private static double[] minus(double[] a, double[] b) {
        double[] difference = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            difference[i] = a[i] - b[i];
        }
        return difference;
    }

    /**
     * Request line's path → the service's times in ms in the order it answered, from the access log lines marked
     * {@link #ACCESS_MARK} ("bench-access 12345 GET /path?query HTTP/1.1").
     */
    static Map<String, List<Double>> serviceTimes(Path serviceLog) throws Exception {
        Map<String, List<Double>> times = new HashMap<>();
        for (String line : Files.readAllLines(serviceLog)) {
            int at = line.indexOf(ACCESS_MARK + " ");
            if (at < 0) {
                continue;
            }
            String[] fields = line.substring(at + ACCESS_MARK.length() + 1).split(" ");
            if (fields.length >= 3 && fields[0].matches("\\d+")) {
                times.computeIfAbsent(fields[2], k -> new ArrayList<>()).add(Long.parseLong(fields[0]) / 1e3);
            }
        }
        return times;
    }

    /** Item code and department of every catalog item. */
    private static List<String[]> items(Connection jdbc) throws Exception {
        List<String[]> items = new ArrayList<>();
        try (Statement s = jdbc.createStatement();
                ResultSet r = s.executeQuery("SELECT code, department_code FROM service_item ORDER BY code")) {
            while (r.next()) {
                items.add(new String[] {r.getString(1), r.getString(2)});
            }
        }
        return items;
    }

    /** Kiosks P-00000.. in 21 cities × about 75 towns each × several villages; returns {id, town, village}. */
    private static String[][] registerKiosks(Connection jdbc, int kiosks) throws Exception {
        String[][] places = new String[kiosks][];
        int towns = 21 * 75;
        try (PreparedStatement insert = jdbc.prepareStatement("INSERT INTO kiosk (id, name, town, village, "
                + "public_key_pem, key_algorithm) VALUES (?, ?, ?, ?, 'benchmark', 'EC')")) {
            for (int k = 0; k < kiosks; k++) {
                int town = k % towns;
                String townName = "市" + (town / 75 + 1) + "·镇" + (town % 75 + 1);
                String village = "村" + (k / towns + 1);
                places[k] = new String[] {String.format("P-%05d", k), townName, village};
                insert.setString(1, places[k][0]);
                insert.setString(2, townName + village + "粤智助");
                insert.setString(3, townName);
                insert.setString(4, village);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return places;
    }

    /** Residents with ids 00000000-0000-0000-0000-<n> (the benchmark's own, no real ID numbers) and specialists. */
    private static void registerResidentsAndSpecialists(Connection jdbc, int residents) throws Exception {
        try (Statement s = jdbc.createStatement()) {
            s.execute("INSERT INTO citizen (id, id_number_hash, id_number_enc, id_number_mask, name) "
                    + "SELECT ('00000000-0000-0000-0000-' || lpad(to_hex(i), 12, '0'))::uuid, "
                    + "decode(md5('bench' || i), 'hex'), '\\x00'::bytea, '4416**********000X', '测试' "
                    + "FROM generate_series(1, " + residents + ") i");
            s.execute("INSERT INTO staff_account (username, display_name, role, password_hash) "
                    + "SELECT 'bench.specialist' || i, '基准特派员', 'specialist', 'none' FROM generate_series(0, 99) i");
        }
    }

    private static void load(String jdbcUrl, long events, String[][] places, List<String[]> items, int residents)
            throws Exception {
        int streams = 2;
        int batch = 5_000;
        double[] dayWeight = new double[LocalDate.of(YEAR, 12, 31).getDayOfYear()];
        for (int d = 0; d < dayWeight.length; d++) {
            DayOfWeek dow = LocalDate.ofYearDay(YEAR, d + 1).getDayOfWeek();
            dayWeight[d] = dow == DayOfWeek.SATURDAY ? 0.45 : dow == DayOfWeek.SUNDAY ? 0.3 : 1.0;
        }
        double[] cumulative = new double[dayWeight.length];
        double sum = 0;
        for (int d = 0; d < dayWeight.length; d++) {
            sum += dayWeight[d];
            cumulative[d] = sum;
        }
        double total = sum;
        AtomicLong next = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(streams);
        List<Future<Void>> done = new ArrayList<>();
        for (int s = 0; s < streams; s++) {
            long seed = 7919L * (s + 1);
            done.add(pool.submit(() -> {
                SplittableRandom random = new SplittableRandom(seed);
                try (Connection c = DriverManager.getConnection(jdbcUrl)) {
                    c.setAutoCommit(false);
                    for (long start = next.getAndAdd(batch); start < events; start = next.getAndAdd(batch)) {
                        int n = (int) Math.min(batch, events - start);
                        List<TransactionRecorder.Event> rows = new ArrayList<>(n);
                        for (int i = 0; i < n; i++) {
                            int day = Arrays.binarySearch(cumulative, random.nextDouble() * total);
                            LocalDate date = LocalDate.ofYearDay(YEAR, (day < 0 ? -day - 1 : day) + 1);
                            String[] place = places[random.nextInt(places.length)];
                            // a few items carry most of the work, as in the county
                            String[] item = items.get((int) (items.size() * Math.pow(random.nextDouble(), 2.5)));
                            boolean mobile = random.nextInt(100) < 6;
                            UUID citizen = random.nextInt(100) < 92
                                    ? new UUID(0, 1 + random.nextInt(residents)) : null;
                            String specialist = !mobile && random.nextInt(100) < 36
                                    ? "bench.specialist" + random.nextInt(100) : null;
                            OffsetDateTime at = date.atTime(LocalTime.of(8, 30).plusMinutes(random.nextInt(540)))
                                    .atZone(ChinaTime.ZONE).toOffsetDateTime();
                            rows.add(new TransactionRecorder.Event(new UUID(random.nextLong(), random.nextLong()), at,
                                    TransactionKind.QUERY, item[0], item[1], mobile ? null : place[0], mobile ? null : place[1],
                                    mobile ? null : place[2], citizen, specialist));
                        }
                        TransactionRecorder.recordOn(c, rows);
                        c.commit();
                    }
                }
                return null;
            }));
        }
        for (Future<Void> f : done) {
            f.get();
        }
        pool.shutdown();
    }

    /** Key → {transactions, assisted, distinct residents} of a raw query. */
    private static Map<String, long[]> raw(String jdbcUrl, String sql) throws Exception {
        Map<String, long[]> figures = new HashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl); PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, FROM);
            q.setString(2, TO);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    figures.put(r.getString(1), new long[] {r.getLong(2), r.getLong(3), r.getLong(4)});
                }
            }
        }
        return figures;
    }

    private static boolean agrees(String query, JsonNode answer, Map<String, long[]> raw) {
        if (query.equals("summary")) {
            long[] total = raw.get("total");
            return answer.get("transactions").asLong() == total[0]
                    && answer.get("residentsServed").asLong() == total[2]
                    && Math.abs(answer.get("assistedShare").asDouble() - (double) total[1] / total[0]) < 1e-12;
        }
        boolean residents = !query.endsWith("town");
        if (answer.get("rows").size() != raw.size()) {
            return false;
        }
        for (JsonNode row : answer.get("rows")) {
            String key = row.get("key").asText();
            long[] expected = raw.get(key);
            if (expected == null || row.get("transactions").asLong() != expected[0]
                    || row.get("assisted").asLong() != expected[1]
                    || (residents && row.get("residents").asLong() != expected[2])) {
                return false;
            }
        }
        return true;
    }

    private static String count(String jdbcUrl, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return String.format(Locale.ROOT, "%,d", r.getLong(1));
        }
    }

    private static String text(String jdbcUrl, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double p99(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(sorted.length * 0.99) - 1];
    }
}
