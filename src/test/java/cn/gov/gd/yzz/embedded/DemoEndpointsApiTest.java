package cn.gov.gd.yzz.embedded;

import static cn.gov.gd.yzz.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.KioskSimulator;
import cn.gov.gd.yzz.support.Staff;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The embedded build's demo endpoints sign only as the demo kiosks the embedded start made keys for: a path that
 * walks out of the kiosks' key folder ({@code ..%2Fjwt-signing}) signed with the backend's own token key, and an
 * unknown id failed with a 500. And no endpoint hands out the object store's keys or the database's address.
 */
@QuarkusTest
class DemoEndpointsApiTest extends ApiTest {

    @Test
    void signsOnlyAsARegisteredDemoKiosk() {
        for (String id : new String[] {"..%2Fjwt-signing", "..%2F..%2Fkeys%2Fjwt-signing", "NO-SUCH-KIOSK", "x"}) {
            assertProblem(given().urlEncodingEnabled(false).post("/demo/kiosks/" + id + "/assertion").then(), 404,
                    "not-found");
            assertProblem(given().urlEncodingEnabled(false).contentType("application/json")
                    .body(Map.of("idNumber", "441624198503121238", "name", "张三"))
                    .post("/demo/kiosks/" + id + "/attestation").then(), 404, "not-found");
        }
        // a kiosk registered through the API holds its own key: the demo has none to sign with
        KioskSimulator own = KioskSimulator.register(Staff.token(Staff.ADMIN));
        assertProblem(given().post("/demo/kiosks/{id}/assertion", own.id()).then(), 404, "not-found");

        // a demo kiosk's assertion is what the kiosk itself would send
        String assertion = given().post("/demo/kiosks/HP-YM-001/assertion").then().statusCode(200)
                .extract().path("assertion");
        given().contentType("application/json").body(Map.of("assertion", assertion))
                .post("/api/v1/kiosks/HP-YM-001/token").then().statusCode(200);
    }

    @Test
    void aTicketNeedsAnIdNumberAndAName() {
        assertProblem(given().contentType("application/json").body("{}").post("/demo/miniapp-tickets").then(), 400,
                "validation-failed");
    }

    @Test
    void noEndpointServesTheInfrastructuresSecrets() {
        String answer = given().get("/demo/infrastructure").then().statusCode(404).extract().asString();
        assertThat(answer).doesNotContain(EmbeddedS3Server.SECRET_KEY).doesNotContain("jdbc:");
    }
}
