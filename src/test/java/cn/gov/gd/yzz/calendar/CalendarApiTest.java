package cn.gov.gd.yzz.calendar;

import static cn.gov.gd.yzz.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.Citizens;
import cn.gov.gd.yzz.support.Staff;
import cn.gov.gd.yzz.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The working-day calendar through the API: the shipped years as published arrangements, 2027 unpublished (its
 * deadlines provisional, the health group and the gauge warning) until an admin publishes it, which moves open
 * cases' due dates in the same transaction. The service's clock is set, so the answers do not depend on the day
 * the suite runs. The only test that publishes 2027.
 */
@QuarkusTest
class CalendarApiTest extends ApiTest {

    private static final Map<String, Object> MEDICAL_TRANSFER = Map.of("fromRegion", "河源市源城区",
            "insuranceType", "城乡居民基本医疗保险", "transferDirection", "转入和平县", "phone", "13900139000");

    @Inject
    TestClock clock;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void theShippedYearsArePublishedArrangementsUnchanged() {
        for (int year : new int[] {2025, 2026}) {
            JsonPath calendar = given().auth().oauth2(Staff.token(Staff.ADMIN))
                    .get("/api/v1/admin/calendar/{year}", year).then().statusCode(200)
                    .body("published", equalTo(true))
                    .body("publication.version", equalTo(1))
                    .body("publication.publishedBy", equalTo("migration"))
                    .extract().jsonPath();
            assertThat(calendar.getList("holidays", String.class)).containsExactlyElementsOf(
                    ShippedCalendar.holidays(year).stream().map(LocalDate::toString).toList());
            assertThat(calendar.getList("adjustedWorkingDays", String.class)).containsExactlyElementsOf(
                    ShippedCalendar.adjustedWorkingDays(year).stream().map(LocalDate::toString).toList());
        }
    }

    @Test
    void publishing2027MovesOpenDueDatesAndEndsTheWarning() {
        String admin = Staff.token(Staff.ADMIN);
        String reviewer = Staff.token(Staff.REVIEWER_MEDICAL);

        // 30 November 2026: the arrangements reach 31 days ahead, 2027 is not published
        clock.set(LocalDate.of(2026, 11, 30));
        given().get("/q/health/group/calendar").then().statusCode(503)
                .body("checks[0].name", equalTo("working-day-calendar"))
                .body("checks[0].status", equalTo("DOWN"))
                .body("checks[0].data.horizonDays", equalTo(31))
                .body("checks[0].data.publishedThrough", equalTo("2026-12-31"))
                .body("checks[0].data.2026", equalTo("published (version 1)"))
                .body("checks[0].data.2027", equalTo("not published"));
        // a warning, not a reason to take the instance out of the load balancer's rotation
        given().get("/q/health/ready").then().statusCode(200).body("checks.name",
                org.hamcrest.Matchers.not(hasItem("working-day-calendar")));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("yzz_calendar_published_horizon_days 31.0"));

        JsonPath baseline = given().auth().oauth2(admin).get("/api/v1/admin/calendar/2027").then().statusCode(200)
                .body("published", equalTo(false))
                .body("history.size()", equalTo(0))
                .body("holidays", hasItems("2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10"))
                .extract().jsonPath();

        // Friday 29 January 2027, a week before the Spring Festival: 10 working days on the computed baseline
        clock.set(LocalDate.of(2027, 1, 29));
        String citizen = Citizens.newMobileCitizen();
        String open = submit(citizen);
        String decided = submit(citizen);
        given().auth().oauth2(citizen).get("/api/v1/submissions/{id}", open).then().statusCode(200)
                .body("dueDate", equalTo("2027-02-18"))
                .body("dueDateProvisional", equalTo(true));
        given().auth().oauth2(reviewer).contentType("application/json")
                .body(Map.of("action", "reject", "comment", "材料不全，请重新申请"))
                .post("/api/v1/submissions/{id}/transitions", decided).then().statusCode(200);

        // the arrangement: the baseline's days off, and Saturday 13 February worked instead
        List<String> holidays = baseline.getList("holidays", String.class);
        Map<String, Object> arrangement = Map.of("holidays", holidays, "adjustedWorkingDays", List.of("2027-02-13"),
                "source", "国务院办公厅关于2027年部分节假日安排的通知");
        given().auth().oauth2(admin).contentType("application/json").body(arrangement)
                .put("/api/v1/admin/calendar/2027").then().statusCode(201)
                .body("published", equalTo(true))
                .body("publication.version", equalTo(1))
                .body("publication.publishedBy", equalTo(Staff.ADMIN))
                .body("adjustedWorkingDays", equalTo(List.of("2027-02-13")))
                .body("dueDatesChanged", equalTo(1));

        // exactly one day earlier, no longer provisional, and the timeline says why
        given().auth().oauth2(citizen).get("/api/v1/submissions/{id}", open).then().statusCode(200)
                .body("dueDate", equalTo("2027-02-17"))
                .body("dueDateProvisional", equalTo(false))
                .body("timeline.size()", equalTo(2))
                .body("timeline[1].actorRole", equalTo("system"))
                .body("timeline[1].status", equalTo("submitted"))
                .body("timeline[1].comment", containsString("2027-02-18"))
                .body("timeline[1].comment", containsString("2027-02-17"));
        // the decided case keeps the date it was decided against
        given().auth().oauth2(citizen).get("/api/v1/submissions/{id}", decided).then().statusCode(200)
                .body("status", equalTo("rejected"))
                .body("dueDate", equalTo("2027-02-18"))
                .body("timeline.size()", equalTo(2));
        // a new case counts on the published arrangement at once
        given().auth().oauth2(citizen).get("/api/v1/submissions/{id}", submit(citizen)).then()
                .body("dueDate", equalTo("2027-02-17")).body("dueDateProvisional", equalTo(false));

        // the same body again changes nothing
        given().auth().oauth2(admin).contentType("application/json").body(arrangement)
                .put("/api/v1/admin/calendar/2027").then().statusCode(200)
                .body("publication.version", equalTo(1)).body("dueDatesChanged", equalTo(0));
        given().auth().oauth2(admin).queryParam("action", "calendar.publish").get("/api/v1/admin/audit").then()
                .statusCode(200).body("items.subjectId", hasItem("2027/v1"));

        clock.set(LocalDate.of(2026, 11, 30));
        given().get("/q/health/group/calendar").then().statusCode(200)
                .body("checks[0].status", equalTo("UP"))
                .body("checks[0].data.horizonDays", equalTo(396))
                .body("checks[0].data.2027", equalTo("published (version 1)"));
        given().get("/q/metrics").then().body(containsString("yzz_calendar_published_horizon_days 396.0"));
    }

    @Test
    void anArrangementBreakingTheRulesIsRefusedAndChangesNothing() {
        String admin = Staff.token(Staff.ADMIN);
        JsonPath before = given().auth().oauth2(admin).get("/api/v1/admin/calendar/2028").then().statusCode(200)
                .extract().jsonPath();
        List<String> holidays = new ArrayList<>(before.getList("holidays", String.class));
        holidays.remove("2028-01-26");
        holidays.add("2029-01-01");
        ValidatableResponse refused = given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("holidays", holidays, "adjustedWorkingDays", List.of("2028-02-02", "2028-01-26")))
                .put("/api/v1/admin/calendar/2028").then();
        assertProblem(refused, 400, "invalid-arrangement");
        refused.body("errors.pointer", hasItems("/holidays/" + (holidays.size() - 1), "/adjustedWorkingDays/0",
                "/holidays"))
                .body("errors.message", hasItem("must include 2028-01-26, a statutory day off (春节)"))
                .body("errors.message", hasItem(
                        "2028-02-02 is a wednesday: only a Saturday or Sunday can be made a working day (调休)"));
        assertProblem(given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("holidays", List.of("2028-13-01"), "adjustedWorkingDays", List.of()))
                .put("/api/v1/admin/calendar/2028").then(), 400, "malformed-body");
        assertProblem(given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("holidays", List.of()))
                .put("/api/v1/admin/calendar/2028").then(), 400, "validation-failed");
        assertProblem(given().auth().oauth2(admin).get("/api/v1/admin/calendar/2024").then(), 400,
                "invalid-parameter");
        assertProblem(given().auth().oauth2(Staff.token(Staff.REVIEWER_HRSS)).contentType("application/json")
                .body(Map.of("holidays", before.getList("holidays"), "adjustedWorkingDays", List.of()))
                .put("/api/v1/admin/calendar/2028").then(), 403, "forbidden");
        given().auth().oauth2(admin).get("/api/v1/admin/calendar/2028").then().statusCode(200)
                .body("published", equalTo(false)).body("history.size()", equalTo(0));
    }

    private static String submit(String citizen) {
        return given().auth().oauth2(citizen).contentType("application/json")
                .header("Idempotency-Key", "k-" + UUID.randomUUID())
                .body(Map.of("serviceCode", "MEDICAL_INSURANCE-012", "formData", MEDICAL_TRANSFER))
                .post("/api/v1/submissions").then().statusCode(201).extract().path("id");
    }
}
