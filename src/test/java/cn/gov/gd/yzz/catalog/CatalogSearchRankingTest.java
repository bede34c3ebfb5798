package cn.gov.gd.yzz.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.KioskSimulator;
import cn.gov.gd.yzz.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Residents find their service with the words they use, ranked by how well it matched and how much it is used. */
@QuarkusTest
class CatalogSearchRankingTest extends ApiTest {

    @Inject
    ItemPopularity popularity;

    @Inject
    AgroalDataSource dataSource;

    private static JsonPath search(String q) {
        return given().queryParam("q", q).queryParam("size", 100).get("/api/v1/services").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void dibaoFindsTheMinimumLivingAllowanceFirstAndSaysWhy() {
        JsonPath hits = search("低保");
        assertThat(hits.getString("items[0].name")).isEqualTo("最低生活保障申请");
        assertThat(hits.getString("items[0].matchedBy")).isEqualTo("alias");
        assertThat(hits.getString("items[0].matchedAlias")).isEqualTo("低保");
        for (String q : List.of("dibao", "db", "DiBao")) {
            JsonPath pinyin = search(q);
            assertThat(pinyin.getString("items[0].code")).as("q=%s", q).isEqualTo("CIVIL_AFFAIRS-001");
            assertThat(pinyin.getString("items[0].matchedBy")).as("q=%s", q).isEqualTo("pinyin");
            assertThat(pinyin.getString("items[0].matchedAlias")).as("q=%s", q).isEqualTo("低保");
        }
    }

    @Test
    void socialSecurityCardFindsTheCardItemsApplicationFirst() {
        List<String> codes = search("社保卡").getList("items.code", String.class);
        assertThat(codes).first().isEqualTo("HRSS-017");
        assertThat(codes).contains("HRSS-017", "HRSS-018", "HRSS-019");
    }

    @ParameterizedTest(name = "q={0} finds {1} first")
    @CsvSource({"医保, MEDICAL_INSURANCE-002", "农合, MEDICAL_INSURANCE-002", "身份证, PUBLIC_SECURITY-004",
            "老人证, TRANSPORT-003", "老年人优待证, TRANSPORT-003", "独生子女证, HEALTH-003", "五保, CIVIL_AFFAIRS-002",
            "特困, CIVIL_AFFAIRS-002", "残疾证, DISABLED_FEDERATION-002", "房产证, NATURAL_RESOURCES-003",
            "不动产权证, NATURAL_RESOURCES-003", "结婚证, CIVIL_AFFAIRS-006", "准生证, HEALTH-005",
            "户口, PUBLIC_SECURITY-001", "营业执照, MARKET_REGULATION-001", "yibao, MEDICAL_INSURANCE-002",
            "sbk, HRSS-017"})
    void colloquialNamesFindTheirItemFirst(String q, String code) {
        assertThat(search(q).getString("items[0].code")).isEqualTo(code);
    }

    @Test
    void exactBeforePrefixBeforeSubstringBeforePinyin() {
        List<String> codes = search("社保").getList("items.code", String.class);
        // 社保 is an alias of HRSS-001; 社保卡 (HRSS-017) starts with it; 灵活就业人员社保缴费 (HRSS-006) only contains it
        assertThat(codes.get(0)).isEqualTo("HRSS-001");
        assertThat(codes.indexOf("HRSS-017")).isLessThan(codes.indexOf("HRSS-006"));
        JsonPath byName = search("最低生活保障申请");
        assertThat(byName.getString("items[0].matchedBy")).isEqualTo("name");
        assertThat(byName.getMap("items[0]")).doesNotContainKey("matchedAlias");
        assertThat(search("hrss-017").getString("items[0].matchedBy")).isEqualTo("code");
        // a Chinese query matches no pinyin key; a pinyin query is ranked among pinyin matches
        JsonPath shebao = search("shebao");
        assertThat(shebao.getList("items.matchedBy", String.class)).containsOnly("pinyin");
    }

    @Test
    void listingsWithoutQueryKeepCatalogOrderAndSayNothingAboutMatches() {
        JsonPath page = given().queryParam("department", "CIVIL_AFFAIRS").get("/api/v1/services").then()
                .statusCode(200).extract().jsonPath();
        assertThat(page.getString("items[0].code")).isEqualTo("CIVIL_AFFAIRS-001");
        assertThat(page.getMap("items[0]")).doesNotContainKeys("matchedBy", "matchedAlias");
        assertThat(given().get("/api/v1/services/CIVIL_AFFAIRS-001").then().statusCode(200).extract().jsonPath()
                .getList("aliases", String.class)).startsWith("低保", "低保申请");
    }

    @Test
    void itemsMatchingAlikeAreOrderedByTheirUseInTheLast90Days() throws Exception {
        // 社保卡挂失 (HRSS-018) and 社保卡补办 (HRSS-019) both start with 社保卡 through an alias: equal matches
        popularity.refresh();
        String before = given().queryParam("q", "社保卡").get("/api/v1/services").then().extract().header("ETag");
        List<String> order = search("社保卡").getList("items.code", String.class);
        String ahead = order.indexOf("HRSS-018") < order.indexOf("HRSS-019") ? "HRSS-018" : "HRSS-019";
        String behind = ahead.equals("HRSS-018") ? "HRSS-019" : "HRSS-018";
        long needed = usesInWindow(ahead) - usesInWindow(behind) + 3;

        KioskSimulator kiosk = KioskSimulator.register(Staff.token(Staff.ADMIN));
        String device = kiosk.deviceToken();
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(2);
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < needed; i++) {
            Map<String, Object> event = new HashMap<>();
            event.put("eventId", UUID.randomUUID().toString());
            event.put("serviceCode", behind);
            event.put("occurredAt", at.plusSeconds(i).toString());
            event.put("kind", "query");
            events.add(event);
        }
        given().auth().oauth2(device).contentType("application/json").body(Map.of("events", events))
                .post("/api/v1/kiosks/{id}/transactions", kiosk.id()).then().statusCode(200)
                .body("accepted", org.hamcrest.Matchers.equalTo((int) needed));

        // searches do not read the rollups: the order moves with the next refresh, not before
        List<String> unchanged = search("社保卡").getList("items.code", String.class);
        assertThat(unchanged.indexOf(ahead)).isLessThan(unchanged.indexOf(behind));
        popularity.refresh();
        List<String> after = search("社保卡").getList("items.code", String.class);
        assertThat(after.get(0)).as("the exact alias stays first whatever the use").isEqualTo("HRSS-017");
        assertThat(after.indexOf(behind)).as("more used now").isLessThan(after.indexOf(ahead));
        assertThat(given().queryParam("q", "社保卡").get("/api/v1/services").then().extract().header("ETag"))
                .as("a new order is a new answer").isNotEqualTo(before);
    }

    private long usesInWindow(String code) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT coalesce(sum(transactions), 0) FROM txn_daily WHERE service_code = ?"
                        + " AND day > current_date - 90")) {
            q.setString(1, code);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
