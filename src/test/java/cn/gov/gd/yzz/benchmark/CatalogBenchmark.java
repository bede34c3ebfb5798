package cn.gov.gd.yzz.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Catalog read throughput and p99 next to the trivial {@code /api/v1/ping} of the same server, in one run, so the
 * ratio means something on a shared, noisy machine. Scenarios are interleaved round by round. Not part of
 * {@code ./mvnw verify}; run with {@code ./mvnw -Pembedded,benchmark verify} (README: Benchmarks). It prints figures
 * and asserts nothing about time.
 */
@Tag("benchmark")
class CatalogBenchmark {

    private static final int CONNECTIONS = Integer.getInteger("bench.connections", 8);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 5);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);

    @Test
    void catalogReadsAgainstTheTrivialEndpoint() throws Exception {
        Path runner = Path.of(System.getProperty("bench.runner", "target/embedded-app/quarkus-app/quarkus-run.jar"));
        Path workDir = Path.of(System.getProperty("bench.work-dir", "target/benchmark"));
        try (ServiceUnderTest service = ServiceUnderTest.start(runner, workDir.resolve("run"), "512m")) {
            int port = service.port();
            String etag;
            String version;
            try (HttpLoadClient probe = new HttpLoadClient(port)) {
                etag = probe.header(HttpLoadClient.request("/api/v1/services/HRSS-001"), "ETag");
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"version\":(\\d+)")
                        .matcher(probe.exchange(HttpLoadClient.request("/api/v1/catalog/changes")).text());
                assertThat(m.find()).isTrue();
                version = m.group(1);
            }
            assertThat(etag).isNotBlank();
            Map<String, Scenario> scenarios = new LinkedHashMap<>();
            scenarios.put("GET /api/v1/ping (trivial)", new Scenario(HttpLoadClient.request("/api/v1/ping"), 200));
            scenarios.put("GET /api/v1/services?q=sbjf",
                    new Scenario(HttpLoadClient.request("/api/v1/services?q=sbjf"), 200));
            scenarios.put("GET /api/v1/services?q=%E7%A4%BE%E4%BF%9D (社保)",
                    new Scenario(HttpLoadClient.request("/api/v1/services?q=%E7%A4%BE%E4%BF%9D"), 200));
            scenarios.put("GET /api/v1/services?q=%E4%BD%8E%E4%BF%9D (低保, an alias)",
                    new Scenario(HttpLoadClient.request("/api/v1/services?q=%E4%BD%8E%E4%BF%9D"), 200));
            scenarios.put("GET /api/v1/services?q=db (alias initials)",
                    new Scenario(HttpLoadClient.request("/api/v1/services?q=db"), 200));
            scenarios.put("GET /api/v1/catalog/changes?since=<current> (no change)",
                    new Scenario(HttpLoadClient.request("/api/v1/catalog/changes?since=" + version), 200));
            scenarios.put("GET /api/v1/services/HRSS-001",
                    new Scenario(HttpLoadClient.request("/api/v1/services/HRSS-001"), 200));
            scenarios.put("GET /api/v1/services/HRSS-001 If-None-Match (304)",
                    new Scenario(HttpLoadClient.request("/api/v1/services/HRSS-001", "If-None-Match: " + etag), 304));

            // warm-up: JIT and connection pools, figures discarded
            for (Scenario s : scenarios.values()) {
                LoadRun.round(port, s.request(), s.status(), CONNECTIONS, 3_000, new LoadRun.Figures());
            }
            for (int round = 0; round < ROUNDS; round++) {
                for (Scenario s : scenarios.values()) {
                    LoadRun.round(port, s.request(), s.status(), CONNECTIONS, SECONDS * 1_000L, s.figures());
                }
            }

            double baseline = scenarios.values().iterator().next().figures().perSecond();
            StringBuilder table = new StringBuilder()
                    .append(String.format("catalog benchmark: %d connections, %d rounds x %d s per scenario, "
                            + "service and load generator on the same %d-core machine%n", CONNECTIONS, ROUNDS,
                            SECONDS, Runtime.getRuntime().availableProcessors()))
                    .append(String.format("%-52s %10s %9s %9s %8s%n", "scenario", "req/s", "p50 ms", "p99 ms",
                            "ratio"));
            scenarios.forEach((name, s) -> table.append(String.format("%-52s %10.0f %9.2f %9.2f %7.0f%%%n", name,
                    s.figures().perSecond(), s.figures().percentileMillis(50), s.figures().percentileMillis(99),
                    100 * s.figures().perSecond() / baseline)));
            System.out.println(table);
            Files.createDirectories(workDir);
            Files.writeString(workDir.resolve("catalog.txt"), table);
        }
    }

    private record Scenario(byte[] request, int status, LoadRun.Figures figures) {
        Scenario(byte[] request, int status) {
            this(request, status, new LoadRun.Figures());
        }
    }
}
