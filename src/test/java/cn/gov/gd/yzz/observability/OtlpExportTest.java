package cn.gov.gd.yzz.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gd.yzz.common.TraceExportSwitch;
import cn.gov.gd.yzz.support.ApiTest;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Issue 21 item 4: with {@code OTEL_EXPORTER_OTLP_ENDPOINT} set, the service sends its spans by OTLP (here
 * http/protobuf to a receiver on loopback that keeps the request bodies), and the span of a request is among them.
 * The receiver is started by the test profile, which Quarkus loads in another class loader than the test: the test
 * asks it over HTTP ({@code GET /seen/<trace id>}) whether a trace reached it.
 */
@QuarkusTest
@TestProfile(OtlpExportTest.WithCollector.class)
class OtlpExportTest extends ApiTest {

    /** What the receiver was sent on {@code /v1/traces}: OTLP ExportTraceServiceRequest messages, protobuf. */
    static final List<byte[]> RECEIVED = new CopyOnWriteArrayList<>();
    private static HttpServer receiver;

    public static class WithCollector implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String endpoint = "http://127.0.0.1:" + startReceiver();
            // as the environment variables OTEL_EXPORTER_OTLP_ENDPOINT and OTEL_EXPORTER_OTLP_PROTOCOL would
            return Map.of("yzz.tracing.otlp-endpoint", endpoint,
                    "quarkus.otel.exporter.otlp.traces.endpoint", endpoint,
                    "quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf",
                    "quarkus.otel.bsp.schedule.delay", "100ms");
        }
    }

    private static synchronized int startReceiver() {
        if (receiver == null) {
            try {
                receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            receiver.createContext("/seen/", exchange -> {
                byte[] id = HexFormat.of().parseHex(exchange.getRequestURI().getPath().substring("/seen/".length()));
                exchange.sendResponseHeaders(RECEIVED.stream().anyMatch(body -> contains(body, id)) ? 204 : 404, -1);
                exchange.close();
            });
            receiver.createContext("/v1/traces", exchange -> {
                RECEIVED.add(exchange.getRequestBody().readAllBytes());
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, 0); // an empty ExportTraceServiceResponse
                exchange.close();
            });
            receiver.start();
        }
        return receiver.getAddress().getPort();
    }

    @Inject
    @Any
    Instance<SpanExporter> exporters;

    @ConfigProperty(name = "yzz.tracing.otlp-endpoint")
    String collector;

    @Test
    void aRequestsSpanReachesTheCollector() throws Exception {
        assertThat(exporters.select(TraceExportSwitch.class).isResolvable()).as("the no-export switch is off")
                .isFalse();
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        given().header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01").get("/test-only/failure").then()
                .statusCode(500);
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest seen = HttpRequest.newBuilder(URI.create(collector + "/seen/" + traceId)).build();
        long until = System.nanoTime() + 30_000_000_000L;
        while (client.send(seen, HttpResponse.BodyHandlers.discarding()).statusCode() != 204) {
            assertThat(System.nanoTime()).as("the span reached the collector within 30 s").isLessThan(until);
            Thread.sleep(100);
        }
    }

    private static boolean contains(byte[] body, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= body.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (body[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
