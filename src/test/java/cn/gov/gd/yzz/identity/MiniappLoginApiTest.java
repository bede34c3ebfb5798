package cn.gov.gd.yzz.identity;

import static cn.gov.gd.yzz.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.gd.yzz.embedded.EmbeddedKeys;
import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.IdNumberFixtures;
import cn.gov.gd.yzz.support.KioskSimulator;
import cn.gov.gd.yzz.support.MiniappTicketFixtures;
import cn.gov.gd.yzz.support.Staff;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MiniappLoginApiTest extends ApiTest {

    private static ValidatableResponse login(String ticket) {
        return given().contentType("application/json").body(Map.of("ticket", ticket)).post("/api/v1/auth/miniapp")
                .then();
    }

    @Test
    void aValidTicketYieldsACitizenToken() {
        String idNumber = IdNumberFixtures.next();
        String token = login(MiniappTicketFixtures.ticket(idNumber, "陈晓燕")).statusCode(200)
                .body("citizen.name", equalTo("陈晓燕"))
                .body("citizen.maskedIdNumber", equalTo(idNumber.substring(0, 4) + "**********"
                        + idNumber.substring(14)))
                .extract().path("accessToken");
        assertThat(cn.gov.gd.yzz.support.Jwts.claimsOf(token))
                .containsEntry("auth_method", "miniapp").doesNotContainKey("kiosk");
    }

    @Test
    void refusesWrongAudienceExpiryKeyAndLevel() {
        String idNumber = IdNumberFixtures.next();
        JwtClaims wrongAudience = MiniappTicketFixtures.claims(idNumber, "甲", 3);
        wrongAudience.setAudience("another-app");
        assertProblem(login(KioskSimulator.sign(wrongAudience, MiniappTicketFixtures.platformKey(), null)), 401,
                "unauthorized");

        JwtClaims expired = MiniappTicketFixtures.claims(idNumber, "甲", 3);
        expired.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() - 120));
        assertProblem(login(KioskSimulator.sign(expired, MiniappTicketFixtures.platformKey(), null)), 401,
                "unauthorized");

        JwtClaims claims = MiniappTicketFixtures.claims(idNumber, "甲", 3);
        assertProblem(login(KioskSimulator.sign(claims, EmbeddedKeys.newEcKeyPair().getPrivate(), null)), 401,
                "unauthorized");

        JwtClaims weak = MiniappTicketFixtures.claims(idNumber, "甲", 1);
        assertProblem(login(KioskSimulator.sign(weak, MiniappTicketFixtures.platformKey(), null)), 401,
                "real-name-level-too-low");

        JwtClaims badId = MiniappTicketFixtures.claims(IdNumberFixtures.withWrongCheck(idNumber), "甲", 3);
        assertProblem(login(KioskSimulator.sign(badId, MiniappTicketFixtures.platformKey(), null)), 400,
                "invalid-id-number");
        JwtClaims longLived = MiniappTicketFixtures.claims(idNumber, "甲", 3);
        longLived.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() + 3600));
        assertProblem(login(KioskSimulator.sign(longLived, MiniappTicketFixtures.platformKey(), null)), 401,
                "unauthorized");

        JwtClaims once = MiniappTicketFixtures.claims(idNumber, "甲", 3);
        once.setJwtId("ticket-" + java.util.UUID.randomUUID());
        String single = KioskSimulator.sign(once, MiniappTicketFixtures.platformKey(), null);
        login(single).statusCode(200);
        assertProblem(login(single), 401, "unauthorized");
        assertProblem(login("garbage"), 401, "unauthorized");
        assertProblem(given().contentType("application/json").body("{}").post("/api/v1/auth/miniapp").then(), 400,
                "validation-failed");
    }

    @Test
    void theSameIdNumberIsOneCitizenWhicheverWayTheyComeIn() {
        String idNumber = IdNumberFixtures.next();
        KioskSimulator kiosk = KioskSimulator.register(Staff.token(Staff.ADMIN));
        String fromKiosk = given().auth().oauth2(kiosk.deviceToken()).contentType("application/json")
                .body(Map.of("attestation", kiosk.attestation(idNumber, "周建国", 0.95, null)))
                .post("/api/v1/kiosks/{id}/citizen-sessions", kiosk.id()).then().statusCode(201)
                .extract().path("citizen.id");
        String fromMiniapp = login(MiniappTicketFixtures.ticket(idNumber.toLowerCase(), "周建国")).statusCode(200)
                .extract().path("citizen.id");
        assertThat(fromMiniapp).isEqualTo(fromKiosk);
    }
}
