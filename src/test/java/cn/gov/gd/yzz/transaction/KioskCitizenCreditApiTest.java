package cn.gov.gd.yzz.transaction;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.gd.yzz.embedded.EmbeddedKeys;
import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.Citizens;
import cn.gov.gd.yzz.support.IdNumberFixtures;
import cn.gov.gd.yzz.support.Jwts;
import cn.gov.gd.yzz.support.KioskSimulator;
import cn.gov.gd.yzz.support.Staff;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.security.KeyPair;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whom a kiosk may credit a transaction event to: a resident it holds a citizen token for, as long as the kiosk has
 * not been disabled or re-keyed since the token was issued (the check the security layer makes), or, by bare citizen
 * id, a resident who opened a session at that very kiosk since its last revocation.
 */
@QuarkusTest
class KioskCitizenCreditApiTest extends ApiTest {

    private String admin;
    private KioskSimulator kiosk;

    @BeforeEach
    void kiosk() {
        admin = Staff.token(Staff.ADMIN);
        kiosk = KioskSimulator.register(admin);
    }

    private static Map<String, Object> event(String field, String value) {
        Map<String, Object> e = new HashMap<>();
        e.put("eventId", UUID.randomUUID().toString());
        e.put("serviceCode", "HRSS-001");
        e.put("occurredAt", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(2).toString());
        e.put("kind", "query");
        e.put(field, value);
        return e;
    }

    private static ValidatableResponse report(KioskSimulator at, Map<String, Object> event) {
        return given().auth().oauth2(at.deviceToken()).contentType("application/json")
                .body(Map.of("events", List.of(event)))
                .post("/api/v1/kiosks/{id}/transactions", at.id()).then().statusCode(200);
    }

    private static void assertRejected(ValidatableResponse answer, String reason) {
        answer.body("accepted", equalTo(0)).body("rejected", equalTo(1)).body("results[0].reason", equalTo(reason));
    }

    @Test
    void aBareCitizenIdCountsOnlyForAResidentServedAtThatKiosk() {
        String idNumber = IdNumberFixtures.next();
        String token = kiosk.citizenToken(idNumber, "黄");
        String resident = (String) Jwts.claimsOf(token).get("sub");
        KioskSimulator neighbour = KioskSimulator.register(admin);
        assertRejected(report(neighbour, event("citizenId", resident)), "citizen-without-session-at-kiosk");
        String mobileOnly = (String) Jwts.claimsOf(Citizens.newMobileCitizen()).get("sub");
        assertRejected(report(kiosk, event("citizenId", mobileOnly)), "citizen-without-session-at-kiosk");
        assertRejected(report(kiosk, event("citizenId", UUID.randomUUID().toString())), "unknown-citizen");

        report(kiosk, event("citizenId", resident)).body("accepted", equalTo(1));
        // once the resident has opened a session at the neighbouring kiosk too, it may credit them as well
        neighbour.citizenToken(idNumber, "黄");
        report(neighbour, event("citizenId", resident)).body("accepted", equalTo(1));
    }

    @Test
    void aCitizenTokenOfARekeyedKioskNoLongerCredits() throws Exception {
        String token = kiosk.citizenToken(IdNumberFixtures.next(), "林");
        String resident = (String) Jwts.claimsOf(token).get("sub");
        report(kiosk, event("citizenToken", token)).body("accepted", equalTo(1));
        KeyPair next = EmbeddedKeys.newEcKeyPair();
        given().auth().oauth2(admin).contentType("application/merge-patch+json")
                .body(Map.of("publicKeyPem", EmbeddedKeys.pem("PUBLIC KEY", next.getPublic().getEncoded())))
                .patch("/api/v1/admin/kiosks/{id}", kiosk.id()).then().statusCode(200);
        kiosk.replaceKeys(next);
        Thread.sleep(1100); // tokens of the revocation's own second are refused too
        assertRejected(report(kiosk, event("citizenToken", token)), "citizen-token-revoked");
        // nor does the session opened under the old key vouch for the bare id any more
        assertRejected(report(kiosk, event("citizenId", resident)), "citizen-without-session-at-kiosk");
    }

    @Test
    void aCitizenTokenIssuedBeforeTheKioskWasDisabledStaysVoidAfterItIsEnabledAgain() throws Exception {
        String token = kiosk.citizenToken(IdNumberFixtures.next(), "陈");
        for (boolean enabled : new boolean[] {false, true}) {
            given().auth().oauth2(admin).contentType("application/merge-patch+json").body(Map.of("enabled", enabled))
                    .patch("/api/v1/admin/kiosks/{id}", kiosk.id()).then().statusCode(200);
        }
        Thread.sleep(1100);
        assertRejected(report(kiosk, event("citizenToken", token)), "citizen-token-revoked");
        // a session opened after the revocation credits again, by token and by bare id
        String fresh = kiosk.citizenToken(IdNumberFixtures.next(), "陈");
        report(kiosk, event("citizenToken", fresh)).body("accepted", equalTo(1));
        report(kiosk, event("citizenId", (String) Jwts.claimsOf(fresh).get("sub"))).body("accepted", equalTo(1));
        assertThat(fresh).isNotEqualTo(token);
    }
}
