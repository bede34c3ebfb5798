package cn.gov.gd.yzz.security;

import static cn.gov.gd.yzz.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;

import cn.gov.gd.yzz.embedded.EmbeddedKeys;
import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.KioskSimulator;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Base64;
import java.util.List;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

/** Tokens the backend did not issue, or no longer honours, are refused with 401 before any role check. */
@QuarkusTest
class TokenForgeryTest extends ApiTest {

    private static JwtClaims adminClaims() {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("yzz-backend");
        claims.setAudience("yzz-api");
        claims.setSubject("admin");
        claims.setStringListClaim("groups", List.of("admin"));
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(10);
        claims.setGeneratedJwtId();
        return claims;
    }


    private static void refused(String token) {
        assertProblem(given().auth().oauth2(token).get("/api/v1/admin/audit").then(), 401, "unauthorized");
    }

    @Test
    void theRealKeyWithCorrectClaimsIsAccepted() throws Exception {
        given().auth().oauth2(KioskSimulator.sign(adminClaims(), BackendTokens.backendKey(), null)).get("/api/v1/admin/audit")
                .then().statusCode(200);
    }

    @Test
    void refusesAnotherKeyAlgNoneAndKeyConfusion() throws Exception {
        refused(KioskSimulator.sign(adminClaims(), EmbeddedKeys.newEcKeyPair().getPrivate(), null));

        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(adminClaims().toJson().getBytes());
        refused(header + "." + payload + ".");

        refused(BackendTokens.hs256WithPublicKeyAsSecret(adminClaims().toJson()));
        refused("not.a.token");
    }

    @Test
    void refusesExpiredForeignIssuerAndForeignAudienceTokens() throws Exception {
        JwtClaims expired = adminClaims();
        expired.setIssuedAt(NumericDate.fromSeconds(NumericDate.now().getValue() - 3600));
        expired.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() - 60));
        refused(KioskSimulator.sign(expired, BackendTokens.backendKey(), null));

        JwtClaims issuer = adminClaims();
        issuer.setIssuer("someone-else");
        refused(KioskSimulator.sign(issuer, BackendTokens.backendKey(), null));

        JwtClaims audience = adminClaims();
        audience.setAudience("another-api");
        refused(KioskSimulator.sign(audience, BackendTokens.backendKey(), null));
    }
}
