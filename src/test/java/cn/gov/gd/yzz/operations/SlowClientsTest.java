package cn.gov.gd.yzz.operations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.Citizens;
import cn.gov.gd.yzz.support.EdgeRequests;
import cn.gov.gd.yzz.support.RawHttp;
import cn.gov.gd.yzz.support.TestLog;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A village network's worst: hundreds of clients that send a request's head and then its body byte by byte (or
 * not at all). None of them may take the service from the others: no worker thread waits for their bytes. Loopback
 * only; the slow connections are held for a few seconds, well inside the 30 s rate window, so it is the reading on
 * the I/O thread that keeps the service answering, not the cut of slow bodies.
 */
@QuarkusTest
class SlowClientsTest extends ApiTest {

    /** More than the 200 worker threads Quarkus has: before the fix, every one of them waited for a slow body. */
    private static final int SLOW_JSON_BODIES = 280;
    /** Fewer than the upload slots (32): uploads in progress hold a worker each, by design, and no more. */
    private static final int SLOW_UPLOADS = 20;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void hundredsOfSlowBodiesLeaveTheApiAnsweringAFastClient() throws Exception {
        String citizen = Citizens.newMobileCitizen();
        String submission = EdgeRequests.newSubmission(citizen);
        List<RawHttp> slow = new ArrayList<>();
        try {
            for (int i = 0; i < SLOW_JSON_BODIES; i++) {
                // 200 bytes announced, 20 sent: the rest would come "one byte a minute"
                slow.add(RawHttp.toTestService().send(EdgeRequests.jsonPostHead("/api/v1/auth/staff", 200,
                        "{\"username\":\"slow" + i)));
            }
            for (int i = 0; i < SLOW_UPLOADS; i++) {
                RawHttp upload = RawHttp.toTestService().send(EdgeRequests.uploadHead(submission, citizen));
                upload.send(EdgeRequests.chunk(EdgeRequests.filePartHead()));
                upload.send(EdgeRequests.chunk("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII)));
                slow.add(upload);
            }
            // let the service take them all up (and, before the fix, hand each to a worker that then waits)
            Thread.sleep(2_000);

            long ping = timed(() -> given().config(EdgeRequests.patient()).get("/api/v1/ping").then()
                    .statusCode(200).body("status", equalTo("ok")));
            long catalog = timed(() -> given().config(EdgeRequests.patient()).get("/api/v1/services/HRSS-001").then()
                    .statusCode(200).body("code", equalTo("HRSS-001")));
            long ready = timed(() -> given().config(EdgeRequests.patient()).get("/q/health/ready").then()
                    .statusCode(200));
            long upload = timed(() -> given().config(EdgeRequests.patient()).auth().oauth2(citizen)
                    .multiPart("file", "scan.pdf", EdgeRequests.PDF, "application/pdf")
                    .post("/api/v1/submissions/{id}/documents", submission).then().statusCode(201));
            System.out.printf("with %d slow bodies and %d slow uploads held: ping %d ms, catalog read %d ms, "
                    + "readiness %d ms, small upload %d ms%n", SLOW_JSON_BODIES, SLOW_UPLOADS, ping, catalog, ready,
                    upload);

            // the slow clients were held, not refused: each connection is still open
            long stillOpen = 0;
            for (RawHttp connection : slow) {
                if (!connection.closedWithin(1)) {
                    stillOpen++;
                }
            }
            assertThat(stillOpen).isEqualTo(SLOW_JSON_BODIES + SLOW_UPLOADS);

            TestLog log = TestLog.mark();
            for (RawHttp connection : slow) {
                connection.close();
            }
            Thread.sleep(1_000);
            // clients going away are not errors of the service: no ERROR, no stack trace per connection
            assertThat(log.since()).doesNotContain(" ERROR ").doesNotContain("\tat ");
        } finally {
            for (RawHttp connection : slow) {
                connection.close();
            }
        }
    }

    private static long timed(Supplier<Object> call) {
        long start = System.nanoTime();
        call.get();
        return (System.nanoTime() - start) / 1_000_000;
    }
}
