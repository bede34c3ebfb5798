package cn.gov.gd.yzz.transaction;

import static cn.gov.gd.yzz.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.IdNumberFixtures;
import cn.gov.gd.yzz.support.KioskSimulator;
import cn.gov.gd.yzz.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TransactionApiTest extends ApiTest {

    private static final List<String> SERVICES = List.of("HRSS-001", "HRSS-002", "PUBLIC_SECURITY-001",
            "MEDICAL_INSURANCE-003", "CIVIL_AFFAIRS-001");

    @Inject
    AgroalDataSource dataSource;

    private KioskSimulator kiosk;
    private String device;

    @BeforeEach
    void kiosk() {
        kiosk = KioskSimulator.register(Staff.token(Staff.ADMIN), Staff.SPECIALIST);
        device = kiosk.deviceToken();
    }

    private static Map<String, Object> event(UUID id, String service, OffsetDateTime at, String kind) {
        Map<String, Object> e = new HashMap<>();
        e.put("eventId", id.toString());
        e.put("serviceCode", service);
        e.put("occurredAt", at.toString());
        e.put("kind", kind);
        return e;
    }

    private static List<List<Map<String, Object>>> thousandEventsInBatchesOfHundred() {
        OffsetDateTime base = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(20);
        List<List<Map<String, Object>>> batches = new ArrayList<>();
        for (int b = 0; b < 10; b++) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                int n = b * 100 + i;
                batch.add(event(UUID.randomUUID(), SERVICES.get(n % SERVICES.size()), base.plusMinutes(n),
                        n % 3 == 0 ? "print" : "query"));
            }
            batches.add(batch);
        }
        return batches;
    }

    private ValidatableResponse send(String token, String kioskId, List<Map<String, Object>> events) {
        return given().auth().oauth2(token).contentType("application/json").body(Map.of("events", events))
                .post("/api/v1/kiosks/{id}/transactions", kioskId).then();
    }

    private long counted(String kioskId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT coalesce(sum(transactions), 0) FROM txn_daily WHERE kiosk_key = ?")) {
            q.setString(1, kioskId);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    @Test
    void aThousandEventsSentTwiceCountAThousand() throws Exception {
        List<List<Map<String, Object>>> batches = thousandEventsInBatchesOfHundred();
        for (List<Map<String, Object>> batch : batches) {
            send(device, kiosk.id(), batch).statusCode(200).body("accepted", equalTo(100));
        }
        for (List<Map<String, Object>> batch : batches) {
            send(device, kiosk.id(), batch).statusCode(200).body("accepted", equalTo(0))
                    .body("duplicates", equalTo(100));
        }
        assertThat(counted(kiosk.id())).isEqualTo(1000);
    }

    @Test
    void twoConcurrentStreamsOfTheSameThousandEventsCountAThousand() throws Exception {
        List<List<Map<String, Object>>> forward = thousandEventsInBatchesOfHundred();
        List<List<Map<String, Object>>> backward = new ArrayList<>(forward);
        Collections.reverse(backward);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Callable<Integer>> streams = new ArrayList<>();
        for (List<List<Map<String, Object>>> stream : List.of(forward, backward)) {
            streams.add(() -> {
                int accepted = 0;
                for (List<Map<String, Object>> batch : stream) {
                    accepted += send(device, kiosk.id(), batch).statusCode(200).extract().<Integer>path("accepted");
                }
                return accepted;
            });
        }
        int accepted = 0;
        for (Future<Integer> f : pool.invokeAll(streams)) {
            accepted += f.get();
        }
        pool.shutdown();
        assertThat(accepted).isEqualTo(1000);
        assertThat(counted(kiosk.id())).isEqualTo(1000);
    }

    @Test
    void judgesEveryEventOnItsOwnAndStoresTheValidOnes() throws Exception {
        OffsetDateTime now = OffsetDateTime.now();
        UUID repeated = UUID.randomUUID();
        String otherKioskCitizen = KioskSimulator.register(Staff.token(Staff.ADMIN))
                .citizenToken(IdNumberFixtures.next(), "甲");
        String ownCitizen = kiosk.citizenToken(IdNumberFixtures.next(), "乙");
        Map<String, Object> assisted = event(UUID.randomUUID(), "HRSS-001", now.minusMinutes(5), "payment");
        assisted.put("specialistId", Staff.SPECIALIST);
        assisted.put("citizenToken", ownCitizen);
        Map<String, Object> foreignSpecialist = event(UUID.randomUUID(), "HRSS-001", now, "query");
        foreignSpecialist.put("specialistId", "specialist.pengzhai");
        Map<String, Object> foreignCitizen = event(UUID.randomUUID(), "HRSS-001", now, "query");
        foreignCitizen.put("citizenToken", otherKioskCitizen);
        Map<String, Object> unknownCitizen = event(UUID.randomUUID(), "HRSS-001", now, "query");
        unknownCitizen.put("citizenId", UUID.randomUUID().toString());
        List<Map<String, Object>> events = List.of(
                event(repeated, "HRSS-001", now.minusMinutes(1), "print"),
                event(repeated, "HRSS-001", now.minusMinutes(1), "print"),
                event(UUID.randomUUID(), "NOPE-001", now, "query"),
                event(UUID.randomUUID(), "HRSS-001", now.plusHours(2), "query"),
                event(UUID.randomUUID(), "HRSS-001", now.minusDays(90), "query"),
                foreignSpecialist, foreignCitizen, unknownCitizen, assisted);
        send(device, kiosk.id(), events).statusCode(200)
                .body("accepted", equalTo(2)).body("duplicates", equalTo(1)).body("rejected", equalTo(6))
                .body("results.outcome", org.hamcrest.Matchers.contains("accepted", "duplicate", "rejected",
                        "rejected", "rejected", "rejected", "rejected", "rejected", "accepted"))
                .body("results[2].reason", equalTo("unknown-service"))
                .body("results[3].reason", equalTo("occurred-in-the-future"))
                .body("results[5].reason", equalTo("specialist-not-assigned-to-kiosk"))
                .body("results[6].reason", equalTo("citizen-token-of-another-kiosk"))
                .body("results[7].reason", equalTo("unknown-citizen"));
        assertThat(counted(kiosk.id())).isEqualTo(2);
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT count(*) FROM resident_day r JOIN citizen c ON c.ordinal = r.citizen_ordinal "
                        + "JOIN transaction_event e ON e.citizen_id = c.id AND e.day = r.day "
                        + "AND e.department_code = r.department_code WHERE e.kiosk_id = ? AND e.specialist IS NOT NULL")) {
            q.setString(1, kiosk.id());
            try (ResultSet r = q.executeQuery()) {
                r.next();
                assertThat(r.getInt(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void refusesMalformedOrForeignBatchesWhole() throws Exception {
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            tooMany.add(event(UUID.randomUUID(), "HRSS-001", OffsetDateTime.now(), "query"));
        }
        assertProblem(send(device, kiosk.id(), tooMany), 400, "batch-too-large");
        Map<String, Object> noId = event(UUID.randomUUID(), "HRSS-001", OffsetDateTime.now(), "query");
        noId.remove("eventId");
        assertProblem(send(device, kiosk.id(), List.of(event(UUID.randomUUID(), "HRSS-001", OffsetDateTime.now(),
                "query"), noId)), 400, "validation-failed");
        Map<String, Object> badKind = event(UUID.randomUUID(), "HRSS-001", OffsetDateTime.now(), "gossip");
        assertProblem(send(device, kiosk.id(), List.of(badKind)), 400, "validation-failed");
        // every failing field of every event is named by its JSON pointer; the valid event in between is not
        Map<String, Object> longCode = event(UUID.randomUUID(), "X".repeat(41), OffsetDateTime.now(), "query");
        longCode.put("specialistId", "s".repeat(101));
        Map<String, Object> blankCode = event(UUID.randomUUID(), " ", OffsetDateTime.now(), "query");
        blankCode.remove("occurredAt");
        List<Map<String, Object>> mixed = new ArrayList<>(List.of(noId, event(UUID.randomUUID(), "HRSS-001",
                OffsetDateTime.now(), "query"), longCode, blankCode));
        mixed.add(null);
        ValidatableResponse answer = send(device, kiosk.id(), mixed);
        assertProblem(answer, 400, "validation-failed");
        answer.body("errors.pointer", containsInAnyOrder("/events/0/eventId", "/events/2/serviceCode",
                "/events/2/specialistId", "/events/3/serviceCode", "/events/3/occurredAt", "/events/4"));
        Map<String, Object> badDate = event(UUID.randomUUID(), "HRSS-001", OffsetDateTime.now(), "query");
        badDate.put("occurredAt", "yesterday");
        assertProblem(send(device, kiosk.id(), List.of(badDate)), 400, "malformed-body");
        assertProblem(send(device, kiosk.id(), List.of()), 400, "validation-failed");
        assertThat(counted(kiosk.id())).isZero();

        KioskSimulator other = KioskSimulator.register(Staff.token(Staff.ADMIN));
        assertProblem(send(other.deviceToken(), kiosk.id(), List.of(event(UUID.randomUUID(), "HRSS-001",
                OffsetDateTime.now(), "query"))), 403, "forbidden");
    }
}
