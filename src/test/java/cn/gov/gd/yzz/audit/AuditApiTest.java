package cn.gov.gd.yzz.audit;

import static cn.gov.gd.yzz.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.KioskSimulator;
import cn.gov.gd.yzz.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditApiTest extends ApiTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void adminChangesAreAuditedAndReadable() {
        String admin = Staff.token(Staff.ADMIN);
        KioskSimulator kiosk = KioskSimulator.register(admin);
        List<Map<String, Object>> entries = given().auth().oauth2(admin).queryParam("subjectType", "kiosk")
                .queryParam("size", 100).get("/api/v1/admin/audit").then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertThat(entries).anySatisfy(e -> {
            assertThat(e).containsEntry("action", "kiosk.create").containsEntry("subjectId", kiosk.id())
                    .containsEntry("actor", "admin").containsEntry("actorRole", "admin");
            assertThat((String) e.get("clientAddress")).isNotBlank();
        });
        assertProblem(given().auth().oauth2(admin).queryParam("from", "2026-12-01").queryParam("to", "2026-01-01")
                .get("/api/v1/admin/audit").then(), 400, "invalid-parameter");
        assertProblem(given().auth().oauth2(Staff.token(Staff.REVIEWER_HRSS)).get("/api/v1/admin/audit").then(), 403,
                "forbidden");
        assertProblem(given().get("/api/v1/admin/audit").then(), 401, "unauthorized");
    }

    @Test
    void fromAndToTakeRfc3339DateTimesAndDates() {
        String admin = Staff.token(Staff.ADMIN);
        KioskSimulator kiosk = KioskSimulator.register(admin);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        // the instants around the kiosk's creation, in UTC and in China's offset, find it
        for (String[] range : new String[][] {
                {now.minusMinutes(5).toString(), now.plusMinutes(5).toString()},
                {now.minusMinutes(5).atZoneSameInstant(ZoneOffset.ofHours(8)).toOffsetDateTime().toString(),
                        now.plusMinutes(5).withOffsetSameInstant(ZoneOffset.ofHours(8)).toString()},
                {today, today}}) {
            given().auth().oauth2(admin).queryParam("subjectType", "kiosk").queryParam("from", range[0])
                    .queryParam("to", range[1]).queryParam("size", 100).get("/api/v1/admin/audit").then()
                    .statusCode(200).body("items.subjectId", hasItem(kiosk.id()));
        }
        // an hour that ended before it does not
        given().auth().oauth2(admin).queryParam("subjectType", "kiosk")
                .queryParam("from", now.minusHours(2).toString()).queryParam("to", now.minusHours(1).toString())
                .queryParam("size", 100).get("/api/v1/admin/audit").then().statusCode(200)
                .body("items.subjectId", not(hasItem(kiosk.id())));
        assertProblem(given().auth().oauth2(admin).queryParam("from", "2026-11-25T25:00:00Z")
                .get("/api/v1/admin/audit").then(), 400, "invalid-parameter");
        assertProblem(given().auth().oauth2(admin).queryParam("to", "1999-12-31T23:00:00Z")
                .get("/api/v1/admin/audit").then(), 400, "invalid-parameter");
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAuditEntries() throws SQLException {
        KioskSimulator.register(Staff.token(Staff.ADMIN));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_entry SET actor = 'someone-else'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_entry"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("TRUNCATE audit_entry"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
    }
}
