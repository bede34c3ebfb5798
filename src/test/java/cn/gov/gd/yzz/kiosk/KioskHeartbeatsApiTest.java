package cn.gov.gd.yzz.kiosk;

import static cn.gov.gd.yzz.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.KioskSimulator;
import cn.gov.gd.yzz.support.Staff;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Heartbeats are written in batches (KioskHeartbeats): what the register shows after the flush, and what it refuses. */
@QuarkusTest
class KioskHeartbeatsApiTest extends ApiTest {

    private static final long FLUSH_WAIT_MS = 5_000; // the test profile flushes every second

    @Inject
    KioskHeartbeats heartbeats;

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    private String admin;
    private String town;
    private KioskSimulator kiosk;

    @BeforeEach
    void registerKiosk() {
        admin = Staff.token(Staff.ADMIN);
        town = "心跳镇" + System.nanoTime() % 1_000_000;
        kiosk = KioskSimulator.registerIn(admin, town, "心跳村");
    }

    @Test
    void aHeartbeatShowsTheKioskOnlineWithItsVersionAndPeripheralsAfterTheFlush() {
        beat(kiosk.deviceToken(), kiosk.id(), "4.0.1", Map.of("printer", "fault", "camera", "ok")).statusCode(204);
        awaitOnline(admin, town, kiosk.id());
        Map<String, Object> view = view(kiosk.id());
        assertThat(view).containsEntry("appVersion", "4.0.1").containsEntry("online", true)
                .containsEntry("peripherals", Map.of("printer", "fault", "camera", "ok"));
        assertThat(OffsetDateTime.parse((String) view.get("lastSeenAt")).toInstant())
                .isAfter(Instant.now().minusSeconds(60));
    }

    @Test
    void lastSeenAtNeverMovesBackwardsNorDoesAnOlderBeatReplaceTheVersion() {
        beat(kiosk.deviceToken(), kiosk.id(), "5.0.0", Map.of("printer", "ok")).statusCode(204);
        awaitOnline(admin, town, kiosk.id());
        String seen = (String) view(kiosk.id()).get("lastSeenAt");
        // another instance writes a beat it received a minute earlier, after this one's
        heartbeats.beat(kiosk.id(), "4.9.0", "{\"printer\":\"fault\"}", Instant.now().minusSeconds(60));
        heartbeats.flush();
        Map<String, Object> view = view(kiosk.id());
        assertThat(OffsetDateTime.parse((String) view.get("lastSeenAt"))).isEqualTo(OffsetDateTime.parse(seen));
        assertThat(view).containsEntry("appVersion", "5.0.0").containsEntry("peripherals", Map.of("printer", "ok"));
    }

    @Test
    void aBeatRewritesOnlyThePresenceRowUnlessItReportsSomethingNew() throws Exception {
        beat(kiosk.deviceToken(), kiosk.id(), "7.0.0", Map.of("printer", "ok")).statusCode(204);
        awaitOnline(admin, town, kiosk.id());
        String kioskRow = rowVersion("kiosk", "id");
        String presenceRow = rowVersion("kiosk_presence", "kiosk_id");
        Thread.sleep(10); // a later arrival time than the first beat's

        // the same version and peripherals: only last_seen_at moves
        beat(kiosk.deviceToken(), kiosk.id(), "7.0.0", Map.of("printer", "ok")).statusCode(204);
        heartbeats.flush();
        assertThat(rowVersion("kiosk", "id")).as("kiosk row untouched").isEqualTo(kioskRow);
        assertThat(rowVersion("kiosk_presence", "kiosk_id")).as("presence row rewritten").isNotEqualTo(presenceRow);

        // a printer degraded (out of paper) is news: the kiosk row takes it
        beat(kiosk.deviceToken(), kiosk.id(), "7.0.0", Map.of("printer", "degraded")).statusCode(204);
        heartbeats.flush();
        assertThat(rowVersion("kiosk", "id")).isNotEqualTo(kioskRow);
        assertThat(view(kiosk.id())).containsEntry("peripherals", Map.of("printer", "degraded"))
                .containsEntry("appVersion", "7.0.0").containsEntry("online", true);
    }

    @Test
    void aBeatWrittenByAnInstanceOfThePreviousReleaseShowsOnline() throws Exception {
        // during a rolling deploy, old instances still write kiosk.last_seen_at (V24 copies it to kiosk_presence)
        OffsetDateTime beatAt = OffsetDateTime.now().minusSeconds(5).withNano(0);
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.PreparedStatement s = c.prepareStatement(
                "UPDATE kiosk SET last_seen_at = GREATEST(last_seen_at, ?) WHERE id = ?")) {
            s.setObject(1, beatAt);
            s.setString(2, kiosk.id());
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        Map<String, Object> view = view(kiosk.id());
        assertThat(view).containsEntry("online", true);
        assertThat(OffsetDateTime.parse((String) view.get("lastSeenAt")).toInstant()).isEqualTo(beatAt.toInstant());
    }

    /** The row's xmin: the transaction that wrote its current version. */
    private String rowVersion(String table, String key) throws java.sql.SQLException {
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.PreparedStatement s = c.prepareStatement(
                "SELECT xmin::text FROM " + table + " WHERE " + key + " = ?")) {
            s.setString(1, kiosk.id());
            try (java.sql.ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                return r.getString(1);
            }
        }
    }

    @Test
    void aForeignOrDisabledKioskGetsItsRefusalAtOnceAndNothingIsWritten() {
        KioskSimulator other = KioskSimulator.registerIn(admin, town, "心跳村");
        String own = kiosk.deviceToken();
        assertProblem(beat(own, other.id(), "6.0.0", Map.of("printer", "ok")), 403, "forbidden");
        String disabledToken = other.deviceToken();
        given().auth().oauth2(admin).contentType("application/merge-patch+json").body(Map.of("enabled", false))
                .patch("/api/v1/admin/kiosks/{id}", other.id()).then().statusCode(200);
        assertProblem(beat(disabledToken, other.id(), "6.0.0", Map.of("printer", "ok")), 401, "unauthorized");
        heartbeats.flush();
        Map<String, Object> view = view(other.id());
        assertThat(view.get("lastSeenAt")).isNull();
        assertThat(view.get("appVersion")).isNull();
    }

    /** Polls the admin list until the kiosk shows online (a beat is written at the next flush). */
    static void awaitOnline(String admin, String town, String kioskId) {
        long deadline = System.currentTimeMillis() + FLUSH_WAIT_MS;
        while (true) {
            boolean online = given().auth().oauth2(admin).queryParam("online", true).queryParam("town", town)
                    .queryParam("size", 100).get("/api/v1/admin/kiosks").then().statusCode(200).extract()
                    .jsonPath().getList("items.id").contains(kioskId);
            if (online) {
                return;
            }
            assertThat(System.currentTimeMillis()).as("kiosk %s online within %d ms", kioskId, FLUSH_WAIT_MS)
                    .isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The kiosk as the admin list shows it. */
    private Map<String, Object> view(String kioskId) {
        return given().auth().oauth2(admin).queryParam("town", town).queryParam("size", 100)
                .get("/api/v1/admin/kiosks").then().statusCode(200).extract().jsonPath()
                .getMap("items.find { it.id == '" + kioskId + "' }");
    }

    private static ValidatableResponse beat(String token, String kioskId, String version, Map<String, String> state) {
        return given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("appVersion", version, "peripherals", state))
                .post("/api/v1/kiosks/{id}/heartbeat", kioskId).then();
    }
}
