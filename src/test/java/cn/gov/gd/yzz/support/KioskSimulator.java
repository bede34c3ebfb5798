package cn.gov.gd.yzz.support;

import static io.restassured.RestAssured.given;

import cn.gov.gd.yzz.embedded.CompactJws;
import cn.gov.gd.yzz.embedded.EmbeddedKeys;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/** A kiosk as the tests drive it: its own key pair, registered by an admin through the API. */
public final class KioskSimulator {

    private final String id;
    private KeyPair keys;

    private KioskSimulator(String id, KeyPair keys) {
        this.id = id;
        this.keys = keys;
    }

    /** Registers a new kiosk with a fresh EC P-256 key and the given specialists. */
    public static KioskSimulator register(String adminToken, String... specialists) {
        return registerIn(adminToken, "阳明镇", "测试村", specialists);
    }

    /** Registers a new kiosk in the given town and village. */
    public static KioskSimulator registerIn(String adminToken, String town, String village, String... specialists) {
        String id = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        KioskSimulator kiosk = new KioskSimulator(id, EmbeddedKeys.newEcKeyPair());
        given().auth().oauth2(adminToken).contentType("application/json")
                .body(Map.of("id", id, "name", "测试村委会粤智助", "town", town, "village", village,
                        "publicKeyPem", kiosk.publicKeyPem(), "specialists", java.util.List.of(specialists),
                        "hardware", java.util.List.of("id_card_reader", "camera", "printer")))
                .post("/api/v1/admin/kiosks").then().statusCode(201);
        return kiosk;
    }

    public String id() {
        return id;
    }

    public String publicKeyPem() {
        return EmbeddedKeys.pem("PUBLIC KEY", keys.getPublic().getEncoded());
    }

    public PrivateKey privateKey() {
        return keys.getPrivate();
    }

    /** Uses another key from now on (the admin must rotate it on the server too). */
    public void replaceKeys(KeyPair newKeys) {
        this.keys = newKeys;
    }

    /** A correct client assertion: kid = iss = sub = kiosk id, 4-minute lifetime, fresh jti. */
    public String assertion() {
        JwtClaims claims = claims(240);
        claims.setIssuer(id);
        claims.setSubject(id);
        return sign(claims, keys.getPrivate(), id);
    }

    public static JwtClaims claims(long lifetimeSeconds) {
        JwtClaims claims = new JwtClaims();
        long now = NumericDate.now().getValue();
        claims.setIssuedAt(NumericDate.fromSeconds(now));
        claims.setExpirationTime(NumericDate.fromSeconds(now + lifetimeSeconds));
        claims.setJwtId(UUID.randomUUID().toString());
        return claims;
    }

    public static String sign(JwtClaims claims, PrivateKey key, String kid) {
        return CompactJws.es256(claims, key, kid);
    }

    /** An identity attestation signed by this kiosk. */
    public String attestation(String idNumber, String name, double faceScore, String specialistId) {
        JwtClaims claims = claims(240);
        claims.setClaim("idNumber", idNumber);
        claims.setClaim("name", name);
        claims.setClaim("faceScore", faceScore);
        if (specialistId != null) {
            claims.setClaim("specialistId", specialistId);
        }
        return sign(claims, keys.getPrivate(), id);
    }

    public String deviceToken() {
        return given().contentType("application/json").body(Map.of("assertion", assertion()))
                .post("/api/v1/kiosks/{id}/token", id).then().statusCode(200).extract().path("accessToken");
    }

    /** A citizen token for a resident at this kiosk. */
    public String citizenToken(String idNumber, String name) {
        return given().auth().oauth2(deviceToken()).contentType("application/json")
                .body(Map.of("attestation", attestation(idNumber, name, 0.97, null)))
                .post("/api/v1/kiosks/{id}/citizen-sessions", id).then().statusCode(201)
                .extract().path("accessToken");
    }
}
