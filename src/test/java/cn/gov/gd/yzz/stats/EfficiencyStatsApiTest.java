package cn.gov.gd.yzz.stats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.Applications;
import cn.gov.gd.yzz.support.Citizens;
import cn.gov.gd.yzz.support.Staff;
import cn.gov.gd.yzz.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Efficiency figures (效能) per department against cases this test creates and moves through the API. The cases are
 * received on days no other test uses (the service's clock is set to them), so the period's figures are exactly theirs.
 * HRSS-008 promises completion the same day: its due date is the day it is received.
 */
@QuarkusTest
class EfficiencyStatsApiTest extends ApiTest {

    /** A Monday and the days after it, before the suite's real today. */
    private static final LocalDate MONDAY = LocalDate.of(2026, 10, 12);
    private static final LocalDate TUESDAY = MONDAY.plusDays(1);
    private static final LocalDate FRIDAY = MONDAY.plusDays(4);

    @Inject
    TestClock clock;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    private static void move(String token, String id, String action) {
        given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("action", action, "comment", "效能测试"))
                .post("/api/v1/submissions/{id}/transitions", id).then().statusCode(200);
    }

    @Test
    void completionAndOnTimeRatesPerDepartmentEqualTheCasesCreated() {
        String reviewer = Staff.token(Staff.REVIEWER_HRSS);
        String owner = Citizens.newMobileCitizen();

        clock.set(MONDAY);
        String approvedOnTime = Applications.pensionCheck(owner);
        move(reviewer, approvedOnTime, "accept");
        move(reviewer, approvedOnTime, "approve");
        String rejectedOnTime = Applications.pensionCheck(owner);
        move(reviewer, rejectedOnTime, "reject");
        String withdrawn = Applications.pensionCheck(owner);
        given().auth().oauth2(owner).contentType("application/json").body(Map.of("reason", "已在大厅办理"))
                .post("/api/v1/submissions/{id}/withdrawal", withdrawn).then().statusCode(200);
        String waiting = Applications.pensionCheck(owner);
        given().auth().oauth2(reviewer).contentType("application/json")
                .body(Map.of("action", "request-supplement", "comment", "请补充户口簿首页", "materials", List.of("户口簿首页")))
                .post("/api/v1/submissions/{id}/transitions", waiting).then().statusCode(200);
        String approvedLate = Applications.pensionCheck(owner);

        clock.set(TUESDAY);
        move(reviewer, approvedLate, "accept");
        move(reviewer, approvedLate, "approve");
        Applications.pensionCheck(owner); // left open: past its due date from Wednesday on

        clock.set(FRIDAY);
        // received 6; completed 3 (2 on time, 1 late); overdue: the late one and the one left open; the case waiting
        // for its supplement is paused, not overdue
        List<Long> expected = List.of(6L, 3L, 2L, 2L, 1L, 1L);
        JsonPath own = summary(reviewer);
        assertThat(own.getList("efficiency")).hasSize(1);
        assertFigures(own, "efficiency[0]", "HRSS", expected);
        assertThat(own.getDouble("efficiency[0].completionRate")).isEqualTo(0.5);
        assertThat(own.getDouble("efficiency[0].onTimeRate")).isCloseTo(2.0 / 3, within(1e-6));

        JsonPath all = summary(Staff.token(Staff.ADMIN));
        List<String> departments = all.getList("efficiency.department");
        assertThat(departments).contains("HRSS", "MEDICAL_INSURANCE").doesNotHaveDuplicates();
        assertFigures(all, "efficiency[" + departments.indexOf("HRSS") + "]", "HRSS", expected);
        String medical = "efficiency[" + departments.indexOf("MEDICAL_INSURANCE") + "]";
        assertThat(all.getLong(medical + ".received")).isZero();
        assertThat(all.<Object>get(medical + ".completionRate")).isNull();

        String csv = new String(given().auth().oauth2(reviewer).queryParam("from", MONDAY.toString())
                .queryParam("to", FRIDAY.toString()).get("/api/v1/stats/summary.csv").then().statusCode(200)
                .extract().asByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).contains("\r\n部门代码,部门,收件数,办结数,按时办结数,超期数,撤回数,待补正数,待送达数,办结率,按时办结率\r\n")
                .contains("\r\nHRSS," + own.getString("efficiency[0].label") + ",6,3,2,2,1,1,0,0.5000,0.6667\r\n");
    }

    private static JsonPath summary(String token) {
        return given().auth().oauth2(token).queryParam("from", MONDAY.toString()).queryParam("to", FRIDAY.toString())
                .get("/api/v1/stats/summary").then().statusCode(200).extract().jsonPath();
    }

    private static void assertFigures(JsonPath summary, String path, String department, List<Long> expected) {
        assertThat(summary.getString(path + ".department")).isEqualTo(department);
        assertThat(List.of(summary.getLong(path + ".received"), summary.getLong(path + ".completed"),
                summary.getLong(path + ".onTime"), summary.getLong(path + ".overdue"),
                summary.getLong(path + ".withdrawn"), summary.getLong(path + ".awaitingSupplement")))
                .as("received, completed, onTime, overdue, withdrawn, awaitingSupplement of %s", department)
                .isEqualTo(expected);
    }
}
