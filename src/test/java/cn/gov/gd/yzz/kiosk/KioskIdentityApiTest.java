package cn.gov.gd.yzz.kiosk;

import static cn.gov.gd.yzz.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.gd.yzz.embedded.EmbeddedKeys;
import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.Jwts;
import cn.gov.gd.yzz.support.KioskSimulator;
import cn.gov.gd.yzz.support.Staff;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class KioskIdentityApiTest extends ApiTest {

    private String admin;
    private KioskSimulator kiosk;

    @BeforeEach
    void registerKiosk() {
        admin = Staff.token(Staff.ADMIN);
        kiosk = KioskSimulator.register(admin, Staff.SPECIALIST);
    }

    private ValidatableResponse exchange(String kioskId, String assertion) {
        return given().contentType("application/json").body(Map.of("assertion", assertion))
                .post("/api/v1/kiosks/{id}/token", kioskId).then();
    }

    @Test
    void aCorrectlySignedAssertionYieldsADeviceTokenOnce() {
        String assertion = kiosk.assertion();
        String token = exchange(kiosk.id(), assertion).statusCode(200)
                .body("tokenType", equalTo("Bearer")).extract().path("accessToken");
        Map<String, Object> claims = Jwts.claimsOf(token);
        assertThat(claims).containsEntry("sub", kiosk.id()).containsEntry("kiosk", kiosk.id());
        assertThat(claims.get("groups")).isEqualTo(List.of("kiosk"));
        // the shape the SmallRye builder gave the tokens before they were signed with jose4j directly
        assertThat(claims).containsEntry("iss", "yzz-backend").containsEntry("aud", "yzz-api")
                .containsEntry("auth_method", "client-assertion");
        assertThat(((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue()).isEqualTo(900);
        assertThat(UUID.fromString((String) claims.get("jti")).version()).isEqualTo(4);
        String header = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                StandardCharsets.UTF_8);
        assertThat(header).isIn("{\"alg\":\"ES256\",\"typ\":\"JWT\"}", "{\"typ\":\"JWT\",\"alg\":\"ES256\"}");
        assertProblem(exchange(kiosk.id(), assertion), 401, "unauthorized");
    }

    @Test
    void bouncyCastleServesOnlyWhatAsksForItByName() throws Exception {
        // registered by Quarkus at start (quarkus.security.security-providers), after the JDK's providers; nothing
        // in the application registers it otherwise (JwsCrypto.selfCheck refuses to start without it)
        java.security.Provider[] providers = java.security.Security.getProviders();
        assertThat(providers[providers.length - 1].getName()).isEqualTo("BC");
        assertThat(java.security.MessageDigest.getInstance("SHA-256").getProvider().getName()).isEqualTo("SUN");
        assertThat(java.security.Signature.getInstance("SHA256withECDSA").getProvider().getName()).isEqualTo("SunEC");
        assertThat(new java.security.SecureRandom().getProvider().getName()).isNotEqualTo("BC");
    }

    @Test
    void ofTwentyConcurrentUsesOfOneAssertionExactlyOneSucceeds() throws Exception {
        String assertion = kiosk.assertion();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(() -> exchange(kiosk.id(), assertion).extract().statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 401).hasSize(19);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void refusesAssertionsThatLiveTooLongOrAreSignedWrongly() throws Exception {
        JwtClaims longLived = KioskSimulator.claims(600);
        longLived.setIssuer(kiosk.id());
        longLived.setSubject(kiosk.id());
        assertProblem(exchange(kiosk.id(), KioskSimulator.sign(longLived, kiosk.privateKey(), kiosk.id())), 401,
                "unauthorized");

        JwtClaims claims = KioskSimulator.claims(240);
        claims.setIssuer(kiosk.id());
        claims.setSubject(kiosk.id());
        KeyPair other = EmbeddedKeys.newEcKeyPair();
        assertProblem(exchange(kiosk.id(), KioskSimulator.sign(claims, other.getPrivate(), kiosk.id())), 401,
                "unauthorized");

        // alg: none, no signature
        String header = b64("{\"alg\":\"none\",\"kid\":\"" + kiosk.id() + "\"}");
        String unsigned = header + "." + b64(claims.toJson()) + ".";
        assertProblem(exchange(kiosk.id(), unsigned), 401, "unauthorized");

        // issued for another kiosk
        JwtClaims foreign = KioskSimulator.claims(240);
        foreign.setIssuer("SOMEONE-ELSE");
        foreign.setSubject("SOMEONE-ELSE");
        assertProblem(exchange(kiosk.id(), KioskSimulator.sign(foreign, kiosk.privateKey(), kiosk.id())), 401,
                "unauthorized");

        // expired
        JwtClaims expired = KioskSimulator.claims(60);
        expired.setIssuer(kiosk.id());
        expired.setSubject(kiosk.id());
        expired.setIssuedAt(org.jose4j.jwt.NumericDate.fromSeconds(expired.getClaimValue("iat", Long.class) - 600));
        expired.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(
                expired.getClaimValue("iat", Long.class) + 120));
        assertProblem(exchange(kiosk.id(), KioskSimulator.sign(expired, kiosk.privateKey(), kiosk.id())), 401,
                "unauthorized");

        assertProblem(exchange(kiosk.id(), "not-a-jws"), 401, "unauthorized");
        assertProblem(exchange("NO-SUCH-KIOSK", kiosk.assertion()), 401, "unauthorized");
    }

    @Test
    void aDisabledKioskGetsNothingAndItsTokensStopWorking() {
        String deviceToken = kiosk.deviceToken();
        heartbeat(deviceToken, kiosk.id()).statusCode(204);
        disable(kiosk.id());
        assertProblem(exchange(kiosk.id(), kiosk.assertion()), 401, "unauthorized");
        assertProblem(heartbeat(deviceToken, kiosk.id()), 401, "unauthorized");
    }

    @Test
    void reEnablingAKioskDoesNotReviveTokensIssuedBeforeItWasDisabled() throws Exception {
        String stolen = kiosk.deviceToken();
        disable(kiosk.id());
        given().auth().oauth2(admin).contentType("application/merge-patch+json").body(Map.of("enabled", true))
                .patch("/api/v1/admin/kiosks/{id}", kiosk.id()).then().statusCode(200);
        assertProblem(heartbeat(stolen, kiosk.id()), 401, "unauthorized");
        Thread.sleep(1100); // tokens of the revocation's own second are refused too
        heartbeat(kiosk.deviceToken(), kiosk.id()).statusCode(204);
    }

    @Test
    void overlappingHeartbeatsAllSucceed() throws Exception {
        String token = kiosk.deviceToken();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Callable<Integer>> beats = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            beats.add(() -> heartbeat(token, kiosk.id()).extract().statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(beats)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(204);
    }

    @Test
    void afterKeyRotationTheOldKeyFailsAndTheNewOneWorks() {
        String oldAssertion = kiosk.assertion();
        String oldToken = kiosk.deviceToken();
        KeyPair next = EmbeddedKeys.newEcKeyPair();
        given().auth().oauth2(admin).contentType("application/merge-patch+json")
                .body(Map.of("publicKeyPem", EmbeddedKeys.pem("PUBLIC KEY", next.getPublic().getEncoded())))
                .patch("/api/v1/admin/kiosks/{id}", kiosk.id()).then().statusCode(200);
        assertProblem(exchange(kiosk.id(), oldAssertion), 401, "unauthorized");
        assertProblem(heartbeat(oldToken, kiosk.id()), 401, "unauthorized");
        kiosk.replaceKeys(next);
        exchange(kiosk.id(), kiosk.assertion()).statusCode(200);
    }

    @Test
    void acceptsOnlyP256AndStrongRsaKeys() throws Exception {
        assertProblem(register(rsaPem(1024)), 400, "invalid-public-key");
        assertProblem(register("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"), 400,
                "invalid-public-key");
        KeyPairGenerator p384 = KeyPairGenerator.getInstance("EC");
        p384.initialize(new java.security.spec.ECGenParameterSpec("secp384r1"));
        assertProblem(register(EmbeddedKeys.pem("PUBLIC KEY", p384.generateKeyPair().getPublic().getEncoded())),
                400, "invalid-public-key");
        register(rsaPem(2048)).statusCode(201).body("keyAlgorithm", equalTo("RSA"));
        assertProblem(given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("id", kiosk.id(), "name", "x", "town", "t", "village", "v",
                        "publicKeyPem", kiosk.publicKeyPem()))
                .post("/api/v1/admin/kiosks").then(), 409, "kiosk-exists");
        assertProblem(given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("id", "bad id!", "name", "x", "town", "t", "village", "v",
                        "publicKeyPem", kiosk.publicKeyPem()))
                .post("/api/v1/admin/kiosks").then(), 400, "validation-failed");
    }

    @Test
    void heartbeatsMakeAKioskOnlineAndOnlyItsOwnTokenMayReportThem() {
        String own = kiosk.deviceToken();
        KioskSimulator other = KioskSimulator.register(admin);
        given().auth().oauth2(own).contentType("application/json")
                .body(Map.of("appVersion", "3.2.1", "peripherals", Map.of("printer", "ok", "camera", "degraded")))
                .post("/api/v1/kiosks/{id}/heartbeat", kiosk.id()).then().statusCode(204);
        KioskHeartbeatsApiTest.awaitOnline(admin, "阳明镇", kiosk.id()); // beats are written in batches
        given().auth().oauth2(admin).queryParam("town", "阳明镇").queryParam("size", 100)
                .get("/api/v1/admin/kiosks").then().statusCode(200)
                .body("items.find { it.id == '" + kiosk.id() + "' }.peripherals.camera", equalTo("degraded"))
                .body("items.find { it.id == '" + kiosk.id() + "' }.appVersion", equalTo("3.2.1"));
        assertProblem(heartbeat(own, other.id()), 403, "forbidden");
        // what a generated client sends for an operation whose only success is 204
        given().auth().oauth2(own).contentType("application/json").accept("application/problem+json")
                .body(Map.of("appVersion", "3.2.1", "peripherals", Map.of("printer", "ok")))
                .post("/api/v1/kiosks/{id}/heartbeat", kiosk.id()).then().statusCode(204);
        assertProblem(given().auth().oauth2(own).contentType("application/json")
                .body(Map.of("appVersion", "", "peripherals", Map.of()))
                .post("/api/v1/kiosks/{id}/heartbeat", kiosk.id()).then(), 400, "validation-failed");
        // a map key is one JSON pointer segment, with "~" and "/" escaped (RFC 6901)
        ValidatableResponse badState = given().auth().oauth2(own).contentType("application/json")
                .body(Map.of("appVersion", "", "peripherals", Map.of("usb/scanner~2", "broken")))
                .post("/api/v1/kiosks/{id}/heartbeat", kiosk.id()).then();
        assertProblem(badState, 400, "validation-failed");
        badState.body("errors.pointer", containsInAnyOrder("/appVersion", "/peripherals/usb~1scanner~02"));
    }

    private ValidatableResponse heartbeat(String token, String kioskId) {
        return given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("appVersion", "3.2.1", "peripherals", Map.of("printer", "ok")))
                .post("/api/v1/kiosks/{id}/heartbeat", kioskId).then();
    }

    private void disable(String kioskId) {
        given().auth().oauth2(admin).contentType("application/merge-patch+json").body(Map.of("enabled", false))
                .patch("/api/v1/admin/kiosks/{id}", kioskId).then().statusCode(200).body("enabled", equalTo(false));
    }

    private ValidatableResponse register(String pem) {
        return given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("id", "K-" + System.nanoTime() % 100000000, "name", "x", "town", "t", "village", "v",
                        "publicKeyPem", pem))
                .post("/api/v1/admin/kiosks").then();
    }

    private static String rsaPem(int bits) throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(bits);
        return EmbeddedKeys.pem("PUBLIC KEY", rsa.generateKeyPair().getPublic().getEncoded());
    }

    static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes());
    }

}
