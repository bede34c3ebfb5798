package cn.gov.gd.yzz.catalog;

import static cn.gov.gd.yzz.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CatalogAdminApiTest extends ApiTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Event<CatalogChanged> catalogChanged;

    /** Other tests count the reference catalog: leave it as it was. */
    @AfterEach
    void removeTestItems() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM service_item WHERE code LIKE 'AGRICULTURE-9%' OR code = 'HRSS-950'");
        }
        catalogChanged.fire(new CatalogChanged("test", "cleanup"));
    }

    private static Map<String, Object> item(String code, String department, Object formSchema) {
        Map<String, Object> item = new HashMap<>();
        item.put("code", code);
        item.put("name", "农村电商培训报名" + code);
        item.put("department", department);
        item.put("kind", "public_service");
        item.put("legalBasis", "《广东省乡村振兴促进条例》");
        item.put("materials", List.of(Map.of("name", "居民身份证", "required", true, "form", "original", "copies", 1)));
        item.put("statutoryLimitDays", 10);
        item.put("promisedLimitDays", 3);
        item.put("fee", Map.of("charged", false, "description", "不收费"));
        item.put("channels", List.of("kiosk", "mobile"));
        item.put("hardware", List.of("id_card_reader", "camera"));
        item.put("formSchema", formSchema);
        return item;
    }

    private static final Map<String, Object> FORM = Map.of("$schema", "https://json-schema.org/draft/2020-12/schema",
            "type", "object", "required", List.of("course"),
            "properties", Map.of("course", Map.of("type", "string", "enum", List.of("直播带货", "网店运营"))));

    @Test
    void anAdminAddsAServiceItemThePublicCatalogServesWithANewEtag() {
        String admin = Staff.token(Staff.ADMIN);
        String before = given().get("/api/v1/departments").then().extract().header("ETag");
        given().auth().oauth2(admin).contentType("application/json").body(item("AGRICULTURE-901", "AGRICULTURE", FORM))
                .put("/api/v1/admin/services/AGRICULTURE-901").then().statusCode(201)
                .body("code", equalTo("AGRICULTURE-901")).body("department.code", equalTo("AGRICULTURE"));
        given().auth().oauth2(admin).contentType("application/json").body(item("AGRICULTURE-901", "AGRICULTURE", FORM))
                .put("/api/v1/admin/services/AGRICULTURE-901").then().statusCode(200);
        assertThat(given().get("/api/v1/departments").then().extract().header("ETag")).isNotEqualTo(before);
        given().queryParam("q", "dspx").get("/api/v1/services").then().statusCode(200)
                .body("items.code", hasItem("AGRICULTURE-901"));
        given().auth().oauth2(admin).queryParam("action", "service.create").get("/api/v1/admin/audit").then()
                .statusCode(200).body("items.subjectId", hasItem("AGRICULTURE-901"));
    }

    @Test
    void refusesInvalidSchemasUnknownDepartmentsAndMismatchedCodes() {
        String admin = Staff.token(Staff.ADMIN);
        assertProblem(given().auth().oauth2(admin).contentType("application/json")
                .body(item("AGRICULTURE-902", "AGRICULTURE", Map.of("type", "object", "minProperties", "many")))
                .put("/api/v1/admin/services/AGRICULTURE-902").then(), 400, "invalid-form-schema");
        assertProblem(given().auth().oauth2(admin).contentType("application/json")
                .body(item("AGRICULTURE-903", "AGRICULTURE", Map.of("type", "object",
                        "properties", Map.of("x", Map.of("$ref", "https://evil.example/schema")))))
                .put("/api/v1/admin/services/AGRICULTURE-903").then(), 400, "invalid-form-schema");
        assertProblem(given().auth().oauth2(admin).contentType("application/json")
                .body(item("NOPE-001", "NOPE", FORM)).put("/api/v1/admin/services/NOPE-001").then(), 400,
                "unknown-department");
        assertProblem(given().auth().oauth2(admin).contentType("application/json")
                .body(item("AGRICULTURE-904", "AGRICULTURE", FORM)).put("/api/v1/admin/services/AGRICULTURE-905")
                .then(), 400, "code-mismatch");
        assertProblem(given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("code", "HRSS", "name", "重复", "shortName", "重复", "sortOrder", 1))
                .post("/api/v1/admin/departments").then(), 409, "department-exists");
        assertProblem(given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("code", "BIRTH", "name", "出生一件事", "description", "", "sortOrder", 0,
                        "items", List.of("NOPE-1")))
                .put("/api/v1/admin/themes/BIRTH").then(), 400, "unknown-service");
        given().get("/api/v1/services/AGRICULTURE-902").then().statusCode(404);
    }

    @Test
    void reordersAThemeAndRefusesWhatTheDatabaseWouldRefuse() {
        String admin = Staff.token(Staff.ADMIN);
        var theme = given().get("/api/v1/themes/RETIREMENT").then().extract().jsonPath();
        List<String> items = theme.getList("items.code", String.class);
        List<String> reversed = new java.util.ArrayList<>(items);
        java.util.Collections.reverse(reversed);
        int position = given().get("/api/v1/themes").then().extract().jsonPath().getList("items.code")
                .indexOf("RETIREMENT");
        for (List<String> order : List.of(reversed, items)) {
            given().auth().oauth2(admin).contentType("application/json")
                    .body(Map.of("code", "RETIREMENT", "name", theme.getString("name"), "description",
                            theme.getString("description"), "sortOrder", position, "items", order))
                    .put("/api/v1/admin/themes/RETIREMENT").then().statusCode(200)
                    .body("items.code", org.hamcrest.Matchers.contains(order.toArray()));
        }
        assertProblem(given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("code", "DUPLICATE_NAME", "name", "和平县水务局", "shortName", "重名", "sortOrder", 99))
                .put("/api/v1/admin/departments/DUPLICATE_NAME").then(), 409, "conflict");
        Map<String, Object> noFee = item("AGRICULTURE-906", "AGRICULTURE", FORM);
        noFee.put("fee", Map.of("charged", false));
        assertProblem(given().auth().oauth2(admin).contentType("application/json").body(noFee)
                .put("/api/v1/admin/services/AGRICULTURE-906").then(), 400, "validation-failed");
        assertProblem(given().auth().oauth2(admin).contentType("application/json")
                .body(item("AGRICULTURE-907", "AGRICULTURE", Map.of("type", "object",
                        "properties", Map.of("x", Map.of("$ref", "#/$defs/nowhere")))))
                .put("/api/v1/admin/services/AGRICULTURE-907").then(), 400, "invalid-form-schema");
    }

    @Test
    void onlyAdminsChangeTheCatalog() {
        assertProblem(given().contentType("application/json").body(item("HRSS-950", "HRSS", FORM))
                .put("/api/v1/admin/services/HRSS-950").then(), 401, "unauthorized");
        assertProblem(given().auth().oauth2(Staff.token(Staff.REVIEWER_HRSS)).contentType("application/json")
                .body(item("HRSS-950", "HRSS", FORM)).put("/api/v1/admin/services/HRSS-950").then(), 403, "forbidden");
    }
}
