package cn.gov.gd.yzz.kiosk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.KioskSimulator;
import cn.gov.gd.yzz.support.Staff;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: a heartbeat and an unchanged catalog check (most of a fleet's requests) are answered on the I/O thread,
 * so they cost no hand-over to a worker thread and back, and kiosks stay online while every worker is busy (slow
 * statements, a database failover): here the pool has two workers and both are held.
 */
@QuarkusTest
@TestProfile(HeartbeatsWithBusyWorkersTest.TwoWorkers.class)
class HeartbeatsWithBusyWorkersTest extends ApiTest {

    public static class TwoWorkers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.thread-pool.core-threads", "1", "quarkus.thread-pool.max-threads", "2");
        }
    }

    private static final Map<String, Object> BEAT = Map.of("appVersion", "4.2.0", "peripherals",
            Map.of("printer", "ok"));

    @Test
    void aKnownKioskBeatsWhileEveryWorkerIsHeld() throws InterruptedException {
        KioskSimulator kiosk = KioskSimulator.register(Staff.token(Staff.ADMIN), Staff.SPECIALIST);
        String token = kiosk.deviceToken(); // obtained on a worker, before they are all taken
        // its first beat loads the kiosk's state (on a worker); from then on it is known to the instance
        given().auth().oauth2(token).contentType("application/json").body(BEAT)
                .post("/api/v1/kiosks/{id}/heartbeat", kiosk.id()).then().statusCode(204);

        withEveryWorkerHeld(() -> {
            int status = given().config(SHORT_TIMEOUT).auth().oauth2(token).contentType("application/json").body(BEAT)
                    .post("/api/v1/kiosks/{id}/heartbeat", kiosk.id()).statusCode();
            assertThat(status).isEqualTo(204);
        });
    }

    /**
     * A kiosk's catalog check that finds its copy current is a 304 from the held catalog, answered on the I/O thread
     * too, with the same ETag and caching headers; one that needs the body still goes to a worker: it is not answered
     * while every worker is held, and is once they are free.
     */
    @Test
    void anUnchangedCatalogCheckIsAnsweredWhileEveryWorkerIsHeld() throws InterruptedException {
        Response first = given().get("/api/v1/catalog/changes");
        first.then().statusCode(200);
        long version = first.jsonPath().getLong("version");
        Response full = given().queryParam("since", version).get("/api/v1/catalog/changes");
        full.then().statusCode(200);
        String etag = full.header("ETag");

        withEveryWorkerHeld(() -> {
            Response check = given().config(SHORT_TIMEOUT).header("If-None-Match", etag).queryParam("since", version)
                    .get("/api/v1/catalog/changes");
            assertThat(check.statusCode()).isEqualTo(304);
            assertThat(check.header("ETag")).isEqualTo(etag);
            assertThat(check.header("Cache-Control")).isEqualTo(full.header("Cache-Control")).contains("max-age");
            assertThatThrownBy(() -> given().config(timeout(1_000)).queryParam("since", version)
                    .get("/api/v1/catalog/changes")).as("a body is built on a worker: it waits for one")
                    .isInstanceOf(SocketTimeoutException.class);
        });
        given().config(SHORT_TIMEOUT).queryParam("since", version).get("/api/v1/catalog/changes").then()
                .statusCode(200).header("ETag", etag);
    }

    private static final RestAssuredConfig SHORT_TIMEOUT = timeout(5_000);

    private static RestAssuredConfig timeout(int millis) {
        return RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", millis).setParam("http.connection.timeout", millis));
    }

    /** Runs the requests while both workers of the pool are held; they must be answered within the 5 s timeout. */
    private static void withEveryWorkerHeld(Runnable requests) throws InterruptedException {
        BusyWorkersResource.release = new CountDownLatch(1);
        List<CompletableFuture<Integer>> held = new ArrayList<>();
        ExecutorService holders = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 2; i++) {
                // own threads: the common pool may have fewer threads than the requests held
                held.add(CompletableFuture.supplyAsync(() -> given().post("/test-only/busy").statusCode(), holders));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (BusyWorkersResource.HELD.get() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(BusyWorkersResource.HELD.get()).as("both workers held").isEqualTo(2);

            long started = System.nanoTime();
            requests.run();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answered without waiting for a worker")
                    .isLessThan(Duration.ofSeconds(5));
            assertThat(BusyWorkersResource.HELD.get()).as("both workers still held").isEqualTo(2);
        } finally {
            BusyWorkersResource.release.countDown();
            holders.shutdown();
        }
        held.forEach(h -> assertThat(h.join()).isEqualTo(200));
    }
}
