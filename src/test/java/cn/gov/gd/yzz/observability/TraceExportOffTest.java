package cn.gov.gd.yzz.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gd.yzz.common.TraceExportSwitch;
import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.TestLog;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Issue 21 item 4: without {@code OTEL_EXPORTER_OTLP_ENDPOINT} (the tests' and the embedded run's default) requests are
 * traced but nothing is sent: no OTLP exporter tries {@code localhost:4317} (it would log each failed export).
 */
@QuarkusTest
class TraceExportOffTest extends ApiTest {

    @Inject
    @Any
    Instance<SpanExporter> exporters;

    @Test
    void withoutAnEndpointNothingIsSent() throws Exception {
        assertThat(exporters.select(TraceExportSwitch.class).isResolvable()).as("the no-export switch is on").isTrue();
        TestLog log = TestLog.mark();
        given().get("/test-only/failure").then().statusCode(500);
        // the span processor hands its spans on every 5 s (the default schedule delay), an export attempt would
        // follow at once and log its failure
        Thread.sleep(7000);
        assertThat(log.since()).doesNotContain("Failed to export").doesNotContain(":4317");
    }
}
