package cn.gov.gd.yzz.submission;

import static cn.gov.gd.yzz.submission.SupplementJourneyApiTest.supplement;
import static cn.gov.gd.yzz.submission.SupplementJourneyApiTest.transition;
import static cn.gov.gd.yzz.support.FormFixtures.EMPLOYMENT_FORMS;
import static cn.gov.gd.yzz.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.Citizens;
import cn.gov.gd.yzz.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What a supplement answer may change: only the fields the reviewer named, only of the case's own items; two cases of
 * one theme answered at once both keep their amendment; a schema changed since the submission does not block it.
 */
@QuarkusTest
class SupplementAnswerRulesApiTest extends ApiTest {

    private static final String HRSS = "HRSS-011";
    private static final String MEDICAL = "MEDICAL_INSURANCE-012";

    @Inject
    AgroalDataSource dataSource;

    private static String employmentTheme(String owner) {
        return given().auth().oauth2(owner).contentType("application/json")
                .header("Idempotency-Key", "theme-" + UUID.randomUUID())
                .body(Map.of("themeCode", "EMPLOYMENT", "formData", EMPLOYMENT_FORMS))
                .post("/api/v1/submissions").then().statusCode(201).extract().path("id");
    }

    private static String caseOf(String owner, String id, String department) {
        List<Map<String, Object>> cases = given().auth().oauth2(owner).get("/api/v1/submissions/{id}", id).then()
                .statusCode(200).extract().path("cases");
        return cases.stream().filter(c -> department.equals(((Map<?, ?>) c.get("department")).get("code")))
                .map(c -> (String) c.get("id")).findFirst().orElseThrow();
    }

    private static void refused(ValidatableResponse answer, String pointer) {
        assertProblem(answer, 400, "validation-failed");
        answer.body("errors.pointer", hasItem(pointer));
    }

    private static Map<String, Object> askForPhone() {
        return Map.of("action", "request-supplement", "comment", "请更正联系电话", "formFields", List.of("phone"));
    }

    @Test
    void anAnswerChangesOnlyTheNamedFieldsOfItsOwnCase() {
        String owner = Citizens.newMobileCitizen();
        String id = employmentTheme(owner);
        transition(Staff.token(Staff.REVIEWER_HRSS), id, askForPhone()).statusCode(200);
        String hrssCase = caseOf(owner, id, "HRSS");

        // another department's item, and a field the reviewer did not name: 400, the form unchanged
        refused(supplement(owner, id, Map.of("caseId", hrssCase,
                "formData", Map.of(MEDICAL, Map.of("phone", "13700137000")))), "/formData/" + MEDICAL);
        refused(supplement(owner, id, Map.of("caseId", hrssCase,
                "formData", Map.of(HRSS, Map.of("jobTitle", "仓库管理员")))), "/formData/" + HRSS + "/jobTitle");
        assertThat(formText(id, MEDICAL, "phone")).isEqualTo("13900139000");
        assertThat(formText(id, HRSS, "jobTitle")).isEqualTo("种植技术员");

        supplement(owner, id, Map.of("caseId", hrssCase, "formData", Map.of(HRSS, Map.of("phone", "13700137000"))))
                .statusCode(200);
        assertThat(formText(id, HRSS, "phone")).isEqualTo("13700137000");
        assertThat(formText(id, MEDICAL, "phone")).isEqualTo("13900139000");
    }

    @Test
    void twoCasesOfOneThemeAnsweredAtOnceBothKeepTheirAmendment() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 6; round++) {
                String owner = Citizens.newMobileCitizen();
                String id = employmentTheme(owner);
                transition(Staff.token(Staff.REVIEWER_HRSS), id, askForPhone()).statusCode(200);
                transition(Staff.token(Staff.REVIEWER_MEDICAL), id, askForPhone()).statusCode(200);
                String hrssCase = caseOf(owner, id, "HRSS");
                String medicalCase = caseOf(owner, id, "MEDICAL_INSURANCE");
                List<Callable<Integer>> answers = new ArrayList<>();
                answers.add(() -> supplement(owner, id, Map.of("caseId", hrssCase,
                        "formData", Map.of(HRSS, Map.of("phone", "13711110000")))).extract().statusCode());
                answers.add(() -> supplement(owner, id, Map.of("caseId", medicalCase,
                        "formData", Map.of(MEDICAL, Map.of("phone", "13722220000")))).extract().statusCode());
                for (Future<Integer> answer : pool.invokeAll(answers)) {
                    assertThat(answer.get()).isEqualTo(200);
                }
                assertThat(formText(id, HRSS, "phone")).as("round %d", round).isEqualTo("13711110000");
                assertThat(formText(id, MEDICAL, "phone")).as("round %d", round).isEqualTo("13722220000");
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aSchemaChangedSinceTheSubmissionDoesNotBlockTheAnswer() {
        String admin = Staff.token(Staff.ADMIN);
        String code = "MEDICAL_INSURANCE-931";
        Map<String, Object> phone = Map.of("type", "string", "pattern", "^1[3-9][0-9]{9}$");
        given().auth().oauth2(admin).contentType("application/json")
                .body(item(code, Map.of("phone", phone), List.of("phone")))
                .put("/api/v1/admin/services/{code}", code).then().statusCode(201);
        String owner = Citizens.newMobileCitizen();
        String id = given().auth().oauth2(owner).contentType("application/json")
                .header("Idempotency-Key", "item-" + UUID.randomUUID())
                .body(Map.of("serviceCode", code, "formData", Map.of("phone", "13800138000")))
                .post("/api/v1/submissions").then().statusCode(201).extract().path("id");
        transition(Staff.token(Staff.REVIEWER_MEDICAL), id, askForPhone()).statusCode(200);
        // the department now also requires the village, which this submission never had
        given().auth().oauth2(admin).contentType("application/json")
                .body(item(code, Map.of("phone", phone, "village", Map.of("type", "string")),
                        List.of("phone", "village")))
                .put("/api/v1/admin/services/{code}", code).then().statusCode(200);

        refused(supplement(owner, id, Map.of("formData", Map.of("phone", "12345"))), "/formData/phone");
        supplement(owner, id, Map.of("formData", Map.of("phone", "13700137000"))).statusCode(200)
                .body("status", equalTo("supplement_submitted"));
    }

    private static Map<String, Object> item(String code, Map<String, Object> properties, List<String> required) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("code", code);
        item.put("name", "医保信息更正" + code);
        item.put("department", "MEDICAL_INSURANCE");
        item.put("kind", "public_service");
        item.put("legalBasis", "《医疗保障基金使用监督管理条例》");
        item.put("materials", List.of(Map.of("name", "居民身份证", "required", true, "form", "original", "copies", 1)));
        item.put("statutoryLimitDays", 10);
        item.put("promisedLimitDays", 3);
        item.put("fee", Map.of("charged", false, "description", "不收费"));
        item.put("channels", List.of("kiosk", "mobile"));
        item.put("hardware", List.of("id_card_reader"));
        item.put("formSchema", Map.of("$schema", "https://json-schema.org/draft/2020-12/schema", "type", "object",
                "required", required, "properties", properties));
        return item;
    }

    private String formText(String id, String item, String field) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT form_data->?->>? FROM submission WHERE id = ?")) {
            q.setString(1, item);
            q.setString(2, field);
            q.setObject(3, UUID.fromString(id));
            try (ResultSet rows = q.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
