package cn.gov.gd.yzz.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gd.yzz.common.TraceExportSwitch;
import cn.gov.gd.yzz.common.TraceSampling;
import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.TestLog;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 21 item 4: without {@code OTEL_EXPORTER_OTLP_ENDPOINT} (the tests' and the embedded run's default) requests are
 * traced but nothing is sent: no OTLP exporter tries {@code localhost:4317} (it would log each failed export). Issue
 * 20: nor is any span recorded then; each request still has its span's ids (log lines, incident ids).
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

    @Inject
    TraceSampling sampling;

    @Test
    void withoutAnEndpointNoSpanIsRecordedYetEveryRequestHasItsSpansIds() {
        assertThat(sampling.shouldSample(Context.root(), "4bf92f3577b34da6a3ce929d0e0e4736", "POST /api/v1/ping",
                SpanKind.SERVER, Attributes.empty(), List.of()).getDecision())
                .as("a request's span, built for no exporter").isEqualTo(SamplingDecision.DROP);
        // inside a request: a span with valid ids (the log's and the incident's trace id), not recorded
        Map<String, Object> span = given().get("/test-only/span").then().statusCode(200).extract().as(Map.class);
        assertThat(span).containsEntry("valid", true).containsEntry("sampled", false).containsEntry("recording", false);
        assertThat((String) span.get("traceId")).matches("[0-9a-f]{32}");
        // a caller's trace is continued: same trace id, still not recorded here
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        Map<String, Object> continued = given().header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .get("/test-only/span").then().statusCode(200).extract().as(Map.class);
        assertThat(continued).containsEntry("traceId", traceId).containsEntry("recording", false);
    }
}
