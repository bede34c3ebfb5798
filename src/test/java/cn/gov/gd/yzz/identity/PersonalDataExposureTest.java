package cn.gov.gd.yzz.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.IdNumberFixtures;
import cn.gov.gd.yzz.support.KioskSimulator;
import cn.gov.gd.yzz.support.MiniappTicketFixtures;
import cn.gov.gd.yzz.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Full ID numbers appear in no answer, no log line and no database column. */
@QuarkusTest
class PersonalDataExposureTest extends ApiTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void idNumbersNeverLeaveInClear() throws Exception {
        List<String> numbers = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        KioskSimulator kiosk = KioskSimulator.register(Staff.token(Staff.ADMIN));
        String device = kiosk.deviceToken();

        String atKiosk = IdNumberFixtures.next();
        String invalid = IdNumberFixtures.withWrongCheck(IdNumberFixtures.next());
        String lowFace = IdNumberFixtures.next();
        String mobile = IdNumberFixtures.next();
        numbers.addAll(List.of(atKiosk, invalid, lowFace, mobile));

        for (String[] attempt : new String[][] {{atKiosk, "0.95"}, {invalid, "0.95"}, {lowFace, "0.10"}}) {
            answers.add(given().auth().oauth2(device).contentType("application/json")
                    .body(Map.of("attestation", kiosk.attestation(attempt[0], "林某", Double.parseDouble(attempt[1]),
                            null)))
                    .post("/api/v1/kiosks/{id}/citizen-sessions", kiosk.id()).then().extract().asString());
        }
        answers.add(given().contentType("application/json")
                .body(Map.of("ticket", MiniappTicketFixtures.ticket(mobile, "林某")))
                .post("/api/v1/auth/miniapp").then().statusCode(200).extract().asString());
        answers.add(given().contentType("application/json")
                .body(Map.of("ticket", MiniappTicketFixtures.ticket(invalid, "林某")))
                .post("/api/v1/auth/miniapp").then().statusCode(400).extract().asString());

        for (String answer : answers) {
            for (String number : numbers) {
                assertThat(answer).doesNotContain(number).doesNotContain(number.substring(0, 17));
            }
        }

        Path log = Path.of("target", "quarkus-test.log");
        assertThat(log).exists();
        String logged = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(logged).contains("citizen session refused at kiosk " + kiosk.id() + ": invalid-id-number")
                .contains("refused mini-app ticket: invalid-id-number");
        for (String number : numbers) {
            assertThat(logged).doesNotContain(number.substring(0, 17));
        }

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT citizen::text FROM citizen")) {
            while (rows.next()) {
                for (String number : numbers) {
                    assertThat(rows.getString(1)).doesNotContain(number.substring(0, 17));
                }
            }
        }
    }
}
