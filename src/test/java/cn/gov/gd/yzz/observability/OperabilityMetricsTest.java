package cn.gov.gd.yzz.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.KioskSimulator;
import cn.gov.gd.yzz.support.Staff;
import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Issue 21: what an operator's Prometheus scrapes after real traffic. */
@QuarkusTest
class OperabilityMetricsTest extends ApiTest {

    static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of the series whose name and labels contain all of {@code parts}, 0 when absent. */
    static double value(String metrics, String name, String... labels) {
        double sum = 0;
        boolean found = false;
        for (String exposed : metrics.split("\n")) {
            // an OpenMetrics exemplar (" # {trace_id=...} value timestamp") follows the value when tracing is on
            String line = exposed.split(" # ", 2)[0].strip();
            if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
                continue;
            }
            boolean all = true;
            for (String label : labels) {
                all &= line.contains(label);
            }
            if (all) {
                Matcher m = Pattern.compile(" ([-+0-9.eE]+|NaN)$").matcher(line);
                if (m.find()) {
                    sum += Double.parseDouble(m.group(1));
                    found = true;
                }
            }
        }
        return found ? sum : 0;
    }

    private static Map<String, Object> event(UUID id, String service) {
        return Map.of("eventId", id.toString(), "serviceCode", service,
                "occurredAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).toString(), "kind", "query");
    }

    @Test
    void aKioskBatchIsCountedByOutcomeAndReason() {
        KioskSimulator kiosk = KioskSimulator.registerIn(Staff.token(Staff.ADMIN), "测试镇", "测试村",
                Staff.SPECIALIST);
        String before = scrape();
        UUID once = UUID.randomUUID();
        UUID twice = UUID.randomUUID();
        List<Map<String, Object>> events = List.of(event(once, "HRSS-001"), event(twice, "HRSS-002"),
                event(twice, "HRSS-002"), event(UUID.randomUUID(), "NO-SUCH-SERVICE"));
        given().auth().oauth2(kiosk.deviceToken()).contentType("application/json").body(Map.of("events", events))
                .post("/api/v1/kiosks/{id}/transactions", kiosk.id()).then().statusCode(200);
        String after = scrape();
        String name = "yzz_transaction_events_total";
        assertThat(value(after, name, "outcome=\"accepted\"", "reason=\"none\"")
                - value(before, name, "outcome=\"accepted\"", "reason=\"none\"")).isEqualTo(2);
        assertThat(value(after, name, "outcome=\"duplicate\"", "reason=\"none\"")
                - value(before, name, "outcome=\"duplicate\"", "reason=\"none\"")).isEqualTo(1);
        assertThat(value(after, name, "outcome=\"rejected\"", "reason=\"unknown-service\"")
                - value(before, name, "outcome=\"rejected\"", "reason=\"unknown-service\"")).isEqualTo(1);
        // no id of anything in a label
        assertThat(after).doesNotContain(once.toString()).doesNotContain(twice.toString());
    }

    @Test
    void databasePoolGaugesAreExposed() {
        given().get("/api/v1/departments").then().statusCode(200);
        String metrics = scrape();
        for (String gauge : List.of("agroal_active_count", "agroal_available_count", "agroal_awaiting_count",
                "agroal_blocking_time_average_milliseconds", "agroal_max_used_count")) {
            assertThat(metrics).as(gauge).containsPattern("(?m)^" + gauge + "\\{");
        }
    }

    @Test
    void kiosksPerTownLoginsTokensAndProblemsAreCounted() throws InterruptedException {
        String before = scrape();
        KioskSimulator kiosk = KioskSimulator.registerIn(Staff.token(Staff.ADMIN), "量度镇", "量度村",
                Staff.SPECIALIST);
        given().contentType("application/json").body(Map.of("username", "nobody.metrics", "password", "wrong#2026"))
                .post("/api/v1/auth/staff").then().statusCode(401);
        given().auth().oauth2("eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln").get("/api/v1/submissions")
                .then().statusCode(401);
        long deadline = System.nanoTime() + 10_000_000_000L;
        String after = scrape();
        while (value(after, "yzz_kiosks", "state=\"registered\"", "town=\"量度镇\"") < 1 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            after = scrape();
        }
        assertThat(value(after, "yzz_kiosks", "state=\"registered\"", "town=\"量度镇\"")).isEqualTo(1);
        assertThat(value(after, "yzz_kiosks", "state=\"offline\"", "town=\"量度镇\"")).isEqualTo(1);
        assertThat(value(after, "yzz_kiosks", "state=\"online\"", "town=\"量度镇\"")).isZero();
        assertThat(value(after, "yzz_staff_logins_total", "result=\"failure\"")
                - value(before, "yzz_staff_logins_total", "result=\"failure\"")).isEqualTo(1);
        assertThat(value(after, "yzz_tokens_refused_total", "reason=\"invalid\"")
                - value(before, "yzz_tokens_refused_total", "reason=\"invalid\"")).isEqualTo(1);
        assertThat(value(after, "yzz_security_events_total", "event=\"token-refused\"")
                - value(before, "yzz_security_events_total", "event=\"token-refused\"")).isEqualTo(1);
        assertThat(value(after, "yzz_problem_answers_total", "code=\"unauthorized\"", "status=\"401\"")
                - value(before, "yzz_problem_answers_total", "code=\"unauthorized\"", "status=\"401\"")).isEqualTo(2);

        // a town's series follow its kiosks between refreshes of the set of towns: the kiosk beats, and its town
        // shows it online (the beat is written in the next batch, the figures read at the next refresh)
        given().auth().oauth2(kiosk.deviceToken()).contentType("application/json")
                .body(Map.of("appVersion", "1.0.0", "peripherals", Map.of("printer", "ok")))
                .post("/api/v1/kiosks/{id}/heartbeat", kiosk.id()).then().statusCode(204);
        deadline = System.nanoTime() + 15_000_000_000L;
        String online = scrape();
        while (value(online, "yzz_kiosks", "state=\"online\"", "town=\"量度镇\"") < 1 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            online = scrape();
        }
        assertThat(value(online, "yzz_kiosks", "state=\"online\"", "town=\"量度镇\"")).isEqualTo(1);
        assertThat(value(online, "yzz_kiosks", "state=\"offline\"", "town=\"量度镇\"")).isZero();
        assertThat(value(online, "yzz_kiosks", "state=\"registered\"", "town=\"量度镇\"")).isEqualTo(1);
    }
}
