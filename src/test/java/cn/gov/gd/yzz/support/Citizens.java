package cn.gov.gd.yzz.support;

import static io.restassured.RestAssured.given;

import java.util.Map;

/** Citizen tokens for tests: a new resident through the mini-app. */
public final class Citizens {

    private Citizens() {
    }

    public static String newMobileCitizen() {
        return given().contentType("application/json")
                .body(Map.of("ticket", MiniappTicketFixtures.ticket(IdNumberFixtures.next(), "测试居民")))
                .post("/api/v1/auth/miniapp").then().statusCode(200).extract().path("accessToken");
    }
}
