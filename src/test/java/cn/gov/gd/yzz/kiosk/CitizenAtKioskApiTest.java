package cn.gov.gd.yzz.kiosk;

import static cn.gov.gd.yzz.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.IdNumberFixtures;
import cn.gov.gd.yzz.support.KioskSimulator;
import cn.gov.gd.yzz.support.Staff;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CitizenAtKioskApiTest extends ApiTest {

    private KioskSimulator kiosk;
    private String deviceToken;

    @BeforeEach
    void kiosk() {
        kiosk = KioskSimulator.register(Staff.token(Staff.ADMIN), Staff.SPECIALIST);
        deviceToken = kiosk.deviceToken();
    }

    private ValidatableResponse open(String attestation) {
        return given().auth().oauth2(deviceToken).contentType("application/json")
                .body(Map.of("attestation", attestation))
                .post("/api/v1/kiosks/{id}/citizen-sessions", kiosk.id()).then();
    }

    @Test
    void aValidAttestationYieldsACitizenTokenBoundToTheKiosk() {
        String idNumber = IdNumberFixtures.next();
        ValidatableResponse answer = open(kiosk.attestation(idNumber, "王秀英", 0.93, null)).statusCode(201)
                .body("kiosk", equalTo(kiosk.id()))
                .body("specialist", nullValue())
                .body("citizen.name", equalTo("王秀英"))
                .body("citizen.maskedIdNumber", equalTo(idNumber.substring(0, 4) + "**********"
                        + idNumber.substring(14)));
        assertThat(answer.extract().asString()).doesNotContain(idNumber);
        Map<String, Object> claims = cn.gov.gd.yzz.support.Jwts.claimsOf(answer.extract().path("accessToken"));
        assertThat(claims).containsEntry("kiosk", kiosk.id()).containsEntry("auth_method", "kiosk-idcard-face");
        assertThat(claims.toString()).doesNotContain(idNumber);
    }

    @Test
    void recordsTheAssistingSpecialistAssignedToTheKiosk() {
        String token = open(kiosk.attestation(IdNumberFixtures.next(), "李四", 0.9, Staff.SPECIALIST)).statusCode(201)
                .body("specialist", equalTo(Staff.SPECIALIST)).extract().path("accessToken");
        assertThat(cn.gov.gd.yzz.support.Jwts.claimsOf(token)).containsEntry("specialist", Staff.SPECIALIST);
        assertProblem(open(kiosk.attestation(IdNumberFixtures.next(), "李四", 0.9, "specialist.pengzhai")), 400,
                "unknown-specialist");
    }

    @Test
    void refusesInvalidIdNumbersWeakFacesAndForeignSignatures() {
        assertProblem(open(kiosk.attestation(IdNumberFixtures.withWrongCheck(IdNumberFixtures.next()), "张三", 0.95,
                null)), 400, "invalid-id-number");
        String future = IdNumberFixtures.withCheck("441624" + LocalDate.now().plusYears(1).toString()
                .replace("-", "") + "123");
        assertProblem(open(kiosk.attestation(future, "张三", 0.95, null)), 400, "invalid-id-number");
        assertProblem(open(kiosk.attestation(IdNumberFixtures.next(), "张三", 0.42, null)), 400, "face-mismatch");

        KioskSimulator other = KioskSimulator.register(Staff.token(Staff.ADMIN));
        assertProblem(open(other.attestation(IdNumberFixtures.next(), "张三", 0.95, null)), 401, "unauthorized");

        String attestation = kiosk.attestation(IdNumberFixtures.next(), "张三", 0.95, null);
        open(attestation).statusCode(201);
        assertProblem(open(attestation), 401, "unauthorized");
    }

    @Test
    void aKioskOpensSessionsOnlyForItself() {
        KioskSimulator other = KioskSimulator.register(Staff.token(Staff.ADMIN));
        assertProblem(given().auth().oauth2(deviceToken).contentType("application/json")
                .body(Map.of("attestation", other.attestation(IdNumberFixtures.next(), "张三", 0.95, null)))
                .post("/api/v1/kiosks/{id}/citizen-sessions", other.id()).then(), 403, "forbidden");
        String citizen = kiosk.citizenToken(IdNumberFixtures.next(), "赵六");
        assertProblem(given().auth().oauth2(citizen).contentType("application/json")
                .body(Map.of("attestation", kiosk.attestation(IdNumberFixtures.next(), "张三", 0.95, null)))
                .post("/api/v1/kiosks/{id}/citizen-sessions", kiosk.id()).then(), 403, "forbidden");
    }
}
