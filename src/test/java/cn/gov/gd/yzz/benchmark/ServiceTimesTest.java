package cn.gov.gd.yzz.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The province benchmark's reading of the service's access log: the service's own time of each request, in the order
 * it answered them, per request path. Its "service's own time" figures are only as good as this.
 */
class ServiceTimesTest {

    @Test
    void readsTheMarkedAccessLogLinesPerPathInOrder(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("service.log");
        Files.write(log, List.of(
                "2026-12-03 07:30:01,100 INFO  [cn.gov.gd.yzz.stats.ResidentIndex] (stats-warm-up) resident bitmaps: "
                        + "loaded 8760 stored bitmaps",
                "2026-12-03 07:30:02,001 INFO  [io.qu.ht.access-log] (vert.x-eventloop-thread-1) bench-access 812 "
                        + "GET /api/v1/ping HTTP/1.1",
                "2026-12-03 07:30:02,050 INFO  [io.qu.ht.access-log] (vert.x-eventloop-thread-0) bench-access 14350 "
                        + "GET /api/v1/stats/summary?from=2025-01-01&to=2025-12-31 HTTP/1.1",
                // without record-request-start-time the time is "-": no figure rather than a wrong one
                "2026-12-03 07:30:02,060 INFO  [io.qu.ht.access-log] (vert.x-eventloop-thread-0) bench-access - "
                        + "GET /api/v1/stats/summary?from=2025-01-01&to=2025-12-31 HTTP/1.1",
                "2026-12-03 07:30:02,090 INFO  [io.qu.ht.access-log] (vert.x-eventloop-thread-1) bench-access 9020 "
                        + "GET /api/v1/stats/summary?from=2025-01-01&to=2025-12-31 HTTP/1.1",
                "a line of another logger that mentions bench-access without figures"));

        Map<String, List<Double>> times = ProvinceStatsBenchmark.serviceTimes(log);

        assertThat(times).containsOnlyKeys("/api/v1/ping", "/api/v1/stats/summary?from=2025-01-01&to=2025-12-31");
        assertThat(times.get("/api/v1/ping")).containsExactly(0.812);
        assertThat(times.get("/api/v1/stats/summary?from=2025-01-01&to=2025-12-31")).containsExactly(14.35, 9.02);
    }

    @Test
    void pairsOnlyWhenTheLogHoldsEveryRequestSent() {
        List<Double> logged = List.of(30.0, 20.0, 11.0, 12.0, 13.0);
        assertThat(ProvinceStatsBenchmark.series(logged, 5, 3)).as("the series is the last requests")
                .containsExactly(11.0, 12.0, 13.0);
        assertThat(ProvinceStatsBenchmark.series(logged, 6, 3)).as("one missing: positions would not match").isNull();
        assertThat(ProvinceStatsBenchmark.series(logged, 4, 3)).as("one too many").isNull();
    }
}
