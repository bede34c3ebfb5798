package cn.gov.gd.yzz.observability;

import static cn.gov.gd.yzz.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gd.yzz.embedded.EmbeddedS3Server;
import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.Applications;
import cn.gov.gd.yzz.support.Citizens;
import cn.gov.gd.yzz.support.EmbeddedInfrastructureResource;
import cn.gov.gd.yzz.support.IdNumberFixtures;
import cn.gov.gd.yzz.support.KioskSimulator;
import cn.gov.gd.yzz.support.Staff;
import cn.gov.gd.yzz.support.TestLog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 21 item 4: one trace per request with its JDBC statements and object-store calls as children, exported as a
 * collector would receive it (an in-memory exporter takes the OTLP exporter's place), and a 500 answer's incident id
 * is that trace's id, in the log line too.
 */
@QuarkusTest
@TestProfile(TracingTest.Tracing.class)
class TracingTest extends ApiTest {

    public static class Tracing implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // the collected spans take the exporter's place: recorded though no endpoint is set
            return Map.of("yzz.log.format", "json", "quarkus.otel.bsp.schedule.delay", "100ms",
                    "yzz.tracing.record-unexported", "true");
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(CollectedSpans.class);
        }
    }

    private static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
    private static final AttributeKey<String> PATH = AttributeKey.stringKey("url.path");
    private static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system");
    private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("yzz.object_store.operation");
    private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("yzz.object_store.outcome");
    private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    @Inject
    CollectedSpans spans;

    @Test
    void aKioskBatchIsOneTraceOfItsServerSpanWithItsJdbcStatementsAsChildren() throws Exception {
        String idNumber = IdNumberFixtures.next();
        KioskSimulator kiosk = KioskSimulator.register(Staff.token(Staff.ADMIN), Staff.SPECIALIST);
        kiosk.citizenToken(idNumber, "张三");
        String at = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).toString();
        String eventId = UUID.randomUUID().toString();
        given().auth().oauth2(kiosk.deviceToken()).contentType("application/json")
                .body(Map.of("events", List.of(
                        Map.of("eventId", eventId, "serviceCode", "HRSS-001", "occurredAt", at, "kind", "query"),
                        Map.of("eventId", eventId, "serviceCode", "HRSS-001", "occurredAt", at, "kind", "query"),
                        Map.of("eventId", UUID.randomUUID().toString(), "serviceCode", "NO-SUCH-SERVICE",
                                "occurredAt", at, "kind", "print"))))
                .post("/api/v1/kiosks/{id}/transactions", kiosk.id()).then().statusCode(200);

        SpanData batch = serverSpan("/api/v1/kiosks/{id}/transactions", kiosk.id());
        assertThat(batch.getParentSpanContext().isValid()).as("a trace of its own").isFalse();
        List<SpanData> jdbc = awaitTrace(batch, t -> !t.isEmpty()).stream()
                .filter(s -> "postgresql".equals(s.getAttributes().get(DB_SYSTEM))).toList();
        assertThat(jdbc).as("the batch's statements").isNotEmpty()
                .allSatisfy(s -> assertThat(s.getKind()).isEqualTo(SpanKind.CLIENT))
                .allSatisfy(s -> assertThat(descendsFrom(s, batch)).as(s.getName()).isTrue());
        // nothing of the resident in any span
        assertThat(spans.finished()).allSatisfy(s -> assertThat(s.getAttributes().toString())
                .doesNotContain(idNumber).doesNotContain("张三"));
    }

    @Test
    void anUploadHasItsObjectStoreCallsInItsTraceAndAStoreFailureIsAnErrorSpan() {
        String owner = Citizens.newMobileCitizen();
        String submission = Applications.pensionCheck(owner);
        given().auth().oauth2(owner).multiPart("file", "scan.pdf", PDF, "application/pdf")
                .post("/api/v1/submissions/{id}/documents", submission).then().statusCode(201);
        SpanData upload = serverSpan("/api/v1/submissions/{id}/documents", submission);
        SpanData put = awaitTrace(upload, t -> t.stream().anyMatch(s -> s.getName().equals("object-store put")))
                .stream().filter(s -> s.getName().equals("object-store put")).findFirst().orElseThrow();
        assertThat(put.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(descendsFrom(put, upload)).isTrue();
        assertThat(put.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        // low cardinality: the operation and its outcome, never a key or a file name
        assertThat(put.getAttributes().asMap()).containsOnly(Map.entry(OPERATION, "put"), Map.entry(OUTCOME, "ok"));

        EmbeddedS3Server s3 = EmbeddedInfrastructureResource.infrastructure().s3();
        String second = Applications.pensionCheck(owner);
        s3.stop();
        try {
            assertProblem(given().auth().oauth2(owner).multiPart("file", "scan.pdf", PDF, "application/pdf")
                    .post("/api/v1/submissions/{id}/documents", second).then(), 503, "store-unavailable");
        } finally {
            s3.start();
        }
        SpanData refused = serverSpan("/api/v1/submissions/{id}/documents", second);
        SpanData failed = awaitTrace(refused, t -> t.stream().anyMatch(s -> s.getName().startsWith("object-store ")))
                .stream().filter(s -> s.getName().startsWith("object-store ")).findFirst().orElseThrow();
        assertThat(failed.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(failed.getAttributes().get(OUTCOME)).isEqualTo("error");
        assertThat(failed.getAttributes().get(ERROR_TYPE)).isNotBlank();
        assertThat(failed.getEvents()).as("no exception message (it may name the key)").isEmpty();
    }

    @Test
    void anInternalErrorsIncidentIdIsTheTraceIdOfItsSpanAndOfItsLogLine() throws Exception {
        TestLog log = TestLog.mark();
        String detail = given().get("/test-only/failure").then().statusCode(500).extract().path("detail");
        Matcher quoted = Pattern.compile("[0-9a-f]{32}").matcher(detail);
        assertThat(quoted.find()).as(detail).isTrue();
        String incident = quoted.group();
        SpanData failure = awaitSpan(s -> s.getKind() == SpanKind.SERVER
                && "/test-only/failure".equals(s.getAttributes().get(ROUTE)) && s.getTraceId().equals(incident));
        assertThat(failure.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(incidentLines(log)).singleElement()
                .satisfies(l -> assertThat(l.path("traceId").asText()).isEqualTo(incident));

        // a trace the caller started is continued, not replaced: its id is the incident id, its span the parent
        TestLog second = TestLog.mark();
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String callersSpan = "00f067aa0ba902b7";
        given().header("traceparent", "00-" + traceId + "-" + callersSpan + "-01").get("/test-only/failure").then()
                .statusCode(500).body("detail", org.hamcrest.Matchers.containsString(traceId));
        SpanData continued = awaitSpan(s -> s.getKind() == SpanKind.SERVER && s.getTraceId().equals(traceId));
        assertThat(continued.getParentSpanId()).isEqualTo(callersSpan);
        assertThat(incidentLines(second)).singleElement()
                .satisfies(l -> assertThat(l.path("traceId").asText()).isEqualTo(traceId));
    }

    private static List<JsonNode> incidentLines(TestLog log) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : log.since().split("\n")) {
            if (!line.isBlank()) {
                JsonNode json = JSON.readTree(line);
                if (json.path("message").asText().contains("unexpected failure")) {
                    lines.add(json);
                }
            }
        }
        return lines;
    }

    /** The server span of the request to {@code route} whose path names {@code id}. */
    private SpanData serverSpan(String route, String id) {
        return awaitSpan(s -> s.getKind() == SpanKind.SERVER && route.equals(s.getAttributes().get(ROUTE))
                && s.getAttributes().get(PATH).contains(id));
    }

    /** The other spans of {@code root}'s trace, once {@code complete} accepts them. */
    private List<SpanData> awaitTrace(SpanData root, Predicate<List<SpanData>> complete) {
        long until = System.nanoTime() + 20_000_000_000L;
        while (true) {
            List<SpanData> trace = spans.finished().stream().filter(s -> s.getTraceId().equals(root.getTraceId()))
                    .filter(s -> !s.getSpanId().equals(root.getSpanId())).toList();
            if (complete.test(trace) || System.nanoTime() > until) {
                return trace;
            }
            pause();
        }
    }

    private SpanData awaitSpan(Predicate<SpanData> wanted) {
        long until = System.nanoTime() + 20_000_000_000L;
        while (true) {
            Optional<SpanData> found = spans.finished().stream().filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            assertThat(System.nanoTime()).as("span exported within 20 s").isLessThan(until);
            pause();
        }
    }

    /** Whether {@code ancestor} is {@code span}'s parent, its parent's parent, and so on. */
    private boolean descendsFrom(SpanData span, SpanData ancestor) {
        List<SpanData> all = spans.finished();
        String parent = span.getParentSpanId();
        for (int depth = 0; depth < 32; depth++) {
            if (parent.equals(ancestor.getSpanId())) {
                return true;
            }
            String current = parent;
            Optional<SpanData> next = all.stream().filter(s -> s.getSpanId().equals(current)).findFirst();
            if (next.isEmpty()) {
                return false;
            }
            parent = next.get().getParentSpanId();
        }
        return false;
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
