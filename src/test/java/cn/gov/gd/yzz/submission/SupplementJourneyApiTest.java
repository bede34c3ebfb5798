package cn.gov.gd.yzz.submission;

import static cn.gov.gd.yzz.support.FormFixtures.PENSION_CHECK;
import static cn.gov.gd.yzz.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;

import cn.gov.gd.yzz.calendar.WorkingCalendar;
import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.Applications;
import cn.gov.gd.yzz.support.Citizens;
import cn.gov.gd.yzz.support.Staff;
import cn.gov.gd.yzz.support.TestClock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Supplements (补正) with the paused time limit, their expiry, and withdrawal (撤回), through the API. */
@QuarkusTest
class SupplementJourneyApiTest extends ApiTest {

    static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    /** A Thursday and the Tuesday after: Friday, Monday and Tuesday are the working days between. */
    static final LocalDate REQUESTED = LocalDate.of(2026, 12, 10);
    static final LocalDate ANSWERED = LocalDate.of(2026, 12, 15);

    @Inject
    TestClock clock;

    @Inject
    WorkingCalendar calendar;

    @Inject
    SupplementExpiry expiry;

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    static ValidatableResponse transition(String token, String id, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .post("/api/v1/submissions/{id}/transitions", id).then();
    }

    static ValidatableResponse supplement(String token, String id, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .post("/api/v1/submissions/{id}/supplement", id).then();
    }

    static ValidatableResponse withdraw(String token, String id, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .post("/api/v1/submissions/{id}/withdrawal", id).then();
    }

    static Map<String, Object> supplementRequest(String comment) {
        return Map.of("action", "request-supplement", "comment", comment, "materials", List.of("户口簿首页"),
                "formFields", List.of("phone"));
    }

    @Test
    void aSupplementPausesTheTimeLimitByExactlyTheWorkingDaysWaited() {
        String owner = Citizens.newMobileCitizen();
        String reviewer = Staff.token(Staff.REVIEWER_HRSS);
        clock.set(REQUESTED.minusDays(1));
        String id = Applications.pensionCheck(owner);
        transition(reviewer, id, Map.of("action", "accept")).statusCode(200);
        clock.set(REQUESTED);
        LocalDate due = LocalDate.parse(transition(reviewer, id, supplementRequest("请补充户口簿首页并更正联系电话"))
                .statusCode(200).body("status", equalTo("supplement_requested"))
                .body("supplements[0].materials", contains("户口簿首页"))
                .body("supplements[0].formFields", contains("phone"))
                .body("supplements[0].deadline", equalTo(calendar.addWorkingDays(REQUESTED, 20).toString()))
                .body("supplements[0].outcome", nullValue())
                .extract().<String>path("dueDate"));

        clock.set(ANSWERED);
        // only the applicant, and only with a form that still fits the schema; nothing changes otherwise
        assertProblem(supplement(Citizens.newMobileCitizen(), id, Map.of()), 404, "not-found");
        assertProblem(supplement(owner, id, Map.of("formData", Map.of("phone", "12345"))), 400,
                "validation-failed");
        assertProblem(supplement(reviewer, id, Map.of()), 403, "forbidden");
        given().auth().oauth2(owner).multiPart("file", "户口簿首页.pdf", PDF, "application/pdf")
                .post("/api/v1/submissions/{id}/documents", id).then().statusCode(201);
        supplement(owner, id, Map.of("formData", Map.of("phone", "13900139000"), "comment", "已补充户口簿首页"))
                .statusCode(200)
                .body("status", equalTo("supplement_submitted"))
                .body("dueDate", equalTo(calendar.addWorkingDays(due, 3).toString()))
                .body("supplements[0].outcome", equalTo("supplemented"))
                .body("supplements[0].waitedWorkingDays", equalTo(3))
                .body("supplements[0].amendedFields", contains("phone"))
                .body("documents.size()", equalTo(1));
        assertThat(formPhone(id)).isEqualTo("13900139000");
        assertProblem(supplement(owner, id, Map.of()), 409, "illegal-transition");

        transition(reviewer, id, Map.of("action", "accept")).statusCode(200);
        transition(reviewer, id, Map.of("action", "approve", "comment", "准予")).statusCode(200)
                .body("dueDate", equalTo(calendar.addWorkingDays(due, 3).toString()));
        given().auth().oauth2(owner).get("/api/v1/submissions/{id}", id).then().statusCode(200)
                .body("status", equalTo("approved"))
                .body("timeline.status", contains("submitted", "accepted", "supplement_requested",
                        "supplement_submitted", "accepted", "approved"))
                .body("timeline[3].actorRole", equalTo("citizen"));
    }

    @Test
    void aSupplementNotGivenByItsDeadlineIsWithdrawnOnceHoweverManyJobsRun() throws Exception {
        String owner = Citizens.newMobileCitizen();
        String reviewer = Staff.token(Staff.REVIEWER_HRSS);
        String id = Applications.pensionCheck(owner);
        clock.set(REQUESTED);
        transition(reviewer, id, supplementRequest("请补充材料")).statusCode(200);
        LocalDate deadline = calendar.addWorkingDays(REQUESTED, 20);
        clock.set(deadline);
        expiry.expireDue();
        // its last day is still the resident's
        given().auth().oauth2(owner).get("/api/v1/submissions/{id}", id).then()
                .body("status", equalTo("supplement_requested"));
        clock.set(deadline.plusDays(1));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Callable<Integer>> runs = List.of(expiry::expireDue, expiry::expireDue);
        int closed = 0;
        for (Future<Integer> run : pool.invokeAll(runs)) {
            closed += run.get();
        }
        pool.shutdown();
        assertThat(closed).isGreaterThanOrEqualTo(1);
        given().auth().oauth2(owner).get("/api/v1/submissions/{id}", id).then().statusCode(200)
                .body("status", equalTo("withdrawn"))
                .body("timeline.status", contains("submitted", "supplement_requested", "withdrawn"))
                .body("timeline[2].actorRole", equalTo("system"))
                .body("supplements[0].outcome", equalTo("expired"));
        assertProblem(supplement(owner, id, Map.of()), 409, "illegal-transition");
        assertProblem(transition(reviewer, id, Map.of("action", "accept")), 409, "illegal-transition");
    }

    @Test
    void theApplicantWithdrawsBeforeTheDecisionAndOnlyThen() {
        String owner = Citizens.newMobileCitizen();
        String reviewer = Staff.token(Staff.REVIEWER_HRSS);
        String id = Applications.pensionCheck(owner);
        assertProblem(withdraw(Citizens.newMobileCitizen(), id, Map.of()), 404, "not-found");
        assertProblem(withdraw(reviewer, id, Map.of()), 403, "forbidden");
        withdraw(owner, id, Map.of("reason", "已在县政务大厅办理")).statusCode(200)
                .body("status", equalTo("withdrawn"))
                .body("timeline.status", contains("submitted", "withdrawn"))
                .body("timeline[1].comment", equalTo("已在县政务大厅办理"));
        assertProblem(withdraw(owner, id, Map.of()), 409, "illegal-transition");
        assertProblem(transition(reviewer, id, Map.of("action", "accept")), 409, "illegal-transition");

        String decided = Applications.pensionCheck(owner);
        transition(reviewer, decided, Map.of("action", "reject", "comment", "不符合条件")).statusCode(200);
        assertProblem(withdraw(owner, decided, Map.of()), 409, "illegal-transition");

        // counted apart in the statistics, in the API and in the CSV
        given().auth().oauth2(reviewer).get("/api/v1/stats/summary").then().statusCode(200)
                .body("submissionsByStatus.withdrawn", greaterThanOrEqualTo(1));
        String csv = new String(given().auth().oauth2(reviewer).get("/api/v1/stats/summary.csv").then()
                .statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).contains("申请：已撤回");
    }

    @Test
    void aDecisionAndAWithdrawalAtOnceDoNotBothWin() throws Exception {
        // either order makes the second move illegal, so two 200s can only mean both won
        String owner = Citizens.newMobileCitizen();
        String reviewer = Staff.token(Staff.REVIEWER_HRSS);
        String id = Applications.pensionCheck(owner);
        transition(reviewer, id, supplementRequest("请补充材料")).statusCode(200);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Callable<Integer>> calls = new ArrayList<>();
        calls.add(() -> transition(reviewer, id, Map.of("action", "reject", "comment", "材料不全")).extract()
                .statusCode());
        calls.add(() -> withdraw(owner, id, Map.of()).extract().statusCode());
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(calls)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnlyOnce(200).contains(409);
        given().auth().oauth2(owner).get("/api/v1/submissions/{id}", id).then().body("timeline.size()", equalTo(3));
    }

    private String formPhone(String id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT form_data->>'phone' FROM submission WHERE id = ?")) {
            q.setObject(1, java.util.UUID.fromString(id));
            try (ResultSet rows = q.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
