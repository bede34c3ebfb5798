package cn.gov.gd.yzz.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.IdNumberFixtures;
import cn.gov.gd.yzz.support.KioskSimulator;
import cn.gov.gd.yzz.support.Staff;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operators' dashboard in a real headless Chromium (the Debian package, driven by Playwright without its own
 * browser download): known transaction events go in through the API, then an admin and a reviewer sign in, pick the
 * period and must see exactly those figures in the ECharts charts, download a CSV, and the page logs no error.
 * Without a Chromium on the machine the browser tests are skipped with a message naming the install command; CI
 * installs it ({@code .ci/run}) and fails when they were skipped.
 */
@QuarkusTest
class DashboardBrowserTest extends ApiTest {

    static final String INSTALL = "apt-get install -y --no-install-recommends chromium";
    static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");

    /** The ingested events: a kiosk of its own town, two days of Asia/Shanghai, three departments. */
    static final String TOWN = "看板测试镇" + UUID.randomUUID().toString().substring(0, 4);
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    static final LocalDate DAY1 = TODAY.minusDays(12);
    static final LocalDate DAY2 = TODAY.minusDays(11);
    static final int HRSS_EVENTS = 4;
    static final int ALL_EVENTS = 8;
    static final int DAY1_EVENTS = 5;
    static final int DAY2_EVENTS = 3;

    private static boolean ingested;
    private static Playwright playwright;
    private static Browser browser;

    @TestHTTPResource("/dashboard")
    URL dashboard;

    private BrowserContext context;
    private Page page;
    private final List<String> consoleErrors = new CopyOnWriteArrayList<>();

    // ------------------------------------------------------------------ browser

    static Optional<Path> chromium() {
        String configured = System.getProperty("yzz.chromium", System.getenv("YZZ_CHROMIUM"));
        Stream<String> candidates = configured != null && !configured.isBlank() ? Stream.of(configured)
                : Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome",
                        "/usr/bin/google-chrome-stable");
        return candidates.map(Path::of).filter(Files::isExecutable).findFirst();
    }

    private static Browser browser() {
        Optional<Path> executable = chromium();
        if (executable.isEmpty()) {
            String message = "DashboardBrowserTest SKIPPED: no Chromium found (looked for /usr/bin/chromium; "
                    + "-Dyzz.chromium or YZZ_CHROMIUM names another). Install it with: sudo " + INSTALL;
            System.err.println("\n" + "!".repeat(message.length()) + "\n" + message + "\n"
                    + "!".repeat(message.length()) + "\n");
            assumeTrue(false, message);
        }
        if (browser == null) {
            playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(executable.get()).setHeadless(true)
                    .setArgs(List.of("--disable-dev-shm-usage", "--disable-gpu")));
        }
        return browser;
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            playwright.close();
            browser = null;
            playwright = null;
        }
    }

    @BeforeEach
    void ingestKnownEvents() {
        if (ingested) {
            return;
        }
        String admin = Staff.token(Staff.ADMIN);
        KioskSimulator kiosk = KioskSimulator.registerIn(admin, TOWN, "看板测试村", Staff.SPECIALIST);
        String residentA = kiosk.citizenToken(IdNumberFixtures.next(), "甲");
        String residentB = kiosk.citizenToken(IdNumberFixtures.next(), "乙");
        List<Map<String, Object>> events = new ArrayList<>();
        events.add(event("HRSS-001", DAY1, 9, residentA, true));
        events.add(event("HRSS-001", DAY1, 10, null, false));
        events.add(event("HRSS-001", DAY1, 11, null, false));
        events.add(event("MEDICAL_INSURANCE-003", DAY1, 14, residentB, false));
        events.add(event("MEDICAL_INSURANCE-003", DAY1, 15, null, false));
        events.add(event("HRSS-002", DAY2, 9, residentA, true));
        events.add(event("PUBLIC_SECURITY-001", DAY2, 10, null, false));
        events.add(event("PUBLIC_SECURITY-001", DAY2, 16, null, false));
        given().auth().oauth2(kiosk.deviceToken()).contentType("application/json").body(Map.of("events", events))
                .post("/api/v1/kiosks/{id}/transactions", kiosk.id())
                .then().statusCode(200).body("accepted", org.hamcrest.Matchers.equalTo(ALL_EVENTS));
        ingested = true;
    }

    private static Map<String, Object> event(String service, LocalDate day, int hour, String citizenToken,
            boolean assisted) {
        Map<String, Object> e = new HashMap<>();
        e.put("eventId", UUID.randomUUID().toString());
        e.put("serviceCode", service);
        e.put("occurredAt", day.atTime(hour, 0).atOffset(ZoneOffset.ofHours(8)).toString());
        e.put("kind", "query");
        if (citizenToken != null) {
            e.put("citizenToken", citizenToken);
        }
        if (assisted) {
            e.put("specialistId", Staff.SPECIALIST);
        }
        return e;
    }

    private void openPage() {
        context = browser().newContext(new Browser.NewContextOptions().setViewportSize(1440, 900)
                .setAcceptDownloads(true).setLocale("zh-CN").setTimezoneId("Asia/Shanghai")
                // the page then draws without animation, so the screenshots show the final charts
                .setReducedMotion(com.microsoft.playwright.options.ReducedMotion.REDUCE));
        page = context.newPage();
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                consoleErrors.add(m.text() + " @ " + m.location());
            }
        });
        page.onPageError(error -> consoleErrors.add("uncaught: " + error));
        page.navigate(dashboard.toString());
    }

    @AfterEach
    void closePage() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    private void login(String username, String password) {
        page.waitForSelector("#login-view:not([hidden])");
        if (!Files.exists(SCREENSHOTS.resolve("login.png"))) {
            screenshot("login.png");
        }
        page.fill("#login-username", username);
        page.fill("#login-password", password);
        page.click("#login-submit");
        page.waitForSelector("#app-view:not([hidden])");
        page.waitForFunction("() => document.body.dataset.state === 'ready'");
    }

    private void pickRange(LocalDate from, LocalDate to) {
        page.fill("#range-from", from.toString());
        page.fill("#range-to", to.toString());
        page.click("#range-apply");
        page.waitForFunction("r => document.body.dataset.state === 'ready' && document.body.dataset.range === r",
                from + "/" + to);
    }

    /** The chart's category → value pairs as ECharts holds them, and its canvas as drawn. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> chart(String id) {
        return (Map<String, Object>) page.evaluate("""
                id => {
                  const el = document.getElementById(id);
                  const instance = window.echarts.getInstanceByDom(el);
                  if (!instance) return null;
                  const option = instance.getOption();
                  const axes = [...(option.xAxis || []), ...(option.yAxis || [])];
                  const category = axes.find(a => a.type === 'category');
                  const values = option.series[0].data.map(d => (d !== null && typeof d === 'object') ? d.value : d);
                  const canvas = el.querySelector('canvas');
                  const box = canvas ? canvas.getBoundingClientRect() : { width: 0, height: 0 };
                  let painted = 0;
                  if (canvas && canvas.width > 0 && canvas.height > 0) {
                    const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                    for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] !== 0) painted++; }
                  }
                  return { categories: category ? category.data : [], values,
                           width: box.width, height: box.height, painted };
                }""", id);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long> pairs(Map<String, Object> chart) {
        List<Object> categories = (List<Object>) chart.get("categories");
        List<Object> values = (List<Object>) chart.get("values");
        assertThat(categories).hasSameSizeAs(values);
        Map<String, Long> pairs = new LinkedHashMap<>();
        for (int i = 0; i < categories.size(); i++) {
            pairs.put(String.valueOf(categories.get(i)), ((Number) values.get(i)).longValue());
        }
        return pairs;
    }

    private static void assertDrawn(Map<String, Object> chart) {
        assertThat(chart).as("an ECharts instance").isNotNull();
        assertThat(((Number) chart.get("width")).doubleValue()).isGreaterThan(100);
        assertThat(((Number) chart.get("height")).doubleValue()).isGreaterThan(100);
        assertThat(((Number) chart.get("painted")).longValue()).as("painted pixels").isGreaterThan(500);
    }

    /** The API's rows for the period, label → transactions. */
    private static Map<String, Long> apiRows(String token, String groupBy, boolean byKey) {
        JsonPath json = given().auth().oauth2(token)
                .queryParams("groupBy", groupBy, "from", DAY1.toString(), "to", DAY2.toString())
                .get("/api/v1/stats/transactions").then().statusCode(200).extract().jsonPath();
        Map<String, Long> rows = new LinkedHashMap<>();
        for (Map<String, Object> row : json.<Map<String, Object>>getList("rows")) {
            rows.put(String.valueOf(row.get(byKey ? "key" : "label")), ((Number) row.get("transactions")).longValue());
        }
        return rows;
    }

    private static JsonPath apiSummary(String token) {
        return given().auth().oauth2(token).queryParams("from", DAY1.toString(), "to", DAY2.toString())
                .get("/api/v1/stats/summary").then().statusCode(200).extract().jsonPath();
    }

    private String text(String selector) {
        return page.textContent(selector).trim();
    }

    private Path screenshot(String name) {
        Path file = SCREENSHOTS.resolve(name).toAbsolutePath();
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        System.out.println("Dashboard screenshot: " + file);
        return file;
    }

    // ------------------------------------------------------------------ tests

    @Test
    void thePageIsPublicWithStrictHeadersAndTheFiguresAreNot() {
        String html = given().get("/dashboard").then().statusCode(200).contentType("text/html")
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'self'"))
                .header("X-Content-Type-Options", "nosniff").header("X-Frame-Options", "DENY")
                .extract().asString();
        assertThat(html).contains("运营看板").contains("/static/bundle/")
                .doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
                .doesNotContain("cdn").doesNotContain("https://");
        given().queryParams("from", DAY1.toString(), "to", DAY2.toString()).get("/api/v1/stats/summary")
                .then().statusCode(401);
        given().queryParams("groupBy", "department").get("/api/v1/stats/transactions").then().statusCode(401);
    }

    @Test
    void anAdminSeesTheIngestedFiguresInTheChartsAndDownloadsThemAsCsv() throws Exception {
        openPage();
        login(Staff.ADMIN, "Admin#2026");
        // default period: this year to date (Asia/Shanghai)
        assertThat(page.inputValue("#range-from")).isEqualTo(TODAY.withDayOfYear(1).toString());
        assertThat(page.inputValue("#range-to")).isEqualTo(TODAY.toString());
        pickRange(DAY1, DAY2);

        String admin = Staff.token(Staff.ADMIN);
        JsonPath summary = apiSummary(admin);

        Map<String, Object> towns = chart("chart-town");
        assertDrawn(towns);
        assertThat(pairs(towns)).containsEntry(TOWN, (long) ALL_EVENTS).isEqualTo(apiRows(admin, "town", false));

        Map<String, Object> departments = chart("chart-department");
        assertDrawn(departments);
        Map<String, Long> byDepartment = pairs(departments);
        assertThat(byDepartment).isEqualTo(apiRows(admin, "department", false)).hasSizeGreaterThanOrEqualTo(3);
        assertThat(byDepartment.values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(summary.getLong("transactions")).isGreaterThanOrEqualTo(ALL_EVENTS);

        Map<String, Object> days = chart("chart-day");
        assertDrawn(days);
        Map<String, Long> byDay = pairs(days);
        assertThat(byDay.keySet()).containsExactly(DAY1.toString(), DAY2.toString());
        assertThat(byDay.get(DAY1.toString())).isGreaterThanOrEqualTo(DAY1_EVENTS);
        assertThat(byDay.get(DAY2.toString())).isGreaterThanOrEqualTo(DAY2_EVENTS);
        Map<String, Long> apiDays = apiRows(admin, "day", true);
        byDay.forEach((day, n) -> assertThat(n).as(day).isEqualTo(apiDays.getOrDefault(day, 0L)));

        Map<String, Object> assisted = chart("chart-assisted");
        assertDrawn(assisted);
        assertThat(((Number) ((List<?>) assisted.get("values")).get(0)).doubleValue())
                .isCloseTo(summary.getDouble("assistedShare") * 100, org.assertj.core.data.Offset.offset(0.051));

        Map<String, Object> ratings = chart("chart-rating");
        assertDrawn(ratings);
        assertThat(pairs(ratings).values()).containsExactly(
                summary.getLong("ratings.distribution.'1'"), summary.getLong("ratings.distribution.'2'"),
                summary.getLong("ratings.distribution.'3'"), summary.getLong("ratings.distribution.'4'"),
                summary.getLong("ratings.distribution.'5'"));

        assertThat(text("#kpi-transactions").replace(",", "")).isEqualTo(summary.getString("transactions"));
        assertThat(text("#kpi-residents").replace(",", "")).isEqualTo(summary.getString("residentsServed"));
        assertThat(text("#kpi-kiosks")).isEqualTo(summary.getInt("kiosksOnline") + " / " + summary.getInt("kiosksTotal"));
        assertThat(text("#kpi-awaiting-delivery").replace(",", "")).isEqualTo(Long.toString(
                summary.<Number>getList("efficiency.awaitingDelivery").stream().mapToLong(Number::longValue).sum()));

        // the kiosk register, admins only
        assertThat(page.isVisible("#kiosk-section")).isTrue();
        int registered = given().auth().oauth2(admin).queryParam("size", 1).get("/api/v1/admin/kiosks")
                .then().statusCode(200).extract().path("total");
        assertThat(page.locator("#kiosk-table tbody tr").count()).isEqualTo(registered);
        assertThat(page.locator("#efficiency-table tbody tr").count()).isEqualTo(summary.getList("efficiency").size());
        assertThat(page.locator("#kiosk-table tbody tr").first().textContent()).containsPattern("在线|离线|已停用");

        // CSV download: fetched with the token, saved as a file with a proper name, the API's very bytes
        Download download = page.waitForDownload(() -> page.click("[data-csv='department']"));
        assertThat(download.failure()).isNull();
        assertThat(download.suggestedFilename()).endsWith(".csv").doesNotContain("/");
        byte[] saved = Files.readAllBytes(download.path());
        io.restassured.response.ExtractableResponse<?> api = given().auth().oauth2(admin)
                .queryParams("groupBy", "department", "from", DAY1.toString(), "to", DAY2.toString())
                .get("/api/v1/stats/transactions.csv").then().statusCode(200).extract();
        assertThat(saved).isEqualTo(api.asByteArray());
        assertThat(api.header("Content-Disposition")).contains("filename=\"" + download.suggestedFilename() + "\"");
        String csv = new String(saved, StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF代码,名称,办件量,服务群众数,帮办量").contains("HRSS,");

        Path shot = screenshot("dashboard.png");
        assertThat(Files.size(shot)).isGreaterThan(10_000);

        // tooltips (HTML that ECharts styles inline) show under the page's CSP without errors
        page.hover("#chart-town canvas");
        page.waitForFunction("() => document.getElementById('chart-town').innerText.includes('办件量：')");

        // a phone: one column, the charts follow the width
        page.setViewportSize(390, 844);
        page.waitForFunction("() => document.querySelector('#chart-town canvas').getBoundingClientRect().width < 390");
        assertDrawn(chart("chart-department"));
        screenshot("dashboard-phone.png");
        page.setViewportSize(1440, 900);

        // the token survives a reload (sessionStorage), and logging out forgets it
        page.reload();
        page.waitForFunction("() => document.body.dataset.state === 'ready'");
        page.click("#logout");
        page.waitForSelector("#login-view:not([hidden])");
        assertThat(page.evaluate("() => sessionStorage.length")).isEqualTo(0);

        assertThat(consoleErrors).as("console errors").isEmpty();
    }

    @Test
    void aReviewerSeesOnlyTheirDepartment() {
        openPage();
        login(Staff.REVIEWER_HRSS, "Review#2026");
        pickRange(DAY1, DAY2);
        String reviewer = Staff.token(Staff.REVIEWER_HRSS);

        Map<String, Long> byDepartment = pairs(chart("chart-department"));
        assertThat(byDepartment).hasSize(1).isEqualTo(apiRows(reviewer, "department", false));
        assertThat(byDepartment.values().iterator().next()).isGreaterThanOrEqualTo(HRSS_EVENTS);
        assertThat(pairs(chart("chart-town"))).containsEntry(TOWN, (long) HRSS_EVENTS);
        assertThat(text("#user-scope")).startsWith("审核员");
        assertThat(page.isVisible("#kiosk-section")).isFalse();
        assertThat(text("#kpi-transactions").replace(",", "")).isEqualTo(apiSummary(reviewer).getString("transactions"));
        // 效能: one row, the reviewer's department, as stats/summary counts it
        JsonPath summary = apiSummary(reviewer);
        assertThat(page.locator("#efficiency-table tbody tr").count()).isEqualTo(1);
        assertThat(page.locator("#efficiency-table tbody tr td").allTextContents()).startsWith(
                summary.getString("efficiency[0].label"), summary.getString("efficiency[0].received"),
                summary.getString("efficiency[0].completed"));

        screenshot("dashboard-reviewer.png");
        assertThat(consoleErrors).as("console errors").isEmpty();
    }
}
