package cn.gov.gd.yzz.rating;

import static cn.gov.gd.yzz.support.FormFixtures.EMPLOYMENT_FORMS;
import static cn.gov.gd.yzz.support.FormFixtures.MEDICAL_TRANSFER;
import static cn.gov.gd.yzz.support.FormFixtures.PENSION_CHECK;
import static cn.gov.gd.yzz.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.Citizens;
import cn.gov.gd.yzz.support.IdNumberFixtures;
import cn.gov.gd.yzz.support.KioskSimulator;
import cn.gov.gd.yzz.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RatingApiTest extends ApiTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DefaultRatings defaultRatings;

    @Inject
    RatingStatistics statistics;

    private String hrss;
    private String medical;

    @BeforeEach
    void reviewers() {
        hrss = Staff.token(Staff.REVIEWER_HRSS);
        medical = Staff.token(Staff.REVIEWER_MEDICAL);
    }

    // ---------------------------------------------------------------- helpers

    private static String submit(String citizen, Map<String, Object> body) {
        return given().auth().oauth2(citizen).contentType("application/json")
                .header("Idempotency-Key", "k-" + UUID.randomUUID()).body(body).post("/api/v1/submissions")
                .then().statusCode(201).extract().path("id");
    }

    private static void move(String reviewer, String id, String action, String comment) {
        Map<String, Object> body = new HashMap<>();
        body.put("action", action);
        if (comment != null) {
            body.put("comment", comment);
        }
        given().auth().oauth2(reviewer).contentType("application/json").body(body)
                .post("/api/v1/submissions/{id}/transitions", id).then().statusCode(200);
    }

    /** A pension check of a new resident, accepted and approved by HRSS; answers {citizen token, submission id}. */
    private String[] approvedHrssSubmission() {
        String citizen = Citizens.newMobileCitizen();
        String id = submit(citizen, Map.of("serviceCode", "HRSS-008", "formData", PENSION_CHECK));
        move(hrss, id, "accept", null);
        move(hrss, id, "approve", "已办结");
        return new String[] {citizen, id};
    }

    private static ValidatableResponse rate(String token, String submissionId, Object body) {
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .post("/api/v1/submissions/{id}/rating", submissionId).then();
    }

    private static Map<String, Object> rating(int score, String comment, List<String> tags) {
        Map<String, Object> body = new HashMap<>();
        body.put("score", score);
        if (comment != null) {
            body.put("comment", comment);
        }
        if (tags != null) {
            body.put("tags", tags);
        }
        return body;
    }

    private static ValidatableResponse followUps(String token, Map<String, Object> query) {
        return given().auth().oauth2(token).queryParams(query).queryParam("size", 100)
                .get("/api/v1/ratings/follow-ups").then();
    }

    private static ValidatableResponse answer(String token, String followUpId, Object body) {
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .post("/api/v1/ratings/follow-ups/{id}/answer", followUpId).then();
    }

    private void sql(String statement, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Map<String, Object>> ratingsOf(String submissionId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT score, defaulted, rated_at, day FROM rating WHERE submission_id = ?")) {
            q.setObject(1, UUID.fromString(submissionId));
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    rows.add(Map.of("score", r.getInt(1), "defaulted", r.getBoolean(2),
                            "ratedAt", r.getObject(3, OffsetDateTime.class), "day", r.getObject(4, LocalDate.class)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Integer> statuses(int threads, Callable<Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                calls.add(call);
            }
            List<Integer> answers = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdown();
        }
    }

    // ---------------------------------------------------------------- submission ratings

    @Test
    void theOwnerRatesAFinishedSubmissionOnce() {
        String citizen = Citizens.newMobileCitizen();
        String id = submit(citizen, Map.of("serviceCode", "HRSS-008", "formData", PENSION_CHECK));
        assertProblem(rate(citizen, id, rating(5, null, null)), 409, "not-finished");
        move(hrss, id, "accept", null);
        assertProblem(rate(citizen, id, rating(5, null, null)), 409, "not-finished");
        move(hrss, id, "approve", null);

        assertProblem(rate(Citizens.newMobileCitizen(), id, rating(5, null, null)), 404, "not-found");
        assertProblem(rate(citizen, UUID.randomUUID().toString(), rating(5, null, null)), 404, "not-found");
        assertProblem(rate(citizen, "not-a-uuid", rating(5, null, null)), 404, "not-found");
        assertProblem(given().auth().oauth2(hrss).contentType("application/json").body(rating(5, null, null))
                .post("/api/v1/submissions/{id}/rating", id).then(), 403, "forbidden");

        rate(citizen, id, rating(5, "  办事很快，工作人员很耐心  ", List.of("办事快", "态度好", "办事快"))).statusCode(201)
                .body("score", equalTo(5))
                .body("label", equalTo("非常满意"))
                .body("comment", equalTo("办事很快，工作人员很耐心"))
                .body("tags", contains("办事快", "态度好"))
                .body("defaulted", equalTo(false));
        assertProblem(rate(citizen, id, rating(1, "改主意了", null)), 409, "already-rated");
        assertThat(ratingsOf(id)).singleElement().satisfies(r -> assertThat(r.get("score")).isEqualTo(5));
    }

    @Test
    void badRatingBodiesAnswer400AndStoreNothing() {
        String[] approved = approvedHrssSubmission();
        String citizen = approved[0];
        String id = approved[1];
        assertProblem(rate(citizen, id, rating(0, null, null)), 400, "validation-failed");
        assertProblem(rate(citizen, id, rating(6, null, null)), 400, "validation-failed");
        assertProblem(rate(citizen, id, Map.of("comment", "没有分数")), 400, "validation-failed");
        assertProblem(rate(citizen, id, rating(3, "长".repeat(501), null)), 400, "validation-failed");
        List<String> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add("标签" + i);
        }
        assertProblem(rate(citizen, id, rating(3, null, eleven)), 400, "validation-failed");
        assertProblem(rate(citizen, id, rating(3, null, List.of("长".repeat(31)))), 400, "validation-failed");
        assertProblem(rate(citizen, id, rating(3, null, List.of(" "))), 400, "validation-failed");
        assertProblem(rate(citizen, id, Map.of("score", "five")), 400, "malformed-body");
        assertProblem(rate(citizen, id, Map.of("score", 3, "stars", 3)), 400, "malformed-body");
        assertProblem(given().auth().oauth2(citizen).contentType("application/json").body("{\"score\":")
                .post("/api/v1/submissions/{id}/rating", id).then(), 400, "malformed-body");
        assertThat(ratingsOf(id)).isEmpty();
        rate(citizen, id, rating(3, "长".repeat(500), List.of("长".repeat(30)))).statusCode(201)
                .body("label", equalTo("基本满意"));
    }

    @Test
    void concurrentRatingsOfOneSubmissionLeaveExactlyOne() throws Exception {
        String[] approved = approvedHrssSubmission();
        List<Integer> answers = statuses(8, () -> rate(approved[0], approved[1], rating(4, null, null))
                .extract().statusCode());
        assertThat(answers).filteredOn(s -> s == 201).hasSize(1);
        assertThat(answers).filteredOn(s -> s == 409).hasSize(7);
        assertThat(ratingsOf(approved[1])).hasSize(1);
    }

    @Test
    void aResidentAtAKioskRatesTheirSubmission() {
        KioskSimulator kiosk = KioskSimulator.register(Staff.token(Staff.ADMIN));
        String citizen = kiosk.citizenToken(IdNumberFixtures.next(), "黄阿婆");
        String id = submit(citizen, Map.of("serviceCode", "MEDICAL_INSURANCE-012", "formData", MEDICAL_TRANSFER));
        move(medical, id, "reject", "不符合转移条件");
        rate(citizen, id, rating(3, null, null)).statusCode(201).body("label", equalTo("基本满意"))
                .body("comment", nullValue()).body("tags", equalTo(List.of()));
    }

    @Test
    void aWithdrawnApplicationIsNotRatedAndAWithdrawnCaseCountsForNoDepartment() {
        String citizen = Citizens.newMobileCitizen();
        String withdrawn = submit(citizen, Map.of("serviceCode", "HRSS-008", "formData", PENSION_CHECK));
        given().auth().oauth2(citizen).contentType("application/json").body(Map.of())
                .post("/api/v1/submissions/{id}/withdrawal", withdrawn).then().statusCode(200);
        assertProblem(rate(citizen, withdrawn, rating(5, null, null)), 409, "not-finished");

        String theme = submit(citizen, Map.of("themeCode", "EMPLOYMENT", "formData", EMPLOYMENT_FORMS));
        List<Map<String, Object>> cases = given().auth().oauth2(citizen).get("/api/v1/submissions/{id}", theme)
                .then().statusCode(200).extract().path("cases");
        Object taxation = cases.stream().filter(c -> "TAXATION".equals(((Map<?, ?>) c.get("department")).get("code")))
                .findFirst().orElseThrow().get("id");
        given().auth().oauth2(citizen).contentType("application/json").body(Map.of("caseId", taxation))
                .post("/api/v1/submissions/{id}/withdrawal", theme).then().statusCode(200);
        move(hrss, theme, "accept", null);
        move(hrss, theme, "approve", null);
        move(medical, theme, "reject", "不符合转移条件");
        rate(citizen, theme, rating(1, "等了很久", null)).statusCode(201);
        assertThat(followUpDepartments(theme)).containsExactlyInAnyOrder("HRSS", "MEDICAL_INSURANCE");
    }

    private List<String> followUpDepartments(String submissionId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT f.department_code FROM rating_follow_up f JOIN rating r ON r.id = f.rating_id "
                        + "WHERE r.submission_id = ?")) {
            q.setObject(1, UUID.fromString(submissionId));
            List<String> departments = new ArrayList<>();
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    departments.add(rows.getString(1));
                }
            }
            return departments;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- follow-ups of 差评

    @Test
    void aBadRatingOfAThemeOpensAFollowUpForEachDepartmentSeenOnlyByIt() throws Exception {
        String citizen = Citizens.newMobileCitizen();
        String id = submit(citizen, Map.of("themeCode", "EMPLOYMENT", "formData", EMPLOYMENT_FORMS));
        move(hrss, id, "accept", null);
        move(hrss, id, "approve", null);
        move(medical, id, "reject", "不符合转移条件");
        assertProblem(rate(citizen, id, rating(1, null, null)), 409, "not-finished");
        // TAXATION has no demo reviewer account: the database stands in for it
        sql("UPDATE submission_case SET status = 'approved', decided_at = now(), version = version + 1 "
                + "WHERE submission_id = ? AND department_code = 'TAXATION'", UUID.fromString(id));

        LocalDate today = LocalDate.now(CHINA);
        RatingFigures hrssBefore = statistics.figures(today, today, "HRSS");
        RatingFigures allBefore = statistics.figures(today, today, null);
        String idNumber = IdNumberFixtures.next();
        String comment = "跑了三次还没办好，我的身份证号 " + idNumber + "，电话 13712345678";
        rate(citizen, id, rating(1, comment, List.of("等待时间长"))).statusCode(201)
                .body("label", equalTo("非常不满意")).body("comment", equalTo(comment));

        ValidatableResponse seenByHrss = followUps(hrss, Map.of("status", "open")).statusCode(200);
        List<Map<String, Object>> mine = seenByHrss.extract().jsonPath()
                .getList("items.findAll { it.submissionId == '" + id + "' }");
        assertThat(mine).singleElement().satisfies(f -> {
            assertThat(f.get("source")).isEqualTo("submission");
            assertThat(f.get("status")).isEqualTo("open");
            assertThat(f.get("overdue")).isEqualTo(false);
            assertThat(f.get("score")).isEqualTo(1);
            assertThat(f.get("label")).isEqualTo("非常不满意");
            assertThat(f.get("serviceCodes")).asList().containsExactlyInAnyOrder("HRSS-011", "HRSS-017");
            assertThat((String) f.get("comment")).contains(idNumber.substring(0, 4) + "**********")
                    .doesNotContain(idNumber).contains("137****5678").doesNotContain("13712345678");
            assertThat(LocalDate.parse((String) f.get("dueDate"))).isAfter(today);
            assertThat(f.get("answer")).isNull();
        });
        assertThat(seenByHrss.extract().jsonPath().getList("items.department.code", String.class))
                .containsOnly("HRSS");
        followUps(medical, Map.of()).statusCode(200).body("items.findAll { it.submissionId == '" + id + "' }"
                + ".department.code", contains("MEDICAL_INSURANCE"));
        followUps(Staff.token("reviewer.civil"), Map.of()).statusCode(200)
                .body("items.submissionId", not(hasItem(id)));
        followUps(Staff.token(Staff.ADMIN), Map.of()).statusCode(200)
                .body("items.findAll { it.submissionId == '" + id + "' }.department.code",
                        containsInAnyOrder("HRSS", "MEDICAL_INSURANCE", "TAXATION"));
        followUps(Staff.token(Staff.ADMIN), Map.of("department", "TAXATION")).statusCode(200)
                .body("items.department.code", not(hasItem("HRSS")));
        assertProblem(followUps(hrss, Map.of("department", "MEDICAL_INSURANCE")), 403, "forbidden");
        assertProblem(followUps(hrss, Map.of("status", "closed")), 400, "invalid-parameter");
        assertProblem(followUps(hrss, Map.of("overdue", "maybe")), 400, "invalid-parameter");
        assertProblem(given().auth().oauth2(hrss).queryParam("size", 101).get("/api/v1/ratings/follow-ups").then(),
                400, "invalid-parameter");
        assertProblem(followUps(citizen, Map.of()), 403, "forbidden");

        // the rating counts once county-wide and once for each department concerned
        RatingFigures hrssAfter = statistics.figures(today, today, "HRSS");
        RatingFigures allAfter = statistics.figures(today, today, null);
        assertThat(hrssAfter.distribution().get(1)).isEqualTo(hrssBefore.distribution().get(1) + 1);
        assertThat(hrssAfter.negative()).isEqualTo(hrssBefore.negative() + 1);
        assertThat(allAfter.distribution().get(1)).isEqualTo(allBefore.distribution().get(1) + 1);
        assertThat(statistics.figures(today, today, "TAXATION").distribution().get(1)).isPositive();

        // comments never reach the log
        String logged = Files.readString(Path.of("target", "quarkus-test.log"), StandardCharsets.UTF_8);
        assertThat(logged).doesNotContain(idNumber).doesNotContain("跑了三次还没办好");
    }

    @Test
    void theDepartmentAnswersItsFollowUpOnce() {
        String[] approved = approvedHrssSubmission();
        rate(approved[0], approved[1], rating(2, "排队太久", null)).statusCode(201);
        String followUp = followUps(hrss, Map.of("status", "open")).statusCode(200).extract().jsonPath()
                .getString("items.find { it.submissionId == '" + approved[1] + "' }.id");
        assertThat(followUp).isNotNull();

        assertProblem(answer(medical, followUp, Map.of("type", "reply", "text", "不是我们的")), 404, "not-found");
        assertProblem(answer(hrss, UUID.randomUUID().toString(), Map.of("type", "reply", "text", "?")), 404,
                "not-found");
        assertProblem(answer(hrss, followUp, Map.of("type", "apology", "text", "抱歉")), 400, "validation-failed");
        assertProblem(answer(hrss, followUp, Map.of("type", "reply", "text", " ")), 400, "validation-failed");
        assertProblem(answer(hrss, followUp, Map.of("type", "reply", "text", "长".repeat(2001))), 400,
                "validation-failed");
        assertProblem(answer(Staff.token(Staff.ADMIN), followUp, Map.of("type", "reply", "text", "管理员")), 403,
                "forbidden");

        answer(hrss, followUp, Map.of("type", "rectification", "text", "已增设午间窗口，缩短排队时间")).statusCode(200)
                .body("status", equalTo("answered"))
                .body("overdue", equalTo(false))
                .body("answer.type", equalTo("rectification"))
                .body("answer.text", equalTo("已增设午间窗口，缩短排队时间"))
                .body("answer.answeredBy", equalTo(Staff.REVIEWER_HRSS));
        assertProblem(answer(hrss, followUp, Map.of("type", "reply", "text", "再答一次")), 409, "already-answered");

        followUps(hrss, Map.of("status", "answered")).body("items.id", hasItem(followUp));
        followUps(hrss, Map.of("status", "open")).body("items.id", not(hasItem(followUp)));
        given().auth().oauth2(Staff.token(Staff.ADMIN)).queryParam("action", "rating.follow-up.answer")
                .queryParam("size", 100).get("/api/v1/admin/audit").then().statusCode(200)
                .body("items.subjectId", hasItem(followUp));
    }

    @Test
    void followUpsPastTheirDueDateAreListedAsOverdue() {
        String[] approved = approvedHrssSubmission();
        rate(approved[0], approved[1], rating(1, null, null)).statusCode(201);
        String followUp = followUps(hrss, Map.of()).extract().jsonPath()
                .getString("items.find { it.submissionId == '" + approved[1] + "' }.id");
        followUps(hrss, Map.of("overdue", "true")).body("items.id", not(hasItem(followUp)));
        followUps(hrss, Map.of("overdue", "false")).body("items.id", hasItem(followUp));
        long overdueBefore = statistics.overdueFollowUps("HRSS");

        // the working days ran out yesterday
        sql("UPDATE rating_follow_up SET due_date = ? WHERE id = ?", LocalDate.now(CHINA).minusDays(1),
                UUID.fromString(followUp));
        followUps(hrss, Map.of("overdue", "true")).statusCode(200)
                .body("items.find { it.id == '" + followUp + "' }.overdue", equalTo(true));
        followUps(hrss, Map.of("overdue", "false")).body("items.id", not(hasItem(followUp)));
        followUps(medical, Map.of("overdue", "true")).body("items.id", not(hasItem(followUp)));
        assertThat(statistics.overdueFollowUps("HRSS")).isEqualTo(overdueBefore + 1);
        assertThat(statistics.overdueFollowUps(null)).isGreaterThanOrEqualTo(overdueBefore + 1);
        assertThat(statistics.overdueFollowUps("MEDICAL_INSURANCE")).isLessThan(statistics.overdueFollowUps(null));

        // answered late: no longer overdue
        answer(hrss, followUp, Map.of("type", "reply", "text", "已电话回访")).statusCode(200)
                .body("overdue", equalTo(false));
        followUps(hrss, Map.of("overdue", "true")).body("items.id", not(hasItem(followUp)));
        assertThat(statistics.overdueFollowUps("HRSS")).isEqualTo(overdueBefore);
    }

    // ---------------------------------------------------------------- default ratings

    @Test
    void unratedSubmissionsGetOneDefaultAfterThePeriodOnly() throws Exception {
        String[] due = approvedHrssSubmission();
        String[] recent = approvedHrssSubmission();
        String[] rated = approvedHrssSubmission();
        rate(rated[0], rated[1], rating(5, null, null)).statusCode(201);
        OffsetDateTime eightDaysAgo = OffsetDateTime.now().minusDays(8);
        sql("UPDATE submission_case SET decided_at = ? WHERE submission_id IN (?, ?)", eightDaysAgo,
                UUID.fromString(due[1]), UUID.fromString(rated[1]));
        sql("UPDATE submission_case SET decided_at = now() - interval '6 days' WHERE submission_id = ?",
                UUID.fromString(recent[1]));
        String undecided = submit(Citizens.newMobileCitizen(), Map.of("serviceCode", "HRSS-008", "formData",
                PENSION_CHECK));
        sql("UPDATE submission_case SET created_at = now() - interval '30 days' WHERE submission_id = ?",
                UUID.fromString(undecided));

        LocalDate defaultDay = eightDaysAgo.plusDays(7).atZoneSameInstant(CHINA).toLocalDate();
        RatingFigures before = statistics.figures(defaultDay, defaultDay, "HRSS");

        // several instances at once, then once more: one default
        List<Integer> recorded = statuses(4, defaultRatings::recordDue);
        assertThat(recorded.stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(1);
        defaultRatings.recordDue();

        assertThat(ratingsOf(due[1])).singleElement().satisfies(r -> {
            assertThat(r.get("score")).isEqualTo(4);
            assertThat(r.get("defaulted")).isEqualTo(true);
            assertThat(((OffsetDateTime) r.get("ratedAt")).toInstant())
                    .isCloseTo(eightDaysAgo.plusDays(7).toInstant(), within(1, ChronoUnit.MILLIS));
            assertThat(r.get("day")).isEqualTo(defaultDay);
        });
        assertThat(ratingsOf(recent[1])).isEmpty();
        assertThat(ratingsOf(undecided)).isEmpty();
        assertThat(ratingsOf(rated[1])).singleElement().satisfies(r -> {
            assertThat(r.get("score")).isEqualTo(5);
            assertThat(r.get("defaulted")).isEqualTo(false);
        });
        RatingFigures after = statistics.figures(defaultDay, defaultDay, "HRSS");
        assertThat(after.distribution().get(4)).isEqualTo(before.distribution().get(4) + 1);

        // a default is the rating: the resident can no longer rate; the recent one still can
        assertProblem(rate(due[0], due[1], rating(1, null, null)), 409, "already-rated");
        rate(recent[0], recent[1], rating(2, null, null)).statusCode(201);
        defaultRatings.recordDue();
        assertThat(ratingsOf(recent[1])).singleElement().satisfies(r -> assertThat(r.get("defaulted"))
                .isEqualTo(false));
    }

    @Test
    void figuresOfADayWithoutRatingsAreZeroWithoutAverage() {
        RatingFigures none = statistics.figures(LocalDate.of(2001, 1, 1), LocalDate.of(2001, 1, 31), null);
        assertThat(none.distribution()).containsOnlyKeys(1, 2, 3, 4, 5).allSatisfy((k, v) -> assertThat(v).isZero());
        assertThat(none.average()).isNull();
        assertThat(none.negative()).isZero();
    }

    // ---------------------------------------------------------------- kiosk transaction ratings

    @Test
    void aKioskRatesATransactionItReportedOnce() {
        String admin = Staff.token(Staff.ADMIN);
        KioskSimulator kiosk = KioskSimulator.register(admin);
        KioskSimulator other = KioskSimulator.register(admin);
        String device = kiosk.deviceToken();
        String otherDevice = other.deviceToken();
        String eventId = UUID.randomUUID().toString();
        given().auth().oauth2(device).contentType("application/json")
                .body(Map.of("events", List.of(Map.of("eventId", eventId, "serviceCode", "CIVIL_AFFAIRS-001",
                        "occurredAt", OffsetDateTime.now().minusMinutes(2).toString(), "kind", "query"))))
                .post("/api/v1/kiosks/{id}/transactions", kiosk.id()).then().statusCode(200)
                .body("accepted", equalTo(1));

        LocalDate today = LocalDate.now(CHINA);
        RatingFigures before = statistics.figures(today, today, "CIVIL_AFFAIRS");
        assertProblem(rateEvent(otherDevice, other.id(), eventId, rating(5, null, null)), 404, "not-found");
        assertProblem(rateEvent(otherDevice, kiosk.id(), eventId, rating(5, null, null)), 403, "forbidden");
        assertProblem(rateEvent(device, kiosk.id(), UUID.randomUUID().toString(), rating(5, null, null)), 404,
                "not-found");
        assertProblem(rateEvent(device, kiosk.id(), eventId, rating(9, null, null)), 400, "validation-failed");
        assertProblem(rateEvent(kiosk.citizenToken(IdNumberFixtures.next(), "李四"), kiosk.id(), eventId,
                rating(5, null, null)), 403, "forbidden");

        rateEvent(device, kiosk.id(), eventId, rating(2, "打印机卡纸", List.of("设备故障"))).statusCode(201)
                .body("score", equalTo(2)).body("label", equalTo("不满意")).body("defaulted", equalTo(false));
        assertProblem(rateEvent(device, kiosk.id(), eventId, rating(5, null, null)), 409, "already-rated");

        RatingFigures after = statistics.figures(today, today, "CIVIL_AFFAIRS");
        assertThat(after.distribution().get(2)).isEqualTo(before.distribution().get(2) + 1);
        followUps(Staff.token("reviewer.civil"), Map.of("status", "open")).statusCode(200)
                .body("items.find { it.eventId == '" + eventId + "' }.source", equalTo("transaction"))
                .body("items.find { it.eventId == '" + eventId + "' }.kioskId", equalTo(kiosk.id()))
                .body("items.find { it.eventId == '" + eventId + "' }.serviceCodes", contains("CIVIL_AFFAIRS-001"));
        followUps(hrss, Map.of()).body("items.eventId", not(hasItem(eventId)));
    }

    @Test
    void theTransactionOfASubmissionIsRatedThroughTheSubmission() throws Exception {
        KioskSimulator kiosk = KioskSimulator.register(Staff.token(Staff.ADMIN));
        String citizen = kiosk.citizenToken(IdNumberFixtures.next(), "王五");
        String id = submit(citizen, Map.of("serviceCode", "HRSS-008", "formData", PENSION_CHECK));
        String caseId;
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT id FROM submission_case WHERE submission_id = ?")) {
            q.setObject(1, UUID.fromString(id));
            try (ResultSet r = q.executeQuery()) {
                r.next();
                caseId = r.getString(1);
            }
        }
        assertProblem(rateEvent(kiosk.deviceToken(), kiosk.id(), caseId, rating(5, null, null)), 409,
                "rated-through-submission");
    }

    private static ValidatableResponse rateEvent(String token, String kioskId, String eventId, Object body) {
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .post("/api/v1/kiosks/{id}/transactions/{eventId}/rating", kioskId, eventId).then();
    }
}
