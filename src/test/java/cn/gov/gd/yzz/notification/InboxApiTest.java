package cn.gov.gd.yzz.notification;

import static cn.gov.gd.yzz.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.gd.yzz.calendar.WorkingCalendar;
import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.Applications;
import cn.gov.gd.yzz.support.Citizens;
import cn.gov.gd.yzz.support.Staff;
import cn.gov.gd.yzz.support.TestClock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The outbox and the in-app inbox, through the API: what a resident and a reviewer are told, once each, in order. */
@QuarkusTest
class InboxApiTest extends ApiTest {

    @Inject
    Dispatcher dispatcher;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DeadlineWarnings warnings;

    @Inject
    TestClock clock;

    @Inject
    WorkingCalendar calendar;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    static ValidatableResponse transition(String token, String id, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .post("/api/v1/submissions/{id}/transitions", id).then();
    }

    static JsonPath inbox(String token, String query) {
        return given().auth().oauth2(token).get("/api/v1/me/messages" + query).then().statusCode(200).extract()
                .jsonPath();
    }

    /** Two dispatcher passes at once, as two instances would run them. */
    void twoPassesAtOnce() throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> pass = () -> {
                start.await();
                return dispatcher.dispatchPass();
            };
            List<Future<Integer>> passes = pool.invokeAll(List.of(pass, pass));
            for (Future<Integer> f : passes) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void acceptThenApproveTellsTheResidentOnceEachInOrderEvenWithTwoDispatchersAtOnce() throws Exception {
        String owner = Citizens.newMobileCitizen();
        String reviewer = Staff.token(Staff.REVIEWER_HRSS);
        String id = Applications.pensionCheck(owner);
        transition(reviewer, id, Map.of("action", "accept")).statusCode(200);
        transition(reviewer, id, Map.of("action", "approve", "comment", "准予")).statusCode(200);
        assertThat(inbox(owner, "").getInt("total")).isZero();

        twoPassesAtOnce();
        twoPassesAtOnce();

        JsonPath messages = inbox(owner, "");
        assertThat(messages.getList("items.kind")).containsExactly("decided", "accepted", "submission_received");
        assertThat(messages.getList("items.submissionId")).containsOnly(id);
        String tracking = messages.getString("items[0].trackingNumber");
        assertThat(messages.getList("items.body", String.class)).allSatisfy(body -> assertThat(body)
                .contains(tracking).contains("养老保险待遇资格认证").contains("下一步"));
        assertThat(messages.getString("items[0].body")).contains("准予办理");
        // delivered in the order the changes happened: a later notice never overtakes an earlier one
        List<OffsetDateTime> delivered = messages.getList("items.deliveredAt", String.class).stream()
                .map(OffsetDateTime::parse).toList();
        assertThat(delivered.get(0)).isAfterOrEqualTo(delivered.get(1));
        assertThat(delivered.get(1)).isAfterOrEqualTo(delivered.get(2));
        assertThat(deliveries(id, "inbox")).isEqualTo(3);

        // English on request; unread filter and mark read
        given().auth().oauth2(owner).header("Accept-Language", "en").get("/api/v1/me/messages").then()
                .statusCode(200).body("items[1].title", equalTo("Application accepted"));
        String first = messages.getString("items[2].id");
        given().auth().oauth2(owner).post("/api/v1/me/messages/{id}/read", first).then().statusCode(200)
                .body("read", equalTo(true));
        assertThat(inbox(owner, "?unread=true").getList("items.id")).hasSize(2).doesNotContain(first);
        assertProblem(given().auth().oauth2(Citizens.newMobileCitizen())
                .post("/api/v1/me/messages/{id}/read", first).then(), 404, "not-found");
        assertProblem(given().auth().oauth2(owner).get("/api/v1/me/messages?unread=maybe").then(), 400,
                "invalid-parameter");
    }

    @Test
    void aSupplementHandedInTellsTheDepartmentsReviewers() {
        String owner = Citizens.newMobileCitizen();
        String reviewer = Staff.token(Staff.REVIEWER_HRSS);
        String id = Applications.pensionCheck(owner);
        transition(reviewer, id, Map.of("action", "request-supplement", "comment", "请补充户口簿",
                "materials", List.of("户口簿首页"))).statusCode(200);
        given().auth().oauth2(owner).contentType("application/json").body(Map.of())
                .post("/api/v1/submissions/{id}/supplement", id).then().statusCode(200);
        dispatcher.dispatchPass();

        JsonPath mine = inbox(owner, "");
        assertThat(mine.getString("items[0].kind")).isEqualTo("supplement_requested");
        assertThat(mine.getString("items[0].body")).contains("户口簿首页").contains("前");
        String tracking = mine.getString("items[0].trackingNumber");
        JsonPath department = inbox(reviewer, "?size=100");
        assertThat(department.getList("items.trackingNumber")).contains(tracking);
        // another department's reviewers hear nothing of it
        assertThat(inbox(Staff.token(Staff.REVIEWER_MEDICAL), "?size=100").getList("items.trackingNumber"))
                .doesNotContain(tracking);
    }

    @Test
    void aTransitionRolledBackLeavesNoNotification() throws Exception {
        String owner = Citizens.newMobileCitizen();
        String reviewer = Staff.token(Staff.REVIEWER_HRSS);
        String id = Applications.pensionCheck(owner);
        assertProblem(transition(reviewer, id, Map.of("action", "accept", "comment",
                RollbackProbe.FAIL_AFTER_NOTIFYING)), 409, "concurrent-change");
        assertThat(notifications(id, "accepted")).isZero();
        dispatcher.dispatchPass();
        assertThat(inbox(owner, "").getList("items.kind")).containsExactly("submission_received");

        transition(reviewer, id, Map.of("action", "accept")).statusCode(200);
        assertThat(notifications(id, "accepted")).isEqualTo(1);
    }

    @Test
    void aPoorRatingTellsTheReviewersAndTheirAnswerTellsTheResident() {
        String owner = Citizens.newMobileCitizen();
        String reviewer = Staff.token(Staff.REVIEWER_HRSS);
        String id = Applications.pensionCheck(owner);
        transition(reviewer, id, Map.of("action", "accept")).statusCode(200);
        transition(reviewer, id, Map.of("action", "approve", "comment", "准予")).statusCode(200);
        given().auth().oauth2(owner).contentType("application/json")
                .body(Map.of("score", 1, "comment", "等太久了，电话13800138000"))
                .post("/api/v1/submissions/{id}/rating", id).then().statusCode(201);
        dispatcher.dispatchPass();
        JsonPath department = inbox(reviewer, "?size=100");
        String tracking = inbox(owner, "").getString("items[0].trackingNumber");
        int index = department.getList("items.trackingNumber").indexOf(tracking);
        assertThat(index).isNotNegative();
        assertThat(department.getString("items[" + index + "].kind")).isEqualTo("follow_up_opened");
        // the comment is not in the message: no phone number reaches the reviewers through it
        assertThat(department.getString("items[" + index + "].body")).contains(tracking)
                .doesNotContain("13800138000").doesNotContain("等太久");

        String followUp = given().auth().oauth2(reviewer).queryParam("size", 100).get("/api/v1/ratings/follow-ups")
                .then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.trackingNumber == '" + tracking + "' }.id");
        given().auth().oauth2(reviewer).contentType("application/json")
                .body(Map.of("type", "reply", "text", "已电话回访"))
                .post("/api/v1/ratings/follow-ups/{id}/answer", followUp).then().statusCode(200);
        dispatcher.dispatchPass();
        JsonPath mine = inbox(owner, "");
        assertThat(mine.getString("items[0].kind")).isEqualTo("follow_up_answered");
        assertThat(mine.getString("items[0].body")).contains(tracking).contains("回复");
    }

    @Test
    void aResidentIsRemindedOnceOfASupplementDeadlineHoweverManyJobsRun() throws Exception {
        String owner = Citizens.newMobileCitizen();
        String reviewer = Staff.token(Staff.REVIEWER_HRSS);
        LocalDate requested = LocalDate.of(2026, 12, 10);
        clock.set(requested);
        String id = Applications.pensionCheck(owner);
        transition(reviewer, id, Map.of("action", "request-supplement", "comment", "请补充户口簿",
                "materials", List.of("户口簿首页"))).statusCode(200);
        LocalDate deadline = calendar.addWorkingDays(requested, 20);
        clock.set(deadline.minusDays(4));
        warnings.warnDue();
        assertThat(notifications(id, "supplement_deadline_approaching")).isZero();

        clock.set(deadline.minusDays(2));
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> job = () -> {
                start.await();
                return warnings.warnDue();
            };
            for (Future<Integer> f : pool.invokeAll(List.of(job, job))) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        warnings.warnDue();
        assertThat(notifications(id, "supplement_deadline_approaching")).isEqualTo(1);
        dispatcher.dispatchPass();
        JsonPath messages = inbox(owner, "");
        assertThat(messages.getString("items[0].kind")).isEqualTo("supplement_deadline_approaching");
        assertThat(messages.getString("items[0].body")).contains(deadline.toString());
    }

    long notifications(String submissionId, String kind) throws Exception {
        return count("SELECT count(*) FROM notification WHERE submission_id = ? AND kind = ?", submissionId, kind);
    }

    long deliveries(String submissionId, String channel) throws Exception {
        return count("""
                SELECT count(*) FROM notification_delivery d JOIN notification n ON n.id = d.notification_id
                WHERE n.submission_id = ? AND d.channel = ? AND d.status = 'delivered'
                """, submissionId, channel);
    }

    long count(String sql, String submissionId, String text) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, UUID.fromString(submissionId));
            s.setString(2, text);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
