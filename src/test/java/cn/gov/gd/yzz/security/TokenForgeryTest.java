package cn.gov.gd.yzz.security;

import static cn.gov.gd.yzz.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;

import cn.gov.gd.yzz.embedded.EmbeddedKeys;
import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.EmbeddedInfrastructureResource;
import cn.gov.gd.yzz.support.KioskSimulator;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
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

    private static PrivateKey backendKey() throws Exception {
        Path file = EmbeddedInfrastructureResource.infrastructure().keys().dir().resolve("jwt-signing-private.pem");
        String pem = Files.readString(file).replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "");
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder()
                .decode(pem)));
    }

    private static void refused(String token) {
        assertProblem(given().auth().oauth2(token).get("/api/v1/admin/audit").then(), 401, "unauthorized");
    }

    @Test
    void theRealKeyWithCorrectClaimsIsAccepted() throws Exception {
        given().auth().oauth2(KioskSimulator.sign(adminClaims(), backendKey(), null)).get("/api/v1/admin/audit")
                .then().statusCode(200);
    }

    @Test
    void refusesAnotherKeyAlgNoneAndKeyConfusion() throws Exception {
        refused(KioskSimulator.sign(adminClaims(), EmbeddedKeys.newEcKeyPair().getPrivate(), null));

        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(adminClaims().toJson().getBytes());
        refused(header + "." + payload + ".");

        // HS256 with the public key as the secret: the classic algorithm-confusion forgery
        byte[] publicPem = Files.readAllBytes(EmbeddedInfrastructureResource.infrastructure().keys().dir()
                .resolve("jwt-signing-public.pem"));
        JsonWebSignature hs = new JsonWebSignature();
        hs.setPayload(adminClaims().toJson());
        hs.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        hs.setKey(new HmacKey(publicPem));
        hs.setDoKeyValidation(false);
        refused(hs.getCompactSerialization());
        refused("not.a.token");
    }

    @Test
    void refusesExpiredForeignIssuerAndForeignAudienceTokens() throws Exception {
        JwtClaims expired = adminClaims();
        expired.setIssuedAt(NumericDate.fromSeconds(NumericDate.now().getValue() - 3600));
        expired.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() - 60));
        refused(KioskSimulator.sign(expired, backendKey(), null));

        JwtClaims issuer = adminClaims();
        issuer.setIssuer("someone-else");
        refused(KioskSimulator.sign(issuer, backendKey(), null));

        JwtClaims audience = adminClaims();
        audience.setAudience("another-api");
        refused(KioskSimulator.sign(audience, backendKey(), null));
    }
}
