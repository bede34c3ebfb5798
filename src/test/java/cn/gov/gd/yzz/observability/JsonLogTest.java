package cn.gov.gd.yzz.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.IdNumberFixtures;
import cn.gov.gd.yzz.support.KioskSimulator;
import cn.gov.gd.yzz.support.Staff;
import cn.gov.gd.yzz.support.TestLog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Issue 21: with YZZ_LOG_FORMAT=json the log is one JSON object per line, with the request's ids and no personal data. */
@QuarkusTest
@TestProfile(JsonLogTest.JsonLog.class)
class JsonLogTest extends ApiTest {

    public static class JsonLog implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("yzz.log.format", "json");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[0-9Xx](?![0-9A-Za-z])");
    private static final Pattern PHONE = Pattern.compile("(?<![0-9A-Za-z])1[3-9]\\d{9}(?![0-9A-Za-z])");

    private static List<JsonNode> parse(String log) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : log.split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line)); // fails the test on a line that is not one JSON object
            }
        }
        return lines;
    }

    @Test
    void everyLineIsJsonWithTheRequestIdsAndNoPersonalData() throws Exception {
        TestLog log = TestLog.mark();
        String idNumber = IdNumberFixtures.next();
        KioskSimulator kiosk = KioskSimulator.registerIn(Staff.token(Staff.ADMIN), "日志镇", "日志村", Staff.SPECIALIST);
        kiosk.citizenToken(idNumber, "张三");
        String at = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).toString();
        given().auth().oauth2(kiosk.deviceToken()).contentType("application/json")
                .body(Map.of("events", List.of(Map.of("eventId", UUID.randomUUID().toString(),
                        "serviceCode", "NO-SUCH-SERVICE", "occurredAt", at, "kind", "query"))))
                .post("/api/v1/kiosks/{id}/transactions", kiosk.id()).then().statusCode(200);
        given().contentType("application/json").body(Map.of("username", "nobody.json", "password", "13800138000"))
                .post("/api/v1/auth/staff").then().statusCode(401);
        given().auth().oauth2("eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiIxMzgwMDEzODAwMCJ9.c2ln").get("/api/v1/submissions")
                .then().statusCode(401);
        given().contentType("application/json").body("{\"username\":\"a\",\"username\":\"b\",\"password\":\"x\"}")
                .post("/api/v1/auth/staff").then().statusCode(400);
        String admin = Staff.token(Staff.ADMIN);
        given().auth().oauth2(admin).get("/api/v1/admin/audit").then().statusCode(200);
        given().auth().oauth2(admin).contentType("application/merge-patch+json").body(Map.of("enabled", false))
                .patch("/api/v1/admin/kiosks/{id}", kiosk.id()).then().statusCode(200);

        String logged = log.since();
        List<JsonNode> lines = parse(logged);
        List<JsonNode> security = lines.stream().filter(l -> l.path("logger").asText().equals("yzz.security"))
                .toList();
        assertThat(security).extracting(l -> l.path("event").asText())
                .contains("token-refused", "login-failed", "hostile-input-refused", "personal-data-read",
                        "kiosk-disabled");
        assertThat(security).filteredOn(l -> l.path("event").asText().equals("kiosk-disabled"))
                .allSatisfy(l -> assertThat(l.path("kiosk").asText()).isEqualTo(kiosk.id()))
                .allSatisfy(l -> assertThat(l.path("role").asText()).isEqualTo("admin"));
        for (JsonNode line : lines) {
            assertThat(line.has("time") && line.has("level") && line.has("logger") && line.has("message"))
                    .as(line.toString()).isTrue();
        }
        // request-scoped lines: the security events and everything logged by the service's own code
        for (JsonNode line : security) {
            assertThat(line.path("requestId").asText()).as(line.toString()).isNotEmpty();
            assertThat(line.path("traceId").asText()).as(line.toString()).matches("[0-9a-f]{32}");
        }
        assertThat(security.stream().filter(l -> l.path("event").asText().equals("hostile-input-refused")))
                .allSatisfy(l -> assertThat(l.path("problemCode").asText()).isEqualTo("duplicate-key"));
        assertThat(ID_NUMBER.matcher(logged).find()).as("a full ID number in the log").isFalse();
        assertThat(PHONE.matcher(logged).find()).as("a phone number in the log").isFalse();
        assertThat(logged).doesNotContain(idNumber).doesNotContain("张三");
    }

    @Test
    void anInternalErrorQuotesTheTraceIdOfItsLogLine() throws Exception {
        TestLog log = TestLog.mark();
        String detail = given().get("/test-only/failure").then().statusCode(500).extract().path("detail");
        Matcher incident = Pattern.compile("[0-9a-f]{32}").matcher(detail);
        assertThat(incident.find()).as(detail).isTrue();
        List<JsonNode> failures = parse(log.since()).stream()
                .filter(l -> l.path("message").asText().contains("unexpected failure")).toList();
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0).path("traceId").asText()).isEqualTo(incident.group());
        assertThat(failures.get(0).path("exception").asText()).contains("a bug, on purpose");

        // a trace started by the caller (W3C traceparent) is continued: its id is the incident id
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        given().header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").get("/test-only/failure").then()
                .statusCode(500).body("detail", org.hamcrest.Matchers.containsString(traceId));
    }
}
