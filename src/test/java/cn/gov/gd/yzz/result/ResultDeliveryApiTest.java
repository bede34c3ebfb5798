package cn.gov.gd.yzz.result;

import static cn.gov.gd.yzz.support.FormFixtures.PENSION_CHECK;
import static cn.gov.gd.yzz.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import cn.gov.gd.yzz.catalog.CatalogChanged;
import cn.gov.gd.yzz.common.ChinaTime;
import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.Citizens;
import cn.gov.gd.yzz.support.IdNumberFixtures;
import cn.gov.gd.yzz.support.KioskSimulator;
import cn.gov.gd.yzz.support.Staff;
import cn.gov.gd.yzz.support.TestClock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Results (办结) and delivery (送达) through the API: attach, read, download, kiosk print, counter and post. */
@QuarkusTest
class ResultDeliveryApiTest extends ApiTest {

    static final byte[] RESULT_PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% 准予决定书\ntrailer << /Root 1 0 R >>"
            + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    /** A Monday of a week no other test uses, for exact efficiency figures. */
    static final LocalDate DAY = LocalDate.of(2026, 9, 7);

    @Inject
    TestClock clock;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Event<CatalogChanged> catalogChanged;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    static String apply(String citizen, String method, String address) {
        Map<String, Object> body = new HashMap<>(Map.of("serviceCode", "HRSS-008", "formData", PENSION_CHECK));
        if (method != null) {
            body.put("deliveryMethod", method);
        }
        if (address != null) {
            body.put("deliveryAddress", address);
        }
        return given().auth().oauth2(citizen).contentType("application/json")
                .header("Idempotency-Key", "res-" + UUID.randomUUID()).body(body)
                .post("/api/v1/submissions").then().statusCode(201)
                .body("deliveryMethod", equalTo(method == null ? "electronic" : method))
                .extract().path("id");
    }

    static ValidatableResponse transition(String token, String id, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .post("/api/v1/submissions/{id}/transitions", id).then();
    }

    static String caseOf(String token, String id) {
        return given().auth().oauth2(token).get("/api/v1/submissions/{id}", id).then().statusCode(200)
                .extract().path("deliveries[0].caseId");
    }

    static ValidatableResponse attach(String token, String id, String caseId, String kind, byte[] bytes,
            String type) {
        return given().auth().oauth2(token).queryParam("kind", kind).multiPart("file", "决定书.pdf", bytes, type)
                .post("/api/v1/submissions/{id}/cases/{caseId}/results", id, caseId).then();
    }

    /** Submitted, accepted, approved with a result: ready for delivery. Its case id. */
    static String approvedWithResult(String owner, String reviewer, String id) {
        String caseId = caseOf(owner, id);
        transition(reviewer, id, Map.of("action", "accept")).statusCode(200);
        attach(reviewer, id, caseId, "licence", RESULT_PDF, "application/pdf").statusCode(201);
        transition(reviewer, id, Map.of("action", "approve", "comment", "准予")).statusCode(200);
        return caseId;
    }

    @Test
    void supplementAcceptApproveWithAResultAndTheResidentDownloadsIt() {
        String owner = Citizens.newMobileCitizen();
        String reviewer = Staff.token(Staff.REVIEWER_HRSS);
        String id = apply(owner, null, null);
        String caseId = caseOf(owner, id);
        transition(reviewer, id, Map.of("action", "request-supplement", "comment", "请补充户口簿首页",
                "materials", List.of("户口簿首页"))).statusCode(200);
        given().auth().oauth2(owner).multiPart("file", "户口簿首页.pdf", RESULT_PDF, "application/pdf")
                .post("/api/v1/submissions/{id}/documents", id).then().statusCode(201);
        given().auth().oauth2(owner).contentType("application/json").body(Map.of("comment", "已补充"))
                .post("/api/v1/submissions/{id}/supplement", id).then().statusCode(200);
        transition(reviewer, id, Map.of("action", "accept")).statusCode(200);

        // a result must be a PDF by its bytes; the applicant sees nothing before the decision
        assertProblem(attach(reviewer, id, caseId, "decision", PNG, "image/png"), 415, "unsupported-media-type");
        assertProblem(attach(reviewer, id, caseId, "decision", PNG, "application/pdf"), 415, "unsupported-media-type");
        assertProblem(attach(Staff.token(Staff.REVIEWER_MEDICAL), id, caseId, "decision", RESULT_PDF,
                "application/pdf"), 404, "not-found");
        String resultId = attach(reviewer, id, caseId, "decision", RESULT_PDF, "application/pdf").statusCode(201)
                .body("kind", equalTo("decision")).body("contentType", equalTo("application/pdf"))
                .extract().path("id");
        given().auth().oauth2(owner).get("/api/v1/submissions/{id}/cases/{caseId}/results", id, caseId).then()
                .statusCode(200).body("size()", equalTo(0));
        transition(reviewer, id, Map.of("action", "approve", "comment", "准予")).statusCode(200)
                .body("deliveries[0].resultReadyAt", notNullValue());

        // others never see it; the applicant downloads it, which is the electronic delivery
        assertProblem(given().auth().oauth2(Citizens.newMobileCitizen())
                .get("/api/v1/submissions/{id}/cases/{caseId}/results/{r}", id, caseId, resultId).then(), 404,
                "not-found");
        byte[] downloaded = given().auth().oauth2(owner)
                .get("/api/v1/submissions/{id}/cases/{caseId}/results/{r}", id, caseId, resultId).then()
                .statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertThat(downloaded).isEqualTo(RESULT_PDF);
        given().auth().oauth2(owner).get("/api/v1/submissions/{id}/cases/{caseId}/results/{r}", id, caseId, resultId)
                .then().statusCode(200);
        given().auth().oauth2(owner).get("/api/v1/submissions/{id}", id).then().statusCode(200)
                .body("timeline.status", contains("submitted", "supplement_requested", "supplement_submitted",
                        "accepted", "accepted", "approved", "approved"))
                .body("timeline.step", contains(null, null, null, null, "result_attached", null, "delivered"))
                .body("deliveries[0].deliveredHow", equalTo("electronic"))
                .body("deliveries[0].deliveredAt", notNullValue());
        assertProblem(attach(reviewer, id, caseId, "certificate", RESULT_PDF, "application/pdf"), 409,
                "result-closed");

        // the reviewer's read is audited
        given().auth().oauth2(reviewer).get("/api/v1/submissions/{id}/cases/{caseId}/results/{r}", id, caseId,
                resultId).then().statusCode(200);
        List<Map<String, Object>> audit = given().auth().oauth2(Staff.token(Staff.ADMIN))
                .queryParam("subjectType", "result").queryParam("size", 100).get("/api/v1/admin/audit").then()
                .statusCode(200).extract().jsonPath().getList("items");
        assertThat(audit).anySatisfy(e -> assertThat(e).containsEntry("action", "result.read")
                .containsEntry("subjectId", resultId).containsEntry("actor", Staff.REVIEWER_HRSS));
    }

    @Test
    void aKioskPrintWithTheResidentsSessionIsTheDeliveryAndCountsOncePrint() throws Exception {
        String admin = Staff.token(Staff.ADMIN);
        KioskSimulator kiosk = KioskSimulator.register(admin);
        KioskSimulator other = KioskSimulator.register(admin);
        String idNumber = IdNumberFixtures.next();
        String resident = kiosk.citizenToken(idNumber, "甲");
        String reviewer = Staff.token(Staff.REVIEWER_HRSS);
        String id = apply(resident, "kiosk_print", null);
        String caseId = caseOf(resident, id);
        Map<String, Object> print = Map.of("submissionId", id, "caseId", caseId);
        assertProblem(print(resident, kiosk.id(), print), 409, "result-not-ready");
        approvedWithResult(resident, reviewer, id);

        // a device token alone, the resident's session at another kiosk, another resident's session: refused
        assertProblem(print(kiosk.deviceToken(), kiosk.id(), print), 403, "forbidden");
        assertProblem(print(other.citizenToken(idNumber, "甲"), kiosk.id(), print), 403, "forbidden");
        assertProblem(print(kiosk.citizenToken(IdNumberFixtures.next(), "乙"), kiosk.id(), print), 404, "not-found");
        assertProblem(print(reviewer, kiosk.id(), print), 403, "forbidden");

        for (int attempt = 0; attempt < 3; attempt++) {
            print(resident, kiosk.id(), print).statusCode(200)
                    .body("delivery.deliveredHow", equalTo("kiosk_print"))
                    .body("delivery.kioskId", equalTo(kiosk.id()))
                    .body("results.size()", equalTo(1));
        }
        // the kiosk retries the next day: still the one print (the event keeps the first print's day)
        clock.set(LocalDate.now(ChinaTime.ZONE).plusDays(1));
        print(resident, kiosk.id(), print).statusCode(200);
        clock.reset();
        assertThat(printEvents(kiosk.id())).isEqualTo(1);
        JsonPath stats = given().auth().oauth2(admin).queryParam("groupBy", "kiosk").queryParam("kiosk", kiosk.id())
                .get("/api/v1/stats/transactions").then().statusCode(200).extract().jsonPath();
        // the submission made at the kiosk and the one print
        assertThat(stats.getLong("total")).isEqualTo(2);
        given().auth().oauth2(resident).get("/api/v1/submissions/{id}", id).then()
                .body("timeline.step[-1]", equalTo("delivered"))
                .body("deliveries[0].kioskId", equalTo(kiosk.id()));
        // printed: nobody delivers it again
        assertProblem(print(other.citizenToken(idNumber, "甲"), other.id(), print), 409, "already-delivered");
    }

    @Test
    void counterAndPostDeliveriesByTheReviewerOnceAndOnlyAsChosen() {
        String owner = Citizens.newMobileCitizen();
        String reviewer = Staff.token(Staff.REVIEWER_HRSS);
        assertProblem(given().auth().oauth2(owner).contentType("application/json")
                .header("Idempotency-Key", "res-" + UUID.randomUUID())
                .body(Map.of("serviceCode", "HRSS-008", "formData", PENSION_CHECK, "deliveryMethod", "post"))
                .post("/api/v1/submissions").then(), 400, "delivery-address-required");

        String posted = apply(owner, "post", "广东省惠州市博罗县杨村镇某村 1 号");
        given().auth().oauth2(reviewer).get("/api/v1/submissions/{id}", posted).then()
                .body("deliveryAddress", equalTo("广东省惠州市博罗县杨村镇某村 1 号"));
        String postedCase = caseOf(owner, posted);
        assertProblem(deliver(reviewer, posted, postedCase, Map.of("method", "post", "postalTrackingNumber",
                "EMS1234567890")), 409, "result-not-ready");
        approvedWithResult(owner, reviewer, posted);
        assertProblem(deliver(reviewer, posted, postedCase, Map.of("method", "counter")), 409,
                "delivery-method-mismatch");
        assertProblem(deliver(reviewer, posted, postedCase, Map.of("method", "post")), 400,
                "postal-tracking-required");
        assertProblem(deliver(Staff.token(Staff.REVIEWER_MEDICAL), posted, postedCase, Map.of("method", "post",
                "postalTrackingNumber", "EMS1234567890")), 404, "not-found");
        deliver(reviewer, posted, postedCase, Map.of("method", "post", "postalTrackingNumber", "EMS1234567890"))
                .statusCode(200).body("deliveredHow", equalTo("post"))
                .body("postalTrackingNumber", equalTo("EMS1234567890"));
        assertProblem(deliver(reviewer, posted, postedCase, Map.of("method", "post", "postalTrackingNumber",
                "EMS1234567891")), 409, "already-delivered");

        String counter = apply(owner, "counter", null);
        String counterCase = approvedWithResult(owner, reviewer, counter);
        deliver(reviewer, counter, counterCase, Map.of("method", "counter")).statusCode(200)
                .body("deliveredHow", equalTo("counter")).body("deliveredAt", notNullValue())
                .body("kioskId", nullValue());
        given().auth().oauth2(owner).get("/api/v1/submissions/{id}", counter).then()
                .body("timeline.step[-1]", equalTo("delivered"))
                .body("timeline.comment[-1]", equalTo("已在窗口领取办理结果"));
    }

    @Test
    void anApplicationChoosesOnlyAMethodItsItemOffers() throws Exception {
        Map<String, Object> item = new HashMap<>();
        item.put("code", "AGRICULTURE-917");
        item.put("name", "农机购置补贴证明");
        item.put("department", "AGRICULTURE");
        item.put("kind", "public_service");
        item.put("legalBasis", "《农业机械化促进法》");
        item.put("materials", List.of(Map.of("name", "居民身份证", "required", true, "form", "original", "copies", 1)));
        item.put("statutoryLimitDays", 10);
        item.put("promisedLimitDays", 3);
        item.put("fee", Map.of("charged", false, "description", "不收费"));
        item.put("channels", List.of("kiosk", "mobile"));
        item.put("hardware", List.of("id_card_reader"));
        item.put("formSchema", Map.of("type", "object"));
        item.put("deliveryMethods", List.of("counter", "kiosk_print"));
        given().auth().oauth2(Staff.token(Staff.ADMIN)).contentType("application/json").body(item)
                .put("/api/v1/admin/services/AGRICULTURE-917").then().statusCode(201)
                .body("deliveryMethods", contains("counter", "kiosk_print"));
        given().get("/api/v1/services/HRSS-008").then().statusCode(200)
                .body("deliveryMethods", contains("electronic", "kiosk_print", "counter", "post"));

        try {
            String owner = Citizens.newMobileCitizen();
            assertProblem(given().auth().oauth2(owner).contentType("application/json")
                    .header("Idempotency-Key", "res-" + UUID.randomUUID())
                    .body(Map.of("serviceCode", "AGRICULTURE-917", "formData", Map.of(), "deliveryMethod", "post",
                            "deliveryAddress", "广东省惠州市博罗县杨村镇某村 1 号"))
                    .post("/api/v1/submissions").then(), 400, "delivery-method-not-offered");
        } finally {
            // other tests count the reference catalog: leave it as it was (nothing refers to the item)
            sql("DELETE FROM service_item WHERE code = 'AGRICULTURE-917'");
            catalogChanged.fire(new CatalogChanged("test", "cleanup"));
        }
    }

    private void sql(String statement) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate(statement);
        }
    }

    @Test
    void theAssistingSpecialistReadsTheResultsOtherSpecialistsDoNot() {
        String admin = Staff.token(Staff.ADMIN);
        KioskSimulator kiosk = KioskSimulator.register(admin, Staff.SPECIALIST);
        String resident = given().auth().oauth2(kiosk.deviceToken()).contentType("application/json")
                .body(Map.of("attestation", kiosk.attestation(IdNumberFixtures.next(), "丁", 0.97, Staff.SPECIALIST)))
                .post("/api/v1/kiosks/{id}/citizen-sessions", kiosk.id()).then().statusCode(201)
                .extract().path("accessToken");
        String reviewer = Staff.token(Staff.REVIEWER_HRSS);
        String id = apply(resident, "counter", null);
        String caseId = approvedWithResult(resident, reviewer, id);
        String specialist = Staff.token(Staff.SPECIALIST);
        given().auth().oauth2(specialist).get("/api/v1/submissions/{id}/cases/{caseId}/results", id, caseId).then()
                .statusCode(200).body("size()", equalTo(1)).body("[0].kind", equalTo("licence"));
        List<Map<String, Object>> audit = given().auth().oauth2(admin).queryParam("subjectType", "case")
                .queryParam("action", "result.list").queryParam("size", 100).get("/api/v1/admin/audit").then()
                .statusCode(200).extract().jsonPath().getList("items");
        assertThat(audit).anySatisfy(e -> assertThat(e).containsEntry("subjectId", caseId)
                .containsEntry("actor", Staff.SPECIALIST));
        // another specialist, a reviewer of another department and another resident see nothing
        assertProblem(given().auth().oauth2(Staff.token("specialist.pengzhai"))
                .get("/api/v1/submissions/{id}/cases/{caseId}/results", id, caseId).then(), 404, "not-found");
        assertProblem(given().auth().oauth2(Staff.token(Staff.REVIEWER_MEDICAL))
                .get("/api/v1/submissions/{id}/cases/{caseId}/results", id, caseId).then(), 404, "not-found");
        assertProblem(given().auth().oauth2(Citizens.newMobileCitizen())
                .get("/api/v1/submissions/{id}/cases/{caseId}/results", id, caseId).then(), 404, "not-found");
    }

    @Test
    void ofConcurrentDeliveriesOneWinsAndConcurrentPrintsCountOnce() throws Exception {
        String owner = Citizens.newMobileCitizen();
        String reviewer = Staff.token(Staff.REVIEWER_HRSS);
        String id = apply(owner, "counter", null);
        String caseId = approvedWithResult(owner, reviewer, id);
        List<Integer> statuses = concurrently(4, () -> deliver(reviewer, id, caseId, Map.of("method", "counter"))
                .extract().statusCode());
        assertThat(statuses).containsOnly(200, 409).filteredOn(st -> st == 200).hasSize(1);
        given().auth().oauth2(owner).get("/api/v1/submissions/{id}", id).then()
                .body("timeline.findAll { it.step == 'delivered' }.size()", equalTo(1));

        String admin = Staff.token(Staff.ADMIN);
        KioskSimulator kiosk = KioskSimulator.register(admin);
        String resident = kiosk.citizenToken(IdNumberFixtures.next(), "丙");
        String printed = apply(resident, "kiosk_print", null);
        String printedCase = approvedWithResult(resident, reviewer, printed);
        Map<String, Object> print = Map.of("submissionId", printed, "caseId", printedCase);
        assertThat(concurrently(4, () -> print(resident, kiosk.id(), print).extract().statusCode()))
                .containsOnly(200);
        assertThat(printEvents(kiosk.id())).isEqualTo(1);
    }

    static List<Integer> concurrently(int n, Callable<Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Integer> answers = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(java.util.Collections.nCopies(n, call))) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void awaitingDeliveryPerDepartmentEqualsTheCasesCreated() {
        String owner = Citizens.newMobileCitizen();
        String reviewer = Staff.token(Staff.REVIEWER_HRSS);
        clock.set(DAY);
        approvedWithResult(owner, reviewer, apply(owner, "counter", null));
        approvedWithResult(owner, reviewer, apply(owner, "counter", null));
        String delivered = apply(owner, "counter", null);
        deliver(reviewer, delivered, approvedWithResult(owner, reviewer, delivered), Map.of("method", "counter"))
                .statusCode(200);
        String withoutResult = apply(owner, null, null);
        transition(reviewer, withoutResult, Map.of("action", "accept")).statusCode(200);
        transition(reviewer, withoutResult, Map.of("action", "approve")).statusCode(200);

        JsonPath summary = given().auth().oauth2(reviewer).queryParam("from", DAY.toString())
                .queryParam("to", DAY.toString()).get("/api/v1/stats/summary").then().statusCode(200)
                .extract().jsonPath();
        assertThat(summary.getLong("efficiency[0].awaitingDelivery")).isEqualTo(2);
        assertThat(summary.getLong("efficiency[0].completed")).isEqualTo(4);
        String csv = new String(given().auth().oauth2(reviewer).queryParam("from", DAY.toString())
                .queryParam("to", DAY.toString()).get("/api/v1/stats/summary.csv").then().statusCode(200)
                .extract().asByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).contains("待送达数").contains(",4,4,4,0,0,0,2,1.0000,1.0000\r\n");
    }

    static ValidatableResponse print(String token, String kioskId, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .post("/api/v1/kiosks/{id}/result-prints", kioskId).then();
    }

    static ValidatableResponse deliver(String token, String id, String caseId, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .post("/api/v1/submissions/{id}/cases/{caseId}/delivery", id, caseId).then();
    }

    private long printEvents(String kioskId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM transaction_event WHERE kiosk_id = ? AND kind = 'print'")) {
            s.setString(1, kioskId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
