package cn.gov.gd.yzz.catalog;

import static cn.gov.gd.yzz.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Admins keep the aliases of service items; every instance searches them within the refresh interval. */
@QuarkusTest
class CatalogAliasAdminTest extends ApiTest {

    private static final String ITEM = "FORESTRY-006";
    private static final List<String> SHIPPED = List.of("野猪补偿", "野猪损害", "野生动物伤人补偿");

    @Inject
    AgroalDataSource dataSource;

    private String admin;

    @BeforeEach
    void signIn() {
        admin = Staff.token(Staff.ADMIN);
    }

    /** Other tests read the shipped aliases: put them back. */
    @AfterEach
    void restoreShippedAliases() {
        put(SHIPPED).statusCode(200);
    }

    private ValidatableResponse put(List<String> aliases) {
        return given().auth().oauth2(admin).contentType("application/json").body(Map.of("aliases", aliases))
                .put("/api/v1/admin/services/{code}/aliases", ITEM).then();
    }

    private ValidatableResponse add(String alias) {
        return given().auth().oauth2(admin).contentType("application/json").body(Map.of("alias", alias))
                .post("/api/v1/admin/services/{code}/aliases", ITEM).then();
    }

    private static List<String> found(String q) {
        return given().queryParam("q", q).queryParam("size", 100).get("/api/v1/services").then().statusCode(200)
                .extract().jsonPath().getList("items.code", String.class);
    }

    @Test
    void anAdminAddsAnAliasThatSearchFindsAtOnceAudited() {
        assertThat(found("猴子偷玉米")).doesNotContain(ITEM);
        add("猴子偷玉米").statusCode(201).body("code", equalTo(ITEM))
                .body("aliases", contains("野猪补偿", "野猪损害", "野生动物伤人补偿", "猴子偷玉米"));
        assertThat(found("猴子偷玉米")).first().isEqualTo(ITEM);
        assertThat(found("hztym")).first().isEqualTo(ITEM);
        assertThat(found("houzi")).contains(ITEM);
        given().get("/api/v1/services/{code}", ITEM).then().statusCode(200).body("aliases", hasItem("猴子偷玉米"));

        given().auth().oauth2(admin).delete("/api/v1/admin/services/{code}/aliases/{alias}", ITEM, "猴子偷玉米")
                .then().statusCode(200).body("aliases", contains(SHIPPED.toArray()));
        assertThat(found("猴子偷玉米")).doesNotContain(ITEM);
        put(List.of("野猪拱田", "野猪补偿")).statusCode(200).body("aliases", contains("野猪拱田", "野猪补偿"));
        assertThat(found("野猪损害")).doesNotContain(ITEM);
        assertThat(found("野猪拱田")).first().isEqualTo(ITEM);

        List<String> actions = given().auth().oauth2(admin).queryParam("subjectType", "service").queryParam("size", 100)
                .get("/api/v1/admin/audit").then().statusCode(200).extract().jsonPath().getList("items.action");
        assertThat(actions).contains("service.alias.add", "service.alias.remove", "service.aliases.replace");
    }

    @Test
    void anAliasWrittenByAnotherInstanceIsFoundAfterTheNextVersionPoll() throws Exception {
        // another instance wrote it: only the database knows (the same row and search keys its writer would write)
        PinyinKeys pinyin = PinyinKeys.of("山猪拱菜");
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO service_item_alias (item_code, position, alias, pinyin_full, pinyin_initials)"
                        + " VALUES (?, 3, '山猪拱菜', ?, ?)")) {
            s.setString(1, ITEM);
            s.setString(2, pinyin.fullText());
            s.setString(3, pinyin.initialsText());
            s.executeUpdate();
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!found("山猪拱菜").contains(ITEM) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(found("山猪拱菜")).as("found within the refresh interval").first().isEqualTo(ITEM);
        assertThat(found("szgc")).first().isEqualTo(ITEM);
    }

    @Test
    void refusesBadAliasesAndChangesNothing() {
        String before = given().get("/api/v1/services/{code}", ITEM).then().extract().header("ETag");
        // a control character is refused for any text of any body before the alias rules look at it
        assertProblem(put(List.of("野猪\u0000咬人")), 400, "invalid-text");
        for (List<String> bad : List.of(List.of("a".repeat(31)), List.of(""),
                List.of(" 野猪"), List.of("野猪\u200b补"), List.of("！？。"), List.of("野猪", "野 猪"),
                List.of("野生动物致害补偿申请"), manyAliases(21))) {
            assertProblem(put(bad), 400, "invalid-alias");
        }
        List<Object> withNull = new ArrayList<>(Arrays.asList("野猪", null));
        assertProblem(given().auth().oauth2(admin).contentType("application/json").body(Map.of("aliases", withNull))
                .put("/api/v1/admin/services/{code}/aliases", ITEM).then(), 400, "invalid-alias");
        put(List.of("野猪", "野 猪")).body("errors[0].pointer", equalTo("/aliases/1"));
        assertProblem(add("野猪\ttab"), 400, "invalid-text");
        assertProblem(add("野猪 补偿"), 409, "alias-exists");
        assertProblem(given().auth().oauth2(admin).contentType("application/json").body(Map.of("alias", "x"))
                .post("/api/v1/admin/services/{code}/aliases", "NOPE-001").then(), 404, "not-found");
        assertProblem(given().auth().oauth2(admin).delete("/api/v1/admin/services/{code}/aliases/{alias}", ITEM,
                "没有这个").then(), 404, "not-found");
        assertProblem(given().auth().oauth2(admin).contentType("application/json").body("{\"aliases\": 7}")
                .put("/api/v1/admin/services/{code}/aliases", ITEM).then(), 400, "malformed-body");
        assertProblem(given().auth().oauth2(admin).contentType("application/json").body("{}")
                .put("/api/v1/admin/services/{code}/aliases", ITEM).then(), 400, "validation-failed");
        assertProblem(given().auth().oauth2(Staff.token(Staff.REVIEWER_HRSS)).contentType("application/json")
                .body(Map.of("alias", "x")).post("/api/v1/admin/services/{code}/aliases", ITEM).then(), 403,
                "forbidden");
        assertProblem(given().contentType("application/json").body(Map.of("alias", "x"))
                .post("/api/v1/admin/services/{code}/aliases", ITEM).then(), 401, "unauthorized");

        given().get("/api/v1/services/{code}", ITEM).then().statusCode(200)
                .body("aliases", contains(SHIPPED.toArray()));
        assertThat(given().get("/api/v1/services/{code}", ITEM).then().extract().header("ETag")).isEqualTo(before);
    }

    @Test
    void anItemHasAtMostTwentyAliases() {
        put(manyAliases(20)).statusCode(200);
        assertProblem(add("第二十一个"), 409, "too-many-aliases");
    }

    private static List<String> manyAliases(int n) {
        List<String> aliases = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            aliases.add("野猪别名" + (char) ('甲' + i));
        }
        return aliases;
    }
}
