package cn.gov.gd.yzz.support;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

/** Submissions made through the API for tests that need one to work on. */
public final class Applications {

    private Applications() {
    }

    /** A fresh HRSS-008 pension check of this citizen; its id. */
    public static String pensionCheck(String citizenToken) {
        return given().auth().oauth2(citizenToken).contentType("application/json")
                .header("Idempotency-Key", "app-" + UUID.randomUUID())
                .body(Map.of("serviceCode", "HRSS-008", "formData", FormFixtures.PENSION_CHECK))
                .post("/api/v1/submissions").then().statusCode(201).extract().path("id");
    }
}
