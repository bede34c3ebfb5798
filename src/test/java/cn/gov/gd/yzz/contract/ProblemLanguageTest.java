package cn.gov.gd.yzz.contract;

import static cn.gov.gd.yzz.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.Citizens;
import cn.gov.gd.yzz.support.KioskSimulator;
import cn.gov.gd.yzz.support.Staff;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Residents read errors on the kiosk screen: problem titles, details and field messages come in Simplified Chinese
 * by default and with {@code Accept-Language: zh-CN}, in English with {@code en}; the code never changes.
 */
@QuarkusTest
class ProblemLanguageTest extends ApiTest {

    private static final String HAN = "\\p{IsHan}";

    @Test
    void aProblemIsChineseByDefaultAndEnglishWhenAsked() {
        for (String language : new String[] {"zh-CN", "zh", "zh-CN,zh;q=0.9,en;q=0.8", null}) {
            ValidatableResponse chinese = (language == null ? given() : given().header("Accept-Language", language))
                    .get("/api/v1/services/XX-0000").then();
            assertProblem(chinese, 404, "not-found");
            chinese.header("Content-Language", "zh-CN");
            assertThat(chinese.extract().path("title").toString()).isEqualTo("未找到");
            assertThat(chinese.extract().path("detail").toString()).containsPattern(HAN).contains("XX-0000");
        }
        for (String language : new String[] {"en", "en-US,en;q=0.9", "fr;q=0.9, en;q=0.5"}) {
            ValidatableResponse english = given().header("Accept-Language", language)
                    .get("/api/v1/services/XX-0000").then();
            assertProblem(english, 404, "not-found");
            english.header("Content-Language", "en");
            assertThat(english.extract().path("title").toString()).isEqualTo("Not found");
            assertThat(english.extract().path("detail").toString())
                    .isEqualTo("Service item 'XX-0000' does not exist");
        }
    }

    @Test
    void theErrorsOfAQueryParameterAndOfTheHttpLayerAreTranslatedToo() {
        ValidatableResponse chinese = given().header("Accept-Language", "zh-CN").queryParam("size", 1000)
                .get("/api/v1/services").then();
        assertProblem(chinese, 400, "invalid-parameter");
        assertThat(chinese.extract().path("detail").toString()).isEqualTo("请求参数“size”的值无效。");
        ValidatableResponse english = given().header("Accept-Language", "en").queryParam("size", 1000)
                .get("/api/v1/services").then();
        assertThat(english.extract().path("detail").toString()).startsWith("Query parameter 'size'");

        ValidatableResponse refused = given().header("Accept-Language", "zh-CN").post("/api/v1/departments").then();
        assertProblem(refused, 405, "method-not-allowed");
        assertThat(refused.extract().path("title").toString()).containsPattern(HAN);
    }

    @Test
    void validationMessagesOfHibernateValidatorAreInTheCallersLanguage() {
        KioskSimulator kiosk = KioskSimulator.register(Staff.token(Staff.ADMIN));
        String token = kiosk.deviceToken();
        Map<String, Object> bad = Map.of("appVersion", "", "peripherals", Map.of());
        ValidatableResponse chinese = given().auth().oauth2(token).contentType("application/json")
                .header("Accept-Language", "zh-CN").body(bad).post("/api/v1/kiosks/{id}/heartbeat", kiosk.id()).then();
        assertProblem(chinese, 400, "validation-failed");
        assertThat(chinese.extract().path("title").toString()).isEqualTo("输入有误");
        assertThat(chinese.extract().<List<String>>path("errors.message")).allMatch(m -> m.matches(".*" + HAN + ".*"));

        ValidatableResponse english = given().auth().oauth2(token).contentType("application/json")
                .header("Accept-Language", "en").body(bad).post("/api/v1/kiosks/{id}/heartbeat", kiosk.id()).then();
        assertProblem(english, 400, "validation-failed");
        assertThat(english.extract().path("title").toString()).isEqualTo("Validation failed");
        assertThat(english.extract().<List<String>>path("errors.message")).contains("must not be blank");
    }

    @Test
    void formDataMessagesOfTheJsonSchemaValidatorAreInTheCallersLanguage() {
        String citizen = Citizens.newMobileCitizen();
        Map<String, Object> body = Map.of("serviceCode", "HRSS-008", "formData", Map.of("pensionType",
                "城乡居民基本养老保险", "residenceStatus", "县内居住", "phone", "12"));
        ValidatableResponse chinese = given().auth().oauth2(citizen).contentType("application/json")
                .header("Idempotency-Key", "lang-" + UUID.randomUUID()).header("Accept-Language", "zh-CN")
                .body(body).post("/api/v1/submissions").then();
        assertProblem(chinese, 400, "validation-failed");
        assertThat(chinese.extract().<List<String>>path("errors.pointer")).contains("/formData/phone");
        assertThat(chinese.extract().<List<String>>path("errors.message")).allMatch(m -> m.matches(".*" + HAN + ".*"));

        ValidatableResponse english = given().auth().oauth2(citizen).contentType("application/json")
                .header("Idempotency-Key", "lang-" + UUID.randomUUID()).header("Accept-Language", "en")
                .body(body).post("/api/v1/submissions").then();
        assertProblem(english, 400, "validation-failed");
        assertThat(english.extract().<List<String>>path("errors.message"))
                .anyMatch(m -> m.contains("does not match the regex pattern"));
    }
}
