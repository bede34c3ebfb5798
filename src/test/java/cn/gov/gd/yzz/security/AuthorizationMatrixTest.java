package cn.gov.gd.yzz.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.IdNumberFixtures;
import cn.gov.gd.yzz.support.KioskSimulator;
import cn.gov.gd.yzz.support.MiniappTicketFixtures;
import cn.gov.gd.yzz.support.Staff;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every served endpoint against every kind of caller, with the status each must get. A new endpoint is added here
 * when it is served; a row missing a role fails the build.
 */
@QuarkusTest
class AuthorizationMatrixTest extends ApiTest {

    enum Caller {
        ANONYMOUS, CITIZEN_A, CITIZEN_B, KIOSK_X, KIOSK_Y, SPECIALIST, REVIEWER_HRSS, REVIEWER_MEDICAL, ADMIN,
        DISABLED_KIOSK
    }

    private record Row(String endpoint, Function<RequestSpecification, Response> call, Map<Caller, Integer> expected) {
    }

    private final Map<Caller, String> tokens = new EnumMap<>(Caller.class);
    private KioskSimulator kioskX;
    private KioskSimulator kioskY;
    private String submissionOfA;
    private String finishedOfA;
    private String eventOfX;
    private String followUpOfHrss;

    @BeforeEach
    void callers() {
        String admin = Staff.token(Staff.ADMIN);
        kioskX = KioskSimulator.register(admin, Staff.SPECIALIST);
        kioskY = KioskSimulator.register(admin);
        KioskSimulator disabled = KioskSimulator.register(admin);
        tokens.put(Caller.CITIZEN_A, citizen());
        tokens.put(Caller.CITIZEN_B, citizen());
        tokens.put(Caller.KIOSK_X, kioskX.deviceToken());
        tokens.put(Caller.KIOSK_Y, kioskY.deviceToken());
        tokens.put(Caller.SPECIALIST, Staff.token(Staff.SPECIALIST));
        tokens.put(Caller.REVIEWER_HRSS, Staff.token(Staff.REVIEWER_HRSS));
        tokens.put(Caller.REVIEWER_MEDICAL, Staff.token(Staff.REVIEWER_MEDICAL));
        tokens.put(Caller.ADMIN, admin);
        tokens.put(Caller.DISABLED_KIOSK, disabled.deviceToken());
        given().auth().oauth2(admin).contentType("application/merge-patch+json").body(Map.of("enabled", false))
                .patch("/api/v1/admin/kiosks/{id}", disabled.id()).then().statusCode(200);
        submissionOfA = given().auth().oauth2(tokens.get(Caller.CITIZEN_A)).contentType("application/json")
                .header("Idempotency-Key", "matrix-" + java.util.UUID.randomUUID())
                .body(Map.of("serviceCode", "HRSS-008", "formData", SUBMISSION_FORM))
                .post("/api/v1/submissions").then().statusCode(201).extract().path("id");
        finishedOfA = finishedSubmission(tokens.get(Caller.CITIZEN_A));
        String ratedBadly = finishedSubmission(tokens.get(Caller.CITIZEN_A));
        given().auth().oauth2(tokens.get(Caller.CITIZEN_A)).contentType("application/json").body(Map.of("score", 1))
                .post("/api/v1/submissions/{id}/rating", ratedBadly).then().statusCode(201);
        followUpOfHrss = given().auth().oauth2(tokens.get(Caller.REVIEWER_HRSS)).queryParam("size", 100)
                .get("/api/v1/ratings/follow-ups").then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.submissionId == '" + ratedBadly + "' }.id");
        eventOfX = java.util.UUID.randomUUID().toString();
        given().auth().oauth2(tokens.get(Caller.KIOSK_X)).contentType("application/json")
                .body(Map.of("events", List.of(Map.of("eventId", eventOfX, "serviceCode", "HRSS-001",
                        "occurredAt", java.time.OffsetDateTime.now().toString(), "kind", "query"))))
                .post("/api/v1/kiosks/{id}/transactions", kioskX.id()).then().statusCode(200);
    }

    /** A submission of the citizen, accepted and approved by HRSS. */
    private String finishedSubmission(String citizen) {
        String id = given().auth().oauth2(citizen).contentType("application/json")
                .header("Idempotency-Key", "matrix-" + java.util.UUID.randomUUID())
                .body(Map.of("serviceCode", "HRSS-008", "formData", SUBMISSION_FORM))
                .post("/api/v1/submissions").then().statusCode(201).extract().path("id");
        for (String action : List.of("accept", "approve")) {
            given().auth().oauth2(tokens.get(Caller.REVIEWER_HRSS)).contentType("application/json")
                    .body(Map.of("action", action)).post("/api/v1/submissions/{id}/transitions", id).then()
                    .statusCode(200);
        }
        return id;
    }

    private static final Map<String, Object> SUBMISSION_FORM = Map.of("pensionType", "城乡居民基本养老保险",
            "residenceStatus", "县内居住", "phone", "13800138000");

    private static String citizen() {
        return given().contentType("application/json")
                .body(Map.of("ticket", MiniappTicketFixtures.ticket(IdNumberFixtures.next(), "测试")))
                .post("/api/v1/auth/miniapp").then().statusCode(200).extract().path("accessToken");
    }

    private static Map<Caller, Integer> everyone(int status) {
        Map<Caller, Integer> expected = new EnumMap<>(Caller.class);
        for (Caller c : Caller.values()) {
            expected.put(c, status);
        }
        return expected;
    }

    /** Only the given callers succeed; anonymous and disabled-kiosk tokens are unauthenticated; the rest forbidden. */
    private static Map<Caller, Integer> only(int status, Caller... allowed) {
        Map<Caller, Integer> expected = everyone(403);
        expected.put(Caller.ANONYMOUS, 401);
        expected.put(Caller.DISABLED_KIOSK, 401);
        for (Caller c : allowed) {
            expected.put(c, status);
        }
        return expected;
    }

    private List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("GET /ping", r -> r.get("/api/v1/ping"), everyone(200)));
        rows.add(new Row("GET /departments", r -> r.get("/api/v1/departments"), everyone(200)));
        rows.add(new Row("GET /services", r -> r.queryParam("q", "sbjf").get("/api/v1/services"), everyone(200)));
        rows.add(new Row("GET /services/{code}", r -> r.get("/api/v1/services/HRSS-001"), everyone(200)));
        rows.add(new Row("GET /themes", r -> r.get("/api/v1/themes"), everyone(200)));
        rows.add(new Row("GET /themes/{code}", r -> r.get("/api/v1/themes/BIRTH"), everyone(200)));

        rows.add(new Row("POST /kiosks/{id}/token", r -> r.contentType("application/json")
                .body(Map.of("assertion", kioskX.assertion())).post("/api/v1/kiosks/{id}/token", kioskX.id()),
                everyone(200)));
        rows.add(new Row("POST /kiosks/{id}/heartbeat", r -> r.contentType("application/json")
                .body(Map.of("appVersion", "3.2.1", "peripherals", Map.of("printer", "ok")))
                .post("/api/v1/kiosks/{id}/heartbeat", kioskX.id()), only(204, Caller.KIOSK_X)));
        rows.add(new Row("POST /kiosks/{id}/citizen-sessions", r -> r.contentType("application/json")
                .body(Map.of("attestation", kioskX.attestation(IdNumberFixtures.next(), "测试", 0.95, null)))
                .post("/api/v1/kiosks/{id}/citizen-sessions", kioskX.id()), only(201, Caller.KIOSK_X)));
        rows.add(new Row("POST /auth/miniapp", r -> r.contentType("application/json")
                .body(Map.of("ticket", MiniappTicketFixtures.ticket(IdNumberFixtures.next(), "测试")))
                .post("/api/v1/auth/miniapp"), everyone(200)));
        rows.add(new Row("POST /auth/staff", r -> r.contentType("application/json")
                .body(Map.of("username", "reviewer.civil", "password", "Review#2026")).post("/api/v1/auth/staff"),
                everyone(200)));

        rows.add(new Row("GET /admin/kiosks", r -> r.get("/api/v1/admin/kiosks"), only(200, Caller.ADMIN)));
        rows.add(new Row("POST /admin/kiosks", r -> r.contentType("application/json")
                .body(Map.of("id", "M-" + System.nanoTime() % 1_000_000_000, "name", "矩阵", "town", "阳明镇",
                        "village", "矩阵村", "publicKeyPem", kioskY.publicKeyPem()))
                .post("/api/v1/admin/kiosks"), only(201, Caller.ADMIN)));
        rows.add(new Row("PATCH /admin/kiosks/{id}", r -> r.contentType("application/merge-patch+json")
                .body(Map.of("name", "矩阵改名")).patch("/api/v1/admin/kiosks/{id}", kioskY.id()),
                only(200, Caller.ADMIN)));
        rows.add(new Row("GET /admin/audit", r -> r.get("/api/v1/admin/audit"), only(200, Caller.ADMIN)));
        rows.add(new Row("POST /admin/departments", r -> r.contentType("application/json")
                .body(Map.of("code", "WATER", "name", "和平县水务局", "shortName", "水务局", "sortOrder", 17))
                .post("/api/v1/admin/departments"), only(409, Caller.ADMIN)));
        rows.add(new Row("PUT /admin/departments/{code}", r -> r.contentType("application/json")
                .body(department("WATER")).put("/api/v1/admin/departments/WATER"), only(200, Caller.ADMIN)));
        rows.add(new Row("PUT /admin/services/{code}", r -> r.contentType("application/json")
                .body(service("WATER-002")).put("/api/v1/admin/services/WATER-002"), only(200, Caller.ADMIN)));
        rows.add(new Row("PUT /admin/themes/{code}", r -> r.contentType("application/json")
                .body(theme("BIRTH")).put("/api/v1/admin/themes/BIRTH"), only(200, Caller.ADMIN)));
        rows.add(new Row("POST /submissions", r -> r.contentType("application/json")
                .header("Idempotency-Key", "matrix-" + java.util.UUID.randomUUID())
                .body(Map.of("serviceCode", "HRSS-008", "formData", SUBMISSION_FORM)).post("/api/v1/submissions"),
                only(201, Caller.CITIZEN_A, Caller.CITIZEN_B)));
        rows.add(new Row("GET /submissions", r -> r.get("/api/v1/submissions"), only(200, Caller.CITIZEN_A,
                Caller.CITIZEN_B, Caller.SPECIALIST, Caller.REVIEWER_HRSS, Caller.REVIEWER_MEDICAL)));
        Map<Caller, Integer> readA = only(404, Caller.CITIZEN_B, Caller.SPECIALIST, Caller.REVIEWER_MEDICAL);
        readA.put(Caller.CITIZEN_A, 200);
        readA.put(Caller.REVIEWER_HRSS, 200);
        rows.add(new Row("GET /submissions/{id}", r -> r.get("/api/v1/submissions/{id}", submissionOfA), readA));
        Map<Caller, Integer> moveA = only(404, Caller.REVIEWER_MEDICAL);
        moveA.put(Caller.REVIEWER_HRSS, 200);
        rows.add(new Row("POST /submissions/{id}/transitions", r -> r.contentType("application/json")
                .body(Map.of("action", "accept")).post("/api/v1/submissions/{id}/transitions", submissionOfA),
                moveA));
        rows.add(new Row("POST /kiosks/{id}/transactions", r -> r.contentType("application/json")
                .body(Map.of("events", List.of(Map.of("eventId", java.util.UUID.randomUUID().toString(),
                        "serviceCode", "HRSS-001", "occurredAt", java.time.OffsetDateTime.now().toString(),
                        "kind", "query"))))
                .post("/api/v1/kiosks/{id}/transactions", kioskX.id()), only(200, Caller.KIOSK_X)));
        Map<Caller, Integer> rateA = only(404, Caller.CITIZEN_B);
        rateA.put(Caller.CITIZEN_A, 201);
        rows.add(new Row("POST /submissions/{id}/rating", r -> r.contentType("application/json")
                .body(Map.of("score", 5)).post("/api/v1/submissions/{id}/rating", finishedOfA), rateA));
        rows.add(new Row("POST /kiosks/{id}/transactions/{eventId}/rating", r -> r.contentType("application/json")
                .body(Map.of("score", 5)).post("/api/v1/kiosks/{id}/transactions/{eventId}/rating", kioskX.id(),
                        eventOfX), only(201, Caller.KIOSK_X)));
        rows.add(new Row("GET /ratings/follow-ups", r -> r.get("/api/v1/ratings/follow-ups"),
                only(200, Caller.REVIEWER_HRSS, Caller.REVIEWER_MEDICAL, Caller.ADMIN)));
        Map<Caller, Integer> answerHrss = only(404, Caller.REVIEWER_MEDICAL);
        answerHrss.put(Caller.REVIEWER_HRSS, 200);
        rows.add(new Row("POST /ratings/follow-ups/{id}/answer", r -> r.contentType("application/json")
                .body(Map.of("type", "reply", "text", "已回访")).post("/api/v1/ratings/follow-ups/{id}/answer",
                        followUpOfHrss), answerHrss));
        rows.add(new Row("GET /stats/transactions", r -> r.get("/api/v1/stats/transactions?groupBy=department"),
                only(200, Caller.REVIEWER_HRSS, Caller.REVIEWER_MEDICAL, Caller.ADMIN)));
        rows.add(new Row("GET /stats/summary", r -> r.get("/api/v1/stats/summary"),
                only(200, Caller.REVIEWER_HRSS, Caller.REVIEWER_MEDICAL, Caller.ADMIN)));
        return rows;
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointForEveryCaller() {
        return rows().stream().flatMap(row -> {
            assertThat(row.expected()).as(row.endpoint()).containsOnlyKeys(Caller.values());
            return row.expected().entrySet().stream().map(e -> DynamicTest.dynamicTest(
                    row.endpoint() + " as " + e.getKey() + " -> " + e.getValue(), () -> {
                        RequestSpecification request = given();
                        String token = tokens.get(e.getKey());
                        if (token != null) {
                            request = request.auth().oauth2(token);
                        }
                        Response response = row.call().apply(request);
                        assertThat(response.statusCode()).as(row.endpoint() + " as " + e.getKey() + ": "
                                + response.asString()).isEqualTo(e.getValue());
                    }));
        });
    }

    private static Map<String, Object> department(String code) {
        JsonPath departments = given().get("/api/v1/departments").then().extract().jsonPath();
        Map<String, Object> d = departments.getMap("items.find { it.code == '" + code + "' }");
        return Map.of("code", code, "name", d.get("name"), "shortName", d.get("shortName"), "sortOrder", 17);
    }

    private static Map<String, Object> service(String code) {
        Map<String, Object> detail = new HashMap<>(given().get("/api/v1/services/{code}", code).then().extract()
                .jsonPath().getMap("$"));
        @SuppressWarnings("unchecked")
        Map<String, Object> department = (Map<String, Object>) detail.get("department");
        Map<String, Object> input = new LinkedHashMap<>();
        for (String field : List.of("code", "name", "kind", "legalBasis", "materials", "statutoryLimitDays",
                "promisedLimitDays", "fee", "channels", "hardware", "formSchema")) {
            input.put(field, detail.get(field));
        }
        input.put("department", department.get("code"));
        return input;
    }

    private static Map<String, Object> theme(String code) {
        JsonPath theme = given().get("/api/v1/themes/{code}", code).then().extract().jsonPath();
        int position = given().get("/api/v1/themes").then().extract().jsonPath().getList("items.code").indexOf(code);
        return Map.of("code", code, "name", theme.getString("name"), "description", theme.getString("description"),
                "sortOrder", position, "items", theme.getList("items.code"));
    }
}
