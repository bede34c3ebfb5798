package cn.gov.gd.yzz.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.KioskSimulator;
import cn.gov.gd.yzz.support.Staff;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shipped alerting rules (src/main/prometheus/yzz-alerts.yml) stay valid: each rule has the fields Prometheus
 * requires, a PromQL expression with balanced brackets that names only metrics this service exposes (scraped after
 * some traffic), a severity, and a runbook section (an anchor of src/site/markdown/runbook.md) that exists.
 * promtool is not obtainable here; this is the parser check.
 */
@QuarkusTest
class AlertRulesTest extends ApiTest {

    static final Path RULES = Path.of("src", "main", "prometheus", "yzz-alerts.yml");
    static final Path RUNBOOK = Path.of("src", "site", "markdown", "runbook.md");

    /** PromQL words with an underscore that are not metric names (functions); label names are stripped before. */
    private static final Set<String> FUNCTIONS = Set.of("clamp_min", "clamp_max", "histogram_quantile",
            "label_replace", "label_join", "avg_over_time", "max_over_time", "min_over_time", "sum_over_time",
            "count_over_time", "last_over_time", "absent_over_time", "quantile_over_time", "count_values");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABELS = Pattern.compile("\\{[^}]*\\}");
    private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern RANGE = Pattern.compile("\\[[^\\]]*\\]");
    private static final Pattern STRINGS = Pattern.compile("\"[^\"]*\"");

    static JsonNode rules() throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(RULES.toFile());
    }

    static List<JsonNode> alerts(JsonNode file) {
        List<JsonNode> all = new ArrayList<>();
        file.path("groups").forEach(group -> group.path("rules").forEach(all::add));
        return all;
    }

    /** The metric names an expression reads. */
    static Set<String> metricsOf(String expr) {
        String bare = STRINGS.matcher(expr).replaceAll("\"\"");
        bare = LABELS.matcher(bare).replaceAll(" ");
        bare = GROUPING.matcher(bare).replaceAll(" ");
        bare = RANGE.matcher(bare).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(bare);
        while (m.find()) {
            String word = m.group();
            if (word.contains("_") && !FUNCTIONS.contains(word)) {
                names.add(word);
            }
        }
        return names;
    }

    @Test
    void everyRuleIsWellFormedAndNamesAnExistingRunbookSection() throws Exception {
        JsonNode file = rules();
        assertThat(file.path("groups").isArray()).isTrue();
        Set<String> groupNames = new HashSet<>();
        file.path("groups").forEach(g -> assertThat(groupNames.add(g.path("name").asText())).as("group name").isTrue());
        String runbook = Files.readString(RUNBOOK, StandardCharsets.UTF_8);
        Set<String> anchors = new HashSet<>();
        Matcher a = Pattern.compile("<a id=\"([a-z0-9-]+)\"></a>\\s*\\n##").matcher(runbook);
        while (a.find()) {
            anchors.add(a.group(1));
        }
        List<JsonNode> alerts = alerts(file);
        assertThat(alerts).hasSizeGreaterThanOrEqualTo(8);
        Set<String> names = new HashSet<>();
        for (JsonNode rule : alerts) {
            String name = rule.path("alert").asText();
            assertThat(name).as("alert name").matches("[A-Za-z_][A-Za-z0-9_]*");
            assertThat(names.add(name)).as("unique " + name).isTrue();
            String expr = rule.path("expr").asText();
            assertThat(expr).as(name + " expr").isNotBlank();
            assertThat(balanced(expr)).as(name + " brackets").isTrue();
            assertThat(metricsOf(expr)).as(name + " reads a metric").isNotEmpty();
            if (rule.has("for")) {
                assertThat(rule.path("for").asText()).as(name + " for").matches("[0-9]+[smhd]");
            }
            assertThat(rule.path("labels").path("severity").asText()).as(name + " severity")
                    .isIn("critical", "warning");
            assertThat(rule.path("annotations").path("summary").asText()).as(name + " summary").isNotBlank();
            String url = rule.path("annotations").path("runbook_url").asText();
            assertThat(url).as(name + " runbook").startsWith(RUNBOOK.toString().replace('\\', '/') + "#");
            assertThat(anchors).as(name + " runbook section").contains(url.substring(url.indexOf('#') + 1));
        }
    }

    @Test
    void everyMetricTheRulesReadIsExposed() throws Exception {
        // some traffic first: a kiosk batch, a refused sign-in, a forged token
        KioskSimulator kiosk = KioskSimulator.register(Staff.token(Staff.ADMIN), Staff.SPECIALIST);
        given().auth().oauth2(kiosk.deviceToken()).contentType("application/json")
                .body(Map.of("events", List.of(Map.of("eventId", java.util.UUID.randomUUID().toString(),
                        "serviceCode", "HRSS-001", "kind", "query",
                        "occurredAt", java.time.OffsetDateTime.now().minusMinutes(5).toString()))))
                .post("/api/v1/kiosks/{id}/transactions", kiosk.id()).then().statusCode(200);
        given().auth().oauth2("eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln").get("/api/v1/submissions").then()
                .statusCode(401);
        Set<String> needed = new TreeSet<>();
        alerts(rules()).forEach(rule -> needed.addAll(metricsOf(rule.path("expr").asText())));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Set<String> missing;
        do {
            String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            missing = new TreeSet<>();
            for (String metric : needed) {
                if (!Pattern.compile("(?m)^" + Pattern.quote(metric) + "[{ ]").matcher(metrics).find()) {
                    missing.add(metric);
                }
            }
            if (!missing.isEmpty()) {
                Thread.sleep(250); // the kiosk gauges are re-read at an interval
            }
        } while (!missing.isEmpty() && System.nanoTime() < deadline);
        assertThat(missing).as("metrics the alert rules read but the service does not expose").isEmpty();
    }

    @Test
    void theExtractorFindsMetricsAndNotLabelsOrFunctions() {
        assertThat(metricsOf("sum by (town) (yzz_kiosks{state=\"offline\"}) / clamp_min(sum(rate(x_total[5m])), 1)"))
                .containsExactly("x_total", "yzz_kiosks");
    }

    private static boolean balanced(String expr) {
        int round = 0;
        int curly = 0;
        int square = 0;
        for (char c : STRINGS.matcher(expr).replaceAll("\"\"").toCharArray()) {
            switch (c) {
                case '(' -> round++;
                case ')' -> round--;
                case '{' -> curly++;
                case '}' -> curly--;
                case '[' -> square++;
                case ']' -> square--;
                default -> {
                }
            }
            if (round < 0 || curly < 0 || square < 0) {
                return false;
            }
        }
        return round == 0 && curly == 0 && square == 0;
    }
}
