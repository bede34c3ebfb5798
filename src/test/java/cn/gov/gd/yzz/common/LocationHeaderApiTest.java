package cn.gov.gd.yzz.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gd.yzz.embedded.EmbeddedKeys;
import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.Citizens;
import cn.gov.gd.yzz.support.Staff;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A {@code Location} header is a path on this service, never a URL built from the request's {@code Host} header: a
 * forged Host made the service hand out links to another site.
 */
@QuarkusTest
class LocationHeaderApiTest extends ApiTest {

    private static final String FORGED_HOST = "attacker.example";

    @Test
    void createdKiosksAndSubmissionsAreLocatedByPath() {
        String admin = Staff.token(Staff.ADMIN);
        String kiosk = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String location = given().auth().oauth2(admin).header("Host", FORGED_HOST).contentType("application/json")
                .body(Map.of("id", kiosk, "name", "测试", "town", "阳明镇", "village", "测试村",
                        "publicKeyPem", EmbeddedKeys.pem("PUBLIC KEY", EmbeddedKeys.newEcKeyPair().getPublic()
                                .getEncoded())))
                .post("/api/v1/admin/kiosks").then().statusCode(201).extract().header("Location");
        assertThat(location).isEqualTo("/api/v1/admin/kiosks/" + kiosk);

        // (a new department is located the same way; not created here, as the catalog tests count 24 of them)

        String citizen = Citizens.newMobileCitizen();
        String key = "loc-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("serviceCode", "HRSS-008", "formData", Map.of("pensionType",
                "城乡居民基本养老保险", "residenceStatus", "县内居住", "phone", "13800138000"));
        var created = given().auth().oauth2(citizen).header("Host", FORGED_HOST).header("Idempotency-Key", key)
                .contentType("application/json").body(body).post("/api/v1/submissions").then().statusCode(201);
        String id = created.extract().path("id");
        assertThat(created.extract().header("Location")).isEqualTo("/api/v1/submissions/" + id);
        // the replay of the same request (200) names the same path
        assertThat(given().auth().oauth2(citizen).header("Host", FORGED_HOST).header("Idempotency-Key", key)
                .contentType("application/json").body(body).post("/api/v1/submissions").then().statusCode(200)
                .extract().header("Location")).isEqualTo("/api/v1/submissions/" + id);
    }
}
