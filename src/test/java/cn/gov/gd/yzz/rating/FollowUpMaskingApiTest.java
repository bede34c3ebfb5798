package cn.gov.gd.yzz.rating;

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
import org.junit.jupiter.api.Test;

/**
 * A 差评's comment and tags reach the department's reviewers with the resident's ID and phone numbers masked, however
 * they were written; the kiosk that sent the rating gets its own words back.
 */
@QuarkusTest
class FollowUpMaskingApiTest extends ApiTest {

    @Test
    void numbersInCommentsAndTagsAreMaskedForReviewers() {
        KioskSimulator kiosk = KioskSimulator.register(Staff.token(Staff.ADMIN));
        String device = kiosk.deviceToken();
        UUID eventId = UUID.randomUUID();
        given().auth().oauth2(device).contentType("application/json")
                .body(Map.of("events", List.of(Map.of("eventId", eventId.toString(), "serviceCode", "HRSS-001",
                        "occurredAt", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(3).toString(),
                        "kind", "query"))))
                .post("/api/v1/kiosks/{id}/transactions", kiosk.id()).then().statusCode(200);
        String comment = "身份证 4416 2419 8503 1212 38，手机＋８６ １３８－００１３－８０００，座机0762-1234567，"
                + "旧证441624850312123，另一个1\u200B3\u200B9\u200B0\u200B0\u200B1\u200B3\u200B9\u200B0\u200B0\u200B0";
        List<String> tags = List.of("回电13800138000", "态度差");
        String echoed = given().auth().oauth2(device).contentType("application/json")
                .body(Map.of("score", 1, "comment", comment, "tags", tags))
                .post("/api/v1/kiosks/{id}/transactions/{eventId}/rating", kiosk.id(), eventId).then()
                .statusCode(201).extract().path("comment");
        assertThat(echoed).isEqualTo(comment);

        Map<String, Object> seen = given().auth().oauth2(Staff.token(Staff.REVIEWER_HRSS)).queryParam("size", 100)
                .queryParam("status", "open").get("/api/v1/ratings/follow-ups").then().statusCode(200).extract()
                .jsonPath().getMap("items.find { it.eventId == '" + eventId + "' }");
        assertThat((String) seen.get("comment")).isEqualTo("身份证 4416 **** **** **12 38，手机＋８６ １３８－****－８０００，"
                + "座机0762-***4567，旧证4416*******2123，另一个1\u200B3\u200B9\u200B*\u200B*\u200B*\u200B*\u200B9"
                + "\u200B0\u200B0\u200B0");
        assertThat(seen.get("tags")).isEqualTo(List.of("回电138****8000", "态度差"));
    }
}
