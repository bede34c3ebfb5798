package cn.gov.gd.yzz.submission;

import static cn.gov.gd.yzz.support.FormFixtures.EMPLOYMENT_FORMS;
import static cn.gov.gd.yzz.support.FormFixtures.MEDICAL_TRANSFER;
import static cn.gov.gd.yzz.support.FormFixtures.PENSION_CHECK;
import static cn.gov.gd.yzz.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import cn.gov.gd.yzz.calendar.WorkingCalendar;
import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.Citizens;
import cn.gov.gd.yzz.support.IdNumberFixtures;
import cn.gov.gd.yzz.support.KioskSimulator;
import cn.gov.gd.yzz.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SubmissionApiTest extends ApiTest {


    @Inject
    AgroalDataSource dataSource;

    @Inject
    WorkingCalendar calendar;

    static ValidatableResponse submit(String token, String key, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType("application/json").header("Idempotency-Key", key)
                .body(body).post("/api/v1/submissions").then();
    }

    static String submitService(String token, String code, Map<String, Object> form) {
        return submit(token, "k-" + UUID.randomUUID(), Map.of("serviceCode", code, "formData", form)).statusCode(201)
                .extract().path("id");
    }

    @Test
    void theSameKeyAndBodyAnswerTheOriginalAndAnotherBodyConflicts() {
        String citizen = Citizens.newMobileCitizen();
        String key = "key-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("serviceCode", "HRSS-008", "formData", PENSION_CHECK);
        String id = submit(citizen, key, body).statusCode(201)
                .body("status", equalTo("submitted"))
                .body("channel", equalTo("mobile"))
                .body("trackingNumber", matchesPattern("YZZ-\\d{8}-[0-9A-Z]{8}"))
                .body("timeline[0].status", equalTo("submitted"))
                .extract().path("id");
        submit(citizen, key, body).statusCode(200).body("id", equalTo(id));
        assertProblem(submit(citizen, key, Map.of("serviceCode", "HRSS-008", "formData",
                Map.of("pensionType", "遗属待遇", "residenceStatus", "县内居住", "phone", "13800138000"))), 409,
                "idempotency-conflict");
        // another citizen may use the same key for their own submission
        submit(Citizens.newMobileCitizen(), key, body).statusCode(201).body("id", not(equalTo(id)));
    }

    @Test
    void twentyConcurrentIdenticalRequestsCreateExactlyOneSubmission() throws Exception {
        String citizen = Citizens.newMobileCitizen();
        String key = "race-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("serviceCode", "HRSS-018", "formData",
                Map.of("lossType", "临时挂失", "lossReason", "遗失", "phone", "13700137000"));
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Callable<String[]>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(() -> {
                var answer = submit(citizen, key, body).extract();
                return new String[] {Integer.toString(answer.statusCode()), answer.path("id")};
            });
        }
        List<String[]> answers = new ArrayList<>();
        for (Future<String[]> f : pool.invokeAll(calls)) {
            answers.add(f.get());
        }
        pool.shutdown();
        assertThat(answers).filteredOn(a -> a[0].equals("201")).hasSize(1);
        assertThat(answers).allMatch(a -> a[0].equals("201") || a[0].equals("200"));
        assertThat(answers.stream().map(a -> a[1]).distinct()).hasSize(1);
        try (Connection c = dataSource.getConnection();
                PreparedStatement count = c.prepareStatement(
                        "SELECT count(*) FROM submission WHERE idempotency_key = ?")) {
            count.setString(1, key);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void refusesFormsThatBreakTheSchemaListingEachField() {
        String citizen = Citizens.newMobileCitizen();
        ValidatableResponse answer = submit(citizen, "k-" + UUID.randomUUID(), Map.of("serviceCode", "HRSS-008",
                "formData", Map.of("pensionType", "不存在的待遇", "phone", "12345")));
        assertProblem(answer, 400, "validation-failed");
        answer.body("errors.pointer", hasItems("/formData/pensionType", "/formData/phone",
                "/formData/residenceStatus"));
        assertProblem(submit(citizen, "k-" + UUID.randomUUID(), Map.of("serviceCode", "NOPE-001", "formData",
                Map.of())), 404, "not-found");
        assertProblem(submit(citizen, "k-" + UUID.randomUUID(), Map.of("serviceCode", "HRSS-008", "themeCode",
                "EMPLOYMENT", "formData", Map.of())), 400, "invalid-target");
        assertProblem(given().auth().oauth2(citizen).contentType("application/json")
                .body(Map.of("serviceCode", "HRSS-008", "formData", PENSION_CHECK)).post("/api/v1/submissions")
                .then(), 400, "idempotency-key-required");
        assertProblem(submit(citizen, "k-" + UUID.randomUUID(), Map.of("serviceCode", "HRSS-002", "formData",
                Map.of())), 400, "not-applicable");
    }

    @Test
    void onlyTheOwnerAndTheDepartmentsReviewersSeeASubmission() {
        String owner = Citizens.newMobileCitizen();
        String id = submitService(owner, "HRSS-008", PENSION_CHECK);
        given().auth().oauth2(owner).get("/api/v1/submissions/{id}", id).then().statusCode(200);
        assertProblem(given().auth().oauth2(Citizens.newMobileCitizen()).get("/api/v1/submissions/{id}", id).then(),
                404, "not-found");
        given().auth().oauth2(Staff.token(Staff.REVIEWER_HRSS)).get("/api/v1/submissions/{id}", id).then()
                .statusCode(200);
        assertProblem(given().auth().oauth2(Staff.token(Staff.REVIEWER_MEDICAL)).get("/api/v1/submissions/{id}", id)
                .then(), 404, "not-found");
        assertProblem(given().auth().oauth2(Staff.token(Staff.SPECIALIST)).get("/api/v1/submissions/{id}", id)
                .then(), 404, "not-found");
        assertProblem(given().auth().oauth2(owner).get("/api/v1/submissions/not-a-uuid").then(), 404, "not-found");
        assertProblem(given().auth().oauth2(Staff.token(Staff.ADMIN)).get("/api/v1/submissions/{id}", id).then(),
                403, "forbidden");
        given().auth().oauth2(owner).get("/api/v1/submissions").then().statusCode(200)
                .body("items.id", hasItem(id)).body("total", equalTo(1));
        given().auth().oauth2(Staff.token(Staff.REVIEWER_MEDICAL)).queryParam("size", 100)
                .get("/api/v1/submissions").then().statusCode(200).body("items.id", not(hasItem(id)));
        given().auth().oauth2(Staff.token(Staff.ADMIN)).queryParam("action", "submission.read")
                .queryParam("size", 100).get("/api/v1/admin/audit").then().body("items.subjectId", hasItem(id));
    }

    @Test
    void reviewersMoveTheirDepartmentsCasesThroughTheWorkflow() {
        String owner = Citizens.newMobileCitizen();
        String id = submitService(owner, "MEDICAL_INSURANCE-012", MEDICAL_TRANSFER);
        String reviewer = Staff.token(Staff.REVIEWER_MEDICAL);
        assertProblem(transition(reviewer, id, "approve", null), 409, "illegal-transition");
        assertProblem(transition(reviewer, id, "reject", null), 400, "comment-required");
        assertProblem(transition(Staff.token(Staff.REVIEWER_HRSS), id, "accept", null), 404, "not-found");
        assertProblem(given().auth().oauth2(owner).contentType("application/json").body(Map.of("action", "accept"))
                .post("/api/v1/submissions/{id}/transitions", id).then(), 403, "forbidden");
        transition(reviewer, id, "accept", null).statusCode(200).body("status", equalTo("accepted"));
        transition(reviewer, id, "request-supplement", "请补充转出地参保凭证").statusCode(200)
                .body("status", equalTo("supplement_requested"));
        transition(reviewer, id, "accept", null).statusCode(200);
        transition(reviewer, id, "approve", "已办结").statusCode(200).body("status", equalTo("approved"))
                .body("timeline.status", org.hamcrest.Matchers.contains("submitted", "accepted",
                        "supplement_requested", "accepted", "approved"));
        assertProblem(transition(reviewer, id, "reject", "迟到的驳回"), 409, "illegal-transition");
        given().auth().oauth2(owner).get("/api/v1/submissions/{id}", id).then().body("status", equalTo("approved"))
                .body("timeline[2].comment", equalTo("请补充转出地参保凭证"));
        assertProblem(transition(reviewer, id, "fly", null), 400, "validation-failed");
    }

    @Test
    void concurrentTransitionsDoNotBothWin() throws Exception {
        String id = submitService(Citizens.newMobileCitizen(), "MEDICAL_INSURANCE-012", MEDICAL_TRANSFER);
        String reviewer = Staff.token(Staff.REVIEWER_MEDICAL);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Integer>> calls = new ArrayList<>();
        // the same move from the same state: whatever the interleaving, exactly one may win
        for (int i = 0; i < 8; i++) {
            calls.add(() -> transition(reviewer, id, "accept", "并发").extract().statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(calls)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(7);
        given().auth().oauth2(reviewer).get("/api/v1/submissions/{id}", id).then()
                .body("timeline.size()", equalTo(2));
    }

    @Test
    void aThemeFansOutToOneCasePerDepartmentAndItsStatusFollowsThem() {
        String owner = Citizens.newMobileCitizen();
        String id = submit(owner, "k-" + UUID.randomUUID(), Map.of("themeCode", "EMPLOYMENT", "formData",
                EMPLOYMENT_FORMS)).statusCode(201)
                .body("themeCode", equalTo("EMPLOYMENT"))
                .body("status", equalTo("submitted"))
                .body("cases.department.code", org.hamcrest.Matchers.containsInAnyOrder("HRSS", "MEDICAL_INSURANCE",
                        "TAXATION"))
                .body("cases.find { it.department.code == 'HRSS' }.serviceCodes",
                        org.hamcrest.Matchers.containsInAnyOrder("HRSS-011", "HRSS-017"))
                .extract().path("id");
        String hrss = Staff.token(Staff.REVIEWER_HRSS);
        transition(hrss, id, "accept", null).statusCode(200).body("status", equalTo("in_progress"))
                .body("cases.size()", equalTo(1)).body("cases[0].status", equalTo("accepted"));
        given().auth().oauth2(owner).get("/api/v1/submissions/{id}", id).then().body("status", equalTo("in_progress"));
        transition(hrss, id, "approve", null).statusCode(200);
        transition(Staff.token(Staff.REVIEWER_MEDICAL), id, "reject", "不符合转移条件").statusCode(200);
        given().auth().oauth2(owner).get("/api/v1/submissions/{id}", id).then().body("status", equalTo("in_progress"));
        // TAXATION has no demo reviewer account: the database stands in for it
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(
                "UPDATE submission_case SET status = 'approved', version = version + 1 WHERE submission_id = ? "
                        + "AND department_code = 'TAXATION'")) {
            update.setObject(1, UUID.fromString(id));
            update.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        given().auth().oauth2(owner).get("/api/v1/submissions/{id}", id).then().body("status", equalTo("completed"));

        ValidatableResponse missing = submit(owner, "k-" + UUID.randomUUID(), Map.of("themeCode", "EMPLOYMENT",
                "formData", Map.of("HRSS-011", EMPLOYMENT_FORMS.get("HRSS-011"), "NOT-IN-THEME", Map.of())));
        assertProblem(missing, 400, "validation-failed");
        missing.body("errors.pointer", hasItems("/formData/HRSS-017", "/formData/NOT-IN-THEME"));
    }

    @Test
    void aKioskSubmissionRecordsTheAssistingSpecialistAndCountsAsATransaction() throws Exception {
        KioskSimulator kiosk = KioskSimulator.register(Staff.token(Staff.ADMIN), Staff.SPECIALIST);
        String device = kiosk.deviceToken();
        String citizen = given().auth().oauth2(device).contentType("application/json")
                .body(Map.of("attestation", kiosk.attestation(IdNumberFixtures.next(), "黄阿婆", 0.93,
                        Staff.SPECIALIST)))
                .post("/api/v1/kiosks/{id}/citizen-sessions", kiosk.id()).then().statusCode(201)
                .extract().path("accessToken");
        String id = submit(citizen, "k-" + UUID.randomUUID(), Map.of("serviceCode", "MEDICAL_INSURANCE-012",
                "formData", MEDICAL_TRANSFER)).statusCode(201)
                .body("channel", equalTo("kiosk"))
                .body("kioskId", equalTo(kiosk.id()))
                .body("assistedBy", equalTo(Staff.SPECIALIST))
                .body("dueDate", equalTo(calendar.addWorkingDays(LocalDate.now(ZoneId.of("Asia/Shanghai")), 10)
                        .toString()))
                .extract().path("id");
        given().auth().oauth2(Staff.token(Staff.SPECIALIST)).get("/api/v1/submissions/{id}", id).then()
                .statusCode(200);
        assertProblem(given().auth().oauth2(Staff.token("specialist.pengzhai")).get("/api/v1/submissions/{id}", id)
                .then(), 404, "not-found");
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement("""
                SELECT e.kind, e.kiosk_id, e.town, e.specialist, e.department_code, d.transactions
                FROM transaction_event e JOIN submission_case sc ON sc.id = e.event_id
                JOIN txn_daily d ON d.day = e.day AND d.kiosk_key = e.kiosk_id AND d.service_code = e.service_code
                     AND d.assisted
                WHERE sc.submission_id = ?""")) {
            q.setObject(1, UUID.fromString(id));
            try (ResultSet row = q.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString("kind")).isEqualTo("submission");
                assertThat(row.getString("kiosk_id")).isEqualTo(kiosk.id());
                assertThat(row.getString("town")).isEqualTo("阳明镇");
                assertThat(row.getString("specialist")).isEqualTo(Staff.SPECIALIST);
                assertThat(row.getString("department_code")).isEqualTo("MEDICAL_INSURANCE");
                assertThat(row.getLong("transactions")).isEqualTo(1);
            }
        }
    }

    static ValidatableResponse transition(String token, String id, String action, String comment) {
        Map<String, Object> body = comment == null ? Map.of("action", action)
                : Map.of("action", action, "comment", comment);
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .post("/api/v1/submissions/{id}/transitions", id).then();
    }
}
