package cn.gov.gd.yzz.catalog;

import static cn.gov.gd.yzz.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import cn.gov.gd.yzz.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CatalogApiTest extends ApiTest {

    @Test
    void listsTheReferenceCountysTwentyFourDepartments() {
        JsonPath page = given().get("/api/v1/departments").then().statusCode(200)
                .header("ETag", notNullValue()).extract().jsonPath();
        assertThat(page.getInt("total")).isEqualTo(24);
        assertThat(page.getList("items")).hasSize(24);
        List<Integer> counts = page.getList("items.itemCount", Integer.class);
        assertThat(counts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(230);
        assertThat(counts).allMatch(count -> count >= 3);
        assertThat(page.getList("items.code", String.class)).contains("HRSS", "MEDICAL_INSURANCE", "PUBLIC_SECURITY");
    }

    @Test
    void pagesThroughAllTwoHundredThirtyServiceItems() {
        JsonPath first = given().queryParam("size", 100).get("/api/v1/services").then().statusCode(200)
                .extract().jsonPath();
        assertThat(first.getLong("total")).isEqualTo(230);
        assertThat(first.getInt("totalPages")).isEqualTo(3);
        JsonPath last = given().queryParam("size", 100).queryParam("page", 2).get("/api/v1/services").then()
                .statusCode(200).extract().jsonPath();
        assertThat(last.getList("items")).hasSize(30);
        JsonPath beyond = given().queryParam("size", 100).queryParam("page", 3).get("/api/v1/services").then()
                .statusCode(200).extract().jsonPath();
        assertThat(beyond.getList("items")).isEmpty();
    }

    @Test
    void listsFortyOneThemesEachSpanningItsDepartments() {
        JsonPath page = given().get("/api/v1/themes").then().statusCode(200).extract().jsonPath();
        assertThat(page.getInt("total")).isEqualTo(41);
        String code = page.getString("items[0].code");
        given().get("/api/v1/themes/{code}", code).then().statusCode(200)
                .body("code", equalTo(code))
                .body("items.size()", equalTo(page.getInt("items[0].itemCount")));
    }

    @Test
    void findsSocialInsurancePaymentByPinyinInitialsAndFullPinyin() {
        for (String q : List.of("sbjf", "shebao", "SBJF", "社保缴费")) {
            List<String> names = given().queryParam("q", q).get("/api/v1/services").then().statusCode(200)
                    .extract().jsonPath().getList("items.name", String.class);
            assertThat(names).as("q=%s", q).isNotEmpty()
                    .anyMatch(name -> name.contains("社保") && name.contains("缴费"));
        }
    }

    @Test
    void findsItemsByCodeAndChineseSubstring() {
        given().queryParam("q", "hrss-001").get("/api/v1/services").then().statusCode(200)
                .body("items.code", hasItem("HRSS-001"));
        given().queryParam("q", "无犯罪").get("/api/v1/services").then().statusCode(200)
                .body("items.name", hasItem(org.hamcrest.Matchers.containsString("无犯罪")));
        given().queryParam("q", "zzzzqqqq").get("/api/v1/services").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void filtersByDepartmentChannelKindAndTheme() {
        given().queryParam("department", "HRSS").queryParam("size", 100).get("/api/v1/services").then()
                .statusCode(200).body("items.department.code", everyItem(equalTo("HRSS")));
        given().queryParam("channel", "kiosk").queryParam("kind", "print").queryParam("size", 100)
                .get("/api/v1/services").then().statusCode(200)
                .body("items.kind", everyItem(equalTo("print")))
                .body("items.channels", everyItem(hasItem("kiosk")));
        String theme = given().get("/api/v1/themes").then().extract().jsonPath().getString("items[0].code");
        List<String> members = given().get("/api/v1/themes/{code}", theme).then().extract().jsonPath()
                .getList("items.code", String.class);
        List<String> filtered = given().queryParam("theme", theme).queryParam("size", 100).get("/api/v1/services")
                .then().statusCode(200).extract().jsonPath().getList("items.code", String.class);
        assertThat(filtered).containsExactlyInAnyOrderElementsOf(members);
    }

    @Test
    void servesEveryStandardElementOfAnItem() {
        Map<String, Object> item = given().get("/api/v1/services/HRSS-001").then().statusCode(200)
                .body("department.code", equalTo("HRSS"))
                .extract().jsonPath().getMap("$");
        assertThat(item).containsKeys("code", "name", "kind", "kindLabel", "legalBasis", "materials",
                "statutoryLimitDays", "promisedLimitDays", "fee", "channels", "hardware", "formSchema");
        given().get("/api/v1/services/HRSS-001").then()
                .body("formSchema.type", equalTo("object"))
                .body("formSchema.required", notNullValue());
    }

    @Test
    void answersNotModifiedToTheCurrentEtag() {
        String etag = given().get("/api/v1/services/HRSS-001").then().statusCode(200)
                .header("Cache-Control", org.hamcrest.Matchers.containsString("max-age"))
                .extract().header("ETag");
        String body = given().header("If-None-Match", etag).get("/api/v1/services/HRSS-001").then()
                .statusCode(304).header("ETag", equalTo(etag)).extract().asString();
        assertThat(body).isEmpty();
        given().header("If-None-Match", "W/\"0000-0000\"").get("/api/v1/services/HRSS-001").then().statusCode(200);

        String listTag = given().queryParam("q", "sbjf").get("/api/v1/services").then().extract().header("ETag");
        given().queryParam("q", "sbjf").header("If-None-Match", listTag).get("/api/v1/services").then()
                .statusCode(304);
        assertThat(given().queryParam("q", "shebao").get("/api/v1/services").then().extract().header("ETag"))
                .as("another query has another ETag").isNotEqualTo(listTag);
    }

    @Test
    void refusesBadParametersWithProblemAnswers() {
        assertProblem(given().queryParam("size", 100000).get("/api/v1/services").then(), 400, "invalid-parameter");
        assertProblem(given().queryParam("page", -1).get("/api/v1/services").then(), 400, "invalid-parameter");
        assertProblem(given().queryParam("size", "ten").get("/api/v1/services").then(), 400, "invalid-parameter");
        assertProblem(given().queryParam("size", 0).get("/api/v1/departments").then(), 400, "invalid-parameter");
        assertProblem(given().queryParam("department", "NOPE").get("/api/v1/services").then(), 400,
                "invalid-parameter");
        assertProblem(given().queryParam("theme", "NOPE").get("/api/v1/services").then(), 400, "invalid-parameter");
        assertProblem(given().queryParam("channel", "fax").get("/api/v1/services").then(), 400, "invalid-parameter");
        assertProblem(given().queryParam("kind", "magic").get("/api/v1/services").then(), 400, "invalid-parameter");
        assertProblem(given().queryParam("q", "x".repeat(101)).get("/api/v1/services").then(), 400,
                "invalid-parameter");
        given().queryParam("size", 100000).get("/api/v1/services").then()
                .body("errors.parameter", hasItem("size"));
    }

    @Test
    void answersNotFoundForUnknownCodesAndPaths() {
        assertProblem(given().get("/api/v1/services/NOPE").then(), 404, "not-found");
        assertProblem(given().get("/api/v1/themes/NOPE").then(), 404, "not-found");
        assertProblem(given().get("/api/v1/no-such-thing").then(), 404, "not-found");
        assertProblem(given().post("/api/v1/departments").then(), 405, "method-not-allowed");
    }

    @Test
    void listsAreBoundedByTheMaximumPageSize() {
        given().queryParam("size", 100).get("/api/v1/services").then().statusCode(200).body("items", hasSize(100));
        assertProblem(given().queryParam("size", 101).get("/api/v1/services").then(), 400, "invalid-parameter");
    }
}
