package cn.gov.gd.yzz.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gd.yzz.common.TraceExportSwitch;
import cn.gov.gd.yzz.common.TraceSampling;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.TestLog;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
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

    @Inject
    TraceSampling sampling;

    @Test
    void withoutAnEndpointNoSpanIsRecordedYetAnIncidentStillHasItsTraceId() {
        assertThat(sampling.shouldSample(Context.root(), "4bf92f3577b34da6a3ce929d0e0e4736", "POST /api/v1/ping",
                SpanKind.SERVER, Attributes.empty(), List.of()).getDecision())
                .as("a request's span, built for no exporter").isEqualTo(SamplingDecision.DROP);
        String detail = given().get("/test-only/failure").then().statusCode(500).extract().path("detail");
        assertThat(detail).as("the incident id is the (unrecorded) span's trace id").containsPattern("[0-9a-f]{32}")
                .doesNotContain("00000000000000000000000000000000");
    }
}
