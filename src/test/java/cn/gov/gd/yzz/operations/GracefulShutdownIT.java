package cn.gov.gd.yzz.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gd.yzz.benchmark.DemoClient;
import cn.gov.gd.yzz.benchmark.ServiceUnderTest;
import cn.gov.gd.yzz.support.EdgeRequests;
import cn.gov.gd.yzz.support.RawHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A rolling deploy stops an instance with SIGTERM while a resident's upload is still arriving. The embedded jar runs
 * as its own process (built by {@code ./mvnw -Pembedded verify}, which runs this test): readiness goes DOWN at once,
 * new requests answer 503 after the delay, the upload in flight finishes with 201, and only then do the service and,
 * after it, the embedded PostgreSQL and S3 server stop.
 */
class GracefulShutdownIT {

    private static final int DOCUMENT = 3 * 1024 * 1024;
    private static final int PIECE = 64 * 1024;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void anUploadInFlightAtSigtermCompletes() throws Exception {
        Path runner = Path.of(System.getProperty("it.runner", "target/embedded-app/quarkus-app/quarkus-run.jar"));
        Path workDir = Path.of(System.getProperty("it.work-dir", "target/embedded-app/it"), "graceful-shutdown");
        try (ServiceUnderTest service = ServiceUnderTest.start(runner, workDir, "512m",
                "-Dquarkus.shutdown.delay=3s", "-Dquarkus.shutdown.timeout=60s")) {
            DemoClient demo = new DemoClient(service.port());
            String citizen = demo.citizenToken();
            String submission = demo.submission(citizen);
            byte[] document = document();

            try (RawHttp upload = new RawHttp(service.port())) {
                upload.send(EdgeRequests.uploadHead(submission, citizen));
                upload.send(EdgeRequests.chunk(EdgeRequests.filePartHead()));
                int sent = send(upload, document, 0, DOCUMENT / 4);

                service.terminate();
                // the pre-shutdown delay (3 s here): out of the load balancer's rotation at once, still serving
                long down = awaitNotReady(service.port());
                assertThat(get(service.port(), "/api/v1/ping").statusCode()).isEqualTo(200);

                // about 320 KB/s: the upload is still arriving seconds after the delay ended
                boolean refusalSeen = false;
                while (sent < DOCUMENT) {
                    sent = send(upload, document, sent, Math.min(DOCUMENT, sent + PIECE));
                    Thread.sleep(200);
                    if (!refusalSeen && System.nanoTime() - down > Duration.ofSeconds(4).toNanos()) {
                        // draining: a new request is refused with a problem answer while the upload goes on
                        HttpResponse<String> refused = get(service.port(), "/api/v1/ping");
                        assertThat(refused.statusCode()).isEqualTo(503);
                        assertThat(refused.body()).contains("\"code\":\"shutting-down\"");
                        refusalSeen = true;
                    }
                }
                assertThat(refusalSeen).as("the upload outlasted the delay").isTrue();
                upload.send(EdgeRequests.chunk(EdgeRequests.filePartTail()));
                upload.send(EdgeRequests.lastChunk());
                RawHttp.Answer answer = upload.read(60_000);
                assertThat(answer.status()).as(answer.body()).isEqualTo(201);
                assertThat(answer.body()).contains("\"sha256\":\"" + sha256(document) + "\"");
            }
            assertThat(service.awaitExit(Duration.ofMinutes(1))).as("the service exits after the drain").isTrue();
            String log = Files.readString(service.log(), StandardCharsets.UTF_8);
            assertThat(log).doesNotContain("NoSuchBucket").doesNotContain(" ERROR ");
        }
    }

    /** Polls readiness until it reports DOWN; the moment it did. */
    private static long awaitNotReady(int port) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (get(port, "/q/health/ready").statusCode() == 503) {
                return System.nanoTime();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("readiness did not go DOWN within 10 s of SIGTERM");
    }

    private static int send(RawHttp connection, byte[] document, int from, int to) throws IOException {
        connection.send(EdgeRequests.chunk(Arrays.copyOfRange(document, from, to)));
        return to;
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] document() {
        byte[] document = new byte[DOCUMENT];
        new Random(7).nextBytes(document);
        System.arraycopy(EdgeRequests.PDF, 0, document, 0, EdgeRequests.PDF.length);
        return document;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
