package cn.gov.gd.yzz.support;

import static io.restassured.RestAssured.given;

import java.util.Map;

/** Tokens of the demo staff accounts (README: demo accounts). */
public final class Staff {

    public static final String ADMIN = "admin";
    public static final String REVIEWER_HRSS = "reviewer.hrss";
    public static final String REVIEWER_MEDICAL = "reviewer.medical";
    public static final String SPECIALIST = "specialist.yangming";

    private Staff() {
    }

    public static String token(String username) {
        String password = switch (username) {
            case ADMIN -> "Admin#2026";
            case SPECIALIST, "specialist.pengzhai", "specialist.dongshui" -> "Assist#2026";
            default -> "Review#2026";
        };
        return given().contentType("application/json").body(Map.of("username", username, "password", password))
                .post("/api/v1/auth/staff").then().statusCode(200).extract().path("accessToken");
    }
}
