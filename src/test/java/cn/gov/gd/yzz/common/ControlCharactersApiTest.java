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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * NUL and the other control characters are refused where text comes in (request bodies, query and path parameters)
 * with a 400 naming the field, and nothing is stored; PostgreSQL refused the NUL byte with a 500 before. Line breaks
 * and tabs are taken only in free text (comments, descriptions, keys) and in form answers.
 */
@QuarkusTest
class ControlCharactersApiTest extends ApiTest {

    private String admin;

    @BeforeEach
    void admin() {
        admin = Staff.token(Staff.ADMIN);
    }

    private static void assertInvalidText(ValidatableResponse answer, String pointer) {
        assertProblem(answer, 400, "invalid-text");
        assertThat(answer.extract().jsonPath().getString("errors[0].pointer")).isEqualTo(pointer);
    }

    private static void assertInvalidParameter(ValidatableResponse answer, String parameter) {
        assertProblem(answer, 400, "invalid-text");
        assertThat(answer.extract().jsonPath().getString("errors[0].parameter")).isEqualTo(parameter);
    }

    private ValidatableResponse patchKiosk(String id, String body) {
        return given().auth().oauth2(admin).contentType("application/merge-patch+json; charset=UTF-8").body(body)
                .patch("/api/v1/admin/kiosks/{id}", id).then();
    }

    @Test
    void aKioskPatchWithANulOrALineBreakInATownIsRefusedAndChangesNothing() {
        KioskSimulator kiosk = KioskSimulator.register(admin);
        assertInvalidText(patchKiosk(kiosk.id(), "{\"town\":\"a\\u0000b\"}"), "/town");
        assertInvalidText(patchKiosk(kiosk.id(), "{\"village\":\"上\\u0007村\"}"), "/village");
        assertInvalidText(patchKiosk(kiosk.id(), "{\"name\":\"第一行\\n第二行\"}"), "/name");
        assertInvalidText(patchKiosk(kiosk.id(), "{\"town\":\"\\ud800\"}"), "/town");
        given().auth().oauth2(admin).queryParam("size", 100).get("/api/v1/admin/kiosks").then().statusCode(200)
                .body("items.find { it.id == '" + kiosk.id() + "' }.town", equalTo("阳明镇"))
                .body("items.find { it.id == '" + kiosk.id() + "' }.name", equalTo("测试村委会粤智助"));
        // a key in PEM form spans lines, and a town without control characters goes through
        patchKiosk(kiosk.id(), "{\"town\":\"彭寨镇\",\"publicKeyPem\":" + json(kiosk.publicKeyPem()) + "}")
                .statusCode(200).body("town", equalTo("彭寨镇"));
    }

    @Test
    void registeringAKioskWithAControlCharacterIsRefused() {
        String id = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String pem = KioskSimulator.register(admin).publicKeyPem();
        ValidatableResponse answer = given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("id", id, "name", "测试", "town", "阳明\u0000镇", "village", "村", "publicKeyPem", pem))
                .post("/api/v1/admin/kiosks").then();
        assertInvalidText(answer, "/town");
        given().auth().oauth2(admin).contentType("application/merge-patch+json; charset=UTF-8")
                .body("{\"town\":\"x\"}").patch("/api/v1/admin/kiosks/{id}", id).then().statusCode(404);
    }

    @Test
    void queryAndPathParametersWithANulAreRefused() {
        assertInvalidParameter(given().auth().oauth2(admin).urlEncodingEnabled(false)
                .get("/api/v1/stats/transactions?groupBy=town&town=a%00b").then(), "town");
        assertInvalidParameter(given().urlEncodingEnabled(false).get("/api/v1/services?q=%E7%A4%BE%01").then(), "q");
        assertInvalidParameter(given().auth().oauth2(admin).urlEncodingEnabled(false)
                .get("/api/v1/admin/audit?actor=admin%0D%0Aforged").then(), "actor");
        assertInvalidParameter(given().auth().oauth2(admin).urlEncodingEnabled(false)
                .contentType("application/merge-patch+json; charset=UTF-8").body("{\"town\":\"x\"}")
                .patch("/api/v1/admin/kiosks/T-%00").then(), "id");
        // the same filters without the control character work
        given().auth().oauth2(admin).get("/api/v1/stats/transactions?groupBy=town&town=阳明镇").then()
                .statusCode(200);
    }

    @Test
    void freeTextTakesLineBreaksButNoOtherControlCharacter() {
        KioskSimulator kiosk = KioskSimulator.register(admin);
        String device = kiosk.deviceToken();
        UUID eventId = UUID.randomUUID();
        given().auth().oauth2(device).contentType("application/json")
                .body(Map.of("events", List.of(Map.of("eventId", eventId.toString(), "serviceCode", "HRSS-001",
                        "occurredAt", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).toString(),
                        "kind", "query"))))
                .post("/api/v1/kiosks/{id}/transactions", kiosk.id()).then().statusCode(200);
        String rating = "/api/v1/kiosks/{id}/transactions/{eventId}/rating";
        assertInvalidText(given().auth().oauth2(device).contentType("application/json")
                .body("{\"score\":4,\"comment\":\"好\\u0000\"}").post(rating, kiosk.id(), eventId).then(),
                "/comment");
        assertInvalidText(given().auth().oauth2(device).contentType("application/json")
                .body("{\"score\":4,\"tags\":[\"快\\n捷\"]}").post(rating, kiosk.id(), eventId).then(), "/tags/0");
        given().auth().oauth2(device).contentType("application/json")
                .body("{\"score\":4,\"comment\":\"第一行\\n第二行\\t完\"}").post(rating, kiosk.id(), eventId).then()
                .statusCode(201).body("comment", equalTo("第一行\n第二行\t完"));

        // a heartbeat's peripheral names are one line
        assertInvalidText(given().auth().oauth2(device).contentType("application/json")
                .body("{\"appVersion\":\"1.0\",\"peripherals\":{\"printer\\u0000\":\"ok\"}}")
                .post("/api/v1/kiosks/{id}/heartbeat", kiosk.id()).then(), "/peripherals");
    }

    @Test
    void formDataTakesMultiLineAnswersButNoNul() {
        String citizen = Citizens.newMobileCitizen();
        ValidatableResponse refused = given().auth().oauth2(citizen).contentType("application/json")
                .header("Idempotency-Key", "nul-" + UUID.randomUUID())
                .body("{\"serviceCode\":\"HRSS-008\",\"formData\":{\"pensionType\":\"城乡居民基本养老保险\","
                        + "\"residenceStatus\":\"县内\\u0000居住\",\"phone\":\"13800138000\"}}")
                .post("/api/v1/submissions").then();
        assertInvalidText(refused, "/formData/residenceStatus");
        given().auth().oauth2(citizen).get("/api/v1/submissions").then().statusCode(200).body("total", equalTo(0));
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
