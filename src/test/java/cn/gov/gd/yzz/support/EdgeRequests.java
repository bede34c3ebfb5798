package cn.gov.gd.yzz.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** Requests as slow, broken or oversized clients send them, and checks of the answers they get. */
public final class EdgeRequests {

    public static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n"
            + "%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    public static final String BOUNDARY = "----yzz-edge";

    private EdgeRequests() {
    }

    /** RestAssured that gives up after 10 s instead of waiting forever for an answer that does not come. */
    public static RestAssuredConfig patient() {
        return RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.connection.timeout", 5_000).setParam("http.socket.timeout", 10_000));
    }

    /** The head of a JSON POST announcing {@code length} bytes of body, and the first bytes of that body. */
    public static String jsonPostHead(String path, int length, String bodyStart) {
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                + length + "\r\n\r\n" + bodyStart;
    }

    /** The head of a multipart document upload of unknown length (chunked), up to the file part's first byte. */
    public static String uploadHead(String submission, String token) {
        return "POST /api/v1/submissions/" + submission + "/documents HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer " + token + "\r\nContent-Type: multipart/form-data; boundary=" + BOUNDARY
                + "\r\nTransfer-Encoding: chunked\r\n\r\n";
    }

    /** The multipart framing before the file's bytes. */
    public static byte[] filePartHead() {
        return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** The multipart framing after the file's bytes. */
    public static byte[] filePartTail() {
        return ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** One HTTP chunk of a chunked body. */
    public static byte[] chunk(byte[] data) {
        byte[] head = (Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] chunk = new byte[head.length + data.length + 2];
        System.arraycopy(head, 0, chunk, 0, head.length);
        System.arraycopy(data, 0, chunk, head.length, data.length);
        chunk[chunk.length - 2] = '\r';
        chunk[chunk.length - 1] = '\n';
        return chunk;
    }

    public static byte[] lastChunk() {
        return "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    }

    /** A submission of a new mobile citizen that takes documents. */
    public static String newSubmission(String citizen) {
        return given().auth().oauth2(citizen).contentType("application/json")
                .header("Idempotency-Key", "edge-" + UUID.randomUUID())
                .body(Map.of("serviceCode", "HRSS-008", "formData", Map.of("pensionType", "城乡居民基本养老保险",
                        "residenceStatus", "县内居住", "phone", "13800138000")))
                .post("/api/v1/submissions").then().statusCode(201).extract().path("id");
    }

    /**
     * A problem answer received over a raw connection: the same checks as {@link Problems#assertProblem}, and, for an
     * operation of the contract ({@code method} and {@code path} given), the contract's word on it.
     */
    public static void assertProblem(RawHttp.Answer answer, int status, String code, Request.Method method,
            String path) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("content-type")).isEqualTo("application/problem+json");
        JsonPath json = JsonPath.from(answer.body());
        assertThat(json.getString("code")).isEqualTo(code);
        assertThat(json.getInt("status")).isEqualTo(status);
        assertThat(json.getString("type")).isEqualTo("urn:yzz:problem:" + code);
        assertThat(json.getString("title")).isNotBlank();
        Problems.assertNoInternals(answer.body());
        if (path != null) {
            SimpleResponse.Builder response = SimpleResponse.Builder.status(status)
                    .withContentType("application/problem+json").withBody(answer.body());
            answer.headers().forEach(response::withHeader);
            ValidationReport report = ContractValidation.validator().validateResponse(path, method, response.build());
            assertThat(report.getMessages()).as("contract of " + method + " " + path).isEmpty();
        }
    }
}
