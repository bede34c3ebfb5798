package cn.gov.gd.yzz.identity;

import static cn.gov.gd.yzz.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import cn.gov.gd.yzz.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StaffLoginApiTest extends ApiTest {

    static ValidatableResponse login(String username, String password) {
        return given().contentType("application/json").body(Map.of("username", username, "password", password))
                .post("/api/v1/auth/staff").then();
    }

    @Test
    void reviewersGetTheirDepartmentInTheToken() {
        String token = login("reviewer.hrss", "Review#2026").statusCode(200)
                .body("roles", contains("reviewer"))
                .body("department", equalTo("HRSS"))
                .body("expiresIn", notNullValue())
                .extract().path("accessToken");
        assertThat(cn.gov.gd.yzz.support.Jwts.claimsOf(token)).containsEntry("department", "HRSS")
                .containsEntry("sub", "reviewer.hrss");
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
        String wrongPassword = login("reviewer.medical", "nope-nope").statusCode(401).extract().asString();
        String unknownUser = login("no.such.user", "nope-nope").statusCode(401).extract().asString();
        assertThat(wrongPassword.replace("\"instance\":\"/api/v1/auth/staff\"", ""))
                .isEqualTo(unknownUser.replace("\"instance\":\"/api/v1/auth/staff\"", ""));
        assertProblem(login("no.such.user", "nope-nope"), 401, "unauthorized");
    }

    @Test
    void malformedBodiesAreRefusedNamingTheField() {
        assertProblem(given().contentType("application/json").body("{\"username\":\"admin\",\"password\":\"x\",\"role\":\"admin\"}")
                .post("/api/v1/auth/staff").then(), 400, "malformed-body");
        given().contentType("application/json").body("{\"username\":\"admin\",\"password\":\"x\",\"role\":\"admin\"}")
                .post("/api/v1/auth/staff").then().body("errors[0].pointer", equalTo("/role"));
        assertProblem(given().contentType("application/json").body("{\"username\":").post("/api/v1/auth/staff")
                .then(), 400, "malformed-body");
        assertProblem(given().contentType("application/json").body("[1,2]").post("/api/v1/auth/staff").then(), 400,
                "malformed-body");
        assertProblem(given().contentType("text/plain").body("admin:x").post("/api/v1/auth/staff").then(), 415,
                "unsupported-media-type");
    }

    @Test
    void parallelGuessesCannotOutrunTheThrottle() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(12);
        java.util.List<java.util.concurrent.Callable<Integer>> guesses = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String guess = "parallel-" + i;
            guesses.add(() -> login("reviewer.police", guess).extract().statusCode());
        }
        java.util.List<Integer> statuses = new java.util.ArrayList<>();
        for (var f : pool.invokeAll(guesses)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).filteredOn(s -> s == 401).hasSizeLessThanOrEqualTo(5);
        assertThat(statuses).filteredOn(s -> s == 429).hasSizeGreaterThanOrEqualTo(7);
    }

    @Test
    void theSixthRapidFailureOfAnAccountIsThrottled() {
        for (int i = 0; i < 5; i++) {
            login("specialist.dongshui", "wrong-" + i).statusCode(401);
        }
        ValidatableResponse throttled = login("specialist.dongshui", "Assist#2026");
        assertProblem(throttled, 429, "rate-limited");
        assertThat(Long.parseLong(throttled.extract().header("Retry-After"))).isPositive();
        // other accounts are not affected
        login("reviewer.civil", "Review#2026").statusCode(200);
    }
}
