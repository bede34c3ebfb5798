package cn.gov.gd.yzz.audit;

import static cn.gov.gd.yzz.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.KioskSimulator;
import cn.gov.gd.yzz.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
