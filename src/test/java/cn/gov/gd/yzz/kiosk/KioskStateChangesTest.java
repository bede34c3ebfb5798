package cn.gov.gd.yzz.kiosk;

import static cn.gov.gd.yzz.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.KioskSimulator;
import cn.gov.gd.yzz.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each instance keeps kiosk states in memory and follows the changes other instances make (KioskStates, V21): here
 * "another instance" is a write straight into the database, which fires no event on this one.
 */
@QuarkusTest
class KioskStateChangesTest extends ApiTest {

    @Inject
    KioskStates states;

    @Inject
    KioskHeartbeats heartbeats;

    @Inject
    AgroalDataSource dataSource;

    private String admin;
    private KioskSimulator kiosk;

    @BeforeEach
    void registerKiosk() {
        admin = Staff.token(Staff.ADMIN);
        kiosk = KioskSimulator.registerIn(admin, "状态镇" + System.nanoTime() % 1_000_000, "状态村");
        // past the registration's own change, so that only the changes made below can bring the kiosk back
        states.followChanges();
        states.followChanges();
    }

    @Test
    void aDisableByAnotherInstanceRefusesTheKioskTokensWithinTheInterval() throws Exception {
        String token = kiosk.deviceToken();
        beat(token).statusCode(204); // this instance now holds the kiosk's state
        sql("UPDATE kiosk SET enabled = false, tokens_not_before = now(), updated_at = now() WHERE id = ?");
        // the scheduled read (every 5 s) takes it up; no request in between reads the kiosk
        long deadline = System.currentTimeMillis() + 15_000;
        int status;
        while ((status = beat(token).extract().statusCode()) == 204 && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertThat(status).as("the disabled kiosk's token refused within the interval").isEqualTo(401);
        assertProblem(beat(token), 401, "unauthorized");
    }

    @Test
    void moveAndReassignmentByAnotherInstanceAreFollowedAndAHeartbeatIsNoChange() throws Exception {
        assertThat(states.placement(kiosk.id())).get().extracting(KioskStates.Placement::village).isEqualTo("状态村");
        sql("UPDATE kiosk SET village = '新村', updated_at = now() WHERE id = ?");
        states.followChanges();
        assertThat(states.placement(kiosk.id())).get().extracting(KioskStates.Placement::village).isEqualTo("新村");

        sql("INSERT INTO kiosk_specialist (kiosk_id, username) VALUES (?, '" + Staff.SPECIALIST + "')");
        states.followChanges();
        assertThat(states.placement(kiosk.id()).orElseThrow().specialists()).containsExactly(Staff.SPECIALIST);
        sql("DELETE FROM kiosk_specialist WHERE kiosk_id = ?");
        states.followChanges();
        assertThat(states.placement(kiosk.id()).orElseThrow().specialists()).isEmpty();

        // a heartbeat batch's write is not a change of the state: the row is not read again for it
        long changedBy = changedBy();
        heartbeats.beat(kiosk.id(), "9.9.9", "{\"printer\":\"ok\"}");
        heartbeats.flush();
        assertThat(changedBy()).isEqualTo(changedBy);
    }

    @Test
    void aKioskIsNeverDeletedSoThatNoInstanceMissesItsEnd() throws Exception {
        assertThatThrownBy(() -> sql("DELETE FROM kiosk WHERE id = ?")).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23001"));
        assertThat(states.placement(kiosk.id())).isPresent();
    }

    private long changedBy() throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT state_changed_by::text::bigint FROM kiosk WHERE id = ?")) {
            s.setString(1, kiosk.id());
            try (var r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private void sql(String statement) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
            s.setString(1, kiosk.id());
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    private ValidatableResponse beat(String token) {
        return given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("appVersion", "1.0.0", "peripherals", Map.of("printer", "ok")))
                .post("/api/v1/kiosks/{id}/heartbeat", kiosk.id()).then();
    }
}
