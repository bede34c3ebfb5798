package cn.gov.gd.yzz.kiosk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.KioskSimulator;
import cn.gov.gd.yzz.support.Staff;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: a heartbeat is answered on the I/O thread, so a fleet's beats cost no hand-over to a worker thread and
 * back, and kiosks stay online while every worker is busy (slow statements, a database failover): here the pool has
 * two workers and both are held.
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

        BusyWorkersResource.release = new CountDownLatch(1);
        List<CompletableFuture<Integer>> held = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                held.add(CompletableFuture.supplyAsync(() -> given().post("/test-only/busy").statusCode()));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (BusyWorkersResource.HELD.get() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(BusyWorkersResource.HELD.get()).as("both workers held").isEqualTo(2);

            long started = System.nanoTime();
            int status = given().config(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                            .setParam("http.socket.timeout", 5_000).setParam("http.connection.timeout", 5_000)))
                    .auth().oauth2(token).contentType("application/json").body(BEAT)
                    .post("/api/v1/kiosks/{id}/heartbeat", kiosk.id()).statusCode();
            assertThat(status).isEqualTo(204);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answered without waiting for a worker")
                    .isLessThan(Duration.ofSeconds(5));
            assertThat(BusyWorkersResource.HELD.get()).as("both workers still held").isEqualTo(2);
        } finally {
            BusyWorkersResource.release.countDown();
        }
        held.forEach(h -> assertThat(h.join()).isEqualTo(200));
    }
}
