package cn.gov.gd.yzz.catalog;

import static cn.gov.gd.yzz.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Kiosks that keep the catalog offline catch up with small deltas; applied in turn they give today's catalog. */
@QuarkusTest
class CatalogChangesApiTest extends ApiTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Event<CatalogChanged> catalogChanged;

    private String admin;

    @BeforeEach
    void signIn() {
        admin = Staff.token(Staff.ADMIN);
    }

    /** Other tests count the reference catalog: leave it as it was. */
    @AfterEach
    void restore() throws Exception {
        sql("DELETE FROM theme WHERE code = 'DELTA_TEST'",
                "DELETE FROM service_item WHERE code IN ('AGRICULTURE-951', 'AGRICULTURE-952')",
                "DELETE FROM service_item_alias WHERE item_code = 'WATER-003' AND alias = '三通一平'",
                "DELETE FROM theme_item WHERE theme_code = 'RETIREMENT'",
                "INSERT INTO theme_item (theme_code, position, item_code) VALUES ('RETIREMENT', 0, 'HRSS-012'),"
                        + " ('RETIREMENT', 1, 'MEDICAL_INSURANCE-016'), ('RETIREMENT', 2, 'HOUSING_FUND-003'),"
                        + " ('RETIREMENT', 3, 'HRSS-008')",
                "UPDATE department SET name = '和平县林业局' WHERE code = 'FORESTRY'");
        catalogChanged.fire(new CatalogChanged("test", "cleanup"));
    }

    private void sql(String... statements) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.executeUpdate(statement);
            }
        }
    }

    private static JsonPath changes(Object since) {
        var request = given();
        if (since != null) {
            request.queryParam("since", since);
        }
        return request.get("/api/v1/catalog/changes").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void withoutAKnownVersionTheWholeCatalogComesAndSaysWhy() {
        JsonPath full = changes(null);
        assertThat(full.getBoolean("full")).isTrue();
        assertThat(full.getString("fullReason")).isEqualTo("no_version");
        assertThat(full.getList("services.added")).hasSize(230);
        assertThat(full.getList("departments.added")).hasSize(24);
        assertThat(full.getList("themes.added")).hasSize(41);
        assertThat(full.getList("departmentOrder")).hasSize(24);
        assertThat(full.getList("services.added.find { it.code == 'CIVIL_AFFAIRS-001' }.aliases", String.class))
                .contains("低保");
        long version = full.getLong("version");

        JsonPath unknown = changes(version + 1_000_000);
        assertThat(unknown.getBoolean("full")).isTrue();
        assertThat(unknown.getString("fullReason")).isEqualTo("unknown_version");
        assertThat(unknown.getLong("version")).isEqualTo(version);
        JsonPath tooOld = changes(0);
        assertThat(tooOld.getString("fullReason")).isEqualTo("too_old");
        assertThat(tooOld.getList("services.added")).hasSize(230);

        JsonPath none = changes(version);
        assertThat(none.getBoolean("full")).isFalse();
        assertThat(none.getMap("$")).doesNotContainKey("fullReason");
        assertThat(none.getList("services.added")).isEmpty();
        assertThat(none.getList("services.changed")).isEmpty();
        assertThat(none.getList("themes.removed")).isEmpty();
    }

    @Test
    void deltasAreCacheableAndBadVersionsAreRefused() {
        long version = changes(null).getLong("version");
        String etag = given().queryParam("since", version).get("/api/v1/catalog/changes").then().statusCode(200)
                .header("Cache-Control", org.hamcrest.Matchers.containsString("max-age"))
                .extract().header("ETag");
        given().queryParam("since", version).header("If-None-Match", etag).get("/api/v1/catalog/changes").then()
                .statusCode(304);
        for (String bad : List.of("-1", "abc", "1.5", "99999999999999999999")) {
            assertProblem(given().queryParam("since", bad).get("/api/v1/catalog/changes").then(), 400,
                    "invalid-parameter");
        }
        // a current ETag does not turn a bad request into a 304 (unchanged checks are answered before the operation is
        // reached, HeldCatalogChecks): the parameter checks still refuse it
        assertProblem(given().queryParam("since", version + "\u0000").header("If-None-Match", etag)
                .get("/api/v1/catalog/changes").then(), 400, "invalid-text");
        assertProblem(given().queryParam("since", version).queryParam("x", "\u0000").header("If-None-Match", etag)
                .get("/api/v1/catalog/changes").then(), 400, "invalid-text");
    }

    @Test
    void aChangeGivesADeltaWithExactlyThatChange() {
        long v0 = changes(null).getLong("version");
        addAlias("WATER-003", "三通一平");
        JsonPath alias = changes(v0);
        assertThat(alias.getLong("version")).isGreaterThan(v0);
        assertThat(alias.getList("services.changed.code")).containsExactly("WATER-003");
        assertThat(alias.getList("services.changed[0].aliases", String.class)).contains("三通一平");
        assertNothingElse(alias, "services.changed");

        // a theme gains a member: the theme and that member (its detail lists its themes), nothing else
        long v1 = alias.getLong("version");
        JsonPath theme = given().get("/api/v1/themes/RETIREMENT").then().extract().jsonPath();
        List<String> members = new ArrayList<>(theme.getList("items.code", String.class));
        members.add("FORESTRY-006");
        putTheme("RETIREMENT", theme.getString("name"), theme.getString("description"), members);
        JsonPath membership = changes(v1);
        assertThat(membership.getList("themes.changed.code")).containsExactly("RETIREMENT");
        assertThat(membership.getList("services.changed.code")).containsExactly("FORESTRY-006");
        assertNothingElse(membership, "themes.changed", "services.changed");

        // and loses its first member: the others move up a position, which shows in the theme only
        long v1b = membership.getLong("version");
        String first = members.remove(0);
        putTheme("RETIREMENT", theme.getString("name"), theme.getString("description"), members);
        JsonPath leaving = changes(v1b);
        assertThat(leaving.getList("themes.changed.code")).containsExactly("RETIREMENT");
        assertThat(leaving.getList("services.changed.code")).containsExactly(first);
        assertNothingElse(leaving, "themes.changed", "services.changed");
        members.add(0, first);
        members.remove("FORESTRY-006");
        putTheme("RETIREMENT", theme.getString("name"), theme.getString("description"), members);

        // the same item written again unchanged but for its time stamp: only it
        long v2 = changes(null).getLong("version");
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("aliases",
                given().get("/api/v1/services/WATER-003").then().extract().jsonPath().getList("aliases")))
                .put("/api/v1/admin/services/{code}/aliases", "WATER-003").then().statusCode(200);
        assertThat(changes(v2).getLong("version")).as("an unchanged alias list is no change").isEqualTo(v2);
    }

    @Test
    void applyingEveryDeltaSinceAVersionToItsSnapshotGivesTheCurrentSnapshot() throws Exception {
        JsonPath start = changes(null);
        Copy stepwise = new Copy(start);
        Copy atOnce = new Copy(start);
        long v0 = start.getLong("version");

        List<Runnable> changes = List.of(
                () -> putItem("AGRICULTURE-951", "农村电商直播培训"),
                () -> putItem("AGRICULTURE-952", "农产品溯源码申领"),
                () -> addAlias("AGRICULTURE-951", "学直播"),
                () -> putTheme("DELTA_TEST", "乡村振兴一件事", "测试主题", List.of("AGRICULTURE-951", "HRSS-017")),
                () -> given().auth().oauth2(admin).contentType("application/json")
                        .body(Map.of("code", "FORESTRY", "name", "和平县林业局（测试）", "shortName", "林业局",
                                "sortOrder", 18))
                        .put("/api/v1/admin/departments/FORESTRY").then().statusCode(200),
                () -> putItem("AGRICULTURE-951", "农村电商直播带货培训"),
                () -> putTheme("DELTA_TEST", "乡村振兴一件事", "测试主题", List.of("HRSS-017", "AGRICULTURE-952")));
        long previous = v0;
        for (Runnable change : changes) {
            change.run();
            previous = stepwise.apply(changes(previous));
        }
        // removals made straight in the database (an operator, another instance): seen after the next poll
        sql("DELETE FROM theme WHERE code = 'DELTA_TEST'", "DELETE FROM service_item WHERE code = 'AGRICULTURE-952'");
        JsonPath removal = awaitVersionAfter(previous);
        assertThat(removal.getList("themes.removed")).containsExactly("DELTA_TEST");
        assertThat(removal.getList("services.removed")).containsExactly("AGRICULTURE-952");
        stepwise.apply(removal);

        JsonPath sinceStart = changes(v0);
        assertThat(sinceStart.getBoolean("full")).isFalse();
        assertThat(sinceStart.getList("services.added.code")).containsExactly("AGRICULTURE-951");
        assertThat(sinceStart.getList("services.removed")).as("added and removed since: not mentioned").isEmpty();
        assertThat(sinceStart.getList("themes.added")).isEmpty();
        atOnce.apply(sinceStart);

        Copy current = new Copy(changes(null));
        assertThat(stepwise).usingRecursiveComparison().isEqualTo(current);
        assertThat(atOnce).usingRecursiveComparison().isEqualTo(current);
        assertThat(current.services.get("AGRICULTURE-951").get("name")).isEqualTo("农村电商直播带货培训");
        assertThat(((Map<?, ?>) current.services.get("FORESTRY-001").get("department")).get("name"))
                .isEqualTo("和平县林业局（测试）");
    }

    private JsonPath awaitVersionAfter(long version) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonPath answer = changes(version);
        while (answer.getLong("version") == version && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            answer = changes(version);
        }
        assertThat(answer.getLong("version")).as("a new version after a change in the database")
                .isGreaterThan(version);
        return answer;
    }

    private static void assertNothingElse(JsonPath delta, String... except) {
        for (String group : List.of("departments", "services", "themes")) {
            for (String kind : List.of("added", "changed", "removed")) {
                String path = group + "." + kind;
                if (!List.of(except).contains(path)) {
                    assertThat(delta.getList(path)).as(path).isEmpty();
                }
            }
        }
    }

    private void addAlias(String code, String alias) {
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("alias", alias))
                .post("/api/v1/admin/services/{code}/aliases", code).then().statusCode(201);
    }

    private void putTheme(String code, String name, String description, List<String> items) {
        int position = given().get("/api/v1/themes").then().extract().jsonPath().getList("items.code").indexOf(code);
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("code", code, "name", name, "description", description,
                        "sortOrder", position < 0 ? 500 : position, "items", items))
                .put("/api/v1/admin/themes/{code}", code).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    private void putItem(String code, String name) {
        Map<String, Object> item = new HashMap<>();
        item.put("code", code);
        item.put("name", name);
        item.put("department", "AGRICULTURE");
        item.put("kind", "public_service");
        item.put("legalBasis", "《广东省乡村振兴促进条例》");
        item.put("materials", List.of(Map.of("name", "居民身份证", "required", true, "form", "original", "copies", 1)));
        item.put("statutoryLimitDays", 10);
        item.put("promisedLimitDays", 3);
        item.put("fee", Map.of("charged", false, "description", "不收费"));
        item.put("channels", List.of("kiosk", "mobile"));
        item.put("hardware", List.of("id_card_reader"));
        item.put("formSchema", Map.of("$schema", "https://json-schema.org/draft/2020-12/schema", "type", "object"));
        given().auth().oauth2(admin).contentType("application/json").body(item)
                .put("/api/v1/admin/services/{code}", code).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    /** A kiosk's copy of the catalog, kept up to date the way the API describes. */
    static final class Copy {
        long version;
        final Map<String, Map<String, Object>> departments = new LinkedHashMap<>();
        final Map<String, Map<String, Object>> services = new LinkedHashMap<>();
        final Map<String, Map<String, Object>> themes = new LinkedHashMap<>();
        List<String> departmentOrder;
        List<String> themeOrder;

        Copy(JsonPath full) {
            assertThat(full.getBoolean("full")).isTrue();
            apply(full);
        }

        long apply(JsonPath answer) {
            if (answer.getBoolean("full")) {
                departments.clear();
                services.clear();
                themes.clear();
            }
            apply(answer, "departments", departments);
            apply(answer, "services", services);
            apply(answer, "themes", themes);
            departmentOrder = answer.getList("departmentOrder", String.class);
            themeOrder = answer.getList("themeOrder", String.class);
            version = answer.getLong("version");
            return version;
        }

        private static void apply(JsonPath answer, String group, Map<String, Map<String, Object>> copy) {
            answer.getList(group + ".removed", String.class).forEach(copy::remove);
            for (String kind : List.of("added", "changed")) {
                List<Map<String, Object>> objects = answer.getList(group + "." + kind);
                objects.forEach(object -> copy.put((String) object.get("code"), object));
            }
        }
    }
}
