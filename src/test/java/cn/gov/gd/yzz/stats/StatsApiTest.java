package cn.gov.gd.yzz.stats;

import static cn.gov.gd.yzz.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.Citizens;
import cn.gov.gd.yzz.support.IdNumberFixtures;
import cn.gov.gd.yzz.support.KioskSimulator;
import cn.gov.gd.yzz.support.Staff;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Statistics against figures computed directly from a known set of events. The suite shares one database, so each
 * figure is compared as the difference between before and after the set was ingested; the set's residents are new
 * citizens, so that their distinct count is exactly the difference in residents served.
 */
@QuarkusTest
class StatsApiTest extends ApiTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Map<String, String> DEPARTMENT_OF = Map.of("HRSS-001", "HRSS", "HRSS-002", "HRSS",
            "PUBLIC_SECURITY-001", "PUBLIC_SECURITY", "MEDICAL_INSURANCE-003", "MEDICAL_INSURANCE");

    /** One event of the known set, with the resident it was for (index into the citizens, or -1). */
    private record Known(UUID id, String service, LocalDate day, int citizen, boolean assisted) {
    }

    private String admin;

    @BeforeEach
    void admin() {
        admin = Staff.token(Staff.ADMIN);
    }

    @Test
    void everyGroupingAndResidentsServedEqualTheFiguresOfTheEventsSent() {
        KioskSimulator kiosk = KioskSimulator.register(admin, Staff.SPECIALIST);
        LocalDate today = LocalDate.now(CHINA);
        LocalDate from = today.minusDays(6);
        List<String> citizens = List.of(
                kiosk.citizenToken(IdNumberFixtures.next(), "统计甲"),
                kiosk.citizenToken(IdNumberFixtures.next(), "统计乙"),
                kiosk.citizenToken(IdNumberFixtures.next(), "统计丙"));
        List<String> services = List.copyOf(DEPARTMENT_OF.keySet());
        List<Known> known = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // residents come back on several days and to several departments; some events have no resident
            known.add(new Known(UUID.randomUUID(), services.get(i % services.size()), today.minusDays(1 + i % 4),
                    i % 5 == 4 ? -1 : (i * 7) % 3, i % 3 == 0));
        }
        Map<GroupBy, Map<String, long[]>> before = new HashMap<>();
        for (GroupBy g : GroupBy.values()) {
            before.put(g, rows(g, from, today));
        }
        JsonPath summaryBefore = summary(from, today);

        String device = kiosk.deviceToken();
        List<Map<String, Object>> batch = known.stream().map(k -> event(k, citizens)).collect(Collectors.toList());
        batch.add(batch.get(3)); // a repeat inside the batch
        send(device, kiosk.id(), batch);
        send(device, kiosk.id(), batch.subList(0, 25)); // and a replay of part of it

        Map<GroupBy, Function<Known, String>> keyOf = Map.of(
                GroupBy.DEPARTMENT, k -> DEPARTMENT_OF.get(k.service()),
                GroupBy.KIOSK, k -> kiosk.id(),
                GroupBy.TOWN, k -> "阳明镇",
                GroupBy.VILLAGE, k -> "阳明镇/测试村",
                GroupBy.DAY, k -> k.day().toString(),
                GroupBy.MONTH, k -> k.day().toString().substring(0, 7),
                GroupBy.SERVICE, Known::service,
                GroupBy.CHANNEL, k -> "kiosk");
        for (GroupBy g : GroupBy.values()) {
            Map<String, long[]> after = rows(g, from, today);
            Map<String, List<Known>> expected = known.stream().collect(Collectors.groupingBy(keyOf.get(g)));
            for (Map.Entry<String, List<Known>> group : expected.entrySet()) {
                long[] was = before.get(g).getOrDefault(group.getKey(), new long[3]);
                long[] now = after.get(group.getKey());
                assertThat(now).as("%s row %s", g, group.getKey()).isNotNull();
                assertThat(now[0] - was[0]).as("%s %s transactions", g, group.getKey())
                        .isEqualTo(group.getValue().size());
                assertThat(now[1] - was[1]).as("%s %s assisted", g, group.getKey())
                        .isEqualTo(group.getValue().stream().filter(Known::assisted).count());
                if (g == GroupBy.DEPARTMENT || g == GroupBy.DAY || g == GroupBy.MONTH) {
                    assertThat(now[2] - was[2]).as("%s %s residents", g, group.getKey())
                            .isEqualTo(distinctResidents(group.getValue()));
                }
            }
        }
        JsonPath summaryAfter = summary(from, today);
        assertThat(summaryAfter.getLong("transactions") - summaryBefore.getLong("transactions"))
                .isEqualTo(known.size());
        assertThat(summaryAfter.getLong("residentsServed") - summaryBefore.getLong("residentsServed"))
                .as("three residents, however many days and departments").isEqualTo(3);
    }

    @Test
    void everyRollupGivesTheSameTotalsOverWholeMonthsAndTheirEdges() {
        KioskSimulator kiosk = KioskSimulator.register(admin, Staff.SPECIALIST);
        LocalDate today = LocalDate.now(CHINA);
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            events.add(event(new Known(UUID.randomUUID(), i % 2 == 0 ? "HRSS-001" : "PUBLIC_SECURITY-001",
                    today.minusDays(1 + i % 28), -1, i % 4 == 0), List.of()));
        }
        send(kiosk.deviceToken(), kiosk.id(), events);
        LocalDate lastMonth = today.minusMonths(1).withDayOfMonth(1);
        List<LocalDate[]> periods = List.of(
                new LocalDate[] {lastMonth.minusDays(5), today},
                new LocalDate[] {lastMonth, lastMonth.plusMonths(1).minusDays(1)},
                new LocalDate[] {lastMonth.plusDays(3), today},
                new LocalDate[] {today.minusDays(27), today.minusDays(2)});
        for (LocalDate[] p : periods) {
            for (String assisted : List.of("", "&assisted=true")) {
                long byDepartment = total("department", p, assisted);
                assertThat(total("town", p, assisted)).as("town %s..%s%s", p[0], p[1], assisted)
                        .isEqualTo(byDepartment);
                assertThat(total("kiosk", p, assisted)).as("kiosk %s..%s%s", p[0], p[1], assisted)
                        .isEqualTo(byDepartment);
                assertThat(total("month", p, assisted)).isEqualTo(byDepartment);
            }
            assertThat(total("town", p, "&department=HRSS")).isEqualTo(total("service", p, "&department=HRSS"));
        }
    }

    private long total(String groupBy, LocalDate[] period, String filters) {
        return ((Number) given().auth().oauth2(admin)
                .get("/api/v1/stats/transactions?groupBy=" + groupBy + "&from=" + period[0] + "&to=" + period[1]
                        + filters)
                .then().statusCode(200).extract().path("total")).longValue();
    }

    @Test
    void aReviewerSeesOnlyTheirDepartmentAndOthersAreRefused() {
        KioskSimulator kiosk = KioskSimulator.register(admin);
        OffsetDateTime noon = LocalDate.now(CHINA).minusDays(1).atTime(LocalTime.NOON).atZone(CHINA)
                .toOffsetDateTime();
        send(kiosk.deviceToken(), kiosk.id(), List.of(
                event(new Known(UUID.randomUUID(), "HRSS-001", noon.toLocalDate(), -1, false), List.of()),
                event(new Known(UUID.randomUUID(), "PUBLIC_SECURITY-001", noon.toLocalDate(), -1, false),
                        List.of())));
        String reviewer = Staff.token(Staff.REVIEWER_HRSS);
        List<String> departments = given().auth().oauth2(reviewer)
                .get("/api/v1/stats/transactions?groupBy=department").then().statusCode(200)
                .extract().path("rows.key");
        assertThat(departments).containsExactly("HRSS");
        List<String> services = given().auth().oauth2(reviewer)
                .get("/api/v1/stats/transactions?groupBy=service").then().statusCode(200)
                .extract().path("rows.key");
        assertThat(services).isNotEmpty().allMatch(code -> code.startsWith("HRSS-"));
        given().auth().oauth2(reviewer).get("/api/v1/stats/transactions?groupBy=day&department=HRSS")
                .then().statusCode(200);
        assertProblem(given().auth().oauth2(reviewer)
                .get("/api/v1/stats/transactions?groupBy=day&department=PUBLIC_SECURITY").then(), 403, "forbidden");
        given().auth().oauth2(reviewer).get("/api/v1/stats/summary").then().statusCode(200);

        assertProblem(given().auth().oauth2(Citizens.newMobileCitizen())
                .get("/api/v1/stats/transactions?groupBy=department").then(), 403, "forbidden");
        assertProblem(given().auth().oauth2(Citizens.newMobileCitizen()).get("/api/v1/stats/summary").then(),
                403, "forbidden");
        assertProblem(given().auth().oauth2(Staff.token(Staff.SPECIALIST)).get("/api/v1/stats/summary").then(),
                403, "forbidden");
        assertProblem(given().get("/api/v1/stats/summary").then(), 401, "unauthorized");
    }

    @Test
    void csvOpensAsUtf8WithChineseHeaders() {
        byte[] body = given().auth().oauth2(admin).get("/api/v1/stats/transactions.csv?groupBy=department")
                .then().statusCode(200).contentType("text/csv").header("Content-Disposition",
                        org.hamcrest.Matchers.containsString("attachment"))
                .extract().asByteArray();
        assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(body, StandardCharsets.UTF_8).substring(1);
        assertThat(text.lines().findFirst()).hasValue("代码,名称,办件量,服务群众数,帮办量");
        assertThat(text.lines().reduce((a, b) -> b)).hasValueSatisfying(last -> assertThat(last).startsWith("合计,"));

        byte[] summary = given().auth().oauth2(admin).get("/api/v1/stats/summary.csv")
                .then().statusCode(200).contentType("text/csv").extract().asByteArray();
        String summaryText = new String(summary, StandardCharsets.UTF_8);
        assertThat(summaryText).startsWith("\uFEFF指标,数值\r\n").contains("服务群众数,").contains("差评数,");
        given().auth().oauth2(admin).get("/api/v1/stats/summary").then().statusCode(200)
                .contentType("application/json");
        // what a generated client asks for: the CSV operation's own type or its errors
        given().auth().oauth2(admin).accept("text/csv, application/problem+json").get("/api/v1/stats/summary.csv")
                .then().statusCode(200).contentType("text/csv");
        assertProblem(given().auth().oauth2(admin).accept("text/csv, application/problem+json")
                .get("/api/v1/stats/transactions.csv?groupBy=year").then(), 400, "invalid-parameter");
        assertProblem(given().auth().oauth2(Staff.token(Staff.REVIEWER_HRSS)).accept("text/csv, application/problem+json")
                .get("/api/v1/stats/transactions.csv?groupBy=day&department=MEDICAL_INSURANCE").then(), 403, "forbidden");
    }

    @Test
    void badPeriodsAndParametersAnswer400AndChangeNothing() {
        String base = "/api/v1/stats/transactions?groupBy=";
        assertProblem(given().auth().oauth2(admin).get(base + "year").then(), 400, "invalid-parameter");
        assertProblem(given().auth().oauth2(admin).get("/api/v1/stats/transactions").then(), 400,
                "invalid-parameter");
        assertProblem(given().auth().oauth2(admin).get(base + "day&from=2026-03-02&to=2026-03-01").then(), 400,
                "invalid-parameter");
        assertProblem(given().auth().oauth2(admin).get(base + "day&from=2020-01-01&to=2026-01-01").then(), 400,
                "period-too-long");
        assertProblem(given().auth().oauth2(admin).get(base + "day&from=1999-12-31&to=2000-01-05").then(), 400,
                "invalid-parameter");
        assertProblem(given().auth().oauth2(admin).get(base + "day&from=2026-13-01").then(), 400,
                "invalid-parameter");
        assertProblem(given().auth().oauth2(admin).get(base + "day&assisted=maybe").then(), 400,
                "invalid-parameter");
        assertProblem(given().auth().oauth2(admin).get("/api/v1/stats/summary?to=yesterday").then(), 400,
                "invalid-parameter");
    }

    private static long distinctResidents(List<Known> events) {
        Set<Integer> residents = new HashSet<>();
        events.stream().filter(k -> k.citizen() >= 0).forEach(k -> residents.add(k.citizen()));
        return residents.size();
    }

    /** Transactions, assisted and residents (0 when not counted) per key. */
    private Map<String, long[]> rows(GroupBy groupBy, LocalDate from, LocalDate to) {
        List<Map<String, Object>> rows = given().auth().oauth2(admin)
                .queryParam("groupBy", groupBy.wire()).queryParam("from", from.toString())
                .queryParam("to", to.toString()).get("/api/v1/stats/transactions")
                .then().statusCode(200).extract().path("rows");
        Map<String, long[]> byKey = new HashMap<>();
        for (Map<String, Object> row : rows) {
            Object residents = row.get("residents");
            byKey.put((String) row.get("key"), new long[] {((Number) row.get("transactions")).longValue(),
                    ((Number) row.get("assisted")).longValue(),
                    residents == null ? 0 : ((Number) residents).longValue()});
        }
        return byKey;
    }

    private JsonPath summary(LocalDate from, LocalDate to) {
        return given().auth().oauth2(admin).queryParam("from", from.toString()).queryParam("to", to.toString())
                .get("/api/v1/stats/summary")
                .then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> event(Known k, List<String> citizens) {
        Map<String, Object> e = new HashMap<>();
        e.put("eventId", k.id().toString());
        e.put("serviceCode", k.service());
        e.put("occurredAt", k.day().atTime(10, 30).atZone(CHINA).toOffsetDateTime().toString());
        e.put("kind", "query");
        if (k.citizen() >= 0) {
            e.put("citizenToken", citizens.get(k.citizen()));
        }
        if (k.assisted()) {
            e.put("specialistId", Staff.SPECIALIST);
        }
        return e;
    }

    private static void send(String device, String kioskId, List<Map<String, Object>> events) {
        given().auth().oauth2(device).contentType("application/json").body(Map.of("events", events))
                .post("/api/v1/kiosks/{id}/transactions", kioskId).then().statusCode(200);
    }
}
