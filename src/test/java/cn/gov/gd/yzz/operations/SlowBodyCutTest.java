package cn.gov.gd.yzz.operations;

import static cn.gov.gd.yzz.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.Citizens;
import cn.gov.gd.yzz.support.EdgeRequests;
import cn.gov.gd.yzz.support.RawHttp;
import com.atlassian.oai.validator.model.Request;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.ConnectionConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bodies that do not arrive at the minimum rate are cut with 408, idle connections are closed, and uploads beyond
 * the concurrent limit answer 503 with {@code Retry-After}: with a 2 s rate window, an 8 s idle timeout and 2 upload
 * slots (the defaults are 30 s, 75 s and 32) so that the test is short.
 */
@QuarkusTest
@TestProfile(SlowBodyCutTest.ShortWindows.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SlowBodyCutTest extends ApiTest {

    public static class ShortWindows implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("yzz.http.body-rate-window", "2s", "yzz.http.min-body-rate", "1K",
                    "quarkus.http.idle-timeout", "8s", "yzz.documents.max-concurrent-uploads", "2");
        }
    }

    private RestAssuredConfig before;

    /** With idle connections closed after 8 s, a connection kept by the test client would be stale when reused. */
    @BeforeEach
    void freshConnections() {
        before = RestAssured.config();
        RestAssured.config = before.connectionConfig(ConnectionConfig.connectionConfig()
                .closeIdleConnectionsAfterEachResponse());
    }

    @AfterEach
    void restoreConnections() {
        RestAssured.config = before;
    }

    @Test
    void aStalledJsonBodyIsCutWith408AndItsConnectionClosed() throws Exception {
        try (RawHttp stalled = RawHttp.toTestService()) {
            stalled.send(EdgeRequests.jsonPostHead("/api/v1/auth/staff", 200, "{\"username\":\"aaaaaa"));
            EdgeRequests.assertProblem(stalled.read(10_000), 408, "request-timeout", Request.Method.POST,
                    "/api/v1/auth/staff");
            assertThat(stalled.closedWithin(5_000)).isTrue();
        }
    }

    @Test
    void aSlowButSteadyBodyIsReadToTheEnd() throws Exception {
        // 6 KB at about 2.4 KB/s: longer than a window, never below the minimum rate
        byte[] body = ("{\"ticket\":\"" + "x".repeat(6_000) + "\"}").getBytes(StandardCharsets.US_ASCII);
        try (RawHttp steady = RawHttp.toTestService()) {
            steady.send("POST /api/v1/auth/miniapp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n");
            for (int from = 0; from < body.length; from += 600) {
                steady.send(Arrays.copyOfRange(body, from, Math.min(body.length, from + 600)));
                Thread.sleep(250);
            }
            RawHttp.Answer answer = steady.read(10_000);
            assertThat(answer.status()).as(answer.body()).isIn(400, 401);
        }
    }

    @Test
    void aStalledUploadIsCutWith408AndStoresNothing() throws Exception {
        String citizen = Citizens.newMobileCitizen();
        String submission = EdgeRequests.newSubmission(citizen);
        try (RawHttp stalled = RawHttp.toTestService()) {
            stalled.send(EdgeRequests.uploadHead(submission, citizen));
            stalled.send(EdgeRequests.chunk(EdgeRequests.filePartHead()));
            stalled.send(EdgeRequests.chunk(Arrays.copyOf(EdgeRequests.PDF, 20)));
            EdgeRequests.assertProblem(stalled.read(10_000), 408, "request-timeout", Request.Method.POST,
                    "/api/v1/submissions/" + submission + "/documents");
            assertThat(stalled.closedWithin(5_000)).isTrue();
        }
        given().auth().oauth2(citizen).get("/api/v1/submissions/{id}", submission).then().statusCode(200)
                .body("documents.size()", equalTo(0));
    }

    @Test
    void uploadsBeyondTheLimitAnswer503WithRetryAfterAndTheSlotsComeBack() throws Exception {
        String citizen = Citizens.newMobileCitizen();
        String submission = EdgeRequests.newSubmission(citizen);
        AtomicBoolean trickle = new AtomicBoolean(true);
        RawHttp[] slow = {RawHttp.toTestService(), RawHttp.toTestService()};
        Thread sender = new Thread(() -> trickle(slow, trickle), "slow-uploads");
        try {
            for (RawHttp upload : slow) {
                upload.send(EdgeRequests.uploadHead(submission, citizen));
                upload.send(EdgeRequests.chunk(EdgeRequests.filePartHead()));
                upload.send(EdgeRequests.chunk(EdgeRequests.PDF));
            }
            // both slow uploads keep above the minimum rate, so they hold the two slots as long as they trickle
            sender.start();
            Thread.sleep(1_500);
            ValidatableResponse busy = upload(citizen, submission);
            assertProblem(busy, 503, "uploads-busy");
            assertThat(busy.extract().header("Retry-After")).isEqualTo("5");

            trickle.set(false);
            sender.join();
            for (RawHttp upload : slow) {
                // stopped sending: cut at the end of the window, which frees the slot
                EdgeRequests.assertProblem(upload.read(10_000), 408, "request-timeout", null, null);
            }
            upload(citizen, submission).statusCode(201);
        } finally {
            trickle.set(false);
            for (RawHttp upload : slow) {
                upload.close();
            }
        }
    }

    @Test
    void anIdleConnectionIsClosed() throws Exception {
        try (RawHttp idle = RawHttp.toTestService()) {
            idle.send("GET /api/v1/ping HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            assertThat(idle.read(10_000).status()).isEqualTo(200);
            // kept alive for a next request, then closed once nothing happened for the idle timeout (8 s here)
            assertThat(idle.closedWithin(3_000)).isFalse();
            assertThat(idle.closedWithin(15_000)).isTrue();
        }
    }

    private static ValidatableResponse upload(String citizen, String submission) {
        return given().config(EdgeRequests.patient()).auth().oauth2(citizen)
                .multiPart("file", "scan.pdf", EdgeRequests.PDF, "application/pdf")
                .post("/api/v1/submissions/{id}/documents", submission).then();
    }

    /** 600 bytes every 250 ms to each connection (2.4 KB/s, above the 1 KB/s minimum) while asked to. */
    private static void trickle(RawHttp[] connections, AtomicBoolean going) {
        byte[] piece = EdgeRequests.chunk(new byte[600]);
        try {
            while (going.get()) {
                for (RawHttp connection : connections) {
                    connection.send(piece);
                }
                Thread.sleep(250);
            }
        } catch (Exception stopped) {
            // the test's assertions say what went wrong
        }
    }
}
