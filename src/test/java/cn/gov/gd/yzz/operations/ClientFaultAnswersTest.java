package cn.gov.gd.yzz.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.Citizens;
import cn.gov.gd.yzz.support.EdgeRequests;
import cn.gov.gd.yzz.support.RawHttp;
import cn.gov.gd.yzz.support.TestLog;
import com.atlassian.oai.validator.model.Request;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * What the HTTP layer refuses before any REST handler runs is answered like everything else, as
 * {@code application/problem+json}, and a client that goes away is not an error of the service.
 */
@QuarkusTest
class ClientFaultAnswersTest extends ApiTest {

    @Test
    void aTooLongUrlAnswers414() throws Exception {
        try (RawHttp client = RawHttp.toTestService()) {
            client.send("GET /api/v1/ping?padding=" + "a".repeat(5_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            EdgeRequests.assertProblem(client.read(10_000), 414, "uri-too-long", null, null);
        }
    }

    @Test
    void tooLargeHeadersAnswer431() throws Exception {
        try (RawHttp client = RawHttp.toTestService()) {
            client.send("GET /api/v1/ping HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " + "a".repeat(30_000)
                    + "\r\n\r\n");
            EdgeRequests.assertProblem(client.read(10_000), 431, "headers-too-large", null, null);
        }
    }

    @Test
    void aBadPercentEscapeAnswers400() throws Exception {
        for (String target : new String[] {"/api/v1/services/%zz", "/api/v1/%E4%zz/x", "/api/v1/services?q=%zz"}) {
            try (RawHttp client = RawHttp.toTestService()) {
                client.send("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
                RawHttp.Answer answer = client.read(10_000);
                assertThat(answer.status()).as(target).isEqualTo(400);
                EdgeRequests.assertProblem(answer, 400, answer.body().contains("malformed-request")
                        ? "malformed-request" : "invalid-parameter", null, null);
            }
        }
    }

    @Test
    void aRequestTheRouterRefusesAnswers400() throws Exception {
        try (RawHttp client = RawHttp.toTestService()) {
            // HTTP/1.1 without Host: refused by the router itself, before any handler of the service
            client.send("GET /api/v1/ping HTTP/1.1\r\n\r\n");
            EdgeRequests.assertProblem(client.read(10_000), 400, "malformed-request", null, null);
        }
    }

    @Test
    void aChunkedJsonBodyOverTheLimitAnswers413WithoutAnError() throws Exception {
        TestLog log = TestLog.mark();
        try (RawHttp client = RawHttp.toTestService()) {
            client.send("POST /api/v1/auth/staff HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n");
            byte[] piece = EdgeRequests.chunk("a".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII));
            try {
                // 3 MB, over the 2 MB read into memory for a JSON body
                for (int i = 0; i < 48; i++) {
                    client.send(piece);
                }
            } catch (java.io.IOException closedByTheService) {
                // it stops reading once the limit is passed
            }
            EdgeRequests.assertProblem(client.read(10_000), 413, "payload-too-large", Request.Method.POST,
                    "/api/v1/auth/staff");
        }
        assertThat(log.since()).doesNotContain(" ERROR ").doesNotContain("\tat ");
    }

    @Test
    void anAnnouncedJsonBodyOverTheLimitAnswers413BeforeItIsSent() throws Exception {
        try (RawHttp client = RawHttp.toTestService()) {
            client.send(EdgeRequests.jsonPostHead("/api/v1/auth/staff", 3_000_000, ""));
            EdgeRequests.assertProblem(client.read(10_000), 413, "payload-too-large", Request.Method.POST,
                    "/api/v1/auth/staff");
        }
    }

    @Test
    void clientsThatGoAwayMidRequestAreNotLoggedAsErrors() throws Exception {
        String citizen = Citizens.newMobileCitizen();
        String submission = EdgeRequests.newSubmission(citizen);
        TestLog log = TestLog.mark();
        for (int i = 0; i < 5; i++) {
            RawHttp json = RawHttp.toTestService().send(EdgeRequests.jsonPostHead("/api/v1/auth/staff", 20_000,
                    "{\"username\":\"" + "a".repeat(10_000)));
            RawHttp upload = RawHttp.toTestService().send(EdgeRequests.uploadHead(submission, citizen));
            upload.send(EdgeRequests.chunk(EdgeRequests.filePartHead()));
            upload.send(EdgeRequests.chunk(Arrays.copyOf(EdgeRequests.PDF, 10_000)));
            Thread.sleep(300);
            // a TCP reset, as a phone that loses its network
            json.abort();
            upload.abort();
        }
        Thread.sleep(1_000);
        String logged = log.since();
        assertThat(logged).doesNotContain(" ERROR ").doesNotContain("\tat ");
        assertThat(logged.lines().count()).as(logged).isLessThanOrEqualTo(20);
    }
}
