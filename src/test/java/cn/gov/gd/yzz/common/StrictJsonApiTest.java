package cn.gov.gd.yzz.common;

import static cn.gov.gd.yzz.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.Citizens;
import cn.gov.gd.yzz.support.KioskSimulator;
import cn.gov.gd.yzz.support.Staff;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Request bodies are read strictly: a key given twice is refused (400 naming the key) instead of the last value
 * silently winning, and a number is taken only as the type the contract says (no 2.9 as 2, no "5" as 5). Nothing
 * is changed by a refused request.
 */
@QuarkusTest
class StrictJsonApiTest extends ApiTest {

    private static ValidatableResponse post(String token, String path, String body, Object... params) {
        var request = given().contentType("application/json").body(body);
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        return request.post(path, params).then();
    }

    private static void assertDuplicate(ValidatableResponse answer, String pointer) {
        assertProblem(answer, 400, "duplicate-key");
        assertThat(answer.extract().jsonPath().getString("errors[0].pointer")).isEqualTo(pointer);
    }

    private static void assertWrongType(ValidatableResponse answer, String pointer) {
        assertProblem(answer, 400, "malformed-body");
        assertThat(answer.extract().jsonPath().getString("errors[0].pointer")).isEqualTo(pointer);
    }

    @Test
    void aDuplicatedKeyIsRefusedWithTheKeyNamedOnSignInEndpoints() {
        assertDuplicate(post(null, "/api/v1/auth/miniapp", "{\"ticket\":\"a\",\"ticket\":\"b\"}"), "/ticket");
        assertDuplicate(post(null, "/api/v1/auth/staff",
                "{\"username\":\"admin\",\"password\":\"x\",\"password\":\"Admin#2026\"}"), "/password");
        KioskSimulator kiosk = KioskSimulator.register(Staff.token(Staff.ADMIN));
        assertDuplicate(post(null, "/api/v1/kiosks/{id}/token",
                "{\"assertion\":\"" + kiosk.assertion() + "\",\"assertion\":\"" + kiosk.assertion() + "\"}",
                kiosk.id()), "/assertion");
    }

    @Test
    void aDuplicatedKeyIsRefusedInNestedObjectsAndFormDataAndNothingIsRecorded() {
        KioskSimulator kiosk = KioskSimulator.register(Staff.token(Staff.ADMIN));
        String device = kiosk.deviceToken();
        UUID eventId = UUID.randomUUID();
        String event = "{\"eventId\":\"" + eventId + "\",\"serviceCode\":\"HRSS-001\",\"occurredAt\":\""
                + OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5) + "\",\"kind\":\"query\",\"kind\":\"print\"}";
        assertDuplicate(post(device, "/api/v1/kiosks/{id}/transactions", "{\"events\":[" + event + "]}", kiosk.id()),
                "/events/0/kind");
        // the batch was refused as a whole: the event can still be reported, and counts once
        post(device, "/api/v1/kiosks/{id}/transactions", "{\"events\":[" + event.replace(",\"kind\":\"print\"", "")
                + "]}", kiosk.id()).statusCode(200).body("accepted", equalTo(1));

        String citizen = Citizens.newMobileCitizen();
        assertDuplicate(given().auth().oauth2(citizen).contentType("application/json")
                .header("Idempotency-Key", "dup-" + UUID.randomUUID())
                .body("{\"serviceCode\":\"HRSS-008\",\"formData\":{\"pensionType\":\"城乡居民基本养老保险\","
                        + "\"residenceStatus\":\"县内居住\",\"phone\":\"13800138000\",\"phone\":\"13900139000\"}}")
                .post("/api/v1/submissions").then(), "/formData/phone");
        given().auth().oauth2(citizen).get("/api/v1/submissions").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aDuplicatedScoreDoesNotRecordTheLastOne() {
        KioskSimulator kiosk = KioskSimulator.register(Staff.token(Staff.ADMIN));
        String device = kiosk.deviceToken();
        UUID eventId = reportOne(kiosk, device);
        String path = "/api/v1/kiosks/{id}/transactions/{eventId}/rating";
        assertDuplicate(post(device, path, "{\"score\":5,\"score\":1}", kiosk.id(), eventId), "/score");
        // nothing was rated: the first proper rating is accepted
        post(device, path, "{\"score\":5}", kiosk.id(), eventId).statusCode(201).body("score", equalTo(5));
    }

    @Test
    void numbersAreNotCoerced() {
        KioskSimulator kiosk = KioskSimulator.register(Staff.token(Staff.ADMIN));
        String device = kiosk.deviceToken();
        UUID eventId = reportOne(kiosk, device);
        String path = "/api/v1/kiosks/{id}/transactions/{eventId}/rating";
        assertWrongType(post(device, path, "{\"score\":2.9}", kiosk.id(), eventId), "/score");
        assertWrongType(post(device, path, "{\"score\":\"5\"}", kiosk.id(), eventId), "/score");
        assertWrongType(post(device, path, "{\"score\":2.0e0}", kiosk.id(), eventId), "/score");
        assertWrongType(post(device, path, "{\"score\":true}", kiosk.id(), eventId), "/score");
        // a text field does not take a number or a boolean either
        assertWrongType(post(device, path, "{\"score\":4,\"comment\":42}", kiosk.id(), eventId),
                "/comment");
        assertWrongType(post(device, path, "{\"score\":4,\"tags\":[true]}", kiosk.id(), eventId), "/tags/0");
        // no 差评 was opened by any of them, and the real rating still goes through
        post(device, path, "{\"score\":4}", kiosk.id(), eventId).statusCode(201).body("score", equalTo(4));

        String citizen = Citizens.newMobileCitizen();
        String submission = given().auth().oauth2(citizen).contentType("application/json")
                .header("Idempotency-Key", "num-" + UUID.randomUUID())
                .body(Map.of("serviceCode", "HRSS-008", "formData", Map.of("pensionType", "城乡居民基本养老保险",
                        "residenceStatus", "县内居住", "phone", "13800138000")))
                .post("/api/v1/submissions").then().statusCode(201).extract().path("id");
        String uploadUrl = "/api/v1/submissions/{id}/documents/upload-url";
        String sha = "0".repeat(64);
        assertWrongType(post(citizen, uploadUrl, "{\"fileName\":\"a.pdf\",\"contentType\":\"application/pdf\","
                + "\"size\":45.5,\"sha256\":\"" + sha + "\"}", submission), "/size");
        assertWrongType(post(citizen, uploadUrl, "{\"fileName\":\"a.pdf\",\"contentType\":\"application/pdf\","
                + "\"size\":\"45\",\"sha256\":\"" + sha + "\"}", submission), "/size");
        given().auth().oauth2(citizen).get("/api/v1/submissions/{id}", submission).then().statusCode(200)
                .body("documents.size()", equalTo(0));
    }

    @Test
    void formDataIntegersAreIntegersToo() {
        String citizen = Citizens.newMobileCitizen();
        for (Object year : List.of("\"2026\"", "2026.5")) {
            ValidatableResponse answer = given().auth().oauth2(citizen).contentType("application/json")
                    .header("Idempotency-Key", "form-" + UUID.randomUUID())
                    .body("{\"serviceCode\":\"TAXATION-005\",\"formData\":{\"deductionTypes\":[\"赡养老人\"],"
                            + "\"taxYear\":" + year + ",\"declareMethod\":\"通过扣缴义务人申报\"}}")
                    .post("/api/v1/submissions").then();
            assertProblem(answer, 400, "validation-failed");
            assertThat(answer.extract().jsonPath().getList("errors.pointer", String.class))
                    .contains("/formData/taxYear");
        }
    }

    private static UUID reportOne(KioskSimulator kiosk, String device) {
        UUID eventId = UUID.randomUUID();
        given().auth().oauth2(device).contentType("application/json")
                .body(Map.of("events", List.of(Map.of("eventId", eventId.toString(), "serviceCode", "HRSS-001",
                        "occurredAt", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).toString(),
                        "kind", "query"))))
                .post("/api/v1/kiosks/{id}/transactions", kiosk.id()).then().statusCode(200)
                .body("accepted", equalTo(1));
        return eventId;
    }
}
