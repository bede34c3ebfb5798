package cn.gov.gd.yzz.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gd.yzz.benchmark.DemoClient;
import cn.gov.gd.yzz.benchmark.ServiceUnderTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The embedded start (the README's run command, as its own process) shows cases in every state at first start, made
 * through the API by {@link DemoJourneyLoader}: the dashboard's figures and a reviewer's lists are not empty.
 */
class DemoJourneysIT {

    private static final List<String> STATES = List.of("submitted", "accepted", "supplement_requested",
            "supplement_submitted", "approved", "rejected", "withdrawn");

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void theFirstStartShowsCasesInEveryState() throws Exception {
        Path runner = Path.of(System.getProperty("it.runner", "target/embedded-app/quarkus-app/quarkus-run.jar"));
        Path workDir = Path.of(System.getProperty("it.work-dir", "target/embedded-app/it"), "demo-journeys");
        try (ServiceUnderTest service = ServiceUnderTest.start(runner, workDir, "512m", "-Dyzz.demo.journeys=true")) {
            DemoClient demo = new DemoClient(service.port());
            String admin = demo.staffToken("admin", "Admin#2026");
            JsonNode byStatus = null;
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (System.nanoTime() < deadline) {
                JsonNode now = demo.get("/api/v1/stats/summary", admin).get("submissionsByStatus");
                byStatus = now;
                if (STATES.stream().allMatch(state -> now.path(state).asLong() > 0)) {
                    break;
                }
                Thread.sleep(1000);
            }
            JsonNode figures = byStatus;
            assertThat(STATES).as("submissions by status: %s", figures).allSatisfy(
                    state -> assertThat(figures.path(state).asLong()).as(state).isPositive());

            JsonNode hrss = null;
            for (JsonNode department : demo.get("/api/v1/stats/summary", admin).get("efficiency")) {
                if (department.path("department").asText().equals("HRSS")) {
                    hrss = department;
                }
            }
            assertThat(hrss).isNotNull();
            assertThat(hrss.path("awaitingDelivery").asLong()).as("HRSS efficiency %s", hrss).isPositive();

            String reviewer = demo.staffToken("reviewer.hrss", "Review#2026");
            JsonNode waiting = demo.get("/api/v1/submissions?status=supplement_requested", reviewer).get("items");
            assertThat(waiting.size()).isPositive();
            assertThat(waiting.get(0).path("applicant").path("maskedIdNumber").asText()).contains("**********");
            assertThat(waiting.get(0).path("supplements").size()).isPositive();
        }
    }
}
