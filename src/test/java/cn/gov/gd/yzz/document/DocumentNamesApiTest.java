package cn.gov.gd.yzz.document;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.Applications;
import cn.gov.gd.yzz.support.Citizens;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A document's file name is shown to reviewers as the resident gave it, minus what could mislead: a right-to-left
 * override (U+202E) made "报告" + U+202E + "fdp.exe" display as "报告exe.pdf", and zero-width characters hid what a
 * name said.
 * Upload and upload link alike store it without them, and the {@code Location} of an upload is a path on this service
 * whatever {@code Host} the request named.
 */
@QuarkusTest
class DocumentNamesApiTest extends ApiTest {

    private static final String RLO = "\u202E";
    private String citizen;
    private String application;

    @BeforeEach
    void newApplication() {
        citizen = Citizens.newMobileCitizen();
        application = Applications.pensionCheck(citizen);
    }

    @Test
    void anUploadKeepsItsNameWithoutBidiOverridesOrInvisibleCharacters() {
        String boundary = "yzz-" + UUID.randomUUID();
        String name = "报告" + RLO + "fdp\u200B.exe\u2066\uFEFF";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(DocumentApiTest.PDF);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var answer = given().auth().oauth2(citizen).header("Host", "attacker.example")
                .contentType("multipart/form-data; boundary=" + boundary).body(body.toByteArray())
                .post("/api/v1/submissions/{id}/documents", application).then().statusCode(201)
                .body("fileName", equalTo("报告fdp.exe"));
        String id = answer.extract().path("id");
        assertThat(answer.extract().header("Location"))
                .isEqualTo("/api/v1/submissions/" + application + "/documents/" + id);
        given().auth().oauth2(citizen).get("/api/v1/submissions/{id}", application).then()
                .body("documents[0].fileName", equalTo("报告fdp.exe"));
    }

    @Test
    void anUploadLinkKeepsItsNameWithoutThemToo() {
        given().auth().oauth2(citizen).contentType("application/json")
                .body(Map.of("fileName", "\u200E身份证" + RLO + "fdp.exe\u200D", "contentType", "application/pdf",
                        "size", 10, "sha256", "0".repeat(64)))
                .post("/api/v1/submissions/{id}/documents/upload-url", application).then().statusCode(201);
        given().auth().oauth2(citizen).get("/api/v1/submissions/{id}", application).then()
                .body("documents[0].fileName", equalTo("身份证fdp.exe"));
    }
}
